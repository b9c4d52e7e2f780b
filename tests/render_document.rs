//! The document renderer on its own: a chapter's text arrives as a file at run time, so the view
//! does not trust it to keep to what the parser allows.

#![cfg(not(target_arch = "wasm32"))]

use guide_core::doc::{Block, Document, Inline, LinkTarget};
use ospo_guide::render::render_document;
use yew::prelude::*;
use yew::LocalServerRenderer;

#[derive(Properties, PartialEq)]
struct ProbeProps {
    doc: Document,
}

#[component]
fn Probe(props: &ProbeProps) -> Html {
    render_document(&props.doc, "/book/probe/")
}

fn link(url: &str) -> Inline {
    Inline::Link {
        target: LinkTarget::External(url.into()),
        content: vec![Inline::Text(format!("to {url}"))],
    }
}

#[tokio::test]
async fn only_https_links_become_links() {
    let hostile = [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "http://example.org/",
        "//example.org/",
    ];
    let mut inlines: Vec<Inline> = hostile.iter().map(|url| link(url)).collect();
    inlines.push(link("https://example.org/ok"));
    let doc = Document {
        blocks: vec![Block::Paragraph(inlines)],
        ..Document::default()
    };
    let html = LocalServerRenderer::<Probe>::with_props(ProbeProps { doc })
        .render()
        .await;
    assert_eq!(html.matches("<a ").count(), 1, "{html}");
    assert!(html.contains(r#"href="https://example.org/ok""#), "{html}");
    for url in hostile {
        assert!(
            !html.contains(&format!("href=\"{url}")),
            "{url} became a link: {html}"
        );
    }
    // The refused links' text stays readable.
    assert_eq!(html.matches("to ").count(), hostile.len() + 1, "{html}");
}
