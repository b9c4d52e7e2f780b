//! The pages of the guide, in one table. Routes, navigation, prerendered files, the sitemap,
//! widget views and link checking are all derived from [`Page`] and [`GuidePath`], so that adding
//! a page is one variant here and the compiler then asks for it in each exhaustive `match` of
//! the view (its route, its title, its place in the navigation).

/// A page of the guide that is not a chapter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// The home page, at `/`.
    Home,
    /// The book's table of contents, at `/book/`.
    Contents,
    /// The readiness decision tree: whether the organization needs an office, and its first 90
    /// days.
    Readiness,
    /// The structure decision tree: where an office reports, its shape, its size and its funding.
    Structure,
    /// The reader's 90-day plan.
    Plan,
    /// Colleagues' answers brought together.
    Workshop,
    /// The ISO/IEC 5230 (licence compliance) self-check.
    Check5230,
    /// The ISO/IEC 18974 (security assurance) self-check.
    Check18974,
    /// The search page: full-text search across the book.
    Search,
    /// "Your data": what the guide keeps and where, with export, import and erase.
    Progress,
}

impl Page {
    /// Every page, in the order of the navigation.
    pub const ALL: [Page; 10] = [
        Page::Home,
        Page::Contents,
        Page::Readiness,
        Page::Structure,
        Page::Plan,
        Page::Workshop,
        Page::Check5230,
        Page::Check18974,
        Page::Search,
        Page::Progress,
    ];

    /// Whether the home page offers the page as a way in (every page but home and the reader's
    /// data, in the table's order).
    pub fn is_way_in(self) -> bool {
        !matches!(self, Page::Home | Page::Progress)
    }

    /// Whether the main navigation lists the page (the others are reached from the home page
    /// and from the pages that lead to them).
    pub fn in_navigation(self) -> bool {
        !matches!(self, Page::Workshop | Page::Check5230 | Page::Check18974)
    }

    /// The page's root-relative path.
    pub fn path(self) -> &'static str {
        match self {
            Page::Home => "/",
            Page::Contents => "/book/",
            Page::Readiness => "/readiness/",
            Page::Structure => "/structure/",
            Page::Plan => "/plan/",
            Page::Workshop => "/workshop/",
            Page::Check5230 => "/conformance/5230/",
            Page::Check18974 => "/conformance/18974/",
            Page::Search => "/search/",
            Page::Progress => "/progress/",
        }
    }

    /// The value of a widget's `view` attribute that shows this page, if a widget may show it.
    /// ("Your data" is the site's: a widget's data belongs to its host's namespace. The workshop
    /// needs room and files; a widget links to it.)
    pub fn widget_view(self) -> Option<&'static str> {
        match self {
            Page::Home => Some("home"),
            Page::Contents => Some("book"),
            Page::Readiness => Some("readiness"),
            Page::Structure => Some("structure"),
            Page::Plan => Some("plan"),
            Page::Check5230 => Some("conformance-5230"),
            Page::Check18974 => Some("conformance-18974"),
            Page::Search => Some("search"),
            Page::Progress | Page::Workshop => None,
        }
    }

    /// The decision tree this page runs, if any (its id in `content/trees/`).
    pub fn tree(self) -> Option<&'static str> {
        match self {
            Page::Readiness => Some("readiness"),
            Page::Structure => Some("structure"),
            Page::Home
            | Page::Contents
            | Page::Plan
            | Page::Workshop
            | Page::Check5230
            | Page::Check18974
            | Page::Search
            | Page::Progress => None,
        }
    }

    /// The self-check this page runs, if any (its id in `content/conformance/`).
    pub fn check(self) -> Option<&'static str> {
        match self {
            Page::Check5230 => Some("iso-5230"),
            Page::Check18974 => Some("iso-18974"),
            _ => None,
        }
    }

    /// The page of the self-check with this id.
    pub fn of_check(check: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.check() == Some(check))
    }

    /// Whether search engines should index the page (pages of the reader's own data are
    /// private).
    pub fn indexed(self) -> bool {
        !matches!(self, Page::Progress | Page::Plan | Page::Workshop)
    }

    /// The page of the tree with this id.
    pub fn of_tree(tree: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.tree() == Some(tree))
    }
}

/// A place in the guide: a page or a chapter. Shared by link validation, the router and the
/// prerenderer, so that they agree on what exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuidePath {
    /// A page that is not a chapter.
    Page(Page),
    /// A chapter of the book, by slug.
    Chapter(String),
}

impl GuidePath {
    /// Parses a root-relative path (without query or fragment).
    pub fn parse(path: &str) -> Option<GuidePath> {
        let path = path.split('?').next().unwrap_or(path);
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        if let ["book", slug] = segments.as_slice() {
            return Some(GuidePath::Chapter((*slug).to_string()));
        }
        let normal = if segments.is_empty() {
            "/".to_owned()
        } else {
            format!("/{}/", segments.join("/"))
        };
        Page::ALL
            .into_iter()
            .find(|p| p.path() == normal)
            .map(GuidePath::Page)
    }

    /// Every path that is not a chapter, in navigation order.
    pub fn pages() -> impl Iterator<Item = GuidePath> {
        Page::ALL.into_iter().map(GuidePath::Page)
    }

    /// The page a widget shows for its `view` attribute (see [`Page::widget_view`]), or a
    /// chapter as `chapter:<slug>`. `None` for anything else.
    pub fn from_widget_view(view: &str) -> Option<GuidePath> {
        let view = match view.trim() {
            "" => "home",
            other => other,
        };
        if let Some(slug) = view.strip_prefix("chapter:") {
            return crate::id::is_valid_id(slug).then(|| GuidePath::Chapter(slug.to_string()));
        }
        Page::ALL
            .into_iter()
            .find(|p| p.widget_view() == Some(view))
            .map(GuidePath::Page)
    }

    /// The root-relative path of the page or chapter, such as `/plan/` or `/book/<slug>/`.
    pub fn to_path(&self) -> String {
        match self {
            GuidePath::Page(page) => page.path().to_owned(),
            GuidePath::Chapter(slug) => crate::book::chapter_path(slug),
        }
    }
}

impl From<Page> for GuidePath {
    fn from(page: Page) -> Self {
        GuidePath::Page(page)
    }
}

#[cfg(test)]
mod tests {
    use super::{GuidePath, Page};

    #[test]
    fn widget_views_map_to_pages() {
        assert_eq!(
            GuidePath::from_widget_view("readiness"),
            Some(GuidePath::Page(Page::Readiness))
        );
        assert_eq!(
            GuidePath::from_widget_view(" book "),
            Some(GuidePath::Page(Page::Contents))
        );
        assert_eq!(
            GuidePath::from_widget_view("chapter:why-an-ospo"),
            Some(GuidePath::Chapter("why-an-ospo".into()))
        );
        for bad in [
            "chapter:",
            "chapter:../x",
            "chapter:<script>",
            "progress",
            "javascript:alert(1)",
        ] {
            assert_eq!(GuidePath::from_widget_view(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_page_round_trips_and_is_listed_once() {
        for page in Page::ALL {
            let path = GuidePath::Page(page);
            assert_eq!(GuidePath::parse(&path.to_path()), Some(path));
            assert_eq!(Page::ALL.iter().filter(|p| **p == page).count(), 1);
        }
        assert_eq!(
            GuidePath::parse("/book/x/"),
            Some(GuidePath::Chapter("x".into()))
        );
        assert_eq!(GuidePath::parse("/nope/"), None);
        assert_eq!(GuidePath::parse("/book/x/y/"), None);
    }

    #[test]
    fn tree_pages_know_their_tree() {
        assert_eq!(Page::of_tree("readiness"), Some(Page::Readiness));
        assert_eq!(Page::of_tree("nope"), None);
    }
}
