//! A chapter split into text stretches and embedded trees, as the page shows it: the text as
//! prerendered static HTML, each tree as an interactive part between the stretches.
#![cfg(not(target_arch = "wasm32"))]

use guide_core::doc::{Block, Document, Footnote, Inline, Segment};
use guide_core::markdown::parse_markdown;

fn paragraph(text: &str) -> Block {
    Block::Paragraph(vec![Inline::Text(text.into())])
}

fn shape(doc: &Document) -> Vec<String> {
    doc.segments()
        .into_iter()
        .map(|segment| match segment {
            Segment::Text { blocks, footnotes } => {
                format!(
                    "text {}{}",
                    blocks.len(),
                    if footnotes { " +notes" } else { "" }
                )
            }
            Segment::Tree(id) => format!("tree {id}"),
        })
        .collect()
}

#[test]
fn text_and_trees_alternate_starting_and_ending_with_text() {
    let doc = Document {
        blocks: vec![
            Block::Tree("readiness".into()),
            paragraph("a"),
            paragraph("b"),
            Block::Tree("structure".into()),
            Block::Tree("readiness".into()),
        ],
        footnotes: vec![Footnote {
            label: "1".into(),
            blocks: vec![paragraph("note")],
        }],
    };
    assert_eq!(
        shape(&doc),
        [
            "text 0",
            "tree readiness",
            "text 2",
            "tree structure",
            "text 0",
            "tree readiness",
            "text 0 +notes"
        ]
    );
    assert_eq!(
        doc.embedded_trees(),
        ["readiness", "structure", "readiness"]
    );
}

#[test]
fn a_document_without_trees_is_one_stretch_with_its_footnotes() {
    let doc = Document {
        blocks: vec![paragraph("a"), paragraph("b")],
        footnotes: Vec::new(),
    };
    assert_eq!(shape(&doc), ["text 2 +notes"]);
    assert!(doc.embedded_trees().is_empty());
    assert_eq!(shape(&Document::default()), ["text 0 +notes"]);
}

#[test]
fn the_stretches_hold_every_block_once_in_order() {
    let doc = parse_markdown(
        "Intro.\n\n{{tree readiness}}\n\n## Next {#next}\n\nMore.\n\n{{tree structure}}\n",
        "/book/x/",
        1,
    )
    .expect("parses");
    let mut again = Vec::new();
    for segment in doc.segments() {
        match segment {
            Segment::Text { blocks, .. } => again.extend(blocks.iter().cloned()),
            Segment::Tree(id) => again.push(Block::Tree(id.to_owned())),
        }
    }
    assert_eq!(again, doc.blocks);
    assert_eq!(doc.embedded_trees(), ["readiness", "structure"]);
}

#[test]
fn a_tree_inside_a_list_or_quote_is_refused() {
    for source in [
        "- {{tree readiness}}\n",
        "> {{tree readiness}}\n",
        "1. item\n\n   {{tree readiness}}\n",
    ] {
        let errors = parse_markdown(source, "/book/x/", 1).expect_err(source);
        assert!(
            errors.iter().any(|e| matches!(
                e.kind,
                guide_core::markdown::MarkdownErrorKind::NestedTree(_)
            )),
            "{source:?}: {errors:?}"
        );
    }
    assert!(parse_markdown("{{tree readiness}}\n", "/book/x/", 1).is_ok());
}
