//! A conformance self-check: the items as a form, and the result with its gaps, the way to the
//! plan, reports and a share link.

pub mod form;
pub mod result;
