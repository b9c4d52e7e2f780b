//! The tree validator names every kind of problem, with the node it is about and, from a source
//! file, its line: structure (ids, links, reachability, cycles), rules that can never hold, walks
//! without a result, what the store could not keep, and what a tree advises beyond its results
//! (predicates, vars and placeholders, plans, addenda, retired results).
//!
//! Long because it is a catalogue: one test per kind of problem the validator reports.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use guide_core::tree::{
    parse_tree_source, parse_tree_spec, validate, IdKind, LinkProblem, NeverHolds, SourceError,
    TreeError,
};
use guide_core::Book;

fn book() -> &'static Book {
    common::real_book()
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
        "rule = { total = { min = 9 } }\n\n[[results.plan]]\nid = \"read\"\ntext = \"Read\"\nowner = \"O\"\nwindow = \"days-0-30\"\ndone_when = \"D\"\nlink = \"/book/no-such-chapter/\"",
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
// What a tree advises beyond its results
// ---------------------------------------------------------------------------------------------

/// A step of a plan, as TOML under `table` (`results.plan` or `addenda.plan`).
fn step(table: &str, id: &str, extra: &str) -> String {
    format!(
        "\n[[{table}]]\nid = \"{id}\"\ntext = \"Do {id}.\"\nowner = \"Someone\"\nwindow = \"days-0-30\"\ndone_when = \"Done.\"\n{extra}\n"
    )
}

fn addendum(id: &str, lines: &str) -> String {
    format!("\n[[addenda]]\nid = \"{id}\"\ntitle = \"Note {id}\"\ntext = \"Text.\"\n{lines}\n")
}

#[test]
fn sequence_then_and_ends_give_the_walk_its_order() {
    let text = HEAD.replace("start = \"q1\"", "start = \"q1\"\nsequence = [\"q1\", \"q2\", \"q3\"]")
        + "\n[[questions]]\nid = \"q1\"\ntext = \"1?\"\nwhy = \"W.\"\nlearn_more = \"/book/structure-choices/\"\nthen = \"q3\"\noptions = [{ id = \"a\", label = \"A\" }, { id = \"b\", label = \"B\", next = \"q2\" }, { id = \"stop\", label = \"Stop\", ends = true }]\n"
        + "\n[[questions]]\nid = \"q2\"\ntext = \"2?\"\nwhy = \"W.\"\nlearn_more = \"/book/structure-choices/\"\noptions = [{ id = \"c\", label = \"C\" }]\n"
        + "\n[[questions]]\nid = \"q3\"\ntext = \"3?\"\nwhy = \"W.\"\nlearn_more = \"/book/structure-choices/\"\noptions = [{ id = \"d\", label = \"D\" }]\n"
        + DEFAULT;
    let tree = validate(parse_tree_spec(&text).expect("parses")).expect("valid");
    let next = |q: &str, o: &str| {
        tree.question(q)
            .and_then(|q| q.options.iter().find(|x| x.id == o))
            .and_then(|o| o.next.clone())
    };
    assert_eq!(next("q1", "a").as_deref(), Some("q3"), "then");
    assert_eq!(next("q1", "b").as_deref(), Some("q2"), "an explicit next");
    assert_eq!(next("q1", "stop"), None, "ends");
    assert_eq!(next("q2", "c").as_deref(), Some("q3"), "the sequence");
    assert_eq!(next("q3", "d"), None, "the end of the sequence");

    let broken = text
        .replace("then = \"q3\"", "then = \"q9\"")
        .replace("\"q2\", \"q3\"]", "\"q2\", \"q8\"]");
    let errors = errors_of(&broken);
    assert!(errors.contains(&TreeError::UnknownThen {
        question: "q1".into(),
        then: "q9".into()
    }));
    assert!(errors.contains(&TreeError::UnknownInSequence {
        question: "q8".into()
    }));
}

#[test]
fn predicates_resolve_by_name_and_report_unknown_names_and_cycles() {
    let predicates = "\n[[predicates]]\nid = \"strong\"\nabout = \"A strong start.\"\nrule = { answers = [{ question = \"q1\", options = [\"a\"] }] }\n";
    let uses = result("r", "rule = { is = [\"strong\"], total = { min = 3 } }");
    let text = fixture(&[Q1, Q2, predicates, &uses, DEFAULT]);
    let tree = validate(parse_tree_spec(&text).expect("parses")).expect("valid");
    let rule = &tree.result("r").expect("r").rule;
    assert!(rule.is.is_empty() && rule.all.len() == 1, "{rule:?}");

    let unknown = fixture(&[Q1, Q2, &result("r", "rule = { is = [\"nope\"] }"), DEFAULT]);
    assert!(errors_of(&unknown).contains(&TreeError::UnknownPredicate {
        node: "r".into(),
        name: "nope".into()
    }));
    let cycle = "\n[[predicates]]\nid = \"p\"\nabout = \"P.\"\nrule = { is = [\"q\"] }\n\n[[predicates]]\nid = \"q\"\nabout = \"Q.\"\nrule = { is = [\"p\"] }\n";
    let errors = errors_of(&fixture(&[Q1, Q2, cycle, DEFAULT]));
    assert!(
        errors
            .iter()
            .any(|e| matches!(e, TreeError::PredicateCycle { names } if names.len() >= 2)),
        "{errors:?}"
    );
}

#[test]
fn placeholders_must_have_a_value_wherever_the_text_is_shown() {
    let with_var = "\n[[results]]\nid = \"r\"\ntitle = \"R\"\nsummary = \"In {line}.\"\nrationale = \"R.\"\nlearn_more = \"/book/structure-choices/\"\nvars = { line = \"legal\" }\nrule = { total = { min = 3 } }\n";
    let note = addendum("n", "results = [\"r\"]\ntext = \"For {line}.\"")
        .replace("text = \"Text.\"\n", "");
    let text = fixture(&[Q1, Q2, with_var, DEFAULT, &note]);
    validate(parse_tree_spec(&text).expect("parses")).expect("valid: r defines line");

    // Shown with every result, the addendum's placeholder has no value with "default".
    let everywhere = note.replace("results = [\"r\"]\n", "");
    let errors = errors_of(&fixture(&[Q1, Q2, with_var, DEFAULT, &everywhere]));
    assert!(errors.contains(&TreeError::UnknownPlaceholder {
        node: "n".into(),
        name: "line".into()
    }));
    // A tree var gives it a value everywhere.
    let var = "\n[[vars]]\nid = \"line\"\ndefault = \"the office\"\n";
    validate(
        parse_tree_spec(&fixture(&[Q1, Q2, var, with_var, DEFAULT, &everywhere])).expect("parses"),
    )
    .expect("valid: a tree var");
}

#[test]
fn addenda_steps_and_retired_results_are_checked_like_results() {
    let unknown_result = addendum("n", "results = [\"nope\"]");
    let never = addendum("m", "rule = { total = { min = 99 } }");
    let empty_owner =
        step("results.plan", "s1", "").replace("owner = \"Someone\"", "owner = \" \"");
    let with_plan = result("r", "rule = { total = { min = 3 } }")
        + &empty_owner
        + &step(
            "results.plan",
            "s2",
            "done_if = { answers = [{ question = \"q2\", options = [\"zz\"] }] }",
        );
    let twice = addendum("o", "") + &step("addenda.plan", "s2", "");
    let retired = "\n[[retired]]\nid = \"r\"\ntitle = \"Old R\"\n";
    let bad_tag = Q1.replace("options = [", "crosswalk = [\"Not An Id\"]\noptions = [");
    let errors = errors_of(&fixture(&[
        &bad_tag,
        Q2,
        &with_plan,
        DEFAULT,
        &unknown_result,
        &never,
        &twice,
        retired,
    ]));
    for expected in [
        TreeError::UnknownResultInAddendum {
            addendum: "n".into(),
            result: "nope".into(),
        },
        TreeError::EmptyField {
            node: "s1".into(),
            field: "owner",
        },
        TreeError::DuplicateId {
            kind: IdKind::Step,
            id: "s2".into(),
        },
        TreeError::UnknownOptionInRule {
            result: "s2".into(),
            question: "q2".into(),
            option: "zz".into(),
        },
        TreeError::RetiredStillCurrent { id: "r".into() },
        TreeError::InvalidId {
            kind: IdKind::Crosswalk,
            id: "Not An Id".into(),
            question: Some("q1".into()),
        },
    ] {
        assert!(errors.contains(&expected), "{expected:?} in {errors:?}");
    }
    assert!(matches!(
        never_holds(&errors, "m"),
        NeverHolds::TotalOutOfReach { .. }
    ));
}

#[test]
fn an_unknown_window_is_a_toml_error_with_its_line() {
    let text = fixture(&[
        Q1,
        Q2,
        &result("r", "rule = { total = { min = 3 } }"),
        &step("results.plan", "s", "").replace("days-0-30", "next-week"),
        DEFAULT,
    ]);
    let problem = parse_tree_spec(&text).expect_err("unknown window");
    assert!(matches!(problem.error, SourceError::Toml(_)));
    assert!(problem.line > 0);
}

#[test]
fn a_step_can_only_replace_a_step_of_the_tree() {
    let text = |replaces: &str| {
        fixture(&[
            Q1,
            Q2,
            &result("r", "rule = { total = { min = 3 } }"),
            &step("results.plan", "s1", ""),
            &step("results.plan", "s2", &format!("replaces = [{replaces:?}]")),
            DEFAULT,
        ])
    };
    assert!(validate(parse_tree_spec(&text("s1")).expect("parses")).is_ok());
    assert!(
        errors_of(&text("s9")).contains(&TreeError::UnknownReplacedStep {
            step: "s2".into(),
            replaces: "s9".into(),
        })
    );
}
