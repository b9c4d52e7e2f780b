//! Loads and checks everything in `content/`, printing every problem with its file and line:
//! `cargo run -p guide-core --example check_content` (the build and `cargo test` do the same).

use std::path::Path;

fn main() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    match guide_core::content::load_content(root) {
        Ok(content) => println!(
            "content is valid: {} chapters, {} trees, {} framework references",
            content.book.chapters.len(),
            content.trees.len(),
            content.crosswalk.entries.len()
        ),
        Err(errors) => {
            eprintln!("{errors}");
            std::process::exit(1);
        }
    }
}
