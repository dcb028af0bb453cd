#!/bin/sh
# Times `articles build` on a portal-sized corpus: 10,000 articles made from
# the project's own content, written once (every file new) and again (nothing
# changed). Prints wall-clock seconds; run on an otherwise idle machine.
set -eu
cd "$(dirname "$0")/.."
N=${N:-10000}
bin=${BIN:-target/release/articles}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/content/articles" "$work/out"
cp content/site.toml content/topics.toml "$work/content/"
set -- content/articles/*.md
i=0
while [ $i -lt "$N" ]; do
  for src in "$@"; do
    [ $i -lt "$N" ] || break
    # Same text, its own date and slug.
    day=$(( i % 28 + 1 )); month=$(( i / 28 % 12 + 1 )); year=$(( 2000 + i / 336 ))
    date=$(printf '%04d-%02d-%02d' $year $month $day)
    sed "s/^date = .*/date = $date/" "$src" > "$work/content/articles/$date-bench-$i.md"
    i=$((i + 1))
  done
done
printf '<html><head><!--page-head--></head><body><div id="app"></div><!--page-body--></body></html>' > "$work/shell.html"

run() {
  start=$(date +%s.%N)
  "$bin" build --content "$work/content" --out "$work/out" --shell "$work/shell.html" 2>&1 | tail -n 1
  end=$(date +%s.%N)
  echo "bench: $1: $(awk "BEGIN { printf \"%.2f\", $end - $start }") s"
}
echo "bench: $N articles, $(du -sh "$work/content" | cut -f1) of Markdown, $(nproc) cores"
run "build, every file new"
run "build again, nothing changed"
echo "bench: output $(du -sh "$work/out" | cut -f1) in $(find "$work/out" -type f | wc -l) files"
