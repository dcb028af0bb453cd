#!/bin/sh
# Times `articles build` on a portal-sized synthetic corpus (`articles synth`,
# N articles, 10,000 unless N is set) beside Hugo (Debian's `hugo`) over the
# same Markdown files in the same run: a full build (every file new) by
# each, then ours again with nothing changed. Prints wall-clock seconds,
# peak memory and the ratio of the medians; run on an otherwise idle machine.
set -eu
cd "$(dirname "$0")/.."
N=${N:-10000}
bin=${BIN:-target/release/articles}
# Nothing is removed while anything is timed: ext4 without a journal
# passes over the inodes freed in the last minutes, so making files right
# after removing many took twice as long here (3.6 s became 6.7–7.7 s).
# Each run writes a folder of its own; what a run of `make bench` leaves is
# moved to old/, which the Makefile removes once every timing is done.
work="$PWD/target/bench/build-runs"
if [ -e "$work" ]; then
  mkdir -p target/bench/old
  mv "$work" "target/bench/old/build-runs.$$"
fi
mkdir -p "$work"

"$bin" synth --count "$N" --content "$work/content" 2>/dev/null
printf '<html><head><!--page-head--></head><body><div id="app"></div><!--page-body--></body></html>' > "$work/shell.html"

# Hugo over the same files: one page per article and the list in pages of
# 20, as ours writes; the article files are its content as they are (both
# read TOML front matter between +++ lines).
mkdir -p "$work/hugo/layouts/_default" "$work/hugo/content"
ln -s "$work/content/articles" "$work/hugo/content/news"
cat > "$work/hugo/hugo.toml" <<'TOML'
baseURL = "https://news.example.org/"
languageCode = "ru"
title = "Синтетический корпус"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
paginate = 20
TOML
cat > "$work/hugo/layouts/_default/single.html" <<'HTML'
<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><article><h1>{{ .Title }}</h1><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
<p>{{ .Params.summary }}</p>{{ .Content }}</article></body></html>
HTML
cat > "$work/hugo/layouts/_default/list.html" <<'HTML'
<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range (.Paginate .Site.RegularPages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul></body></html>
HTML

# Seconds and peak resident memory (MB) of one command, from GNU time,
# appended to the file named first.
timed() {
  into=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/log" 2>&1 || { cat "$work/log"; exit 1; }
  read -r seconds kb < "$work/time"
  echo "$seconds $((kb / 1024))" >> "$work/times-$into"
}

# The median of a column of a results file, and the whole column.
median() { cut -d' ' -f"$2" "$work/times-$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
all() { cut -d' ' -f"$2" "$work/times-$1" | tr '\n' ' '; }

# This machine is noisy: the two builds alternate, RUNS times each, every
# run from an empty output folder; medians are compared.
RUNS=${RUNS:-3}
echo "bench: $N synthetic articles, $(du -sh "$work/content" | cut -f1) of Markdown, $(nproc) cores, $RUNS runs each, alternating"
i=0
while [ $i -lt "$RUNS" ]; do
  timed ours "$bin" build --content "$work/content" --out "$work/out-$i" --shell "$work/shell.html"
  timed hugo hugo --quiet --source "$work/hugo" --destination "$work/hugo-out-$i"
  timed again "$bin" build --content "$work/content" --out "$work/out-$i" --shell "$work/shell.html"
  i=$((i + 1))
done
echo "bench: articles build, every file new: median $(median ours 1) s ($(all ours 1)), peak $(median ours 2) MB"
echo "bench: hugo, the same files:           median $(median hugo 1) s ($(all hugo 1)), peak $(median hugo 2) MB"
echo "bench: articles build, nothing changed: median $(median again 1) s ($(all again 1)), peak $(median again 2) MB"
echo "bench: ours wrote $(find "$work/out-0" -type f | wc -l) files ($(du -sh "$work/out-0" | cut -f1)): pages, bodies and the index; Hugo $(find "$work/hugo-out-0" -type f | wc -l) ($(du -sh "$work/hugo-out-0" | cut -f1))"
# scripts/bench-dist.sh sets make dist of the same site beside Hugo's time.
mkdir -p target/bench
median hugo 1 > target/bench/hugo-seconds
echo "bench: full build, ours / Hugo: $(awk "BEGIN { printf \"%.2f\", $(median ours 1) / $(median hugo 1) }")"
