//! The workshop page's parts: bringing colleagues' files in, the people, how answers spread over
//! each question with the group's choice, and everyone's scores.

pub mod import;
pub mod people;
pub mod questions;
pub mod scores;
