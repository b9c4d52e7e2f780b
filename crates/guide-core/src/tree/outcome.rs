//! The outcome of a finished walk: the result with its evidence (scores, the answers that
//! decided it), the addenda that apply, the 90-day plan with the steps already in place marked
//! done, and the words that fill the texts' `{placeholders}`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::engine::Answer;
use super::eval::{holds, State};
use super::schema::{Addendum, PlanStep, ResultSpec, Rule, Window};
use super::validate::ValidTree;

/// A finished walk's result with the evidence for it and the advice that follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The id of the chosen result.
    pub result: String,
    /// One entry per shown dimension, in the tree's order.
    pub scores: Vec<DimensionScore>,
    /// The walk's points summed over every dimension, hidden ones included.
    pub total: u32,
    /// The highest total any walk can reach.
    pub max_total: u32,
    /// Whether the total means something (see `TreeSpec::show_total`).
    pub show_total: bool,
    /// Every answer of the walk, in order.
    pub rationale: Vec<Reason>,
    /// The addenda that apply, in the tree's order.
    pub addenda: Vec<String>,
    /// The plan: the result's steps and the addenda's, by window.
    pub plan: Vec<PlanItem>,
    /// The value of every var the texts may use.
    pub vars: BTreeMap<String, String>,
    /// The questions answered "don't know" (options flagged `dont-know`).
    pub unknown: Vec<String>,
}

/// The points a walk scored on one shown dimension, against the most it could score there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DimensionScore {
    /// The dimension's id.
    pub dimension: String,
    /// The dimension's name, as the chart shows it.
    pub label: String,
    /// The points the walk scored on it.
    pub score: u32,
    /// The most points any walk can reach on this dimension.
    pub max: u32,
}

/// One answer that led to the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The question's id.
    pub question: String,
    /// The question's text.
    pub question_text: String,
    /// The chosen option's id.
    pub option: String,
    /// The chosen option's label.
    pub option_label: String,
    /// The points the option added, per dimension id.
    pub points: BTreeMap<String, u32>,
    /// The flags the option set, such as `dont-know`.
    pub flags: Vec<String>,
    /// The chosen result's rule looks at this answer: it names the question or one of the
    /// option's flags, or counts points the option gave.
    pub decisive: bool,
}

/// One step of the plan, its texts filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanItem {
    /// The step's id (unique in the tree).
    pub step: String,
    /// The result or addendum the step comes from.
    pub from: String,
    /// What to do, its `{placeholders}` filled in.
    pub text: String,
    /// The role that owns the step, its `{placeholders}` filled in.
    pub owner: String,
    /// The part of the first 90 days it belongs to.
    pub window: Window,
    /// How to tell that the step is done, its `{placeholders}` filled in.
    pub done_when: String,
    /// A root-relative link to the part of the book (or the app page) that helps with the step.
    pub link: Option<String>,
    /// The clauses and activities of outside frameworks the step bears on (ids of
    /// `content/crosswalk.toml`).
    pub crosswalk: Vec<String>,
    /// The answers show the step is already in place.
    pub done: bool,
}

/// `text` with each `{name}` replaced by its value in `vars` (unknown names are left as they
/// are; the validator has made sure every name a tree uses has a value).
pub fn fill(text: &str, vars: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        let value = from_brace[1..]
            .split_once('}')
            .and_then(|(name, after)| vars.get(name).map(|v| (v, after)));
        match value {
            Some((value, after)) => {
                out.push_str(value);
                rest = after;
            }
            None => {
                out.push('{');
                rest = &from_brace[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

impl ValidTree {
    /// The result of a finished walk with its scores, rationale, addenda and plan; `None` while
    /// the walk is unfinished or when the answers are not a walk.
    pub fn outcome(&self, answers: &[Answer]) -> Option<Outcome> {
        let trace = self.trace(answers).ok()?;
        if trace.next.is_some() {
            return None;
        }
        let state = self.state(&trace.steps);
        let result = self.choose(&state)?;
        let lookup = |d: &str| self.dims.get(d).copied();
        let applies = |rule: &Option<Rule>| rule.as_ref().is_none_or(|r| holds(r, &state, &lookup));
        let addenda = self.addenda_for(result, &state);
        let vars = self.vars_for(result, &state);
        let steps = result.plan.iter().map(|s| (result.id.as_str(), s)).chain(
            addenda
                .iter()
                .flat_map(|a| a.plan.iter().map(|s| (a.id.as_str(), s))),
        );
        let included: Vec<(&str, &PlanStep)> =
            steps.filter(|(_, step)| applies(&step.when)).collect();
        let replaced: BTreeSet<&str> = included
            .iter()
            .flat_map(|(_, step)| step.replaces.iter().map(String::as_str))
            .collect();
        let mut plan: Vec<PlanItem> = included
            .into_iter()
            .filter(|(_, step)| !replaced.contains(step.id.as_str()))
            .map(|(from, step)| {
                plan_item(
                    from,
                    step,
                    &vars,
                    step.done_if.is_some() && applies(&step.done_if),
                )
            })
            .collect();
        plan.sort_by_key(|item| item.window);
        let unknown = trace
            .steps
            .iter()
            .filter_map(|&(q, o)| {
                let question = self.spec.questions.get(q)?;
                let option = question.options.get(o)?;
                option
                    .flags
                    .iter()
                    .any(|f| f == super::confidence::DONT_KNOW)
                    .then(|| question.id.clone())
            })
            .collect();
        Some(Outcome {
            result: result.id.clone(),
            scores: self.scores(&state),
            total: state.total(),
            max_total: self.total_max,
            show_total: self.spec.show_total,
            rationale: self.rationale(&trace.steps, &result.rule),
            addenda: addenda.iter().map(|a| a.id.clone()).collect(),
            plan,
            vars,
            unknown,
        })
    }

    /// The addenda that apply with `result`: each whose rule holds, the first of each group.
    fn addenda_for(&self, result: &ResultSpec, state: &State<'_>) -> Vec<&Addendum> {
        let lookup = |d: &str| self.dims.get(d).copied();
        let mut groups = BTreeSet::new();
        self.spec
            .addenda
            .iter()
            .filter(|a| a.results.is_empty() || a.results.contains(&result.id))
            .filter(|a| holds(&a.rule, state, &lookup))
            .filter(|a| a.group.as_ref().is_none_or(|g| groups.insert(g.as_str())))
            .collect()
    }

    /// Every var's value: the first case that holds, else its default; a result's own value
    /// wins.
    fn vars_for(&self, result: &ResultSpec, state: &State<'_>) -> BTreeMap<String, String> {
        let lookup = |d: &str| self.dims.get(d).copied();
        let mut vars: BTreeMap<String, String> = self
            .spec
            .vars
            .iter()
            .map(|v| {
                let value = v
                    .cases
                    .iter()
                    .find(|c| holds(&c.rule, state, &lookup))
                    .map_or(&v.default, |c| &c.value);
                (v.id.clone(), value.clone())
            })
            .collect();
        vars.extend(result.vars.iter().map(|(k, v)| (k.clone(), v.clone())));
        vars
    }

    fn scores(&self, state: &State<'_>) -> Vec<DimensionScore> {
        self.spec
            .dimensions
            .iter()
            .filter(|d| d.shown)
            .map(|d| {
                let i = self.dims.get(&d.id).copied();
                DimensionScore {
                    dimension: d.id.clone(),
                    label: d.label.clone(),
                    score: i.and_then(|i| state.dims.get(i)).copied().unwrap_or(0),
                    max: i.and_then(|i| self.dim_max.get(i)).copied().unwrap_or(0),
                }
            })
            .collect()
    }

    fn rationale(&self, steps: &[(usize, usize)], rule: &Rule) -> Vec<Reason> {
        let mentions = Mentions::of(rule);
        steps
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
            .collect()
    }
}

fn plan_item(from: &str, step: &PlanStep, vars: &BTreeMap<String, String>, done: bool) -> PlanItem {
    PlanItem {
        step: step.id.clone(),
        from: from.to_string(),
        text: fill(&step.text, vars),
        owner: fill(&step.owner, vars),
        window: step.window,
        done_when: fill(&step.done_when, vars),
        link: step.link.clone(),
        crosswalk: step.crosswalk.clone(),
        done,
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
        for sub in rule.any.iter().chain(&rule.all) {
            self.add(sub);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn placeholders_are_filled_and_other_braces_kept() {
        let vars = [("line".to_string(), "legal".to_string())]
            .into_iter()
            .collect();
        assert_eq!(fill("Report to {line}.", &vars), "Report to legal.");
        assert_eq!(fill("{unknown} and {line}", &vars), "{unknown} and legal");
        assert_eq!(fill("a { b } {", &vars), "a { b } {");
    }
}
