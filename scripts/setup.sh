#!/bin/sh
# Installs what building and testing need and is missing; does nothing for
# what is already there. Every tool comes from a package registry: nothing
# here downloads a prebuilt binary from elsewhere.
set -eu
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the pinned `wasm-bindgen` crate in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130

say() { printf 'setup: %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its pinned lock file fails to build with this toolchain.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

missing=
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
command -v brotli >/dev/null 2>&1 || missing="$missing brotli"
# nginx for the end-to-end tests against the shipped deploy/nginx.conf.
command -v nginx >/dev/null 2>&1 || missing="$missing nginx"
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$missing libnginx-mod-http-brotli-static"
[ -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || missing="$missing libnginx-mod-http-brotli-filter"
# `make bench` (setup.sh bench) times Hugo beside the content tool, and
# reads peak memory from GNU time.
if [ "${1:-}" = bench ]; then
  command -v hugo >/dev/null 2>&1 || missing="$missing hugo"
  [ -x /usr/bin/time ] || missing="$missing time"
fi
if [ -n "$missing" ]; then
  say "installing Debian packages:$missing"
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  # The tests start nginx themselves: keep the package from starting a
  # system-wide server on port 80 (policy-rc.d, as Debian documents).
  guard=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d
    guard=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
  [ -z "$guard" ] || $sudo rm -f /usr/sbin/policy-rc.d
fi

# npm ci only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi
