# article-viewer: `make serve` to read, `make test` to check everything.
# Both install what is missing first (scripts/setup.sh).

SHELL := /bin/sh
export PATH := $(CURDIR)/scripts/bin:$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

# Bytes of the first view of the list, brotli (scripts/size.mjs): 247.5 KiB,
# the measured 246.6 KiB with room for small changes, never for a new library.
SIZE_BUDGET := 253440

.PHONY: setup serve dist check new import test test-native test-web test-e2e size bench lighthouse audit fuzz clean

setup:
	@sh scripts/setup.sh

## Builds the site and serves it on 127.0.0.1, rebuilding on every change.
serve: setup
	@echo "serve: http://127.0.0.1:8080/ (rebuilds when content/ or the code changes; Ctrl-C stops)"
	trunk serve

## The release site in dist/: copy it to any static host, any folder.
dist: setup
	trunk build --release

## Checks the articles in content/ and reports every problem.
check:
	cargo run --locked --quiet -p articles -- check

## Starts an article dated today: make new TITLE="Заголовок"
new:
	cargo run --locked --quiet -p articles -- new "$(TITLE)"

## Imports RSS, Atom or JSON Feed files (or folders): make import FEEDS="feed.xml"
import:
	cargo run --locked --quiet -p articles -- import $(FEEDS)

test: setup test-native test-web dist size test-e2e

test-native:
	cargo test --locked -p catalog --features tagging
	cargo test --locked -p search
	cargo test --locked -p views
	cargo test --locked -p articles

# Components in Chromium, through wasm-bindgen-test-runner and ChromeDriver.
test-web:
	cargo test --locked --target wasm32-unknown-unknown --test web_topic_filter --test web_topic_lens --test web_search_box --test web_low_vision

# The specs that build sites of their own run the release content tool.
test-e2e:
	cargo build --locked --quiet --release -p articles
	@rm -f target/e2e-results.json
	-playwright test
	@node tests/e2e/summary.mjs

size:
	@node scripts/size.mjs dist --budget $(SIZE_BUDGET)

## Times `articles build` on 10,000 synthetic articles beside Hugo on the
## same files, the embedded viewer's first render on a portal page, and the
## site built from those 10,000 articles beside this one: its first view's
## bytes, how soon and how fast its filters answer, and its search beside
## Pagefind's over the same pages.
BENCH := target/bench
bench: dist
	@sh scripts/setup.sh bench
	cargo build --locked --quiet --release -p articles
	sh scripts/bench.sh
	node scripts/bench-embed.mjs dist
	target/release/articles synth --count 10000 --content $(BENCH)/synth-10000
	sh scripts/bench-dist.sh $(BENCH)/synth-10000 $(BENCH)/dist-10000
	node scripts/size.mjs $(BENCH)/dist-10000
	node scripts/bench-filter.mjs dist $(BENCH)/dist-10000
	node scripts/bench-search.mjs $(BENCH)/dist-10000 $(BENCH)/synth-10000
	rm -rf $(BENCH)/old

## Lighthouse on the list and an article, five mobile and five desktop runs
## each, against dist/ served by nginx; fails if any run shifts the layout.
lighthouse: dist
	node scripts/lighthouse.mjs 5

## Lighthouse's four scores on the list and an article, mobile and desktop;
## fails unless accessibility, best practices and SEO are 100.
audit: dist
	node scripts/lighthouse.mjs audit

## The property tests of the article reader and the feed importer, long:
## 50,000 generated inputs each (`make test` runs 256).
fuzz:
	PROPTEST_CASES=50000 cargo test --locked -p articles --test fuzz -- --nocapture

clean:
	rm -rf dist target/e2e-results.json target/e2e-artifacts
