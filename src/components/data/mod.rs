//! The reader's data: asking the browser to keep it, importing a file, the kept copies of
//! unreadable data, and erasing everything.

pub mod backups;
pub mod erase;
pub mod import;
pub mod keep;
