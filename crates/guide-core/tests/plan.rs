//! The reader's plan and the ways it leaves the browser: assembled from a real result with the
//! reader's ticks, owners and due dates, self-check gaps only once added, chapter checklists under
//! the step that links to them; CSV that GitLab's and Jira's importers read as documented (parsed
//! back here with an RFC 4180 reader); new-issue links that carry the step.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use common::{real_content, real_tree, walk_profile};
use guide_core::checklists::checklists;
use guide_core::plan::{
    assemble, csv, issue_labels, markdown, Forge, ForgeError, ForgeKind, Gap, PlanEntry,
    PlanLabels, Section, Source, Tracker,
};
use guide_core::progress::StepState;
use guide_core::tree::{Outcome, ValidTree, Window};

const LABELS: PlanLabels = PlanLabels {
    title: "Our plan",
    windows: ["Days 1-30", "Days 31-60", "Days 61-90", "Later"],
    gaps: "Self-check gaps",
    owner: "Owner",
    due: "Due",
    done_when: "Done when",
    read_more: "Read more",
    frameworks: "Frameworks",
    checklist: "Checklist",
    done: "done",
};

const BASE: &str = "https://guide.example.org/ospo";

fn bank_outcome() -> (&'static ValidTree, Outcome, &'static guide_core::Book) {
    let tree = real_tree("readiness");
    let answers = walk_profile(
        tree,
        &[
            ("org-size", "1000-to-9999"),
            ("criticality", "nearly-everything"),
            ("delivery", "apps-libraries"),
            ("regulatory-role", "sector-rules"),
            ("usage", "automated-sbom"),
            ("sponsor", "named"),
            ("people", "full-time-lead"),
            ("budget", "own-line"),
            ("goals", "agreed"),
        ],
    );
    let outcome = tree.outcome(&answers).expect("ended");
    (tree, outcome, &real_content().book)
}

fn work(entries: &[(&str, StepState)]) -> BTreeMap<String, StepState> {
    entries
        .iter()
        .map(|(k, s)| ((*k).to_string(), s.clone()))
        .collect()
}

fn gap() -> Gap {
    Gap {
        key: "iso-5230.compliance-policy".into(),
        label: "ISO/IEC 5230 §3.1.1".into(),
        text: "Write a \"short\" policy, then, get it signed".into(),
        done_when: "The policy is approved.".into(),
        link: Some("/book/open-source-policies/".into()),
        crosswalk: vec!["iso5230-3-1-1".into()],
    }
}

fn plan(work: &BTreeMap<String, StepState>) -> Vec<PlanEntry> {
    let (_, outcome, book) = bank_outcome();
    let lists = checklists(book);
    let lookup = |link: &str| {
        lists
            .iter()
            .find(|c| c.link() == link)
            .map(|c| c.keyed())
            .unwrap_or_default()
    };
    let source = Source {
        tree: "readiness",
        label: "Readiness: formal".into(),
        items: &outcome.plan,
    };
    assemble(&[source], &[gap()], work, &lookup)
}

#[test]
fn the_plan_follows_the_result_and_the_readers_work() {
    let (_, outcome, book) = bank_outcome();
    let empty = plan(&BTreeMap::new());
    assert_eq!(
        empty.len(),
        outcome.plan.len(),
        "the gap is not in the plan until added"
    );
    assert!(
        empty.windows(2).all(|w| w[0].section <= w[1].section),
        "window order"
    );
    assert!(matches!(
        empty[0].section,
        Section::Window(Window::Days0To30)
    ));
    // The bank produces SBOMs in its builds, so the inventory step is done without a tick.
    assert!(empty.iter().any(|e| e.done && e.done_from_answers));

    let first = empty[0].key.clone();
    let ticked = plan(&work(&[
        (
            &first,
            StepState {
                at: 5,
                done: true,
                owner: "Dana".into(),
                due: "2026-12-15".into(),
                added: false,
            },
        ),
        (
            "iso-5230.compliance-policy",
            StepState {
                at: 6,
                added: true,
                ..StepState::default()
            },
        ),
    ]));
    let step = ticked.iter().find(|e| e.key == first).expect("still there");
    assert!(step.done && !step.done_from_answers);
    assert_eq!(
        (step.owner.as_str(), step.due.as_str()),
        ("Dana", "2026-12-15")
    );
    assert_eq!(step.suggested_owner, empty[0].owner);
    let last = ticked.last().expect("entries");
    assert_eq!(
        (last.key.as_str(), last.section),
        ("iso-5230.compliance-policy", Section::Gaps)
    );

    // A step linking to a chapter section with a checklist shows it once, keyed and tickable.
    let lists = checklists(book);
    assert!(lists.len() >= 5, "the book has checklists: {}", lists.len());
    let with_list = ticked.iter().filter(|e| !e.checklist.is_empty()).count();
    let links: std::collections::BTreeSet<_> = ticked
        .iter()
        .filter_map(|e| e.link.as_deref())
        .filter(|l| lists.iter().any(|c| c.link() == *l))
        .collect();
    assert_eq!(with_list, links.len(), "each checklist once");
    if let Some(entry) = ticked.iter().find(|e| !e.checklist.is_empty()) {
        let key = entry.checklist[0].key.clone();
        assert!(key.split('.').count() == 3 && key.ends_with(".1"), "{key}");
        let again = plan(&work(&[(
            &key,
            StepState {
                at: 1,
                done: true,
                ..StepState::default()
            },
        )]));
        let item = again
            .iter()
            .flat_map(|e| &e.checklist)
            .find(|i| i.key == key)
            .expect("kept");
        assert!(item.done);
    }
}

/// Reads CSV as RFC 4180 describes it: quoted fields, doubled quotes, CRLF or LF rows.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "an unclosed quote");
    rows
}

#[test]
fn gitlab_reads_title_description_and_due_date_with_labels_as_a_quick_action() {
    let entries = plan(&work(&[(
        "iso-5230.compliance-policy",
        StepState {
            at: 1,
            added: true,
            due: "2027-01-31".into(),
            ..StepState::default()
        },
    )]));
    let rows = parse_csv(&csv(&entries, Tracker::GitLab, &LABELS, BASE));
    assert_eq!(rows[0], ["title", "description", "due_date"]);
    let open: Vec<_> = entries.iter().filter(|e| !e.done).collect();
    assert_eq!(rows.len(), open.len() + 1, "one row per step not done");
    for (row, entry) in rows[1..].iter().zip(&open) {
        assert_eq!(row.len(), 3);
        assert_eq!(row[0], entry.text, "quotes and commas survive");
        assert!(row[1].contains("/label ~\"ospo-plan\""), "{}", row[1]);
        assert!(row[2].is_empty() || row[2].len() == 10);
        if let Some(link) = &entry.link {
            assert!(row[1].contains(&format!("{BASE}{link}")));
        }
    }
    assert!(rows.iter().any(|r| r[2] == "2027-01-31"));
}

#[test]
fn jira_reads_summary_description_due_date_and_one_labels_column_per_label() {
    let entries = plan(&BTreeMap::new());
    let rows = parse_csv(&csv(&entries, Tracker::Jira, &LABELS, BASE));
    let header = &rows[0];
    assert_eq!(&header[..3], ["Summary", "Description", "Due Date"]);
    assert!(header[3..].iter().all(|h| h == "Labels") && header.len() > 4);
    for row in &rows[1..] {
        assert_eq!(row.len(), header.len(), "every row as wide as the header");
        assert!(
            row[3..].iter().all(|l| !l.contains(' ')),
            "Jira labels hold no spaces"
        );
        assert_eq!(row[3], "ospo-plan");
    }
}

#[test]
fn project_addresses_are_checked_and_links_carry_the_step() {
    assert!(matches!(
        Forge::parse(ForgeKind::GitHub, "http://github.com/a/b"),
        Err(ForgeError::NotHttps)
    ));
    assert!(matches!(
        Forge::parse(ForgeKind::GitHub, "https://gitlab.com/a/b"),
        Err(ForgeError::NotGitHub)
    ));
    assert!(matches!(
        Forge::parse(ForgeKind::GitHub, "https://github.com/a"),
        Err(ForgeError::NotGitHub)
    ));
    assert!(matches!(
        Forge::parse(ForgeKind::GitLab, "https://gitlab.example.org/a/b?x=1"),
        Err(ForgeError::BadCharacters)
    ));
    assert!(matches!(
        Forge::parse(ForgeKind::GitLab, "https://evil.example/\"><script>/x"),
        Err(ForgeError::BadCharacters)
    ));
    assert!(matches!(
        Forge::parse(ForgeKind::GitLab, "javascript:alert(1)"),
        Err(ForgeError::NotHttps)
    ));
    let entries = plan(&BTreeMap::new());
    let entry = &entries[0];
    let github = Forge::parse(ForgeKind::GitHub, " https://github.com/acme/ospo/ ").expect("valid");
    let url = github.new_issue_url(entry, &LABELS, BASE);
    assert!(
        url.starts_with("https://github.com/acme/ospo/issues/new?title="),
        "{url}"
    );
    assert!(url.contains(&format!("&labels={}", issue_labels(entry).join("%2C"))));
    assert!(!url.contains(' ') && !url.contains('\n'));
    let gitlab = Forge::parse(
        ForgeKind::GitLab,
        "https://gitlab.example.org/group/sub/project",
    )
    .expect("valid");
    let url = gitlab.new_issue_url(entry, &LABELS, BASE);
    assert!(url.starts_with(
        "https://gitlab.example.org/group/sub/project/-/issues/new?issue%5Btitle%5D="
    ));
    assert!(url.contains("%2Flabel%20~%22ospo-plan%22"));
    // A very long body still gives a link of a usable length.
    let mut long = entry.clone();
    long.done_when = "x".repeat(20_000);
    assert!(github.new_issue_url(&long, &LABELS, BASE).len() <= 8_000);
}

#[test]
fn markdown_has_one_section_per_step() {
    let entries = plan(&BTreeMap::new());
    let text = markdown(&entries, &LABELS, BASE);
    assert_eq!(text.matches("\n### ").count(), entries.len());
    assert!(text.starts_with("# Our plan\n\n## Days 1-30\n"));
}
