//! Reading the book: the chapter's text and outline, reading progress and position, reading
//! paths, the audience filter and the theme.

pub mod audience_filter;
pub mod chapter_body;
pub mod continue_reading;
pub mod outline;
pub mod read_toggle;
pub mod reading_path;
pub mod reading_tracker;
pub mod theme_switch;
