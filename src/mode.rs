//! Where the guide is running: the site (and installed app), or a widget inside someone else's
//! page. Effects that touch the page outside the guide (title, keyboard, scrolling, service
//! worker) ask this first, so that a widget never changes its host.

use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Site,
    /// Embedded in a host page; `guide_url` is where the full guide lives (ends with `/`), for
    /// links that open it in a new tab.
    Widget { guide_url: AttrValue },
}

impl Mode {
    pub fn is_widget(&self) -> bool {
        matches!(self, Mode::Widget { .. })
    }
}

#[hook]
pub fn use_mode() -> Mode {
    use_context::<Mode>().unwrap_or_default()
}
