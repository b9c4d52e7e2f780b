//! The chapter text a page is prerendered with, which the app adopts as it is instead of hydrating
//! it (`content::adopted`): the page must read exactly as the text rendered from its document, with
//! its trees between the stretches as the only parts the app hydrates.

#![cfg(not(target_arch = "wasm32"))]

use guide_core::ChapterInfo;
use ospo_guide::content::adopted;
use ospo_guide::content::compiled::{book, full_book};
use ospo_guide::{ServerApp, ServerAppProps};
use yew::LocalServerRenderer;

async fn render(path: &str, basename: Option<&str>, hydratable: bool) -> String {
    let props = ServerAppProps {
        path: path.to_string().into(),
        basename: basename.map(|b| b.to_string().into()),
    };
    LocalServerRenderer::<ServerApp>::with_props(props)
        .hydratable(hydratable)
        .render()
        .await
}

/// Where a raw stretch starts and ends in a hydratable page (Yew's markers).
const RAW_OPEN: &str = "<!--<#>-->";
const RAW_CLOSE: &str = "<!--</#>-->";

/// The HTML without its comments (Yew's hydration markers).
fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("-->")
            .map_or(rest.len(), |e| start + e + 3);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Each chapter's page rendered from its text, then from the prerendered stretches (registered
/// per thread: each test runs on its own).
async fn compare_every_chapter(basename: Option<&str>) {
    let mut from_text = Vec::new();
    for chapter in &book().chapters {
        from_text.push(render(&chapter.path(), basename, true).await);
    }
    for chapter in &full_book().chapters {
        adopted::prerender(chapter, basename).await;
    }
    for (chapter, from_text) in book().chapters.iter().zip(from_text) {
        let slug = &chapter.meta.slug;
        let adopted_page = render(&chapter.path(), basename, true).await;
        assert!(
            adopted_page.contains(RAW_OPEN),
            "{slug}: the adopted text is not in the page"
        );
        assert!(!from_text.contains(RAW_OPEN), "{slug}");
        assert_eq!(
            without_comments(&adopted_page),
            without_comments(&from_text),
            "{slug} ({basename:?})"
        );
    }
}

#[tokio::test]
async fn every_adopted_chapter_page_reads_as_the_page_rendered_from_its_text() {
    compare_every_chapter(None).await;
}

#[tokio::test]
async fn so_does_every_adopted_chapter_page_under_a_sub_path() {
    compare_every_chapter(Some("/guides/ospo")).await;
}

#[tokio::test]
async fn the_trees_between_the_stretches_stay_components_and_links_keep_the_base_path() {
    let chapter = book()
        .chapters
        .iter()
        .find(|c| !c.trees.is_empty())
        .expect("a chapter embeds a tree");
    adopted::prerender(
        full_book()
            .chapter(&chapter.meta.slug)
            .expect("in the book"),
        Some("/guides/ospo"),
    )
    .await;
    let page = render(&chapter.path(), Some("/guides/ospo"), true).await;
    // One raw stretch more than the trees, each a hydration fragment of its own.
    assert_eq!(
        page.matches(RAW_OPEN).count(),
        chapter.trees.len() + 1,
        "{page}"
    );
    assert_eq!(
        page.matches("<!--<[ospo_guide::components::tree::embed::TreeEmbed]>-->")
            .count(),
        chapter.trees.len()
    );
    // The stretches carry no component markers: nothing inside them is hydrated.
    let stretch_start = page.find(RAW_OPEN).expect("a stretch");
    let stretch_end = stretch_start + page[stretch_start..].find(RAW_CLOSE).expect("its end");
    let stretch = &page[stretch_start + RAW_OPEN.len()..stretch_end];
    assert!(!stretch.contains("<!--"), "{stretch}");
    assert!(stretch.contains("href=\"/guides/ospo/book/"), "{stretch}");
}
