//! The engine on small fixture trees: answering, going back and revisiting, replaying stored
//! answers (tampered, reworded), the outcome with its addenda, plan and vars, how firm a result
//! is, carrying shared answers over, and share links.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::config;
use guide_core::share::{self, ShareError, MAX_SHARE_LEN};
use guide_core::tree::{
    fill, parse_tree_spec, question_hash, validate, Answer, AnswerError, Position, ReplayError,
    Step, ValidTree, Window,
};
use proptest::prelude::*;

fn engine() -> ValidTree {
    let text = include_str!("fixtures/trees/engine.toml");
    validate(parse_tree_spec(text).expect("parses")).expect("valid")
}

/// Answers the questions in order, checking that each is the one the walk asks.
fn walk(tree: &ValidTree, path: &[(&str, &str)]) -> Vec<Answer> {
    let mut answers = tree.restart();
    for (question, option) in path {
        match tree.current(&answers) {
            Ok(Step::Ask { question: q, .. }) => assert_eq!(q.id, *question, "after {answers:?}"),
            other => panic!("expected {question}, got {other:?}"),
        }
        answers = tree
            .answer(&answers, option)
            .unwrap_or_else(|e| panic!("{question}={option}: {e}"));
    }
    answers
}

#[test]
fn answer_back_restart_and_revisit() {
    let tree = engine();
    let answers = walk(&tree, &[("size", "large"), ("units", "many")]);
    assert!(matches!(
        tree.current(&answers),
        Ok(Step::Ask { question, number: 3, of_about: 4 }) if question.id == "need"
    ));
    assert_eq!(
        tree.answer(&answers, "not-an-option"),
        Err(AnswerError::NotAnOption {
            question: "need".into(),
            option: "not-an-option".into()
        })
    );
    let back = tree.back(&answers);
    assert_eq!(back.len(), 1);
    assert!(tree.back(&[]).is_empty());
    assert!(tree.restart().is_empty());
    assert_eq!(tree.revisit(&answers, "units"), Some(back));
    assert_eq!(tree.revisit(&answers, "size"), Some(vec![]));
    assert_eq!(tree.revisit(&answers, "team"), None);
    let done = walk(
        &tree,
        &[("size", "small"), ("need", "high"), ("team", "no")],
    );
    assert_eq!(tree.answer(&done, "yes"), Err(AnswerError::Finished));
    assert!(
        tree.outcome(&answers).is_none(),
        "no outcome before the end"
    );
}

#[test]
fn replay_reports_tampered_and_reworded_answers() {
    let tree = engine();
    let good = walk(
        &tree,
        &[
            ("size", "large"),
            ("units", "one"),
            ("need", "high"),
            ("team", "no"),
        ],
    );
    let replayed = tree.replay(&good).expect("valid");
    assert_eq!(
        replayed.position,
        Position::Ended {
            result: "office".into()
        }
    );
    assert!(replayed.reworded().is_empty());

    let mut unknown_question = good.clone();
    unknown_question[1].question = "astrology".into();
    assert_eq!(
        tree.replay(&unknown_question),
        Err(ReplayError::UnknownQuestion {
            index: 1,
            question: "astrology".into()
        })
    );
    let mut unknown_option = good.clone();
    unknown_option[2].option = "all-of-it".into();
    assert_eq!(
        tree.replay(&unknown_option),
        Err(ReplayError::UnknownOption {
            index: 2,
            question: "need".into(),
            option: "all-of-it".into()
        })
    );
    let mut swapped = good.clone();
    swapped.swap(2, 3);
    assert_eq!(
        tree.replay(&swapped),
        Err(ReplayError::OutOfOrder {
            index: 2,
            expected: Some("need".into()),
            found: "team".into()
        })
    );
    let mut too_long = good.clone();
    too_long.push(good[0].clone());
    assert_eq!(
        tree.replay(&too_long),
        Err(ReplayError::OutOfOrder {
            index: 4,
            expected: None,
            found: "size".into()
        })
    );
    assert_eq!(tree.valid_prefix(&too_long), good);
    assert_eq!(tree.valid_prefix(&swapped).len(), 2);

    let mut reworded = good.clone();
    reworded[2].question_hash ^= 1;
    assert_eq!(
        tree.replay(&reworded).expect("still a walk").reworded(),
        vec!["need"]
    );
    let need = tree.question("need").expect("need");
    assert_eq!(good[2].question_hash, question_hash(&need.text));
    assert_eq!(
        question_hash("How  much\n need?"),
        question_hash("How much need?")
    );
}

#[test]
fn the_outcome_carries_addenda_a_plan_in_windows_and_filled_texts() {
    let tree = engine();
    let answers = walk(
        &tree,
        &[
            ("size", "large"),
            ("units", "many"),
            ("need", "high"),
            ("team", "yes"),
        ],
    );
    let outcome = tree.outcome(&answers).expect("ended");
    assert_eq!(outcome.result, "office");
    assert_eq!(outcome.addenda, ["shape-big"], "the first of a group only");
    let plan: Vec<(&str, Window, bool)> = outcome
        .plan
        .iter()
        .map(|i| (i.step.as_str(), i.window, i.done))
        .collect();
    assert_eq!(
        plan,
        [
            ("charter", Window::Days0To30, false),
            ("hire", Window::Days31To60, true),
            ("federate", Window::Later, false),
        ]
    );
    assert_eq!(
        outcome.plan[0].text, "Write a charter in engineering.",
        "result vars"
    );
    assert_eq!(
        outcome.plan[1].text, "Hire quickly.",
        "tree vars, chosen by rule"
    );
    assert_eq!(
        fill(&tree.result("office").expect("r").summary, &outcome.vars),
        "Go quickly."
    );
    assert!(!outcome.show_total);

    // Without many units the later step is not part of the plan; without a team it is not done;
    // the small shape's one-page charter replaces the result's charter rather than repeating it.
    let small = walk(
        &tree,
        &[("size", "small"), ("need", "high"), ("team", "no")],
    );
    let outcome = tree.outcome(&small).expect("ended");
    assert_eq!(outcome.addenda, ["shape-small"]);
    assert_eq!(
        outcome
            .plan
            .iter()
            .map(|i| (i.step.as_str(), i.done))
            .collect::<Vec<_>>(),
        [("one-page-charter", false), ("hire", false)]
    );
}

#[test]
fn confidence_lists_one_step_changes_and_what_unknowns_hide() {
    let tree = engine();
    let firm = walk(&tree, &[("size", "small"), ("need", "low"), ("team", "no")]);
    let confidence = tree.confidence(&firm).expect("ended");
    assert!(
        !confidence.is_borderline(),
        "low is two steps from high: {confidence:?}"
    );

    let edge = walk(
        &tree,
        &[("size", "small"), ("need", "some"), ("team", "no")],
    );
    let confidence = tree.confidence(&edge).expect("ended");
    assert!(confidence.is_borderline());
    assert_eq!(confidence.changes.len(), 1);
    assert_eq!(
        (
            confidence.changes[0].question.as_str(),
            confidence.changes[0].option.as_str(),
            confidence.changes[0].result.as_str()
        ),
        ("need", "high", "office")
    );
    // The same walk when the need question's options are alternatives rather than a scale: no
    // option is "next" to another, so nothing is a near miss.
    let mut spec = tree.spec().clone();
    for q in &mut spec.questions {
        q.scale = false;
    }
    let alternatives = guide_core::tree::validate(spec).expect("still valid");
    assert!(!alternatives
        .confidence(&edge)
        .expect("ended")
        .is_borderline());

    let unknown = walk(
        &tree,
        &[("size", "small"), ("need", "dont-know"), ("team", "no")],
    );
    let outcome = tree.outcome(&unknown).expect("ended");
    assert_eq!(outcome.unknown, ["need"]);
    assert!(outcome.addenda.contains(&"unknown".to_string()));
    let confidence = tree.confidence(&unknown).expect("ended");
    assert_eq!(confidence.unknown.len(), 1);
    assert_eq!(confidence.unknown[0].results, ["none", "office"]);
    assert!(
        tree.confidence(&unknown[..1]).is_none(),
        "not before the end"
    );
}

#[test]
fn shared_answers_are_carried_over_as_far_as_the_walk_asks_them() {
    let tree = engine();
    let from_other_tree = [
        Answer {
            question: "need".into(),
            option: "high".into(),
            question_hash: 0,
        },
        Answer {
            question: "size".into(),
            option: "small".into(),
            question_hash: 0,
        },
        Answer {
            question: "team".into(),
            option: "yes".into(),
            question_hash: 0,
        },
    ];
    let carried = tree.carry_over(&[], &from_other_tree);
    // "size" and then "need" are shared; "team" is not, so the reader is asked it.
    assert_eq!(
        carried
            .iter()
            .map(|a| (a.question.as_str(), a.option.as_str()))
            .collect::<Vec<_>>(),
        [("size", "small"), ("need", "high")]
    );
    assert_eq!(
        carried[0].question_hash,
        question_hash("How big?"),
        "this tree's wording"
    );
    // A large organization is asked about its units (not shared), and carrying stops there.
    let large = [Answer {
        question: "size".into(),
        option: "large".into(),
        question_hash: 0,
    }];
    assert_eq!(tree.carry_over(&[], &large).len(), 1);
    // An option this tree does not have is not carried.
    let foreign = [Answer {
        question: "size".into(),
        option: "huge".into(),
        question_hash: 0,
    }];
    assert!(tree.carry_over(&[], &foreign).is_empty());
}

#[test]
fn share_links_round_trip_and_refuse_what_is_wrong() {
    let tree = engine();
    for path in [
        &[("size", "small"), ("need", "high"), ("team", "yes")][..],
        &[
            ("size", "large"),
            ("units", "many"),
            ("need", "dont-know"),
            ("team", "no"),
        ],
        &[("size", "large")],
        &[],
    ] {
        let answers = walk(&tree, path);
        let link = share::encode(&tree, &answers).expect("encodes");
        assert!(link.starts_with("r1."), "{link}");
        assert_eq!(share::decode(&tree, &link), Ok(answers.clone()));
        assert_eq!(share::decode(&tree, &format!("#{link}")), Ok(answers));
    }
    let answers = walk(
        &tree,
        &[
            ("size", "large"),
            ("units", "one"),
            ("need", "high"),
            ("team", "yes"),
        ],
    );
    let link = share::encode(&tree, &answers).expect("encodes");
    assert_eq!(share::decode(&tree, ""), Err(ShareError::Empty));
    assert_eq!(share::decode(&tree, "#"), Err(ShareError::Empty));
    for malformed in [
        "R1.0.abcd",
        "x1.0.abcd",
        "r1.00.abcd",
        "r1.0.abc",
        "r1",
        "r1.1.99999.abcd",
    ] {
        assert!(
            matches!(
                share::decode(&tree, malformed),
                Err(ShareError::Malformed { .. })
            ),
            "{malformed}"
        );
    }
    assert_eq!(
        share::decode(&tree, &link.replacen("r1", "r2", 1)),
        Err(ShareError::WrongVersion { found: "r2".into() })
    );
    let tampered = link.replacen(".1.0.", ".1.1.", 1);
    assert_ne!(tampered, link);
    assert_eq!(share::decode(&tree, &tampered), Err(ShareError::Tampered));
    let long = format!("r1.{}abcd", "0.".repeat(300));
    assert_eq!(
        share::decode(&tree, &long),
        Err(ShareError::TooLong { len: long.len() })
    );
    assert!(long.len() > MAX_SHARE_LEN);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn decoding_link_shaped_strings_never_panics_and_accepts_only_walks(
        body in prop::collection::vec(0u8..6, 0..8),
        check in "[a-z0-9]{4}",
    ) {
        let tree = engine();
        let parts: Vec<String> = body.iter().map(ToString::to_string).collect();
        let link = format!("r1.{}{}{check}", parts.join("."), if parts.is_empty() { "" } else { "." });
        if let Ok(answers) = share::decode(&tree, &link) {
            prop_assert!(tree.replay(&answers).is_ok());
        }
    }
}

#[test]
fn a_compiled_tree_reads_back_as_the_validated_one_and_a_damaged_one_is_refused() {
    let tree = engine();
    let compiled = tree.compile();
    assert_eq!(
        guide_core::tree::ValidTree::from_compiled(compiled.clone()).as_ref(),
        Ok(&tree)
    );
    // As the build writes it and the app reads it.
    let json = serde_json::to_string(&compiled).expect("serialises");
    let read: guide_core::tree::CompiledTree = serde_json::from_str(&json).expect("reads");
    assert_eq!(
        guide_core::tree::ValidTree::from_compiled(read).as_ref(),
        Ok(&tree)
    );
    // An option that hops past the last question, a missing hop list, a dimension too many.
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let mut past = value.clone();
    past["hops"][0][0] = serde_json::json!(99);
    let mut missing = value.clone();
    missing["hops"].as_array_mut().expect("a list").pop();
    let mut extra = value;
    extra["dim_max"]
        .as_array_mut()
        .expect("a list")
        .push(serde_json::json!(1));
    for damaged in [past, missing, extra] {
        let read: guide_core::tree::CompiledTree =
            serde_json::from_value(damaged).expect("still the shape");
        assert_eq!(
            guide_core::tree::ValidTree::from_compiled(read),
            Err(guide_core::tree::TreeLoadError::Inconsistent)
        );
    }
}
