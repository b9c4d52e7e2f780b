//! Loading the decision trees from `content/trees/`: each tree file with the shared definitions
//! it includes (`common.toml`), validated, its links checked against the book and its framework
//! references checked against the crosswalk registry. Every problem names its file and line.

use std::path::Path;

use super::{error, files_in, known_trees, ContentError, ContentErrors};
use crate::book::Book;
use crate::crosswalk::Crosswalk;
use crate::tree::{check_tree, parse_toml, SharedSpec, TreeSpec};

/// Reads every decision tree under `root/trees/*.toml` (the files a tree includes are not trees
/// themselves), validates it and checks its links into `book` and its framework references
/// against `crosswalk`. A tree's id must match its file name, and every tree that has a page
/// ([`known_trees`]) must exist.
pub fn load_trees_dir(
    root: &Path,
    book: &Book,
    crosswalk: &Crosswalk,
) -> Result<Vec<TreeSpec>, ContentErrors> {
    let dir = root.join("trees");
    let paths = files_in(&dir, "toml", "trees")?;
    let mut errors = Vec::new();
    let mut sources = Vec::new();
    for path in &paths {
        match std::fs::read_to_string(path) {
            Ok(text) => sources.push((path.display().to_string(), text)),
            Err(e) => errors.push(error(
                &path.display().to_string(),
                0,
                format!("cannot read: {e}"),
            )),
        }
    }
    let included: Vec<String> = sources
        .iter()
        .filter_map(|(_, text)| parse_toml::<TreeSpec>(text).ok()?.include)
        .collect();
    let mut trees: Vec<TreeSpec> = Vec::new();
    for (file, text) in &sources {
        let stem = Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("");
        if included.iter().any(|name| name == stem) {
            continue;
        }
        match load_tree(file, text, &sources, book, crosswalk) {
            Ok(spec) if spec.id != stem => errors.push(error(
                file,
                1,
                format!("the tree's id {:?} differs from its file name", spec.id),
            )),
            Ok(spec) => trees.push(spec),
            Err(problems) => errors.extend(problems),
        }
    }
    if errors.is_empty() {
        for id in known_trees() {
            if !trees.iter().any(|t| t.id == id) {
                errors.push(error(
                    &dir.display().to_string(),
                    0,
                    format!("there is no tree {id:?}, which chapters may embed"),
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(trees)
    } else {
        Err(ContentErrors(errors))
    }
}

/// One tree: parsed, with what it includes, validated and checked.
fn load_tree(
    file: &str,
    text: &str,
    sources: &[(String, String)],
    book: &Book,
    crosswalk: &Crosswalk,
) -> Result<TreeSpec, Vec<ContentError>> {
    let problem = |file: &str, line: usize, message: String| vec![error(file, line, message)];
    let mut spec: TreeSpec =
        parse_toml(text).map_err(|p| problem(file, p.line, p.error.to_string()))?;
    let mut files = vec![(file.to_string(), text.to_string())];
    if let Some(name) = spec.include.clone() {
        let Some((shared_file, shared_text)) = sources.iter().find(|(f, _)| {
            Path::new(f).file_stem().and_then(|s| s.to_str()) == Some(name.as_str())
        }) else {
            return Err(problem(
                file,
                1,
                format!("it includes {name:?}, which is not a file of this folder"),
            ));
        };
        let shared: SharedSpec = parse_toml(shared_text)
            .map_err(|p| problem(shared_file, p.line, p.error.to_string()))?;
        spec.include(&shared);
        files.push((shared_file.clone(), shared_text.clone()));
    }
    let texts: Vec<&str> = files.iter().map(|(_, t)| t.as_str()).collect();
    let tree = check_tree(spec, &texts, book).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| {
                let file = files.get(p.source).map_or(file, |(f, _)| f.as_str());
                error(file, p.line, p.error.to_string())
            })
            .collect::<Vec<_>>()
    })?;
    let spec = tree.into_spec();
    let unknown: Vec<ContentError> = crosswalk_ids(&spec)
        .into_iter()
        .filter(|id| crosswalk.entry(id).is_none())
        .map(|id| {
            let (file, line) = files
                .iter()
                .find_map(|(f, t)| {
                    line_containing(t, &format!("\"{id}\"")).map(|l| (f.as_str(), l))
                })
                .unwrap_or((file, 0));
            error(
                file,
                line,
                format!("{id:?} is not in content/crosswalk.toml"),
            )
        })
        .collect();
    if unknown.is_empty() {
        Ok(spec)
    } else {
        Err(unknown)
    }
}

/// Every framework reference a tree uses.
fn crosswalk_ids(spec: &TreeSpec) -> Vec<String> {
    let mut ids: Vec<String> = spec
        .questions
        .iter()
        .flat_map(|q| q.crosswalk.iter())
        .chain(spec.results.iter().flat_map(|r| {
            r.crosswalk
                .iter()
                .chain(r.plan.iter().flat_map(|s| s.crosswalk.iter()))
        }))
        .chain(spec.addenda.iter().flat_map(|a| {
            a.crosswalk
                .iter()
                .chain(a.plan.iter().flat_map(|s| s.crosswalk.iter()))
        }))
        .cloned()
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

fn line_containing(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}
