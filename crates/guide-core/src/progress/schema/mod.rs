//! The stored payloads of every schema version. An old schema is frozen once a newer one exists:
//! its reader never changes, and it migrates forward one version at a time. Each has a fixture in
//! `tests/fixtures/progress/`.

pub(super) mod v1;
pub(super) mod v2;
pub(super) mod v3;
