#!/usr/bin/env bash
# Why: issue 9's performance benchmark in one command (beside the tests, not a timed test). Builds the
# release guide and the same chapters with mdBook, serves both gzip-compressed with tools/serve.mjs,
# measures them (Lighthouse mobile cold loads, precache size, chapter switch, search) and prints a
# dated report, also written to tools/bench/RESULTS.md. Needs scripts/setup.sh to have run; installs
# its own Lighthouse (tools/bench/node_modules) and mdBook when missing. Slow on two cores.
#
#   tools/bench/run.sh          BENCH_RUNS=N (default 5 Lighthouse runs per page)
#   BENCH_FALLBACK=1 tools/bench/run.sh   measure cold loads without Lighthouse (playwright + CDP)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROME_PATH=/usr/bin/chromium

bench=tools/bench
dist=/tmp/bench-dist
mdbook_src=/tmp/bench-mdbook
mdbook_version=0.5.4
runs="${BENCH_RUNS:-5}"
step() { printf '\n== bench: %s\n' "$*" >&2; }

if [ ! -x "$CHROME_PATH" ] || [ ! -d node_modules/playwright-core ]; then
  echo "bench: Chromium or playwright-core is missing: run scripts/setup.sh first" >&2
  exit 1
fi

# Lighthouse, pinned in tools/bench/package.json and package-lock.json (12.x: 13.x needs Node 22).
# `npm install --no-save`, not `npm ci`: a Lighthouse dependency asks for another at "latest", which
# npm ci rejects as out of sync once that tag moves.
lighthouse_version=12.8.2
if ! grep -q "\"version\": \"$lighthouse_version\"" "$bench/node_modules/lighthouse/package.json" 2>/dev/null; then
  step "npm install lighthouse $lighthouse_version into $bench/node_modules"
  timeout 900 npm install --prefix "$bench" --no-audit --no-fund --no-save >&2
fi

if ! command -v mdbook >/dev/null; then
  step "cargo install mdbook $mdbook_version (takes several minutes, once)"
  timeout 3600 cargo install mdbook --version "$mdbook_version" --locked >&2
fi

step "release build of the guide into $dist"
timeout 3600 scripts/build.sh --dist "$dist" >&2

step "mdBook build of the same chapters into $mdbook_src/book"
timeout 120 node "$bench/mdbook-source.mjs" content/book "$mdbook_src" >&2
timeout 600 mdbook build "$mdbook_src" >&2

step "measuring: $((runs * 4)) Lighthouse runs, as many CDP-throttled loads, then the running app"
versions="$(chromium --version 2>/dev/null | head -1), $(mdbook --version), Node $(node --version), $(trunk --version)"
command="tools/bench/run.sh"
if [ -n "${BENCH_RUNS:-}" ]; then command="BENCH_RUNS=$runs $command"; fi
if [ -n "${BENCH_FALLBACK:-}" ]; then command="BENCH_FALLBACK=1 $command"; fi
timeout 3600 node "$bench/bench.mjs" --guide "$dist" --mdbook "$mdbook_src/book" --runs "$runs" \
  --command "$command" --versions "$versions"
