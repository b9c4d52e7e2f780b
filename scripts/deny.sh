#!/usr/bin/env bash
# Checks the dependency tree against deny.toml with cargo-deny: licences, banned and duplicate
# crates and sources (offline), then the RustSec security advisories where their database can be
# fetched. Installs cargo-deny from crates.io first if it is missing. Safe to run again.
#
# Without network access to the advisory database (it lives on GitHub, not on crates.io), the
# advisories check is skipped with a message and the script still succeeds; run
# `cargo deny check advisories` on a machine with network access.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Pinned, so that a newer release that needs a newer rustc than the machine's (1.95) cannot break
# a fresh machine. 0.20.2 needs rustc 1.88.
DENY_VERSION=0.20.2

if ! cargo deny --version 2>/dev/null | grep -qx "cargo-deny $DENY_VERSION"; then
  echo "deny: installing cargo-deny $DENY_VERSION from crates.io (a few minutes, once)"
  cargo install cargo-deny --version "$DENY_VERSION" --locked
fi

# The checks read crates' metadata offline; on a fresh machine, download the sources first.
if ! cargo fetch --quiet >/dev/null 2>&1; then
  echo "deny: cargo fetch failed; checking with the crates already downloaded"
fi

echo "deny: licences, bans and sources"
cargo deny --offline check licenses bans sources

echo "deny: advisories"
# The database is fetched into $CARGO_HOME/advisory-dbs (deny.toml). A fetch that cannot reach
# the network fails within the time limit instead of hanging.
fetch_log=$(mktemp)
trap 'rm -f "$fetch_log"' EXIT
if timeout 120 cargo deny fetch db >"$fetch_log" 2>&1; then
  cargo deny --offline check advisories
else
  echo "advisories: skipped, the advisory database could not be fetched" \
    "(run \`cargo deny check advisories\` with network access)"
  grep -v '^$' "$fetch_log" | tail -n 2 | sed 's/^/  /'
fi
echo "deny: done"
