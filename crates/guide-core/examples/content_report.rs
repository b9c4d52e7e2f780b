//! Prints the book's chapters with their word counts, and the total:
//! `cargo run -p guide-core --example content_report`.

use std::path::Path;

use guide_core::content::load_book_dir;

fn main() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    let book = match load_book_dir(root) {
        Ok(book) => book,
        Err(errors) => {
            eprintln!("{errors}");
            std::process::exit(1);
        }
    };
    for chapter in &book.chapters {
        println!(
            "{:>2} {:<32} {:>5} words",
            chapter.meta.order, chapter.meta.slug, chapter.words
        );
    }
    println!(
        "{} chapters, {} words",
        book.chapters.len(),
        book.total_words()
    );
}
