//! Reusable pieces of the interface, one component per file.

pub mod app_status;
pub mod audience_filter;
pub mod chapter_body;
pub mod continue_reading;
pub mod data_erase;
pub mod data_import;
pub mod footer;
pub mod guide_link;
pub mod header;
pub mod load_failed;
pub mod outline;
pub mod read_toggle;
pub mod reading_path;
pub mod reading_tracker;
pub mod result_history;
pub mod score_chart;
pub mod state_provider;
pub mod storage_notice;
pub mod theme_switch;
pub mod tree_breadcrumb;
pub mod tree_embed;
pub mod tree_question;
pub mod tree_result;
pub mod tree_runner;
