//! Routed pages, one per file.

pub mod chapter;
pub mod conformance;
pub mod contents;
pub mod home;
pub mod not_found;
pub mod plan;
pub mod progress;
pub mod search;
pub mod tree;
pub mod workshop;
