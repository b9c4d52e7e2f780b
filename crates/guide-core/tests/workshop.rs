//! Workshops: colleagues' files read as the guide writes them (data exports, result JSON, share
//! links, saved workshops), bad files refused with a reason and nothing else changed, answers
//! spread per question with the split ones first, scores with their median, and the group walk.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use common::{real_trees, walk_profile};
use guide_core::crosswalk::Crosswalk;
use guide_core::progress::{export, Progress};
use guide_core::report::{json_report, AdviceInput, ReportInput};
use guide_core::tree::{question_hash, Answer, ValidTree};
use guide_core::walk::walk_events;
use guide_core::workshop::{
    group_walk, read_file, scores, spread, Agreement, FileError, Loaded, Person, Workshop,
    MAX_PEOPLE,
};

fn trees() -> Vec<ValidTree> {
    real_trees().to_vec()
}

fn readiness(trees: &[ValidTree]) -> &ValidTree {
    trees
        .iter()
        .find(|t| t.id() == "readiness")
        .expect("readiness")
}

fn walk(tree: &ValidTree, pick: &[(&str, &str)]) -> Vec<Answer> {
    walk_profile(tree, pick)
}

/// A person's data export after walking `tree`.
fn export_of(tree: &ValidTree, answers: &[Answer]) -> String {
    let mut progress = Progress::new();
    for event in walk_events(tree, &[], answers, 1_000) {
        progress.apply(event).expect("applies");
    }
    export(&progress, "test").expect("exports")
}

fn people(loaded: Loaded) -> Vec<Person> {
    match loaded {
        Loaded::People(people) => people,
        Loaded::Workshop(_) => panic!("a workshop"),
    }
}

#[test]
fn exports_results_and_share_links_become_people() {
    let trees = trees();
    let tree = readiness(&trees);
    let answers = walk(tree, &[("sponsor", "named")]);
    let ana =
        people(read_file("ana.json", export_of(tree, &answers).as_bytes(), &trees).expect("read"));
    assert_eq!(ana.len(), 1);
    assert_eq!(ana[0].name, "ana");
    assert_eq!(ana[0].answers["readiness"], answers);

    let outcome = tree.outcome(&answers).expect("ended");
    let confidence = tree.confidence(&answers).expect("ended");
    let crosswalk = Crosswalk::default();
    let json = json_report(&ReportInput {
        advice: AdviceInput {
            tree,
            outcome: &outcome,
            confidence: &confidence,
            crosswalk: &crosswalk,
        },
        date: "2026-11-29",
        link: "x",
    });
    let ben =
        people(read_file("ospo-guide-readiness-x.json", json.as_bytes(), &trees).expect("read"));
    let given: Vec<(&str, &str)> = ben[0].answers["readiness"]
        .iter()
        .map(|a| (a.question.as_str(), a.option.as_str()))
        .collect();
    let expected: Vec<(&str, &str)> = answers
        .iter()
        .map(|a| (a.question.as_str(), a.option.as_str()))
        .collect();
    assert_eq!(given, expected, "a result's JSON carries the whole walk");

    let code = guide_core::share::encode(tree, &answers).expect("encodes");
    let links = format!(
        "https://guide.example/readiness/#a={code}\n\nhttps://guide.example/readiness/#a={code}\n"
    );
    let shared = people(read_file("links.txt", links.as_bytes(), &trees).expect("read"));
    assert_eq!(
        shared.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["links 1", "links 2"]
    );
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let trees = trees();
    let big = vec![b' '; guide_core::workshop::MAX_FILE_BYTES + 1];
    let nested = format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    let hostile_export = r#"{"schema":3,"content":"x","payload":{"trees":{"readiness":{"answers":[{"question":"<script>","option":"x","question_hash":1,"at":1}],"at":1}}}}"#;
    for (bytes, expected) in [
        (big.as_slice(), "larger than 1 MB"),
        (&[0xff, 0xfe, 0x00][..], "not a text file"),
        (b"{\"hello\": \"world\"}", "not a file the guide wrote"),
        (nested.as_bytes(), "not a file the guide wrote"),
        (b"just some words", "not a file the guide wrote"),
        (b"https://guide.example/readiness/#a=r1.9.9.zzzz", "damaged"),
        (b"https://guide.example/elsewhere/#a=r1.0.abcd", "no answers"),
        (hostile_export.as_bytes(), "damaged"),
        (br#"{"kind":"ospo-guide-workshop","version":7,"people":[]}"#, "format 7"),
        (br#"{"kind":"ospo-guide-workshop","version":1,"people":[{"name":"x","source":"y","answers":{"readiness":[{"question":"A B","option":"x","question_hash":1}]}}]}"#, "damaged"),
    ] {
        let error = read_file("f.json", bytes, &trees).expect_err("refused");
        assert!(error.to_string().contains(expected), "{error} / {expected}");
    }
    let empty = export(&Progress::new(), "x").expect("exports");
    assert_eq!(
        read_file("empty.json", empty.as_bytes(), &trees),
        Err(FileError::NoAnswers)
    );
}

#[test]
fn a_saved_workshop_reopens_as_it_was_and_names_are_cleaned() {
    let trees = trees();
    let tree = readiness(&trees);
    let mut workshop = Workshop::default();
    let answers = walk(tree, &[]);
    let person = |name: &str| Person {
        name: name.into(),
        source: "f".into(),
        answers: BTreeMap::from([("readiness".to_string(), answers.clone())]),
        checks: BTreeMap::new(),
    };
    assert_eq!(
        workshop.add(vec![person("Ana"), person("Ana"), person("\u{7}  ")]),
        3
    );
    assert_eq!(
        workshop
            .people
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Ana", "Ana (2)", "Someone"]
    );
    workshop.choose("readiness", "sponsor", Some("named"));
    match read_file("w.json", workshop.to_file().as_bytes(), &trees).expect("reopens") {
        Loaded::Workshop(reopened) => assert_eq!(reopened, workshop),
        Loaded::People(_) => panic!("people"),
    }
    let many: Vec<Person> = (0..MAX_PEOPLE + 5)
        .map(|i| person(&format!("p{i}")))
        .collect();
    assert_eq!(Workshop::default().add(many), MAX_PEOPLE);
}

#[test]
fn split_questions_come_first_and_the_group_walk_gives_a_result() {
    let trees = trees();
    let tree = readiness(&trees);
    let person = |name: &str, pick: &[(&str, &str)]| Person {
        name: name.into(),
        source: "f".into(),
        answers: BTreeMap::from([("readiness".to_string(), walk(tree, pick))]),
        checks: BTreeMap::new(),
    };
    let mut older = person("Cy", &[("sponsor", "none")]);
    if let Some(a) = older
        .answers
        .get_mut("readiness")
        .and_then(|a| a.iter_mut().find(|a| a.question == "sponsor"))
    {
        a.question_hash = question_hash("an earlier wording");
    }
    let group = vec![
        person("Ana", &[("sponsor", "named")]),
        person("Ben", &[("sponsor", "named")]),
        older,
    ];
    let rows = spread(tree, &group);
    assert_eq!(rows[0].question, "sponsor", "the one split question first");
    assert_eq!(rows[0].agreement, Agreement::Split);
    assert_eq!(rows[0].majority.as_deref(), Some("named"));
    assert_eq!(rows[0].changed, ["Cy"]);
    assert!(rows[1..].iter().all(|r| r.agreement != Agreement::Split));

    let table = scores(tree, &group);
    assert_eq!(table.people.len(), 3);
    let commitment = table
        .dimensions
        .iter()
        .position(|(id, ..)| id == "commitment")
        .expect("shown");
    let values: Vec<u32> = table.people.iter().map(|p| p.values[commitment]).collect();
    assert!(values[0] > values[2]);
    assert_eq!(
        table.median[commitment],
        f64::from(values[0]),
        "the median of two equal and one lower"
    );

    let mut choices: BTreeMap<String, String> = BTreeMap::new();
    let (none, next) = group_walk(tree, &choices);
    assert!(none.is_empty() && next.is_some());
    for row in &rows {
        if let Some(m) = &row.majority {
            choices.insert(row.question.clone(), m.clone());
        }
    }
    let (answers, next) = group_walk(tree, &choices);
    assert!(next.is_none(), "every question on the walk has a majority");
    assert_eq!(
        tree.outcome(&answers).map(|o| o.result),
        tree.outcome(&walk(tree, &[("sponsor", "named")]))
            .map(|o| o.result)
    );
}

/// A data export with self-check answers (and no tree answers) brings them in; the items that
/// split people come first, with who gave which verdict; a saved workshop keeps them.
#[test]
fn self_check_answers_come_in_from_exports_split_items_first() {
    use guide_core::conformance::{ValidCheck, Verdict};
    use guide_core::progress::Event;
    use guide_core::workshop::check_spread;
    let trees = trees();
    let spec = common::real_content()
        .checks
        .iter()
        .find(|c| c.id == "iso-5230")
        .expect("the 5230 check")
        .clone();
    let check = ValidCheck::validated_by_build(spec);
    let items: Vec<String> = check.spec().items().map(|i| i.id.clone()).collect();
    let export_with = |verdicts: &[(&str, Verdict)]| {
        let mut progress = Progress::new();
        for (n, (item, verdict)) in verdicts.iter().enumerate() {
            progress
                .apply(Event::CheckAnswered {
                    check: "iso-5230".into(),
                    item: (*item).into(),
                    verdict: *verdict,
                    at: 1_000 + n as u64,
                })
                .expect("applies");
        }
        export(&progress, "test").expect("exports")
    };
    let (first, second) = (items[0].as_str(), items[1].as_str());
    let ana = export_with(&[(first, Verdict::Yes), (second, Verdict::Yes)]);
    let ben = export_with(&[(first, Verdict::Yes), (second, Verdict::No)]);
    let mut group = people(read_file("ana.json", ana.as_bytes(), &trees).expect("read"));
    group.extend(people(
        read_file("ben.json", ben.as_bytes(), &trees).expect("read"),
    ));
    assert_eq!(group[0].checks["iso-5230"][first], Verdict::Yes);
    assert!(group[0].answers.is_empty(), "no tree answered");

    let rows = check_spread(&check, &group);
    assert_eq!(rows.len(), items.len());
    assert_eq!(rows[0].item, second, "the split item first");
    assert_eq!(rows[0].agreement, Agreement::Split);
    assert_eq!(
        rows[0].verdicts,
        [
            (Verdict::Yes, vec!["ana".to_string()]),
            (Verdict::No, vec!["ben".to_string()])
        ]
    );
    assert_eq!(rows[1].item, first);
    assert_eq!(rows[1].agreement, Agreement::All);
    assert!(rows[2..]
        .iter()
        .all(|r| r.agreement == Agreement::Unanswered));

    let mut workshop = Workshop::default();
    workshop.add(group);
    match read_file("w.json", workshop.to_file().as_bytes(), &trees).expect("reopens") {
        Loaded::Workshop(reopened) => assert_eq!(reopened, workshop),
        Loaded::People(_) => panic!("people"),
    }
}
