//! Authoring: a tree's TOML source with line numbers for every problem, and its links checked
//! against the book. Build time and tests only (feature `authoring`).

use std::collections::HashMap;

use thiserror::Error;

use super::{validate, Location, TreeError, TreeSpec, ValidTree};
use crate::book::{Book, LinkProblem};

/// A problem in a tree's source files, with the file (an index into the sources given, the
/// tree's own first) and the line it is on (0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceProblem {
    /// Which source the problem is in: an index into the texts given, the tree's own first.
    pub source: usize,
    /// The line the problem is on, counting from 1; 0 when it could not be found.
    pub line: usize,
    /// What is wrong.
    pub error: SourceError,
}

/// What is wrong in a tree's source: its TOML, the tree it describes, or a link into the book.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SourceError {
    /// The source is not valid TOML or does not have the shape of a tree; holds the parser's
    /// message.
    #[error("TOML: {0}")]
    Toml(String),
    /// The tree does not pass the validator.
    #[error(transparent)]
    Tree(#[from] TreeError),
    /// A link does not resolve to a page, chapter or heading of the guide.
    #[error("{node:?}: link {link:?}: {problem}")]
    BadLink {
        /// The id of the tree, question, result, addendum or step that has the link.
        node: String,
        /// The link as written.
        link: String,
        /// What is wrong with it.
        problem: LinkProblem,
    },
}

/// Parses a TOML source of type `T` (a tree, or the definitions trees share), reporting a syntax
/// or shape error with its line.
pub fn parse_toml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, SourceProblem> {
    toml::from_str(text).map_err(|e| SourceProblem {
        source: 0,
        line: e.span().map_or(0, |s| line_of(text, s.start)),
        error: SourceError::Toml(e.message().trim().to_string()),
    })
}

/// Parses a tree's TOML, reporting a syntax or shape error with its line.
pub fn parse_tree_spec(text: &str) -> Result<TreeSpec, SourceProblem> {
    parse_toml(text)
}

/// Parses, validates and checks the links of a tree's TOML source against the book. Every
/// problem is reported, each with the line of the node it is about where that can be found.
pub fn parse_tree_source(text: &str, book: &Book) -> Result<ValidTree, Vec<SourceProblem>> {
    let spec = parse_tree_spec(text).map_err(|p| vec![p])?;
    check_tree(spec, &[text], book)
}

/// Validates a parsed tree and checks its links against the book. `texts` are the sources its
/// parts came from (the tree's own first, then what it includes), to find each problem's line.
pub fn check_tree(
    spec: TreeSpec,
    texts: &[&str],
    book: &Book,
) -> Result<ValidTree, Vec<SourceProblem>> {
    let indexes: Vec<LineIndex> = texts.iter().map(|t| LineIndex::new(t)).collect();
    let find = |node: &str| -> (usize, usize) {
        indexes
            .iter()
            .enumerate()
            .map(|(i, index)| (i, index.node(node)))
            .find(|(_, line)| *line > 0)
            .unwrap_or((0, 0))
    };
    let mut problems: Vec<SourceProblem> = check_links(&spec, book)
        .into_iter()
        .map(|(node, link, problem)| {
            let (source, from) = find(&node);
            let text = texts.get(source).copied().unwrap_or("");
            SourceProblem {
                source,
                line: find_from(text, from, &link).unwrap_or(from),
                error: SourceError::BadLink {
                    node,
                    link,
                    problem,
                },
            }
        })
        .collect();
    match validate(spec) {
        Ok(tree) if problems.is_empty() => Ok(tree),
        Ok(_) => Err(problems),
        Err(errors) => {
            problems.extend(errors.into_iter().map(|error| {
                let (source, line) = indexes
                    .iter()
                    .enumerate()
                    .map(|(i, index)| (i, index.locate(error.location())))
                    .find(|(_, line)| *line > 0)
                    .unwrap_or((0, 0));
                SourceProblem {
                    source,
                    line,
                    error: SourceError::Tree(error),
                }
            }));
            problems.sort_by_key(|p| (p.source, p.line));
            Err(problems)
        }
    }
}

fn step_links(steps: &[super::PlanStep]) -> impl Iterator<Item = (&str, &str)> {
    steps
        .iter()
        .filter_map(|s| s.link.as_deref().map(|link| (s.id.as_str(), link)))
}

fn check_links(spec: &TreeSpec, book: &Book) -> Vec<(String, String, LinkProblem)> {
    let mut links: Vec<(&str, &str)> = vec![(&spec.id, &spec.chapter)];
    for q in &spec.questions {
        links.push((&q.id, &q.learn_more));
    }
    for r in &spec.results {
        links.push((&r.id, &r.learn_more));
        links.extend(step_links(&r.plan));
    }
    for a in &spec.addenda {
        if let Some(link) = &a.learn_more {
            links.push((&a.id, link));
        }
        links.extend(step_links(&a.plan));
    }
    links
        .into_iter()
        .filter(|(_, link)| !link.trim().is_empty())
        .filter_map(|(node, link)| {
            book.check_link(link)
                .map(|p| (node.to_string(), link.to_string(), p))
        })
        .collect()
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(0, |before| before.matches('\n').count() + 1)
}

/// The first line at or after `from` that contains `needle`.
fn find_from(text: &str, from: usize, needle: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
}

/// The lines where nodes are declared, found by a light scan of the source: the TOML parser
/// does not keep positions once the tree is deserialised.
#[derive(Default)]
struct LineIndex {
    /// Every `id = "…"` in the source by id, for the nodes the tables below do not track
    /// (addenda, steps, predicates, vars).
    ids: HashMap<String, usize>,
    questions: HashMap<String, usize>,
    options: HashMap<(String, String), usize>,
    results: HashMap<String, usize>,
    dimensions: HashMap<String, usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Table {
    Top,
    Dimensions,
    Questions,
    Options,
    Results,
    Other,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut index = LineIndex::default();
        let mut table = Table::Top;
        let mut question = String::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let trimmed = raw.trim();
            if trimmed.starts_with('#') {
                continue;
            }
            if let Some(header) = table_header(trimmed) {
                table = match header {
                    "dimensions" => Table::Dimensions,
                    "questions" => Table::Questions,
                    "questions.options" => Table::Options,
                    "results" => Table::Results,
                    _ => Table::Other,
                };
                continue;
            }
            let at_start = trimmed.starts_with("id ") || trimmed.starts_with("id=");
            for id in ids_in(trimmed) {
                index.ids.entry(id.to_string()).or_insert(line);
            }
            for id in ids_in(trimmed) {
                match table {
                    Table::Questions if at_start => {
                        question = id.to_string();
                        index.questions.entry(question.clone()).or_insert(line);
                    }
                    Table::Questions | Table::Options => {
                        index
                            .options
                            .entry((question.clone(), id.to_string()))
                            .or_insert(line);
                    }
                    Table::Results if at_start => {
                        index.results.entry(id.to_string()).or_insert(line);
                    }
                    Table::Dimensions => {
                        index.dimensions.entry(id.to_string()).or_insert(line);
                    }
                    Table::Top if !at_start => {
                        index.dimensions.entry(id.to_string()).or_insert(line);
                    }
                    _ => {}
                }
            }
        }
        index
    }

    fn node(&self, id: &str) -> usize {
        self.questions
            .get(id)
            .or_else(|| self.results.get(id))
            .or_else(|| self.ids.get(id))
            .copied()
            .unwrap_or(0)
    }

    fn locate(&self, location: Location<'_>) -> usize {
        match location {
            Location::Tree => 1,
            Location::Dimension(d) => self.dimensions.get(d).copied().unwrap_or(0),
            Location::Node(n) => self.node(n),
            Location::Option(q, o) => self
                .options
                .get(&(q.to_string(), o.to_string()))
                .copied()
                .unwrap_or_else(|| self.node(q)),
        }
    }
}

/// `[name]` or `[[name]]` at the start of a line gives `name`.
fn table_header(line: &str) -> Option<&str> {
    let inner = line
        .strip_prefix("[[")
        .and_then(|l| l.split_once("]]"))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.split_once(']')))?
        .0
        .trim();
    inner
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        .then_some(inner)
}

/// Every `id = "value"` on a line.
fn ids_in(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    let mut offset = 0;
    while let Some(pos) = rest.find("id") {
        let absolute = offset + pos;
        let before = line[..absolute].chars().next_back();
        let after = &line[absolute + 2..];
        let key_start = before.is_none_or(|c| c == '{' || c == ',' || c.is_whitespace());
        if key_start {
            let value = after
                .trim_start()
                .strip_prefix('=')
                .map(str::trim_start)
                .and_then(|v| v.strip_prefix('"'))
                .and_then(|v| v.split_once('"'))
                .map(|(v, _)| v);
            if let Some(v) = value {
                out.push(v);
            }
        }
        offset = absolute + 2;
        rest = &line[offset..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_on_a_line() {
        assert_eq!(ids_in(r#"id = "a""#), vec!["a"]);
        assert_eq!(
            ids_in(r#"{ id = "x", label = "valid id", next = "y" },"#),
            vec!["x"]
        );
        assert!(ids_in(r#"paid = "no""#).is_empty());
    }

    #[test]
    fn table_headers_are_recognised() {
        assert_eq!(table_header("[[questions]]"), Some("questions"));
        assert_eq!(table_header("[results.rule]"), Some("results.rule"));
        assert_eq!(table_header("[1, 2]"), None);
    }
}
