//! The plan page's parts: the steps the reader works through, and the ways the plan leaves the
//! browser.

pub mod exports;
pub mod step;
