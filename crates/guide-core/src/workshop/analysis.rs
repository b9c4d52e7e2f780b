//! What a workshop shows: how people's answers spread over each question (the questions that
//! split them first, since those are what the meeting should talk about), each person's scores
//! on the tree's dimensions with the median, the walk the group's chosen answers make, and how
//! their self-check answers spread over each item.

use std::collections::BTreeMap;

use super::Person;
use crate::conformance::{ValidCheck, Verdict};
use crate::tree::{question_hash, Answer, Question, Step, ValidTree};

/// Whether the people who answered a question agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Agreement {
    /// Two or more different answers.
    Split,
    /// Everyone who answered gave the same answer.
    All,
    /// Nobody answered it.
    Unanswered,
}

impl Agreement {
    /// As written in the page's `data-agreement`.
    pub fn key(self) -> &'static str {
        match self {
            Agreement::Split => "split",
            Agreement::All => "all",
            Agreement::Unanswered => "unanswered",
        }
    }
}

/// One option of a question and who chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionCount {
    /// The option's id.
    pub option: String,
    /// The option's label.
    pub label: String,
    /// The names of the people who chose it.
    pub people: Vec<String>,
}

/// How people answered one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionSpread {
    /// The question's id.
    pub question: String,
    /// The question's text.
    pub text: String,
    /// Every option, in the question's order, with who chose it.
    pub options: Vec<OptionCount>,
    /// How many people gave an answer that still fits (an option the question still has).
    pub answered: usize,
    /// Whether those who answered agree.
    pub agreement: Agreement,
    /// The option more than half of those who answered chose, if one did.
    pub majority: Option<String>,
    /// People whose answer was given to an earlier wording of the question, or names an option
    /// that no longer exists (the latter are not counted).
    pub changed: Vec<String>,
}

/// The answer a person gave to a question, if it still fits: (option, given to an earlier
/// wording). `Err(())` when they answered with an option the question no longer has.
fn answer_of<'a>(
    person: &'a Person,
    tree: &str,
    question: &Question,
) -> Option<Result<(&'a str, bool), ()>> {
    let answer = person
        .answers
        .get(tree)?
        .iter()
        .find(|a| a.question == question.id)?;
    if !question.options.iter().any(|o| o.id == answer.option) {
        return Some(Err(()));
    }
    let reworded =
        answer.question_hash != 0 && answer.question_hash != question_hash(&question.text);
    Some(Ok((answer.option.as_str(), reworded)))
}

/// Every question of `tree` with how `people` answered it: split questions first (the most
/// divided first), then those everyone agrees on, then those nobody answered; otherwise in the
/// tree's order.
pub fn spread(tree: &ValidTree, people: &[Person]) -> Vec<QuestionSpread> {
    let mut out: Vec<(usize, QuestionSpread)> = tree
        .spec()
        .questions
        .iter()
        .enumerate()
        .map(|(order, question)| {
            let mut options: Vec<OptionCount> = question
                .options
                .iter()
                .map(|o| OptionCount {
                    option: o.id.clone(),
                    label: o.label.clone(),
                    people: Vec::new(),
                })
                .collect();
            let mut changed = Vec::new();
            for person in people {
                match answer_of(person, tree.id(), question) {
                    Some(Ok((option, reworded))) => {
                        if reworded {
                            changed.push(person.name.clone());
                        }
                        if let Some(count) = options.iter_mut().find(|c| c.option == option) {
                            count.people.push(person.name.clone());
                        }
                    }
                    Some(Err(())) => changed.push(person.name.clone()),
                    None => {}
                }
            }
            let answered: usize = options.iter().map(|c| c.people.len()).sum();
            let chosen = options.iter().filter(|c| !c.people.is_empty()).count();
            let agreement = match chosen {
                0 => Agreement::Unanswered,
                1 => Agreement::All,
                _ => Agreement::Split,
            };
            let majority = options
                .iter()
                .find(|c| c.people.len() * 2 > answered)
                .map(|c| c.option.clone());
            (
                order,
                QuestionSpread {
                    question: question.id.clone(),
                    text: question.text.clone(),
                    options,
                    answered,
                    agreement,
                    majority,
                    changed,
                },
            )
        })
        .collect();
    out.sort_by_key(|(order, s)| {
        let counts: Vec<usize> = s.options.iter().map(|c| c.people.len()).collect();
        most_divided_first(s.agreement, &counts, *order)
    });
    out.into_iter().map(|(_, s)| s).collect()
}

/// The order of a workshop's agenda: split before agreed before unanswered; among split ones, more
/// distinct answers first, then a smaller largest group; then the content's own order. `counts`
/// is how many people gave each answer.
fn most_divided_first(
    agreement: Agreement,
    counts: &[usize],
    order: usize,
) -> (Agreement, std::cmp::Reverse<usize>, usize, usize) {
    let answered: usize = counts.iter().sum();
    let distinct = counts.iter().filter(|n| **n > 0).count();
    let largest = counts.iter().copied().max().unwrap_or(0);
    (
        agreement,
        std::cmp::Reverse(distinct),
        largest * 1000 / answered.max(1),
        order,
    )
}

/// One person's points on each shown dimension (from the answers that still fit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonScores {
    /// The person's name.
    pub name: String,
    /// Their points on each shown dimension, in the order of [`Scores::dimensions`].
    pub values: Vec<u32>,
}

/// Everyone's scores on the tree's shown dimensions, and the median of each.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// (id, label, most points a walk can reach).
    pub dimensions: Vec<(String, String, u32)>,
    /// The scores of everyone who answered the tree, in the workshop's order.
    pub people: Vec<PersonScores>,
    /// The median of each shown dimension over those people, in the same order (0 when nobody
    /// answered).
    pub median: Vec<f64>,
}

/// The people's scores on `tree`'s shown dimensions.
pub fn scores(tree: &ValidTree, people: &[Person]) -> Scores {
    let dimensions: Vec<(String, String, u32)> = tree
        .spec()
        .dimensions
        .iter()
        .filter(|d| d.shown)
        .map(|d| (d.id.clone(), d.label.clone(), tree.dimension_max(&d.id)))
        .collect();
    let people: Vec<PersonScores> = people
        .iter()
        .filter(|p| p.answers.contains_key(tree.id()))
        .map(|person| {
            let mut points: BTreeMap<&str, u32> = BTreeMap::new();
            for question in &tree.spec().questions {
                if let Some(Ok((option, _))) = answer_of(person, tree.id(), question) {
                    let chosen = question.options.iter().find(|o| o.id == option);
                    for (dimension, p) in chosen.map(|o| &o.points).into_iter().flatten() {
                        *points.entry(dimension.as_str()).or_default() += *p;
                    }
                }
            }
            PersonScores {
                name: person.name.clone(),
                values: dimensions
                    .iter()
                    .map(|(id, ..)| points.get(id.as_str()).copied().unwrap_or(0))
                    .collect(),
            }
        })
        .collect();
    let median = (0..dimensions.len())
        .map(|i| {
            let mut values: Vec<u32> = people
                .iter()
                .filter_map(|p| p.values.get(i).copied())
                .collect();
            values.sort_unstable();
            match values.len() {
                0 => 0.0,
                n if n % 2 == 1 => f64::from(values[n / 2]),
                n => (f64::from(values[n / 2 - 1]) + f64::from(values[n / 2])) / 2.0,
            }
        })
        .collect();
    Scores {
        dimensions,
        people,
        median,
    }
}

/// The walk the group's chosen answers make through `tree`, as far as they go, and the first
/// question on it the group has not yet decided (`None` when the walk reached a result).
pub fn group_walk<'t>(
    tree: &'t ValidTree,
    choices: &BTreeMap<String, String>,
) -> (Vec<Answer>, Option<&'t Question>) {
    let mut answers = Vec::new();
    loop {
        match tree.current(&answers) {
            Ok(Step::Ask { question, .. }) => {
                let next = choices
                    .get(&question.id)
                    .and_then(|option| tree.answer(&answers, option).ok());
                match next {
                    Some(next) => answers = next,
                    None => return (answers, Some(question)),
                }
            }
            _ => return (answers, None),
        }
    }
}

/// How people answered one item of a self-check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSpread {
    /// The item's id.
    pub item: String,
    /// The clause of the standard it belongs to.
    pub clause: String,
    /// What the item asks, in the check's words.
    pub statement: String,
    /// Each verdict someone gave, in the form's order, with who gave it.
    pub verdicts: Vec<(Verdict, Vec<String>)>,
    /// Whether those who answered agree.
    pub agreement: Agreement,
}

/// Every item of `check` with how `people` answered it: split items first (the most divided
/// first), then those everyone agrees on, then those nobody answered; otherwise in the check's
/// order. Answers to items the check no longer has are left out.
pub fn check_spread(check: &ValidCheck, people: &[Person]) -> Vec<ItemSpread> {
    let mut out: Vec<(usize, ItemSpread)> = check
        .spec()
        .items()
        .enumerate()
        .map(|(order, item)| {
            let verdicts: Vec<(Verdict, Vec<String>)> = Verdict::ALL
                .iter()
                .map(|verdict| {
                    let who = people
                        .iter()
                        .filter(|p| {
                            p.checks
                                .get(check.id())
                                .and_then(|items| items.get(&item.id))
                                == Some(verdict)
                        })
                        .map(|p| p.name.clone())
                        .collect::<Vec<_>>();
                    (*verdict, who)
                })
                .filter(|(_, who)| !who.is_empty())
                .collect();
            let agreement = match verdicts.len() {
                0 => Agreement::Unanswered,
                1 => Agreement::All,
                _ => Agreement::Split,
            };
            (
                order,
                ItemSpread {
                    item: item.id.clone(),
                    clause: item.clause.clone(),
                    statement: item.statement.clone(),
                    verdicts,
                    agreement,
                },
            )
        })
        .collect();
    out.sort_by_key(|(order, s)| {
        let counts: Vec<usize> = s.verdicts.iter().map(|(_, who)| who.len()).collect();
        most_divided_first(s.agreement, &counts, *order)
    });
    out.into_iter().map(|(_, s)| s).collect()
}
