//! Effects: the only place the view layer touches browser APIs (never during render).

pub mod document_title;
pub mod ready_marker;
