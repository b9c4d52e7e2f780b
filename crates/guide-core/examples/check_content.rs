//! Loads and checks everything in `content/`, printing every problem with its file and line:
//! `cargo run -p guide-core --example check_content` (the build and `cargo test` do the same).

use std::path::Path;

fn main() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    match guide_core::content::load_content(root) {
        Ok(content) => {
            println!(
                "content is valid: {} chapters, {} trees, {} self-checks, {} framework references",
                content.book.chapters.len(),
                content.trees.len(),
                content.checks.len(),
                content.crosswalk.entries.len()
            );
            for check in &content.checks {
                let sections: Vec<String> = check
                    .sections
                    .iter()
                    .map(|s| format!("{} {}", s.clause, s.items.len()))
                    .collect();
                println!(
                    "  {}: {} items in {} clauses ({})",
                    check.id,
                    check.items().count(),
                    check.clauses.len(),
                    sections.join(", ")
                );
            }
        }
        Err(errors) => {
            eprintln!("{errors}");
            std::process::exit(1);
        }
    }
}
