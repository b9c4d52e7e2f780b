//! Backups of stored values that could not be read: each distinct value is kept under its own
//! key, so that a second unreadable value found later never destroys the first copy.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use guide_core::progress::{plan_backup, read_backup_index, MAX_BACKUPS};

const NS: &str = "default";

/// Applies a plan to a list of (key, value) pairs, as the storage adapter would.
fn apply(store: &mut Vec<(String, String)>, index: &mut Option<String>, raw: &str, at: u64) {
    let plan = plan_backup(NS, index.as_deref(), raw, at).expect("valid namespace");
    if let Some(key) = plan.write {
        store.push((key, raw.to_owned()));
    }
    *index = Some(plan.index);
    store.retain(|(key, _)| !plan.remove.contains(key));
}

#[test]
fn a_second_unreadable_value_gets_its_own_backup() {
    let (mut store, mut index) = (Vec::new(), None);
    apply(&mut store, &mut index, "{broken one", 10);
    // The reader starts fresh; later the stored value is damaged again, differently.
    apply(&mut store, &mut index, "{broken two", 20);
    let values: Vec<&str> = store.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["{broken one", "{broken two"]);
    assert_ne!(store[0].0, store[1].0);
    let listed = read_backup_index(index.as_deref());
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[1].at, 20, "newest last");
    assert_eq!(listed[0].bytes, "{broken one".len());
}

#[test]
fn the_same_value_found_again_is_not_copied_twice() {
    let (mut store, mut index) = (Vec::new(), None);
    apply(&mut store, &mut index, "same", 1);
    let plan = plan_backup(NS, index.as_deref(), "same", 2).expect("valid");
    assert_eq!(plan.write, None);
    assert!(plan.remove.is_empty());
    apply(&mut store, &mut index, "same", 2);
    assert_eq!(store.len(), 1);
    assert_eq!(read_backup_index(index.as_deref()).len(), 1);
}

#[test]
fn only_the_newest_backups_are_kept() {
    let (mut store, mut index) = (Vec::new(), None);
    for n in 0..MAX_BACKUPS + 3 {
        apply(&mut store, &mut index, &format!("bad {n}"), n as u64);
    }
    assert_eq!(store.len(), MAX_BACKUPS);
    assert_eq!(store[0].1, "bad 3", "the three oldest were removed");
    assert_eq!(read_backup_index(index.as_deref()).len(), MAX_BACKUPS);
}

#[test]
fn a_damaged_index_loses_no_copy() {
    // An unreadable index lists nothing, so nothing is removed on its account.
    let plan = plan_backup(NS, Some("not json"), "value", 5).expect("valid");
    assert!(plan.write.is_some());
    assert!(plan.remove.is_empty());
    assert_eq!(read_backup_index(Some(&plan.index)).len(), 1);
}

#[test]
fn backup_keys_stay_inside_the_namespace() {
    let plan = plan_backup("intranet", None, "x", 1).expect("valid");
    let key = plan.write.expect("written");
    assert!(key.starts_with("ospo-guide:intranet:backup:"), "{key}");
    assert!(plan_backup("Bad Namespace", None, "x", 1).is_err());
}
