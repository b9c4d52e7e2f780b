//! Effects: the only place the view layer touches browser APIs (never during render).

pub mod document_title;
pub mod fetched;
pub mod guide_base;
pub mod keyboard;
pub mod online;
pub mod persistence;
pub mod reading_position;
pub mod ready_marker;
pub mod scroll_on_navigate;
pub mod service_worker;
pub mod tree_walk;
pub mod workshop_store;
