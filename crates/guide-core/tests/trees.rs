//! The decision trees: the validator names every kind of problem, both real trees reach every
//! result by a scripted path, random walks always end in a result (and, for readiness, the one
//! the chapter's seven steps give), replay notices tampering and rewording, and share links
//! round-trip and never panic on arbitrary input.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use guide_core::content::{load_book_dir, load_trees_dir};
use guide_core::share::{self, ShareError, MAX_SHARE_LEN};
use guide_core::tree::{
    parse_tree_source, parse_tree_spec, question_hash, validate, Answer, AnswerError, IdKind,
    LinkProblem, NeverHolds, Position, ReplayError, SourceError, Step, TreeError, TreeSpec,
    ValidTree,
};
use guide_core::Book;
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn content_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"))
}

fn book() -> &'static Book {
    static BOOK: OnceLock<Book> = OnceLock::new();
    BOOK.get_or_init(|| match load_book_dir(content_root()) {
        Ok(book) => book,
        Err(errors) => panic!("{errors}"),
    })
}

fn specs() -> &'static Vec<TreeSpec> {
    static SPECS: OnceLock<Vec<TreeSpec>> = OnceLock::new();
    SPECS.get_or_init(|| match load_trees_dir(content_root(), book()) {
        Ok(trees) => trees,
        Err(errors) => panic!("{errors}"),
    })
}

fn tree(id: &str) -> ValidTree {
    let spec = specs()
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("no tree {id}"))
        .clone();
    validate(spec).unwrap_or_else(|e| panic!("{e:?}"))
}

fn readiness() -> &'static ValidTree {
    static TREE: OnceLock<ValidTree> = OnceLock::new();
    TREE.get_or_init(|| tree("readiness"))
}

fn structure() -> &'static ValidTree {
    static TREE: OnceLock<ValidTree> = OnceLock::new();
    TREE.get_or_init(|| tree("structure"))
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

fn result_of(tree: &ValidTree, path: &[(&str, &str)]) -> String {
    let answers = walk(tree, path);
    match tree.current(&answers) {
        Ok(Step::Done { result }) => {
            let outcome = tree
                .outcome(&answers)
                .expect("a finished walk has an outcome");
            assert_eq!(outcome.result, result.id);
            result.id.clone()
        }
        other => panic!("the walk has not ended: {other:?}"),
    }
}

/// A random walk: option `choices[i] % n` at step `i`, then the first option.
fn random_walk(tree: &ValidTree, choices: &[u8]) -> Vec<Answer> {
    let mut answers = Vec::new();
    for step in 0.. {
        let question = match tree.current(&answers) {
            Ok(Step::Ask { question, .. }) => question,
            Ok(Step::Done { .. }) => break,
            Err(e) => panic!("{e}"),
        };
        assert!(step < 100, "the walk does not end");
        let pick = choices.get(step).copied().unwrap_or(0) as usize % question.options.len();
        answers = tree
            .answer(&answers, &question.options[pick].id)
            .expect("a listed option is accepted");
    }
    answers
}

// ---------------------------------------------------------------------------------------------
// Fixtures for the validator
// ---------------------------------------------------------------------------------------------

const HEAD: &str = r#"
id = "fixture"
title = "Fixture"
intro = "A small tree for tests."
chapter = "/book/structure-choices/"
start = "q1"
dimensions = [{ id = "d", label = "D" }, { id = "e", label = "E" }]
"#;

const Q1: &str = r#"
[[questions]]
id = "q1"
text = "First?"
why = "Because."
learn_more = "/book/structure-choices/"
options = [
  { id = "a", label = "A", next = "q2", points = { d = 1 } },
  { id = "b", label = "B", next = "q2", points = { d = 0 } },
]
"#;

const Q2: &str = r#"
[[questions]]
id = "q2"
text = "Second?"
why = "Because."
learn_more = "/book/structure-choices/"
options = [
  { id = "c", label = "C", points = { d = 2 } },
  { id = "x", label = "X", flags = ["f"] },
]
"#;

fn result(id: &str, rule: &str) -> String {
    format!(
        r#"
[[results]]
id = "{id}"
title = "Result {id}"
summary = "Summary."
rationale = "Rationale."
learn_more = "/book/structure-choices/"
{rule}
"#
    )
}

const DEFAULT: &str = "\n[[results]]\nid = \"default\"\ntitle = \"Default\"\nsummary = \"S.\"\nrationale = \"R.\"\nlearn_more = \"/book/structure-choices/\"\n";

fn fixture(parts: &[&str]) -> String {
    let mut text = HEAD.to_string();
    for part in parts {
        text.push_str(part);
    }
    text
}

fn errors_of(text: &str) -> Vec<TreeError> {
    let spec = parse_tree_spec(text).unwrap_or_else(|p| panic!("{p:?}"));
    match validate(spec) {
        Ok(_) => panic!("the fixture is valid"),
        Err(errors) => errors,
    }
}

fn never_holds(errors: &[TreeError], id: &str) -> NeverHolds {
    errors
        .iter()
        .find_map(|e| match e {
            TreeError::RuleNeverHolds { result, reason } if result == id => Some(reason.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no RuleNeverHolds for {id} in {errors:?}"))
}

#[test]
fn the_base_fixture_is_valid() {
    let text = fixture(&[
        Q1,
        Q2,
        &result("high", "rule = { total = { min = 2 } }"),
        DEFAULT,
    ]);
    let tree = validate(parse_tree_spec(&text).expect("parses")).expect("valid");
    assert_eq!(tree.max_total(), 3);
    assert_eq!(tree.dimension_max("d"), 3);
    assert_eq!(tree.dimension_max("e"), 0);
}

#[test]
fn unknown_next_node() {
    let q2 = Q2.replace(
        r#"{ id = "c", label = "C","#,
        r#"{ id = "c", label = "C", next = "q9","#,
    );
    let errors = errors_of(&fixture(&[Q1, &q2, DEFAULT]));
    assert!(errors.contains(&TreeError::UnknownNext {
        question: "q2".into(),
        option: "c".into(),
        next: "q9".into()
    }));
}

#[test]
fn next_naming_a_result() {
    let q2 = Q2.replace(
        r#"{ id = "c", label = "C","#,
        r#"{ id = "c", label = "C", next = "default","#,
    );
    let errors = errors_of(&fixture(&[Q1, &q2, DEFAULT]));
    assert!(matches!(&errors[..], [TreeError::NextIsResult { next, .. }] if next == "default"));
}

#[test]
fn unknown_start() {
    let text = fixture(&[Q1, Q2, DEFAULT]).replace(r#"start = "q1""#, r#"start = "nowhere""#);
    assert!(errors_of(&text).contains(&TreeError::UnknownStart {
        start: "nowhere".into()
    }));
}

#[test]
fn unreachable_node() {
    let q3 = Q2.replace(r#"id = "q2""#, r#"id = "q3""#);
    let errors = errors_of(&fixture(&[Q1, Q2, &q3, DEFAULT]));
    assert_eq!(
        errors,
        vec![TreeError::Unreachable {
            question: "q3".into()
        }]
    );
}

#[test]
fn cycle() {
    let q2 = Q2.replace(
        r#"{ id = "c", label = "C","#,
        r#"{ id = "c", label = "C", next = "q1","#,
    );
    let errors = errors_of(&fixture(&[Q1, &q2, DEFAULT]));
    assert!(
        errors.contains(&TreeError::Cycle {
            nodes: vec!["q1".into(), "q2".into(), "q1".into()]
        }),
        "{errors:?}"
    );
}

#[test]
fn question_without_options() {
    let q2 = "\n[[questions]]\nid = \"q2\"\ntext = \"T\"\nwhy = \"W\"\nlearn_more = \"/book/x/\"\n";
    let errors = errors_of(&fixture(&[Q1, q2, DEFAULT]));
    assert!(errors.contains(&TreeError::NoOptions {
        question: "q2".into()
    }));
}

#[test]
fn duplicate_ids() {
    let dup_result = result("q2", "");
    let errors = errors_of(&fixture(&[Q1, Q2, &dup_result, DEFAULT]));
    assert!(errors.contains(&TreeError::DuplicateId {
        kind: IdKind::Node,
        id: "q2".into()
    }));

    let text = fixture(&[Q1, Q2, DEFAULT]).replace(
        r#"{ id = "e", label = "E" }"#,
        r#"{ id = "d", label = "E" }"#,
    );
    assert!(errors_of(&text).contains(&TreeError::DuplicateId {
        kind: IdKind::Dimension,
        id: "d".into()
    }));

    let q2 = Q2.replace(r#"{ id = "x", label = "X""#, r#"{ id = "c", label = "X""#);
    assert!(
        errors_of(&fixture(&[Q1, &q2, DEFAULT])).contains(&TreeError::DuplicateOption {
            question: "q2".into(),
            option: "c".into()
        })
    );
}

#[test]
fn invalid_ids_and_empty_fields() {
    let q2 = Q2
        .replace(r#"id = "x""#, r#"id = "Not OK""#)
        .replace(r#"why = "Because.""#, r#"why = " ""#);
    let errors = errors_of(&fixture(&[Q1, &q2, DEFAULT]));
    assert!(errors.contains(&TreeError::InvalidId {
        kind: IdKind::Option,
        id: "Not OK".into(),
        question: Some("q2".into())
    }));
    assert!(errors.contains(&TreeError::EmptyField {
        node: "q2".into(),
        field: "why"
    }));
}

/// Whatever a tree can make the reader answer, the reader's store must be able to keep: an id
/// over the store's length limit, more dimensions than a result may record, or a walk longer
/// than a stored path would be refused by the store, so the validator refuses them first.
#[test]
fn trees_the_store_could_not_keep_are_refused() {
    let long = "q".repeat(guide_core::id::MAX_ID_LEN + 1);
    let q2 = Q2.replace(r#"id = "x""#, &format!(r#"id = "{long}""#));
    let errors = errors_of(&fixture(&[Q1, &q2, DEFAULT]));
    assert!(errors.contains(&TreeError::InvalidId {
        kind: IdKind::Option,
        id: long.clone(),
        question: Some("q2".into())
    }));

    let max_dims = guide_core::progress::MAX_DIMENSIONS;
    let dims: Vec<String> = (0..=max_dims)
        .map(|n| format!(r#"{{ id = "d{n}", label = "D{n}" }}"#))
        .collect();
    let head = HEAD.replace(
        r#"dimensions = [{ id = "d", label = "D" }, { id = "e", label = "E" }]"#,
        &format!(
            "dimensions = [{}, {{ id = \"d\", label = \"D\" }}]",
            dims.join(", ")
        ),
    );
    let errors = errors_of(&format!("{head}{Q1}{Q2}{DEFAULT}"));
    assert!(
        errors.contains(&TreeError::TooManyDimensions {
            count: max_dims + 2,
            max: max_dims
        }),
        "{errors:?}"
    );

    let max_answers = guide_core::progress::MAX_ANSWERS;
    let mut chain = HEAD.to_string();
    for n in 0..=max_answers {
        let next = if n == max_answers {
            String::new()
        } else {
            format!(r#", next = "q{}""#, n + 1)
        };
        chain.push_str(&format!(
            "\n[[questions]]\nid = \"q{n}\"\ntext = \"Q{n}?\"\nwhy = \"W.\"\nlearn_more = \"/book/structure-choices/\"\noptions = [{{ id = \"o\", label = \"O\"{next} }}]\n"
        ));
    }
    let chain = chain.replace(r#"start = "q1""#, r#"start = "q0""#);
    let errors = errors_of(&format!("{chain}{DEFAULT}"));
    assert!(
        errors.contains(&TreeError::WalkTooLong {
            longest: max_answers + 1,
            max: max_answers
        }),
        "{errors:?}"
    );
}

#[test]
fn no_questions_and_no_results() {
    let errors = errors_of(HEAD);
    assert!(errors.contains(&TreeError::NoQuestions));
    assert!(errors.contains(&TreeError::NoResults));
}

#[test]
fn unknown_dimension_in_points_and_in_rules() {
    let q1 = Q1.replace("points = { d = 1 }", "points = { speed = 1 }");
    let rule = result("r", "rule = { dimensions = { depth = { min = 1 } } }");
    let errors = errors_of(&fixture(&[&q1, Q2, &rule, DEFAULT]));
    assert!(errors.contains(&TreeError::UnknownDimension {
        node: "q1/a".into(),
        dimension: "speed".into()
    }));
    assert!(errors.contains(&TreeError::UnknownDimension {
        node: "r".into(),
        dimension: "depth".into()
    }));
}

#[test]
fn a_walk_that_ends_without_a_result() {
    // No default: the walk q1=b, q2=x scores 0 and sets the flag, and no rule covers it.
    let high = result("high", "rule = { total = { min = 1 } }");
    let errors = errors_of(&fixture(&[Q1, Q2, &high]));
    assert_eq!(
        errors,
        vec![TreeError::UncoveredWalk {
            walk: "q1=b, q2=x".into(),
            count: 1
        }]
    );
}

#[test]
fn too_many_walks_without_a_default_is_reported_conservatively() {
    // Seven questions of five options: 78,125 walks, more than the validator checks one by one.
    let mut parts = Vec::new();
    for i in 1..=7 {
        let next = if i < 7 {
            format!(", next = \"q{}\"", i + 1)
        } else {
            String::new()
        };
        let options: Vec<String> = (0..5)
            .map(|o| format!("{{ id = \"o{o}\", label = \"O{o}\"{next}, points = {{ d = {o} }} }}"))
            .collect();
        parts.push(format!(
            "\n[[questions]]\nid = \"q{i}\"\ntext = \"Q{i}\"\nwhy = \"W\"\nlearn_more = \"/book/x/\"\noptions = [{}]\n",
            options.join(", ")
        ));
    }
    parts.push(result(
        "any-score",
        "rule = { total = { min = 0, max = 28 } }",
    ));
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    let errors = errors_of(&fixture(&refs));
    assert_eq!(errors, vec![TreeError::NoDefaultResult { walks: 78_125 }]);
}

#[test]
fn score_bounds_out_of_reach() {
    let total = result("total", "rule = { total = { min = 4 } }");
    let dim = result("dim", "rule = { dimensions = { e = { min = 1 } } }");
    let errors = errors_of(&fixture(&[Q1, Q2, &total, &dim, DEFAULT]));
    assert_eq!(
        never_holds(&errors, "total"),
        NeverHolds::TotalOutOfReach {
            wanted: "at least 4".into(),
            lowest: 0,
            highest: 3
        }
    );
    assert!(matches!(
        never_holds(&errors, "dim"),
        NeverHolds::DimensionOutOfReach { dimension, highest: 0, .. } if dimension == "e"
    ));
}

#[test]
fn score_bounds_given_the_answers_required() {
    // q1=b gives 0 points, so at most 2 can follow: a total of 3 is out of reach on that branch.
    let rule = result(
        "b-and-three",
        "rule = { total = { min = 3 }, answers = [{ question = \"q1\", options = [\"b\"] }] }",
    );
    let errors = errors_of(&fixture(&[Q1, Q2, &rule, DEFAULT]));
    assert_eq!(
        never_holds(&errors, "b-and-three"),
        NeverHolds::TotalOutOfReach {
            wanted: "at least 3".into(),
            lowest: 0,
            highest: 2
        }
    );
}

#[test]
fn empty_range() {
    let rule = result("empty", "rule = { total = { min = 3, max = 1 } }");
    let errors = errors_of(&fixture(&[Q1, Q2, &rule, DEFAULT]));
    assert!(matches!(
        never_holds(&errors, "empty"),
        NeverHolds::EmptyRange { min: 3, max: 1, .. }
    ));
}

#[test]
fn answer_conditions_naming_unknown_questions_options_or_flags() {
    let q = result(
        "q",
        "rule = { answers = [{ question = \"q7\", options = [\"a\"] }] }",
    );
    let o = result(
        "o",
        "rule = { answers = [{ question = \"q1\", options = [\"zz\"] }] }",
    );
    let f = result("f", "rule = { flags = [\"nope\"] }");
    let n = result("n", "rule = { not_answered = [\"q8\"] }");
    let errors = errors_of(&fixture(&[Q1, Q2, &q, &o, &f, &n, DEFAULT]));
    assert!(errors.contains(&TreeError::UnknownQuestionInRule {
        result: "q".into(),
        question: "q7".into()
    }));
    assert!(errors.contains(&TreeError::UnknownOptionInRule {
        result: "o".into(),
        question: "q1".into(),
        option: "zz".into()
    }));
    assert!(errors.contains(&TreeError::UnknownFlagInRule {
        result: "f".into(),
        flag: "nope".into()
    }));
    assert!(errors.contains(&TreeError::UnknownQuestionInRule {
        result: "n".into(),
        question: "q8".into()
    }));
}

#[test]
fn contradictory_conditions() {
    let answers = result(
        "answers",
        "rule = { answers = [{ question = \"q1\", options = [\"a\"] }, { question = \"q1\", options = [\"b\"] }] }",
    );
    let flags = result("flags", "rule = { flags = [\"f\"], no_flags = [\"f\"] }");
    let asked = result(
        "asked",
        "rule = { answered = [\"q2\"], not_answered = [\"q2\"] }",
    );
    let empty = result(
        "empty",
        "rule = { answers = [{ question = \"q1\", options = [] }] }",
    );
    let errors = errors_of(&fixture(&[
        Q1, Q2, &answers, &flags, &asked, &empty, DEFAULT,
    ]));
    for id in ["answers", "flags", "asked"] {
        assert!(
            matches!(never_holds(&errors, id), NeverHolds::Contradiction { .. }),
            "{id}: {errors:?}"
        );
    }
    assert_eq!(
        never_holds(&errors, "empty"),
        NeverHolds::EmptyOptionList {
            question: "q1".into()
        }
    );
}

#[test]
fn conditions_no_single_walk_meets() {
    // q1=a leads to q2b, q1=b to q2: no walk answers both q2 and q2b.
    let q1 = Q1.replace(
        r#"{ id = "a", label = "A", next = "q2""#,
        r#"{ id = "a", label = "A", next = "q2b""#,
    );
    let q2b = Q2.replace(r#"id = "q2""#, r#"id = "q2b""#);
    let rule = result("both", "rule = { answered = [\"q2\", \"q2b\"] }");
    let errors = errors_of(&fixture(&[&q1, Q2, &q2b, &rule, DEFAULT]));
    assert_eq!(never_holds(&errors, "both"), NeverHolds::NoWalk);
}

#[test]
fn no_walk_satisfies_a_rule_the_bounds_allow() {
    // Only "d" scores, so the total always equals "d". Taken one at a time, a total of 2 and a
    // "d" of 0 are both reachable; only checking each walk shows they never occur together.
    let rule = result(
        "joint",
        "rule = { total = { min = 2, max = 2 }, dimensions = { d = { max = 0 } } }",
    );
    let errors = errors_of(&fixture(&[Q1, Q2, &rule, DEFAULT]));
    assert_eq!(never_holds(&errors, "joint"), NeverHolds::NoMatchingWalk);
}

#[test]
fn shadowed_by_an_earlier_rule_that_always_holds() {
    let late = result("late", "rule = { total = { min = 1 } }");
    let errors = errors_of(&fixture(&[Q1, Q2, DEFAULT, &late]));
    assert_eq!(
        never_holds(&errors, "late"),
        NeverHolds::Shadowed {
            by: "default".into()
        }
    );
}

#[test]
fn a_result_that_is_never_chosen() {
    let first = result("first", "rule = { total = { min = 1 } }");
    let second = result("second", "rule = { total = { min = 2 } }");
    let errors = errors_of(&fixture(&[Q1, Q2, &first, &second, DEFAULT]));
    assert_eq!(
        errors,
        vec![TreeError::ResultNeverChosen {
            result: "second".into()
        }]
    );
}

#[test]
fn none_of_the_alternatives_can_hold() {
    let rule = result(
        "alts",
        "[[results.rule.any]]\ntotal = { min = 9 }\n[[results.rule.any]]\ndimensions = { e = { min = 1 } }\n",
    );
    let errors = errors_of(&fixture(&[Q1, Q2, &rule, DEFAULT]));
    assert!(matches!(
        never_holds(&errors, "alts"),
        NeverHolds::NoAlternative { reasons } if reasons.len() == 2
    ));
}

#[test]
fn every_problem_is_reported_at_once() {
    let q2 = Q2
        .replace(
            r#"{ id = "c", label = "C","#,
            r#"{ id = "c", label = "C", next = "q9","#,
        )
        .replace("flags = [\"f\"]", "points = { zz = 1 }");
    let q3 = "\n[[questions]]\nid = \"q3\"\ntext = \"T\"\nwhy = \"W\"\nlearn_more = \"/book/x/\"\n";
    let rule = result(
        "bad",
        "rule = { answers = [{ question = \"q1\", options = [\"nope\"] }] }",
    );
    let errors = errors_of(&fixture(&[Q1, &q2, q3, &rule, DEFAULT]));
    assert!(errors.len() >= 5, "{errors:?}");
    assert!(errors
        .iter()
        .any(|e| matches!(e, TreeError::UnknownNext { .. })));
    assert!(errors
        .iter()
        .any(|e| matches!(e, TreeError::NoOptions { .. })));
    assert!(errors
        .iter()
        .any(|e| matches!(e, TreeError::Unreachable { .. })));
    assert!(errors
        .iter()
        .any(|e| matches!(e, TreeError::UnknownDimension { .. })));
    assert!(errors
        .iter()
        .any(|e| matches!(e, TreeError::UnknownOptionInRule { .. })));
}

#[test]
fn source_problems_carry_lines_and_links_are_checked_against_the_book() {
    let q2 = Q2.replace(
        r#"learn_more = "/book/structure-choices/""#,
        r##"learn_more = "/book/structure-choices/#no-such-heading""##,
    );
    let rule = result(
        "r",
        "next_steps = [{ text = \"Read\", link = \"/book/no-such-chapter/\" }]\nrule = { total = { min = 9 } }",
    );
    let text = fixture(&[Q1, &q2, &rule, DEFAULT]);
    let problems = match parse_tree_source(&text, book()) {
        Ok(_) => panic!("the fixture is invalid"),
        Err(problems) => problems,
    };
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .map(|i| i + 1)
            .expect("needle present")
    };
    let anchor = problems
        .iter()
        .find(|p| {
            matches!(
                &p.error,
                SourceError::BadLink {
                    problem: LinkProblem::NoSection { .. },
                    ..
                }
            )
        })
        .expect("missing anchor reported");
    assert_eq!(anchor.line, line_of("#no-such-heading"));
    let chapter = problems
        .iter()
        .find(|p| matches!(&p.error, SourceError::BadLink { problem: LinkProblem::NoChapter(slug), .. } if slug == "no-such-chapter"))
        .expect("missing chapter reported");
    assert_eq!(chapter.line, line_of("/book/no-such-chapter/"));
    let rule = problems
        .iter()
        .find(|p| {
            matches!(
                &p.error,
                SourceError::Tree(TreeError::RuleNeverHolds { .. })
            )
        })
        .expect("impossible rule reported");
    assert_eq!(rule.line, line_of(r#"id = "r""#));

    for (link, problem) in [
        ("https://example.org/", LinkProblem::NotRootRelative),
        ("/nowhere/else/", LinkProblem::NoSuchPage),
        (
            "/book/structure-choices",
            LinkProblem::NotCanonical("/book/structure-choices/".into()),
        ),
        ("/readiness/#x", LinkProblem::AnchorOnPage),
    ] {
        let text = fixture(&[&Q1.replace("/book/structure-choices/", link), Q2, DEFAULT]);
        let problems = parse_tree_source(&text, book()).err().unwrap_or_default();
        assert!(
            problems.iter().any(|p| matches!(&p.error, SourceError::BadLink { problem: found, .. } if *found == problem)),
            "{link}: {problems:?}"
        );
    }
}

#[test]
fn toml_errors_carry_their_line() {
    let text = fixture(&[Q1, "\n[[questions]]\nid = \"q2\"\ntext = = \"broken\"\n"]);
    let problem = parse_tree_spec(&text).expect_err("broken TOML");
    assert_eq!(
        problem.line,
        text.lines()
            .position(|l| l.contains("= = "))
            .map(|i| i + 1)
            .unwrap_or(0)
    );
    assert!(matches!(problem.error, SourceError::Toml(_)));

    let unknown_field = fixture(&[&Q1.replace("why =", "wyh ="), Q2, DEFAULT]);
    let problem = parse_tree_spec(&unknown_field).expect_err("unknown field");
    assert!(problem.line > 0, "{problem:?}");
}

// ---------------------------------------------------------------------------------------------
// The real trees
// ---------------------------------------------------------------------------------------------

#[test]
fn both_trees_load_and_survive_json() {
    let ids: Vec<&str> = specs().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, vec!["readiness", "structure"]);
    for spec in specs() {
        let json = serde_json::to_string(spec).expect("serialises");
        let tree = ValidTree::from_json(&json).expect("the shipped JSON validates");
        assert_eq!(tree.spec(), spec);
    }
    assert!(ValidTree::from_json("{").is_err());
}

#[test]
fn node_counts() {
    for (tree, questions, results) in [(readiness(), 16, 6), (structure(), 13, 17)] {
        let spec = tree.spec();
        println!(
            "{}: {} questions + {} results = {} nodes",
            spec.id,
            spec.questions.len(),
            spec.results.len(),
            spec.questions.len() + spec.results.len()
        );
        assert_eq!(spec.questions.len(), questions);
        assert_eq!(spec.results.len(), results);
    }
}

type Script = &'static [(&'static str, &'static str)];

/// One scripted path to each readiness result.
const READINESS_PATHS: &[(&str, Script)] = &[
    (
        "discover-first",
        &[
            ("org-size", "50-to-999"),
            ("previous-ospo", "never"),
            ("usage", "dont-know"),
            ("criticality", "several-products"),
            ("distribution", "some"),
            ("policies", "informal"),
            ("upstream-stance", "case-by-case"),
            ("contributors", "1-to-5"),
            ("maintained-projects", "none"),
            ("knowledge", "few-experts"),
            ("culture", "pockets"),
            ("tools-processes", "manual-review"),
            ("sponsor", "named"),
            ("people-budget", "full-time-lead"),
            ("external-pressure", "customer-questions"),
            ("goals", "vague"),
        ],
    ),
    (
        "relaunch",
        &[
            ("org-size", "1000-to-9999"),
            ("previous-ospo", "shrank"),
            ("usage", "inventory"),
            ("criticality", "several-products"),
            ("distribution", "some"),
            ("policies", "usage-policy"),
            ("upstream-stance", "case-by-case"),
            ("contributors", "6-to-100"),
            ("maintained-projects", "1-to-5"),
            ("knowledge", "most-engineers"),
            ("culture", "common"),
            ("tools-processes", "some-scanning"),
            ("sponsor", "named"),
            ("people-budget", "full-time-lead"),
            ("external-pressure", "sector-rules"),
            ("goals", "agreed-by-few"),
        ],
    ),
    (
        "not-yet",
        &[
            ("org-size", "under-50"),
            ("previous-ospo", "never"),
            ("usage", "team-lists"),
            ("criticality", "some-internal"),
            ("distribution", "no"),
            ("policies", "none"),
            ("upstream-stance", "not-allowed-nobody"),
            ("maintained-projects", "none"),
            ("knowledge", "few-experts"),
            ("culture", "pockets"),
            ("tools-processes", "none"),
            ("sponsor", "interest-only"),
            ("people-budget", "volunteer-hours"),
            ("external-pressure", "customer-questions"),
            ("goals", "vague"),
        ],
    ),
    (
        "working-group",
        &[
            ("org-size", "50-to-999"),
            ("previous-ospo", "never"),
            ("usage", "team-lists"),
            ("criticality", "several-products"),
            ("distribution", "some"),
            ("policies", "informal"),
            ("upstream-stance", "licence-requires"),
            ("contributors", "1-to-5"),
            ("maintained-projects", "1-to-5"),
            ("knowledge", "few-experts"),
            ("culture", "pockets"),
            ("tools-processes", "manual-review"),
            ("sponsor", "interest-only"),
            ("people-budget", "volunteer-hours"),
            ("external-pressure", "customer-questions"),
            ("goals", "vague"),
        ],
    ),
    (
        "formal-core",
        &[
            ("org-size", "1000-to-9999"),
            ("previous-ospo", "never"),
            ("usage", "inventory"),
            ("criticality", "several-products"),
            ("distribution", "some"),
            ("policies", "usage-policy"),
            ("upstream-stance", "case-by-case"),
            ("contributors", "6-to-100"),
            ("maintained-projects", "1-to-5"),
            ("knowledge", "most-engineers"),
            ("culture", "common"),
            ("tools-processes", "some-scanning"),
            ("sponsor", "named"),
            ("people-budget", "full-time-lead"),
            ("external-pressure", "sector-rules"),
            ("goals", "agreed-by-few"),
        ],
    ),
    (
        "scaled",
        &[
            ("org-size", "many-units"),
            ("previous-ospo", "still-running"),
            ("usage", "inventory"),
            ("criticality", "several-products"),
            ("distribution", "some"),
            ("policies", "usage-policy"),
            ("upstream-stance", "case-by-case"),
            ("contributors", "over-100"),
            ("maintained-projects", "1-to-5"),
            ("knowledge", "most-engineers"),
            ("culture", "common"),
            ("tools-processes", "some-scanning"),
            ("sponsor", "named-with-budget"),
            ("people-budget", "lead-and-staff"),
            ("external-pressure", "sector-rules"),
            ("goals", "agreed-by-few"),
        ],
    ),
];

/// One scripted path to each structure result.
const STRUCTURE_PATHS: &[(&str, Script)] = &[
    (
        "digital-ministry-central-office",
        &[("sector", "public"), ("public-scope", "whole-government")],
    ),
    (
        "research-office-hub-and-spoke",
        &[("sector", "academic"), ("academic-home", "tech-transfer")],
    ),
    (
        "faculty-committee-working-group",
        &[("sector", "academic"), ("academic-home", "no-home")],
    ),
    (
        "programme-led-virtual-ospo",
        &[("sector", "ngo"), ("ngo-backing", "small-team")],
    ),
    (
        "working-group-build-the-case",
        &[
            ("sector", "company"),
            ("business-model", "ships-software"),
            ("company-driver", "mixed"),
            ("sponsor", "interested"),
        ],
    ),
    (
        "virtual-team-under-sponsor",
        &[
            ("sector", "public"),
            ("public-scope", "single-body"),
            ("sponsor", "named"),
            ("people", "part-time"),
        ],
    ),
    (
        "single-lead-with-virtual-team",
        &[
            ("sector", "company"),
            ("business-model", "hosted-services"),
            ("company-driver", "engineering"),
            ("portfolio", "connected"),
            ("sponsor", "named"),
            ("people", "one-lead"),
        ],
    ),
    (
        "cto-federated",
        &[
            ("sector", "company"),
            ("business-model", "ships-software"),
            ("company-driver", "engineering"),
            ("portfolio", "varied"),
            ("sponsor", "named"),
            ("people", "two-or-more"),
            ("org-size", "large-autonomous"),
        ],
    ),
    (
        "corporate-and-division-ospos",
        &[
            ("sector", "company"),
            ("business-model", "ships-software"),
            ("company-driver", "mixed"),
            ("sponsor", "named"),
            ("people", "two-or-more"),
            ("org-size", "large-divergent"),
        ],
    ),
    (
        "engineering-centralized",
        &[
            ("sector", "company"),
            ("business-model", "ships-software"),
            ("company-driver", "engineering"),
            ("portfolio", "connected"),
            ("sponsor", "named"),
            ("people", "two-or-more"),
            ("org-size", "under-1000"),
        ],
    ),
    (
        "engineering-hub-and-spoke",
        &[
            ("sector", "company"),
            ("business-model", "own-platform"),
            ("devrel-team", "no"),
            ("sponsor", "named"),
            ("people", "two-or-more"),
            ("org-size", "1000-to-10000"),
        ],
    ),
    (
        "cto-centralized",
        &[
            ("sector", "company"),
            ("business-model", "hosted-services"),
            ("company-driver", "legal-risk"),
            ("ip-exposure", "no"),
            ("sponsor", "named"),
            ("people", "two-or-more"),
            ("org-size", "under-1000"),
        ],
    ),
    (
        "cto-hub-and-spoke",
        &[
            ("sector", "ngo"),
            ("ngo-backing", "large-department"),
            ("people", "two-or-more"),
            ("org-size", "1000-to-10000"),
        ],
    ),
    (
        "legal-central-office",
        &[
            ("sector", "company"),
            ("business-model", "ships-software"),
            ("company-driver", "legal-risk"),
            ("ip-exposure", "yes-in-house"),
            ("sponsor", "named"),
            ("people", "two-or-more"),
            ("org-size", "1000-to-10000"),
        ],
    ),
    (
        "security-central-office",
        &[
            ("sector", "company"),
            ("business-model", "ships-software"),
            ("company-driver", "security"),
            ("security-function", "yes"),
            ("sponsor", "named"),
            ("people", "two-or-more"),
            ("org-size", "under-1000"),
        ],
    ),
    (
        "devrel-central-office",
        &[
            ("sector", "company"),
            ("business-model", "internal-use"),
            ("company-driver", "community"),
            ("devrel-team", "yes"),
            ("sponsor", "named"),
            ("people", "two-or-more"),
            ("org-size", "under-1000"),
        ],
    ),
    (
        "it-central-office",
        &[
            ("sector", "public"),
            ("public-scope", "single-body"),
            ("sponsor", "named"),
            ("people", "two-or-more"),
            ("org-size", "under-1000"),
        ],
    ),
];

fn check_paths(tree: &ValidTree, paths: &[(&str, Script)]) {
    for (expected, path) in paths {
        assert_eq!(result_of(tree, path), *expected, "path {path:?}");
    }
    let scripted: BTreeSet<&str> = paths.iter().map(|(id, _)| *id).collect();
    let all: BTreeSet<&str> = tree.spec().results.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(scripted, all, "every result has a scripted path");
}

#[test]
fn a_scripted_path_reaches_every_readiness_result() {
    check_paths(readiness(), READINESS_PATHS);
}

#[test]
fn a_scripted_path_reaches_every_structure_result() {
    check_paths(structure(), STRUCTURE_PATHS);
}

#[test]
fn readiness_scores_follow_the_chapter() {
    let tree = readiness();
    assert_eq!(tree.max_total(), 42);
    for (dimension, max) in [
        ("strategy", 6),
        ("sponsorship", 3),
        ("legal", 9),
        ("engineering", 9),
        ("community", 12),
        ("resources", 3),
    ] {
        assert_eq!(tree.dimension_max(dimension), max, "{dimension}");
    }
    let answers = walk(tree, READINESS_PATHS[4].1);
    let outcome = tree.outcome(&answers).expect("ended");
    assert_eq!(outcome.result, "formal-core");
    assert_eq!(outcome.total, 27);
    assert_eq!(outcome.max_total, 42);
    let community = outcome
        .scores
        .iter()
        .find(|s| s.dimension == "community")
        .expect("community");
    assert_eq!((community.score, community.max), (7, 12));
    assert_eq!(outcome.rationale.len(), 16);
    let sponsor = outcome
        .rationale
        .iter()
        .find(|r| r.question == "sponsor")
        .expect("sponsor answer");
    assert_eq!(sponsor.option_label, "A named sponsor");
    assert!(sponsor.decisive);
    let context = outcome
        .rationale
        .iter()
        .find(|r| r.question == "previous-ospo")
        .expect("context answer");
    assert!(
        !context.decisive,
        "formal-core's rule does not look at a previous OSPO"
    );
}

#[test]
fn readiness_skips_contributors_when_nobody_contributes() {
    let tree = readiness();
    let before = walk(tree, &READINESS_PATHS[2].1[..6]);
    let Ok(Step::Ask {
        question,
        number,
        of_about,
    }) = tree.current(&before)
    else {
        panic!("asks the stance")
    };
    assert_eq!(
        (question.id.as_str(), number, of_about),
        ("upstream-stance", 7, 16)
    );
    let after = tree.answer(&before, "not-allowed-nobody").expect("valid");
    let Ok(Step::Ask {
        question,
        number,
        of_about,
    }) = tree.current(&after)
    else {
        panic!("asks the next question")
    };
    assert_eq!(
        (question.id.as_str(), number, of_about),
        ("maintained-projects", 8, 15)
    );
    let other = tree.answer(&before, "encouraged").expect("valid");
    let Ok(Step::Ask { question, .. }) = tree.current(&other) else {
        panic!("asks contributors")
    };
    assert_eq!(question.id, "contributors");
}

#[test]
fn removing_any_structure_result_leaves_walks_without_one() {
    // The structure tree has no default result: the validator must notice any gap.
    for (i, removed) in structure().spec().results.iter().enumerate() {
        let mut spec = structure().spec().clone();
        spec.results.remove(i);
        let errors = validate(spec).expect_err("a gap is an error");
        assert!(
            errors
                .iter()
                .any(|e| matches!(e, TreeError::UncoveredWalk { .. })),
            "without {}: {errors:?}",
            removed.id
        );
    }
}

#[test]
fn readiness_without_its_default_is_refused() {
    let mut spec = readiness().spec().clone();
    let last = spec.results.pop().expect("results");
    assert_eq!(last.id, "working-group");
    assert!(last.rule.is_always_true());
    let errors = validate(spec).expect_err("no default");
    assert!(
        matches!(&errors[..], [TreeError::NoDefaultResult { .. }]),
        "{errors:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

#[test]
fn answer_back_restart_and_revisit() {
    let tree = structure();
    let answers = walk(
        tree,
        &[("sector", "company"), ("business-model", "ships-software")],
    );
    assert!(matches!(
        tree.current(&answers),
        Ok(Step::Ask { question, number: 3, of_about: 7 }) if question.id == "company-driver"
    ));
    assert_eq!(
        tree.answer(&answers, "not-an-option"),
        Err(AnswerError::NotAnOption {
            question: "company-driver".into(),
            option: "not-an-option".into()
        })
    );
    let back = tree.back(&answers);
    assert_eq!(back.len(), 1);
    assert!(tree.back(&[]).is_empty());
    assert!(tree.restart().is_empty());
    assert_eq!(tree.revisit(&answers, "business-model"), Some(back.clone()));
    assert_eq!(tree.revisit(&answers, "sector"), Some(vec![]));
    assert_eq!(tree.revisit(&answers, "people"), None);

    let done = walk(tree, STRUCTURE_PATHS[0].1);
    assert_eq!(
        tree.answer(&done, "single-body"),
        Err(AnswerError::Finished)
    );
    assert!(
        tree.outcome(&answers).is_none(),
        "no outcome before the end"
    );
}

#[test]
fn replay_reports_tampered_answers() {
    let tree = readiness();
    let good = walk(tree, READINESS_PATHS[4].1);
    let walk_ = tree.replay(&good).expect("valid");
    assert_eq!(
        walk_.position,
        Position::Ended {
            result: "formal-core".into()
        }
    );
    assert!(walk_.reworded().is_empty());

    let mut unknown_question = good.clone();
    unknown_question[3].question = "astrology".into();
    assert_eq!(
        tree.replay(&unknown_question),
        Err(ReplayError::UnknownQuestion {
            index: 3,
            question: "astrology".into()
        })
    );

    let mut unknown_option = good.clone();
    unknown_option[2].option = "all-of-it".into();
    assert_eq!(
        tree.replay(&unknown_option),
        Err(ReplayError::UnknownOption {
            index: 2,
            question: "usage".into(),
            option: "all-of-it".into()
        })
    );

    let mut swapped = good.clone();
    swapped.swap(4, 5);
    assert_eq!(
        tree.replay(&swapped),
        Err(ReplayError::OutOfOrder {
            index: 4,
            expected: Some("distribution".into()),
            found: "policies".into()
        })
    );

    // Contributors is skipped after "not allowed, nobody": answering it is out of order.
    let mut skipped = walk(tree, &READINESS_PATHS[2].1[..7]);
    skipped.push(Answer {
        question: "contributors".into(),
        option: "none".into(),
        question_hash: 0,
    });
    assert!(matches!(
        tree.replay(&skipped),
        Err(ReplayError::OutOfOrder { index: 7, expected: Some(q), .. }) if q == "maintained-projects"
    ));

    let mut too_long = good.clone();
    too_long.push(good[0].clone());
    assert_eq!(
        tree.replay(&too_long),
        Err(ReplayError::OutOfOrder {
            index: 16,
            expected: None,
            found: "org-size".into()
        })
    );
    assert_eq!(tree.valid_prefix(&too_long), good);
    assert_eq!(tree.valid_prefix(&swapped).len(), 4);
    assert!(tree.outcome(&swapped).is_none());
}

#[test]
fn replay_flags_reworded_questions() {
    let tree = readiness();
    let mut answers = walk(tree, &READINESS_PATHS[0].1[..5]);
    answers[2].question_hash ^= 1;
    let walk_ = tree.replay(&answers).expect("still a valid walk");
    assert_eq!(walk_.reworded(), vec!["usage"]);
    let usage = tree.question("usage").expect("usage");
    assert_eq!(
        answers[3].question_hash,
        question_hash(&tree.question("criticality").expect("q").text)
    );
    assert_ne!(
        question_hash(&usage.text),
        question_hash(&format!("{} Really?", usage.text))
    );
}

// ---------------------------------------------------------------------------------------------
// Share links
// ---------------------------------------------------------------------------------------------

#[test]
fn share_links_round_trip() {
    for (tree, paths) in [
        (readiness(), READINESS_PATHS),
        (structure(), STRUCTURE_PATHS),
    ] {
        for (id, path) in paths {
            let answers = walk(tree, path);
            let link = share::encode(tree, &answers).expect("encodes");
            assert!(link.starts_with("r1."), "{link}");
            assert!(link.len() < 80, "{link}");
            assert_eq!(share::decode(tree, &link), Ok(answers.clone()), "{id}");
            assert_eq!(share::decode(tree, &format!("#{link}")), Ok(answers));
        }
        let empty = share::encode(tree, &[]).expect("an empty walk encodes");
        assert_eq!(share::decode(tree, &empty), Ok(vec![]));
    }
}

#[test]
fn share_link_errors() {
    let tree = structure();
    let answers = walk(tree, STRUCTURE_PATHS[0].1);
    let link = share::encode(tree, &answers).expect("encodes");
    assert_eq!(share::decode(tree, ""), Err(ShareError::Empty));
    assert_eq!(share::decode(tree, "#"), Err(ShareError::Empty));
    assert!(matches!(
        share::decode(tree, "R1.0.abcd"),
        Err(ShareError::Malformed { .. })
    ));
    assert!(matches!(
        share::decode(tree, "x1.0.abcd"),
        Err(ShareError::Malformed { .. })
    ));
    assert!(matches!(
        share::decode(tree, "r1.00.abcd"),
        Err(ShareError::Malformed { .. })
    ));
    assert!(matches!(
        share::decode(tree, "r1.0.abc"),
        Err(ShareError::Malformed { .. })
    ));
    assert!(matches!(
        share::decode(tree, "r1"),
        Err(ShareError::Malformed { .. })
    ));
    assert!(matches!(
        share::decode(tree, "r1.1.99999.abcd"),
        Err(ShareError::Malformed { .. })
    ));
    assert_eq!(
        share::decode(tree, &link.replacen("r1", "r2", 1)),
        Err(ShareError::WrongVersion { found: "r2".into() })
    );
    let tampered = link.replacen(".1.", ".2.", 1);
    assert_ne!(tampered, link);
    assert_eq!(share::decode(tree, &tampered), Err(ShareError::Tampered));
    assert_eq!(
        share::decode(readiness(), &link),
        Err(ShareError::Tampered),
        "another tree's link"
    );
    let long = format!("r1.{}abcd", "0.".repeat(300));
    assert_eq!(
        share::decode(tree, &long),
        Err(ShareError::TooLong { len: long.len() })
    );
    assert!(long.len() > MAX_SHARE_LEN);
}

// ---------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------

/// The chapter's seven steps, computed from the answers independently of the tree's rules.
fn chapter_result(tree: &ValidTree, answers: &[Answer]) -> &'static str {
    let chose = |q: &str| {
        answers
            .iter()
            .find(|a| a.question == q)
            .map(|a| a.option.as_str())
    };
    let points = |q: &str| -> u32 {
        answers
            .iter()
            .find(|a| a.question == q)
            .and_then(|a| {
                tree.question(q)?
                    .options
                    .iter()
                    .find(|o| o.id == a.option)
                    .map(|o| o.points.values().sum())
            })
            .unwrap_or(0)
    };
    let total: u32 = [
        "usage",
        "criticality",
        "distribution",
        "policies",
        "upstream-stance",
        "contributors",
        "maintained-projects",
        "knowledge",
        "culture",
        "tools-processes",
        "sponsor",
        "people-budget",
        "external-pressure",
        "goals",
    ]
    .iter()
    .map(|q| points(q))
    .sum();
    if matches!(chose("usage"), Some("dont-know" | "never-looked"))
        || chose("criticality") == Some("dont-know")
        || chose("distribution") == Some("dont-know")
    {
        "discover-first"
    } else if matches!(chose("previous-ospo"), Some("ended" | "shrank")) {
        "relaunch"
    } else if total <= 12
        && points("criticality") <= 1
        && points("distribution") == 0
        && points("maintained-projects") == 0
    {
        "not-yet"
    } else if points("sponsor") <= 1 || points("people-budget") <= 1 {
        "working-group"
    } else if total >= 37
        || (matches!(chose("org-size"), Some("10000-plus" | "many-units"))
            && (points("contributors") >= 2 || points("maintained-projects") >= 2))
    {
        "scaled"
    } else if (25..=36).contains(&total) {
        "formal-core"
    } else {
        "working-group"
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn random_readiness_walks_end_in_the_chapters_result(choices in prop::collection::vec(any::<u8>(), 0..20)) {
        let tree = readiness();
        let answers = random_walk(tree, &choices);
        let outcome = tree.outcome(&answers).expect("every walk ends in a result");
        prop_assert!(tree.result(&outcome.result).is_some());
        prop_assert_eq!(outcome.result.as_str(), chapter_result(tree, &answers));
        prop_assert_eq!(outcome.total, outcome.scores.iter().map(|s| s.score).sum::<u32>());
        let link = share::encode(tree, &answers).expect("encodes");
        prop_assert_eq!(share::decode(tree, &link), Ok(answers));
    }

    #[test]
    fn random_structure_walks_end_in_a_result(choices in prop::collection::vec(any::<u8>(), 0..10)) {
        let tree = structure();
        let answers = random_walk(tree, &choices);
        let outcome = tree.outcome(&answers).expect("every walk ends in a result");
        prop_assert!(tree.result(&outcome.result).is_some());
        let link = share::encode(tree, &answers).expect("encodes");
        prop_assert_eq!(share::decode(tree, &link), Ok(answers));
    }

    #[test]
    fn decoding_arbitrary_strings_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let input = String::from_utf8_lossy(&bytes);
        let _ = share::decode(readiness(), &input);
        let _ = share::decode(structure(), &input);
    }

    #[test]
    fn decoding_link_shaped_strings_never_panics(
        parts in prop::collection::vec(prop::sample::select(vec!["r1", ".", "0", "1", "2", "3", "5", "9", "12", "a", "z", "k2", "r2", "#"]), 0..80)
    ) {
        let input = parts.concat();
        for tree in [readiness(), structure()] {
            if let Ok(answers) = share::decode(tree, &input) {
                prop_assert!(tree.replay(&answers).is_ok());
            }
        }
    }
}
