//! Schema 1 (frozen: never change it): `{ "read": [slugs], "last": { "slug", "section" } | null,
//! "theme": "auto" | "light" | "dark" }`. No times, no fractions, no trees.

use serde::Deserialize;

use super::super::model::{ChapterState, Place, Progress, Theme};
use super::super::validate::{check_count, check_id, ValidationError, MAX_CHAPTERS};

/// The schema-1 payload (frozen: never change it).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::progress) struct PayloadV1 {
    #[serde(default)]
    read: Vec<String>,
    #[serde(default)]
    last: Option<PlaceV1>,
    #[serde(default)]
    theme: Theme,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceV1 {
    slug: String,
    section: String,
}

/// Schema 1 to 2: read chapters become read flags with no time (so any later change wins a
/// merge) and no known fraction; the last place keeps its section; the theme is kept.
pub(in crate::progress) fn migrate_v1(v1: PayloadV1) -> Result<Progress, ValidationError> {
    check_count("read chapters", v1.read.len(), MAX_CHAPTERS)?;
    let mut progress = Progress::default();
    for slug in v1.read {
        check_id("chapter slug", &slug)?;
        progress.chapters.insert(
            slug,
            ChapterState {
                read: true,
                ..ChapterState::default()
            },
        );
    }
    if let Some(place) = v1.last {
        check_id("chapter slug", &place.slug)?;
        check_id("section id", &place.section)?;
        check_count("chapters", progress.chapters.len() + 1, MAX_CHAPTERS)?;
        let chapter = progress.chapters.entry(place.slug.clone()).or_default();
        chapter.section = Some(place.section.clone());
        progress.last = Some(Place {
            slug: place.slug,
            section: Some(place.section),
            at: 0,
        });
    }
    progress.prefs.theme = v1.theme;
    Ok(progress)
}
