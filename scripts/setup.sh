#!/usr/bin/env bash
# Installs what building and testing the guide needs, and only what is missing. Safe to run again.
#   the wasm32 target, rustfmt and clippy; trunk 0.21.14; wasm-bindgen-cli at Cargo.lock's version;
#   the npm tools in package-lock.json (binaryen for wasm-opt, playwright-core, axe-core);
#   Debian's chromium and chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== setup: %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# rust-toolchain.toml pins the machine's own Rust. Where rustup knows that release only as
# "stable", name it as pinned too (no download: it is the same toolchain).
pinned=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
host=$(rustc +stable -vV | sed -n 's/^host: //p')
toolchains="${RUSTUP_HOME:-$HOME/.rustup}/toolchains"
if [ ! -e "$toolchains/$pinned-$host" ] && rustc +stable -V | grep -q "^rustc $pinned "; then
  step "rust $pinned is the installed stable: naming it as pinned"
  ln -s "$(rustc +stable --print sysroot)" "$toolchains/$pinned-$host"
fi

installed_components=$(rustup component list --installed 2>/dev/null || true)
for component in rustfmt clippy; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    step "rustup component $component"
    rustup component add "$component"
  fi
done
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q '0\.21\.14'; then
  step "trunk 0.21.14 (takes a few minutes)"
  cargo install trunk --version 0.21.14 --locked
fi

bindgen_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  step "wasm-bindgen-cli $bindgen_version"
  # Not --locked: one of its locked dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi
for config in Trunk.toml Trunk.dev.toml; do
  if ! grep -q "wasm_bindgen = \"$bindgen_version\"" "$config"; then
    echo "setup: $config pins a wasm-bindgen other than Cargo.lock's $bindgen_version" >&2
    exit 1
  fi
done

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm tools"
  npm ci --no-audit --no-fund
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  step "Debian chromium and chromium-driver"
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y chromium chromium-driver
fi
echo "setup: everything is in place"
