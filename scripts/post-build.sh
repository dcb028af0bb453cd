#!/bin/sh
# Trunk post-build hook: runs in the staging folder's place before it becomes dist/.
#  1. writes the start-up module (an external file, so no inline script is
#     needed under a strict Content-Security-Policy), named by its content hash;
#  2. keeps Trunk's page as shell.html, the template of every page;
#  3. builds the data bundle and prerenders every page into it;
#  4. adds the embeddable element and iframe page (embed.js, embed.html);
#  5. adds the web app manifest, its icons and the service worker;
#  6. for release, writes .br and .gz copies of the text and wasm files.
set -eu
staging="${TRUNK_STAGING_DIR:?run by trunk}"
profile="${TRUNK_PROFILE:-debug}"

js=$(cd "$staging" && ls article-viewer-*.js | grep -v '^start' | head -n 1)
wasm=$(cd "$staging" && ls article-viewer-*_bg.wasm | head -n 1)
[ -n "$js" ] && [ -n "$wasm" ] || { echo "post-build: no wasm-bindgen output in $staging" >&2; exit 1; }

start=$(printf "import init from './%s';\nawait init({ module_or_path: new URL('./%s', import.meta.url) });\n" "$js" "$wasm")
hash=$(printf '%s' "$start" | sha256sum | cut -c1-16)
printf '%s' "$start" > "$staging/start-$hash.js"

# Icons and the web app manifest, before the pages that link them.
node scripts/pwa.mjs icons "$staging"

# The page loads the start-up module and fetches the glue and the wasm at once.
tags="<link rel=\"manifest\" href=\"./manifest.webmanifest\"><link rel=\"modulepreload\" href=\"./$js\"><link rel=\"preload\" href=\"./$wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin><script type=\"module\" src=\"./start-$hash.js\"></script>"
sed -e "s#<!--page-start-->#$tags#" \
    -e '/<link data-trunk rel="rust"/d' \
    "$staging/index.html" > "$staging/shell.html"
rm "$staging/index.html"

if [ "$profile" = "release" ]; then flag=--release; else flag=; fi
cargo run --quiet $flag -p articles -- build --content content --out "$staging" --shell "$staging/shell.html"

# <article-viewer> and the iframe page for portals (docs/embed.md).
node scripts/embed.mjs "$staging"

# `make serve` also serves the demo portal page (examples/portal.html); a
# release site does not ship it.
if [ "$profile" != "release" ]; then cp -R examples "$staging/examples"; fi

# The service worker last: it precaches the pages just written.
node scripts/pwa.mjs worker "$staging"

# Release sites ship precompressed copies for servers that can send them.
if [ "$profile" = "release" ]; then node scripts/compress.mjs "$staging"; fi
