#!/usr/bin/env bash
# Installs every tool the project needs, skipping what is already there.
# Offline-safe: only package registries (crates.io, npm, Debian) are contacted;
# see docs/TOOLCHAIN.md for why each version is pinned.
#
#   scripts/setup.sh            everything (serve + test)
#   scripts/setup.sh serve      only what `make serve` needs
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the `=` pin in Cargo.toml
TRUNK_VERSION=0.21.14          # 0.22 needs rustc >= 1.96.1
WASM_PACK_VERSION=0.15.1
what=${1:-all}

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  say "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # No --locked: its lock file pins a yanked webpki-roots.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! have_version trunk "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (several minutes)"
  cargo install --locked --force trunk --version "$TRUNK_VERSION"
fi

# npm packages: binaryen (wasm-opt 132; Debian's is too old), playwright-core, axe-core.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

[ "$what" = serve ] && { say "ready to serve"; exit 0; }

if ! have_version wasm-pack "$WASM_PACK_VERSION"; then
  say "installing wasm-pack $WASM_PACK_VERSION (a few minutes)"
  cargo install --locked --force wasm-pack --version "$WASM_PACK_VERSION"
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi
say "all tools present"
