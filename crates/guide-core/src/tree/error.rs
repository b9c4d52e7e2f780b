//! What can be wrong with a tree, each problem naming the node it is about.

use thiserror::Error;

/// What kind of identifier a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Tree,
    Dimension,
    /// Questions and results share one namespace: a `next` must not be ambiguous.
    Node,
    Option,
    Flag,
    Predicate,
    Var,
    Addendum,
    /// A group of addenda.
    Group,
    /// A step of a plan.
    Step,
    /// A retired result.
    Retired,
    /// A reference to an outside framework (`crosswalk`).
    Crosswalk,
}

impl std::fmt::Display for IdKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IdKind::Tree => "tree",
            IdKind::Dimension => "dimension",
            IdKind::Node => "node",
            IdKind::Option => "option",
            IdKind::Flag => "flag",
            IdKind::Predicate => "predicate",
            IdKind::Var => "var",
            IdKind::Addendum => "addendum",
            IdKind::Group => "group",
            IdKind::Step => "step",
            IdKind::Retired => "retired result",
            IdKind::Crosswalk => "crosswalk reference",
        })
    }
}

/// A problem in a tree, naming the node it is about.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TreeError {
    #[error("the tree has no questions")]
    NoQuestions,
    #[error("the tree has no results")]
    NoResults,
    #[error("{kind} id {id:?}{} is not valid: use lower-case letters, digits and hyphens", in_question(.question))]
    InvalidId {
        kind: IdKind,
        id: String,
        /// The question it belongs to, for options and flags.
        question: Option<String>,
    },
    #[error("{kind} id {id:?} is used more than once")]
    DuplicateId { kind: IdKind, id: String },
    #[error("question {question:?} has option {option:?} more than once")]
    DuplicateOption { question: String, option: String },
    #[error("{node:?}: {field} is empty")]
    EmptyField { node: String, field: &'static str },
    #[error("the start {start:?} is not a question of this tree")]
    UnknownStart { start: String },
    #[error("question {question:?}, option {option:?}: the next node {next:?} does not exist")]
    UnknownNext {
        question: String,
        option: String,
        next: String,
    },
    #[error("question {question:?}, option {option:?}: `next` names the result {next:?}; results are chosen by their rules, so leave `next` out to end the walk")]
    NextIsResult {
        question: String,
        option: String,
        next: String,
    },
    #[error("question {question:?} has no options")]
    NoOptions { question: String },
    #[error("question {question:?} cannot be reached from the start")]
    Unreachable { question: String },
    #[error("the questions form a cycle: {}", .nodes.join(" -> "))]
    Cycle {
        /// The questions on the cycle, the first repeated at the end.
        nodes: Vec<String>,
    },
    #[error("{node:?}: unknown dimension {dimension:?}")]
    UnknownDimension { node: String, dimension: String },
    #[error("result {result:?}: its rule names the unknown question {question:?}")]
    UnknownQuestionInRule { result: String, question: String },
    #[error("result {result:?}: its rule names option {option:?}, which question {question:?} does not have")]
    UnknownOptionInRule {
        result: String,
        question: String,
        option: String,
    },
    #[error("result {result:?}: its rule tests the flag {flag:?}, which no option sets")]
    UnknownFlagInRule { result: String, flag: String },
    #[error("result {result:?}: its rule can never hold: {reason}")]
    RuleNeverHolds { result: String, reason: NeverHolds },
    #[error("result {result:?} is never chosen: wherever its rule holds, an earlier result is chosen first")]
    ResultNeverChosen { result: String },
    #[error("{count} walk(s) end without a result, for example {walk}")]
    UncoveredWalk {
        /// One such walk as `question=option` pairs.
        walk: String,
        count: u64,
    },
    #[error("no result has a rule that always holds, and the tree has too many walks ({walks}) to check every end; add a last result with an empty rule")]
    NoDefaultResult { walks: u64 },
    #[error("the tree has {count} dimensions; a result the reader keeps records at most {max}")]
    TooManyDimensions { count: usize, max: usize },
    #[error("the longest walk asks {longest} questions; the reader's data keeps at most {max} answers per walk")]
    WalkTooLong { longest: usize, max: usize },
    #[error("the sequence names {question:?}, which is not a question of this tree")]
    UnknownInSequence { question: String },
    #[error("question {question:?}: `then` names {then:?}, which is not a question of this tree")]
    UnknownThen { question: String, then: String },
    #[error("{node:?}: `is` names the unknown predicate {name:?}")]
    UnknownPredicate { node: String, name: String },
    #[error("the predicates refer to each other in a circle: {}", .names.join(" -> "))]
    PredicateCycle { names: Vec<String> },
    #[error("addendum {addendum:?} names the unknown result {result:?}")]
    UnknownResultInAddendum { addendum: String, result: String },
    #[error("{node:?}: the text uses {{{name}}}, which is neither a var of the tree nor a var of every result it can be shown with")]
    UnknownPlaceholder { node: String, name: String },
    #[error("retired result {id:?} is also a current result")]
    RetiredStillCurrent { id: String },
    #[error("step {step:?} replaces {replaces:?}, which is not a step of this tree")]
    UnknownReplacedStep { step: String, replaces: String },
}

fn in_question(question: &Option<String>) -> String {
    question
        .as_ref()
        .map(|q| format!(" in {q:?}"))
        .unwrap_or_default()
}

/// Why a result's rule can never hold.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NeverHolds {
    #[error("its {what} range has a minimum of {min} above its maximum of {max}")]
    EmptyRange { what: String, min: u32, max: u32 },
    #[error("it lists no options for question {question:?}")]
    EmptyOptionList { question: String },
    #[error("{detail}")]
    Contradiction { detail: String },
    #[error("no single walk meets all of its answer and flag conditions")]
    NoWalk,
    #[error("it needs a total of {wanted}, but walks that meet its other conditions score {lowest} to {highest}")]
    TotalOutOfReach {
        wanted: String,
        lowest: u32,
        highest: u32,
    },
    #[error("it needs {wanted} on {dimension:?}, but walks that meet its other conditions score {lowest} to {highest} there")]
    DimensionOutOfReach {
        dimension: String,
        wanted: String,
        lowest: u32,
        highest: u32,
    },
    #[error("no walk through the tree satisfies it")]
    NoMatchingWalk,
    #[error("the earlier result {by:?} always holds")]
    Shadowed { by: String },
    #[error("none of its alternatives can hold: {}", join_reasons(.reasons))]
    NoAlternative { reasons: Vec<NeverHolds> },
}

fn join_reasons(reasons: &[NeverHolds]) -> String {
    reasons
        .iter()
        .enumerate()
        .map(|(i, r)| format!("({}) {r}", i + 1))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Where a [`TreeError`] points, so that an authoring tool can find its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location<'a> {
    Tree,
    Dimension(&'a str),
    /// A question or a result.
    Node(&'a str),
    /// An option of a question.
    Option(&'a str, &'a str),
}

impl TreeError {
    /// The node the problem is about.
    pub fn location(&self) -> Location<'_> {
        match self {
            TreeError::NoQuestions
            | TreeError::NoResults
            | TreeError::UnknownStart { .. }
            | TreeError::UncoveredWalk { .. }
            | TreeError::NoDefaultResult { .. }
            | TreeError::TooManyDimensions { .. }
            | TreeError::WalkTooLong { .. }
            | TreeError::UnknownInSequence { .. }
            | TreeError::PredicateCycle { .. } => Location::Tree,
            TreeError::UnknownThen { question, .. } => Location::Node(question),
            TreeError::UnknownPredicate { node, .. }
            | TreeError::UnknownPlaceholder { node, .. } => Location::Node(node),
            TreeError::UnknownResultInAddendum { addendum, .. } => Location::Node(addendum),
            TreeError::UnknownReplacedStep { step, .. } => Location::Node(step),
            TreeError::RetiredStillCurrent { id } => Location::Node(id),
            TreeError::InvalidId { kind, id, question } => match (kind, question) {
                (IdKind::Dimension, _) => Location::Dimension(id),
                (IdKind::Option, Some(q)) => Location::Option(q, id),
                (_, Some(q)) => Location::Node(q),
                (IdKind::Tree, None) => Location::Tree,
                (_, None) => Location::Node(id),
            },
            TreeError::DuplicateId { kind, id } => match kind {
                IdKind::Dimension => Location::Dimension(id),
                IdKind::Tree => Location::Tree,
                _ => Location::Node(id),
            },
            TreeError::DuplicateOption { question, option }
            | TreeError::UnknownNext {
                question, option, ..
            }
            | TreeError::NextIsResult {
                question, option, ..
            } => Location::Option(question, option),
            TreeError::EmptyField { node, .. } | TreeError::UnknownDimension { node, .. } => {
                match node.split_once('/') {
                    Some((q, o)) => Location::Option(q, o),
                    None => Location::Node(node),
                }
            }
            TreeError::NoOptions { question } | TreeError::Unreachable { question } => {
                Location::Node(question)
            }
            TreeError::Cycle { nodes } => {
                nodes.first().map_or(Location::Tree, |n| Location::Node(n))
            }
            TreeError::UnknownQuestionInRule { result, .. }
            | TreeError::UnknownOptionInRule { result, .. }
            | TreeError::UnknownFlagInRule { result, .. }
            | TreeError::RuleNeverHolds { result, .. }
            | TreeError::ResultNeverChosen { result } => Location::Node(result),
        }
    }
}

/// Why a tree shipped as JSON could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TreeLoadError {
    #[error("the tree is not valid JSON: {0}")]
    Json(String),
    #[error("the tree is invalid: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<TreeError>),
    /// A compiled tree whose indexes do not match its questions (a damaged build file).
    #[error("the compiled tree's indexes do not match its questions")]
    Inconsistent,
}
