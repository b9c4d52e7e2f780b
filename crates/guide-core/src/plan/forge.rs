//! "New issue" links for a GitHub or GitLab project the reader names: the forge's own form,
//! opened with the step's title, body and labels filled in. Nothing is sent until the reader
//! submits the form on the forge, signed in as themselves; the guide needs no token.

use thiserror::Error;

use super::assemble::PlanEntry;
use super::markdown::{issue_body, issue_labels, PlanLabels};

/// Which kind of forge a project is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForgeKind {
    /// GitHub (`github.com` only).
    GitHub,
    /// GitLab.com or a self-hosted GitLab.
    GitLab,
}

/// A project on a forge, as the reader typed its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forge {
    /// Which kind of forge the project is on.
    pub kind: ForgeKind,
    /// `https://host/group/…/project`, without a trailing slash.
    project: String,
}

/// Why a project address cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ForgeError {
    /// The address does not start with `https://`.
    #[error("the address must start with https://")]
    NotHttps,
    /// The address names no host and project (or not enough groups for one).
    #[error("the address must name a host and a project, such as https://github.com/acme/ospo")]
    NoProject,
    /// A part of the path holds characters other than letters, digits, `.`, `-` and `_`, or starts
    /// with `.`.
    #[error("the address may hold only letters, digits, '.', '-', '_' and '/' after the host")]
    BadCharacters,
    /// A GitHub address is not `https://github.com/<owner>/<repository>`.
    #[error("a GitHub project address is https://github.com/<owner>/<repository>")]
    NotGitHub,
}

/// The longest address a link may have: browsers and forges accept more, but some proxies cut
/// longer ones; a body that would not fit is shortened with a pointer to the plan.
const MAX_LINK: usize = 7_000;

impl Forge {
    /// Checks a project address. GitHub projects are on `github.com` (two path segments);
    /// anything else is taken as a GitLab (one or more groups, then the project).
    pub fn parse(kind: ForgeKind, address: &str) -> Result<Forge, ForgeError> {
        let address = address.trim().trim_end_matches('/');
        let rest = address
            .strip_prefix("https://")
            .ok_or(ForgeError::NotHttps)?;
        let (host, path) = rest.split_once('/').ok_or(ForgeError::NoProject)?;
        let host_ok = !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':'));
        let segments: Vec<&str> = path.split('/').collect();
        if !host_ok || segments.iter().any(|s| s.is_empty()) {
            return Err(ForgeError::NoProject);
        }
        let segment_ok = |s: &&str| {
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
                && !s.starts_with('.')
        };
        if !segments.iter().all(segment_ok) {
            return Err(ForgeError::BadCharacters);
        }
        let enough = match kind {
            ForgeKind::GitHub if host != "github.com" || segments.len() != 2 => {
                return Err(ForgeError::NotGitHub)
            }
            ForgeKind::GitHub => true,
            ForgeKind::GitLab => segments.len() >= 2,
        };
        if !enough {
            return Err(ForgeError::NoProject);
        }
        Ok(Forge {
            kind,
            project: format!("https://{host}/{}", segments.join("/")),
        })
    }

    /// The address of the forge's new-issue form for `entry`, filled in.
    pub fn new_issue_url(&self, entry: &PlanEntry, labels: &PlanLabels, base: &str) -> String {
        let tags = issue_labels(entry);
        let body = issue_body(entry, labels, base);
        let link = |body: &str| match self.kind {
            ForgeKind::GitHub => format!(
                "{}/issues/new?title={}&body={}&labels={}",
                self.project,
                encode(&entry.text),
                encode(body),
                encode(&tags.join(","))
            ),
            ForgeKind::GitLab => {
                let quick: Vec<String> = tags.iter().map(|t| format!("~\"{t}\"")).collect();
                format!(
                    "{}/-/issues/new?issue%5Btitle%5D={}&issue%5Bdescription%5D={}",
                    self.project,
                    encode(&entry.text),
                    encode(&format!("{body}\n/label {}", quick.join(" ")))
                )
            }
        };
        let full = link(&body);
        if full.len() <= MAX_LINK {
            return full;
        }
        let mut short: String = body.chars().take(1_000).collect();
        short.push_str(&format!("\n\n… {base}/plan/"));
        link(&short)
    }
}

/// Percent-encodes everything but the unreserved characters (RFC 3986).
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
