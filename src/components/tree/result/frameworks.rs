//! Where the advice sits in public frameworks (ISO/IEC 5230 and 18974, GGI, FINOS, the TODO
//! Group's maturity model): the clauses its result, addenda and plan are tagged with, grouped by
//! framework, each framework linked to where it is published.

use guide_core::report::Advice;
use yew::prelude::*;

use crate::strings::{self, REPORT_LABELS as LABELS};

pub fn view(advice: &Advice<'_>) -> Html {
    if advice.frameworks.is_empty() {
        return Html::default();
    }
    html! {
        <section class="result-frameworks" data-testid="result-frameworks" aria-labelledby="result-frameworks">
            <h3 id="result-frameworks">{ LABELS.frameworks }</h3>
            <p class="meta">{ strings::FRAMEWORKS_HINT }</p>
            <dl>
                { for advice.frameworks.iter().map(|group| html! {
                    <>
                        <dt><a href={group.framework.url.clone()} rel="noopener noreferrer" class="external">{ group.framework.name.clone() }</a></dt>
                        { for group.entries.iter().map(|entry| html! {
                            <dd data-testid="framework-entry" data-entry={entry.id.clone()}>
                                <span class="ref">{ entry.reference.clone() }</span>{ " " }{ entry.title.clone() }
                            </dd>
                        }) }
                    </>
                }) }
            </dl>
        </section>
    }
}
