#!/usr/bin/env bash
# Sets up a fresh machine if needed, builds the guide and serves it at http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node tools/serve.mjs dist --port "${PORT:-8080}"
