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
    pub tree: &'a ValidTree,
    pub outcome: &'a Outcome,
    pub confidence: &'a Confidence,
    pub crosswalk: &'a Crosswalk,
}

/// A result, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advice<'a> {
    pub tree_title: &'a str,
    pub result: &'a str,
    pub title: &'a str,
    pub summary: String,
    pub rationale: String,
    /// The chapter section that explains this result.
    pub learn_more: &'a str,
    /// The scores the reader is shown (hidden dimensions left out).
    pub scores: &'a [DimensionScore],
    /// The total and its maximum, when the tree shows a total.
    pub total: Option<(u32, u32)>,
    pub reasons: &'a [Reason],
    /// Answers one step away that would change the result.
    pub changes: Vec<ChangeLine<'a>>,
    /// "Don't know" answers and what the other answers would give.
    pub unknowns: Vec<UnknownLine<'a>>,
    /// The addenda that apply to this organization, in the tree's order.
    pub applies: Vec<Note<'a>>,
    /// The plan by window, empty windows left out.
    pub plan: Vec<(Window, Vec<&'a PlanItem>)>,
    pub trade_offs: Vec<String>,
    /// The result's risks, then those of its addenda.
    pub risks: Vec<String>,
    /// The framework clauses the result, its addenda and its plan map to.
    pub frameworks: Vec<FrameworkRefs<'a>>,
}

/// "Had you answered `option` to `question`, the result would be `result`."
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeLine<'a> {
    pub question: &'a str,
    pub option: &'a str,
    pub result: &'a str,
}

/// A question answered "don't know" and the results its other answers give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnknownLine<'a> {
    pub question: &'a str,
    pub results: Vec<&'a str>,
    /// Whether some other answer keeps the current result.
    pub keeps_result: bool,
}

/// An addendum that applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note<'a> {
    pub id: &'a str,
    pub title: String,
    pub text: String,
    pub learn_more: Option<&'a str>,
}

/// One framework and the entries of it that apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrameworkRefs<'a> {
    pub framework: &'a Framework,
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
