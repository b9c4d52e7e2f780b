#!/usr/bin/env bash
# Sets up a fresh machine if needed, then runs every test, stopping at the first failure:
# format, clippy (host and wasm32), the core's docs, cargo-deny, native tests (core, content check, render tests), browser tests
# (wasm-bindgen-test in headless Chromium), the release build (root and sub-path), and the
# end-to-end tests (Playwright against the built site on a plain static server).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

started=$SECONDS
step() { printf '\n== test: %s (%ss)\n' "$*" "$((SECONDS - started))"; }

step "setup"
scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all --check

step "clippy, host"
cargo clippy --workspace --all-targets -- -D warnings

step "clippy, wasm32"
cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings

step "docs of the core, warnings denied (every public item documented: #![deny(missing_docs)])"
RUSTDOCFLAGS=-Dwarnings cargo doc -p guide-core --no-deps --quiet

step "dependencies: cargo-deny (licences, bans, sources; advisories when the database can be fetched)"
scripts/deny.sh

step "native tests: core, content check, render tests"
cargo test --workspace

step "browser tests: wasm-bindgen-test in headless Chromium"
cargo test --target wasm32-unknown-unknown --test browser

step "release build at / and under /guides/ospo/"
scripts/build.sh
scripts/build.sh --public-url /guides/ospo/ --dist dist-subpath

step "end-to-end tests: Playwright + Debian Chromium"
node --test --test-concurrency=1 tests/e2e/

step "all tests passed"
