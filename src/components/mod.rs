//! Reusable pieces of the interface, one component per file.

pub mod audience_filter;
pub mod coming_soon;
pub mod footer;
pub mod guide_link;
pub mod header;
pub mod tree_embed;
