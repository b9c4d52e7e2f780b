//! Loading the registry of framework references (`content/crosswalk.toml`), checked: ids follow
//! the id rule and are unique, every entry names a registered framework, every framework's
//! address is https.

use std::collections::BTreeSet;
use std::path::Path;

use super::{error, ContentError, ContentErrors};
use crate::crosswalk::Crosswalk;
use crate::id::is_valid_id;

/// Reads and checks `root/crosswalk.toml`.
pub fn load_crosswalk(root: &Path) -> Result<Crosswalk, ContentErrors> {
    let path = root.join("crosswalk.toml");
    let file = path.display().to_string();
    let text = std::fs::read_to_string(&path)
        .map_err(|e| ContentErrors(vec![error(&file, 0, format!("cannot read: {e}"))]))?;
    let registry: Crosswalk = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(0, |s| {
            text.get(..s.start)
                .map_or(0, |b| b.matches('\n').count() + 1)
        });
        ContentErrors(vec![error(
            &file,
            line,
            format!("TOML: {}", e.message().trim()),
        )])
    })?;
    let line_of = |id: &str| {
        text.lines()
            .position(|l| l.contains(&format!("\"{id}\"")))
            .map_or(0, |i| i + 1)
    };
    let mut errors: Vec<ContentError> = Vec::new();
    let mut frameworks = BTreeSet::new();
    for f in &registry.frameworks {
        if !is_valid_id(&f.id) || !frameworks.insert(f.id.as_str()) {
            errors.push(error(
                &file,
                line_of(&f.id),
                format!("framework id {:?} is not valid or not unique", f.id),
            ));
        }
        if !f.url.starts_with("https://") {
            errors.push(error(
                &file,
                line_of(&f.id),
                format!("framework {:?}: its address must be https", f.id),
            ));
        }
        if f.name.trim().is_empty() || f.short.trim().is_empty() {
            errors.push(error(
                &file,
                line_of(&f.id),
                format!("framework {:?}: a name is empty", f.id),
            ));
        }
    }
    let mut entries = BTreeSet::new();
    for e in &registry.entries {
        if !is_valid_id(&e.id) || !entries.insert(e.id.as_str()) {
            errors.push(error(
                &file,
                line_of(&e.id),
                format!("entry id {:?} is not valid or not unique", e.id),
            ));
        }
        if !frameworks.contains(e.framework.as_str()) {
            errors.push(error(
                &file,
                line_of(&e.id),
                format!("entry {:?}: unknown framework {:?}", e.id, e.framework),
            ));
        }
        if e.reference.trim().is_empty() || e.title.trim().is_empty() {
            errors.push(error(
                &file,
                line_of(&e.id),
                format!("entry {:?}: its reference or title is empty", e.id),
            ));
        }
    }
    if errors.is_empty() {
        Ok(registry)
    } else {
        Err(ContentErrors(errors))
    }
}
