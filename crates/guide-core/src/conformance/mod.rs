//! Conformance self-checks against ISO/IEC 5230 (licence compliance) and ISO/IEC 18974 (security
//! assurance): the checks as authored data (`content/conformance/`), their validation, and what a
//! set of answers means (which sections are met, the gaps and what to do about each). A
//! self-check is a self-assessment, never a certification.

use serde::{Deserialize, Serialize};

/// A reader's answer to one item of a self-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The requirement is met, and the evidence exists.
    Yes,
    /// Some of it is in place.
    Partly,
    No,
    /// The requirement does not apply (only where the standard allows it).
    #[serde(rename = "n-a")]
    NotApplicable,
    DontKnow,
}

impl Verdict {
    /// Every verdict, in the order a form shows them.
    pub const ALL: [Verdict; 5] = [
        Verdict::Yes,
        Verdict::Partly,
        Verdict::No,
        Verdict::NotApplicable,
        Verdict::DontKnow,
    ];
}
