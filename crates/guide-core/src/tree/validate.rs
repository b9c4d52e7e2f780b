//! The validator: the only way to obtain a [`ValidTree`] from authored content (the app reads the
//! build's validated trees back with `ValidTree::from_compiled`). It checks ids, links,
//! reachability and cycles, then (on a sound graph) every rule and every walk's end.
//!
//! Long because the structural checks share one `Checker` and one graph; the rule analyses and the
//! advice checks are already in `analysis.rs` and `validate_advice.rs`.

use std::collections::{BTreeMap, BTreeSet};

use super::analysis::{rule_never_holds, Analysis, Constraints};
use super::error::{IdKind, NeverHolds, TreeError};
use super::resolve::resolve;
use super::schema::{Question, Rule, TreeSpec};
use crate::hash::fnv1a64;
use crate::id::is_valid_id;
use crate::progress::{MAX_ANSWERS, MAX_DIMENSIONS};

/// Above this many distinct walks the validator no longer checks every end one by one; a tree
/// that large must then have a result whose rule always holds.
pub const MAX_CHECKED_WALKS: u64 = 20_000;

/// The most alternatives a rule may expand to before the validator stops analysing it (and
/// assumes it can hold).
pub(super) const MAX_RULE_ALTERNATIVES: usize = 256;

/// The most distinct questions and flags a rule may require before the path analysis gives up
/// (and assumes the rule can hold).
pub(super) const MAX_REQUIREMENTS: usize = 16;

/// A tree the validator has accepted. Its fields are private, so the only way to make one is
/// [`validate`] (or [`ValidTree::from_json`], which calls it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTree {
    pub(super) spec: TreeSpec,
    pub(super) questions: BTreeMap<String, usize>,
    pub(super) dims: BTreeMap<String, usize>,
    /// Per question, per option: the next question's index, or `None` when the walk ends.
    pub(super) hops: Vec<Vec<Option<usize>>>,
    /// Per question: the most questions a walk can still ask, this one included.
    pub(super) remaining: Vec<usize>,
    pub(super) dim_max: Vec<u32>,
    pub(super) total_max: u32,
    pub(super) fingerprint: u64,
}

/// Validates a tree, reporting every problem found.
///
/// Problems of structure (unknown ids, missing options, duplicate ids, cycles) are always
/// reported. The analyses that follow walks (reachable scores, rules that can never hold,
/// walks that end without a result) need a sound graph, so they run only when the structure is
/// sound; fixing the first batch may therefore reveal more.
pub fn validate(mut spec: TreeSpec) -> Result<ValidTree, Vec<TreeError>> {
    let unresolved = resolve(&mut spec);
    let dims = dimension_index(&spec);
    let mut checker = Checker::new(&spec, &dims);
    checker.structural = !unresolved.is_empty();
    checker.errors = unresolved;
    checker.check_ids();
    checker.check_questions();
    let graph = checker.graph();
    checker.check_reachability(&graph);
    checker.check_cycles(&graph);
    let sound = !checker.structural;
    let analysis = sound.then(|| Analysis::new(&spec, &dims, &graph));
    checker.check_rules(analysis.as_ref());
    checker.check_advice(analysis.as_ref());
    if let Some(analysis) = &analysis {
        checker.check_coverage(analysis);
        checker.check_store_caps(analysis, graph.start);
    }
    let errors = checker.errors;
    let owned_dims: BTreeMap<String, usize> =
        dims.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    match analysis {
        Some(analysis) if errors.is_empty() => {
            let free = analysis.span(&Constraints::default());
            let (dim_max, total_max) = match free {
                Some(span) => (span.dims.iter().map(|d| d.1).collect(), span.total.1),
                None => (vec![0; owned_dims.len()], 0),
            };
            let hops = graph
                .hops
                .iter()
                .map(|options| {
                    options
                        .iter()
                        .map(|hop| match hop {
                            Hop::To(q) => Some(*q),
                            Hop::End | Hop::Broken => None,
                        })
                        .collect()
                })
                .collect();
            let remaining = analysis.remaining();
            let questions = graph
                .index
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect();
            let fingerprint = fingerprint(&spec);
            drop(analysis);
            Ok(ValidTree {
                spec,
                questions,
                dims: owned_dims,
                hops,
                remaining,
                dim_max,
                total_max,
                fingerprint,
            })
        }
        _ if errors.is_empty() => Err(vec![TreeError::NoQuestions]),
        _ => Err(errors),
    }
}

/// A digest of the tree's shape (ids and links, not wording): share links made for another
/// shape of the tree are refused instead of silently meaning something else.
fn fingerprint(spec: &TreeSpec) -> u64 {
    let mut text = format!("{}|{}", spec.id, spec.start);
    for q in &spec.questions {
        text.push('|');
        text.push_str(&q.id);
        for o in &q.options {
            text.push(':');
            text.push_str(&o.id);
            text.push('>');
            text.push_str(o.next.as_deref().unwrap_or(""));
        }
    }
    fnv1a64(text.as_bytes())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hop {
    To(usize),
    End,
    Broken,
}

pub(super) struct Graph<'a> {
    pub(super) index: BTreeMap<&'a str, usize>,
    pub(super) start: Option<usize>,
    pub(super) hops: Vec<Vec<Hop>>,
}

fn dimension_index(spec: &TreeSpec) -> BTreeMap<&str, usize> {
    let mut dims = BTreeMap::new();
    for d in &spec.dimensions {
        let next = dims.len();
        dims.entry(d.id.as_str()).or_insert(next);
    }
    dims
}

pub(super) struct Checker<'a> {
    pub(super) spec: &'a TreeSpec,
    pub(super) dims: &'a BTreeMap<&'a str, usize>,
    pub(super) results: BTreeSet<&'a str>,
    flags: BTreeSet<&'a str>,
    errors: Vec<TreeError>,
    /// Set when a problem makes walks meaningless (broken links, duplicate nodes, cycles).
    structural: bool,
}

impl<'a> Checker<'a> {
    fn new(spec: &'a TreeSpec, dims: &'a BTreeMap<&'a str, usize>) -> Self {
        let flags = spec
            .questions
            .iter()
            .flat_map(|q| &q.options)
            .flat_map(|o| &o.flags)
            .map(String::as_str)
            .collect();
        Checker {
            spec,
            dims,
            results: spec.results.iter().map(|r| r.id.as_str()).collect(),
            flags,
            errors: Vec::new(),
            structural: false,
        }
    }

    /// What the reader's store refuses, the tree must not produce: more dimensions than a
    /// result records, or a walk longer than a stored path. (Ids are checked with the same rule
    /// the store uses, in `check_ids`.)
    fn check_store_caps(&mut self, analysis: &Analysis<'_>, start: Option<usize>) {
        let count = self.spec.dimensions.len();
        if count > MAX_DIMENSIONS {
            self.push(TreeError::TooManyDimensions {
                count,
                max: MAX_DIMENSIONS,
            });
        }
        let longest = start
            .and_then(|s| analysis.remaining().get(s).copied())
            .unwrap_or(0);
        if longest > MAX_ANSWERS {
            self.push(TreeError::WalkTooLong {
                longest,
                max: MAX_ANSWERS,
            });
        }
    }

    pub(super) fn push(&mut self, error: TreeError) {
        self.errors.push(error);
    }

    fn check_ids(&mut self) {
        let spec = self.spec;
        if !is_valid_id(&spec.id) {
            self.push(TreeError::InvalidId {
                kind: IdKind::Tree,
                id: spec.id.clone(),
                question: None,
            });
        }
        for (field, value) in [
            ("title", &spec.title),
            ("intro", &spec.intro),
            ("chapter", &spec.chapter),
        ] {
            if value.trim().is_empty() {
                self.push(TreeError::EmptyField {
                    node: spec.id.clone(),
                    field,
                });
            }
        }
        if spec.questions.is_empty() {
            self.push(TreeError::NoQuestions);
            self.structural = true;
        }
        if spec.results.is_empty() {
            self.push(TreeError::NoResults);
            self.structural = true;
        }
        let mut seen = BTreeSet::new();
        for d in &spec.dimensions {
            if !is_valid_id(&d.id) {
                self.push(TreeError::InvalidId {
                    kind: IdKind::Dimension,
                    id: d.id.clone(),
                    question: None,
                });
            }
            if !seen.insert(d.id.as_str()) {
                self.push(TreeError::DuplicateId {
                    kind: IdKind::Dimension,
                    id: d.id.clone(),
                });
            }
            if d.label.trim().is_empty() {
                self.push(TreeError::EmptyField {
                    node: d.id.clone(),
                    field: "label",
                });
            }
        }
        let mut nodes = BTreeSet::new();
        let ids = spec
            .questions
            .iter()
            .map(|q| &q.id)
            .chain(spec.results.iter().map(|r| &r.id));
        for id in ids {
            if !is_valid_id(id) {
                self.push(TreeError::InvalidId {
                    kind: IdKind::Node,
                    id: id.clone(),
                    question: None,
                });
            }
            if !nodes.insert(id.as_str()) {
                self.push(TreeError::DuplicateId {
                    kind: IdKind::Node,
                    id: id.clone(),
                });
                self.structural = true;
            }
        }
        for r in &spec.results {
            for (field, value) in [
                ("title", &r.title),
                ("summary", &r.summary),
                ("rationale", &r.rationale),
                ("learn_more", &r.learn_more),
            ] {
                if value.trim().is_empty() {
                    self.push(TreeError::EmptyField {
                        node: r.id.clone(),
                        field,
                    });
                }
            }
        }
    }

    fn check_questions(&mut self) {
        let spec = self.spec;
        let questions: BTreeSet<&str> = spec.questions.iter().map(|q| q.id.as_str()).collect();
        if !questions.contains(spec.start.as_str()) {
            self.push(TreeError::UnknownStart {
                start: spec.start.clone(),
            });
            self.structural = true;
        }
        for q in &spec.questions {
            for (field, value) in [
                ("text", &q.text),
                ("why", &q.why),
                ("learn_more", &q.learn_more),
            ] {
                if value.trim().is_empty() {
                    self.push(TreeError::EmptyField {
                        node: q.id.clone(),
                        field,
                    });
                }
            }
            if q.options.is_empty() {
                self.push(TreeError::NoOptions {
                    question: q.id.clone(),
                });
                self.structural = true;
            }
            let mut seen = BTreeSet::new();
            for o in &q.options {
                let node = format!("{}/{}", q.id, o.id);
                if !is_valid_id(&o.id) {
                    self.push(TreeError::InvalidId {
                        kind: IdKind::Option,
                        id: o.id.clone(),
                        question: Some(q.id.clone()),
                    });
                }
                if !seen.insert(o.id.as_str()) {
                    self.push(TreeError::DuplicateOption {
                        question: q.id.clone(),
                        option: o.id.clone(),
                    });
                }
                if o.label.trim().is_empty() {
                    self.push(TreeError::EmptyField {
                        node: node.clone(),
                        field: "label",
                    });
                }
                for flag in &o.flags {
                    if !is_valid_id(flag) {
                        self.push(TreeError::InvalidId {
                            kind: IdKind::Flag,
                            id: flag.clone(),
                            question: Some(q.id.clone()),
                        });
                    }
                }
                for dimension in o.points.keys() {
                    if !self.dims.contains_key(dimension.as_str()) {
                        self.push(TreeError::UnknownDimension {
                            node: node.clone(),
                            dimension: dimension.clone(),
                        });
                    }
                }
                if let Some(next) = &o.next {
                    if questions.contains(next.as_str()) {
                        continue;
                    }
                    let error = if self.results.contains(next.as_str()) {
                        TreeError::NextIsResult {
                            question: q.id.clone(),
                            option: o.id.clone(),
                            next: next.clone(),
                        }
                    } else {
                        TreeError::UnknownNext {
                            question: q.id.clone(),
                            option: o.id.clone(),
                            next: next.clone(),
                        }
                    };
                    self.push(error);
                    self.structural = true;
                }
            }
        }
    }

    fn graph(&self) -> Graph<'a> {
        let spec = self.spec;
        let mut index = BTreeMap::new();
        for (i, q) in spec.questions.iter().enumerate() {
            index.entry(q.id.as_str()).or_insert(i);
        }
        let hops = spec
            .questions
            .iter()
            .map(|q| {
                q.options
                    .iter()
                    .map(|o| match &o.next {
                        None => Hop::End,
                        Some(next) => index
                            .get(next.as_str())
                            .map_or(Hop::Broken, |&i| Hop::To(i)),
                    })
                    .collect()
            })
            .collect();
        Graph {
            start: index.get(spec.start.as_str()).copied(),
            index,
            hops,
        }
    }

    fn check_reachability(&mut self, graph: &Graph<'_>) {
        let Some(start) = graph.start else {
            return;
        };
        let mut seen = vec![false; graph.hops.len()];
        let mut stack = vec![start];
        while let Some(q) = stack.pop() {
            match seen.get_mut(q) {
                Some(s) if !*s => *s = true,
                _ => continue,
            }
            for hop in graph.hops.get(q).into_iter().flatten() {
                if let Hop::To(n) = hop {
                    stack.push(*n);
                }
            }
        }
        for (q, reached) in self.spec.questions.iter().zip(seen) {
            if !reached {
                self.push(TreeError::Unreachable {
                    question: q.id.clone(),
                });
            }
        }
    }

    fn check_cycles(&mut self, graph: &Graph<'_>) {
        // 0 = not visited, 1 = on the current path, 2 = done.
        let n = graph.hops.len();
        let mut colour = vec![0u8; n];
        let mut found: BTreeSet<Vec<usize>> = BTreeSet::new();
        for root in 0..n {
            if colour.get(root) != Some(&0) {
                continue;
            }
            // An explicit stack of (question, next option to look at) keeps deep trees safe.
            let mut path: Vec<(usize, usize)> = vec![(root, 0)];
            if let Some(c) = colour.get_mut(root) {
                *c = 1;
            }
            while let Some(&mut (q, ref mut i)) = path.last_mut() {
                let hops = graph.hops.get(q).map(Vec::as_slice).unwrap_or(&[]);
                if let Some(hop) = hops.get(*i) {
                    *i += 1;
                    let Hop::To(next) = *hop else { continue };
                    match colour.get(next) {
                        Some(0) => {
                            if let Some(c) = colour.get_mut(next) {
                                *c = 1;
                            }
                            path.push((next, 0));
                        }
                        Some(1) => {
                            let from = path.iter().position(|&(p, _)| p == next).unwrap_or(0);
                            let mut cycle: Vec<usize> =
                                path[from..].iter().map(|&(p, _)| p).collect();
                            // Rotate so that the same cycle found from elsewhere is reported once.
                            let smallest = cycle
                                .iter()
                                .enumerate()
                                .min_by_key(|&(_, v)| *v)
                                .map_or(0, |(i, _)| i);
                            cycle.rotate_left(smallest);
                            found.insert(cycle);
                        }
                        _ => {}
                    }
                } else {
                    if let Some(c) = colour.get_mut(q) {
                        *c = 2;
                    }
                    path.pop();
                }
            }
        }
        for cycle in found {
            let mut nodes: Vec<String> = cycle
                .iter()
                .filter_map(|&i| self.spec.questions.get(i))
                .map(|q| q.id.clone())
                .collect();
            if let Some(first) = nodes.first().cloned() {
                nodes.push(first);
            }
            self.push(TreeError::Cycle { nodes });
            self.structural = true;
        }
    }

    fn question(&self, id: &str) -> Option<&'a Question> {
        self.spec.questions.iter().find(|q| q.id == id)
    }

    /// Reference checks on a rule and everything nested in it.
    pub(super) fn check_rule_refs(&mut self, result: &str, rule: &Rule) -> bool {
        let mut clean = true;
        for dimension in rule.dimensions.keys() {
            if !self.dims.contains_key(dimension.as_str()) {
                self.push(TreeError::UnknownDimension {
                    node: result.to_string(),
                    dimension: dimension.clone(),
                });
                clean = false;
            }
        }
        let named = rule
            .answers
            .iter()
            .map(|c| &c.question)
            .chain(&rule.answered)
            .chain(&rule.not_answered);
        for question in named {
            if self.question(question).is_none() {
                self.push(TreeError::UnknownQuestionInRule {
                    result: result.to_string(),
                    question: question.clone(),
                });
                clean = false;
            }
        }
        for condition in &rule.answers {
            if let Some(q) = self.question(&condition.question) {
                for option in &condition.options {
                    if !q.options.iter().any(|o| &o.id == option) {
                        self.push(TreeError::UnknownOptionInRule {
                            result: result.to_string(),
                            question: condition.question.clone(),
                            option: option.clone(),
                        });
                        clean = false;
                    }
                }
            }
        }
        for flag in rule.flags.iter().chain(&rule.no_flags) {
            if !self.flags.contains(flag.as_str()) {
                self.push(TreeError::UnknownFlagInRule {
                    result: result.to_string(),
                    flag: flag.clone(),
                });
                clean = false;
            }
        }
        for sub in rule.any.iter().chain(&rule.all) {
            clean &= self.check_rule_refs(result, sub);
        }
        clean
    }

    fn check_rules(&mut self, analysis: Option<&Analysis<'_>>) {
        let spec = self.spec;
        let mut always: Option<&str> = None;
        for result in &spec.results {
            let clean = self.check_rule_refs(&result.id, &result.rule);
            if let Some(by) = always {
                self.push(TreeError::RuleNeverHolds {
                    result: result.id.clone(),
                    reason: NeverHolds::Shadowed { by: by.to_string() },
                });
                continue;
            }
            if result.rule.is_always_true() {
                always = Some(result.id.as_str());
                continue;
            }
            if !clean {
                continue;
            }
            if let Some(reason) = rule_never_holds(&result.rule, spec, self.dims, analysis) {
                self.push(TreeError::RuleNeverHolds {
                    result: result.id.clone(),
                    reason,
                });
            }
        }
    }

    fn check_coverage(&mut self, analysis: &Analysis<'_>) {
        let spec = self.spec;
        let has_default = spec.results.iter().any(|r| r.rule.is_always_true());
        let walks = analysis.count_walks();
        if walks > MAX_CHECKED_WALKS {
            if !has_default {
                self.push(TreeError::NoDefaultResult { walks });
            }
            return;
        }
        let report = analysis.enumerate();
        if let Some(walk) = report.uncovered_example {
            self.push(TreeError::UncoveredWalk {
                walk,
                count: report.uncovered,
            });
        }
        // Results already reported as never holding are not reported twice.
        let reported: BTreeSet<String> = self
            .errors
            .iter()
            .filter_map(|e| match e {
                TreeError::RuleNeverHolds { result, .. }
                | TreeError::UnknownQuestionInRule { result, .. }
                | TreeError::UnknownOptionInRule { result, .. }
                | TreeError::UnknownFlagInRule { result, .. } => Some(result.clone()),
                TreeError::UnknownDimension { node, .. } => Some(node.clone()),
                _ => None,
            })
            .collect();
        for (i, result) in spec.results.iter().enumerate() {
            if reported.contains(&result.id) {
                continue;
            }
            if !report.holds.contains(&i) {
                self.push(TreeError::RuleNeverHolds {
                    result: result.id.clone(),
                    reason: NeverHolds::NoMatchingWalk,
                });
            } else if !report.chosen.contains(&i) {
                self.push(TreeError::ResultNeverChosen {
                    result: result.id.clone(),
                });
            }
        }
    }
}
