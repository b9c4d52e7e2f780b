//! Decision trees: the schema authors write in `content/trees/*.toml`, the validator that proves a
//! tree sound, and the engine that walks it.
//!
//! Trees are data so that questions, points and rules can be revised without touching code, and so
//! that the very same tree runs in the tests, at build time and in the browser. The validator
//! reports every problem at once and is the only way to obtain a [`ValidTree`]; because it proves
//! that every walk ends in a result, the engine never meets a dangling link or a walk that ends
//! nowhere. The engine is a set of pure functions over the list of recorded [`Answer`]s, which is
//! exactly what the view keeps in storage, replays after a reload and encodes in share links.
//!
//! A walk starts at [`TreeSpec::start`]; each chosen option either names the next question or
//! ends the walk. When the walk ends, the results are tried in the order they are written and
//! the first whose [`Rule`] holds is the outcome.
//!
//! The modules, in the order a tree meets them: [`schema`] (what authors write), `validate` and
//! `analysis` (the proof), `eval` (a rule against a walk), `engine` (walking), and `authoring`
//! (TOML with line numbers, build time only).

mod analysis;
#[cfg(feature = "authoring")]
mod authoring;
mod compiled;
mod confidence;
mod engine;
mod error;
mod eval;
mod outcome;
mod resolve;
pub mod schema;
mod validate;
mod validate_advice;

pub use crate::book::LinkProblem;
#[cfg(feature = "authoring")]
pub use authoring::{
    check_tree, parse_toml, parse_tree_source, parse_tree_spec, SourceError, SourceProblem,
};
pub use compiled::CompiledTree;
pub use confidence::{AlternativeChange, Change, Confidence, Unknown, DONT_KNOW};
pub use engine::{question_hash, Answer, AnswerError, Position, ReplayError, Step, Walk, WalkStep};
pub use error::{IdKind, Location, NeverHolds, TreeError, TreeLoadError};
pub use outcome::{fill, DimensionScore, Outcome, PlanItem, Reason};
pub use schema::{
    Addendum, AnswerCondition, AnswerOption, Bounds, Dimension, PlanStep, Predicate, Question,
    ResultSpec, Retired, Rule, SharedSpec, TreeSpec, VarCase, VarSpec, Window,
};
pub use validate::{validate, ValidTree, MAX_CHECKED_WALKS};

#[cfg(test)]
mod tests;
