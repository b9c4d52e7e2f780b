//! What authors write for convenience, turned into the plain form the rest of the validator and
//! the engine read: `sequence` and `then` become each option's `next`, and predicate names
//! (`is = ["committed"]`) become their rules (in `all`). A resolved tree resolves to itself, so a
//! tree shipped after validation can be validated again.

use std::collections::BTreeMap;

use super::error::TreeError;
use super::schema::{Rule, TreeSpec};

/// Resolves `spec` in place, reporting every name that does not resolve.
pub(super) fn resolve(spec: &mut TreeSpec) -> Vec<TreeError> {
    let mut errors = resolve_next(spec);
    errors.extend(resolve_predicates(spec));
    errors
}

fn resolve_next(spec: &mut TreeSpec) -> Vec<TreeError> {
    let mut errors = Vec::new();
    let known: Vec<String> = spec.questions.iter().map(|q| q.id.clone()).collect();
    for id in &spec.sequence {
        if !known.contains(id) {
            errors.push(TreeError::UnknownInSequence {
                question: id.clone(),
            });
        }
    }
    let after: BTreeMap<&str, &str> = spec
        .sequence
        .windows(2)
        .filter_map(|pair| Some((pair.first()?.as_str(), pair.get(1)?.as_str())))
        .collect();
    let mut follow: BTreeMap<String, Option<String>> = BTreeMap::new();
    for q in &spec.questions {
        if let Some(then) = &q.then {
            if !known.contains(then) {
                errors.push(TreeError::UnknownThen {
                    question: q.id.clone(),
                    then: then.clone(),
                });
            }
        }
        let default = q
            .then
            .clone()
            .or_else(|| after.get(q.id.as_str()).map(|s| (*s).to_string()));
        follow.insert(q.id.clone(), default);
    }
    for q in &mut spec.questions {
        let default = follow.get(&q.id).cloned().flatten();
        for o in &mut q.options {
            if o.ends {
                o.next = None;
            } else if o.next.is_none() {
                o.next.clone_from(&default);
            }
        }
    }
    errors
}

fn resolve_predicates(spec: &mut TreeSpec) -> Vec<TreeError> {
    let defined: BTreeMap<String, Rule> = spec
        .predicates
        .iter()
        .map(|p| (p.id.clone(), p.rule.clone()))
        .collect();
    let mut errors = Vec::new();
    let mut resolve = |node: &str, rule: &mut Rule| {
        let mut stack = Vec::new();
        expand(node, rule, &defined, &mut stack, &mut errors);
    };
    for p in &mut spec.predicates {
        resolve(&p.id, &mut p.rule);
    }
    for v in &mut spec.vars {
        for case in &mut v.cases {
            resolve(&v.id, &mut case.rule);
        }
    }
    for r in &mut spec.results {
        resolve(&r.id, &mut r.rule);
        for step in &mut r.plan {
            step_rules(&step.id.clone(), step, &mut resolve);
        }
    }
    for a in &mut spec.addenda {
        resolve(&a.id, &mut a.rule);
        for step in &mut a.plan {
            step_rules(&step.id.clone(), step, &mut resolve);
        }
    }
    errors.sort_by_key(ToString::to_string);
    errors.dedup();
    errors
}

fn step_rules(
    id: &str,
    step: &mut super::schema::PlanStep,
    resolve: &mut impl FnMut(&str, &mut Rule),
) {
    for rule in [&mut step.when, &mut step.done_if].into_iter().flatten() {
        resolve(id, rule);
    }
}

/// Replaces the names in `rule` (and the rules nested in it) by the predicates' rules.
fn expand(
    node: &str,
    rule: &mut Rule,
    defined: &BTreeMap<String, Rule>,
    stack: &mut Vec<String>,
    errors: &mut Vec<TreeError>,
) {
    for name in std::mem::take(&mut rule.is) {
        if stack.contains(&name) {
            let mut names = stack.clone();
            names.push(name);
            errors.push(TreeError::PredicateCycle { names });
            continue;
        }
        let Some(found) = defined.get(&name) else {
            errors.push(TreeError::UnknownPredicate {
                node: node.to_string(),
                name,
            });
            continue;
        };
        let mut body = found.clone();
        stack.push(name);
        expand(node, &mut body, defined, stack, errors);
        stack.pop();
        rule.all.push(body);
    }
    for sub in rule.any.iter_mut().chain(rule.all.iter_mut()) {
        expand(node, sub, defined, stack, errors);
    }
}
