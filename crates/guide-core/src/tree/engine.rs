//! The engine: pure functions over the list of recorded answers, which is exactly what the view
//! stores, replays after a reload and encodes in share links.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::error::TreeLoadError;
use super::eval::{holds, State};
use super::schema::{AnswerOption, Question, ResultSpec, TreeSpec};
use super::validate::{validate, ValidTree};
use crate::hash::fnv1a64;

/// The hash recorded with each answer: FNV-1a 64 of the question's text with runs of white space
/// collapsed to one space and the ends trimmed, so that re-wrapping a line in the TOML does not
/// count as rewording but any change of words does.
pub fn question_hash(text: &str) -> u64 {
    let normalised = text.split_whitespace().collect::<Vec<_>>().join(" ");
    fnv1a64(normalised.as_bytes())
}

/// One recorded answer. The hash of the question's text at the time lets the view notice that a
/// question was reworded after it was answered.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Answer {
    /// The id of the question answered.
    pub question: String,
    /// The id of the option chosen.
    pub option: String,
    /// The [`question_hash`] of the question's text when the answer was given.
    pub question_hash: u64,
}

/// Why a list of answers is not a walk through the tree.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReplayError {
    /// An answer names a question the tree does not have.
    #[error("answer {index}: the tree has no question {question:?}")]
    UnknownQuestion {
        /// The answer's position in the list, from 0.
        index: usize,
        /// The question id it names.
        question: String,
    },
    /// An answer names an option its question does not have.
    #[error("answer {index}: question {question:?} has no option {option:?}")]
    UnknownOption {
        /// The answer's position in the list, from 0.
        index: usize,
        /// The question id it names.
        question: String,
        /// The option id its question does not have.
        option: String,
    },
    /// An answer is not to the question the walk asks at that point (or comes after the walk
    /// ended).
    #[error("answer {index}: {}, but it answers {found:?}", expected_here(.expected))]
    OutOfOrder {
        /// The answer's position in the list, from 0.
        index: usize,
        /// The question the walk asks at this point; `None` when it had already ended.
        expected: Option<String>,
        /// The question id the answer names instead.
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
    /// The answers recorded so far are not a walk through the tree.
    #[error(transparent)]
    Replay(#[from] ReplayError),
    /// The walk has already ended with a result, so there is no question to answer.
    #[error("the walk has already ended")]
    Finished,
    /// The chosen option is not one of the current question's options.
    #[error("question {question:?} has no option {option:?}")]
    NotAnOption {
        /// The current question's id.
        question: String,
        /// The option id given.
        option: String,
    },
}

/// Where a walk stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<'t> {
    /// The walk asks `question`, the `number`th question of about `of_about`.
    Ask {
        /// The question to ask.
        question: &'t Question,
        /// Its place in the walk, counting from 1.
        number: usize,
        /// The estimated number of questions in the whole walk (see
        /// [`ValidTree::current`](super::ValidTree::current)).
        of_about: usize,
    },
    /// The walk has ended with this result.
    Done {
        /// The chosen result.
        result: &'t ResultSpec,
    },
}

/// A replayed walk: every answer with its texts, and where the walk stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Walk {
    /// Every answer of the walk, in order.
    pub steps: Vec<WalkStep>,
    /// Where the walk stands after the last answer.
    pub position: Position,
}

/// One answered question of a walk, for breadcrumbs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WalkStep {
    /// The question's id.
    pub question: String,
    /// The question's text as it reads now.
    pub question_text: String,
    /// The chosen option's id.
    pub option: String,
    /// The chosen option's label as it reads now.
    pub option_label: String,
    /// The question's text changed since the answer was recorded.
    pub reworded: bool,
}

/// Where a replayed walk stands, by id: the serialisable form of [`Step`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Position {
    /// The walk asks `question`, the `number`th question of about `of_about`.
    Asking {
        /// The id of the question to ask.
        question: String,
        /// Its place in the walk, counting from 1.
        number: usize,
        /// The estimated number of questions in the whole walk.
        of_about: usize,
    },
    /// The walk has ended with this result.
    Ended {
        /// The chosen result's id.
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

    /// The id of the chosen result once the walk has ended; `None` while it still asks questions.
    pub fn result(&self) -> Option<&str> {
        match &self.position {
            Position::Ended { result } => Some(result),
            Position::Asking { .. } => None,
        }
    }
}

/// A walk replayed to indexes: the (question, option) pairs and the question asked next.
pub(super) struct Trace {
    pub(super) steps: Vec<(usize, usize)>,
    pub(super) next: Option<usize>,
}

impl ValidTree {
    /// Decodes a tree shipped as JSON and validates it.
    pub fn from_json(json: &str) -> Result<ValidTree, TreeLoadError> {
        let spec: TreeSpec =
            serde_json::from_str(json).map_err(|e| TreeLoadError::Json(e.to_string()))?;
        validate(spec).map_err(TreeLoadError::Invalid)
    }

    /// The tree as validated, in its resolved form: `sequence` and `then` are written into each
    /// option's `next`, and predicate names are replaced by their rules.
    pub fn spec(&self) -> &TreeSpec {
        &self.spec
    }

    /// Gives up the validated tree for its spec, in the resolved form [`ValidTree::spec`] returns.
    pub fn into_spec(self) -> TreeSpec {
        self.spec
    }

    /// The tree's id, such as `readiness`.
    pub fn id(&self) -> &str {
        &self.spec.id
    }

    /// The question with this id, if the tree has one.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions
            .get(id)
            .and_then(|&i| self.spec.questions.get(i))
    }

    /// The current (not retired) result with this id, if the tree has one.
    pub fn result(&self, id: &str) -> Option<&ResultSpec> {
        self.spec.results.iter().find(|r| r.id == id)
    }

    /// The title of a result, current or retired (a results history may hold retired ones).
    pub fn result_title(&self, id: &str) -> Option<&str> {
        self.result(id).map(|r| r.title.as_str()).or_else(|| {
            self.spec
                .retired
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.title.as_str())
        })
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

    pub(super) fn trace(&self, answers: &[Answer]) -> Result<Trace, ReplayError> {
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

    pub(super) fn state(&self, steps: &[(usize, usize)]) -> State<'_> {
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
    pub(super) fn choose(&self, state: &State<'_>) -> Option<&ResultSpec> {
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
}
