//! What the view says about each page: its name in the navigation, and the title and description
//! of the document head (prerendered and live). One exhaustive `match` per question, over the
//! core's table of pages, so that a new page cannot be forgotten here.

use guide_core::{GuidePath, Page};

use crate::content::compiled::book;
use crate::strings;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: String,
    pub description: String,
}

/// The page's name in the navigation.
pub fn nav_label(page: Page) -> &'static str {
    match page {
        Page::Home => strings::NAV_HOME,
        Page::Contents => strings::NAV_BOOK,
        Page::Readiness => strings::NAV_READINESS,
        Page::Structure => strings::NAV_STRUCTURE,
        Page::Plan => strings::NAV_PLAN,
        Page::Workshop => strings::NAV_WORKSHOP,
        Page::Check5230 => strings::NAV_CHECK_5230,
        Page::Check18974 => strings::NAV_CHECK_18974,
        Page::Search => strings::NAV_SEARCH,
        Page::Progress => strings::NAV_PROGRESS,
    }
}

/// The page's title and a sentence about it, for its card on the home page and its head.
fn about(page: Page) -> (&'static str, &'static str) {
    match page {
        Page::Home => (strings::GUIDE_NAME, strings::HOME_LEAD),
        Page::Contents => (strings::CONTENTS_TITLE, strings::CONTENTS_INTRO),
        Page::Readiness => (strings::HOME_READINESS_TITLE, strings::HOME_READINESS_TEXT),
        Page::Structure => (strings::HOME_STRUCTURE_TITLE, strings::HOME_STRUCTURE_TEXT),
        Page::Plan => (strings::PLAN_TITLE, strings::PLAN_INTRO),
        Page::Workshop => (strings::WORKSHOP_TITLE, strings::WORKSHOP_INTRO),
        Page::Check5230 => (strings::CHECK_5230_TITLE, strings::CHECK_5230_TEXT),
        Page::Check18974 => (strings::CHECK_18974_TITLE, strings::CHECK_18974_TEXT),
        Page::Search => (strings::NAV_SEARCH, strings::HOME_SEARCH_TEXT),
        Page::Progress => (strings::NAV_PROGRESS, strings::FOOTER_PRIVACY),
    }
}

/// The card of a page on the home page: (title, text).
pub fn card(page: Page) -> (&'static str, &'static str) {
    match page {
        Page::Contents => (strings::HOME_READ_TITLE, strings::HOME_READ_TEXT),
        Page::Search => (strings::HOME_SEARCH_TITLE, strings::HOME_SEARCH_TEXT),
        other => about(other),
    }
}

/// The head metadata of a root-relative path.
pub fn meta_for(path: &str) -> PageMeta {
    let page = |name: &str, description: &str| PageMeta {
        title: format!("{name} · {}", strings::GUIDE_NAME),
        description: description.to_string(),
    };
    match GuidePath::parse(path) {
        Some(GuidePath::Page(Page::Home)) => PageMeta {
            title: format!("{} · {}", strings::GUIDE_NAME, strings::HOME_SUBTITLE),
            description: strings::HOME_LEAD.to_string(),
        },
        Some(GuidePath::Page(other)) => {
            let (name, description) = about(other);
            page(name, description)
        }
        Some(GuidePath::Chapter(slug)) => match book().chapter(&slug) {
            Some(chapter) => page(&chapter.meta.title, &chapter.meta.summary),
            None => page(strings::NOT_FOUND_TITLE, strings::NOT_FOUND_TEXT),
        },
        None => page(strings::NOT_FOUND_TITLE, strings::NOT_FOUND_TEXT),
    }
}
