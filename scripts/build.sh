#!/usr/bin/env bash
# Builds the guide for deployment: the release wasm with Trunk (offline), then prerendered HTML
# for every route.   scripts/build.sh [--public-url /sub/path/] [--site-url https://host/sub/path/] [--dist folder]
# The site URL (where the build will be served) goes into canonical links, Open Graph tags and the
# sitemap; it defaults to the local serve address.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

public_url="/"
site_url=""
dist="dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --public-url) public_url="$2"; shift 2 ;;
    --dist) dist="$2"; shift 2 ;;
    --site-url) site_url="$2"; shift 2 ;;
    *) echo "build: unknown option $1" >&2; exit 2 ;;
  esac
done

trunk build --release --offline --public-url "$public_url" --dist "$dist"
site_url="${site_url:-http://127.0.0.1:8080$public_url}"
cargo run --quiet --release --bin prerender -- "$dist" "$site_url"
node tools/csp.mjs "$dist"
node tools/widget.mjs "$dist"
node tools/precache.mjs "$dist"
node tools/compress.mjs "$dist"
