//! The personas of `tests/fixtures/personas.toml` through both trees, as a Markdown table: what
//! each organization is told (readiness result, reporting line, target shape, start form) and
//! whether it is what the persona's practitioner expects. For closing notes and reviews; the test
//! that enforces it is `tests/advisor.rs`.
//!
//! `cargo run -p guide-core --example persona_table`

use std::collections::BTreeMap;
use std::path::Path;

use guide_core::content::load_content;
use guide_core::tree::{validate, Answer, Step, ValidTree};

fn walk(tree: &ValidTree, start: Vec<Answer>, answers: &BTreeMap<String, String>) -> Vec<Answer> {
    let mut walk = start;
    while let Ok(Step::Ask { question, .. }) = tree.current(&walk) {
        let Some(option) = answers.get(&question.id) else {
            break;
        };
        match tree.answer(&walk, option) {
            Ok(next) => walk = next,
            Err(_) => break,
        }
    }
    walk
}

fn main() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    let content = load_content(root).unwrap_or_else(|e| panic!("{e}"));
    let tree = |id: &str| {
        let spec = content
            .trees
            .iter()
            .find(|t| t.id == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id}"));
        validate(spec).unwrap_or_else(|e| panic!("{e:?}"))
    };
    let (readiness, structure) = (tree("readiness"), tree("structure"));
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/personas.toml"),
    )
    .expect("readable");
    let file: toml::Value = toml::from_str(&text).expect("TOML");
    println!("| persona | readiness | reporting line | shape | start | as expected |\n| --- | --- | --- | --- | --- | --- |");
    for p in file["personas"].as_array().expect("personas") {
        let answers: BTreeMap<String, String> = p["answers"]
            .as_table()
            .expect("answers")
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
            .collect();
        let r_walk = walk(&readiness, Vec::new(), &answers);
        let s_walk = walk(&structure, structure.carry_over(&[], &r_walk), &answers);
        let (Some(r), Some(s)) = (readiness.outcome(&r_walk), structure.outcome(&s_walk)) else {
            println!(
                "| {} | (unfinished) | | | | no |",
                p["id"].as_str().unwrap_or_default()
            );
            continue;
        };
        let pick = |prefix: &str| {
            s.addenda
                .iter()
                .find(|a| a.starts_with(prefix))
                .cloned()
                .unwrap_or_default()
        };
        let strs = |key: &str| -> Vec<String> {
            p.get(key)
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        let expected_r = p["readiness"].as_str().unwrap_or_default();
        let ok = (r.result == expected_r || strs("readiness_also_ok").contains(&r.result))
            && strs("reporting").contains(&s.result)
            && (pick("shape-") == p["shape"].as_str().unwrap_or_default()
                || strs("shape_also_ok").contains(&pick("shape-")));
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            p["id"].as_str().unwrap_or_default(),
            r.result,
            s.result.trim_start_matches("report-"),
            pick("shape-").trim_start_matches("shape-"),
            pick("start-").trim_start_matches("start-"),
            if ok { "yes" } else { "NO" }
        );
    }
}
