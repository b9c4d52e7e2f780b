//! The frame around every page: header, footer, status lines, the state provider and the link
//! that works in every mode.

pub mod app_status;
pub mod footer;
pub mod guide_link;
pub mod header;
pub mod intro;
pub mod load_failed;
pub mod state_provider;
pub mod storage_notice;
