//! Every user-facing string of the interface, in one place, so that a translation is a new file.

pub const GUIDE_NAME: &str = "OSPO Guide";
pub const TAGLINE: &str =
    "Open Source Program Offices: what they are, whether you need one, and how to build it.";
pub const SKIP_LINK: &str = "Skip to content";
pub const NAV_LABEL: &str = "Main";
pub const NAV_HOME: &str = "Home";
pub const NAV_BOOK: &str = "Book";
pub const NAV_READINESS: &str = "Readiness";
pub const NAV_STRUCTURE: &str = "Structure";
pub const NAV_SEARCH: &str = "Search";
pub const NAV_PROGRESS: &str = "Your data";
pub const FOOTER_PRIVACY: &str =
    "Everything you do here stays in this browser. There is no server and no tracking.";
pub const FOOTER_LICENSE: &str = "Text and code are open source.";

pub const CONTENTS_TITLE: &str = "Contents";
pub const CONTENTS_INTRO: &str = "Every chapter of the book, in reading order.";
pub const READING_MINUTES: &str = "min read";
pub const WORDS: &str = "words";
pub const PREVIOUS_CHAPTER: &str = "Previous";
pub const NEXT_CHAPTER: &str = "Next";
pub const CHAPTER_NAV_LABEL: &str = "Chapters";
pub const OUTLINE_LABEL: &str = "On this page";
pub const ANCHOR_LABEL: &str = "Link to this section";
pub const FOOTNOTES_LABEL: &str = "Notes";
pub const AUDIENCE_NOTE: &str = "Note for";
pub const WRITTEN_FOR: &str = "Written for";

pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_TEXT: &str =
    "There is no page at this address. It may have moved, or the link may have a typo.";
pub const NOT_FOUND_CONTENTS: &str = "See all chapters";
pub const NOT_FOUND_HOME: &str = "Go to the home page";

pub const COMING_SOON: &str = "Coming soon";

pub const HOME_LEAD: &str = "A free, open guide to Open Source Program Offices (OSPOs) for executives, OSPO leaders, developers, researchers and legal teams. Read the book, check whether your organization is ready for an OSPO, and find the structure that fits it.";
pub const HOME_WAYS_IN: &str = "Ways in";
pub const HOME_READ_TITLE: &str = "Read the book";
pub const HOME_READ_TEXT: &str = "Chapters on what an OSPO does, why and when you need one, how to set it up, run it and grow it.";
pub const HOME_READINESS_TITLE: &str = "Are you ready for an OSPO?";
pub const HOME_READINESS_TEXT: &str =
    "About fifteen questions that tell you what your organization should do now.";
pub const HOME_STRUCTURE_TITLE: &str = "Which OSPO structure fits?";
pub const HOME_STRUCTURE_TEXT: &str =
    "Where it should report, what shape it takes, how big it is and how it is funded.";
pub const HOME_SEARCH_TITLE: &str = "Search the guide";
pub const HOME_SEARCH_TEXT: &str = "Find any topic across every chapter, even offline.";

pub const TREE_EMBED_TEXT: &str = "This chapter comes with an interactive assessment.";
pub const TREE_READINESS_NAME: &str = "OSPO readiness assessment";
pub const TREE_STRUCTURE_NAME: &str = "OSPO structure advisor";
