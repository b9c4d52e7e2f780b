//! The title and description of each route, for the document head (prerendered and live).

use guide_core::GuidePath;

use crate::content::compiled::book;
use crate::strings;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: String,
    pub description: String,
}

/// The head metadata of a root-relative path.
pub fn meta_for(path: &str) -> PageMeta {
    let page = |name: &str, description: &str| PageMeta {
        title: format!("{name} · {}", strings::GUIDE_NAME),
        description: description.to_string(),
    };
    match GuidePath::parse(path) {
        Some(GuidePath::Home) => PageMeta {
            title: format!(
                "{} · {}",
                strings::GUIDE_NAME,
                "Open Source Program Offices"
            ),
            description: strings::HOME_LEAD.to_string(),
        },
        Some(GuidePath::Contents) => page(strings::CONTENTS_TITLE, strings::CONTENTS_INTRO),
        Some(GuidePath::Chapter(slug)) => match book().chapter(&slug) {
            Some(chapter) => page(&chapter.meta.title, &chapter.meta.summary),
            None => page(strings::NOT_FOUND_TITLE, strings::NOT_FOUND_TEXT),
        },
        Some(GuidePath::Readiness) => {
            page(strings::HOME_READINESS_TITLE, strings::HOME_READINESS_TEXT)
        }
        Some(GuidePath::Structure) => {
            page(strings::HOME_STRUCTURE_TITLE, strings::HOME_STRUCTURE_TEXT)
        }
        Some(GuidePath::Search) => page(strings::NAV_SEARCH, strings::HOME_SEARCH_TEXT),
        Some(GuidePath::Progress) => page(strings::NAV_PROGRESS, strings::FOOTER_PRIVACY),
        None => page(strings::NOT_FOUND_TITLE, strings::NOT_FOUND_TEXT),
    }
}
