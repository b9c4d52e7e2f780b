//! The pure core of the OSPO Guide.
//!
//! Everything that can be decided without a browser lives here and is tested natively: the book
//! model, the Markdown document tree, content validation, and (in later modules) decision trees,
//! reading progress and search. This crate depends on no browser crate.

#![deny(missing_docs)]

pub mod book;
pub mod checklists;
pub mod conformance;
pub mod crosswalk;
pub mod doc;
pub mod hash;
pub mod id;
pub mod pages;
pub mod plan;
pub mod progress;
pub mod report;
pub mod search;
pub mod share;
pub mod tree;
pub mod walk;
pub mod workshop;

#[cfg(feature = "authoring")]
pub mod content;
#[cfg(feature = "authoring")]
pub mod markdown;

pub use book::{
    Audience, Book, BookIndex, Chapter, ChapterInfo, ChapterKind, ChapterMeta, ChapterOutline,
};
pub use doc::{Block, Document, Inline, LinkTarget};
pub use pages::{GuidePath, Page};
