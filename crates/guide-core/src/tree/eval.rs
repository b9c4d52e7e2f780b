//! Evaluating a rule against what a walk has gathered.

use std::collections::{BTreeMap, BTreeSet};

use super::schema::{AnswerOption, Question, Rule};

/// What a walk has gathered so far: the chosen options, points and flags.
#[derive(Debug, Clone)]
pub(super) struct State<'a> {
    pub(super) chosen: BTreeMap<&'a str, &'a str>,
    pub(super) dims: Vec<u32>,
    pub(super) flags: BTreeSet<&'a str>,
}

impl<'a> State<'a> {
    pub(super) fn new(dims: usize) -> Self {
        State {
            chosen: BTreeMap::new(),
            dims: vec![0; dims],
            flags: BTreeSet::new(),
        }
    }

    pub(super) fn choose(
        &mut self,
        question: &'a Question,
        option: &'a AnswerOption,
        points: &[u32],
    ) {
        self.chosen.insert(&question.id, &option.id);
        for (d, p) in self.dims.iter_mut().zip(points) {
            *d = d.saturating_add(*p);
        }
        self.flags.extend(option.flags.iter().map(String::as_str));
    }

    pub(super) fn total(&self) -> u32 {
        self.dims.iter().fold(0u32, |a, d| a.saturating_add(*d))
    }
}

pub(super) fn holds(rule: &Rule, state: &State<'_>, dim: &dyn Fn(&str) -> Option<usize>) -> bool {
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
        && rule.all.iter().all(|r| holds(r, state, dim))
}
