//! The content check: everything in `content/` is valid, and the book meets its minimum form.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use guide_core::content::{load_book_dir, MIN_CHAPTER_WORDS};
use guide_core::doc::{Block, ListItem};

fn content_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"))
}

fn has_checklist(blocks: &[Block]) -> bool {
    blocks.iter().any(|block| match block {
        Block::List { items, .. } => items
            .iter()
            .any(|item: &ListItem| item.task.is_some() || has_checklist(&item.blocks)),
        Block::Quote { blocks, .. } => has_checklist(blocks),
        _ => false,
    })
}

#[test]
fn the_content_folder_is_valid() {
    if let Err(errors) = load_book_dir(content_root()) {
        panic!("{errors}");
    }
}

#[test]
fn the_book_has_its_minimum_form() {
    let book = load_book_dir(content_root()).expect("content is valid");
    assert!(
        book.chapters.len() >= 12,
        "{} chapters",
        book.chapters.len()
    );
    assert!(book.total_words() >= 25_000, "{} words", book.total_words());
    for chapter in &book.chapters {
        assert!(chapter.words >= MIN_CHAPTER_WORDS, "{}", chapter.meta.slug);
        assert!(
            has_checklist(&chapter.doc.blocks),
            "{} has no checklist",
            chapter.meta.slug
        );
        assert!(
            matches!(chapter.doc.blocks.first(), Some(Block::Paragraph(_))),
            "{} does not open with a summary paragraph",
            chapter.meta.slug
        );
    }
    for slug in ["glossary", "references"] {
        assert!(book.chapter(slug).is_some(), "no {slug} chapter");
    }
}
