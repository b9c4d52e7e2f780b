//! Conformance self-checks against ISO/IEC 5230 (licence compliance) and ISO/IEC 18974 (security
//! assurance): the checks as authored data (`content/conformance/`), their validation, and what a
//! set of answers means (which sections are met, the gaps and what to do about each). A
//! self-check is a self-assessment, never a certification.
//!
//! The modules, in the order a check meets them: [`schema`] (what authors write), `validate`
//! (the only way to a [`ValidCheck`]), `outcome` (what answers mean), `share` (answers in a
//! link) and `report` (Markdown and JSON).

mod outcome;
mod report;
pub mod schema;
mod share;
mod validate;

use serde::{Deserialize, Serialize};

pub use outcome::{CheckOutcome, Gap, SectionOutcome, SectionStatus};
pub use report::{check_json_report, check_markdown_report, CheckReportInput, CheckReportLabels};
pub use schema::{CheckSpec, Item, Section};
pub use share::{
    decode_answers, encode_answers, CheckShareError, CHECK_SHARE_VERSION, MAX_CHECK_SHARE_LEN,
};
pub use validate::{CheckError, ValidCheck, MAX_ITEMS};

/// A reader's answer to one item of a self-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The requirement is met, and the evidence exists.
    Yes,
    /// Some of it is in place.
    Partly,
    /// The requirement is not met.
    No,
    /// The requirement does not apply (only where the standard allows it).
    #[serde(rename = "n-a")]
    NotApplicable,
    /// The reader does not know whether it is met: a gap whose next step is to find out.
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
