//! The copies the guide kept of stored data it could not read, each with a download, so that a
//! reader can recover it with the version of the guide that wrote it (or by hand).

use guide_core::progress::{backup_index_key, legacy_backup_key, read_backup_index, Backup};
use guide_core::report::iso_date;
use yew::prelude::*;

use crate::browser::download::download;
use crate::browser::storage::Store;
use crate::components::frame::state_provider::Namespace;
use crate::strings;

#[component]
pub fn DataBackups() -> Html {
    let namespace = use_context::<Namespace>().map_or_else(|| "default".into(), |n| n.0);
    let backups = use_state(Vec::<Backup>::new);
    {
        // Storage is read after rendering, never while rendering.
        let backups = backups.clone();
        use_effect_with(namespace.clone(), move |namespace| {
            let (store, _) = Store::open();
            backups.set(list(&store, namespace));
        });
    }
    if backups.is_empty() {
        return Html::default();
    }
    html! {
        <section aria-labelledby="backups-title" data-testid="data-backups">
            <h2 id="backups-title">{ strings::BACKUPS_TITLE }</h2>
            <p>{ strings::BACKUPS_TEXT }</p>
            <ul>
                { for backups.iter().rev().map(|backup| {
                    let key = backup.key.clone();
                    let on_download = Callback::from(move |_| {
                        let (store, _) = Store::open();
                        if let Some(raw) = store.get(&key) {
                            let name = format!("ospo-guide-kept-{}.json", key.rsplit(':').next().unwrap_or("copy"));
                            download(&name, "application/json", &raw);
                        }
                    });
                    let when = if backup.at == 0 { strings::BACKUPS_LEGACY.to_string() } else { iso_date(backup.at) };
                    html! {
                        <li data-testid="data-backup">
                            { format!("{when} · {} {} ", backup.bytes, strings::BACKUPS_BYTES) }
                            <button type="button" class="link-button" onclick={on_download}>{ strings::BACKUPS_DOWNLOAD }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The kept copies of `namespace`, oldest first: those in the index, then the single copy of
/// earlier versions of the guide if there is one.
pub fn list(store: &Store, namespace: &str) -> Vec<Backup> {
    let mut list = backup_index_key(namespace)
        .map(|key| read_backup_index(store.get(&key).as_deref()))
        .unwrap_or_default();
    if let Ok(legacy) = legacy_backup_key(namespace) {
        if let Some(raw) = store.get(&legacy) {
            list.insert(
                0,
                Backup {
                    key: legacy,
                    at: 0,
                    bytes: raw.len(),
                },
            );
        }
    }
    list.retain(|backup| store.get(&backup.key).is_some());
    list
}
