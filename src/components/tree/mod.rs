//! The decision trees: a walk one question at a time, its breadcrumb, the result with its chart,
//! the results history, and a tree embedded in a chapter.

pub mod breadcrumb;
pub mod embed;
pub mod history;
pub mod question;
pub mod result;
pub mod runner;
pub mod score_chart;
pub mod shared;
