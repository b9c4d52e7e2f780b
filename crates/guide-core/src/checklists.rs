//! The book's checklists (Markdown task lists), by the section they stand in, so that the plan can
//! offer the checklist of the chapter section a step links to, tickable, and keep the ticks under
//! stable keys. The build extracts them once; the app carries only this small table.

use serde::{Deserialize, Serialize};

use crate::book::Book;
use crate::doc::{Block, Inline};

/// The checklist items of one chapter section, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    /// The slug of the chapter the section is in.
    pub slug: String,
    /// The id of the heading the items stand under.
    pub section: String,
    /// The items' texts, in the order the chapter lists them.
    pub items: Vec<String>,
}

impl Checklist {
    /// The book location a plan step links to for this section.
    pub fn link(&self) -> String {
        format!("/book/{}/#{}", self.slug, self.section)
    }

    /// The items with the store keys of the reader's ticks: `<chapter>.<section>.<n>`, n from 1.
    pub fn keyed(&self) -> Vec<(String, String)> {
        self.items
            .iter()
            .enumerate()
            .map(|(n, text)| {
                (
                    format!("{}.{}.{}", self.slug, self.section, n + 1),
                    text.clone(),
                )
            })
            .collect()
    }
}

/// Every section's checklist, in book order (sections without one are left out).
pub fn checklists(book: &Book) -> Vec<Checklist> {
    let mut out: Vec<Checklist> = Vec::new();
    for chapter in &book.chapters {
        let slug = &chapter.meta.slug;
        let mut section: Option<&str> = None;
        for block in &chapter.doc.blocks {
            match block {
                Block::Heading { id, .. } => section = Some(id),
                Block::List { items, .. } => {
                    let Some(section) = section else { continue };
                    let tasks = items.iter().filter(|i| i.task.is_some()).map(|i| {
                        let mut text = String::new();
                        for block in &i.blocks {
                            if let Block::Paragraph(inlines) = block {
                                text.push_str(&Inline::plain_text(inlines));
                            }
                        }
                        text.trim().to_string()
                    });
                    let tasks: Vec<String> = tasks.filter(|t| !t.is_empty()).collect();
                    if tasks.is_empty() {
                        continue;
                    }
                    match out.last_mut() {
                        Some(last) if last.slug == *slug && last.section == section => {
                            last.items.extend(tasks);
                        }
                        _ => out.push(Checklist {
                            slug: slug.clone(),
                            section: section.to_string(),
                            items: tasks,
                        }),
                    }
                }
                _ => {}
            }
        }
    }
    out
}
