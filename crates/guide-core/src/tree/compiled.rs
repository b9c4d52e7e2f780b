//! A tree as the build ships it: validated, together with what the validator derived (the
//! question and dimension indexes, each option's hop, the walk lengths, the maxima, the shape's
//! fingerprint). The app reads it back with cheap consistency checks only, so the validator and
//! its rule analyses never reach the browser; the build has already proved the tree.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::error::TreeLoadError;
use super::schema::TreeSpec;
use super::validate::ValidTree;

/// A validated tree in the form the build writes (`trees.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompiledTree {
    spec: TreeSpec,
    questions: BTreeMap<String, usize>,
    dims: BTreeMap<String, usize>,
    hops: Vec<Vec<Option<usize>>>,
    remaining: Vec<usize>,
    dim_max: Vec<u32>,
    total_max: u32,
    fingerprint: u64,
}

impl ValidTree {
    /// The tree with everything the validator derived, for the build to ship.
    pub fn compile(&self) -> CompiledTree {
        CompiledTree {
            spec: self.spec.clone(),
            questions: self.questions.clone(),
            dims: self.dims.clone(),
            hops: self.hops.clone(),
            remaining: self.remaining.clone(),
            dim_max: self.dim_max.clone(),
            total_max: self.total_max,
            fingerprint: self.fingerprint,
        }
    }

    /// A tree the build compiled. The indexes are checked against the spec (every index in
    /// range, every question and option accounted for), so a damaged file is refused rather than
    /// walked; whether the tree is sound is the build's proof, not checked again.
    pub fn from_compiled(compiled: CompiledTree) -> Result<ValidTree, TreeLoadError> {
        let CompiledTree {
            spec,
            questions,
            dims,
            hops,
            remaining,
            dim_max,
            total_max,
            fingerprint,
        } = compiled;
        let n = spec.questions.len();
        let consistent = questions.len() == n
            && spec
                .questions
                .iter()
                .enumerate()
                .all(|(i, q)| questions.get(&q.id) == Some(&i))
            && hops.len() == n
            && hops.iter().zip(&spec.questions).all(|(h, q)| {
                h.len() == q.options.len() && h.iter().flatten().all(|next| *next < n)
            })
            && remaining.len() == n
            && dims.len() == spec.dimensions.len()
            && spec
                .dimensions
                .iter()
                .enumerate()
                .all(|(i, d)| dims.get(&d.id) == Some(&i))
            && dim_max.len() == dims.len();
        if !consistent {
            return Err(TreeLoadError::Inconsistent);
        }
        Ok(ValidTree {
            spec,
            questions,
            dims,
            hops,
            remaining,
            dim_max,
            total_max,
            fingerprint,
        })
    }
}
