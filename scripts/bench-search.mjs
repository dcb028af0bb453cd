// Search side by side: ours beside Pagefind over the same site, in one run.
//
//   node scripts/bench-search.mjs <site> <content>
//
// <site> is a built site (make dist, or the 10,000-article one make bench
// builds) and <content> the Markdown it was built from. Pagefind (npm
// `pagefind`, pinned) indexes a copy of the same site's pages. Both are
// served by nginx with deploy/nginx.conf (ours as deployed: the copies the
// build made, the articles' files compressed as sent; Pagefind's files with
// brotli copies), and driven in headless Chromium. Printed, each beside Pagefind's with
// the ratio:
//  - bytes fetched from the first keystroke to the first page of results painted
//    (compressed bodies and headers, of the page and its workers);
//  - keystroke to results painted, median and p95 over QUERIES after the first:
//    the first results, and the whole page of them;
//  - recall of a dictionary form that no article uses («молоко»: articles
//    say «молока», «молоком»), against the articles whose text has a form of it;
//  - hits for words that occur in no article.
import { chromium } from 'playwright-core';
import { startNginx } from '../tests/e2e/helpers.js';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [site, content] = process.argv.slice(2);
if (!site || !content) throw new Error('usage: node scripts/bench-search.mjs <site> <content>');

// Words of the synthetic corpus's lexicon, each typed as a new query.
const QUERIES = ['зерно', 'завод', 'ярмарка', 'студенты', 'мост', 'кооператив', 'техника', 'экспорт', 'фермы', 'дороги',
  'теплицы', 'автобус', 'музей', 'скот', 'поставки', 'станок', 'рынок', 'предприниматели', 'корм', 'лес'];
const WITHHELD = 'молоко';
const NOWHERE = ['квазар', 'тромбон', 'синхрофазотрон', 'аллигатор', 'гиппопотам'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
};

/** Articles (Markdown files) whose text has a word matching `pattern`. */
function articlesMatching(pattern) {
  const dir = path.join(content, 'articles');
  return fs.readdirSync(dir).filter((f) => pattern.test(fs.readFileSync(path.join(dir, f), 'utf8'))).length;
}

/** Brotli copies (quality 11) of every file under `dir` (or of `only` in it) that has none. */
function brotliCopies(dir, only) {
  const entries = only ? [{ isFile: () => true, parentPath: dir, name: only }] : fs.readdirSync(dir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || /\.(br|gz)$/.test(file) || fs.existsSync(`${file}.br`)) continue;
    const raw = fs.readFileSync(file);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

/** The same site with Pagefind's index of its pages and a page that searches it. */
function pagefindSite() {
  const dir = path.join('target', 'bench', 'pagefind-site');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(site, dir, { recursive: true, filter: (f) => !/\.(br|gz)$/.test(f) && !/\/data\/(search|list)\//.test(f) });
  const run = spawnSync('node_modules/.bin/pagefind', ['--site', dir, '--force-language', 'ru'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pagefind failed:\n${run.stdout}${run.stderr}`);
  // Results drawn as ours are: a title and an excerpt with the matches marked.
  fs.writeFileSync(path.join(dir, 'pagefind-bench.html'), `<!doctype html><meta charset="utf-8"><title>Pagefind</title>
<input type="search" aria-label="search"><p data-testid="result-count"></p><ul id="results"></ul>
<script type="module" src="pagefind-bench.js"></script>`);
  fs.writeFileSync(path.join(dir, 'pagefind-bench.js'), `
const pagefind = await import('./pagefind/pagefind.js');
await pagefind.init();
const input = document.querySelector('input');
const list = document.querySelector('#results');
const count = document.querySelector('[data-testid=result-count]');
let latest = 0;
// As ours does: the first screen's three results first, then the rest of
// the twenty added under them.
const card = (d) => {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  h.textContent = d.meta.title;
  const p = document.createElement('p');
  // Pagefind's excerpt marks matches with <mark>; drawn as nodes, not HTML.
  for (const [i, part] of d.excerpt.split(/<\\/?mark>/).entries()) {
    const text = document.createTextNode(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    if (i % 2) { const m = document.createElement('mark'); m.append(text); p.append(m); } else p.append(text);
  }
  li.append(h, p);
  return li;
};
input.addEventListener('input', async () => {
  const mine = ++latest;
  const found = await pagefind.search(input.value);
  const first = Promise.all(found.results.slice(0, 3).map((r) => r.data()));
  const rest = Promise.all(found.results.slice(3, 20).map((r) => r.data()));
  const shown = await first;
  if (mine !== latest) return;
  if (found.results.length > 3) list.setAttribute('aria-busy', 'true');
  list.replaceChildren(...shown.map(card));
  // With the query, so that two searches finding as many differ.
  count.textContent = 'found ' + found.results.length + ' for ' + input.value;
  if (found.results.length <= 3) return list.removeAttribute('aria-busy');
  const more = await rest;
  if (mine !== latest) return;
  list.append(...more.map(card));
  list.removeAttribute('aria-busy');
});
document.documentElement.dataset.app = 'ready';
`);
  // Only what the search page loads: its own files and Pagefind's.
  brotliCopies(path.join(dir, 'pagefind'));
  for (const file of ['pagefind-bench.html', 'pagefind-bench.js']) brotliCopies(dir, file);
  return dir;
}

/**
 * Types `query` (one input event) and resolves, by the page's clock, when
 * the first results are drawn and painted (the count line no longer says
 * the search is under way and differs from before), and when the whole
 * page of results is (nothing in the page is `aria-busy` any more: ours
 * shows the first screen's results first and adds the rest under them).
 * Returns { ms, allMs, text }.
 */
function typeAndWait(page, field, query) {
  // A search that never ends (a failure the page does not show) fails the bench, not hangs it.
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`no results for «${query}» after 30 s`)), 30_000).unref());
  return Promise.race([timeout, waitFor(page, field, query)]);
}

function waitFor(page, field, query) {
  return page.locator(field).evaluate(
    (input, query) =>
      new Promise((resolve) => {
        const status = document.querySelector('[data-testid=result-count]');
        const before = status.textContent;
        const start = performance.now();
        let first;
        const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now() - start))));
        const check = async () => {
          const text = status.textContent;
          if (first === undefined) {
            if (text === before || /Ищем|Searching/.test(text)) return;
            first = painted();
          }
          if (document.querySelector('[aria-busy=true]')) return;
          observer.disconnect();
          const allMs = await painted();
          resolve({ ms: await first, allMs, text });
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
}

/** The number of results a status line says: «Найдено 12 345 статей…», «Found 12,345 articles for …», or none. */
function resultsIn(text) {
  const n = text.match(/\d(?:[\d,\u00a0]*\d)?/);
  return /ничего|Nothing/.test(text) || !n ? 0 : Number(n[0].replace(/[,\u00a0]/g, ''));
}

async function measure(browser, name, base, pageFile, field) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  // Requests of the page and of its workers, as they came over the wire
  // (compressed bodies and headers).
  let bytes = 0;
  let counting = false;
  context.on('requestfinished', async (request) => {
    if (!counting) return;
    const sizes = await request.sizes();
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  await page.goto(base + pageFile);
  await page.waitForSelector('html[data-app=ready]', { state: 'attached', timeout: 120_000 });
  await page.waitForLoadState('networkidle');

  counting = true;
  const first = await typeAndWait(page, field, WITHHELD);
  // Sizes are read asynchronously: let the last ones land.
  await page.waitForTimeout(300);
  counting = false;
  const firstBytes = bytes;
  const times = [];
  const whole = [];
  for (const q of QUERIES) {
    const { ms, allMs } = await typeAndWait(page, field, q);
    times.push(ms);
    whole.push(allMs);
  }
  const nowhere = [];
  for (const q of NOWHERE) nowhere.push(resultsIn((await typeAndWait(page, field, q)).text));
  await context.close();
  return { name, firstBytes, firstMs: first.ms, recall: resultsIn(first.text), times, whole, nowhere };
}

const pagefindDir = pagefindSite();
const ours = await startNginx(site, 8240);
const theirs = await startNginx(pagefindDir, 8241);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  const a = await measure(browser, 'ours', ours.base, 'index.html', 'input[type=search]');
  const b = await measure(browser, 'Pagefind', theirs.base, 'pagefind-bench.html', 'input[type=search]');
  const truth = articlesMatching(/молок/i);
  const ratio = (x, y) => (y ? (x / y).toFixed(2) : '–');
  const row = (what, x, y, unit = '') => console.log(`bench-search: ${what}: ours ${x}${unit}, Pagefind ${y}${unit}, ratio ${ratio(x, y)}`);
  console.log(`bench-search: ${site}, ${truth} articles say a form of «${WITHHELD}» (none says «${WITHHELD}» itself)`);
  row('bytes from the first keystroke to the first page of results painted, brotli', a.firstBytes, b.firstBytes, ' B');
  row('first query, keystroke to results painted', a.firstMs.toFixed(0), b.firstMs.toFixed(0), ' ms');
  row(`keystroke to results painted, median of ${QUERIES.length} queries after the first`, median(a.times).toFixed(1), median(b.times).toFixed(1), ' ms');
  row(`keystroke to results painted, p95 of ${QUERIES.length} queries after the first`, p95(a.times).toFixed(1), p95(b.times).toFixed(1), ' ms');
  row(`keystroke to the whole page of results painted, median of ${QUERIES.length}`, median(a.whole).toFixed(1), median(b.whole).toFixed(1), ' ms');
  row(`keystroke to the whole page of results painted, p95 of ${QUERIES.length}`, p95(a.whole).toFixed(1), p95(b.whole).toFixed(1), ' ms');
  row(`«${WITHHELD}» finds (recall against ${truth})`, a.recall, b.recall);
  console.log(`bench-search: words in no article (${NOWHERE.join(', ')}): ours finds ${a.nowhere.join(', ')}; Pagefind ${b.nowhere.join(', ')}`);
} finally {
  await browser.close();
  ours.stop();
  theirs.stop();
}
