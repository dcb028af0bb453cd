// A site built from the hostile corpus (tests/fixtures/hostile/inert): every
// article that passes `articles check` however it tries to run code. The
// page's CSP is bypassed here, so a payload that reached the DOM as markup
// would run and set the sentinel: the proof is the viewer's, not the policy's.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { ListPage } from './pages/list_page.js';
import { ArticlePage } from './pages/article_page.js';
import { buildSite, collectPageErrors, startServer } from './helpers.js';

const PORT = 8291;
const PREFIX = '/news/';
const CORPUS = 'tests/fixtures/hostile/inert';

test.use({ baseURL: `http://127.0.0.1:${PORT}${PREFIX}`, bypassCSP: true, serviceWorkers: 'block' });

const PORTAL_PORT = 8293;

let server;
let portal;
let index;

test.beforeAll(async () => {
  // The content tool is built once per run (`make test-e2e` builds it first).
  test.setTimeout(300_000);
  const site = buildSite('hostile', CORPUS);
  server = await startServer(site, PORT, PREFIX);
  index = await (await fetch(server.base + 'data/index.json')).json();
  // A portal page with the same site embedded from news/ beside it.
  const host = path.join('target', 'e2e-sites', 'hostile-portal');
  fs.rmSync(host, { recursive: true, force: true });
  fs.cpSync('tests/e2e/host', host, { recursive: true });
  fs.cpSync(site, path.join(host, 'news'), { recursive: true });
  portal = await startServer(host, PORTAL_PORT, '/', 'one.html');
});

test.afterAll(() => {
  server?.stop();
  portal?.stop();
});

/**
 * Watches a page for what a payload would do: set `window.__pwned`, open a
 * dialog, or reach a host other than the site's.
 */
async function watch(page, host = `127.0.0.1:${PORT}`) {
  await page.addInitScript(() => {
    const hits = [];
    Object.defineProperty(window, '__hits', { value: hits });
    Object.defineProperty(window, '__pwned', { set: (v) => hits.push(String(v)), get: () => undefined });
  });
  const dialogs = [];
  const outside = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.host !== host) outside.push(r.url());
  });
  return {
    dialogs,
    outside,
    hits: () => page.evaluate(() => window.__hits),
    /** Elements and attributes that could run code, anywhere in the document. */
    live: () =>
      page.evaluate(() => {
        const found = [];
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(`${el.localName}[${a.name}]`);
          // The viewer's own search form (role=search, in the page's shell) is the one form allowed.
          const ours = el.localName === 'form' && el.getAttribute('role') === 'search' && !el.closest('article');
          if (['iframe', 'object', 'embed', 'form', 'base', 'frame'].includes(el.localName) && !ours) found.push(el.localName);
          if (el.localName === 'script' && !el.src && el.type !== 'application/ld+json') found.push('inline script');
          if (el.localName === 'meta' && el.httpEquiv.toLowerCase() === 'refresh') found.push('meta refresh');
          const href = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
          if (/^\s*(javascript|data|vbscript):/i.test(href) && el.localName !== 'link') found.push(`${el.localName} ${href}`);
        }
        return found;
      }),
  };
}

async function expectInert(w) {
  expect(await w.hits(), 'no payload ran').toEqual([]);
  expect(w.dialogs, 'no dialog opened').toEqual([]);
  expect(w.outside, 'no request left the site').toEqual([]);
  expect(await w.live(), 'nothing that runs code is in the page').toEqual([]);
}

test('every article of the corpus renders as text: no script runs, no dialog, no outside request', async ({ page }) => {
  const w = await watch(page);
  const errors = collectPageErrors(page);
  const list = new ListPage(page);
  const view = new ArticlePage(page);
  await list.goto();
  await expect(list.cards).toHaveCount(index.articles.length);
  await expectInert(w);

  for (const a of index.articles) {
    await list.cardLink(a.title).click();
    await expect(view.heading).toHaveText(a.title);
    await expect(view.passages.first()).toBeVisible();
    await expectInert(w);
    await view.siteLink.click();
    await expect(list.cards).toHaveCount(index.articles.length);
  }
  expect(errors).toEqual([]);
});

test('the payloads are shown as the text the editor typed', async ({ page }) => {
  const w = await watch(page);
  const view = new ArticlePage(page);
  await view.goto('raw-html');
  await expect(view.lead).toHaveText("Завод открыл новый цех. <script>window.__pwned = 'script'</script> Текст после скрипта.");
  await expect(view.passages.filter({ hasText: `<img src="x" onerror="window.__pwned = 'img'">` })).toHaveCount(1);
  await expect(page.getByText(`<svg onload="window.__pwned = 'svg'">`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'HTML-ссылкой' })).toHaveCount(0);
  await expect(view.passages.last()).toHaveText('Последний абзац читается как обычно.');

  await view.goto('entities');
  await expect(view.heading).toHaveText(`<img src=x onerror="window.__pwned = 'title'"> Разметка в заголовке`);
  await expect(view.lead).toContainText("Сущности: <script>window.__pwned = 'entity'</script>");
  await expect(page.getByText(`<script>window.__pwned = 'fence'</script>`)).toBeVisible();
  await expectInert(w);
});

test('a megabyte paragraph, 10,000 paragraphs and a reversed one leave the page usable', async ({ page }) => {
  const w = await watch(page);
  const view = new ArticlePage(page);

  await view.goto('many-paragraphs');
  await expect(view.passages).toHaveCount(10_000);
  await view.passages.last().scrollIntoViewIfNeeded();
  await expect(view.passages.last()).toHaveText('Абзац номер 10000.');
  await expect(view.passages.last()).toBeInViewport();

  await view.goto('long-paragraph');
  const long = view.passages.nth(1);
  expect((await long.textContent()).length).toBeGreaterThan(500_000);
  // It wraps inside the column: nothing scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await view.passages.last().scrollIntoViewIfNeeded();
  await expect(view.passages.last()).toHaveText('Абзац после длинного.');

  // An override left open ends with its paragraph.
  await view.goto('invisible');
  const after = view.passages.last();
  await expect(after).toHaveText('Следующий абзац идёт в обычном направлении.');
  expect(await after.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  await view.backLink.click();
  await expect(page).toHaveURL(/index\.html$/);
  await expectInert(w);
});

test('embedded in a portal page, the element runs none of the corpus either', async ({ page }) => {
  const w = await watch(page, `127.0.0.1:${PORTAL_PORT}`);
  await page.goto(portal.base + 'one.html');
  const viewer = page.locator('article-viewer');
  await viewer.evaluate((el) => el.setAttribute('limit', '20'));
  const cards = viewer.getByTestId('article-card');
  await expect(cards).toHaveCount(index.articles.length);
  for (const a of index.articles) {
    await viewer.getByRole('link', { name: a.title, exact: true }).click();
    await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(a.title);
    await expect(viewer.getByTestId('passage').first()).toBeVisible();
    await expectInert(w);
    await viewer.getByRole('link', { name: 'Все новости' }).click();
    await expect(cards).toHaveCount(index.articles.length);
  }
  // The element's shadow root holds nothing that runs either.
  const live = await viewer.evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('*')].flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${n.localName}[${a.name}]`)),
  );
  expect(live).toEqual([]);
});

test('the no-script pages carry the payloads as escaped text', async ({ request }) => {
  for (const slug of ['raw-html', 'entities']) {
    const html = await (await request.get(`${slug}.html`)).text();
    expect(html).not.toMatch(/<(script|img|svg|iframe)[^>]*__pwned/);
    expect(html).toContain('&lt;script&gt;window.__pwned');
  }
});
