//! The book split for the browser: the index the app carries and each chapter's text, which the
//! app fetches. Splitting and putting back together must lose nothing, and the index must answer
//! every question the app asks of it as the whole book would.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use guide_core::book::{Book, BookIndex, ChapterInfo};
use guide_core::doc::Document;
use guide_core::Audience;

#[test]
fn the_index_and_the_texts_make_the_book_again() {
    let book = common::real_book();
    let index = book.index();
    let texts: Vec<(String, String)> = book
        .chapters
        .iter()
        .map(|c| {
            let json = serde_json::to_string(&c.doc).expect("serialises");
            (c.meta.slug.clone(), json)
        })
        .collect();
    // Through JSON, as the app receives them.
    let index: BookIndex =
        serde_json::from_str(&serde_json::to_string(&index).expect("serialises")).expect("reads");
    let again = Book::assemble(&index, |slug| {
        let json = &texts.iter().find(|(s, _)| s == slug)?.1;
        serde_json::from_str::<Document>(json).ok()
    });
    assert_eq!(again.as_ref(), Some(book));
}

#[test]
fn a_missing_text_is_reported_not_papered_over() {
    let book = common::real_book();
    let index = book.index();
    let missing = &index.chapters[3].meta.slug;
    let again = Book::assemble(&index, |slug| {
        (slug != missing).then(|| book.chapter(slug).map(|c| c.doc.clone()))?
    });
    assert_eq!(again, None);
}

#[test]
fn the_index_answers_as_the_book_does() {
    let book = common::real_book();
    let index = book.index();
    assert_eq!(index.total_words(), book.total_words());
    assert_eq!(index.paths, book.paths);
    for chapter in &book.chapters {
        let slug = &chapter.meta.slug;
        let outline = index.chapter(slug).expect("every chapter is in the index");
        assert_eq!(outline.sections(), chapter.sections(), "{slug}");
        assert_eq!(outline.reading_minutes(), chapter.reading_minutes());
        assert_eq!(outline.path(), chapter.path());
        let (before, after) = index.neighbours(slug);
        let (book_before, book_after) = book.neighbours(slug);
        assert_eq!(before.map(|c| &c.meta), book_before.map(|c| &c.meta));
        assert_eq!(after.map(|c| &c.meta), book_after.map(|c| &c.meta));
        for section in chapter.sections() {
            assert!(outline.has_section(section.id));
        }
        assert!(!outline.has_section("no-such-section"));
    }
    for audience in Audience::ALL {
        let from_index: Vec<_> = index.for_audience(audience).map(|c| &c.meta).collect();
        let from_book: Vec<_> = book.for_audience(audience).map(|c| &c.meta).collect();
        assert_eq!(from_index, from_book);
    }
}

#[test]
fn the_index_is_a_small_part_of_the_book() {
    let book = common::real_book();
    let whole = serde_json::to_string(book).expect("serialises").len();
    let index = serde_json::to_string(&book.index())
        .expect("serialises")
        .len();
    assert!(index * 10 < whole, "index {index} bytes of {whole}");
}

#[test]
fn the_index_names_each_chapters_embedded_trees_in_reading_order() {
    let book = common::real_book();
    let index = book.index();
    for chapter in &book.chapters {
        let outline = index.chapter(&chapter.meta.slug).expect("indexed");
        let in_text: Vec<String> = chapter
            .doc
            .blocks
            .iter()
            .filter_map(|block| match block {
                guide_core::doc::Block::Tree(id) => Some(id.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(outline.trees, in_text, "{}", chapter.meta.slug);
    }
    // The book embeds both trees somewhere, so the rule above is not checked on empty lists only.
    let all: Vec<&String> = index.chapters.iter().flat_map(|c| &c.trees).collect();
    assert!(all.iter().any(|id| *id == "readiness"), "{all:?}");
    assert!(all.iter().any(|id| *id == "structure"), "{all:?}");
}
