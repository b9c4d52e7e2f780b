//! What can be wrong with a tree, each problem naming the node it is about.

use thiserror::Error;

/// What kind of identifier a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// The tree's own id.
    Tree,
    /// A dimension of points.
    Dimension,
    /// Questions and results share one namespace: a `next` must not be ambiguous.
    Node,
    /// An option of a question (unique within its question).
    Option,
    /// A flag that an option sets for rules to test.
    Flag,
    /// A named predicate.
    Predicate,
    /// A var that texts use as `{id}`, of the tree or of one result.
    Var,
    /// An addendum.
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
    /// The tree has no question at all.
    #[error("the tree has no questions")]
    NoQuestions,
    /// The tree has no result at all.
    #[error("the tree has no results")]
    NoResults,
    /// An id does not follow the id rule (lower-case letters, digits and hyphens).
    #[error("{kind} id {id:?}{} is not valid: use lower-case letters, digits and hyphens", in_question(.question))]
    InvalidId {
        /// What the id names.
        kind: IdKind,
        /// The id as written.
        id: String,
        /// The question it belongs to, for options and flags.
        question: Option<String>,
    },
    /// Two items of one kind share an id (questions and results count as one kind, and an addendum
    /// may not take a result's id).
    #[error("{kind} id {id:?} is used more than once")]
    DuplicateId {
        /// What the id names.
        kind: IdKind,
        /// The id used more than once.
        id: String,
    },
    /// A question lists the same option id twice.
    #[error("question {question:?} has option {option:?} more than once")]
    DuplicateOption {
        /// The question's id.
        question: String,
        /// The repeated option id.
        option: String,
    },
    /// A text that must be written is empty or only whitespace.
    #[error("{node:?}: {field} is empty")]
    EmptyField {
        /// The id of what the field belongs to (the tree, a dimension, question, result, step,
        /// predicate, var or addendum), or `question/option` for an option's label.
        node: String,
        /// The field's name as authored, such as `title` or `done_when`.
        field: &'static str,
    },
    /// `start` names no question of the tree.
    #[error("the start {start:?} is not a question of this tree")]
    UnknownStart {
        /// The id that `start` names.
        start: String,
    },
    /// An option's `next` names neither a question nor a result.
    #[error("question {question:?}, option {option:?}: the next node {next:?} does not exist")]
    UnknownNext {
        /// The question the option belongs to.
        question: String,
        /// The option whose `next` it is.
        option: String,
        /// The id that `next` names.
        next: String,
    },
    /// An option's `next` names a result, which only rules may choose.
    #[error("question {question:?}, option {option:?}: `next` names the result {next:?}; results are chosen by their rules, so leave `next` out to end the walk")]
    NextIsResult {
        /// The question the option belongs to.
        question: String,
        /// The option whose `next` it is.
        option: String,
        /// The result that `next` names.
        next: String,
    },
    /// A question has no options to choose from.
    #[error("question {question:?} has no options")]
    NoOptions {
        /// The question's id.
        question: String,
    },
    /// No walk from the start asks this question.
    #[error("question {question:?} cannot be reached from the start")]
    Unreachable {
        /// The question's id.
        question: String,
    },
    /// The questions' links lead round in a circle, so a walk through them would never end.
    #[error("the questions form a cycle: {}", .nodes.join(" -> "))]
    Cycle {
        /// The questions on the cycle, the first repeated at the end.
        nodes: Vec<String>,
    },
    /// Points or a rule name a dimension the tree does not define.
    #[error("{node:?}: unknown dimension {dimension:?}")]
    UnknownDimension {
        /// Whose points or rule they are: a result, predicate, var, addendum or step, or
        /// `question/option` for an option's points.
        node: String,
        /// The unknown dimension id.
        dimension: String,
    },
    /// A rule names a question the tree does not have.
    #[error("result {result:?}: its rule names the unknown question {question:?}")]
    UnknownQuestionInRule {
        /// Whose rule it is: a result, or a predicate, var, addendum or step.
        result: String,
        /// The unknown question id.
        question: String,
    },
    /// A rule's answer condition names an option its question does not have.
    #[error("result {result:?}: its rule names option {option:?}, which question {question:?} does not have")]
    UnknownOptionInRule {
        /// Whose rule it is: a result, or a predicate, var, addendum or step.
        result: String,
        /// The question the condition is about.
        question: String,
        /// The option id that question does not have.
        option: String,
    },
    /// A rule tests a flag that no option of the tree sets.
    #[error("result {result:?}: its rule tests the flag {flag:?}, which no option sets")]
    UnknownFlagInRule {
        /// Whose rule it is: a result, or a predicate, var, addendum or step.
        result: String,
        /// The flag no option sets.
        flag: String,
    },
    /// A rule holds on no walk, so what it guards (a result, a var's case, an addendum or a step)
    /// never applies.
    #[error("result {result:?}: its rule can never hold: {reason}")]
    RuleNeverHolds {
        /// Whose rule it is: a result, or a predicate, var, addendum or step.
        result: String,
        /// Why it can never hold.
        reason: NeverHolds,
    },
    /// A result's rule holds on some walks, but on each of them an earlier result is chosen first.
    #[error("result {result:?} is never chosen: wherever its rule holds, an earlier result is chosen first")]
    ResultNeverChosen {
        /// The result's id.
        result: String,
    },
    /// Some walks end where no result's rule holds, so they would have no result.
    #[error("{count} walk(s) end without a result, for example {walk}")]
    UncoveredWalk {
        /// One such walk as `question=option` pairs.
        walk: String,
        /// How many walks end without a result.
        count: u64,
    },
    /// The tree has too many walks to check that each ends in a result, and no result always holds
    /// to catch the rest.
    #[error("no result has a rule that always holds, and the tree has too many walks ({walks}) to check every end; add a last result with an empty rule")]
    NoDefaultResult {
        /// How many walks the tree has (more than
        /// [`MAX_CHECKED_WALKS`](crate::tree::MAX_CHECKED_WALKS)).
        walks: u64,
    },
    /// The tree has more dimensions than a result kept in the reader's data records.
    #[error("the tree has {count} dimensions; a result the reader keeps records at most {max}")]
    TooManyDimensions {
        /// How many dimensions the tree has.
        count: usize,
        /// The most a kept result records ([`MAX_DIMENSIONS`](crate::progress::MAX_DIMENSIONS)).
        max: usize,
    },
    /// The longest walk asks more questions than the reader's data keeps answers for.
    #[error("the longest walk asks {longest} questions; the reader's data keeps at most {max} answers per walk")]
    WalkTooLong {
        /// How many questions the longest walk asks.
        longest: usize,
        /// The most answers kept per walk ([`MAX_ANSWERS`](crate::progress::MAX_ANSWERS)).
        max: usize,
    },
    /// `sequence` names a question the tree does not have.
    #[error("the sequence names {question:?}, which is not a question of this tree")]
    UnknownInSequence {
        /// The unknown id in the sequence.
        question: String,
    },
    /// A question's `then` names a question the tree does not have.
    #[error("question {question:?}: `then` names {then:?}, which is not a question of this tree")]
    UnknownThen {
        /// The question whose `then` it is.
        question: String,
        /// The unknown id that `then` names.
        then: String,
    },
    /// A rule's `is` names a predicate the tree does not define.
    #[error("{node:?}: `is` names the unknown predicate {name:?}")]
    UnknownPredicate {
        /// Whose rule it is: a predicate, var, result, addendum or step.
        node: String,
        /// The unknown predicate name.
        name: String,
    },
    /// Predicates name each other in a circle, so their rules cannot be written out.
    #[error("the predicates refer to each other in a circle: {}", .names.join(" -> "))]
    PredicateCycle {
        /// The predicates along the circle, in the order they name each other, ending with the one
        /// named again.
        names: Vec<String>,
    },
    /// An addendum's `results` names a result the tree does not have.
    #[error("addendum {addendum:?} names the unknown result {result:?}")]
    UnknownResultInAddendum {
        /// The addendum's id.
        addendum: String,
        /// The unknown result id.
        result: String,
    },
    /// A text uses a `{name}` that has no value wherever the text can be shown.
    #[error("{node:?}: the text uses {{{name}}}, which is neither a var of the tree nor a var of every result it can be shown with")]
    UnknownPlaceholder {
        /// The result, addendum or step whose text it is.
        node: String,
        /// The placeholder's name, without braces.
        name: String,
    },
    /// A retired result has the id of a current result.
    #[error("retired result {id:?} is also a current result")]
    RetiredStillCurrent {
        /// The id listed both as retired and as current.
        id: String,
    },
    /// A step's `replaces` names a step that no result or addendum of the tree has.
    #[error("step {step:?} replaces {replaces:?}, which is not a step of this tree")]
    UnknownReplacedStep {
        /// The step whose `replaces` it is.
        step: String,
        /// The unknown step id.
        replaces: String,
    },
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
    /// A range's minimum is above its maximum.
    #[error("its {what} range has a minimum of {min} above its maximum of {max}")]
    EmptyRange {
        /// What the range is on: `total`, or a dimension's id in quotes.
        what: String,
        /// The range's minimum, in points.
        min: u32,
        /// The range's maximum, in points.
        max: u32,
    },
    /// An answer condition lists no options, so no answer can meet it.
    #[error("it lists no options for question {question:?}")]
    EmptyOptionList {
        /// The question the condition is about.
        question: String,
    },
    /// Two of its conditions exclude each other.
    #[error("{detail}")]
    Contradiction {
        /// Which conditions clash, in words (the whole message).
        detail: String,
    },
    /// No single walk meets all of its answer and flag conditions.
    #[error("no single walk meets all of its answer and flag conditions")]
    NoWalk,
    /// Walks that meet its other conditions never reach a total in its range.
    #[error("it needs a total of {wanted}, but walks that meet its other conditions score {lowest} to {highest}")]
    TotalOutOfReach {
        /// The total it needs, in words, such as "at least 5".
        wanted: String,
        /// The lowest total those walks score.
        lowest: u32,
        /// The highest total those walks score.
        highest: u32,
    },
    /// Walks that meet its other conditions never score in its range on one dimension.
    #[error("it needs {wanted} on {dimension:?}, but walks that meet its other conditions score {lowest} to {highest} there")]
    DimensionOutOfReach {
        /// The dimension's id.
        dimension: String,
        /// The points it needs on the dimension, in words, such as "at most 2".
        wanted: String,
        /// The lowest those walks score on the dimension.
        lowest: u32,
        /// The highest those walks score on the dimension.
        highest: u32,
    },
    /// Every walk was tried and the rule holds on none of them.
    #[error("no walk through the tree satisfies it")]
    NoMatchingWalk,
    /// An earlier result's rule always holds, so this result is never tried.
    #[error("the earlier result {by:?} always holds")]
    Shadowed {
        /// The earlier result's id.
        by: String,
    },
    /// None of the rule's alternatives (from `any`) can hold.
    #[error("none of its alternatives can hold: {}", join_reasons(.reasons))]
    NoAlternative {
        /// Why each alternative can never hold, in the order they were tried.
        reasons: Vec<NeverHolds>,
    },
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
    /// The tree as a whole, or one of its top-level fields.
    Tree,
    /// A dimension, by id.
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
    /// The text is not the JSON of a tree; holds the parser's message.
    #[error("the tree is not valid JSON: {0}")]
    Json(String),
    /// The tree was read but is not valid; holds every problem the validator found.
    #[error("the tree is invalid: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<TreeError>),
    /// A compiled tree whose indexes do not match its questions (a damaged build file).
    #[error("the compiled tree's indexes do not match its questions")]
    Inconsistent,
}
