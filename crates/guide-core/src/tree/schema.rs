//! The schema authors write in `content/trees/*.toml`: questions, options, results and the rules
//! that choose them; addenda that add to whichever result is chosen; plans of steps; named
//! predicates and variables that keep each rule in one place. Serialisable, so that the build can
//! ship a tree as JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A whole decision tree as authored. Serialisable so that the build can ship it as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreeSpec {
    /// The tree's id, which is also its path in the app (`readiness` is at `/readiness/`).
    pub id: String,
    /// The tree's title, shown as its heading and wherever the tree is named.
    pub title: String,
    /// The introduction shown before the first question: what the questions cover and what the
    /// answer gives.
    pub intro: String,
    /// The chapter that explains how the tree decides, such as `/book/assessing-readiness/`.
    pub chapter: String,
    /// The file of shared definitions this tree uses (`common` for `content/trees/common.toml`):
    /// its dimensions, questions, predicates and vars become the tree's own. The content loader
    /// resolves it; a shipped tree has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<String>,
    /// The id of the first question.
    pub start: String,
    /// The questions in the order a walk asks them when no `next` or `then` says otherwise: an
    /// option without `next` leads to its question's `then`, else to the question after its own
    /// in this list, else ends the walk.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sequence: Vec<String>,
    /// Whether the chart shows the sum of all points (off when the dimensions measure different
    /// things that do not add up).
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub show_total: bool,
    /// The axes that answers add points to, in the order the chart shows them.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    /// Every question of the tree (with a shared file's first, once included).
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Named conditions that rules use by name (`is = ["committed"]`), so that each is written
    /// once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predicates: Vec<Predicate>,
    /// Words that texts use as `{id}`, chosen by rules (see [`VarSpec`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vars: Vec<VarSpec>,
    /// Tried in order when a walk ends; the first whose rule holds is chosen.
    #[serde(default)]
    pub results: Vec<ResultSpec>,
    /// Added to whichever result is chosen, where their rule holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addenda: Vec<Addendum>,
    /// Results of earlier versions of the tree, so that a reader's history still names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<Retired>,
}

fn yes() -> bool {
    true
}

fn is_yes(value: &bool) -> bool {
    *value
}

fn is_no(value: &bool) -> bool {
    !*value
}

/// What several trees share (see [`TreeSpec::include`]): dimensions, questions, predicates and
/// vars, defined once so that the trees cannot disagree about them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedSpec {
    /// Dimensions every including tree takes in, before its own.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    /// Questions every including tree takes in, before its own, marked shared.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Predicates every including tree takes in.
    #[serde(default)]
    pub predicates: Vec<Predicate>,
    /// Vars every including tree takes in.
    #[serde(default)]
    pub vars: Vec<VarSpec>,
}

impl TreeSpec {
    /// Takes in what `shared` defines: its dimensions and questions come first (the questions
    /// marked shared), its predicates and vars are added.
    pub fn include(&mut self, shared: &SharedSpec) {
        let mut dimensions = shared.dimensions.clone();
        dimensions.append(&mut self.dimensions);
        self.dimensions = dimensions;
        let mut questions: Vec<Question> = shared
            .questions
            .iter()
            .cloned()
            .map(|mut q| {
                q.shared = true;
                q
            })
            .collect();
        questions.append(&mut self.questions);
        self.questions = questions;
        let mut predicates = shared.predicates.clone();
        predicates.append(&mut self.predicates);
        self.predicates = predicates;
        let mut vars = shared.vars.clone();
        vars.append(&mut self.vars);
        self.vars = vars;
        self.include = None;
    }
}

/// A named condition (see [`TreeSpec::predicates`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Predicate {
    /// The name rules use for it (`is = ["committed"]`), unique within the tree.
    pub id: String,
    /// What the condition means, in words (for authors and the chapter).
    pub about: String,
    /// The condition the name stands for.
    pub rule: Rule,
}

/// A word or phrase that texts use as `{id}`: the value of the first case whose rule holds, else
/// `default`. A result may also give a var its own value (see [`ResultSpec::vars`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VarSpec {
    /// The name texts use for it between braces, unique within the tree.
    pub id: String,
    /// The cases tried in order; the first whose rule holds gives the value.
    #[serde(default)]
    pub cases: Vec<VarCase>,
    /// The value when no case holds.
    pub default: String,
}

/// One case of a [`VarSpec`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VarCase {
    /// When this case's value is used.
    pub rule: Rule,
    /// The value the var takes in this case.
    pub value: String,
}

/// Text, steps and risks added to the chosen result when the addendum's rule holds: a sector
/// note, a regulation's deadlines, an overlay for a previous office. Within a `group`, only the
/// first addendum whose rule holds applies (a choice among alternatives, such as the starting form
/// of an office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addendum {
    /// The addendum's id, unique among the tree's addenda and results.
    pub id: String,
    /// The group of alternatives it belongs to, if any: of a group, only the first addendum whose
    /// rule holds applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The results it may add to; empty: any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<String>,
    /// When it applies; an empty rule always holds.
    #[serde(default)]
    pub rule: Rule,
    /// The heading of the note it adds to the result.
    pub title: String,
    /// The note's text; may use `{placeholders}`.
    pub text: String,
    /// The steps it adds to the plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanStep>,
    /// The risks it adds to the result's list of risks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<String>,
    /// The clauses and activities of outside frameworks it bears on (ids of
    /// `content/crosswalk.toml`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crosswalk: Vec<String>,
    /// A root-relative link into the book that says more, such as
    /// `/book/tools-and-processes/#cra-roles`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learn_more: Option<String>,
}

/// A result of an earlier version of the tree, kept by name only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    /// The retired result's id, which no current result may reuse.
    pub id: String,
    /// The title the result had, shown where a reader's history names it.
    pub title: String,
}

/// When in the first 90 days a step belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Window {
    /// Days 0 to 30.
    #[serde(rename = "days-0-30")]
    Days0To30,
    /// Days 31 to 60.
    #[serde(rename = "days-31-60")]
    Days31To60,
    /// Days 61 to 90.
    #[serde(rename = "days-61-90")]
    Days61To90,
    /// After the first 90 days (a step that follows from the plan but takes longer).
    #[serde(rename = "later")]
    Later,
}

impl Window {
    /// Every window, in order.
    pub const ALL: [Window; 4] = [
        Window::Days0To30,
        Window::Days31To60,
        Window::Days61To90,
        Window::Later,
    ];
}

/// One step of a plan: what to do, who does it, when, and how to tell it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStep {
    /// Unique within the tree, so that a reader's ticks and owners stay with the step.
    pub id: String,
    /// What to do, in one or two sentences; may use `{placeholders}`.
    pub text: String,
    /// The role that owns it, such as "OSPO lead" or "General Counsel".
    pub owner: String,
    /// The part of the first 90 days it belongs to.
    pub window: Window,
    /// How to tell that the step is done.
    pub done_when: String,
    /// A root-relative link to the part of the book (or the app page) that helps with the step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The clauses and activities of outside frameworks the step bears on (ids of
    /// `content/crosswalk.toml`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crosswalk: Vec<String>,
    /// The step is part of the plan only where this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Rule>,
    /// The answers show it is already in place: shown as done, not prescribed again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_if: Option<Rule>,
    /// Steps whose work this one includes (an addendum's SBOM step includes a result's
    /// inventory step): when this step is in the plan, they are not, so a plan never asks for the
    /// same work twice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
}

/// A named axis that answers add points to, shown as a chart with the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// The dimension's id, which options' points and rules use.
    pub id: String,
    /// The dimension's name, shown in the chart.
    pub label: String,
    /// Shown in the chart; a hidden dimension only counts (for rules), such as the number of
    /// "don't know" answers.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub shown: bool,
}

/// One question of a tree with the options a reader chooses from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question's id, unique among the tree's questions and results.
    pub id: String,
    /// The question as the reader sees it; rewording it marks earlier answers as reworded.
    pub text: String,
    /// Why the question is asked, shown beside it.
    pub why: String,
    /// A root-relative link into the book, such as `/book/assessing-readiness/#dimensions`.
    pub learn_more: String,
    /// How a reader can find the answer out, for questions about facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Where an option without `next` leads (before the `sequence` is consulted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub then: Option<String>,
    /// The clauses and activities of outside frameworks this question bears on (ids of
    /// `content/crosswalk.toml`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crosswalk: Vec<String>,
    /// Defined once for several trees (`content/trees/common.toml`): an answer given in one tree
    /// is carried over to the others.
    #[serde(default, skip_serializing_if = "is_no")]
    pub shared: bool,
    /// The options are in order, less to more (a size band, a level of practice), so the one
    /// next to the answer is a near miss worth showing when it changes the result; the options
    /// of other questions are alternatives, and none is "next" to another.
    #[serde(default, skip_serializing_if = "is_no")]
    pub scale: bool,
    /// The answers to choose from, in the order shown.
    #[serde(default)]
    pub options: Vec<AnswerOption>,
}

/// One answer a reader can choose for a question: where it leads and what it adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// The option's id, unique within its question.
    pub id: String,
    /// The answer as the reader sees it.
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
    /// Ends the walk even where the question's `then` or the `sequence` would go on.
    #[serde(default, skip_serializing_if = "is_no")]
    pub ends: bool,
}

/// One result a walk can end in: what it says, the plan that follows and the rule that chooses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultSpec {
    /// The result's id, unique among the tree's questions and results.
    pub id: String,
    /// The result's title, shown as the heading of the outcome.
    pub title: String,
    /// A short summary of what the result means for the reader's organization.
    pub summary: String,
    /// Why this result follows from the answers that lead to it.
    pub rationale: String,
    /// The 90-day plan: steps in their windows.
    #[serde(default)]
    pub plan: Vec<PlanStep>,
    /// What the reader gives up by following this result, one point per entry.
    #[serde(default)]
    pub trade_offs: Vec<String>,
    /// What can go wrong on the way, each with how to avoid it.
    #[serde(default)]
    pub risks: Vec<String>,
    /// A root-relative link to the section of the book that explains the result, such as
    /// `/book/assessing-readiness/#result-health-check`.
    pub learn_more: String,
    /// The clauses and activities of outside frameworks this result bears on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crosswalk: Vec<String>,
    /// This result's own values of vars that texts use as `{id}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub vars: BTreeMap<String, String>,
    /// When this result applies. An empty rule always holds.
    #[serde(default)]
    pub rule: Rule,
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
    /// Rules that must all hold as well.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all: Vec<Rule>,
    /// Named predicates that must all hold (see [`TreeSpec::predicates`]). The validator
    /// replaces each name by its rule (in `all`), so the engine never meets a name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub is: Vec<String>,
}

/// "Question `question` was answered with one of `options`."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerCondition {
    /// The question's id.
    pub question: String,
    /// The option ids that meet the condition (any one of them).
    pub options: Vec<String>,
}

/// An inclusive range of points; a missing end is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    /// The lowest number of points allowed; `None` is 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    /// The highest number of points allowed; `None` is no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

impl Bounds {
    /// Whether `value` lies in the range, both ends included.
    pub fn contains(&self, value: u32) -> bool {
        value >= self.lo() && value <= self.hi()
    }

    pub(super) fn lo(&self) -> u32 {
        self.min.unwrap_or(0)
    }

    pub(super) fn hi(&self) -> u32 {
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

pub(super) fn describe_range(lo: u32, hi: u32) -> String {
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
            && self.is.is_empty()
            && (self.any.is_empty() || self.any.iter().any(Rule::is_always_true))
            && self.all.iter().all(Rule::is_always_true)
    }
}
