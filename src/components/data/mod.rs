//! The reader's data: importing a file and erasing everything.

pub mod erase;
pub mod import;
