//! The advice of the real trees: properties over random profiles (need and commitment decide the
//! size of the office, practice never enlarges it, a committed sponsor is never told to find one,
//! the two trees agree, the firmness lists exactly the one-step answers that change part of the
//! structure advice), the personas in `fixtures/personas.toml`, and stored answers of earlier
//! versions.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use common::{config, content_root};
use guide_core::content::load_content;
use guide_core::crosswalk::Crosswalk;
use guide_core::report::AdviceInput;
use guide_core::tree::{Answer, Confidence, Outcome, Step, ValidTree};
use proptest::prelude::*;
use serde::Deserialize;

fn trees() -> &'static (ValidTree, ValidTree) {
    static TREES: OnceLock<(ValidTree, ValidTree)> = OnceLock::new();
    TREES.get_or_init(|| {
        let content = load_content(content_root()).unwrap_or_else(|e| panic!("{e}"));
        let load = |id: &str| {
            let spec = content
                .trees
                .iter()
                .find(|t| t.id == id)
                .unwrap_or_else(|| panic!("no tree {id}"));
            // As the app gets it: the shipped JSON, validated again.
            ValidTree::from_json(&serde_json::to_string(spec).expect("serialises"))
                .unwrap_or_else(|e| panic!("{id}: {e}"))
        };
        (load("readiness"), load("structure"))
    })
}

fn readiness() -> &'static ValidTree {
    &trees().0
}

fn structure() -> &'static ValidTree {
    &trees().1
}

/// One answer per question id, for both trees (shared questions once).
type Profile = BTreeMap<String, String>;

/// Walks `tree` answering each question from `profile`; `None` if a question has no answer.
fn walk(tree: &ValidTree, profile: &Profile) -> Option<Vec<Answer>> {
    let mut answers = Vec::new();
    while let Ok(Step::Ask { question, .. }) = tree.current(&answers) {
        let option = profile.get(&question.id)?;
        answers = tree.answer(&answers, option).ok()?;
    }
    Some(answers)
}

/// The structure tree's walk as the app makes it: the readiness answers carried over first.
fn structure_walk(profile: &Profile) -> Option<Vec<Answer>> {
    let from = walk(readiness(), profile)?;
    let mut answers = structure().carry_over(&[], &from);
    while let Ok(Step::Ask { question, .. }) = structure().current(&answers) {
        let option = profile.get(&question.id)?;
        answers = structure().answer(&answers, option).ok()?;
    }
    Some(answers)
}

/// Every question of both trees with its options, in a stable order.
fn questionnaire() -> Vec<(String, Vec<String>)> {
    let mut seen = BTreeMap::new();
    for tree in [readiness(), structure()] {
        for q in &tree.spec().questions {
            seen.entry(q.id.clone())
                .or_insert_with(|| q.options.iter().map(|o| o.id.clone()).collect());
        }
    }
    seen.into_iter().collect()
}

/// A random profile: option `picks[i] % n` for the i-th question.
fn profile_from(picks: &[u16], allow_dont_know: bool) -> Profile {
    questionnaire()
        .into_iter()
        .enumerate()
        .map(|(i, (id, options))| {
            let options: Vec<String> = options
                .into_iter()
                .filter(|o| allow_dont_know || o != "dont-know")
                .collect();
            let pick = usize::from(picks.get(i).copied().unwrap_or(0)) % options.len();
            (id, options[pick].clone())
        })
        .collect()
}

fn picks() -> impl Strategy<Value = Vec<u16>> {
    prop::collection::vec(any::<u16>(), 40)
}

fn outcome(tree: &ValidTree, answers: &[Answer]) -> Outcome {
    tree.outcome(answers)
        .unwrap_or_else(|| panic!("{}: the walk did not end: {answers:?}", tree.id()))
}

/// The size of office a readiness result stands for (`None`: not a statement about size).
fn office_size(result: &str) -> Option<u8> {
    match result {
        "not-yet" => Some(0),
        "working-group" | "build-the-case" => Some(1),
        "owner-led" | "fund-the-lead" => Some(2),
        "lean-core" => Some(3),
        // A federated office is a formal office with a core team, in another shape.
        "formal-core" | "scaled" => Some(4),
        "health-check" | "handover-check" | "discover-first" => None,
        other => panic!("unknown readiness result {other}"),
    }
}

/// The structure tree's "start now" form that matches each readiness result.
fn start_for(readiness_result: &str) -> &'static str {
    match readiness_result {
        "health-check" => "start-existing",
        "handover-check" => "start-handover",
        "discover-first" => "start-discover",
        "not-yet" => "start-no-office",
        "owner-led" => "start-owner",
        "scaled" | "formal-core" => "start-core",
        "lean-core" => "start-lean",
        "fund-the-lead" => "start-fund-lead",
        "build-the-case" => "start-build-case",
        "working-group" => "start-working-group",
        other => panic!("unknown readiness result {other}"),
    }
}

/// Every text a reader sees for an outcome, as the page shows it (see `report::Advice`): the
/// summary, the rationale, what applies, the plan, the trade-offs and the risks, in lower case.
fn advice_text(tree: &ValidTree, outcome: &Outcome) -> String {
    let confidence = Confidence::default();
    let crosswalk = Crosswalk::default();
    let input = AdviceInput {
        tree,
        outcome,
        confidence: &confidence,
        crosswalk: &crosswalk,
    };
    let Some(advice) = input.advice() else {
        return String::new();
    };
    let mut texts = vec![advice.title.to_string(), advice.summary, advice.rationale];
    for note in advice.applies {
        texts.extend([note.title, note.text]);
    }
    for (_, items) in &advice.plan {
        texts.extend(
            items
                .iter()
                .flat_map(|i| [i.text.clone(), i.done_when.clone()]),
        );
    }
    texts.extend(advice.trade_offs);
    texts.extend(advice.risks);
    texts.join("\n").to_lowercase()
}

/// The plan steps whose purpose is to win a sponsor.
const FIND_A_SPONSOR: [&str; 3] = ["btc-ask", "wg-sponsor", "build-case-ask"];

/// A profile with `question` moved one step towards more of `dimension`'s points, if it can be.
fn more_of(profile: &Profile, question: &str, dimension: &str) -> Option<Profile> {
    let q = readiness().question(question)?;
    let current = profile.get(question)?;
    let points = |id: &str| {
        q.options
            .iter()
            .find(|o| o.id == id)
            .and_then(|o| o.points.get(dimension).copied())
    };
    let now = points(current)?;
    let next = q
        .options
        .iter()
        .filter(|o| !o.flags.iter().any(|f| f == "dont-know"))
        .filter_map(|o| Some((o.points.get(dimension).copied()?, &o.id)))
        .filter(|(p, _)| *p > now)
        .min_by_key(|(p, _)| *p)?;
    let mut changed = profile.clone();
    changed.insert(question.to_string(), next.1.clone());
    Some(changed)
}

const NEED_QUESTIONS: [&str; 5] = [
    "criticality",
    "delivery",
    "regulatory-role",
    "triggers",
    "maintained-projects",
];
const PRACTICE_QUESTIONS: [&str; 5] = [
    "usage",
    "policies",
    "knowledge",
    "tools-processes",
    "suppliers",
];

/// Whether every addendum of `group` is chosen by `question`'s answer alone (written from the
/// schema, apart from the engine's own check).
fn restates(group: &str, question: &str) -> bool {
    fn only(rule: &guide_core::tree::Rule, question: &str) -> bool {
        // Whatever is not about one question's answer (points, flags, names) must be empty.
        let rest = guide_core::tree::Rule {
            answers: Vec::new(),
            answered: Vec::new(),
            not_answered: Vec::new(),
            any: Vec::new(),
            all: Vec::new(),
            ..rule.clone()
        };
        rest == guide_core::tree::Rule::default()
            && rule.answers.iter().all(|a| a.question == question)
            && rule
                .answered
                .iter()
                .chain(&rule.not_answered)
                .all(|q| q == question)
            && rule.any.iter().chain(&rule.all).all(|r| only(r, question))
    }
    structure()
        .spec()
        .addenda
        .iter()
        .filter(|a| a.group.as_deref() == Some(group))
        .all(|a| only(&a.rule, question))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_profile_ends_in_a_result_in_both_trees(picks in picks(), dont_know in any::<bool>()) {
        let profile = profile_from(&picks, dont_know);
        let answers = walk(readiness(), &profile).expect("every question answered");
        prop_assert!(readiness().outcome(&answers).is_some());
        let answers = structure_walk(&profile).expect("every question answered");
        let outcome = outcome(structure(), &answers);
        for group in ["shape", "start", "funding"] {
            let n = outcome.addenda.iter().filter(|a| {
                structure().spec().addenda.iter().any(|x| x.id == **a && x.group.as_deref() == Some(group))
            }).count();
            prop_assert_eq!(n, 1, "group {} in {:?}", group, outcome.addenda);
        }
    }

    #[test]
    fn with_commitment_fixed_more_need_never_gives_a_smaller_office(picks in picks(), which in 0usize..5) {
        let profile = profile_from(&picks, false);
        let question = NEED_QUESTIONS[which];
        let Some(needier) = more_of(&profile, question, "need") else { return Ok(()) };
        let before = outcome(readiness(), &walk(readiness(), &profile).expect("walk")).result;
        let after = outcome(readiness(), &walk(readiness(), &needier).expect("walk")).result;
        if let (Some(a), Some(b)) = (office_size(&before), office_size(&after)) {
            prop_assert!(b >= a, "{question} up: {before} -> {after}");
        }
    }

    #[test]
    fn more_practice_with_the_same_need_never_gives_a_bigger_office(picks in picks(), which in 0usize..5) {
        let profile = profile_from(&picks, false);
        let question = PRACTICE_QUESTIONS[which];
        let Some(better) = more_of(&profile, question, "practice") else { return Ok(()) };
        let before = outcome(readiness(), &walk(readiness(), &profile).expect("walk")).result;
        let after = outcome(readiness(), &walk(readiness(), &better).expect("walk")).result;
        if let (Some(a), Some(b)) = (office_size(&before), office_size(&after)) {
            prop_assert!(b <= a, "{question} up: {before} -> {after}");
        }
    }

    #[test]
    fn a_committed_sponsor_is_never_told_to_find_one(picks in picks()) {
        let mut profile = profile_from(&picks, true);
        profile.insert("sponsor".into(), "named".into());
        for tree_answers in [
            (readiness(), walk(readiness(), &profile).expect("walk")),
            (structure(), structure_walk(&profile).expect("walk")),
        ] {
            let (tree, answers) = tree_answers;
            let outcome = outcome(tree, &answers);
            for item in &outcome.plan {
                prop_assert!(!FIND_A_SPONSOR.contains(&item.step.as_str()), "{}: {}", outcome.result, item.step);
            }
            let text = advice_text(tree, &outcome);
            for phrase in ["find a sponsor", "win a sponsor", "ask for a named sponsor", "ask them to sponsor"] {
                prop_assert!(!text.contains(phrase), "{}: {phrase:?}", outcome.result);
            }
        }
    }

    /// A group of addenda each chosen by one question's answer alone (the funding by the budget
    /// answer) only restates that answer: moving it is no news, so it is not listed.
    #[test]
    fn the_firmness_lists_exactly_the_one_step_answers_that_change_a_grouped_addendum(picks in picks(), dont_know in any::<bool>()) {
        let profile = profile_from(&picks, dont_know);
        let answers = structure_walk(&profile).expect("walk");
        let current = outcome(structure(), &answers);
        let confidence = structure().confidence(&answers).expect("finished");
        let group_of = |addendum: &str| structure().spec().addenda.iter()
            .find(|a| a.id == addendum).and_then(|a| a.group.clone());
        let mut expected = Vec::new();
        for answer in &answers {
            let question = structure().question(&answer.question).expect("asked");
            if !question.scale {
                continue;
            }
            let options: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).filter(|o| *o != "dont-know").collect();
            // A "don't know" answer is not on the scale: it is not moved.
            let Some(at) = options.iter().position(|o| *o == answer.option) else { continue };
            for option in [at.checked_sub(1), Some(at + 1)].into_iter().flatten().filter_map(|n| options.get(n)) {
                // Replayed from the profile, independently of the engine's own replay.
                let mut moved = profile.clone();
                moved.insert(question.id.clone(), (*option).to_string());
                let Some(walk) = structure_walk(&moved) else { continue };
                let other = outcome(structure(), &walk);
                if other.result != current.result {
                    continue;
                }
                for addendum in &other.addenda {
                    let Some(group) = group_of(addendum) else { continue };
                    if !current.addenda.contains(addendum) && !restates(&group, &question.id) {
                        expected.push((question.id.clone(), (*option).to_string(), group, addendum.clone()));
                    }
                }
            }
        }
        let listed: Vec<_> = confidence.alternatives.iter()
            .map(|a| (a.question.clone(), a.option.clone(), a.group.clone(), a.addendum.clone())).collect();
        prop_assert_eq!(listed, expected);
        for alternative in &confidence.alternatives {
            prop_assert!(!alternative.title.contains('{'), "placeholders left in {:?}", alternative.title);
        }
    }

    #[test]
    fn the_two_trees_agree_for_the_same_profile(picks in picks(), dont_know in any::<bool>()) {
        let profile = profile_from(&picks, dont_know);
        let readiness_result = outcome(readiness(), &walk(readiness(), &profile).expect("walk")).result;
        let structure_outcome = outcome(structure(), &structure_walk(&profile).expect("walk"));
        let expected = start_for(&readiness_result);
        prop_assert!(
            structure_outcome.addenda.iter().any(|a| a == expected),
            "readiness {} but structure starts with {:?}", readiness_result, structure_outcome.addenda
        );
    }
}

#[test]
fn both_trees_survive_the_trip_to_the_app() {
    let content = load_content(content_root()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(content.trees.len(), 2);
    for spec in &content.trees {
        let json = serde_json::to_string(spec).expect("serialises");
        let tree = ValidTree::from_json(&json).expect("the shipped JSON validates");
        assert_eq!(tree.spec(), spec, "a resolved tree resolves to itself");
        assert!(tree.spec().include.is_none());
    }
    assert!(ValidTree::from_json("{").is_err());
}

#[test]
fn the_structure_tree_carries_over_what_readiness_asked() {
    let profile = profile_from(&[3; 40], false);
    let from = walk(readiness(), &profile).expect("walk");
    let carried = structure().carry_over(&[], &from);
    let shared = structure()
        .spec()
        .questions
        .iter()
        .filter(|q| q.shared)
        .count();
    assert_eq!(carried.len(), shared, "every shared question, nothing else");
    match structure().current(&carried) {
        Ok(Step::Ask { question, .. }) => assert_eq!(question.id, "driver"),
        other => panic!("{other:?}"),
    }
}

/// A walk stored by the previous version of the readiness tree: the questions that still exist
/// with the same options resume; the rest is asked again; nothing panics; its result keeps a name.
#[test]
fn answers_and_results_of_the_previous_version_still_load() {
    let old = [
        ("org-size", "1000-to-9999"),
        ("previous-ospo", "ended"),
        ("usage", "inventory"),
        ("criticality", "nearly-everything"),
        ("distribution", "core-business"),
    ];
    let stored: Vec<guide_core::progress::Answer> = old
        .iter()
        .map(|(q, o)| guide_core::progress::Answer {
            question: (*q).into(),
            option: (*o).into(),
            question_hash: 1,
            at: 1,
        })
        .collect();
    let resumed = guide_core::walk::resume(readiness(), &stored);
    assert!(
        resumed.is_empty(),
        "the walk now starts with the kind of organization"
    );
    assert!(readiness().replay(&resumed).is_ok());
    let retired = &readiness().spec().retired;
    assert!(retired.iter().any(|r| r.id == "relaunch"));
}

// ---------------------------------------------------------------------------------------------
// Personas: organizations described as a practitioner would, with the advice a seasoned OSPO
// lead would give them (written from the book's reasoning, not from the trees' rules).
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Persona {
    id: String,
    name: String,
    #[allow(dead_code)]
    story: String,
    #[allow(dead_code)]
    source: String,
    readiness: String,
    #[serde(default)]
    readiness_also_ok: Vec<String>,
    /// The start form for the expected readiness result (the other acceptable results imply
    /// their own start forms; see `start_for`).
    start: String,
    reporting: Vec<String>,
    shape: String,
    /// Another shape the book supports for this organization (see the persona's comment).
    #[serde(default)]
    shape_also_ok: Vec<String>,
    #[serde(default)]
    must_contain: Vec<String>,
    #[serde(default)]
    must_not_contain: Vec<String>,
    #[allow(dead_code)]
    why: String,
    answers: Profile,
}

#[derive(Deserialize)]
struct Personas {
    personas: Vec<Persona>,
}

/// What went wrong for one persona, or nothing.
fn persona_problems(p: &Persona) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(r_walk) = walk(readiness(), &p.answers) else {
        return vec!["readiness asked a question the persona does not answer".into()];
    };
    let Some(s_walk) = structure_walk(&p.answers) else {
        return vec!["structure asked a question the persona does not answer".into()];
    };
    let (r, s) = (outcome(readiness(), &r_walk), outcome(structure(), &s_walk));
    if r.result != p.readiness && !p.readiness_also_ok.contains(&r.result) {
        problems.push(format!(
            "readiness gave {} (expected {})",
            r.result, p.readiness
        ));
    }
    if !p.reporting.contains(&s.result) {
        problems.push(format!(
            "structure gave {} (expected one of {:?})",
            s.result, p.reporting
        ));
    }
    let start = if r.result == p.readiness {
        p.start.as_str()
    } else {
        start_for(&r.result)
    };
    if !s.addenda.iter().any(|a| a == start) {
        problems.push(format!("no start {start} among {:?}", s.addenda));
    }
    if !s
        .addenda
        .iter()
        .any(|a| *a == p.shape || p.shape_also_ok.contains(a))
    {
        problems.push(format!("no shape {} among {:?}", p.shape, s.addenda));
    }
    let text = format!(
        "{}\n{}",
        advice_text(readiness(), &r),
        advice_text(structure(), &s)
    );
    for phrase in &p.must_contain {
        if !text.contains(phrase.as_str()) {
            problems.push(format!("the advice never says {phrase:?}"));
        }
    }
    for phrase in &p.must_not_contain {
        if text.contains(phrase.as_str()) {
            problems.push(format!("the advice says {phrase:?}"));
        }
    }
    problems
}

#[test]
fn each_persona_gets_the_advice_a_practitioner_would_give() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/personas.toml"),
    )
    .expect("readable");
    let personas: Personas = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        personas.personas.len() >= 20,
        "too few personas to mean anything"
    );
    let failures: Vec<String> = personas
        .personas
        .iter()
        .filter_map(|p| {
            let problems = persona_problems(p);
            (!problems.is_empty())
                .then(|| format!("{} ({}):\n  {}", p.id, p.name, problems.join("\n  ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} personas:\n{}",
        failures.len(),
        personas.personas.len(),
        failures.join("\n")
    );
}

/// A 1,000–9,999-person insurer in one line of business sits on both boundaries of the size band
/// that decides its target shape: its result says so, in the words the reader sees, and does not
/// list the funding that would follow another budget answer (that only restates the answer).
#[test]
fn a_shape_on_the_size_boundary_is_shown_as_such() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/personas.toml"),
    )
    .expect("readable");
    let personas: Personas = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let insurer = personas
        .personas
        .iter()
        .find(|p| p.id == "insurer-running-lean")
        .expect("persona");
    assert_eq!(insurer.answers["org-size"], "1000-to-9999");
    let answers = structure_walk(&insurer.answers).expect("walk");
    let confidence = structure().confidence(&answers).expect("finished");
    let moves: Vec<(&str, &str, &str)> = confidence
        .alternatives
        .iter()
        .map(|a| (a.question.as_str(), a.option.as_str(), a.addendum.as_str()))
        .collect();
    assert!(
        moves.contains(&("org-size", "50-to-999", "shape-central")),
        "{moves:?}"
    );
    assert!(
        moves.contains(&("org-size", "10000-plus", "shape-federated")),
        "{moves:?}"
    );
    assert!(moves.iter().all(|(q, _, _)| *q != "budget"), "{moves:?}");
    let outcome = outcome(structure(), &answers);
    let crosswalk = Crosswalk::default();
    let advice = AdviceInput {
        tree: structure(),
        outcome: &outcome,
        confidence: &confidence,
        crosswalk: &crosswalk,
    }
    .advice()
    .expect("advice");
    let line = advice
        .alternatives
        .iter()
        .find(|a| a.option == "10,000 or more")
        .unwrap_or_else(|| panic!("{:?}", advice.alternatives));
    assert_eq!(line.title, "Target: a federated office, its core in legal");
}
