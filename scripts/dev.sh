#!/usr/bin/env bash
# A fast edit-and-reload loop: `trunk serve` makes a debug build, serves it at
# http://127.0.0.1:8080 and rebuilds and reloads the page on every change (a change to the Rust
# code takes seconds; the release build of scripts/build.sh takes minutes).
#
# Compared with scripts/build.sh it lacks, on purpose: prerendered pages (every page renders in the
# browser, so first paint and "scripts off" cannot be judged here), wasm-opt, the inlined
# stylesheet and the Content Security Policy meta tag (tools/csp.mjs), the widget's embed.js
# (tools/widget.mjs: embedding does not work here), and the service worker (tools/precache.mjs;
# the app does not register one when built by this script). Run scripts/build.sh and
# scripts/serve.sh before judging any of those.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export OSPO_GUIDE_DEV=1
exec trunk serve --config Trunk.dev.toml "$@"
