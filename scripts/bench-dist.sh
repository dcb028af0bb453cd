#!/bin/sh
# Times `make dist` of a portal-sized site (the wasm already built by
# `make dist`), beside Hugo's median over the same Markdown from
# scripts/bench.sh in the same run: a build into an empty folder, then a
# rebuild with nothing changed over it (a deploy's usual case).
#
#   sh scripts/bench-dist.sh CONTENT OUT
set -eu
cd "$(dirname "$0")/.."
content=$1
out=$2
hugo=$(cat target/bench/hugo-seconds)
# Moved aside, not removed: see scripts/bench.sh (the Makefile removes old/ at the end).
if [ -e "$out" ]; then
  mkdir -p target/bench/old
  mv "$out" "target/bench/old/dist.$$"
fi
for build in "into an empty folder" "again, nothing changed"; do
  /usr/bin/time -f '%e' -o target/bench/dist-seconds env SITE_CONTENT="$content" trunk build --release --dist "$out" > target/bench/dist.log 2>&1 \
    || { cat target/bench/dist.log; exit 1; }
  seconds=$(cat target/bench/dist-seconds)
  echo "bench: make dist of $content, $build: $seconds s, Hugo $hugo s: $(awk "BEGIN { printf \"%.2f\", $seconds / $hugo }")× Hugo"
done
# Where the last build's time went, step by step.
grep '^site:' target/bench/dist.log | sed 's/^/bench:   /'
echo "bench: $out holds $(find "$out" -type f | wc -l) files"
