//! A result as a reader meets it, with every placeholder filled and every id turned into the
//! words it stands for: the page, the Markdown report and the printed page all render this one
//! model, so they cannot disagree about what the advice says.

use serde::Serialize;

use crate::crosswalk::{Crosswalk, Entry, Framework};
use crate::tree::{fill, Confidence, DimensionScore, Outcome, PlanItem, Reason, ValidTree, Window};

/// What a piece of advice is about: the tree, the outcome of a walk, how firm it is and the
/// registry of frameworks its tags point into.
#[derive(Clone, Copy)]
pub struct AdviceInput<'a> {
    /// The tree the walk went through.
    pub tree: &'a ValidTree,
    /// The outcome of the finished walk.
    pub outcome: &'a Outcome,
    /// How firm that outcome is.
    pub confidence: &'a Confidence,
    /// The registry of frameworks the crosswalk ids point into.
    pub crosswalk: &'a Crosswalk,
}

/// A result, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advice<'a> {
    /// The tree's title.
    pub tree_title: &'a str,
    /// The result's id.
    pub result: &'a str,
    /// The result's title.
    pub title: &'a str,
    /// The result's summary, placeholders filled in.
    pub summary: String,
    /// Why the result follows from the answers, placeholders filled in.
    pub rationale: String,
    /// The chapter section that explains this result.
    pub learn_more: &'a str,
    /// The scores the reader is shown (hidden dimensions left out).
    pub scores: &'a [DimensionScore],
    /// The total and its maximum, when the tree shows a total.
    pub total: Option<(u32, u32)>,
    /// Every answer of the walk, in order, with whether it was decisive.
    pub reasons: &'a [Reason],
    /// Answers one step away that would change the result.
    pub changes: Vec<ChangeLine<'a>>,
    /// Answers one step away that keep the result but change one of its grouped addenda (the
    /// target shape, the form to start in, the funding).
    pub alternatives: Vec<AlternativeLine<'a>>,
    /// "Don't know" answers and what the other answers would give.
    pub unknowns: Vec<UnknownLine<'a>>,
    /// The addenda that apply to this organization, in the tree's order.
    pub applies: Vec<Note<'a>>,
    /// The plan by window, empty windows left out.
    pub plan: Vec<(Window, Vec<&'a PlanItem>)>,
    /// What following the result gives up, placeholders filled in.
    pub trade_offs: Vec<String>,
    /// The result's risks, then those of its addenda.
    pub risks: Vec<String>,
    /// The framework clauses the result, its addenda and its plan map to.
    pub frameworks: Vec<FrameworkRefs<'a>>,
}

impl<'a> Advice<'a> {
    /// The "don't know" answers whose other answers would give another result (the others hide
    /// nothing).
    pub fn telling_unknowns(&self) -> impl Iterator<Item = &UnknownLine<'a>> {
        self.unknowns.iter().filter(|u| !u.results.is_empty())
    }

    /// Nothing one step away changes the result or one of its grouped addenda, and no "don't
    /// know" hides another result.
    pub fn is_firm(&self) -> bool {
        self.changes.is_empty()
            && self.alternatives.is_empty()
            && self.telling_unknowns().next().is_none()
    }
}

/// "Had you answered `option` to `question`, the result would be `result`."
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeLine<'a> {
    /// The question's text.
    pub question: &'a str,
    /// The label of the option one step away.
    pub option: &'a str,
    /// The title of the result that answer would give.
    pub result: &'a str,
}

/// "Had you answered `option` to `question`, this would apply instead: `title`."
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlternativeLine<'a> {
    /// The question's text.
    pub question: &'a str,
    /// The label of the option one step away.
    pub option: &'a str,
    /// The title of the addendum that would apply instead, placeholders filled in.
    pub title: &'a str,
}

/// A question answered "don't know" and the results its other answers give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnknownLine<'a> {
    /// The question's text.
    pub question: &'a str,
    /// The titles of the other results its other answers give (the current one left out).
    pub results: Vec<&'a str>,
    /// Whether some other answer keeps the current result.
    pub keeps_result: bool,
}

/// An addendum that applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note<'a> {
    /// The addendum's id.
    pub id: &'a str,
    /// The addendum's title, placeholders filled in.
    pub title: String,
    /// The addendum's text, placeholders filled in.
    pub text: String,
    /// The root-relative link into the book that says more, if the addendum has one.
    pub learn_more: Option<&'a str>,
}

/// One framework and the entries of it that apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrameworkRefs<'a> {
    /// The framework, with its name, short name and address.
    pub framework: &'a Framework,
    /// The framework's entries that the result, its addenda and its plan map to, in registry
    /// order.
    pub entries: Vec<&'a Entry>,
}

impl<'a> AdviceInput<'a> {
    /// The advice, or `None` if the outcome names a result the tree does not have.
    pub fn advice(&self) -> Option<Advice<'a>> {
        let (tree, outcome) = (self.tree, self.outcome);
        let spec = tree.spec();
        let result = tree.result(&outcome.result)?;
        let vars = &outcome.vars;
        let applied: Vec<_> = spec
            .addenda
            .iter()
            .filter(|a| outcome.addenda.contains(&a.id))
            .collect();
        let mut tags: Vec<&str> = result.crosswalk.iter().map(String::as_str).collect();
        tags.extend(
            applied
                .iter()
                .flat_map(|a| a.crosswalk.iter().map(String::as_str)),
        );
        tags.extend(
            outcome
                .plan
                .iter()
                .flat_map(|i| i.crosswalk.iter().map(String::as_str)),
        );
        Some(Advice {
            tree_title: &spec.title,
            result: &result.id,
            title: &result.title,
            summary: fill(&result.summary, vars),
            rationale: fill(&result.rationale, vars),
            learn_more: &result.learn_more,
            scores: &outcome.scores,
            total: outcome
                .show_total
                .then_some((outcome.total, outcome.max_total)),
            reasons: &outcome.rationale,
            changes: self
                .confidence
                .changes
                .iter()
                .map(|c| ChangeLine {
                    question: self.question_text(&c.question),
                    option: self.option_label(&c.question, &c.option),
                    result: self.result_title(&c.result),
                })
                .collect(),
            alternatives: self
                .confidence
                .alternatives
                .iter()
                .map(|c| AlternativeLine {
                    question: self.question_text(&c.question),
                    option: self.option_label(&c.question, &c.option),
                    title: &c.title,
                })
                .collect(),
            unknowns: self
                .confidence
                .unknown
                .iter()
                .map(|u| UnknownLine {
                    question: self.question_text(&u.question),
                    results: u
                        .results
                        .iter()
                        .filter(|r| **r != result.id)
                        .map(|r| self.result_title(r))
                        .collect(),
                    keeps_result: u.results.contains(&result.id),
                })
                .collect(),
            applies: applied
                .iter()
                .map(|a| Note {
                    id: &a.id,
                    title: fill(&a.title, vars),
                    text: fill(&a.text, vars),
                    learn_more: a.learn_more.as_deref(),
                })
                .collect(),
            plan: Window::ALL
                .iter()
                .map(|w| {
                    (
                        *w,
                        outcome
                            .plan
                            .iter()
                            .filter(|i| i.window == *w)
                            .collect::<Vec<_>>(),
                    )
                })
                .filter(|(_, items)| !items.is_empty())
                .collect(),
            trade_offs: result.trade_offs.iter().map(|t| fill(t, vars)).collect(),
            risks: result
                .risks
                .iter()
                .chain(applied.iter().flat_map(|a| a.risks.iter()))
                .map(|r| fill(r, vars))
                .collect(),
            frameworks: self
                .crosswalk
                .grouped(&tags)
                .into_iter()
                .map(|(framework, entries)| FrameworkRefs { framework, entries })
                .collect(),
        })
    }

    fn question_text(&self, question: &'a str) -> &'a str {
        self.tree
            .question(question)
            .map_or(question, |q| q.text.as_str())
    }

    fn option_label(&self, question: &'a str, option: &'a str) -> &'a str {
        self.tree
            .question(question)
            .and_then(|q| q.options.iter().find(|o| o.id == option))
            .map_or(option, |o| o.label.as_str())
    }

    fn result_title(&self, id: &'a str) -> &'a str {
        self.tree.result_title(id).unwrap_or(id)
    }
}
