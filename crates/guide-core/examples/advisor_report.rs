//! Figures about how the decision trees behave over many random profiles, for calibration notes
//! and closing notes: the share of each result, and the share of profiles whose result changes
//! when one answer moves one step (to the option next to it).
//!
//! `cargo run --release -p guide-core --example advisor_report [profiles] [seed] [new]`
//!
//! With `new`, `previous-ospo` is always "never": organizations starting from nothing, whose
//! results are the office sizes (the audit's mix puts half the profiles on a running office).
//!
//! A profile is a random walk: at each question an option is drawn uniformly from those that are
//! not "don't know" (flag `dont-know`); for `previous-ospo`, only "never" and "still running"
//! are drawn, and for `usage` not "never looked", as in the practitioner audit, so that the
//! figures compare with its own. A "one step" move changes one answer to the option next to it
//! in the list (not "don't know"); for a tree whose options score points, only the questions that
//! score move, as in the audit. This is a stress test of the rules' geometry, not an estimate of
//! any population.

use std::collections::BTreeMap;
use std::path::Path;

use guide_core::content::load_content;
use guide_core::tree::{validate, Answer, Step, ValidTree};

/// xorshift64*: small, deterministic, good enough for sampling.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (x % n.max(1) as u64) as usize
    }
}

/// The answers `previous-ospo` may draw: the audit's two, or "never" only (see `new`).
static PREVIOUS: std::sync::OnceLock<&'static [&'static str]> = std::sync::OnceLock::new();

/// The options a profile may draw at a question.
fn drawable(question: &guide_core::tree::Question) -> Vec<&str> {
    let previous = PREVIOUS.get().copied().unwrap_or(&["never", "running"]);
    question
        .options
        .iter()
        .filter(|o| !o.flags.iter().any(|f| f == "dont-know"))
        .filter(|o| question.id != "previous-ospo" || previous.contains(&o.id.as_str()))
        .filter(|o| question.id != "usage" || o.id != "never-looked")
        .map(|o| o.id.as_str())
        .collect()
}

fn random_walk(tree: &ValidTree, rng: &mut Rng) -> Vec<Answer> {
    let mut answers = Vec::new();
    while let Ok(Step::Ask { question, .. }) = tree.current(&answers) {
        let options = drawable(question);
        let pick = options[rng.below(options.len())];
        match tree.answer(&answers, pick) {
            Ok(next) => answers = next,
            Err(_) => break,
        }
    }
    answers
}

/// The walk with answer `index` changed to `option`, the later answers kept where the same
/// questions are asked again; `None` if the changed walk asks a question not answered before.
fn with_changed(
    tree: &ValidTree,
    answers: &[Answer],
    index: usize,
    option: &str,
) -> Option<Vec<Answer>> {
    let mut walk: Vec<Answer> = answers.get(..index)?.to_vec();
    walk = tree.answer(&walk, option).ok()?;
    while let Ok(Step::Ask { question, .. }) = tree.current(&walk) {
        let earlier = answers.iter().find(|a| a.question == question.id)?;
        walk = tree.answer(&walk, &earlier.option).ok()?;
    }
    Some(walk)
}

/// Whether moving answer `index` to an option next to it changes the result.
fn answer_flips(tree: &ValidTree, answers: &[Answer], index: usize, result: &str) -> bool {
    let Some(question) = answers.get(index).and_then(|a| tree.question(&a.question)) else {
        return false;
    };
    let options = drawable(question);
    let Some(at) = options.iter().position(|o| *o == answers[index].option) else {
        return false;
    };
    [at.checked_sub(1), Some(at + 1)]
        .into_iter()
        .flatten()
        .filter_map(|n| options.get(n))
        .filter_map(|option| with_changed(tree, answers, index, option))
        .filter_map(|walk| tree.outcome(&walk))
        .any(|outcome| outcome.result != result)
}

/// The questions where moving the answer one step changes the result.
fn flipping_questions(tree: &ValidTree, answers: &[Answer], result: &str) -> Vec<String> {
    (0..answers.len())
        .filter(|&index| answer_flips(tree, answers, index, result))
        .map(|index| answers[index].question.clone())
        .collect()
}

/// Whether moving any one scored answer (any answer, in an unscored tree) to the option next to
/// it changes the result.
fn one_step_flips(tree: &ValidTree, answers: &[Answer], result: &str) -> bool {
    let scored = |q: &guide_core::tree::Question| q.options.iter().any(|o| !o.points.is_empty());
    let scored_tree = tree.spec().questions.iter().any(scored);
    (0..answers.len()).any(|index| {
        let counts = !scored_tree || tree.question(&answers[index].question).is_some_and(scored);
        counts && answer_flips(tree, answers, index, result)
    })
}

fn main() {
    let mut args = std::env::args().skip(1);
    let profiles: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2026);
    if args.next().as_deref() == Some("new") {
        let _ = PREVIOUS.set(&["never"]);
    }
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    let content = load_content(root).unwrap_or_else(|e| panic!("{e}"));
    for spec in content.trees {
        let tree = validate(spec).unwrap_or_else(|e| panic!("{e:?}"));
        let mut rng = Rng(seed.max(1));
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        let mut flips = 0usize;
        let mut any_flips = 0usize;
        let mut by_question: BTreeMap<String, usize> = BTreeMap::new();
        for _ in 0..profiles {
            let answers = random_walk(&tree, &mut rng);
            let Some(outcome) = tree.outcome(&answers) else {
                continue;
            };
            if one_step_flips(&tree, &answers, &outcome.result) {
                flips += 1;
            }
            let questions = flipping_questions(&tree, &answers, &outcome.result);
            if !questions.is_empty() {
                any_flips += 1;
            }
            for q in questions {
                *by_question.entry(q).or_default() += 1;
            }
            *counts.entry(outcome.result).or_default() += 1;
        }
        println!(
            "## {} ({profiles} random profiles, seed {seed})\n",
            tree.id()
        );
        println!("| result | share |\n| --- | --- |");
        let mut sorted: Vec<_> = counts.into_iter().collect();
        sorted.sort_by_key(|entry| std::cmp::Reverse(entry.1));
        for (result, count) in sorted {
            println!(
                "| {result} | {:.1} % |",
                100.0 * count as f64 / profiles as f64
            );
        }
        println!(
            "\nProfiles whose result changes when one scored answer moves one step: {:.1} %",
            100.0 * flips as f64 / profiles as f64
        );
        println!(
            "Profiles whose result changes when any answer moves one step: {:.1} %",
            100.0 * any_flips as f64 / profiles as f64
        );
        let mut top: Vec<_> = by_question.into_iter().collect();
        top.sort_by_key(|entry| std::cmp::Reverse(entry.1));
        let top: Vec<String> = top
            .iter()
            .take(8)
            .map(|(q, n)| format!("{q} {:.1} %", 100.0 * *n as f64 / profiles as f64))
            .collect();
        println!(
            "Questions whose one-step move changes the result most often: {}\n",
            top.join(", ")
        );
    }
}
