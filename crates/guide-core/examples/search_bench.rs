//! A benchmark of the book search: builds the index of the real book, runs twenty varied queries
//! (exact, plural, multi-word, misspelled and unfinished) many times, and prints the build time
//! and the median, 99th percentile and worst time per query. On a busy machine the worst single
//! run includes the process being descheduled; the 99th percentile is the steadier figure.
//!
//! Run with `cargo run --release -p guide-core --example search_bench`; add `--show` to print the
//! top results of each query as well, and queries of your own to run those instead.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use guide_core::content::load_book_dir;
use guide_core::search::{SearchIndex, SnippetPart};

const QUERIES: [&str; 20] = [
    "SBOM",
    "CLA DCO",
    "hub and spoke",
    "policies",
    "licence compliance",
    "licnse",
    "sponsorhip",
    "licen",
    "contributor licence agreement",
    "metrics that matter",
    "executive sponsor budget",
    "inner source",
    "governance",
    "organisation",
    "maturity model stages",
    "open source program office",
    "securty vulnerabilty disclosure",
    "communit",
    "Cyber Resilience Act",
    "how do we measure the impact of our open source work on the business",
];

const ROUNDS: usize = 200;
const LIMIT: usize = 10;

fn main() -> ExitCode {
    let show = std::env::args().any(|a| a == "--show");
    let own: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let queries: Vec<&str> = if own.is_empty() {
        QUERIES.to_vec()
    } else {
        own.iter().map(String::as_str).collect()
    };
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    let book = match load_book_dir(root) {
        Ok(book) => book,
        Err(errors) => {
            eprintln!("cannot load the book: {errors}");
            return ExitCode::FAILURE;
        }
    };

    let mut builds = Vec::new();
    let mut index = SearchIndex::default();
    for _ in 0..10 {
        let start = Instant::now();
        index = SearchIndex::build(&book);
        builds.push(start.elapsed());
    }
    builds.sort();
    println!(
        "book: {} chapters, {} words; index: {} sections, {} terms, ~{} KiB",
        book.chapters.len(),
        book.total_words(),
        index.section_count(),
        index.vocabulary_size(),
        index.heap_bytes() / 1024
    );
    println!(
        "build: median {:.2} ms, worst {:.2} ms (10 builds)",
        ms(builds[builds.len() / 2]),
        ms(builds[builds.len() - 1])
    );

    let mut medians = Vec::new();
    let mut worst_overall = Duration::ZERO;
    println!(
        "{:<44} {:>5} {:>10} {:>10}",
        "query", "hits", "median µs", "worst µs"
    );
    for &query in &queries {
        let mut times = Vec::with_capacity(ROUNDS);
        let mut hits = Vec::new();
        for _ in 0..ROUNDS {
            let start = Instant::now();
            hits = index.search(query, LIMIT);
            times.push(start.elapsed());
        }
        times.sort();
        let median = times[times.len() / 2];
        let p99 = times[times.len() * 99 / 100];
        let worst = times[times.len() - 1];
        medians.push(median);
        worst_overall = worst_overall.max(worst);
        println!(
            "{:<44} {:>5} {:>10.1} {:>10.1} {:>10.1}",
            clip(query, 44),
            hits.len(),
            us(median),
            us(p99),
            us(worst)
        );
        if show {
            for hit in hits.iter().take(3) {
                let snippet: String = hit
                    .snippet
                    .iter()
                    .map(|part| match part {
                        SnippetPart::Text(text) => text.clone(),
                        SnippetPart::Match(text) => format!("[{text}]"),
                    })
                    .collect();
                println!(
                    "    {:>6.2} {}#{} — {}",
                    hit.score,
                    hit.slug,
                    hit.section_id.as_deref().unwrap_or(""),
                    hit.section_title.as_deref().unwrap_or(&hit.chapter_title)
                );
                println!("           {snippet}");
            }
        }
    }
    medians.sort();
    println!(
        "over {} queries × {} rounds: median of medians {:.1} µs, slowest median {:.1} µs, worst single {:.1} µs",
        queries.len(),
        ROUNDS,
        us(medians[medians.len() / 2]),
        us(medians[medians.len() - 1]),
        us(worst_overall)
    );
    ExitCode::SUCCESS
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn us(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}
