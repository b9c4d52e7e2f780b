//! How firm a result is, computed by replaying the walk with neighbouring answers rather than
//! written by hand: which single answers, moved one step, would change the result or, with the
//! result kept, which of a group of alternative addenda applies (the structure tree's target
//! shape, the form to start in, the funding), and what each "don't know" may be hiding. Also carrying answers over from another tree that shares questions.

use serde::Serialize;

use super::engine::{Answer, Step};
use super::schema::Rule;
use super::validate::ValidTree;

/// The flag of options that mean "don't know".
pub const DONT_KNOW: &str = "dont-know";

/// How firm a result is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Confidence {
    /// Single answers to scale questions that, moved one step (to the option next to them),
    /// change the result.
    pub changes: Vec<Change>,
    /// Single answers to scale questions that, moved one step, keep the result but change which
    /// addendum of a group applies. Left out: a group that only restates that answer (the
    /// funding that follows the budget answer), where the change says nothing the reader does
    /// not know.
    pub alternatives: Vec<AlternativeChange>,
    /// The "don't know" answers, each with the results the other answers would give.
    pub unknown: Vec<Unknown>,
}

impl Confidence {
    /// One step from another result.
    pub fn is_borderline(&self) -> bool {
        !self.changes.is_empty()
    }
}

/// "Had you answered `option` to `question`, the result would be `result`."
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The id of the scale question whose answer would change it.
    pub question: String,
    /// The id of the neighbouring option that would change the result.
    pub option: String,
    /// The id of the result that option would give.
    pub result: String,
}

/// "Had you answered `option` to `question`, `addendum` would apply instead" (same result).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlternativeChange {
    /// The id of the scale question whose answer would change it.
    pub question: String,
    /// The id of the neighbouring option.
    pub option: String,
    /// The group of alternatives (see `Addendum::group`).
    pub group: String,
    /// The id of the addendum that would apply in that group instead.
    pub addendum: String,
    /// That addendum's title, its placeholders filled from the changed walk.
    pub title: String,
}

/// A question answered "don't know", and the results its other answers would give (the
/// current one included when some answers keep it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unknown {
    /// The id of the question answered "don't know".
    pub question: String,
    /// The ids of the results its other answers would give, sorted, each once.
    pub results: Vec<String>,
}

impl ValidTree {
    /// How firm the result of a finished walk is; `None` while it is unfinished.
    pub fn confidence(&self, answers: &[Answer]) -> Option<Confidence> {
        let result = self.outcome_result(answers)?;
        let grouped = self.grouped_addenda(answers);
        let mut confidence = Confidence::default();
        for (index, answer) in answers.iter().enumerate() {
            let question = self.question(&answer.question)?;
            let options: Vec<&str> = question
                .options
                .iter()
                .filter(|o| !o.flags.iter().any(|f| f == DONT_KNOW))
                .map(|o| o.id.as_str())
                .collect();
            let result_with = |option: &str| {
                self.with_changed(answers, index, option)
                    .and_then(|walk| self.outcome_result(&walk))
            };
            match options.iter().position(|o| *o == answer.option) {
                Some(_) if !question.scale => {}
                Some(at) => {
                    let neighbours = [at.checked_sub(1), at.checked_add(1)];
                    for option in neighbours
                        .into_iter()
                        .flatten()
                        .filter_map(|n| options.get(n))
                    {
                        let Some(walk) = self.with_changed(answers, index, option) else {
                            continue;
                        };
                        match self.outcome_result(&walk) {
                            Some(other) if other != result => confidence.changes.push(Change {
                                question: question.id.clone(),
                                option: (*option).to_string(),
                                result: other,
                            }),
                            Some(_) => confidence.alternatives.extend(self.alternatives(
                                &grouped,
                                &walk,
                                &question.id,
                                option,
                            )),
                            None => {}
                        }
                    }
                }
                None => {
                    let mut results: Vec<String> =
                        options.iter().filter_map(|o| result_with(o)).collect();
                    results.sort();
                    results.dedup();
                    confidence.unknown.push(Unknown {
                        question: question.id.clone(),
                        results,
                    });
                }
            }
        }
        Some(confidence)
    }

    /// The grouped addenda a finished walk applies: (group, addendum id, title filled in).
    fn grouped_addenda(&self, answers: &[Answer]) -> Vec<(String, String, String)> {
        let Some(outcome) = self.outcome(answers) else {
            return Vec::new();
        };
        self.spec()
            .addenda
            .iter()
            .filter(|a| outcome.addenda.contains(&a.id))
            .filter_map(|a| {
                let group = a.group.clone()?;
                Some((group, a.id.clone(), super::fill(&a.title, &outcome.vars)))
            })
            .collect()
    }

    /// The grouped addenda that `walk` (answer `question` moved to `option`, the result kept)
    /// applies where the current walk applies another (`current`), unless the group restates
    /// that answer.
    fn alternatives(
        &self,
        current: &[(String, String, String)],
        walk: &[Answer],
        question: &str,
        option: &str,
    ) -> Vec<AlternativeChange> {
        self.grouped_addenda(walk)
            .into_iter()
            .filter(|(group, addendum, _)| {
                !current.iter().any(|(g, a, _)| g == group && a == addendum)
                    && !self.group_restates(group, question)
            })
            .map(|(group, addendum, title)| AlternativeChange {
                question: question.to_owned(),
                option: option.to_owned(),
                group,
                addendum,
                title,
            })
            .collect()
    }

    /// Whether every addendum of `group` is chosen by `question`'s answer alone: the group then
    /// restates that answer.
    fn group_restates(&self, group: &str, question: &str) -> bool {
        self.spec()
            .addenda
            .iter()
            .filter(|a| a.group.as_deref() == Some(group))
            .all(|a| reads_only(&a.rule, question))
    }

    fn outcome_result(&self, answers: &[Answer]) -> Option<String> {
        let trace = self.trace(answers).ok()?;
        if trace.next.is_some() {
            return None;
        }
        let state = self.state(&trace.steps);
        self.choose(&state).map(|r| r.id.clone())
    }

    /// The walk with answer `index` changed to `option`; later answers are kept where the same
    /// questions are asked again. `None` if the changed walk asks a question not answered before.
    fn with_changed(&self, answers: &[Answer], index: usize, option: &str) -> Option<Vec<Answer>> {
        let mut walk = self.answer(answers.get(..index)?, option).ok()?;
        while let Ok(Step::Ask { question, .. }) = self.current(&walk) {
            let earlier = answers.iter().find(|a| a.question == question.id)?;
            walk = self.answer(&walk, &earlier.option).ok()?;
        }
        Some(walk)
    }

    /// `answers` extended with the answers `from` gives to the shared questions this walk asks
    /// next (see `Question::shared`), as far as they go: a reader who answered them in another
    /// tree is not asked again. Returns `answers` unchanged when the next question is not shared
    /// or not answered in `from`.
    pub fn carry_over(&self, answers: &[Answer], from: &[Answer]) -> Vec<Answer> {
        let mut walk = answers.to_vec();
        while let Ok(Step::Ask { question, .. }) = self.current(&walk) {
            let given = from
                .iter()
                .find(|a| a.question == question.id)
                .filter(|_| question.shared);
            let Some(next) = given.and_then(|a| self.answer(&walk, &a.option).ok()) else {
                break;
            };
            walk = next;
        }
        walk
    }
}

/// Whether `rule` looks at `question`'s answer and at nothing else (predicates are resolved by
/// the validator; a name left over counts as looking elsewhere).
fn reads_only(rule: &Rule, question: &str) -> bool {
    rule.total.is_none()
        && rule.dimensions.is_empty()
        && rule.flags.is_empty()
        && rule.no_flags.is_empty()
        && rule.is.is_empty()
        && rule.answers.iter().all(|a| a.question == question)
        && rule
            .answered
            .iter()
            .chain(&rule.not_answered)
            .all(|q| q == question)
        && rule
            .any
            .iter()
            .chain(&rule.all)
            .all(|r| reads_only(r, question))
}
