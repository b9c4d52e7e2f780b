//! The workshop page's parts: bringing colleagues' files in, the people, how answers spread over
//! each question with the group's choice, everyone's scores, and how self-check answers spread.

pub mod check_items;
pub mod import;
pub mod people;
pub mod questions;
pub mod scores;
pub mod spread_list;
