// Pictures: an article's own on its card and its page, figures with
// captions in its text, each in the widths the build made, their place kept
// before they arrive; saved for offline with their article, and only then.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { buildSite, startNginx, startServer, waitForApp, waitForWorker } from './helpers.js';

const PREFIX = '/news/';
let nextPort = 8330;
const TITLE = 'Поле под Кировом весной';
const SLUG = 'field-pictures';
const LEAD_ALT = 'Поле в рядах всходов под вечерним небом, за ним лес';
const FIGURE_ALT = 'Столбчатая диаграмма: шесть столбцов растут слева направо';
const AGAIN_TITLE = 'Поле под Кировом, ещё раз';
const AGAIN_SLUG = 'field-again';
const AGAIN_ALT = 'То же поле в рядах всходов';

/** The project's content and the fixture article with its pictures. */
function picturesSite() {
  const content = path.join('target', 'e2e-sites', 'content-pictures');
  fs.rmSync(content, { recursive: true, force: true });
  fs.cpSync('content', content, { recursive: true });
  fs.cpSync('tests/fixtures/pictures/articles', path.join(content, 'articles'), { recursive: true });
  // A second article showing the same photo: saved with both, it is kept
  // while either is.
  fs.writeFileSync(path.join(content, 'articles', '2026-02-11-field-again.md'), `+++
title = "${AGAIN_TITLE}"
date = 2026-02-11
topics = ["agriculture"]
summary = "Вторая статья с той же картинкой."
sample = true

[image]
src = "pictures/field.jpg"
alt = "${AGAIN_ALT}"
+++

Поле снова сфотографировали весной.
`);
  return buildSite('pictures', content);
}

let site;
test.beforeAll(() => {
  site = picturesSite();
});

/** Each saved picture's file name and the articles it is kept for (`X-Saved-For`), in the cache's order. */
function savedMarks(page) {
  return page.evaluate(async () => {
    const saved = await caches.open('article-viewer-saved');
    const out = {};
    for (const request of await saved.keys()) {
      const file = new URL(request.url).pathname;
      // An entry the page replaced or removed since the listing is passed by.
      const hit = file.includes('/media/') && (await saved.match(request));
      if (hit) out[file.split('/').pop()] = hit.headers.get('X-Saved-For');
    }
    return out;
  });
}

/** Opens the list and reloads it once the service worker controls the page. */
async function openControlled(page, server) {
  await page.goto(server.base + 'index.html');
  await waitForApp(page);
  await waitForWorker(page);
  await page.reload();
  await waitForApp(page);
}

/** Waits for an <img> to have arrived and says how wide it is drawn from. */
async function loaded(img) {
  await expect.poll(() => img.evaluate((el) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
}

test('a picture shows on its card and its page, at a width the screen needs, its place kept', async ({ page }) => {
  const server = await startServer(site, nextPort++, PREFIX);
  try {
    await page.goto(server.base + 'index.html');
    await waitForApp(page);
    const card = page.getByTestId('article-card').filter({ hasText: TITLE });
    const thumb = card.getByRole('img', { name: LEAD_ALT });
    await expect(thumb).toHaveAttribute('loading', 'lazy');
    await expect(thumb).toHaveAttribute('width', '1600');
    await expect(thumb).toHaveAttribute('height', '1000');
    await expect(thumb).toHaveAttribute('srcset', /media\/[0-9a-f]{16}-400\.\w+ 400w, .*-800\.\w+ 800w, .*-1600\.\w+ 1600w/);
    await loaded(thumb);
    // A thumbnail takes the narrowest width, not the widest.
    expect(await thumb.evaluate((el) => el.currentSrc)).toMatch(/-400\.\w+$/);
    // Cards without a picture have none.
    await expect(page.getByTestId('article-card').filter({ hasNotText: /Поле под Кировом/ }).getByTestId('picture')).toHaveCount(0);

    await card.getByRole('link', { name: TITLE }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    const lead = page.locator('figure').filter({ has: page.getByRole('img', { name: LEAD_ALT }) });
    await expect(lead.locator('figcaption')).toHaveText('Рисунок для примера: поле весной');
    const leadImg = lead.getByRole('img');
    await expect(leadImg).toHaveAttribute('loading', 'eager');
    // Its box has the picture's shape before and after it arrives.
    const box = await leadImg.boundingBox();
    expect(box.width / box.height).toBeCloseTo(1.6, 1);
    await loaded(leadImg);

    const figure = page.locator('figure').filter({ has: page.getByRole('img', { name: FIGURE_ALT }) });
    await expect(figure.locator('figcaption')).toHaveText('Рост посевных площадей по годам (пример)');
    await figure.scrollIntoViewIfNeeded();
    await loaded(figure.getByRole('img'));

    // Every width the page names is a file of the site.
    const srcs = await page.locator('img[srcset]').evaluateAll((imgs) => imgs.flatMap((i) => i.srcset.split(', ').map((s) => s.split(' ')[0])));
    expect(srcs.length).toBeGreaterThan(3);
    for (const src of srcs) {
      const response = await page.request.get(new URL(src, page.url()).href);
      expect(response.status(), src).toBe(200);
      expect(response.headers()['content-type'], src).toMatch(/^image\/(jpeg|png|webp)$/);
    }
  } finally {
    server.stop();
  }
});

test('without JavaScript the article page has its pictures and captions', async ({ browser }) => {
  const server = await startServer(site, nextPort++, PREFIX);
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(server.base + `${SLUG}.html`);
    await expect(page.getByRole('img', { name: LEAD_ALT })).toHaveAttribute('srcset', /1600w/);
    await expect(page.locator('figcaption')).toHaveText(['Рисунок для примера: поле весной', 'Рост посевных площадей по годам (пример)']);
    await loaded(page.getByRole('img', { name: LEAD_ALT }));
  } finally {
    await context.close();
    server.stop();
  }
});

test('pictures are saved for offline with their article, and only then', async ({ page, context }) => {
  const server = await startServer(site, nextPort++, PREFIX);
  const savedPictures = async () => Object.values(await savedMarks(page));
  try {
    await openControlled(page, server);
    await loaded(page.getByRole('img', { name: LEAD_ALT }));
    // The list's thumbnail is not kept.
    expect(await savedPictures()).toEqual([]);

    // Reading the article saves it, with one width of each of its pictures.
    await page.getByRole('link', { name: TITLE }).click();
    await expect(page.getByTestId('passage').first()).toBeVisible();
    await expect.poll(savedPictures).toEqual([SLUG, SLUG]);

    // Offline, the article shows its pictures from what was saved.
    server.stop();
    await context.setOffline(true);
    await page.goto(server.base + `${SLUG}.html`);
    await waitForApp(page);
    await loaded(page.getByRole('img', { name: LEAD_ALT }));
    await loaded(page.getByRole('img', { name: FIGURE_ALT }));

    // Removed from the saved list, the article's pictures go with it.
    await page.goto(server.base + 'saved.html');
    await waitForApp(page);
    await page.getByRole('button', { name: `Удалить «${TITLE}» из сохранённых` }).click();
    await expect.poll(savedPictures).toEqual([]);
  } finally {
    server.stop();
    await context.setOffline(false).catch(() => {});
  }
});

test('a picture two saved articles show is kept while either is', async ({ page, context }) => {
  const server = await startServer(site, nextPort++, PREFIX);
  const savedPictures = () => savedMarks(page);
  try {
    await openControlled(page, server);
    await page.getByRole('link', { name: TITLE }).click();
    await expect(page.getByTestId('passage').first()).toBeVisible();
    await expect.poll(async () => Object.keys(await savedPictures()).length).toBe(2);
    await page.goto(server.base + `${AGAIN_SLUG}.html`);
    await waitForApp(page);
    await loaded(page.getByRole('img', { name: AGAIN_ALT }));
    await expect.poll(async () => Object.values(await savedPictures()).sort()).toEqual([SLUG, `${SLUG} ${AGAIN_SLUG}`]);

    await page.goto(server.base + 'saved.html');
    await waitForApp(page);
    await page.getByRole('button', { name: `Удалить «${TITLE}» из сохранённых` }).click();
    // The chart was the first article's alone; the photo stays for the second.
    await expect.poll(async () => Object.values(await savedPictures())).toEqual([AGAIN_SLUG]);

    server.stop();
    await context.setOffline(true);
    await page.goto(server.base + `${AGAIN_SLUG}.html`);
    await waitForApp(page);
    await loaded(page.getByRole('img', { name: AGAIN_ALT }));
  } finally {
    server.stop();
    await context.setOffline(false).catch(() => {});
  }
});

test('a newer text of a saved article lets go of the pictures only the older text showed', async ({ page, context }) => {
  // The editor takes the chart out of the article and publishes.
  const content = path.join('target', 'e2e-sites', 'content-pictures-edited');
  fs.rmSync(content, { recursive: true, force: true });
  fs.cpSync(path.join('target', 'e2e-sites', 'content-pictures'), content, { recursive: true });
  const file = path.join(content, 'articles', '2026-02-10-field-pictures.md');
  const text = fs.readFileSync(file, 'utf8');
  const withoutChart = text.replace(/^!\[Столбчатая[^\n]*\n/m, '');
  expect(withoutChart).not.toBe(text);
  fs.writeFileSync(file, withoutChart);
  const edited = buildSite('pictures-edited', content);

  const live = path.join('target', 'e2e-sites', 'pictures-live');
  fs.rmSync(live, { recursive: true, force: true });
  fs.cpSync(site, live, { recursive: true });
  const server = await startServer(live, nextPort++, PREFIX);
  const files = async () => Object.keys(await savedMarks(page)).sort();
  try {
    await openControlled(page, server);
    // Both articles saved: the photo is kept for both, the chart for the first.
    await page.getByRole('link', { name: TITLE }).click();
    await expect(page.getByTestId('passage').first()).toBeVisible();
    await page.goto(server.base + `${AGAIN_SLUG}.html`);
    await waitForApp(page);
    await expect.poll(async () => Object.values(await savedMarks(page)).sort()).toEqual([SLUG, `${SLUG} ${AGAIN_SLUG}`]);
    const before = await files();

    fs.rmSync(live, { recursive: true, force: true });
    fs.cpSync(edited, live, { recursive: true });
    await page.goto(server.base + `${SLUG}.html`);
    await waitForApp(page);
    await expect(page.getByRole('img', { name: FIGURE_ALT })).toHaveCount(0);
    await loaded(page.getByRole('img', { name: LEAD_ALT }));
    // The chart is gone from the saved pictures; the photo is kept for both.
    await expect.poll(async () => Object.values(await savedMarks(page))).toEqual([`${SLUG} ${AGAIN_SLUG}`]);
    expect((await files()).length).toBe(before.length - 1);

    // Offline, the newer text shows its photo from what was saved.
    server.stop();
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    await loaded(page.getByRole('img', { name: LEAD_ALT }));
  } finally {
    server.stop();
    await context.setOffline(false).catch(() => {});
  }
});

test('two articles read at once that show one picture keep it for both', async ({ page }) => {
  const server = await startServer(site, nextPort++, PREFIX);
  try {
    await openControlled(page, server);
    // Their bodies asked for together (two tabs, or a save while reading):
    // the worker saves both, and neither may take the picture from the other.
    const bodies = fs
      .readdirSync(path.join(site, 'data', 'articles'))
      .filter((file) => file.endsWith('.json') && [SLUG, AGAIN_SLUG].includes(file.split('.')[0]))
      .map((file) => `data/articles/${file}`);
    expect(bodies).toHaveLength(2);
    await page.evaluate((urls) => Promise.all(urls.map((url) => fetch(url).then((r) => r.json()))), bodies);
    const marks = async () => Object.values(await savedMarks(page)).map((slugs) => slugs.split(' ').sort().join(' ')).sort();
    await expect.poll(marks).toEqual([[AGAIN_SLUG, SLUG].join(' '), SLUG]);
  } finally {
    server.stop();
  }
});

test('nginx serves the pictures\' widths as files kept for good, of their type', async ({ request }) => {
  const nginx = await startNginx(site, nextPort++);
  try {
    const widths = fs.readdirSync(path.join(site, 'media'));
    expect(widths.length).toBe(6);
    for (const file of widths) {
      const response = await request.get(`${nginx.base}media/${file}`);
      expect(response.status(), file).toBe(200);
      expect(response.headers()['cache-control'], file).toBe('public, max-age=31536000, immutable');
      expect(response.headers()['content-type'], file).toBe({ jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }[file.split('.').pop()]);
    }
  } finally {
    nginx.stop();
  }
});
