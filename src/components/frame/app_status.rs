//! Unobtrusive status of the app itself: offline, and a new version ready to switch to.

use yew::prelude::*;

use crate::hooks::online::use_online;
use crate::hooks::service_worker::use_service_worker;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct AppStatusProps {
    /// Register the service worker (the site and the installed app; never the widget).
    pub offline_capable: bool,
}

#[component]
pub fn AppStatus(props: &AppStatusProps) -> Html {
    let online = use_online();
    let worker = use_service_worker(props.offline_capable);
    let apply = worker.apply_update.clone();
    html! {
        <div class="app-status" role="status">
            if !online {
                <p class="offline-badge" data-testid="offline-indicator">{ strings::OFFLINE }</p>
            }
            if worker.update_ready {
                <p class="update-banner" data-testid="update-available">
                    { strings::UPDATE_READY }{ " " }
                    <button type="button" onclick={move |_| apply.emit(())}>{ strings::UPDATE_APPLY }</button>
                </p>
            }
        </div>
    }
}
