// From a portal's feed to the reader: `articles import` on an RSS feed in the
// shape Russian regional portals publish (content:encoded, yandex:full-text,
// enclosures), `articles build`, and the viewer showing what was imported.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { ListPage } from './pages/list_page.js';
import { ArticlePage } from './pages/article_page.js';
import { articles, buildSite, collectPageErrors, metaContent, metaTags, startServer } from './helpers.js';

const PORT = 8292;
const PREFIX = '/news/';
const FEED = 'tests/fixtures/feeds/portal.rss';
const IMAGE = 'https://portal.example/media/kumeny.jpg';

test.use({ baseURL: `http://127.0.0.1:${PORT}${PREFIX}`, serviceWorkers: 'block' });

let server;
let imported;

test.beforeAll(async () => {
  // The content tool is built once per run (`make test-e2e` builds it first).
  test.setTimeout(300_000);
  // An editor's content folder: the site's settings and topics, no articles yet.
  const content = path.join('target', 'e2e-sites', 'import-content');
  fs.rmSync(content, { recursive: true, force: true });
  fs.mkdirSync(path.join(content, 'articles'), { recursive: true });
  for (const f of ['site.toml', 'topics.toml']) fs.copyFileSync(path.join('content', f), path.join(content, f));
  imported = articles(['import', FEED, '--content', content]);
  const site = buildSite('import', content);
  server = await startServer(site, PORT, PREFIX);
});

test.afterAll(() => server?.stop());

test('the import reports what it did, and the item it could not date', () => {
  // One item of the feed has no date: the import says so and fails, the rest are written.
  expect(imported.status).toBe(1);
  // In the checker's format: the item's place in the feed, then what.
  expect(imported.output).toContain('portal.rss:44:5: error: item 4: the item has no date');
  expect(imported.output).toContain('portal.rss:8:5: warning: item 1: dropped <script> and what it held');
  expect(imported.output).toContain('3 new, 0 updated, 0 unchanged, 1 error');
});

test('the imported items are listed newest first, and filter by their suggested topics', async ({ page }) => {
  const list = new ListPage(page);
  await list.goto();
  await expect(list.cards.getByRole('heading', { level: 2 })).toHaveText([
    'На молочной ферме в Кумёнах запустили новый доильный зал',
    'Вятские Поляны & Малмыж: открыт новый автобусный маршрут',
    'Торф из Оричей поедет в Беларусь',
  ]);
  await list.topicChip('Сельское хозяйство').click();
  await expect(list.cards.getByRole('heading', { level: 2 })).toHaveText([
    'На молочной ферме в Кумёнах запустили новый доильный зал',
    'Торф из Оричей поедет в Беларусь',
  ]);
});

test('an imported article reads as the feed wrote it, without what could run', async ({ page }) => {
  const errors = collectPageErrors(page);
  // The feed's pictures are on the portal's own host, used as given: here, a picture of ours.
  await page.route('https://portal.example/**', (route) => route.fulfill({ path: 'tests/fixtures/pictures/articles/pictures/field.jpg', contentType: 'image/jpeg' }));
  const list = new ListPage(page);
  const view = new ArticlePage(page);
  await list.goto();
  await list.cardLink('На молочной ферме в Кумёнах запустили новый доильный зал').click();

  await expect(view.heading).toHaveText('На молочной ферме в Кумёнах запустили новый доильный зал');
  await expect(view.lead).toHaveText('Хозяйство в Кумёнском районе открыло доильный зал на 40 мест. Производство молока вырастет на треть.');
  await expect(view.article.getByRole('heading', { level: 2, name: 'Что дальше' })).toBeVisible();
  await expect(view.article.getByRole('list').filter({ hasText: 'новый коровник' }).getByRole('listitem')).toHaveText(['новый коровник', 'переработка молока на месте']);
  await expect(view.article.getByRole('link', { name: 'странице сельского хозяйства' })).toHaveAttribute('href', 'https://portal.example/agro');
  // The javascript: link kept its words and lost its target.
  await expect(view.passages.filter({ hasText: 'и тут.' })).toHaveCount(1);
  await expect(view.article.getByRole('link', { name: 'тут' })).toHaveCount(0);
  expect(await page.title()).not.toBe('взлом');

  // yandex:full-text is the whole text where the item has no content:encoded;
  // this CMS put HTML in it, which is read as HTML: no tag shows as text.
  await view.siteLink.click();
  await list.cardLink('Торф из Оричей поедет в Беларусь').click();
  await expect(view.lead).toHaveText('Оричевское предприятие отгрузит в Беларусь первую партию торфа для тепличных хозяйств.');
  await expect(view.passages.nth(1)).toHaveText('Поставки & переговоры о переработке продолжатся весной.');
  await expect(view.passages.nth(1).locator('strong')).toHaveText('весной');
  await expect(view.passages.nth(2)).toHaveText('Договор подписан.');
  await expect(view.article).not.toContainText('<');
  await expect(page.getByRole('link', { name: 'Пример: областной портал' })).toHaveAttribute('href', 'https://portal.example/news/orichi-peat');
  // Its picture, from the feed's address, under the headline.
  await expect(view.article.getByTestId('picture')).toHaveAttribute('src', 'https://portal.example/media/peat.jpg');
  await expect.poll(() => view.article.getByTestId('picture').evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('the enclosure is the preview picture of the page for link previews', async ({ request }) => {
  const list = await (await request.get('data/index.json')).json();
  const kumeny = list.articles.find((a) => a.title.startsWith('На молочной ферме'));
  const html = await (await request.get(`${kumeny.slug}.html`)).text();
  expect(metaContent(metaTags(html), 'og:image')).toBe(IMAGE);
  expect(metaContent(metaTags(html), 'og:title')).toBe(kumeny.title);
});
