//! View render tests: every route of the contract renders natively, with the server renderer the
//! prerenderer uses, and shows its main heading.

#![cfg(not(target_arch = "wasm32"))]

use guide_core::ChapterInfo;
use ospo_guide::content::compiled::book;
use ospo_guide::{ServerApp, ServerAppProps};
use yew::LocalServerRenderer;

async fn render(path: &str, basename: Option<&str>) -> String {
    let props = ServerAppProps {
        path: path.to_string().into(),
        basename: basename.map(|b| b.to_string().into()),
    };
    LocalServerRenderer::<ServerApp>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn main_heading(html: &str) -> Option<String> {
    let start = html.find("<h1")?;
    let open_end = start + html[start..].find('>')? + 1;
    let close = open_end + html[open_end..].find("</h1>")?;
    Some(html[open_end..close].to_string())
}

#[tokio::test]
async fn every_route_renders_its_main_heading() {
    let first_chapter = &book().chapters[0];
    let cases = [
        ("/", "OSPO Guide"),
        ("/book/", "Contents"),
        ("/readiness/", "OSPO readiness"),
        ("/structure/", "OSPO structure"),
        ("/search/", "Search"),
        ("/progress/", "Your data"),
        ("/no/such/page/", "Page not found"),
        ("/book/no-such-chapter/", "Page not found"),
    ];
    for (path, expected) in cases {
        let html = render(path, None).await;
        let heading = main_heading(&html).unwrap_or_else(|| panic!("{path}: no <h1>"));
        assert!(heading.contains(expected), "{path}: heading {heading:?}");
        assert_eq!(html.matches("<h1").count(), 1, "{path}: exactly one <h1>");
    }
    let html = render(&first_chapter.path(), None).await;
    assert_eq!(
        main_heading(&html).as_deref(),
        Some(first_chapter.meta.title.as_str())
    );
}

#[tokio::test]
async fn every_chapter_renders_its_title_and_sections() {
    for chapter in &book().chapters {
        let html = render(&chapter.path(), None).await;
        assert_eq!(
            main_heading(&html).as_deref(),
            Some(chapter.meta.title.as_str())
        );
        for section in chapter.sections() {
            assert!(
                html.contains(&format!("id=\"{}\"", section.id)),
                "{} lacks #{}",
                chapter.meta.slug,
                section.id
            );
        }
    }
}

#[tokio::test]
async fn links_carry_the_base_path_of_a_sub_path_deployment() {
    let html = render("/book/", Some("/guides/ospo/")).await;
    assert!(
        html.contains("href=\"/guides/ospo/book/what-is-an-ospo/\""),
        "{html}"
    );
    assert!(
        !html.contains("href=\"/book/"),
        "a link ignores the base path"
    );
}

#[tokio::test]
async fn navigation_marks_the_current_section() {
    let html = render("/book/why-an-ospo/", None).await;
    assert!(
        html.contains("href=\"/book/\" aria-current=\"page\""),
        "{html}"
    );
}

/// The router's paths are the core's: every page is routed where `Page::path` says, and shows
/// its own heading (no page falls through to "not found").
#[tokio::test]
async fn every_page_of_the_table_has_its_route() {
    use guide_core::{GuidePath, Page};
    use ospo_guide::Route;
    use yew_router::Routable;
    for page in Page::ALL {
        let route = Route::from(GuidePath::Page(page));
        assert_eq!(route.to_path(), page.path(), "{page:?}");
        assert_eq!(
            Route::recognize(page.path()),
            Some(route.clone()),
            "{page:?}"
        );
        assert_eq!(route.guide_path(), Some(GuidePath::Page(page)));
        let html = render(page.path(), None).await;
        let heading = main_heading(&html).unwrap_or_default();
        assert!(!heading.contains("Page not found"), "{page:?}");
    }
}

/// Until the reader's stored walk has been read, a question cannot be answered: its buttons wait
/// (an answer would replace a walk the page does not show yet), even with an option chosen.
#[tokio::test]
async fn a_question_waits_for_the_stored_walk_before_it_can_be_answered() {
    use ospo_guide::components::tree::question::{TreeQuestion, TreeQuestionProps};
    let tree = ospo_guide::content::compiled::tree("readiness").expect("the readiness tree");
    let Ok(guide_core::tree::Step::Ask { question, .. }) = tree.current(&[]) else {
        panic!("the tree asks a first question");
    };
    let submit_tag = |ready: bool| {
        let props = TreeQuestionProps {
            tree_id: "readiness".into(),
            question: question.clone(),
            number: 1,
            of_about: 20,
            previous: Some(question.options[0].id.clone()),
            can_go_back: false,
            ready,
            reworded: false,
            on_answer: Default::default(),
            on_back: Default::default(),
        };
        async move {
            let html = LocalServerRenderer::<TreeQuestion>::with_props(props)
                .hydratable(false)
                .render()
                .await;
            let start = html
                .find("<button type=\"submit\"")
                .expect("a submit button");
            html[start..start + html[start..].find('>').expect("a tag")].to_string()
        }
    };
    assert!(submit_tag(false).await.contains("disabled"), "it waits");
    assert!(
        !submit_tag(true).await.contains("disabled"),
        "then it can be answered"
    );
}
