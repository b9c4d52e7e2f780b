//! Reusable pieces of the interface, one component per file, grouped by what they serve: the
//! frame around every page, reading the book, the decision trees, and the reader's data.

pub mod conformance;
pub mod data;
pub mod frame;
pub mod plan;
pub mod reader;
pub mod tree;
pub mod workshop;
