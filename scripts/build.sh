#!/usr/bin/env bash
# Builds the guide for deployment: the release wasm with Trunk (offline), then prerendered HTML
# for every route.   scripts/build.sh [--public-url /sub/path/] [--dist folder]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

public_url="/"
dist="dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --public-url) public_url="$2"; shift 2 ;;
    --dist) dist="$2"; shift 2 ;;
    *) echo "build: unknown option $1" >&2; exit 2 ;;
  esac
done

trunk build --release --offline --public-url "$public_url" --dist "$dist"
cargo run --quiet --release --bin prerender -- "$dist"
node tools/csp.mjs "$dist"
node tools/widget.mjs "$dist"
node tools/precache.mjs "$dist"
