//! The validator's checks of what a tree advises beyond its results' rules: predicates, vars,
//! plans of steps, addenda and retired results. Every rule they carry is checked like a result's
//! rule (names that exist, conditions that can hold on some walk), every `{placeholder}` in a text
//! must have a value wherever the text can be shown, and every id follows the one id rule.

use std::collections::BTreeSet;

use super::analysis::{rule_never_holds, Analysis};
use super::error::{IdKind, TreeError};
use super::schema::{PlanStep, Rule};
use super::validate::Checker;
use crate::id::is_valid_id;

impl<'a> Checker<'a> {
    pub(super) fn check_advice(&mut self, analysis: Option<&Analysis<'_>>) {
        let spec = self.spec;
        let mut steps = BTreeSet::new();
        for q in &spec.questions {
            self.check_crosswalk(&q.id, &q.crosswalk);
            if let Some(hint) = &q.hint {
                self.require(&q.id, "hint", hint);
            }
        }
        for p in &spec.predicates {
            self.check_id(IdKind::Predicate, &p.id, None);
            self.require(&p.id, "about", &p.about);
            self.check_rule(&p.id, &p.rule, analysis);
        }
        let mut vars = BTreeSet::new();
        for v in &spec.vars {
            self.check_id(IdKind::Var, &v.id, None);
            if !vars.insert(v.id.as_str()) {
                self.push(TreeError::DuplicateId {
                    kind: IdKind::Var,
                    id: v.id.clone(),
                });
            }
            self.require(&v.id, "default", &v.default);
            for case in &v.cases {
                self.require(&v.id, "value", &case.value);
                self.check_rule(&v.id, &case.rule, analysis);
            }
        }
        for r in &spec.results {
            let own: BTreeSet<&str> = r.vars.keys().map(String::as_str).collect();
            for (key, value) in &r.vars {
                self.check_id(IdKind::Var, key, Some(&r.id));
                self.require(&r.id, "var", value);
            }
            let known = |name: &str| vars.contains(name) || own.contains(name);
            for text in [&r.summary, &r.rationale]
                .into_iter()
                .chain(&r.trade_offs)
                .chain(&r.risks)
            {
                self.check_placeholders(&r.id, text, &known);
            }
            self.check_crosswalk(&r.id, &r.crosswalk);
            for step in &r.plan {
                self.check_step(step, &mut steps, &known, analysis);
            }
        }
        self.check_addenda(&vars, &mut steps, analysis);
        let all_steps = spec
            .results
            .iter()
            .flat_map(|r| &r.plan)
            .chain(spec.addenda.iter().flat_map(|a| &a.plan));
        for step in all_steps {
            for replaced in step.replaces.iter().filter(|r| !steps.contains(r.as_str())) {
                self.push(TreeError::UnknownReplacedStep {
                    step: step.id.clone(),
                    replaces: replaced.clone(),
                });
            }
        }
        for retired in &spec.retired {
            self.check_id(IdKind::Retired, &retired.id, None);
            self.require(&retired.id, "title", &retired.title);
            if self.results.contains(retired.id.as_str()) {
                self.push(TreeError::RetiredStillCurrent {
                    id: retired.id.clone(),
                });
            }
        }
    }

    fn check_addenda(
        &mut self,
        vars: &BTreeSet<&str>,
        steps: &mut BTreeSet<&'a str>,
        analysis: Option<&Analysis<'_>>,
    ) {
        let spec = self.spec;
        let mut ids = BTreeSet::new();
        for a in &spec.addenda {
            self.check_id(IdKind::Addendum, &a.id, None);
            if !ids.insert(a.id.as_str()) || self.results.contains(a.id.as_str()) {
                self.push(TreeError::DuplicateId {
                    kind: IdKind::Addendum,
                    id: a.id.clone(),
                });
            }
            if let Some(group) = &a.group {
                self.check_id(IdKind::Group, group, Some(&a.id));
            }
            for result in &a.results {
                if !self.results.contains(result.as_str()) {
                    self.push(TreeError::UnknownResultInAddendum {
                        addendum: a.id.clone(),
                        result: result.clone(),
                    });
                }
            }
            self.require(&a.id, "title", &a.title);
            self.require(&a.id, "text", &a.text);
            self.check_rule(&a.id, &a.rule, analysis);
            self.check_crosswalk(&a.id, &a.crosswalk);
            // A placeholder must have a value with every result the addendum can be shown with.
            let shown_with: Vec<_> = spec
                .results
                .iter()
                .filter(|r| a.results.is_empty() || a.results.contains(&r.id))
                .collect();
            let known = |name: &str| {
                vars.contains(name) || shown_with.iter().all(|r| r.vars.contains_key(name))
            };
            for text in [&a.title, &a.text].into_iter().chain(&a.risks) {
                self.check_placeholders(&a.id, text, &known);
            }
            for step in &a.plan {
                self.check_step(step, steps, &known, analysis);
            }
        }
    }

    fn check_step(
        &mut self,
        step: &'a PlanStep,
        seen: &mut BTreeSet<&'a str>,
        known: &dyn Fn(&str) -> bool,
        analysis: Option<&Analysis<'_>>,
    ) {
        self.check_id(IdKind::Step, &step.id, None);
        if !seen.insert(step.id.as_str()) {
            self.push(TreeError::DuplicateId {
                kind: IdKind::Step,
                id: step.id.clone(),
            });
        }
        for (field, value) in [
            ("text", &step.text),
            ("owner", &step.owner),
            ("done_when", &step.done_when),
        ] {
            self.require(&step.id, field, value);
            self.check_placeholders(&step.id, value, known);
        }
        self.check_crosswalk(&step.id, &step.crosswalk);
        for rule in [&step.when, &step.done_if].into_iter().flatten() {
            self.check_rule(&step.id, rule, analysis);
        }
    }

    /// A rule's names exist and, on a sound tree, it holds on some walk.
    fn check_rule(&mut self, node: &str, rule: &Rule, analysis: Option<&Analysis<'_>>) {
        if !self.check_rule_refs(node, rule) || analysis.is_none() || rule.is_always_true() {
            return;
        }
        if let Some(reason) = rule_never_holds(rule, self.spec, self.dims, analysis) {
            self.push(TreeError::RuleNeverHolds {
                result: node.to_string(),
                reason,
            });
        }
    }

    fn check_crosswalk(&mut self, node: &str, ids: &[String]) {
        for id in ids {
            self.check_id(IdKind::Crosswalk, id, Some(node));
        }
    }

    fn check_id(&mut self, kind: IdKind, id: &str, within: Option<&str>) {
        if !is_valid_id(id) {
            self.push(TreeError::InvalidId {
                kind,
                id: id.to_string(),
                question: within.map(str::to_string),
            });
        }
    }

    fn require(&mut self, node: &str, field: &'static str, value: &str) {
        if value.trim().is_empty() {
            self.push(TreeError::EmptyField {
                node: node.to_string(),
                field,
            });
        }
    }

    fn check_placeholders(&mut self, node: &str, text: &str, known: &dyn Fn(&str) -> bool) {
        for name in placeholders(text) {
            if !known(name) {
                self.push(TreeError::UnknownPlaceholder {
                    node: node.to_string(),
                    name: name.to_string(),
                });
            }
        }
    }
}

/// The `{name}` placeholders of a text (names follow the id rule; other braces are text).
pub(super) fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| is_valid_id(name))
}
