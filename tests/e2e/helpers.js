// Shared helpers for the end-to-end tests: site facts, data loading and
// small text utilities. Everything about the content comes from
// data/index.json where possible, so adding articles never breaks a test.
import { expect } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writeWorker } from '../../scripts/site.mjs';

export const SITE_TITLE = 'Новости Кировской области';

// The one real article the site ships with.
export const SEED = {
  slug: 'kirov-delegation-belarus',
  title:
    'Александр Соколов на встрече с Президентом Беларуси обсудил перспективы расширения сотрудничества',
  date: '2026-01-19',
  dateText: '19 января 2026 г.',
};

/** Fetches and returns data/index.json (outside any page, so routes do not apply). */
export async function loadIndex(request) {
  const response = await request.get('data/index.json');
  expect(response.ok(), 'data/index.json is served').toBe(true);
  const index = await response.json();
  expect(index.schema).toBe(1);
  expect(Array.isArray(index.articles) && index.articles.length > 0).toBe(true);
  expect(Array.isArray(index.topics) && index.topics.length > 0).toBe(true);
  return index;
}

/** Waits until the wasm app has taken over the page. */
export async function waitForApp(page) {
  await page.waitForSelector('html[data-app=ready]', { state: 'attached' });
}

export function topic(index, id) {
  const found = index.topics.find((t) => t.id === id);
  expect(found, `topic ${id} is listed in data/index.json`).toBeTruthy();
  return found;
}

export function article(index, slug) {
  const found = index.articles.find((a) => a.slug === slug);
  expect(found, `article ${slug} is listed in data/index.json`).toBeTruthy();
  return found;
}

/** Slugs of the articles having at least one of the topic ids, in index order. */
export function slugsWithAnyTopic(index, ids) {
  return index.articles.filter((a) => a.topics.some((t) => ids.includes(t))).map((a) => a.slug);
}

/** Topic ids ordered as in the index's topics list (the order used in ?topic=). */
export function inTopicOrder(index, ids) {
  const order = index.topics.map((t) => t.id);
  return [...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export function normalize(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim();
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `kirov-delegation-belarus.html?x=1` or `/portal/news/a.html` → slug. */
export function slugFromHref(href) {
  const file = String(href ?? '').split(/[?#]/)[0].split('/').pop() ?? '';
  return file.replace(/\.html$/, '');
}

const MONTHS = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня',
  'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
];

/** '2026-01-19' → '19 января 2026 г.' */
export function ruDate(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year} г.`;
}

/** Russian plural form: 1 абзац, 2 абзаца, 5 абзацев, 21 абзац. */
export function ruPlural(n, one, few, many) {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** A count as Russian prints it: a no-break space between thousands from five digits. */
export function ruNumber(n) {
  return n < 10_000 ? String(n) : String(n).replace(/\B(?=(\d{3})+$)/g, '\u00a0');
}

/**
 * The list's result count as the page says it: «Показаны 3 статьи из 7» on
 * one page; in pages, which of them page `page` shows: «Показаны 1–20 из
 * 93 статей, всего 130».
 */
export function shownText(n, total, { pageSize = 20, page = 1 } = {}) {
  if (n <= pageSize) {
    return `${ruPlural(n, 'Показана', 'Показаны', 'Показано')} ${ruNumber(n)} ${ruPlural(n, 'статья', 'статьи', 'статей')} из ${ruNumber(total)}`;
  }
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, n);
  const part = first === last ? `Показана статья ${ruNumber(first)}` : `Показаны ${ruNumber(first)}–${ruNumber(last)}`;
  const of = `из ${ruNumber(n)} ${ruPlural(n, 'статьи', 'статей', 'статей')}`;
  return n === total ? `${part} ${of}` : `${part} ${of}, всего ${ruNumber(total)}`;
}

/** Sorted copy, for comparing sets of slugs. */
export function sorted(values) {
  return [...values].sort();
}

/** Collects console errors and uncaught page errors from the moment it is called. */
export function collectPageErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Readable one-line-per-node description of axe violations. */
export function describeViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
}

/** A fresh browser context with JavaScript disabled; close it when done. */
export async function noJsContext(browser, baseURL) {
  return browser.newContext({ javaScriptEnabled: false, baseURL });
}

/** innerText of the page's main landmark, whitespace runs collapsed. */
export async function mainText(page) {
  // Leaves out what only the live app can offer (marked data-app-only: sharing
  // needs the page's own address and the browser's share sheet or clipboard).
  const text = await page.getByRole('main').evaluate((main) => {
    const only = [...main.querySelectorAll('[data-app-only]')];
    only.forEach((el) => el.style.setProperty('display', 'none'));
    const shown = main.innerText;
    only.forEach((el) => el.style.removeProperty('display'));
    return shown;
  });
  return normalize(text);
}

// --- reading the served HTML head -----------------------------------------

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39|nbsp);/gi, (whole, code) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[lower] ?? whole;
  });
}

/** All <meta> tags of an HTML document as attribute maps (names lower-cased, values decoded). */
export function metaTags(html) {
  const tags = [];
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = {};
    for (const m of tag.matchAll(/([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
      attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    }
    tags.push(attrs);
  }
  return tags;
}

/** content of <meta property=key> or <meta name=key>, or undefined. */
export function metaContent(tags, key) {
  const tag = tags.find((t) => t.property === key || t.name === key);
  return tag?.content;
}

/** Parsed contents of every <script type="application/ld+json"> block. */
export function jsonLdBlocks(html) {
  const blocks = [];
  const re = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi;
  for (const m of html.matchAll(re)) blocks.push(JSON.parse(m[1]));
  return blocks;
}

/**
 * tests/e2e/serve.mjs serving `dir` under `prefix` on `port`, for tests that
 * need a server of their own; resolves once `probe` answers there.
 */
export async function startServer(dir, port, prefix, probe = 'index.html') {
  const child = spawn('node', ['tests/e2e/serve.mjs', dir, String(port), prefix], { stdio: 'ignore' });
  // A server that could not listen (the port is taken) must not pass for this one.
  let exited = false;
  child.on('exit', () => (exited = true));
  const base = `http://127.0.0.1:${port}${prefix}`;
  for (let i = 0; i < 50 && !exited; i++) {
    try {
      if ((await fetch(base + probe)).ok) return { base, stop: () => child.kill() };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`the server on ${port} did not start`);
}

/**
 * Debian's nginx with deploy/nginx.conf (tests/e2e/nginx.sh) serving `dir`
 * under /portal/news/ on `port`, with its brotli copies; resolves once it answers.
 */
export async function startNginx(dir, port) {
  const nginx = spawn('sh', ['tests/e2e/nginx.sh', dir, String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}/portal/news/`;
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(base + 'index.html')).ok) return { base, stop: () => nginx.kill() };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  nginx.kill();
  throw new Error(`nginx did not start on ${port}`);
}

/** A fresh copy of dist/ in target/e2e-sites/<name>, to serve and change. */
export function copySite(name) {
  const dir = path.join('target', 'e2e-sites', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync('dist', dir, { recursive: true });
  return dir;
}

/** Waits until a service worker controls the page (the first visit installs it). */
export async function waitForWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

/**
 * A site in target/e2e-sites/<name> built as `make dist` builds dist/, but
 * from the articles in `content`: dist/'s code, styles and shell, a new data
 * bundle, pages and service worker. `prepare(dir)` may change the copied
 * files before the pages are written from the shell.
 */
export function buildSite(name, content, prepare = () => {}) {
  const dir = path.join('target', 'e2e-sites', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync('dist', dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) {
    const stale = (f.endsWith('.html') && f !== 'shell.html' && f !== 'embed.html') || f.endsWith('.br') || f.endsWith('.gz');
    if (stale) fs.rmSync(path.join(dir, f));
  }
  fs.rmSync(path.join(dir, 'data'), { recursive: true });
  prepare(dir);
  articles(['build', '--content', content, '--out', dir, '--shell', path.join(dir, 'shell.html')]);
  writeWorker(dir);
  return dir;
}

/** Runs the content tool (`articles`); returns its exit status and output. */
export function articles(args) {
  const run = spawnSync('cargo', ['run', '--locked', '--quiet', '--release', '-p', 'articles', '--', ...args], { encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0 && args[0] === 'build') throw new Error(`articles build failed:\n${output}`);
  return { status: run.status, output };
}
