//! The reader's data: importing a file, the kept copies of unreadable data, and erasing
//! everything.

pub mod backups;
pub mod erase;
pub mod import;
