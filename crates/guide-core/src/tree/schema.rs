//! The schema authors write in `content/trees/*.toml`: questions, options, results and the rules
//! that choose them. Serialisable, so that the build can ship a tree as JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A whole decision tree as authored. Serialisable so that the build can ship it as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreeSpec {
    pub id: String,
    pub title: String,
    pub intro: String,
    /// The chapter that explains how the tree decides, such as `/book/assessing-readiness/`.
    pub chapter: String,
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
            && (self.any.is_empty() || self.any.iter().any(Rule::is_always_true))
    }
}
