//! Rule analysis over every walk of a sound tree: which scores a walk can reach, which rules can
//! never hold, which walks end without a result. Used by the validator only.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::error::NeverHolds;
use super::eval::{holds, State};
use super::schema::{describe_range, AnswerCondition, AnswerOption, Bounds, Rule, TreeSpec};
use super::validate::{Graph, Hop, MAX_REQUIREMENTS, MAX_RULE_ALTERNATIVES};

/// One alternative of a rule with its `any` lists expanded: every condition must hold.
#[derive(Debug, Clone, Default)]
pub(super) struct Conjunction<'a> {
    pub(super) totals: Vec<Bounds>,
    pub(super) dims: Vec<(&'a str, Bounds)>,
    pub(super) answers: Vec<&'a AnswerCondition>,
    pub(super) answered: Vec<&'a str>,
    pub(super) not_answered: Vec<&'a str>,
    pub(super) flags: Vec<&'a str>,
    pub(super) no_flags: Vec<&'a str>,
}

impl<'a> Conjunction<'a> {
    pub(super) fn of(rule: &'a Rule) -> Self {
        Conjunction {
            totals: rule.total.iter().copied().collect(),
            dims: rule
                .dimensions
                .iter()
                .map(|(k, v)| (k.as_str(), *v))
                .collect(),
            answers: rule.answers.iter().collect(),
            answered: rule.answered.iter().map(String::as_str).collect(),
            not_answered: rule.not_answered.iter().map(String::as_str).collect(),
            flags: rule.flags.iter().map(String::as_str).collect(),
            no_flags: rule.no_flags.iter().map(String::as_str).collect(),
        }
    }

    pub(super) fn and(&self, other: &Conjunction<'a>) -> Self {
        let mut out = self.clone();
        out.totals.extend(&other.totals);
        out.dims.extend(&other.dims);
        out.answers.extend(&other.answers);
        out.answered.extend(&other.answered);
        out.not_answered.extend(&other.not_answered);
        out.flags.extend(&other.flags);
        out.no_flags.extend(&other.no_flags);
        out
    }
}

/// The rule as a list of alternatives, or `None` when it expands to too many to analyse.
fn alternatives(rule: &Rule) -> Option<Vec<Conjunction<'_>>> {
    let mut out = vec![Conjunction::of(rule)];
    if !rule.any.is_empty() {
        let mut either = Vec::new();
        for sub in &rule.any {
            either.extend(alternatives(sub)?);
        }
        out = cross(&out, &either)?;
    }
    for sub in &rule.all {
        out = cross(&out, &alternatives(sub)?)?;
    }
    Some(out)
}

/// Every conjunction of one alternative of `left` and one of `right`.
fn cross<'a>(left: &[Conjunction<'a>], right: &[Conjunction<'a>]) -> Option<Vec<Conjunction<'a>>> {
    let mut out = Vec::with_capacity(left.len().saturating_mul(right.len()));
    for l in left {
        for r in right {
            out.push(l.and(r));
            if out.len() > MAX_RULE_ALTERNATIVES {
                return None;
            }
        }
    }
    Some(out)
}

/// Whether a conjunction may hold, with the reason when it cannot.
fn conjunction_never_holds(
    conj: &Conjunction<'_>,
    spec: &TreeSpec,
    dims: &BTreeMap<&str, usize>,
    analysis: Option<&Analysis<'_>>,
) -> Option<NeverHolds> {
    // Ranges on their own, then together.
    let mut total = (0u32, u32::MAX);
    for b in &conj.totals {
        if b.lo() > b.hi() {
            return Some(NeverHolds::EmptyRange {
                what: "total".into(),
                min: b.lo(),
                max: b.hi(),
            });
        }
        total = (total.0.max(b.lo()), total.1.min(b.hi()));
    }
    if total.0 > total.1 {
        return Some(NeverHolds::Contradiction {
            detail: format!(
                "its total conditions cannot hold together ({} and {})",
                describe_range(total.0, u32::MAX),
                describe_range(0, total.1)
            ),
        });
    }
    let mut per_dim: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for (d, b) in &conj.dims {
        if b.lo() > b.hi() {
            return Some(NeverHolds::EmptyRange {
                what: format!("{d:?}"),
                min: b.lo(),
                max: b.hi(),
            });
        }
        let entry = per_dim.entry(d).or_insert((0, u32::MAX));
        *entry = (entry.0.max(b.lo()), entry.1.min(b.hi()));
        if entry.0 > entry.1 {
            return Some(NeverHolds::Contradiction {
                detail: format!("its conditions on {d:?} cannot hold together"),
            });
        }
    }
    // Answer conditions: the allowed options per question.
    let mut allowed: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for c in &conj.answers {
        if c.options.is_empty() {
            return Some(NeverHolds::EmptyOptionList {
                question: c.question.clone(),
            });
        }
        let these: BTreeSet<&str> = c.options.iter().map(String::as_str).collect();
        match allowed.get_mut(c.question.as_str()) {
            Some(set) => {
                set.retain(|o| these.contains(o));
                if set.is_empty() {
                    return Some(NeverHolds::Contradiction {
                        detail: format!(
                            "it asks for question {:?} to be answered with options that have none in common",
                            c.question
                        ),
                    });
                }
            }
            None => {
                allowed.insert(c.question.as_str(), these);
            }
        }
    }
    for q in &conj.not_answered {
        if allowed.contains_key(q) || conj.answered.contains(q) {
            return Some(NeverHolds::Contradiction {
                detail: format!("it needs question {q:?} both answered and not answered"),
            });
        }
    }
    for f in &conj.flags {
        if conj.no_flags.contains(f) {
            return Some(NeverHolds::Contradiction {
                detail: format!("it needs the flag {f:?} both set and not set"),
            });
        }
    }
    // Walks: can one walk meet the answer and flag conditions, and what does it score?
    let analysis = analysis?;
    let index = |q: &str| spec.questions.iter().position(|x| x.id == q);
    let mut constraints = Constraints::default();
    for (q, options) in &allowed {
        let qi = index(q)?;
        let question = spec.questions.get(qi)?;
        let set = question
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| options.contains(o.id.as_str()))
            .map(|(i, _)| i)
            .collect();
        constraints.allowed.insert(qi, set);
        constraints.required.push(Requirement::Visit(qi));
    }
    for q in &conj.answered {
        let qi = index(q)?;
        if !constraints.allowed.contains_key(&qi) {
            constraints.required.push(Requirement::Visit(qi));
        }
    }
    for q in &conj.not_answered {
        constraints.forbidden.insert(index(q)?);
    }
    for f in &conj.flags {
        constraints.required.push(Requirement::Flag(f.to_string()));
    }
    constraints.no_flags = conj.no_flags.iter().map(|f| f.to_string()).collect();
    if constraints.required.len() > MAX_REQUIREMENTS {
        return None;
    }
    let Some(span) = analysis.span(&constraints) else {
        return Some(NeverHolds::NoWalk);
    };
    if total.1 < span.total.0 || total.0 > span.total.1 {
        return Some(NeverHolds::TotalOutOfReach {
            wanted: describe_range(total.0, total.1),
            lowest: span.total.0,
            highest: span.total.1,
        });
    }
    for (d, (lo, hi)) in per_dim {
        let (low, high) = dims
            .get(d)
            .and_then(|&i| span.dims.get(i))
            .copied()
            .unwrap_or((0, 0));
        if hi < low || lo > high {
            return Some(NeverHolds::DimensionOutOfReach {
                dimension: d.to_string(),
                wanted: describe_range(lo, hi),
                lowest: low,
                highest: high,
            });
        }
    }
    None
}

pub(super) fn rule_never_holds(
    rule: &Rule,
    spec: &TreeSpec,
    dims: &BTreeMap<&str, usize>,
    analysis: Option<&Analysis<'_>>,
) -> Option<NeverHolds> {
    let alts = alternatives(rule)?;
    let mut reasons = Vec::new();
    for alt in &alts {
        reasons.push(conjunction_never_holds(alt, spec, dims, analysis)?);
    }
    if reasons.len() == 1 {
        reasons.pop()
    } else {
        Some(NeverHolds::NoAlternative { reasons })
    }
}

/// Something a walk must include for a rule to hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Requirement {
    Visit(usize),
    Flag(String),
}

/// Restrictions on walks, for the path analysis.
#[derive(Debug, Clone, Default)]
pub(super) struct Constraints {
    /// Questions whose answer must be one of these options.
    pub(super) allowed: BTreeMap<usize, BTreeSet<usize>>,
    pub(super) forbidden: BTreeSet<usize>,
    pub(super) no_flags: BTreeSet<String>,
    pub(super) required: Vec<Requirement>,
}

/// The lowest and highest points a set of walks can score, per dimension and in total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) total: (u32, u32),
    pub(super) dims: Vec<(u32, u32)>,
}

impl Span {
    pub(super) fn zero(dims: usize) -> Span {
        Span {
            total: (0, 0),
            dims: vec![(0, 0); dims],
        }
    }

    pub(super) fn plus(mut self, points: &[u32]) -> Span {
        let sum = points.iter().fold(0u32, |a, p| a.saturating_add(*p));
        self.total = (
            self.total.0.saturating_add(sum),
            self.total.1.saturating_add(sum),
        );
        for (d, p) in self.dims.iter_mut().zip(points) {
            *d = (d.0.saturating_add(*p), d.1.saturating_add(*p));
        }
        self
    }

    pub(super) fn widen(&mut self, other: &Span) {
        self.total = (
            self.total.0.min(other.total.0),
            self.total.1.max(other.total.1),
        );
        for (d, o) in self.dims.iter_mut().zip(&other.dims) {
            *d = (d.0.min(o.0), d.1.max(o.1));
        }
    }
}

/// Walk-level facts about a structurally sound (acyclic, fully linked) tree.
pub(super) struct Analysis<'a> {
    pub(super) spec: &'a TreeSpec,
    pub(super) dims: &'a BTreeMap<&'a str, usize>,
    pub(super) start: usize,
    pub(super) hops: Vec<Vec<Hop>>,
    /// Per question, per option: points per dimension index.
    pub(super) points: Vec<Vec<Vec<u32>>>,
}

/// What checking every walk found.
pub(super) struct WalkReport {
    /// Indexes of results whose rule holds on at least one walk.
    pub(super) holds: BTreeSet<usize>,
    /// Indexes of results chosen on at least one walk.
    pub(super) chosen: BTreeSet<usize>,
    pub(super) uncovered: u64,
    pub(super) uncovered_example: Option<String>,
}

impl<'a> Analysis<'a> {
    pub(super) fn new(
        spec: &'a TreeSpec,
        dims: &'a BTreeMap<&'a str, usize>,
        graph: &Graph<'_>,
    ) -> Self {
        let points = spec
            .questions
            .iter()
            .map(|q| {
                q.options
                    .iter()
                    .map(|o| {
                        let mut v = vec![0u32; dims.len()];
                        for (d, p) in &o.points {
                            if let Some(slot) = dims.get(d.as_str()).and_then(|&i| v.get_mut(i)) {
                                *slot = slot.saturating_add(*p);
                            }
                        }
                        v
                    })
                    .collect()
            })
            .collect();
        Analysis {
            spec,
            dims,
            start: graph.start.unwrap_or(0),
            hops: graph.hops.clone(),
            points,
        }
    }

    pub(super) fn options(&self, q: usize) -> impl Iterator<Item = (usize, &Hop, &AnswerOption)> {
        let hops = self.hops.get(q).map(Vec::as_slice).unwrap_or(&[]);
        let options = self
            .spec
            .questions
            .get(q)
            .map(|q| q.options.as_slice())
            .unwrap_or(&[]);
        hops.iter()
            .zip(options)
            .enumerate()
            .map(|(i, (h, o))| (i, h, o))
    }

    pub(super) fn points(&self, q: usize, o: usize) -> &[u32] {
        self.points
            .get(q)
            .and_then(|p| p.get(o))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The score span over all walks from the start that meet the constraints, or `None` when
    /// no walk does.
    pub(super) fn span(&self, c: &Constraints) -> Option<Span> {
        let full: u32 = if c.required.is_empty() {
            0
        } else {
            (1u32 << c.required.len()) - 1
        };
        let mut memo = HashMap::new();
        self.span_from(self.start, 0, full, c, &mut memo)
    }

    pub(super) fn span_from(
        &self,
        q: usize,
        mask: u32,
        full: u32,
        c: &Constraints,
        memo: &mut HashMap<(usize, u32), Option<Span>>,
    ) -> Option<Span> {
        if let Some(known) = memo.get(&(q, mask)) {
            return known.clone();
        }
        let incoming = mask;
        let mut best: Option<Span> = None;
        if !c.forbidden.contains(&q) {
            let mut mask = mask;
            for (i, r) in c.required.iter().enumerate() {
                if *r == Requirement::Visit(q) {
                    mask |= 1 << i;
                }
            }
            for (o, hop, option) in self.options(q) {
                if c.allowed.get(&q).is_some_and(|set| !set.contains(&o)) {
                    continue;
                }
                if option.flags.iter().any(|f| c.no_flags.contains(f)) {
                    continue;
                }
                let mut m = mask;
                for (i, r) in c.required.iter().enumerate() {
                    if matches!(r, Requirement::Flag(f) if option.flags.contains(f)) {
                        m |= 1 << i;
                    }
                }
                let rest = match hop {
                    Hop::To(next) => self.span_from(*next, m, full, c, memo),
                    Hop::End if m == full => Some(Span::zero(self.dims.len())),
                    Hop::End | Hop::Broken => None,
                };
                if let Some(rest) = rest {
                    let span = rest.plus(self.points(q, o));
                    match &mut best {
                        Some(b) => b.widen(&span),
                        None => best = Some(span),
                    }
                }
            }
        }
        memo.insert((q, incoming), best.clone());
        best
    }

    /// Per question, the most questions a walk can still ask from it, itself included.
    pub(super) fn remaining(&self) -> Vec<usize> {
        let mut memo = vec![None; self.hops.len()];
        (0..self.hops.len())
            .map(|q| self.remaining_from(q, &mut memo))
            .collect()
    }

    pub(super) fn remaining_from(&self, q: usize, memo: &mut Vec<Option<usize>>) -> usize {
        if let Some(Some(n)) = memo.get(q) {
            return *n;
        }
        let mut longest = 0;
        for (_, hop, _) in self.options(q) {
            if let Hop::To(next) = hop {
                longest = longest.max(self.remaining_from(*next, memo));
            }
        }
        if let Some(slot) = memo.get_mut(q) {
            *slot = Some(longest + 1);
        }
        longest + 1
    }

    /// How many distinct walks there are from the start (saturating).
    pub(super) fn count_walks(&self) -> u64 {
        let mut memo = vec![None; self.hops.len()];
        self.count_from(self.start, &mut memo)
    }

    pub(super) fn count_from(&self, q: usize, memo: &mut Vec<Option<u64>>) -> u64 {
        if let Some(Some(n)) = memo.get(q) {
            return *n;
        }
        let mut count = 0u64;
        for (_, hop, _) in self.options(q) {
            let n = match hop {
                Hop::To(next) => self.count_from(*next, memo),
                _ => 1,
            };
            count = count.saturating_add(n);
        }
        if let Some(slot) = memo.get_mut(q) {
            *slot = Some(count);
        }
        count
    }

    /// Checks the rules at the end of every walk. Only called when there are few walks.
    pub(super) fn enumerate(&self) -> WalkReport {
        let mut report = WalkReport {
            holds: BTreeSet::new(),
            chosen: BTreeSet::new(),
            uncovered: 0,
            uncovered_example: None,
        };
        let mut state = State::new(self.dims.len());
        let mut path = Vec::new();
        self.enumerate_from(self.start, &mut state, &mut path, &mut report);
        report
    }

    pub(super) fn enumerate_from(
        &self,
        q: usize,
        state: &mut State<'a>,
        path: &mut Vec<(usize, usize)>,
        report: &mut WalkReport,
    ) {
        let Some(question) = self.spec.questions.get(q) else {
            return;
        };
        for (o, option) in question.options.iter().enumerate() {
            let Some(hop) = self.hops.get(q).and_then(|h| h.get(o)) else {
                continue;
            };
            let saved = state.clone();
            state.choose(question, option, self.points(q, o));
            path.push((q, o));
            match hop {
                Hop::To(next) => self.enumerate_from(*next, state, path, report),
                Hop::End => {
                    let lookup = |d: &str| self.dims.get(d).copied();
                    let mut first = None;
                    for (i, r) in self.spec.results.iter().enumerate() {
                        if holds(&r.rule, state, &lookup) {
                            report.holds.insert(i);
                            first.get_or_insert(i);
                        }
                    }
                    match first {
                        Some(i) => {
                            report.chosen.insert(i);
                        }
                        None => {
                            report.uncovered += 1;
                            if report.uncovered_example.is_none() {
                                report.uncovered_example = Some(describe_walk(self.spec, path));
                            }
                        }
                    }
                }
                Hop::Broken => {}
            }
            path.pop();
            *state = saved;
        }
    }
}

fn describe_walk(spec: &TreeSpec, path: &[(usize, usize)]) -> String {
    path.iter()
        .filter_map(|&(q, o)| {
            let question = spec.questions.get(q)?;
            let option = question.options.get(o)?;
            Some(format!("{}={}", question.id, option.id))
        })
        .collect::<Vec<_>>()
        .join(", ")
}
