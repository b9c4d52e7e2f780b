//! The document tree to Yew nodes.
//!
//! An exhaustive match over the core's closed node types: no HTML string is ever injected, so
//! nothing in a chapter can run script or change the page outside its own elements. (The text a
//! prerendered chapter page starts with is rendered here too, natively, and the browser keeps
//! the page's nodes as they are: `content::adopted`.)

use guide_core::doc::{Align, Block, Document, Inline, LinkTarget, ListItem, Segment};
use yew::prelude::*;

use crate::components::frame::guide_link::GuideLink;
use crate::components::tree::embed::TreeEmbed;
use crate::strings;

/// Renders a chapter body: its text stretches and, between them, its embedded trees.
/// `own_path` is the chapter's route, for anchors and footnotes.
pub fn render_document(doc: &Document, own_path: &str) -> Html {
    doc.segments()
        .into_iter()
        .map(|segment| match segment {
            Segment::Text { blocks, footnotes } => render_text(doc, blocks, footnotes, own_path),
            Segment::Tree(id) => html! { <TreeEmbed id={id.to_owned()} /> },
        })
        .collect()
}

/// Renders one text stretch of `doc` (see [`Document::segments`]), with the document's footnotes
/// after it when `footnotes` is set. The prerenderer renders each stretch once into the page's
/// HTML this way, and the browser adopts it as it is (`content::adopted`).
pub fn render_text(doc: &Document, blocks: &[Block], footnotes: bool, own_path: &str) -> Html {
    let footnote_numbers: Vec<&str> = doc.footnotes.iter().map(|f| f.label.as_str()).collect();
    let ctx = Context {
        own_path,
        footnotes: &footnote_numbers,
    };
    html! {
        <>
            { for blocks.iter().map(|block| ctx.block(block)) }
            if footnotes && !doc.footnotes.is_empty() {
                <section class="footnotes" aria-label={strings::FOOTNOTES_LABEL}>
                    <h2 class="footnotes-title">{ strings::FOOTNOTES_LABEL }</h2>
                    <ol>
                        { for doc.footnotes.iter().map(|note| html! {
                            <li id={format!("fn-{}", note.label)}>
                                { for note.blocks.iter().map(|block| ctx.block(block)) }
                                { " " }
                                <GuideLink path={own_path.to_string()} fragment={format!("fnref-{}", note.label)} class="footnote-back">
                                    <span aria-hidden="true">{ "↩" }</span>
                                    <span class="visually-hidden">{ strings::FOOTNOTE_BACK }</span>
                                </GuideLink>
                            </li>
                        }) }
                    </ol>
                </section>
            }
        </>
    }
}

struct Context<'a> {
    own_path: &'a str,
    footnotes: &'a [&'a str],
}

impl Context<'_> {
    fn block(&self, block: &Block) -> Html {
        match block {
            Block::Heading { level, id, content } => self.heading(*level, id, content),
            Block::Paragraph(content) => html! { <p>{ self.inlines(content) }</p> },
            Block::List { start, items } => {
                let items = items.iter().map(|item| self.list_item(item));
                match start {
                    Some(1) => html! { <ol>{ for items }</ol> },
                    Some(start) => html! { <ol start={start.to_string()}>{ for items }</ol> },
                    None => {
                        let checklist = items_are_tasks(block);
                        html! { <ul class={classes!(checklist.then_some("checklist"))}>{ for items }</ul> }
                    }
                }
            }
            Block::Quote { audience, blocks } => {
                let inner = blocks.iter().map(|b| self.block(b));
                match audience {
                    Some(audience) => html! {
                        <aside class="audience-note" aria-label={format!("{} {}", strings::AUDIENCE_NOTE, audience)}>
                            { for inner }
                        </aside>
                    },
                    None => html! { <blockquote>{ for inner }</blockquote> },
                }
            }
            Block::Code { lang, text } => html! {
                <pre class="code" tabindex="0"><code data-lang={lang.clone()}>{ text.clone() }</code></pre>
            },
            Block::Table { align, head, rows } => html! {
                <div class="table-wrap" tabindex="0" role="region" aria-label={strings::TABLE_LABEL}>
                    <table>
                        <thead><tr>{ for head.iter().enumerate().map(|(i, cell)| html! {
                            <th scope="col" class={align_class(align.get(i))}>{ self.inlines(cell) }</th>
                        }) }</tr></thead>
                        <tbody>{ for rows.iter().map(|row| html! {
                            <tr>{ for row.iter().enumerate().map(|(i, cell)| html! {
                                <td class={align_class(align.get(i))}>{ self.inlines(cell) }</td>
                            }) }</tr>
                        }) }</tbody>
                    </table>
                </div>
            },
            Block::Rule => html! { <hr /> },
            // Only a top-level block (the parser refuses others), rendered by `render_document`.
            Block::Tree(id) => html! { <TreeEmbed id={id.clone()} /> },
        }
    }

    fn heading(&self, level: u8, id: &str, content: &[Inline]) -> Html {
        let anchor = html! {
            <GuideLink path={self.own_path.to_string()} fragment={id.to_string()} class="anchor">
                <span aria-hidden="true">{ "#" }</span>
                <span class="visually-hidden">{ strings::ANCHOR_LABEL }</span>
            </GuideLink>
        };
        let text = self.inlines(content);
        match level {
            2 => html! { <h2 id={id.to_string()}>{ text }{ anchor }</h2> },
            3 => html! { <h3 id={id.to_string()}>{ text }{ anchor }</h3> },
            4 => html! { <h4 id={id.to_string()}>{ text }{ anchor }</h4> },
            5 => html! { <h5 id={id.to_string()}>{ text }{ anchor }</h5> },
            _ => html! { <h6 id={id.to_string()}>{ text }{ anchor }</h6> },
        }
    }

    fn list_item(&self, item: &ListItem) -> Html {
        let blocks: Html = item.blocks.iter().map(|b| self.block(b)).collect();
        match item.task {
            None => html! { <li>{ blocks }</li> },
            Some(done) => html! {
                <li class="task">
                    <span class={classes!("task-box", done.then_some("done"))} aria-hidden="true"></span>
                    <span class="visually-hidden">{ if done { strings::TASK_DONE } else { strings::TASK_TO_DO } }</span>
                    <div class="task-text">{ blocks }</div>
                </li>
            },
        }
    }

    fn inlines(&self, inlines: &[Inline]) -> Html {
        inlines.iter().map(|inline| self.inline(inline)).collect()
    }

    fn inline(&self, inline: &Inline) -> Html {
        match inline {
            Inline::Text(text) => html! { { text.clone() } },
            Inline::Code(code) => html! { <code>{ code.clone() }</code> },
            Inline::Emphasis(inner) => html! { <em>{ self.inlines(inner) }</em> },
            Inline::Strong(inner) => html! { <strong>{ self.inlines(inner) }</strong> },
            Inline::Strike(inner) => html! { <del>{ self.inlines(inner) }</del> },
            Inline::LineBreak => html! { <br /> },
            Inline::FootnoteRef(label) => {
                let number = self
                    .footnotes
                    .iter()
                    .position(|l| l == label)
                    .map_or(0, |i| i + 1);
                html! {
                    <sup id={format!("fnref-{label}")} class="footnote-ref">
                        <GuideLink path={self.own_path.to_string()} fragment={format!("fn-{label}")}>
                            { number }
                        </GuideLink>
                    </sup>
                }
            }
            Inline::Link { target, content } => match target {
                LinkTarget::Internal { path, fragment } => html! {
                    <GuideLink path={path.clone()} fragment={fragment.clone().map(AttrValue::from)}>
                        { self.inlines(content) }
                    </GuideLink>
                },
                // The parser only makes https:// targets; a text file altered on its way is not
                // trusted to keep to that.
                LinkTarget::External(url) if !url.starts_with("https://") => self.inlines(content),
                LinkTarget::External(url) => html! {
                    <a href={url.clone()} rel="noopener noreferrer" class="external">{ self.inlines(content) }</a>
                },
                LinkTarget::Mail(address) => html! {
                    <a href={format!("mailto:{address}")}>{ self.inlines(content) }</a>
                },
            },
        }
    }
}

fn items_are_tasks(block: &Block) -> bool {
    matches!(block, Block::List { items, .. } if !items.is_empty() && items.iter().all(|i| i.task.is_some()))
}

fn align_class(align: Option<&Align>) -> Classes {
    match align {
        Some(Align::Left) => classes!("align-left"),
        Some(Align::Center) => classes!("align-center"),
        Some(Align::Right) => classes!("align-right"),
        Some(Align::None) | None => Classes::new(),
    }
}
