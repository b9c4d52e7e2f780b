//! The chapter text a prerendered page starts with, adopted as it is instead of hydrated.
//!
//! A chapter's text is most of its page (hundreds of elements) and has nothing to hydrate but its
//! links. So the prerenderer renders each text stretch between the chapter's embedded trees once
//! into static HTML (`render::render_text`, natively, with [`prerender`]), and
//! the page carries it as raw HTML. In the browser, the app adopts those nodes: the first render
//! gives each stretch as an empty raw node, which Yew hydrates by taking the page's nodes as they
//! are (no HTML string is parsed or injected), and only the trees between them are hydrated.
//! The page needs no fetched text and no per-element work to start; its links are followed in-app
//! by the article's click handler (`guide_link::use_in_app_links`). Once the reader goes to
//! another chapter, the adopted text is released and every chapter renders from its fetched text.

use std::cell::RefCell;
use std::rc::Rc;

use yew::AttrValue;

/// A chapter text that is in the page as prerendered. Its fields are private: in the browser only
/// [`adopt_page`] makes one, and its stretches are empty strings, so no HTML string ever reaches
/// the page from here.
#[derive(Debug, PartialEq)]
pub struct AdoptedText {
    /// The chapter's slug.
    slug: String,
    /// The trees between the stretches, by id (from the book's index).
    trees: Vec<String>,
    /// Each text stretch's HTML, one more than the trees: natively the prerendered HTML; in the
    /// browser empty strings, which take the page's nodes as they are.
    texts: Vec<AttrValue>,
}

impl AdoptedText {
    /// The chapter's slug.
    pub fn slug(&self) -> &str {
        &self.slug
    }

    /// The text stretches in order, each with the id of the tree that follows it (none after the
    /// last).
    pub fn stretches(&self) -> impl Iterator<Item = (&AttrValue, Option<&String>)> {
        self.texts
            .iter()
            .enumerate()
            .map(|(at, html)| (html, self.trees.get(at)))
    }
}

thread_local! {
    /// In the browser: the chapter whose text the page holds until the reader leaves it.
    /// Natively: every chapter's prerendered stretches, once the prerenderer has registered them.
    static ADOPTABLE: RefCell<Vec<Rc<AdoptedText>>> = const { RefCell::new(Vec::new()) };
}

/// The text of `slug` as the page holds it, if it does.
pub fn for_slug(slug: &str) -> Option<Rc<AdoptedText>> {
    ADOPTABLE.with(|all| all.borrow().iter().find(|t| t.slug == slug).cloned())
}

/// The page being started is this chapter's prerendered page (called once, before hydration).
/// Does nothing for a chapter the index does not know.
pub fn adopt_page(slug: &str) {
    let Some(chapter) = crate::content::compiled::book().chapter(slug) else {
        return;
    };
    let text = AdoptedText {
        slug: slug.to_owned(),
        trees: chapter.trees.clone(),
        texts: vec![AttrValue::Static(""); chapter.trees.len() + 1],
    };
    ADOPTABLE.with(|all| *all.borrow_mut() = vec![Rc::new(text)]);
}

/// The page no longer shows the adopted text (the reader went to another chapter or page): from
/// now on the chapter renders from its fetched text like any other.
pub fn release(slug: &str) {
    #[cfg(target_arch = "wasm32")]
    ADOPTABLE.with(|all| all.borrow_mut().retain(|t| t.slug != slug));
    // Natively the registered stretches serve every page the prerenderer renders.
    #[cfg(not(target_arch = "wasm32"))]
    let _ = slug;
}

/// Natively: renders a chapter's text stretches into static HTML once and registers them, so that
/// the chapter's page carries them as they are (the prerenderer calls this for every chapter
/// before it renders the pages).
#[cfg(not(target_arch = "wasm32"))]
pub async fn prerender(chapter: &guide_core::book::Chapter, basename: Option<&str>) {
    let count = chapter.doc.embedded_trees().len() + 1;
    let mut texts = Vec::with_capacity(count);
    for stretch in 0..count {
        let props = native::StretchProps {
            slug: chapter.meta.slug.clone(),
            stretch,
            basename: basename.map(|b| AttrValue::from(b.to_owned())),
        };
        let html = yew::LocalServerRenderer::<native::Stretch>::with_props(props)
            .hydratable(false)
            .render()
            .await;
        texts.push(AttrValue::from(html));
    }
    let text = AdoptedText {
        slug: chapter.meta.slug.clone(),
        trees: chapter.outline().trees,
        texts,
    };
    ADOPTABLE.with(|all| {
        let mut all = all.borrow_mut();
        all.retain(|t| t.slug != text.slug);
        all.push(Rc::new(text));
    });
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use guide_core::book::ChapterInfo;
    use guide_core::doc::Segment;
    use yew::prelude::*;
    use yew_router::Router;

    use crate::app::memory_history_at;
    use crate::content::compiled::full_book;
    use crate::render::render_text;

    #[derive(Properties, PartialEq)]
    pub struct StretchProps {
        pub slug: String,
        /// Which text stretch, counting from 0.
        pub stretch: usize,
        pub basename: Option<AttrValue>,
    }

    /// One text stretch of a chapter, inside the router its links take the base path from.
    #[component]
    pub fn Stretch(props: &StretchProps) -> Html {
        let Some(chapter) = full_book().chapter(&props.slug) else {
            return Html::default();
        };
        let own_path = chapter.path();
        let history = memory_history_at(&own_path, props.basename.as_deref());
        let text = chapter
            .doc
            .segments()
            .into_iter()
            .filter_map(|segment| match segment {
                Segment::Text { blocks, footnotes } => Some((blocks, footnotes)),
                Segment::Tree(_) => None,
            })
            .nth(props.stretch);
        let Some((blocks, footnotes)) = text else {
            return Html::default();
        };
        html! {
            <Router history={history} basename={props.basename.clone()}>
                { render_text(&chapter.doc, blocks, footnotes, &own_path) }
            </Router>
        }
    }
}
