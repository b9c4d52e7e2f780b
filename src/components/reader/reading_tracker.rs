//! Follows the reader through a chapter: shows the progress bar and the outline, records how far
//! they got and where (in steps, so that scrolling does not flood the store), and fetches the next
//! chapter's text ahead when they near the end.

use guide_core::progress::Event;
use yew::prelude::*;

use crate::browser::clock::now;
use crate::components::reader::outline::Outline;
use crate::content::chapter_text;
use crate::content::compiled::book;
use crate::hooks::reading_position::use_reading_position;
use crate::state::{use_guide_state, Action};
use crate::strings;

/// Progress is recorded in steps of this many thousandths (and always at the end).
const RECORD_STEP: u16 = 50;

/// How far into a chapter (in thousandths) the next chapter's text is fetched ahead.
const PREFETCH_NEXT_AT: u16 = 750;

#[derive(Properties, PartialEq)]
pub struct ReadingTrackerProps {
    pub slug: AttrValue,
    pub article: NodeRef,
}

#[component]
pub fn ReadingTracker(props: &ReadingTrackerProps) -> Html {
    let position = use_reading_position(props.article.clone(), props.slug.clone());
    let state = use_guide_state();
    let dispatcher = state.dispatcher();
    let loaded = state.loaded;
    let step = if position.permille >= 1000 {
        1000
    } else {
        position.permille / RECORD_STEP * RECORD_STEP
    };
    use_effect_with(
        (props.slug.clone(), step, position.section.clone(), loaded),
        move |(slug, step, section, loaded)| {
            // Wait for stored data, so that a fresh page view does not look like a new reading.
            if *loaded && (*step > 0 || section.is_some()) {
                dispatcher.dispatch(Action::Apply(Event::ChapterProgressed {
                    slug: slug.to_string(),
                    section: section.clone(),
                    fraction: *step,
                    at: now(),
                }));
            }
        },
    );
    let near_end = position.permille >= PREFETCH_NEXT_AT;
    use_effect_with((props.slug.clone(), near_end), |(slug, near_end)| {
        if let (true, (_, Some(next))) = (*near_end, book().neighbours(slug)) {
            chapter_text::prefetch(&next.meta.slug);
        }
    });
    html! {
        <>
            <progress class="reading-progress" max="1000" value={position.permille.to_string()}
                aria-label={strings::READING_PROGRESS}></progress>
            <Outline slug={props.slug.clone()} current={position.section.clone()} />
        </>
    }
}
