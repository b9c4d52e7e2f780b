//! Every user-facing string of the interface, in one place, so that a translation is a new file.
//!
//! Constants hold fixed texts; the `…_problem` functions turn the core's error values into
//! sentences for the reader (the core's own messages are for logs and tests). A technical detail
//! that comes from the data itself (a bad id, a count) is shown after the sentence, as it is.

use guide_core::plan::ForgeError;
use guide_core::progress::{
    DecodeError, EncodeError, EventError, ImportError, ValidationError, MAX_BYTES,
};
use guide_core::share::ShareError;
use guide_core::workshop::FileError;

pub const GUIDE_NAME: &str = "OSPO Guide";
pub const SKIP_LINK: &str = "Skip to content";
pub const NAV_LABEL: &str = "Main";
pub const NAV_HOME: &str = "Home";
pub const NAV_BOOK: &str = "Book";
pub const NAV_READINESS: &str = "Readiness";
pub const NAV_STRUCTURE: &str = "Structure";
pub const NAV_SEARCH: &str = "Search";
pub const NAV_PLAN: &str = "Plan";
pub const NAV_WORKSHOP: &str = "Workshop";
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
pub const READING_PROGRESS: &str = "Reading progress";
pub const ANCHOR_LABEL: &str = "Link to this section";
pub const FOOTNOTES_LABEL: &str = "Notes";
pub const FOOTNOTE_BACK: &str = "Back to text";
pub const TABLE_LABEL: &str = "Table";
pub const TASK_DONE: &str = "Done: ";
pub const TASK_TO_DO: &str = "To do: ";
pub const AUDIENCE_NOTE: &str = "Note for";

pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_TEXT: &str =
    "There is no page at this address. It may have moved, or the link may have a typo.";
pub const NOT_FOUND_CONTENTS: &str = "See all chapters";
pub const NOT_FOUND_HOME: &str = "Go to the home page";

pub const HOME_LEAD: &str = "A free, open guide to Open Source Program Offices (OSPOs) for executives, OSPO leaders, developers, researchers and legal teams. Read the book, check whether your organization is ready for an OSPO, and find the structure that fits it.";
pub const HOME_SUBTITLE: &str = "Open Source Program Offices";
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

pub const FILTER_LABEL: &str = "Show chapters for";
pub const FILTER_ALL: &str = "Everyone";

/// The name of an audience as the interface shows it.
pub fn audience_name(audience: guide_core::Audience) -> &'static str {
    match audience {
        guide_core::Audience::Executives => "Executives and policy-makers",
        guide_core::Audience::Managers => "OSPO program managers and leaders",
        guide_core::Audience::Developers => "Developers, researchers, students and educators",
        guide_core::Audience::Legal => "Legal and compliance professionals",
    }
}

/// A short name of an audience, for filters and tags.
pub fn audience_short(audience: guide_core::Audience) -> &'static str {
    match audience {
        guide_core::Audience::Executives => "Executives",
        guide_core::Audience::Managers => "Program managers",
        guide_core::Audience::Developers => "Developers and researchers",
        guide_core::Audience::Legal => "Legal and compliance",
    }
}

pub const SEARCH_TITLE: &str = "Search the guide";
pub const SEARCH_LABEL: &str = "Search every chapter";
pub const SEARCH_PLACEHOLDER: &str = "For example: SBOM, licence compliance, executive sponsor";
pub const SEARCH_HINT: &str = "Results appear as you type. Press Escape to leave search.";
pub const SEARCH_NO_RESULTS: &str = "No section of the guide matches";
pub const SEARCH_SUGGESTIONS: &str = "Perhaps one of these chapters has what you are looking for:";
pub const SEARCH_RESULTS_COUNT: &str = "results";
pub const SEARCH_RESULT_ONE: &str = "result";
pub const SEARCH_CHAPTER_OPENING: &str = "Introduction";

pub const NOTICE_LABEL: &str = "About your saved data";
pub const NOTICE_BLOCKED: &str = "This browser does not let the guide save anything here (storage is blocked, perhaps by privacy settings or because the guide is embedded in another site). Everything works, but your progress will be forgotten when you close the page.";
pub const NOTICE_FULL: &str = "This browser's storage is full, so your latest changes are kept only until you close the page. Export your data from “Your data” to keep it.";
pub const NOTICE_KEPT: &str = "Your saved data could not be read by this version of the guide, so it has been kept exactly as it was (and copied to a backup). Nothing will be written over it. You can download it, or start fresh: your old data stays in the backup.";
pub const NOTICE_REASON: &str = "What went wrong:";
pub const NOTICE_TOO_LARGE: &str = "Your data has grown beyond what this browser can keep for the guide (usually because two tabs added to it at once), so your latest changes are kept only until you close the page. Export your data from “Your data”, or remove older results there, to bring it back under the limit.";
pub const NOTICE_REFUSED: &str = "Your last change was not kept:";
pub const NOTICE_REFUSED_WHAT_TO_DO: &str =
    "Export your data from “Your data” and remove older results there; then try again.";
pub const NOTICE_DISMISS: &str = "Dismiss";
pub const NOTICE_DOWNLOAD: &str = "Download the kept data";
pub const NOTICE_START_FRESH: &str = "Start fresh";

pub const STATUS_NOT_STARTED: &str = "Not started";
pub const STATUS_IN_PROGRESS: &str = "In progress";
pub const STATUS_READ: &str = "Read";
pub const MARK_READ: &str = "Mark as read";
pub const MARK_UNREAD: &str = "Mark as unread";

pub const CONTINUE_TITLE: &str = "Continue where you left off";
pub const PATH_TITLE: &str = "Your reading path";
pub const PATH_INTRO: &str =
    "Tell the guide who you are (optional) and it suggests an order of chapters for your role.";
pub const PATH_QUESTION: &str = "I am reading as";
pub const PATH_OF: &str = "of";
pub const PATH_READ: &str = "chapters read";
pub const PATH_WHY: &str = "Why this order?";

pub const THEME_LABEL: &str = "Theme";
pub const THEME_AUTO: &str = "System";
pub const THEME_LIGHT: &str = "Light";
pub const THEME_DARK: &str = "Dark";

pub const TREE_QUESTION: &str = "Question";
pub const TREE_OF_ABOUT: &str = "of about";
pub const TREE_WHY: &str = "Why this question?";
pub const TREE_LEARN_MORE: &str = "Read more in the book";
pub const TREE_BACK: &str = "Back";
pub const TREE_NEXT: &str = "Next";
pub const TREE_SEE_RESULT: &str = "See result";
pub const TREE_RESTART: &str = "Start again";
pub const TREE_REWORDED: &str =
    "This question changed since you answered it. Check that your answer still fits.";
pub const TREE_ANSWERS_LABEL: &str = "Your answers so far";
pub const TREE_CHANGE_ANSWER: &str = "Change";
pub const TREE_SHARE_ERROR: &str = "This share link could not be opened: ";
pub const TREE_SHARE_ERROR_AFTER: &str = " You can answer the questions yourself below.";
pub const SHARED_TITLE: &str = "Answers someone shared with you";
pub const SHARED_TEXT: &str = "These are another person’s answers, shown as they were shared. They are not saved, and they do not change your own answers or your results history unless you use them.";
pub const SHARED_REPLACES_OWN: &str = "You have answers of your own in progress for these questions; using the shared ones replaces them (your results history is kept).";
pub const SHARED_UNFINISHED: &str =
    "The shared answers stop before the end, so there is no result yet.";
pub const SHARED_ADOPT: &str = "Use these answers as mine";
pub const SHARED_DISMISS_OWN: &str = "Back to my own answers";
pub const SHARED_DISMISS: &str = "Answer the questions myself";
pub const TREE_UNAVAILABLE: &str =
    "This decision tree is not available in this build of the guide.";

/// The fixed words of a result, on the page and in its Markdown report.
pub const REPORT_LABELS: guide_core::report::ReportLabels = guide_core::report::ReportLabels {
    scores: "Scores",
    dimension: "Dimension",
    score: "Score",
    of: "of",
    total: "Total",
    answers: "Your answers",
    decisive: "decisive",
    firmness: "How firm this result is",
    had_you_answered: "Had you answered",
    result_would_be: "the result would be",
    instead_applies: "this would apply instead",
    unknown_gives: "you answered “don’t know”; other answers give",
    firm: "No single answer, moved one step, changes this result.",
    applies: "What applies to your organization",
    plan: "Your first 90 days",
    windows: [
        "Days 1–30",
        "Days 31–60",
        "Days 61–90",
        "After the first 90 days",
    ],
    owner: "Owner",
    done_when: "Done when",
    already_done: "already in place",
    trade_offs: "Trade-offs",
    risks: "Risks to watch",
    frameworks: "Where this sits in the standards",
    made_on: "Made with the OSPO Guide on",
    reopen: "Reopen it:",
};

pub const CHART_CAPTION: &str = "Scores by dimension";

pub const RESULT_KICKER: &str = "Our recommendation";
pub const RESULT_WHY: &str = "The answers that led here";
pub const RESULT_ALTERNATIVES: &str = "The result holds, but part of the advice sits on a boundary: moving one of these answers one step would change it.";
pub const RESULT_ALTERNATIVES_TOO: &str =
    "These answers, moved one step, keep the result but change part of the advice:";
pub const RESULT_BORDERLINE: &str = "This result is close to another: one of your answers, moved one step, changes it. Check the answers below with a colleague before you act on it.";
pub const RESULT_UNKNOWNS: &str = "Finding out these answers may change the advice:";
pub const RESULT_UNKNOWN_KEEPS: &str = "some answers keep this result";
pub const PLAN_HINT: &str = "Steps for this organization, with an owner and a sign that each is done. Steps your answers show you have already taken are ticked.";
pub const PLAN_DONE: &str = "Already in place";
pub const FRAMEWORKS_HINT: &str = "The clauses and activities of public frameworks that this advice and its steps touch, for audits and for talking with peers.";
pub const CARRY_TITLE: &str = "You have answered some of these questions already";
pub const CARRY_TEXT: &str = "of the next questions are ones you answered in";
pub const CARRY_IN: &str = "the";
pub const CARRY_USE: &str = "Use those answers";
pub const TREE_HINT: &str = "How to find out:";
pub const RESULT_PRINT: &str = "Print report";
pub const RESULT_COPY_MARKDOWN: &str = "Copy as Markdown";
pub const RESULT_DOWNLOAD_JSON: &str = "Download JSON";
pub const RESULT_SHARE_LABEL: &str = "Share link";
pub const RESULT_COPY_LINK: &str = "Copy link";
pub const RESULT_SHARE_HINT: &str = "The link holds your answers in its last part, which browsers never send to a server. Anyone who opens it sees this result.";
pub const RESULT_COPIED_MARKDOWN: &str = "The report is on your clipboard as Markdown.";
pub const RESULT_COPIED_LINK: &str = "The share link is on your clipboard.";
pub const RESULT_COPY_FAILED: &str =
    "This browser did not allow copying. Select the text and copy it by hand.";

pub const HISTORY_TITLE: &str = "Your past results";
pub const HISTORY_HINT: &str = "Kept in this browser only. Tick two to compare them.";
pub const HISTORY_COMPARE: &str = "Two results side by side";
pub const HISTORY_RESULT: &str = "Result";
pub const TREE_PRIVACY: &str = "Your answers stay in this browser.";

pub const CANCEL: &str = "Cancel";
pub const DATA_TITLE: &str = "Your data";
pub const DATA_INTRO: &str = "Everything the guide remembers about you is kept in this browser's local storage, on this device. Nothing is sent anywhere: the guide has no server, no account and no tracking. Another browser or device knows nothing of it unless you move it there with an export.";
pub const DATA_WHAT_TITLE: &str = "What is kept";
pub const DATA_WHAT_CHAPTERS: &str =
    "which chapters you have read, how far you got in each, and the last place you read;";
pub const DATA_WHAT_TREES: &str =
    "your answers to the readiness and structure questions, so that you can come back to them;";
pub const DATA_WHAT_RESULTS: &str = "the results you reached, with their dates;";
pub const DATA_WHAT_PREFS: &str = "your theme and, if you chose one, the audience you read as.";
pub const DATA_SUMMARY_TITLE: &str = "Your progress";
pub const DATA_CHAPTERS_READ: &str = "chapters read";
pub const DATA_IN_PROGRESS: &str = "in progress";
pub const DATA_RESULTS_KEPT: &str = "results kept";
pub const DATA_FLAGS_TITLE: &str = "Things that changed since you saved them";
pub const FLAG_UNKNOWN_CHAPTER: &str =
    "You have progress in a chapter that is no longer in the guide:";
pub const FLAG_CHANGED_QUESTION: &str = "This question changed since you answered it:";
pub const FLAG_UNKNOWN_QUESTION: &str = "You answered a question that is no longer asked:";
pub const KEEP_TITLE: &str = "Keeping it in this browser";
pub const KEEP_MAY_BE_CLEARED: &str = "This browser may clear the guide's data on its own, for example when the device runs short of space. You can ask it to keep the data until you clear it yourself.";
pub const KEEP_BUTTON: &str = "Ask this browser to keep it";
pub const KEEP_KEPT: &str = "This browser keeps the guide's data until you clear it yourself (or clear this site's data in the browser's settings).";
pub const KEEP_DECLINED: &str = "The browser declined for now. Browsers decide by how much a site is used, and an installed guide is more likely to be kept.";
pub const KEEP_EXPORT_STILL: &str = "An export is still the only copy outside this browser.";
pub const EXPORT_TITLE: &str = "Export";
pub const EXPORT_TEXT: &str =
    "Download everything as one JSON file, to keep a copy or to carry it to another browser.";
pub const EXPORT_BUTTON: &str = "Download my data";
pub const EXPORT_FAILED: &str = "The export could not be made:";
pub const IMPORT_TITLE: &str = "Import";
pub const IMPORT_TEXT: &str = "Load a file exported from the guide. You will see what it would change before anything happens.";
pub const IMPORT_CHOOSE: &str = "Choose an export file";
pub const IMPORT_PREVIEW: &str = "What this file would change";
pub const IMPORT_MERGE_TITLE: &str = "Merge";
pub const IMPORT_MERGE_TEXT: &str = "Keep what is here and add what the file has.";
pub const IMPORT_REPLACE_TITLE: &str = "Replace";
pub const IMPORT_REPLACE_TEXT: &str = "Forget what is here and take the file instead.";
pub const IMPORT_MERGE: &str = "Merge";
pub const IMPORT_REPLACE: &str = "Replace";
pub const IMPORT_NEWLY_READ: &str = "chapters become read";
pub const IMPORT_UNREAD: &str = "chapters are no longer read";
pub const IMPORT_TREES: &str = "trees get other answers";
pub const IMPORT_RESULTS_ADDED: &str = "results are added";
pub const IMPORT_RESULTS_REMOVED: &str = "results are removed";
pub const IMPORT_STEPS: &str = "plan steps change";
pub const IMPORT_CHECKS: &str = "self-checks get other answers";
pub const IMPORT_PREFS: &str = "your theme or audience changes";
pub const IMPORT_NOTHING: &str = "nothing changes";
pub const IMPORT_REFUSED: &str = "Nothing was changed:";
pub const IMPORT_TOO_LARGE: &str = "the file is larger than 1 MB:";
pub const IMPORT_BYTES: &str = "bytes.";
pub const IMPORT_UNREADABLE: &str = "Nothing was changed: the file could not be read.";
pub const IMPORT_DONE: &str = "Imported. Your data is updated.";
pub const ERASE_TITLE: &str = "Erase";
pub const ERASE_TEXT: &str = "Remove everything the guide keeps in this browser: reading progress, answers, results and preferences.";
pub const ERASE_BUTTON: &str = "Erase everything…";
pub const ERASE_CONFIRM: &str =
    "Erase all your data in this browser? This cannot be undone (unless you have an export).";
pub const ERASE_YES: &str = "Yes, erase everything";
pub const ERASE_DONE: &str = "Everything is erased.";

pub const OFFLINE: &str = "Offline: everything here still works.";
pub const UPDATE_READY: &str = "A new version of the guide is ready.";
pub const UPDATE_APPLY: &str = "Switch to it";

pub const WIDGET_NAV: &str = "Guide";
pub const WIDGET_OPEN_FULL: &str = "Open the full guide ↗";
pub const WIDGET_NEW_TAB: &str = " (opens in a new tab)";
pub const WIDGET_UNKNOWN_VIEW: &str =
    "This widget was given a view it does not know, so it shows the start instead:";

pub const PANIC_TITLE: &str = "Something went wrong in the guide";
pub const PANIC_TEXT: &str = "The guide stopped because of an error on our side. Your saved data is safe in this browser. Reload to try again, or download your data first.";
pub const PANIC_RELOAD: &str = "Reload the guide";
pub const PANIC_DOWNLOAD: &str = "Download my data";

pub const MENU: &str = "Menu";

pub const CHAPTER_LOADING: &str = "Loading the chapter’s text…";
pub const CHAPTER_LOAD_FAILED: &str =
    "The chapter’s text could not be loaded. Check your connection and try again; what you have read so far is kept.";
pub const TRY_AGAIN: &str = "Try again";
pub const SEARCH_PREPARING: &str = "Preparing the search…";
pub const SEARCH_LOAD_FAILED: &str =
    "The search could not be prepared: the chapters’ text could not be loaded. Check your connection and try again.";

pub const BACKUPS_TITLE: &str = "Kept copies of unreadable data";
pub const BACKUPS_TEXT: &str = "When the guide finds saved data it cannot read, it keeps a copy here, untouched, so that nothing is lost. The newest five are kept.";
pub const BACKUPS_DOWNLOAD: &str = "Download";
pub const BACKUPS_BYTES: &str = "bytes";
pub const BACKUPS_LEGACY: &str = "copy from an earlier version";

/// Why stored data or a file could not be read, for the reader.
pub fn decode_problem(error: &DecodeError) -> String {
    match error {
        DecodeError::Unreadable { detail } => {
            format!("it is not data the guide can read ({detail}).")
        }
        DecodeError::FromFuture { found } => format!(
            "it was written by a newer version of the guide (data format {found}); open the newest version of the guide to read it."
        ),
        DecodeError::Invalid(invalid) => {
            format!("it breaks one of the guide's rules for data: {}.", validation_problem(invalid))
        }
        DecodeError::TooLarge { size } => {
            format!("it is {size} bytes long, more than the {MAX_BYTES} the guide reads.")
        }
    }
}

/// What is wrong inside the data (technical, shown after a sentence).
pub fn validation_problem(error: &ValidationError) -> String {
    error.to_string()
}

/// Why the data could not be saved.
pub fn save_problem(error: &EncodeError) -> String {
    match error {
        EncodeError::Invalid(invalid) => validation_problem(invalid),
        EncodeError::TooLarge { size } => {
            format!("{size} bytes, more than the {MAX_BYTES} the guide keeps")
        }
        EncodeError::Json { detail } => detail.clone(),
    }
}

/// Why a change was not kept.
pub fn refused_change(error: &EventError) -> String {
    match error {
        EventError::Invalid(invalid) => validation_problem(invalid),
        EventError::DuplicateResult => {
            "this result is already in your history, or you removed it earlier.".to_owned()
        }
        EventError::TooLarge { max } => {
            format!("your data would grow beyond the {max} bytes the guide keeps.")
        }
    }
}

/// Why a file could not be imported.
pub fn import_problem(error: &ImportError) -> String {
    let sentence = match error {
        ImportError::TooLarge { size } => {
            format!("the file is {size} bytes long, more than the {MAX_BYTES} the guide reads.")
        }
        ImportError::WrongFormat { detail } => {
            format!("this file is not an export of the guide's data ({detail}).")
        }
        ImportError::NewerSchema { found } => format!(
            "this file was exported by a newer version of the guide (data format {found})."
        ),
        ImportError::Invalid(invalid) => format!(
            "this file has data the guide does not accept: {}.",
            validation_problem(invalid)
        ),
        ImportError::MergeTooLarge => "together with the data already here, this file would be more than the guide can keep; “Replace” may still work, or remove older results first.".to_owned(),
        ImportError::ReplaceTooLarge => "together with the changes made since you chose the file, this would be more than the guide can keep; remove older results and try again.".to_owned(),
    };
    format!("{IMPORT_REFUSED} {sentence}")
}

/// Why a share link could not be opened.
pub fn share_problem(error: &ShareError) -> String {
    match error {
        ShareError::Empty => "the link has no answers in it.".to_owned(),
        ShareError::TooLong { len } => {
            format!("the link is {len} characters long, too long to be one of the guide's.")
        }
        ShareError::Malformed { .. } | ShareError::InvalidPath { .. } => {
            "the link is damaged (perhaps cut short when it was copied).".to_owned()
        }
        ShareError::WrongVersion { .. } => {
            "the link was made by another version of the guide.".to_owned()
        }
        ShareError::Tampered => {
            "the link was changed, or was made for another version of these questions.".to_owned()
        }
    }
}

/// Why a file could not be brought into the workshop (the view names the file before it).
pub fn workshop_file_problem(error: &FileError) -> String {
    match error {
        FileError::TooLarge { size } => format!("it is larger than 1 MB ({size} bytes)"),
        FileError::NotText => "it is not a text file".to_owned(),
        FileError::Unrecognized => "it is not a file the guide wrote (a data export, a result’s JSON, share links or a saved workshop)".to_owned(),
        FileError::Invalid { reason } => format!("it is damaged or was changed by hand ({reason})"),
        FileError::NoAnswers => "it holds no answers to this guide’s trees".to_owned(),
    }
}

/// Why a kept workshop is not one: the stored value holds answers, not a saved workshop.
pub const WORKSHOP_STORED_NOT_WORKSHOP: &str = "it is not a saved workshop";

/// Why a project address cannot be used for new-issue links.
pub fn forge_problem(error: &ForgeError) -> String {
    let sentence = match error {
        ForgeError::NotHttps => "it must start with https://.",
        ForgeError::NoProject => {
            "it must name a host and a project, such as https://github.com/acme/ospo."
        }
        ForgeError::BadCharacters => {
            "after the host it may hold only letters, digits, “.”, “-”, “_” and “/”, and no part of it may start with “.”."
        }
        ForgeError::NotGitHub => "a GitHub project address is https://github.com/<owner>/<repository>.",
    };
    sentence.to_owned()
}

// The plan page.
pub const PLAN_TITLE: &str = "Your 90-day plan";
pub const PLAN_INTRO: &str = "The steps of your latest results, with the chapter checklists they point to. Tick what is done, name owners and due dates, and take the plan to your tracker. It stays in this browser with the rest of your data.";
pub const PLAN_FROM: &str = "From";
pub const PLAN_EMPTY: &str = "There is no plan yet: it comes from a result. Take the readiness check or the structure check, and its first 90 days appear here.";
pub const PLAN_STALE: &str =
    "was made with an earlier version of its questions; take it again to get its plan.";
pub const PLAN_DONE_FROM_ANSWERS: &str = "In place, from your answers";
pub const PLAN_SUGGESTED: &str = "suggested:";
pub const PLAN_DUE: &str = "Due";
pub const PLAN_OWNER: &str = "Owner";
pub const PLAN_PROGRESS: &str = "steps done of";
pub const PLAN_CHECKLIST: &str = "Checklist from the book";
pub const PLAN_REMOVE_GAP: &str = "Take out of the plan";
pub const PLAN_NEW_ISSUE: &str = "New issue";
pub const PLAN_EXPORT_TITLE: &str = "Take the plan to your tracker";
pub const PLAN_EXPORT_TEXT: &str = "Nothing leaves this browser until you open a file or a link yourself; the guide needs no token and no server.";
pub const PLAN_EXPORT_MD: &str = "Download as Markdown";
pub const PLAN_EXPORT_CSV: &str = "Download as CSV for";
pub const PLAN_CSV_TRACKER: &str = "Tracker";
pub const PLAN_CSV_HINT: &str = "One row per step not yet done. GitLab: Issues, then Import CSV. Jira: System, External system import, CSV, and give the date format yyyy-MM-dd.";
pub const PLAN_FORGE_TITLE: &str = "New-issue links for a project";
pub const PLAN_FORGE_KIND: &str = "Forge";
pub const PLAN_FORGE_ADDRESS: &str = "Project address";
pub const PLAN_FORGE_HINT: &str = "Such as https://github.com/acme/ospo or https://gitlab.example.org/it/ospo. Each step then gets a link that opens the project's new-issue form, filled in.";
pub const PLAN_FORGE_PROBLEM: &str = "This address cannot be used:";
pub const PLAN_PRINT: &str = "Print the checklist";

// The workshop page.
pub const WORKSHOP_TITLE: &str = "Workshop";
pub const WORKSHOP_INTRO: &str = "Bring colleagues' answers together: see where they agree and where they split, and agree a group answer question by question. Everything stays in this browser.";

/// The fixed words of an exported plan.
pub const PLAN_LABELS: guide_core::plan::PlanLabels = guide_core::plan::PlanLabels {
    title: "Our open source plan",
    windows: REPORT_LABELS.windows,
    gaps: "Gaps from the self-checks",
    owner: "Owner",
    due: "Due",
    done_when: "Done when",
    read_more: "Read more",
    frameworks: "Frameworks",
    checklist: "Checklist",
    done: "done",
};
pub const WORKSHOP_IMPORT_TITLE: &str = "Bring in answers";
pub const WORKSHOP_IMPORT_TEXT: &str = "Ask each colleague to take the checks in their own browser and send you their data export (Your data, Export) or a result's JSON download. Add the files here, several at once, or paste share links. A saved workshop file reopens the workshop.";
pub const WORKSHOP_IMPORT_FILES: &str = "Files";
pub const WORKSHOP_PASTE: &str = "Or paste share links, one per line";
pub const WORKSHOP_PASTE_ADD: &str = "Add the links";
pub const WORKSHOP_SHARED_NAME: &str = "Shared link";
pub const WORKSHOP_TOO_LARGE: &str = "it is larger than 1 MB";
pub const WORKSHOP_UNREADABLE: &str = "the browser could not read it";
pub const WORKSHOP_ADDED: &str = "added";
pub const WORKSHOP_REOPENED: &str = "the saved workshop is open";
pub const WORKSHOP_REFUSED: &str = "not added, nothing changed:";
pub const WORKSHOP_PEOPLE: &str = "People";
pub const WORKSHOP_NOBODY: &str = "Nobody yet: add their files above.";
pub const WORKSHOP_NAME_OF: &str = "Name of person";
pub const WORKSHOP_FROM: &str = "from";
pub const WORKSHOP_UNFINISHED: &str = "unfinished";
pub const WORKSHOP_ANSWERS: &str = "answers";
pub const WORKSHOP_OLDER: &str = "answered an earlier version";
pub const WORKSHOP_REMOVE: &str = "Remove";
pub const WORKSHOP_QUESTIONS: &str = "Where people agree and where they split";
pub const WORKSHOP_SPLIT_OF: &str = "questions split the group, of";
pub const WORKSHOP_CHECK_ANSWERED_BY: &str = "Answered by";
pub const WORKSHOP_ITEMS_SPLIT: &str = "Items that split the group:";
pub const WORKSHOP_TAKE_MAJORITY: &str = "Take the majority's answer where there is one";
pub const WORKSHOP_SPLIT: &str = "split";
pub const WORKSHOP_AGREE: &str = "all agree";
pub const WORKSHOP_UNANSWERED: &str = "nobody answered";
pub const WORKSHOP_CHANGED: &str = "Answered an earlier version of this question:";
pub const WORKSHOP_GROUP_ANSWER: &str = "Group answer";
pub const WORKSHOP_UNDECIDED: &str = "Not decided";
pub const WORKSHOP_SCORES: &str = "Scores per person, and the median";
pub const WORKSHOP_PERSON: &str = "Person";
pub const WORKSHOP_MEDIAN: &str = "Median";
pub const WORKSHOP_GROUP_RESULT: &str = "The group's result";
pub const WORKSHOP_NEXT_DECISION: &str =
    "Decide the group's answers to see its result. Next on the group's walk:";
pub const WORKSHOP_SAVE: &str = "Save the workshop";
pub const WORKSHOP_PRINT: &str = "Print for the meeting";
pub const WORKSHOP_CLEAR: &str = "Close the workshop";
pub const WORKSHOP_STORED_UNREADABLE: &str = "A workshop kept in this browser could not be read, so it has been left as it was and nothing is saved over it:";
pub const WORKSHOP_DOWNLOAD_KEPT: &str = "Download it";
pub const WORKSHOP_START_FRESH: &str = "Start a new workshop over it";
pub const WORKSHOP_UNSAVED: &str = "This browser did not let the guide keep the workshop; it lasts until the page is closed. Save it to a file to keep it.";
pub const WORKSHOP_FULL: &str = "people were not added: a workshop holds at most";

// The self-checks.
pub const NAV_CHECK_5230: &str = "ISO/IEC 5230 check";
pub const NAV_CHECK_18974: &str = "ISO/IEC 18974 check";
pub const CHECK_5230_TITLE: &str = "Licence compliance self-check (ISO/IEC 5230)";
pub const CHECK_5230_TEXT: &str = "Check your licence compliance programme against every requirement of ISO/IEC 5230 (OpenChain), see the gaps and add them to your plan. A self-assessment, not a certification.";
pub const CHECK_18974_TITLE: &str = "Security assurance self-check (ISO/IEC 18974)";
pub const CHECK_18974_TEXT: &str = "Check your open source security assurance programme against every requirement of ISO/IEC 18974, see the gaps and add them to your plan. A self-assessment, not a certification.";
pub const CHECK_UNAVAILABLE: &str = "This self-check is not available in this build of the guide.";
pub const CHECK_EVIDENCE: &str = "Evidence:";
pub const CHECK_NA_WHEN: &str = "Not applicable when:";
pub const CHECK_PROGRESS: &str = "answered of";
pub const CHECK_RESULT: &str = "Where your programme stands";
pub const CHECK_ADD_TO_PLAN: &str = "Add the gaps to my plan";
pub const CHECK_ADDED: &str = "The gaps are in your plan.";
pub const CHECK_IN_PLAN: &str = "in your plan";
pub const CHECK_PLAN_STEP: &str = "Your readiness plan has a step for this:";
pub const CHECK_START_OVER: &str = "Start the check again";
pub const CHECK_SHARED_TITLE: &str = "Answers someone shared with you";
pub const CHECK_SHARED_TEXT: &str = "These are another person's answers, shown read-only. They are not saved unless you use them, which replaces your own answers to this check.";
pub const CHECK_SHARED_ADOPT: &str = "Use these answers as mine";
pub const CHECK_SHARED_DISMISS: &str = "Back to my own answers";
pub const CHECK_SHARE_ERROR: &str = "This share link could not be opened:";

/// The fixed words of a self-check's result, on the page and in its reports.
pub const CHECK_LABELS: guide_core::conformance::CheckReportLabels =
    guide_core::conformance::CheckReportLabels {
        self_assessment: "This is a self-assessment to help you plan. It is not a certification, and does not by itself let you claim conformance.",
        answered: "Answered",
        of: "of",
        conforms: "Every requirement is met, as you answered.",
        does_not_conform: "Not every requirement is met yet.",
        sections: "Sections",
        clause: "Clause",
        section: "Section",
        status: "Status",
        statuses: ["met", "not met", "incomplete"],
        gaps: "Gaps and what to do next",
        no_gaps: "No gaps among the answered items.",
        your_answer: "Your answer",
        verdicts: ["Yes", "Partly", "No", "Not applicable", "Don't know"],
        next_step: "Next step",
        learn_more: "Read more",
        declare: "How to declare conformance",
        made_on: "Made with the OSPO Guide on",
        reopen: "Reopen it:",
    };
pub const CHECK_SOURCE: &str = "Written in our own words from:";
pub const OPEN_TOOL: &str = "Open the";
pub const INTRO_FOLD: &str = "About these questions";
pub const INTRO_FOLD_PLAN: &str = "About this plan";
pub const PLAN_GROUP: &str = "workshop group";
pub const PLAN_SOURCE: &str = "Plan from";
pub const PLAN_SOURCE_MINE: &str = "my own results";
pub const PLAN_SOURCE_GROUP: &str = "the workshop group's results";
