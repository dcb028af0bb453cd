// The interface in English: a site whose content/site.toml says
// `lang = "en"`, and an `<article-viewer lang="en">` showing the Russian
// site on a portal page. Articles keep their own language; every word the
// viewer itself says is English, before the app starts and after.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { SEED, buildSite, startServer, waitForApp } from './helpers.js';

const PORT = 8295;
const PORTAL_PORT = 8296;
const PREFIX = '/news/';

let site;
let portal;
/** Every string of the articles' own data: titles, summaries, text, names. */
let data;

/** The content folder with the site's own words and language in English. */
function englishContent() {
  const dir = path.join('target', 'e2e-content', 'english');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync('content', dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'site.toml'),
    'title = "Kirov Region News"\ndescription = "Regional news."\nlang = "en"\npublisher = "Kirov Region News"\n',
  );
  return dir;
}

/** Every string value in a JSON document. */
function strings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

function readData(dir) {
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'data', 'index.json'), 'utf8'));
  const texts = [];
  for (const a of index.articles) {
    texts.push(...strings({ title: a.title, summary: a.summary, source: a.source, image: a.image }));
    const body = JSON.parse(fs.readFileSync(path.join(dir, 'data', a.body), 'utf8'));
    texts.push(...strings(body));
  }
  return texts;
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const dir = buildSite('english', englishContent());
  data = readData(dir);
  site = await startServer(dir, PORT, PREFIX);

  const host = path.join('target', 'e2e-sites', 'english-portal');
  fs.rmSync(host, { recursive: true, force: true });
  fs.mkdirSync(host, { recursive: true });
  fs.cpSync('dist', path.join(host, 'news'), { recursive: true });
  const one = fs.readFileSync('tests/e2e/host/one.html', 'utf8').replace('<article-viewer ', '<article-viewer lang="en" ');
  fs.writeFileSync(path.join(host, 'one.html'), one);
  data.push(...readData('dist'));
  portal = await startServer(host, PORTAL_PORT, '/', 'one.html');
});

test.afterAll(() => {
  site?.stop();
  portal?.stop();
});

/**
 * The viewer's own words under `root` (a selector; the shadow root of an
 * `<article-viewer>` when `shadow`): text and the labels a screen reader
 * reads, less the articles' own data.
 */
async function interfaceWords(page, root, shadow = false) {
  const found = await page.evaluate(
    ({ root, shadow }) => {
      let top = document.querySelector(root);
      if (shadow) top = top.shadowRoot;
      const out = [];
      const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let node = walker.currentNode; node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          if (node.parentElement?.closest('script, style')) continue;
          out.push(node.textContent);
        } else {
          for (const name of ['aria-label', 'title', 'alt']) {
            if (node.hasAttribute?.(name)) out.push(node.getAttribute(name));
          }
        }
      }
      if (!shadow) out.push(document.title);
      return out.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    },
    { root, shadow },
  );
  // Lists of names and "title — site" are data joined by the viewer.
  const isData = (part) => data.some((d) => d.replace(/\s+/g, ' ').includes(part));
  return found.filter((t) => {
    const russianParts = t.split(/, | — /).filter((part) => /[а-яё]/i.test(part));
    return russianParts.length === 0 || !russianParts.every(isData);
  });
}

const russian = (words) => words.filter((w) => /[а-яё]/i.test(w));

test.describe('a site in English', () => {
  test('says every word in English before the app starts', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const file of ['index.html', `${SEED.slug}.html`]) {
      await page.goto(site.base + file);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      const words = await interfaceWords(page, 'body');
      expect(words.length).toBeGreaterThan(5);
      expect(russian(words), file).toEqual([]);
    }
    await expect(page.getByRole('heading', { name: SEED.title })).toBeVisible();
    await expect(page.locator('time').first()).toHaveText('19 January 2026');
    await context.close();
  });

  test('says every word in English once the app runs: list, filter, article and lens', async ({ page }) => {
    await page.goto(site.base + 'index.html');
    await waitForApp(page);
    await expect(page.getByRole('heading', { level: 1, name: 'News' })).toBeVisible();
    await expect(page.getByTestId('result-count')).toHaveText(/^Showing \d+ of \d+ articles?$/);
    expect(russian(await interfaceWords(page, 'body'))).toEqual([]);

    await page.getByRole('button', { name: /^Agriculture/ }).click();
    await expect(page).toHaveURL(/topic=agriculture/);
    await expect(page.getByRole('button', { name: 'All topics' })).toHaveAttribute('aria-pressed', 'false');
    expect(russian(await interfaceWords(page, 'body'))).toEqual([]);

    await page.getByRole('link', { name: SEED.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: SEED.title })).toBeFocused();
    await page.getByRole('group', { name: 'Mark passages by topic' }).getByRole('button', { name: /^Industry/ }).click();
    await expect(page.getByTestId('lens-count')).toHaveText(/^\d+ passages? about industry$/);
    await expect(page.getByRole('button', { name: /^Next passage/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /All news/ })).toBeVisible();
    expect(russian(await interfaceWords(page, 'body'))).toEqual([]);
  });

  test('says what failed in English', async ({ page }) => {
    await page.route('**/data/index.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(site.base + 'index.html');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load the list of articles: the server answered with error 503.');
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});

test.describe('an element in English on a Russian site', () => {
  test('<article-viewer lang="en"> says every word in English', async ({ page }) => {
    await page.goto(portal.base + 'one.html');
    const viewer = page.locator('article-viewer');
    await expect(viewer.getByTestId('article-card').first()).toBeVisible();
    await expect(viewer.getByRole('heading', { level: 1, name: 'News' })).toBeVisible();
    expect(russian(await interfaceWords(page, 'article-viewer', true))).toEqual([]);

    await viewer.getByRole('link', { name: SEED.title }).click();
    await expect(viewer.getByRole('heading', { level: 1, name: SEED.title })).toBeVisible();
    await expect(viewer.locator('time').first()).toHaveText('19 January 2026');
    expect(russian(await interfaceWords(page, 'article-viewer', true))).toEqual([]);
  });
});
