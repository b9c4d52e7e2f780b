//! Loading the conformance self-checks from `content/conformance/*.toml`: each parsed, its id
//! matched to its file name, and validated with [`ValidCheck::new`] against the book and the
//! crosswalk registry. Every problem names its file and the line of the node it is about.

use std::path::Path;

use super::{error, files_in, line_of, ContentError, ContentErrors};
use crate::book::Book;
use crate::conformance::{CheckError, CheckSpec, ValidCheck};
use crate::crosswalk::Crosswalk;

/// Reads and validates every self-check under `root/conformance/*.toml`, in file-name order.
pub fn load_conformance(
    root: &Path,
    book: &Book,
    crosswalk: &Crosswalk,
) -> Result<Vec<CheckSpec>, ContentErrors> {
    let paths = files_in(&root.join("conformance"), "toml", "conformance")?;
    let mut checks = Vec::new();
    let mut errors = Vec::new();
    for path in &paths {
        let file = path.display().to_string();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        match std::fs::read_to_string(path) {
            Ok(text) => match load_check(&file, stem, &text, book, crosswalk) {
                Ok(spec) => checks.push(spec),
                Err(problems) => errors.extend(problems),
            },
            Err(e) => errors.push(error(&file, 0, format!("cannot read: {e}"))),
        }
    }
    if errors.is_empty() {
        Ok(checks)
    } else {
        Err(ContentErrors(errors))
    }
}

/// Parses and validates one check's source; `stem` is its file name without `.toml`.
pub fn load_check(
    file: &str,
    stem: &str,
    text: &str,
    book: &Book,
    crosswalk: &Crosswalk,
) -> Result<CheckSpec, Vec<ContentError>> {
    let spec: CheckSpec = toml::from_str(text).map_err(|e| {
        vec![error(
            file,
            line_of(text, e.span()),
            format!("TOML: {}", e.message().trim()),
        )]
    })?;
    if spec.id != stem {
        return Err(vec![error(
            file,
            line_of_node(text, &spec.id),
            format!("the check's id {:?} differs from its file name", spec.id),
        )]);
    }
    ValidCheck::new(spec, book, crosswalk)
        .map(ValidCheck::into_spec)
        .map_err(|problems| {
            problems
                .iter()
                .map(|p| error(file, line_of_problem(text, p), p.to_string()))
                .collect()
        })
}

/// The line a problem is on: the link's line after its node's, or the node's line.
fn line_of_problem(text: &str, problem: &CheckError) -> usize {
    let node = line_of_node(text, problem.node());
    let needle = match problem {
        CheckError::BadLink { link, .. } => format!("\"{link}\""),
        CheckError::UnknownCrosswalk { id, .. } | CheckError::CrosswalkMismatch { id, .. } => {
            format!("\"{id}\"")
        }
        _ => return node,
    };
    text.lines()
        .enumerate()
        .skip(node.saturating_sub(1))
        .find(|(_, line)| line.contains(&needle))
        .map_or(node, |(i, _)| i + 1)
}

/// The first line that declares `id = "<node>"` (0 when there is none).
fn line_of_node(text: &str, node: &str) -> usize {
    let quoted = format!("\"{node}\"");
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            line.starts_with("id") && line.contains(&quoted)
        })
        .map_or(0, |i| i + 1)
}
