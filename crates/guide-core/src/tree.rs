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

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use thiserror::Error;

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

/// A whole decision tree as authored. Serialisable so that the build can ship it as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreeSpec {
    pub id: String,
    pub title: String,
    pub intro: String,
    /// The id of the first question.
    pub start: String,
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Tried in order when a walk ends; the first whose rule holds is chosen.
    #[serde(default)]
    pub results: Vec<ResultSpec>,
}

/// A named axis that answers add points to, shown as a chart with the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: String,
    /// Why the question is asked, shown beside it.
    pub why: String,
    /// A root-relative link into the book, such as `/book/assessing-readiness/#dimensions`.
    pub learn_more: String,
    #[serde(default)]
    pub options: Vec<AnswerOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: String,
    pub label: String,
    /// The next question; `None` ends the walk and a result is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Points added per dimension id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub points: BTreeMap<String, u32>,
    /// Markers that rules can test, such as `dont-know`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultSpec {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Why this result follows from the answers that lead to it.
    pub rationale: String,
    #[serde(default)]
    pub next_steps: Vec<NextStep>,
    #[serde(default)]
    pub trade_offs: Vec<String>,
    #[serde(default)]
    pub risks: Vec<String>,
    #[serde(default)]
    pub what_would_change: Vec<String>,
    pub learn_more: String,
    /// When this result applies. An empty rule always holds.
    #[serde(default)]
    pub rule: Rule,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextStep {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// The conditions under which a result applies. Every listed condition must hold; if `any` is
/// not empty, at least one of its rules must hold as well. An empty rule always holds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The sum of all points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Bounds>,
    /// Points per dimension id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dimensions: BTreeMap<String, Bounds>,
    /// Each question was answered with one of the listed options.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<AnswerCondition>,
    /// Each question was asked and answered (with any option).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answered: Vec<String>,
    /// Each question was not asked on this walk.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_answered: Vec<String>,
    /// Each flag was set by some chosen option.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
    /// No chosen option set any of these flags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub no_flags: Vec<String>,
    /// Alternatives: at least one must hold (when the list is not empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<Rule>,
}

/// "Question `question` was answered with one of `options`."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerCondition {
    pub question: String,
    pub options: Vec<String>,
}

/// An inclusive range of points; a missing end is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

impl Bounds {
    pub fn contains(&self, value: u32) -> bool {
        value >= self.lo() && value <= self.hi()
    }

    fn lo(&self) -> u32 {
        self.min.unwrap_or(0)
    }

    fn hi(&self) -> u32 {
        self.max.unwrap_or(u32::MAX)
    }

    fn is_unbounded(&self) -> bool {
        self.lo() == 0 && self.max.is_none()
    }

    /// The range in words, for messages.
    pub fn describe(&self) -> String {
        describe_range(self.lo(), self.hi())
    }
}

fn describe_range(lo: u32, hi: u32) -> String {
    match (lo, hi) {
        (0, u32::MAX) => "any amount".to_string(),
        (lo, u32::MAX) => format!("at least {lo}"),
        (0, hi) => format!("at most {hi}"),
        (lo, hi) if lo == hi => format!("exactly {lo}"),
        (lo, hi) => format!("{lo} to {hi}"),
    }
}

impl Rule {
    /// True when the rule holds on every walk whatever was answered: it has no conditions, or
    /// only open ranges, or an alternative that is itself always true.
    pub fn is_always_true(&self) -> bool {
        self.total.is_none_or(|b| b.is_unbounded())
            && self.dimensions.values().all(Bounds::is_unbounded)
            && self.answers.is_empty()
            && self.answered.is_empty()
            && self.not_answered.is_empty()
            && self.flags.is_empty()
            && self.no_flags.is_empty()
            && (self.any.is_empty() || self.any.iter().any(Rule::is_always_true))
    }
}

// ---------------------------------------------------------------------------------------------
// Hashing
// ---------------------------------------------------------------------------------------------

/// FNV-1a, 64 bits: small, stable across platforms and releases, and good enough to notice that
/// a text changed. It is not a cryptographic hash.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// The hash recorded with each answer: FNV-1a 64 of the question's text with runs of white space
/// collapsed to one space and the ends trimmed, so that re-wrapping a line in the TOML does not
/// count as rewording but any change of words does.
pub fn question_hash(text: &str) -> u64 {
    let normalised = text.split_whitespace().collect::<Vec<_>>().join(" ");
    fnv1a64(normalised.as_bytes())
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// What kind of identifier a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Tree,
    Dimension,
    /// Questions and results share one namespace: a `next` must not be ambiguous.
    Node,
    Option,
    Flag,
}

impl std::fmt::Display for IdKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IdKind::Tree => "tree",
            IdKind::Dimension => "dimension",
            IdKind::Node => "node",
            IdKind::Option => "option",
            IdKind::Flag => "flag",
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
}

fn in_question(question: &Option<String>) -> String {
    question
        .as_ref()
        .map(|q| format!(" in question {q:?}"))
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
            | TreeError::NoDefaultResult { .. } => Location::Tree,
            TreeError::InvalidId { kind, id, question } => match (kind, question) {
                (IdKind::Dimension, _) => Location::Dimension(id),
                (IdKind::Option, Some(q)) => Location::Option(q, id),
                (_, Some(q)) => Location::Node(q),
                (IdKind::Node, None) => Location::Node(id),
                _ => Location::Tree,
            },
            TreeError::DuplicateId { kind, id } => match kind {
                IdKind::Dimension => Location::Dimension(id),
                IdKind::Node => Location::Node(id),
                _ => Location::Tree,
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

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/// Above this many distinct walks the validator no longer checks every end one by one; a tree
/// that large must then have a result whose rule always holds.
pub const MAX_CHECKED_WALKS: u64 = 20_000;

/// The most alternatives a rule may expand to before the validator stops analysing it (and
/// assumes it can hold).
const MAX_RULE_ALTERNATIVES: usize = 256;

/// The most distinct questions and flags a rule may require before the path analysis gives up
/// (and assumes the rule can hold).
const MAX_REQUIREMENTS: usize = 16;

/// A tree the validator has accepted. Its fields are private, so the only way to make one is
/// [`validate`] (or [`ValidTree::from_json`], which calls it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTree {
    spec: TreeSpec,
    questions: BTreeMap<String, usize>,
    dims: BTreeMap<String, usize>,
    /// Per question, per option: the next question's index, or `None` when the walk ends.
    hops: Vec<Vec<Option<usize>>>,
    /// Per question: the most questions a walk can still ask, this one included.
    remaining: Vec<usize>,
    dim_max: Vec<u32>,
    total_max: u32,
    fingerprint: u64,
}

/// Validates a tree, reporting every problem found.
///
/// Problems of structure (unknown ids, missing options, duplicate ids, cycles) are always
/// reported. The analyses that follow walks (reachable scores, rules that can never hold,
/// walks that end without a result) need a sound graph, so they run only when the structure is
/// sound; fixing the first batch may therefore reveal more.
pub fn validate(spec: TreeSpec) -> Result<ValidTree, Vec<TreeError>> {
    let dims = dimension_index(&spec);
    let mut checker = Checker::new(&spec, &dims);
    checker.check_ids();
    checker.check_questions();
    let graph = checker.graph();
    checker.check_reachability(&graph);
    checker.check_cycles(&graph);
    let sound = !checker.structural;
    let analysis = sound.then(|| Analysis::new(&spec, &dims, &graph));
    checker.check_rules(analysis.as_ref());
    if let Some(analysis) = &analysis {
        checker.check_coverage(analysis);
    }
    let errors = checker.errors;
    let owned_dims: BTreeMap<String, usize> =
        dims.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    match analysis {
        Some(analysis) if errors.is_empty() => {
            let free = analysis.span(&Constraints::default());
            let (dim_max, total_max) = match free {
                Some(span) => (span.dims.iter().map(|d| d.1).collect(), span.total.1),
                None => (vec![0; owned_dims.len()], 0),
            };
            let hops = graph
                .hops
                .iter()
                .map(|options| {
                    options
                        .iter()
                        .map(|hop| match hop {
                            Hop::To(q) => Some(*q),
                            Hop::End | Hop::Broken => None,
                        })
                        .collect()
                })
                .collect();
            let remaining = analysis.remaining();
            let questions = graph
                .index
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect();
            let fingerprint = fingerprint(&spec);
            drop(analysis);
            Ok(ValidTree {
                spec,
                questions,
                dims: owned_dims,
                hops,
                remaining,
                dim_max,
                total_max,
                fingerprint,
            })
        }
        _ if errors.is_empty() => Err(vec![TreeError::NoQuestions]),
        _ => Err(errors),
    }
}

/// A digest of the tree's shape (ids and links, not wording): share links made for another
/// shape of the tree are refused instead of silently meaning something else.
fn fingerprint(spec: &TreeSpec) -> u64 {
    let mut text = format!("{}|{}", spec.id, spec.start);
    for q in &spec.questions {
        text.push('|');
        text.push_str(&q.id);
        for o in &q.options {
            text.push(':');
            text.push_str(&o.id);
            text.push('>');
            text.push_str(o.next.as_deref().unwrap_or(""));
        }
    }
    fnv1a64(text.as_bytes())
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hop {
    To(usize),
    End,
    Broken,
}

struct Graph<'a> {
    index: BTreeMap<&'a str, usize>,
    start: Option<usize>,
    hops: Vec<Vec<Hop>>,
}

fn dimension_index(spec: &TreeSpec) -> BTreeMap<&str, usize> {
    let mut dims = BTreeMap::new();
    for d in &spec.dimensions {
        let next = dims.len();
        dims.entry(d.id.as_str()).or_insert(next);
    }
    dims
}

struct Checker<'a> {
    spec: &'a TreeSpec,
    dims: &'a BTreeMap<&'a str, usize>,
    results: BTreeSet<&'a str>,
    flags: BTreeSet<&'a str>,
    errors: Vec<TreeError>,
    /// Set when a problem makes walks meaningless (broken links, duplicate nodes, cycles).
    structural: bool,
}

impl<'a> Checker<'a> {
    fn new(spec: &'a TreeSpec, dims: &'a BTreeMap<&'a str, usize>) -> Self {
        let flags = spec
            .questions
            .iter()
            .flat_map(|q| &q.options)
            .flat_map(|o| &o.flags)
            .map(String::as_str)
            .collect();
        Checker {
            spec,
            dims,
            results: spec.results.iter().map(|r| r.id.as_str()).collect(),
            flags,
            errors: Vec::new(),
            structural: false,
        }
    }

    fn push(&mut self, error: TreeError) {
        self.errors.push(error);
    }

    fn check_ids(&mut self) {
        let spec = self.spec;
        if !is_valid_id(&spec.id) {
            self.push(TreeError::InvalidId {
                kind: IdKind::Tree,
                id: spec.id.clone(),
                question: None,
            });
        }
        for (field, value) in [("title", &spec.title), ("intro", &spec.intro)] {
            if value.trim().is_empty() {
                self.push(TreeError::EmptyField {
                    node: spec.id.clone(),
                    field,
                });
            }
        }
        if spec.questions.is_empty() {
            self.push(TreeError::NoQuestions);
            self.structural = true;
        }
        if spec.results.is_empty() {
            self.push(TreeError::NoResults);
            self.structural = true;
        }
        let mut seen = BTreeSet::new();
        for d in &spec.dimensions {
            if !is_valid_id(&d.id) {
                self.push(TreeError::InvalidId {
                    kind: IdKind::Dimension,
                    id: d.id.clone(),
                    question: None,
                });
            }
            if !seen.insert(d.id.as_str()) {
                self.push(TreeError::DuplicateId {
                    kind: IdKind::Dimension,
                    id: d.id.clone(),
                });
            }
            if d.label.trim().is_empty() {
                self.push(TreeError::EmptyField {
                    node: d.id.clone(),
                    field: "label",
                });
            }
        }
        let mut nodes = BTreeSet::new();
        let ids = spec
            .questions
            .iter()
            .map(|q| &q.id)
            .chain(spec.results.iter().map(|r| &r.id));
        for id in ids {
            if !is_valid_id(id) {
                self.push(TreeError::InvalidId {
                    kind: IdKind::Node,
                    id: id.clone(),
                    question: None,
                });
            }
            if !nodes.insert(id.as_str()) {
                self.push(TreeError::DuplicateId {
                    kind: IdKind::Node,
                    id: id.clone(),
                });
                self.structural = true;
            }
        }
        for r in &spec.results {
            for (field, value) in [
                ("title", &r.title),
                ("summary", &r.summary),
                ("rationale", &r.rationale),
                ("learn_more", &r.learn_more),
            ] {
                if value.trim().is_empty() {
                    self.push(TreeError::EmptyField {
                        node: r.id.clone(),
                        field,
                    });
                }
            }
        }
    }

    fn check_questions(&mut self) {
        let spec = self.spec;
        let questions: BTreeSet<&str> = spec.questions.iter().map(|q| q.id.as_str()).collect();
        if !questions.contains(spec.start.as_str()) {
            self.push(TreeError::UnknownStart {
                start: spec.start.clone(),
            });
            self.structural = true;
        }
        for q in &spec.questions {
            for (field, value) in [
                ("text", &q.text),
                ("why", &q.why),
                ("learn_more", &q.learn_more),
            ] {
                if value.trim().is_empty() {
                    self.push(TreeError::EmptyField {
                        node: q.id.clone(),
                        field,
                    });
                }
            }
            if q.options.is_empty() {
                self.push(TreeError::NoOptions {
                    question: q.id.clone(),
                });
                self.structural = true;
            }
            let mut seen = BTreeSet::new();
            for o in &q.options {
                let node = format!("{}/{}", q.id, o.id);
                if !is_valid_id(&o.id) {
                    self.push(TreeError::InvalidId {
                        kind: IdKind::Option,
                        id: o.id.clone(),
                        question: Some(q.id.clone()),
                    });
                }
                if !seen.insert(o.id.as_str()) {
                    self.push(TreeError::DuplicateOption {
                        question: q.id.clone(),
                        option: o.id.clone(),
                    });
                }
                if o.label.trim().is_empty() {
                    self.push(TreeError::EmptyField {
                        node: node.clone(),
                        field: "label",
                    });
                }
                for flag in &o.flags {
                    if !is_valid_id(flag) {
                        self.push(TreeError::InvalidId {
                            kind: IdKind::Flag,
                            id: flag.clone(),
                            question: Some(q.id.clone()),
                        });
                    }
                }
                for dimension in o.points.keys() {
                    if !self.dims.contains_key(dimension.as_str()) {
                        self.push(TreeError::UnknownDimension {
                            node: node.clone(),
                            dimension: dimension.clone(),
                        });
                    }
                }
                if let Some(next) = &o.next {
                    if questions.contains(next.as_str()) {
                        continue;
                    }
                    let error = if self.results.contains(next.as_str()) {
                        TreeError::NextIsResult {
                            question: q.id.clone(),
                            option: o.id.clone(),
                            next: next.clone(),
                        }
                    } else {
                        TreeError::UnknownNext {
                            question: q.id.clone(),
                            option: o.id.clone(),
                            next: next.clone(),
                        }
                    };
                    self.push(error);
                    self.structural = true;
                }
            }
        }
    }

    fn graph(&self) -> Graph<'a> {
        let spec = self.spec;
        let mut index = BTreeMap::new();
        for (i, q) in spec.questions.iter().enumerate() {
            index.entry(q.id.as_str()).or_insert(i);
        }
        let hops = spec
            .questions
            .iter()
            .map(|q| {
                q.options
                    .iter()
                    .map(|o| match &o.next {
                        None => Hop::End,
                        Some(next) => index
                            .get(next.as_str())
                            .map_or(Hop::Broken, |&i| Hop::To(i)),
                    })
                    .collect()
            })
            .collect();
        Graph {
            start: index.get(spec.start.as_str()).copied(),
            index,
            hops,
        }
    }

    fn check_reachability(&mut self, graph: &Graph<'_>) {
        let Some(start) = graph.start else {
            return;
        };
        let mut seen = vec![false; graph.hops.len()];
        let mut stack = vec![start];
        while let Some(q) = stack.pop() {
            match seen.get_mut(q) {
                Some(s) if !*s => *s = true,
                _ => continue,
            }
            for hop in graph.hops.get(q).into_iter().flatten() {
                if let Hop::To(n) = hop {
                    stack.push(*n);
                }
            }
        }
        for (q, reached) in self.spec.questions.iter().zip(seen) {
            if !reached {
                self.push(TreeError::Unreachable {
                    question: q.id.clone(),
                });
            }
        }
    }

    fn check_cycles(&mut self, graph: &Graph<'_>) {
        // 0 = not visited, 1 = on the current path, 2 = done.
        let n = graph.hops.len();
        let mut colour = vec![0u8; n];
        let mut found: BTreeSet<Vec<usize>> = BTreeSet::new();
        for root in 0..n {
            if colour.get(root) != Some(&0) {
                continue;
            }
            // An explicit stack of (question, next option to look at) keeps deep trees safe.
            let mut path: Vec<(usize, usize)> = vec![(root, 0)];
            if let Some(c) = colour.get_mut(root) {
                *c = 1;
            }
            while let Some(&mut (q, ref mut i)) = path.last_mut() {
                let hops = graph.hops.get(q).map(Vec::as_slice).unwrap_or(&[]);
                if let Some(hop) = hops.get(*i) {
                    *i += 1;
                    let Hop::To(next) = *hop else { continue };
                    match colour.get(next) {
                        Some(0) => {
                            if let Some(c) = colour.get_mut(next) {
                                *c = 1;
                            }
                            path.push((next, 0));
                        }
                        Some(1) => {
                            let from = path.iter().position(|&(p, _)| p == next).unwrap_or(0);
                            let mut cycle: Vec<usize> =
                                path[from..].iter().map(|&(p, _)| p).collect();
                            // Rotate so that the same cycle found from elsewhere is reported once.
                            let smallest = cycle
                                .iter()
                                .enumerate()
                                .min_by_key(|&(_, v)| *v)
                                .map_or(0, |(i, _)| i);
                            cycle.rotate_left(smallest);
                            found.insert(cycle);
                        }
                        _ => {}
                    }
                } else {
                    if let Some(c) = colour.get_mut(q) {
                        *c = 2;
                    }
                    path.pop();
                }
            }
        }
        for cycle in found {
            let mut nodes: Vec<String> = cycle
                .iter()
                .filter_map(|&i| self.spec.questions.get(i))
                .map(|q| q.id.clone())
                .collect();
            if let Some(first) = nodes.first().cloned() {
                nodes.push(first);
            }
            self.push(TreeError::Cycle { nodes });
            self.structural = true;
        }
    }

    fn question(&self, id: &str) -> Option<&'a Question> {
        self.spec.questions.iter().find(|q| q.id == id)
    }

    /// Reference checks on a rule and everything nested in it.
    fn check_rule_refs(&mut self, result: &str, rule: &Rule) -> bool {
        let mut clean = true;
        for dimension in rule.dimensions.keys() {
            if !self.dims.contains_key(dimension.as_str()) {
                self.push(TreeError::UnknownDimension {
                    node: result.to_string(),
                    dimension: dimension.clone(),
                });
                clean = false;
            }
        }
        let named = rule
            .answers
            .iter()
            .map(|c| &c.question)
            .chain(&rule.answered)
            .chain(&rule.not_answered);
        for question in named {
            if self.question(question).is_none() {
                self.push(TreeError::UnknownQuestionInRule {
                    result: result.to_string(),
                    question: question.clone(),
                });
                clean = false;
            }
        }
        for condition in &rule.answers {
            if let Some(q) = self.question(&condition.question) {
                for option in &condition.options {
                    if !q.options.iter().any(|o| &o.id == option) {
                        self.push(TreeError::UnknownOptionInRule {
                            result: result.to_string(),
                            question: condition.question.clone(),
                            option: option.clone(),
                        });
                        clean = false;
                    }
                }
            }
        }
        for flag in rule.flags.iter().chain(&rule.no_flags) {
            if !self.flags.contains(flag.as_str()) {
                self.push(TreeError::UnknownFlagInRule {
                    result: result.to_string(),
                    flag: flag.clone(),
                });
                clean = false;
            }
        }
        for sub in &rule.any {
            clean &= self.check_rule_refs(result, sub);
        }
        clean
    }

    fn check_rules(&mut self, analysis: Option<&Analysis<'_>>) {
        let spec = self.spec;
        let mut always: Option<&str> = None;
        for result in &spec.results {
            let clean = self.check_rule_refs(&result.id, &result.rule);
            if let Some(by) = always {
                self.push(TreeError::RuleNeverHolds {
                    result: result.id.clone(),
                    reason: NeverHolds::Shadowed { by: by.to_string() },
                });
                continue;
            }
            if result.rule.is_always_true() {
                always = Some(result.id.as_str());
                continue;
            }
            if !clean {
                continue;
            }
            if let Some(reason) = rule_never_holds(&result.rule, spec, self.dims, analysis) {
                self.push(TreeError::RuleNeverHolds {
                    result: result.id.clone(),
                    reason,
                });
            }
        }
    }

    fn check_coverage(&mut self, analysis: &Analysis<'_>) {
        let spec = self.spec;
        let has_default = spec.results.iter().any(|r| r.rule.is_always_true());
        let walks = analysis.count_walks();
        if walks > MAX_CHECKED_WALKS {
            if !has_default {
                self.push(TreeError::NoDefaultResult { walks });
            }
            return;
        }
        let report = analysis.enumerate();
        if let Some(walk) = report.uncovered_example {
            self.push(TreeError::UncoveredWalk {
                walk,
                count: report.uncovered,
            });
        }
        // Results already reported as never holding are not reported twice.
        let reported: BTreeSet<String> = self
            .errors
            .iter()
            .filter_map(|e| match e {
                TreeError::RuleNeverHolds { result, .. }
                | TreeError::UnknownQuestionInRule { result, .. }
                | TreeError::UnknownOptionInRule { result, .. }
                | TreeError::UnknownFlagInRule { result, .. } => Some(result.clone()),
                TreeError::UnknownDimension { node, .. } => Some(node.clone()),
                _ => None,
            })
            .collect();
        for (i, result) in spec.results.iter().enumerate() {
            if reported.contains(&result.id) {
                continue;
            }
            if !report.holds.contains(&i) {
                self.push(TreeError::RuleNeverHolds {
                    result: result.id.clone(),
                    reason: NeverHolds::NoMatchingWalk,
                });
            } else if !report.chosen.contains(&i) {
                self.push(TreeError::ResultNeverChosen {
                    result: result.id.clone(),
                });
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rule analysis
// ---------------------------------------------------------------------------------------------

/// One alternative of a rule with its `any` lists expanded: every condition must hold.
#[derive(Debug, Clone, Default)]
struct Conjunction<'a> {
    totals: Vec<Bounds>,
    dims: Vec<(&'a str, Bounds)>,
    answers: Vec<&'a AnswerCondition>,
    answered: Vec<&'a str>,
    not_answered: Vec<&'a str>,
    flags: Vec<&'a str>,
    no_flags: Vec<&'a str>,
}

impl<'a> Conjunction<'a> {
    fn of(rule: &'a Rule) -> Self {
        Conjunction {
            totals: rule.total.iter().copied().collect(),
            dims: rule
                .dimensions
                .iter()
                .map(|(k, v)| (k.as_str(), *v))
                .collect(),
            answers: rule.answers.iter().collect(),
            answered: rule.answered.iter().map(String::as_str).collect(),
            not_answered: rule.not_answered.iter().map(String::as_str).collect(),
            flags: rule.flags.iter().map(String::as_str).collect(),
            no_flags: rule.no_flags.iter().map(String::as_str).collect(),
        }
    }

    fn and(&self, other: &Conjunction<'a>) -> Self {
        let mut out = self.clone();
        out.totals.extend(&other.totals);
        out.dims.extend(&other.dims);
        out.answers.extend(&other.answers);
        out.answered.extend(&other.answered);
        out.not_answered.extend(&other.not_answered);
        out.flags.extend(&other.flags);
        out.no_flags.extend(&other.no_flags);
        out
    }
}

/// The rule as a list of alternatives, or `None` when it expands to too many to analyse.
fn alternatives(rule: &Rule) -> Option<Vec<Conjunction<'_>>> {
    let base = Conjunction::of(rule);
    if rule.any.is_empty() {
        return Some(vec![base]);
    }
    let mut out = Vec::new();
    for sub in &rule.any {
        for alt in alternatives(sub)? {
            out.push(base.and(&alt));
            if out.len() > MAX_RULE_ALTERNATIVES {
                return None;
            }
        }
    }
    Some(out)
}

/// Whether a conjunction may hold, with the reason when it cannot.
fn conjunction_never_holds(
    conj: &Conjunction<'_>,
    spec: &TreeSpec,
    dims: &BTreeMap<&str, usize>,
    analysis: Option<&Analysis<'_>>,
) -> Option<NeverHolds> {
    // Ranges on their own, then together.
    let mut total = (0u32, u32::MAX);
    for b in &conj.totals {
        if b.lo() > b.hi() {
            return Some(NeverHolds::EmptyRange {
                what: "total".into(),
                min: b.lo(),
                max: b.hi(),
            });
        }
        total = (total.0.max(b.lo()), total.1.min(b.hi()));
    }
    if total.0 > total.1 {
        return Some(NeverHolds::Contradiction {
            detail: format!(
                "its total conditions cannot hold together ({} and {})",
                describe_range(total.0, u32::MAX),
                describe_range(0, total.1)
            ),
        });
    }
    let mut per_dim: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for (d, b) in &conj.dims {
        if b.lo() > b.hi() {
            return Some(NeverHolds::EmptyRange {
                what: format!("{d:?}"),
                min: b.lo(),
                max: b.hi(),
            });
        }
        let entry = per_dim.entry(d).or_insert((0, u32::MAX));
        *entry = (entry.0.max(b.lo()), entry.1.min(b.hi()));
        if entry.0 > entry.1 {
            return Some(NeverHolds::Contradiction {
                detail: format!("its conditions on {d:?} cannot hold together"),
            });
        }
    }
    // Answer conditions: the allowed options per question.
    let mut allowed: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for c in &conj.answers {
        if c.options.is_empty() {
            return Some(NeverHolds::EmptyOptionList {
                question: c.question.clone(),
            });
        }
        let these: BTreeSet<&str> = c.options.iter().map(String::as_str).collect();
        match allowed.get_mut(c.question.as_str()) {
            Some(set) => {
                set.retain(|o| these.contains(o));
                if set.is_empty() {
                    return Some(NeverHolds::Contradiction {
                        detail: format!(
                            "it asks for question {:?} to be answered with options that have none in common",
                            c.question
                        ),
                    });
                }
            }
            None => {
                allowed.insert(c.question.as_str(), these);
            }
        }
    }
    for q in &conj.not_answered {
        if allowed.contains_key(q) || conj.answered.contains(q) {
            return Some(NeverHolds::Contradiction {
                detail: format!("it needs question {q:?} both answered and not answered"),
            });
        }
    }
    for f in &conj.flags {
        if conj.no_flags.contains(f) {
            return Some(NeverHolds::Contradiction {
                detail: format!("it needs the flag {f:?} both set and not set"),
            });
        }
    }
    // Walks: can one walk meet the answer and flag conditions, and what does it score?
    let analysis = analysis?;
    let index = |q: &str| spec.questions.iter().position(|x| x.id == q);
    let mut constraints = Constraints::default();
    for (q, options) in &allowed {
        let qi = index(q)?;
        let question = spec.questions.get(qi)?;
        let set = question
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| options.contains(o.id.as_str()))
            .map(|(i, _)| i)
            .collect();
        constraints.allowed.insert(qi, set);
        constraints.required.push(Requirement::Visit(qi));
    }
    for q in &conj.answered {
        let qi = index(q)?;
        if !constraints.allowed.contains_key(&qi) {
            constraints.required.push(Requirement::Visit(qi));
        }
    }
    for q in &conj.not_answered {
        constraints.forbidden.insert(index(q)?);
    }
    for f in &conj.flags {
        constraints.required.push(Requirement::Flag(f.to_string()));
    }
    constraints.no_flags = conj.no_flags.iter().map(|f| f.to_string()).collect();
    if constraints.required.len() > MAX_REQUIREMENTS {
        return None;
    }
    let Some(span) = analysis.span(&constraints) else {
        return Some(NeverHolds::NoWalk);
    };
    if total.1 < span.total.0 || total.0 > span.total.1 {
        return Some(NeverHolds::TotalOutOfReach {
            wanted: describe_range(total.0, total.1),
            lowest: span.total.0,
            highest: span.total.1,
        });
    }
    for (d, (lo, hi)) in per_dim {
        let (low, high) = dims
            .get(d)
            .and_then(|&i| span.dims.get(i))
            .copied()
            .unwrap_or((0, 0));
        if hi < low || lo > high {
            return Some(NeverHolds::DimensionOutOfReach {
                dimension: d.to_string(),
                wanted: describe_range(lo, hi),
                lowest: low,
                highest: high,
            });
        }
    }
    None
}

fn rule_never_holds(
    rule: &Rule,
    spec: &TreeSpec,
    dims: &BTreeMap<&str, usize>,
    analysis: Option<&Analysis<'_>>,
) -> Option<NeverHolds> {
    let alts = alternatives(rule)?;
    let mut reasons = Vec::new();
    for alt in &alts {
        reasons.push(conjunction_never_holds(alt, spec, dims, analysis)?);
    }
    if reasons.len() == 1 {
        reasons.pop()
    } else {
        Some(NeverHolds::NoAlternative { reasons })
    }
}

/// Something a walk must include for a rule to hold.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Requirement {
    Visit(usize),
    Flag(String),
}

/// Restrictions on walks, for the path analysis.
#[derive(Debug, Clone, Default)]
struct Constraints {
    /// Questions whose answer must be one of these options.
    allowed: BTreeMap<usize, BTreeSet<usize>>,
    forbidden: BTreeSet<usize>,
    no_flags: BTreeSet<String>,
    required: Vec<Requirement>,
}

/// The lowest and highest points a set of walks can score, per dimension and in total.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Span {
    total: (u32, u32),
    dims: Vec<(u32, u32)>,
}

impl Span {
    fn zero(dims: usize) -> Span {
        Span {
            total: (0, 0),
            dims: vec![(0, 0); dims],
        }
    }

    fn plus(mut self, points: &[u32]) -> Span {
        let sum = points.iter().fold(0u32, |a, p| a.saturating_add(*p));
        self.total = (
            self.total.0.saturating_add(sum),
            self.total.1.saturating_add(sum),
        );
        for (d, p) in self.dims.iter_mut().zip(points) {
            *d = (d.0.saturating_add(*p), d.1.saturating_add(*p));
        }
        self
    }

    fn widen(&mut self, other: &Span) {
        self.total = (
            self.total.0.min(other.total.0),
            self.total.1.max(other.total.1),
        );
        for (d, o) in self.dims.iter_mut().zip(&other.dims) {
            *d = (d.0.min(o.0), d.1.max(o.1));
        }
    }
}

/// Walk-level facts about a structurally sound (acyclic, fully linked) tree.
struct Analysis<'a> {
    spec: &'a TreeSpec,
    dims: &'a BTreeMap<&'a str, usize>,
    start: usize,
    hops: Vec<Vec<Hop>>,
    /// Per question, per option: points per dimension index.
    points: Vec<Vec<Vec<u32>>>,
}

/// What checking every walk found.
struct WalkReport {
    /// Indexes of results whose rule holds on at least one walk.
    holds: BTreeSet<usize>,
    /// Indexes of results chosen on at least one walk.
    chosen: BTreeSet<usize>,
    uncovered: u64,
    uncovered_example: Option<String>,
}

impl<'a> Analysis<'a> {
    fn new(spec: &'a TreeSpec, dims: &'a BTreeMap<&'a str, usize>, graph: &Graph<'_>) -> Self {
        let points = spec
            .questions
            .iter()
            .map(|q| {
                q.options
                    .iter()
                    .map(|o| {
                        let mut v = vec![0u32; dims.len()];
                        for (d, p) in &o.points {
                            if let Some(slot) = dims.get(d.as_str()).and_then(|&i| v.get_mut(i)) {
                                *slot = slot.saturating_add(*p);
                            }
                        }
                        v
                    })
                    .collect()
            })
            .collect();
        Analysis {
            spec,
            dims,
            start: graph.start.unwrap_or(0),
            hops: graph.hops.clone(),
            points,
        }
    }

    fn options(&self, q: usize) -> impl Iterator<Item = (usize, &Hop, &AnswerOption)> {
        let hops = self.hops.get(q).map(Vec::as_slice).unwrap_or(&[]);
        let options = self
            .spec
            .questions
            .get(q)
            .map(|q| q.options.as_slice())
            .unwrap_or(&[]);
        hops.iter()
            .zip(options)
            .enumerate()
            .map(|(i, (h, o))| (i, h, o))
    }

    fn points(&self, q: usize, o: usize) -> &[u32] {
        self.points
            .get(q)
            .and_then(|p| p.get(o))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The score span over all walks from the start that meet the constraints, or `None` when
    /// no walk does.
    fn span(&self, c: &Constraints) -> Option<Span> {
        let full: u32 = if c.required.is_empty() {
            0
        } else {
            (1u32 << c.required.len()) - 1
        };
        let mut memo = HashMap::new();
        self.span_from(self.start, 0, full, c, &mut memo)
    }

    fn span_from(
        &self,
        q: usize,
        mask: u32,
        full: u32,
        c: &Constraints,
        memo: &mut HashMap<(usize, u32), Option<Span>>,
    ) -> Option<Span> {
        if let Some(known) = memo.get(&(q, mask)) {
            return known.clone();
        }
        let incoming = mask;
        let mut best: Option<Span> = None;
        if !c.forbidden.contains(&q) {
            let mut mask = mask;
            for (i, r) in c.required.iter().enumerate() {
                if *r == Requirement::Visit(q) {
                    mask |= 1 << i;
                }
            }
            for (o, hop, option) in self.options(q) {
                if c.allowed.get(&q).is_some_and(|set| !set.contains(&o)) {
                    continue;
                }
                if option.flags.iter().any(|f| c.no_flags.contains(f)) {
                    continue;
                }
                let mut m = mask;
                for (i, r) in c.required.iter().enumerate() {
                    if matches!(r, Requirement::Flag(f) if option.flags.contains(f)) {
                        m |= 1 << i;
                    }
                }
                let rest = match hop {
                    Hop::To(next) => self.span_from(*next, m, full, c, memo),
                    Hop::End if m == full => Some(Span::zero(self.dims.len())),
                    Hop::End | Hop::Broken => None,
                };
                if let Some(rest) = rest {
                    let span = rest.plus(self.points(q, o));
                    match &mut best {
                        Some(b) => b.widen(&span),
                        None => best = Some(span),
                    }
                }
            }
        }
        memo.insert((q, incoming), best.clone());
        best
    }

    /// Per question, the most questions a walk can still ask from it, itself included.
    fn remaining(&self) -> Vec<usize> {
        let mut memo = vec![None; self.hops.len()];
        (0..self.hops.len())
            .map(|q| self.remaining_from(q, &mut memo))
            .collect()
    }

    fn remaining_from(&self, q: usize, memo: &mut Vec<Option<usize>>) -> usize {
        if let Some(Some(n)) = memo.get(q) {
            return *n;
        }
        let mut longest = 0;
        for (_, hop, _) in self.options(q) {
            if let Hop::To(next) = hop {
                longest = longest.max(self.remaining_from(*next, memo));
            }
        }
        if let Some(slot) = memo.get_mut(q) {
            *slot = Some(longest + 1);
        }
        longest + 1
    }

    /// How many distinct walks there are from the start (saturating).
    fn count_walks(&self) -> u64 {
        let mut memo = vec![None; self.hops.len()];
        self.count_from(self.start, &mut memo)
    }

    fn count_from(&self, q: usize, memo: &mut Vec<Option<u64>>) -> u64 {
        if let Some(Some(n)) = memo.get(q) {
            return *n;
        }
        let mut count = 0u64;
        for (_, hop, _) in self.options(q) {
            let n = match hop {
                Hop::To(next) => self.count_from(*next, memo),
                _ => 1,
            };
            count = count.saturating_add(n);
        }
        if let Some(slot) = memo.get_mut(q) {
            *slot = Some(count);
        }
        count
    }

    /// Checks the rules at the end of every walk. Only called when there are few walks.
    fn enumerate(&self) -> WalkReport {
        let mut report = WalkReport {
            holds: BTreeSet::new(),
            chosen: BTreeSet::new(),
            uncovered: 0,
            uncovered_example: None,
        };
        let mut state = State::new(self.dims.len());
        let mut path = Vec::new();
        self.enumerate_from(self.start, &mut state, &mut path, &mut report);
        report
    }

    fn enumerate_from(
        &self,
        q: usize,
        state: &mut State<'a>,
        path: &mut Vec<(usize, usize)>,
        report: &mut WalkReport,
    ) {
        let Some(question) = self.spec.questions.get(q) else {
            return;
        };
        for (o, option) in question.options.iter().enumerate() {
            let Some(hop) = self.hops.get(q).and_then(|h| h.get(o)) else {
                continue;
            };
            let saved = state.clone();
            state.choose(question, option, self.points(q, o));
            path.push((q, o));
            match hop {
                Hop::To(next) => self.enumerate_from(*next, state, path, report),
                Hop::End => {
                    let lookup = |d: &str| self.dims.get(d).copied();
                    let mut first = None;
                    for (i, r) in self.spec.results.iter().enumerate() {
                        if holds(&r.rule, state, &lookup) {
                            report.holds.insert(i);
                            first.get_or_insert(i);
                        }
                    }
                    match first {
                        Some(i) => {
                            report.chosen.insert(i);
                        }
                        None => {
                            report.uncovered += 1;
                            if report.uncovered_example.is_none() {
                                report.uncovered_example = Some(describe_walk(self.spec, path));
                            }
                        }
                    }
                }
                Hop::Broken => {}
            }
            path.pop();
            *state = saved;
        }
    }
}

fn describe_walk(spec: &TreeSpec, path: &[(usize, usize)]) -> String {
    path.iter()
        .filter_map(|&(q, o)| {
            let question = spec.questions.get(q)?;
            let option = question.options.get(o)?;
            Some(format!("{}={}", question.id, option.id))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------------------------------------------------------------------------------------------
// Rule evaluation
// ---------------------------------------------------------------------------------------------

/// What a walk has gathered so far: the chosen options, points and flags.
#[derive(Debug, Clone)]
struct State<'a> {
    chosen: BTreeMap<&'a str, &'a str>,
    dims: Vec<u32>,
    flags: BTreeSet<&'a str>,
}

impl<'a> State<'a> {
    fn new(dims: usize) -> Self {
        State {
            chosen: BTreeMap::new(),
            dims: vec![0; dims],
            flags: BTreeSet::new(),
        }
    }

    fn choose(&mut self, question: &'a Question, option: &'a AnswerOption, points: &[u32]) {
        self.chosen.insert(&question.id, &option.id);
        for (d, p) in self.dims.iter_mut().zip(points) {
            *d = d.saturating_add(*p);
        }
        self.flags.extend(option.flags.iter().map(String::as_str));
    }

    fn total(&self) -> u32 {
        self.dims.iter().fold(0u32, |a, d| a.saturating_add(*d))
    }
}

fn holds(rule: &Rule, state: &State<'_>, dim: &dyn Fn(&str) -> Option<usize>) -> bool {
    if let Some(b) = rule.total {
        if !b.contains(state.total()) {
            return false;
        }
    }
    for (d, b) in &rule.dimensions {
        let value = dim(d).and_then(|i| state.dims.get(i)).copied().unwrap_or(0);
        if !b.contains(value) {
            return false;
        }
    }
    let answers_hold = rule.answers.iter().all(|c| {
        state
            .chosen
            .get(c.question.as_str())
            .is_some_and(|o| c.options.iter().any(|x| x == o))
    });
    answers_hold
        && rule
            .answered
            .iter()
            .all(|q| state.chosen.contains_key(q.as_str()))
        && !rule
            .not_answered
            .iter()
            .any(|q| state.chosen.contains_key(q.as_str()))
        && rule.flags.iter().all(|f| state.flags.contains(f.as_str()))
        && !rule
            .no_flags
            .iter()
            .any(|f| state.flags.contains(f.as_str()))
        && (rule.any.is_empty() || rule.any.iter().any(|r| holds(r, state, dim)))
}

// ---------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------

/// One recorded answer. The hash of the question's text at the time lets the view notice that a
/// question was reworded after it was answered.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Answer {
    pub question: String,
    pub option: String,
    pub question_hash: u64,
}

/// Why a list of answers is not a walk through the tree.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReplayError {
    #[error("answer {index}: the tree has no question {question:?}")]
    UnknownQuestion { index: usize, question: String },
    #[error("answer {index}: question {question:?} has no option {option:?}")]
    UnknownOption {
        index: usize,
        question: String,
        option: String,
    },
    #[error("answer {index}: {}, but it answers {found:?}", expected_here(.expected))]
    OutOfOrder {
        index: usize,
        /// The question the walk asks at this point; `None` when it had already ended.
        expected: Option<String>,
        found: String,
    },
}

fn expected_here(expected: &Option<String>) -> String {
    match expected {
        Some(q) => format!("the walk asks {q:?} here"),
        None => "the walk has already ended".to_string(),
    }
}

/// Why an answer could not be recorded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnswerError {
    #[error(transparent)]
    Replay(#[from] ReplayError),
    #[error("the walk has already ended")]
    Finished,
    #[error("question {question:?} has no option {option:?}")]
    NotAnOption { question: String, option: String },
}

/// Where a walk stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<'t> {
    /// The walk asks `question`, the `number`th question of about `of_about`.
    Ask {
        question: &'t Question,
        number: usize,
        of_about: usize,
    },
    /// The walk has ended with this result.
    Done { result: &'t ResultSpec },
}

/// A replayed walk: every answer with its texts, and where the walk stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Walk {
    pub steps: Vec<WalkStep>,
    pub position: Position,
}

/// One answered question of a walk, for breadcrumbs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WalkStep {
    pub question: String,
    pub question_text: String,
    pub option: String,
    pub option_label: String,
    /// The question's text changed since the answer was recorded.
    pub reworded: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Position {
    Asking {
        question: String,
        number: usize,
        of_about: usize,
    },
    Ended {
        result: String,
    },
}

impl Walk {
    /// The ids of questions whose wording changed since they were answered.
    pub fn reworded(&self) -> Vec<&str> {
        self.steps
            .iter()
            .filter(|s| s.reworded)
            .map(|s| s.question.as_str())
            .collect()
    }

    pub fn result(&self) -> Option<&str> {
        match &self.position {
            Position::Ended { result } => Some(result),
            Position::Asking { .. } => None,
        }
    }
}

/// A finished walk's result with the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub result: String,
    /// One entry per dimension, in the tree's order.
    pub scores: Vec<DimensionScore>,
    pub total: u32,
    /// The highest total any walk can reach.
    pub max_total: u32,
    /// Every answer of the walk, in order.
    pub rationale: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DimensionScore {
    pub dimension: String,
    pub label: String,
    pub score: u32,
    /// The most points any walk can reach on this dimension.
    pub max: u32,
}

/// One answer that led to the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub question: String,
    pub question_text: String,
    pub option: String,
    pub option_label: String,
    pub points: BTreeMap<String, u32>,
    pub flags: Vec<String>,
    /// The chosen result's rule looks at this answer: it names the question or one of the
    /// option's flags, or counts points the option gave.
    pub decisive: bool,
}

/// A walk replayed to indexes: the (question, option) pairs and the question asked next.
struct Trace {
    steps: Vec<(usize, usize)>,
    next: Option<usize>,
}

impl ValidTree {
    /// Decodes a tree shipped as JSON and validates it.
    pub fn from_json(json: &str) -> Result<ValidTree, TreeLoadError> {
        let spec: TreeSpec =
            serde_json::from_str(json).map_err(|e| TreeLoadError::Json(e.to_string()))?;
        validate(spec).map_err(TreeLoadError::Invalid)
    }

    pub fn spec(&self) -> &TreeSpec {
        &self.spec
    }

    pub fn into_spec(self) -> TreeSpec {
        self.spec
    }

    pub fn id(&self) -> &str {
        &self.spec.id
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions
            .get(id)
            .and_then(|&i| self.spec.questions.get(i))
    }

    pub fn result(&self, id: &str) -> Option<&ResultSpec> {
        self.spec.results.iter().find(|r| r.id == id)
    }

    /// The most points any walk can reach on a dimension (0 for an unknown one).
    pub fn dimension_max(&self, dimension: &str) -> u32 {
        self.dims
            .get(dimension)
            .and_then(|&i| self.dim_max.get(i))
            .copied()
            .unwrap_or(0)
    }

    /// The highest total any walk can reach.
    pub fn max_total(&self) -> u32 {
        self.total_max
    }

    /// A digest of the tree's ids and links (not its wording), used by share links.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The option ids of a question by position, for share links.
    pub(crate) fn option_index(&self, question: usize, option: &str) -> Option<usize> {
        self.spec
            .questions
            .get(question)?
            .options
            .iter()
            .position(|o| o.id == option)
    }

    pub(crate) fn start_index(&self) -> Option<usize> {
        self.questions.get(&self.spec.start).copied()
    }

    pub(crate) fn question_at(&self, index: usize) -> Option<&Question> {
        self.spec.questions.get(index)
    }

    /// The question after choosing option `o` of question `q`: `Some(None)` ends the walk.
    pub(crate) fn hop(&self, q: usize, o: usize) -> Option<Option<usize>> {
        self.hops.get(q)?.get(o).copied()
    }

    fn trace(&self, answers: &[Answer]) -> Result<Trace, ReplayError> {
        let mut next = self.start_index();
        let mut steps = Vec::with_capacity(answers.len());
        for (index, answer) in answers.iter().enumerate() {
            let Some(&qi) = self.questions.get(&answer.question) else {
                return Err(ReplayError::UnknownQuestion {
                    index,
                    question: answer.question.clone(),
                });
            };
            if next != Some(qi) {
                return Err(ReplayError::OutOfOrder {
                    index,
                    expected: next
                        .and_then(|n| self.spec.questions.get(n))
                        .map(|q| q.id.clone()),
                    found: answer.question.clone(),
                });
            }
            let Some(oi) = self.option_index(qi, &answer.option) else {
                return Err(ReplayError::UnknownOption {
                    index,
                    question: answer.question.clone(),
                    option: answer.option.clone(),
                });
            };
            steps.push((qi, oi));
            next = self.hop(qi, oi).flatten();
        }
        Ok(Trace { steps, next })
    }

    fn state(&self, steps: &[(usize, usize)]) -> State<'_> {
        let mut state = State::new(self.dims.len());
        for &(q, o) in steps {
            let Some(question) = self.spec.questions.get(q) else {
                continue;
            };
            let Some(option) = question.options.get(o) else {
                continue;
            };
            let points = self.points_of(option);
            state.choose(question, option, &points);
        }
        state
    }

    fn points_of(&self, option: &AnswerOption) -> Vec<u32> {
        let mut v = vec![0u32; self.dims.len()];
        for (d, p) in &option.points {
            if let Some(slot) = self.dims.get(d).and_then(|&i| v.get_mut(i)) {
                *slot = slot.saturating_add(*p);
            }
        }
        v
    }

    /// The first result whose rule holds for the walk. The validator has proved that one does;
    /// should that ever fail, the last result stands in rather than a panic.
    fn choose(&self, state: &State<'_>) -> Option<&ResultSpec> {
        let lookup = |d: &str| self.dims.get(d).copied();
        self.spec
            .results
            .iter()
            .find(|r| holds(&r.rule, state, &lookup))
            .or_else(|| self.spec.results.last())
    }

    /// Replays recorded answers: checks they form a walk from the start and tells where it
    /// stands and which questions were reworded since they were answered.
    pub fn replay(&self, answers: &[Answer]) -> Result<Walk, ReplayError> {
        let trace = self.trace(answers)?;
        let mut steps = Vec::with_capacity(answers.len());
        for (answer, &(q, o)) in answers.iter().zip(&trace.steps) {
            let Some(question) = self.spec.questions.get(q) else {
                continue;
            };
            let Some(option) = question.options.get(o) else {
                continue;
            };
            steps.push(WalkStep {
                question: question.id.clone(),
                question_text: question.text.clone(),
                option: option.id.clone(),
                option_label: option.label.clone(),
                reworded: answer.question_hash != question_hash(&question.text),
            });
        }
        let position = match self.current(answers)? {
            Step::Ask {
                question,
                number,
                of_about,
            } => Position::Asking {
                question: question.id.clone(),
                number,
                of_about,
            },
            Step::Done { result } => Position::Ended {
                result: result.id.clone(),
            },
        };
        Ok(Walk { steps, position })
    }

    /// The question to ask next, or the result once the walk has ended.
    ///
    /// `of_about` estimates the walk's length: the questions answered so far plus the longest
    /// run of questions that can still follow (the current one included). It never
    /// underestimates, and shrinks when an answer skips questions.
    pub fn current(&self, answers: &[Answer]) -> Result<Step<'_>, ReplayError> {
        let trace = self.trace(answers)?;
        match trace.next {
            Some(q) => {
                let question = self
                    .spec
                    .questions
                    .get(q)
                    .ok_or(ReplayError::UnknownQuestion {
                        index: answers.len(),
                        question: String::new(),
                    })?;
                let number = trace.steps.len() + 1;
                let left = self.remaining.get(q).copied().unwrap_or(1);
                Ok(Step::Ask {
                    question,
                    number,
                    of_about: trace.steps.len() + left,
                })
            }
            None => {
                let state = self.state(&trace.steps);
                match self.choose(&state) {
                    Some(result) => Ok(Step::Done { result }),
                    // Unreachable: the validator refuses trees without results.
                    None => Err(ReplayError::OutOfOrder {
                        index: answers.len(),
                        expected: None,
                        found: String::new(),
                    }),
                }
            }
        }
    }

    /// Records the choice of `option` for the current question and returns the new list.
    pub fn answer(&self, answers: &[Answer], option: &str) -> Result<Vec<Answer>, AnswerError> {
        let question = match self.current(answers)? {
            Step::Ask { question, .. } => question,
            Step::Done { .. } => return Err(AnswerError::Finished),
        };
        if !question.options.iter().any(|o| o.id == option) {
            return Err(AnswerError::NotAnOption {
                question: question.id.clone(),
                option: option.to_string(),
            });
        }
        let mut out = answers.to_vec();
        out.push(Answer {
            question: question.id.clone(),
            option: option.to_string(),
            question_hash: question_hash(&question.text),
        });
        Ok(out)
    }

    /// Goes back one question.
    pub fn back(&self, answers: &[Answer]) -> Vec<Answer> {
        let keep = answers.len().saturating_sub(1);
        answers
            .get(..keep)
            .map(<[Answer]>::to_vec)
            .unwrap_or_default()
    }

    /// Starts again.
    pub fn restart(&self) -> Vec<Answer> {
        Vec::new()
    }

    /// The answers before `question`, so that it becomes the current question again (to change
    /// it from a breadcrumb); later answers are dropped. `None` if it was not answered.
    pub fn revisit(&self, answers: &[Answer], question: &str) -> Option<Vec<Answer>> {
        let at = answers.iter().position(|a| a.question == question)?;
        answers.get(..at).map(<[Answer]>::to_vec)
    }

    /// The longest prefix of `answers` that is still a walk, for resuming stored progress after
    /// the tree changed.
    pub fn valid_prefix(&self, answers: &[Answer]) -> Vec<Answer> {
        match self.trace(answers) {
            Ok(_) => answers.to_vec(),
            Err(
                ReplayError::UnknownQuestion { index, .. }
                | ReplayError::UnknownOption { index, .. }
                | ReplayError::OutOfOrder { index, .. },
            ) => answers
                .get(..index)
                .map(<[Answer]>::to_vec)
                .unwrap_or_default(),
        }
    }

    /// The result of a finished walk with its scores and rationale; `None` while the walk is
    /// unfinished or when the answers are not a walk.
    pub fn outcome(&self, answers: &[Answer]) -> Option<Outcome> {
        let trace = self.trace(answers).ok()?;
        if trace.next.is_some() {
            return None;
        }
        let state = self.state(&trace.steps);
        let result = self.choose(&state)?;
        let mentions = Mentions::of(&result.rule);
        let scores = self
            .spec
            .dimensions
            .iter()
            .map(|d| {
                let i = self.dims.get(&d.id).copied();
                DimensionScore {
                    dimension: d.id.clone(),
                    label: d.label.clone(),
                    score: i.and_then(|i| state.dims.get(i)).copied().unwrap_or(0),
                    max: i.and_then(|i| self.dim_max.get(i)).copied().unwrap_or(0),
                }
            })
            .collect();
        let rationale = trace
            .steps
            .iter()
            .filter_map(|&(q, o)| {
                let question = self.spec.questions.get(q)?;
                let option = question.options.get(o)?;
                let gave_points = option
                    .points
                    .iter()
                    .any(|(d, p)| *p > 0 && (mentions.total || mentions.dims.contains(d.as_str())));
                Some(Reason {
                    question: question.id.clone(),
                    question_text: question.text.clone(),
                    option: option.id.clone(),
                    option_label: option.label.clone(),
                    points: option.points.clone(),
                    flags: option.flags.clone(),
                    decisive: mentions.questions.contains(question.id.as_str())
                        || option
                            .flags
                            .iter()
                            .any(|f| mentions.flags.contains(f.as_str()))
                        || gave_points,
                })
            })
            .collect();
        Some(Outcome {
            result: result.id.clone(),
            scores,
            total: state.total(),
            max_total: self.total_max,
            rationale,
        })
    }
}

/// Everything a rule looks at, for marking decisive answers.
#[derive(Default)]
struct Mentions<'a> {
    questions: BTreeSet<&'a str>,
    flags: BTreeSet<&'a str>,
    dims: BTreeSet<&'a str>,
    total: bool,
}

impl<'a> Mentions<'a> {
    fn of(rule: &'a Rule) -> Self {
        let mut m = Mentions::default();
        m.add(rule);
        m
    }

    fn add(&mut self, rule: &'a Rule) {
        self.total |= rule.total.is_some();
        self.dims.extend(rule.dimensions.keys().map(String::as_str));
        self.questions
            .extend(rule.answers.iter().map(|c| c.question.as_str()));
        self.questions.extend(
            rule.answered
                .iter()
                .chain(&rule.not_answered)
                .map(String::as_str),
        );
        self.flags
            .extend(rule.flags.iter().chain(&rule.no_flags).map(String::as_str));
        for sub in &rule.any {
            self.add(sub);
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
}

// ---------------------------------------------------------------------------------------------
// Authoring: TOML with line numbers, and links checked against the book
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "authoring")]
pub use authoring::{parse_tree_source, parse_tree_spec, LinkProblem, SourceError, SourceProblem};

#[cfg(feature = "authoring")]
mod authoring {
    use std::collections::HashMap;

    use thiserror::Error;

    use super::{validate, Location, TreeError, TreeSpec, ValidTree};
    use crate::book::{Book, ChapterEntry, GuidePath};

    /// A problem in a tree's source file, with the line it is on (0 when unknown).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SourceProblem {
        pub line: usize,
        pub error: SourceError,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Error)]
    pub enum SourceError {
        #[error("TOML: {0}")]
        Toml(String),
        #[error(transparent)]
        Tree(#[from] TreeError),
        #[error("{node:?}: link {link:?}: {problem}")]
        BadLink {
            node: String,
            link: String,
            problem: LinkProblem,
        },
    }

    /// Why a link from a tree into the guide does not resolve.
    #[derive(Debug, Clone, PartialEq, Eq, Error)]
    pub enum LinkProblem {
        #[error(
            "links must be root-relative paths into the guide, such as /book/<slug>/#<anchor>"
        )]
        NotRootRelative,
        #[error("it goes to no page of the guide")]
        NoSuchPage,
        #[error("write it {0:?}")]
        NotCanonical(String),
        #[error("there is no chapter {0:?}")]
        NoChapter(String),
        #[error("chapter {slug:?} has no heading {{#{anchor}}}")]
        NoSection { slug: String, anchor: String },
        #[error("only chapters have #anchors")]
        AnchorOnPage,
    }

    /// Parses a tree's TOML, reporting a syntax or shape error with its line.
    pub fn parse_tree_spec(text: &str) -> Result<TreeSpec, SourceProblem> {
        toml::from_str(text).map_err(|e| SourceProblem {
            line: e.span().map_or(0, |s| line_of(text, s.start)),
            error: SourceError::Toml(e.message().trim().to_string()),
        })
    }

    /// Parses, validates and checks the links of a tree's TOML source against the book. Every
    /// problem is reported, each with the line of the node it is about where that can be found.
    pub fn parse_tree_source(text: &str, book: &Book) -> Result<ValidTree, Vec<SourceProblem>> {
        let spec = parse_tree_spec(text).map_err(|p| vec![p])?;
        let lines = LineIndex::new(text);
        let mut problems: Vec<SourceProblem> = check_links(&spec, book)
            .into_iter()
            .map(|(node, link, problem)| {
                let from = lines.node(&node);
                SourceProblem {
                    line: find_from(text, from, &link).unwrap_or(from),
                    error: SourceError::BadLink {
                        node,
                        link,
                        problem,
                    },
                }
            })
            .collect();
        match validate(spec) {
            Ok(tree) if problems.is_empty() => Ok(tree),
            Ok(_) => Err(problems),
            Err(errors) => {
                problems.extend(errors.into_iter().map(|error| SourceProblem {
                    line: lines.locate(error.location()),
                    error: SourceError::Tree(error),
                }));
                problems.sort_by_key(|p| p.line);
                Err(problems)
            }
        }
    }

    fn check_links(spec: &TreeSpec, book: &Book) -> Vec<(String, String, LinkProblem)> {
        let mut links: Vec<(&str, &str)> = Vec::new();
        for q in &spec.questions {
            links.push((&q.id, &q.learn_more));
        }
        for r in &spec.results {
            links.push((&r.id, &r.learn_more));
            for step in &r.next_steps {
                if let Some(link) = &step.link {
                    links.push((&r.id, link));
                }
            }
        }
        links
            .into_iter()
            .filter(|(_, link)| !link.trim().is_empty())
            .filter_map(|(node, link)| {
                check_link(link, book).map(|p| (node.to_string(), link.to_string(), p))
            })
            .collect()
    }

    /// Checks one root-relative link against the book's chapters and the guide's routes.
    pub(super) fn check_link(link: &str, book: &Book) -> Option<LinkProblem> {
        if !link.starts_with('/') || link.starts_with("//") {
            return Some(LinkProblem::NotRootRelative);
        }
        let (path, fragment) = match link.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (link, None),
        };
        let Some(route) = GuidePath::parse(path) else {
            return Some(LinkProblem::NoSuchPage);
        };
        if route.to_path() != path {
            return Some(LinkProblem::NotCanonical(match fragment {
                Some(f) => format!("{}#{f}", route.to_path()),
                None => route.to_path(),
            }));
        }
        match (route, fragment) {
            (GuidePath::Chapter(slug), fragment) => {
                let Some(chapter) = book.chapter(&slug) else {
                    return Some(LinkProblem::NoChapter(slug));
                };
                match fragment {
                    Some(anchor) if !chapter.has_section(anchor) => Some(LinkProblem::NoSection {
                        slug,
                        anchor: anchor.to_string(),
                    }),
                    _ => None,
                }
            }
            (_, Some(_)) => Some(LinkProblem::AnchorOnPage),
            (_, None) => None,
        }
    }

    fn line_of(text: &str, offset: usize) -> usize {
        text.get(..offset)
            .map_or(0, |before| before.matches('\n').count() + 1)
    }

    /// The first line at or after `from` that contains `needle`.
    fn find_from(text: &str, from: usize, needle: &str) -> Option<usize> {
        text.lines()
            .enumerate()
            .skip(from.saturating_sub(1))
            .find(|(_, l)| l.contains(needle))
            .map(|(i, _)| i + 1)
    }

    /// The lines where nodes are declared, found by a light scan of the source: the TOML parser
    /// does not keep positions once the tree is deserialised.
    #[derive(Default)]
    struct LineIndex {
        questions: HashMap<String, usize>,
        options: HashMap<(String, String), usize>,
        results: HashMap<String, usize>,
        dimensions: HashMap<String, usize>,
    }

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Table {
        Top,
        Dimensions,
        Questions,
        Options,
        Results,
        Other,
    }

    impl LineIndex {
        fn new(text: &str) -> Self {
            let mut index = LineIndex::default();
            let mut table = Table::Top;
            let mut question = String::new();
            for (i, raw) in text.lines().enumerate() {
                let line = i + 1;
                let trimmed = raw.trim();
                if trimmed.starts_with('#') {
                    continue;
                }
                if let Some(header) = table_header(trimmed) {
                    table = match header {
                        "dimensions" => Table::Dimensions,
                        "questions" => Table::Questions,
                        "questions.options" => Table::Options,
                        "results" => Table::Results,
                        _ => Table::Other,
                    };
                    continue;
                }
                let at_start = trimmed.starts_with("id ") || trimmed.starts_with("id=");
                for id in ids_in(trimmed) {
                    match table {
                        Table::Questions if at_start => {
                            question = id.to_string();
                            index.questions.entry(question.clone()).or_insert(line);
                        }
                        Table::Questions | Table::Options => {
                            index
                                .options
                                .entry((question.clone(), id.to_string()))
                                .or_insert(line);
                        }
                        Table::Results if at_start => {
                            index.results.entry(id.to_string()).or_insert(line);
                        }
                        Table::Dimensions => {
                            index.dimensions.entry(id.to_string()).or_insert(line);
                        }
                        Table::Top if !at_start => {
                            index.dimensions.entry(id.to_string()).or_insert(line);
                        }
                        _ => {}
                    }
                }
            }
            index
        }

        fn node(&self, id: &str) -> usize {
            self.questions
                .get(id)
                .or_else(|| self.results.get(id))
                .copied()
                .unwrap_or(0)
        }

        fn locate(&self, location: Location<'_>) -> usize {
            match location {
                Location::Tree => 1,
                Location::Dimension(d) => self.dimensions.get(d).copied().unwrap_or(0),
                Location::Node(n) => self.node(n),
                Location::Option(q, o) => self
                    .options
                    .get(&(q.to_string(), o.to_string()))
                    .copied()
                    .unwrap_or_else(|| self.node(q)),
            }
        }
    }

    /// `[name]` or `[[name]]` at the start of a line gives `name`.
    fn table_header(line: &str) -> Option<&str> {
        let inner = line
            .strip_prefix("[[")
            .and_then(|l| l.split_once("]]"))
            .or_else(|| line.strip_prefix('[').and_then(|l| l.split_once(']')))?
            .0
            .trim();
        inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
            .then_some(inner)
    }

    /// Every `id = "value"` on a line.
    fn ids_in(line: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = line;
        let mut offset = 0;
        while let Some(pos) = rest.find("id") {
            let absolute = offset + pos;
            let before = line[..absolute].chars().next_back();
            let after = &line[absolute + 2..];
            let key_start = before.is_none_or(|c| c == '{' || c == ',' || c.is_whitespace());
            if key_start {
                let value = after
                    .trim_start()
                    .strip_prefix('=')
                    .map(str::trim_start)
                    .and_then(|v| v.strip_prefix('"'))
                    .and_then(|v| v.split_once('"'))
                    .map(|(v, _)| v);
                if let Some(v) = value {
                    out.push(v);
                }
            }
            offset = absolute + 2;
            rest = &line[offset..];
        }
        out
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn ids_are_found_on_a_line() {
            assert_eq!(ids_in(r#"id = "a""#), vec!["a"]);
            assert_eq!(
                ids_in(r#"{ id = "x", label = "valid id", next = "y" },"#),
                vec!["x"]
            );
            assert!(ids_in(r#"paid = "no""#).is_empty());
        }

        #[test]
        fn table_headers_are_recognised() {
            assert_eq!(table_header("[[questions]]"), Some("questions"));
            assert_eq!(table_header("[results.rule]"), Some("results.rule"));
            assert_eq!(table_header("[1, 2]"), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_published_test_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn question_hash_ignores_wrapping_but_not_words() {
        assert_eq!(
            question_hash("Do you  know\n what you use?"),
            question_hash("Do you know what you use?")
        );
        assert_ne!(
            question_hash("Do you know what you use?"),
            question_hash("Do you know what you run?")
        );
    }

    #[test]
    fn bounds_describe_themselves() {
        let b = |min, max| Bounds { min, max };
        assert_eq!(b(Some(25), Some(36)).describe(), "25 to 36");
        assert_eq!(b(Some(37), None).describe(), "at least 37");
        assert_eq!(b(None, Some(12)).describe(), "at most 12");
        assert!(b(None, None).contains(0));
        assert!(!b(Some(3), None).contains(2));
    }
}
