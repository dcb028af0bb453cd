// «Сохранённые»: what a reader saved for offline reading, with when and how
// much, each removable; "save all" and "remove all"; a full disk; an
// article gone from the site; and, offline, when the text on screen was saved.
//
// Each test runs its own server on a folder it controls (a real service
// worker, a server that really stops).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { SEED, buildSite, copySite, describeViolations, startServer, waitForApp, waitForWorker } from './helpers.js';

const PREFIX = '/news/';
let nextPort = 8300;

const SAVED_ON = /^Сохранено \d{1,2} [а-я]+ \d{4} г\., \d{1,2}:\d\d · \d+(,\d)?\u00a0(КБ|МБ)$/;

/** A site of its own, served, with the app and its worker running on its list. */
async function openSite(page, name) {
  const site = copySite(name);
  const server = await startServer(site, nextPort++, PREFIX);
  await page.goto(server.base + 'index.html');
  await waitForApp(page);
  await waitForWorker(page);
  const index = JSON.parse(fs.readFileSync(path.join(site, 'data/index.json'), 'utf8'));
  return { site, server, index };
}

/** The body file of `slug` in `site`, and its size in kilobytes as the page writes it. */
function bodyKb(site, index, slug) {
  const file = index.articles.find((a) => a.slug === slug).body;
  return Math.ceil(fs.statSync(path.join(site, 'data', file)).size / 1000);
}

async function openSaved(page) {
  await page.getByRole('link', { name: 'Сохранённые статьи' }).click();
  await expect(page).toHaveURL(/saved\.html$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Сохранённые' })).toBeVisible();
  await expect(page.getByTestId('saved-summary')).not.toBeEmpty();
}

const rows = (page) => page.getByTestId('saved-article');

test('the saved page lists what was read, then saved, with when and how big; one and all can be removed', async ({ page, context }) => {
  const { site, server, index } = await openSite(page, 'saved-list');
  try {
    // Reading an article keeps it.
    await page.getByRole('link', { name: SEED.title }).click();
    await expect(page.getByTestId('passage').first()).toBeVisible();
    await openSaved(page);
    await expect(page).toHaveTitle(/^Сохранённые статьи — /);
    await expect(rows(page)).toHaveCount(1);
    const kb = bodyKb(site, index, SEED.slug);
    await expect(page.getByTestId('saved-summary')).toHaveText(`Сохранено статей: 1, ${kb}\u00a0КБ`);
    const row = rows(page).first();
    await expect(row.getByRole('link')).toHaveText(SEED.title);
    await expect(row.locator('.saved__meta')).toHaveText(SAVED_ON);
    await expect(row.locator('.saved__meta')).toContainText(`${kb}\u00a0КБ`);

    // Save all, from here: every article is listed, newest saved first.
    await page.getByRole('button', { name: 'Сохранить все статьи для чтения без сети' }).click();
    await expect(page.getByTestId('save-status')).toHaveText(`Все статьи (${index.articles.length}) сохранены: их можно читать без сети.`);
    await expect(rows(page)).toHaveCount(index.articles.length);
    const titles = await rows(page).getByRole('link').allInnerTexts();
    expect(new Set(titles)).toEqual(new Set(index.articles.map((a) => a.title)));
    expect(titles.at(-1), 'the article read first was saved first').toBe(SEED.title);
    const total = index.articles.reduce((sum, a) => sum + fs.statSync(path.join(site, 'data', a.body)).size, 0);
    await expect(page.getByTestId('saved-summary')).toHaveText(
      new RegExp(`^Сохранено статей: ${index.articles.length}, ${Math.ceil(total / 1000)}\u00a0КБ$`),
    );

    // axe: the saved list, on a phone and on a desktop.
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations, describeViolations(violations)).toEqual([]);
    }

    // Remove one: it goes from the list and, offline, no longer opens.
    const gone = index.articles.find((a) => a.slug !== SEED.slug);
    await page.getByRole('button', { name: `Удалить «${gone.title}» из сохранённых` }).click();
    await expect(rows(page)).toHaveCount(index.articles.length - 1);
    await expect(rows(page).getByRole('link', { name: gone.title })).toHaveCount(0);
    server.stop();
    await context.setOffline(true);
    await page.goto(server.base + `${gone.slug}.html`);
    await waitForApp(page);
    await expect(page.getByRole('alert')).toContainText('не сохранена для чтения без сети');
    await page.goto(server.base + `${SEED.slug}.html`);
    await waitForApp(page);
    await expect(page.getByTestId('passage').first()).toBeVisible();

    // Remove all, offline too.
    await page.goto(server.base + 'saved.html');
    await waitForApp(page);
    await expect(rows(page)).toHaveCount(index.articles.length - 1);
    await page.getByTestId('remove-all').click();
    await expect(rows(page)).toHaveCount(0);
    await expect(page.getByTestId('saved-summary')).toHaveText('Все сохранённые статьи удалены.');
    const left = await page.evaluate(async () => (await (await caches.open('article-viewer-saved')).keys()).length);
    expect(left).toBe(0);
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('saved-summary')).toHaveText('Пока ничего не сохранено.');
  } finally {
    server.stop();
    await context.setOffline(false).catch(() => {});
  }
});

test('offline, a saved article says when it was saved; online it does not', async ({ page, context }) => {
  const { server } = await openSite(page, 'saved-on');
  try {
    await page.getByRole('link', { name: SEED.title }).click();
    await expect(page.getByTestId('passage').first()).toBeVisible();
    await expect(page.getByTestId('saved-on')).toHaveCount(0);
    server.stop();
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('passage').first()).toBeVisible();
    await expect(page.getByTestId('saved-on')).toHaveText(/^Сохранено \d{1,2} [а-я]+ \d{4} г\., \d{1,2}:\d\d$/);
  } finally {
    server.stop();
    await context.setOffline(false).catch(() => {});
  }
});

test('a full disk stops "save all" with a word of why, and what is listed as saved is whole', async ({ page }) => {
  const { server, index } = await openSite(page, 'saved-full');
  try {
    // Room for the app and a little more: the disk fills after a few articles.
    const cdp = await page.context().newCDPSession(page);
    const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
    const origin = new URL(server.base).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: used + 6000 });

    await page.getByRole('button', { name: 'Сохранить все статьи для чтения без сети' }).click();
    const status = page.getByTestId('save-status');
    await expect(status).toHaveText(
      new RegExp(`^На устройстве не хватает места: сохранено (\\d+) из ${index.articles.length}\\. Освободите место`),
    );
    const done = Number((await status.innerText()).match(/сохранено (\d+) из/)[1]);
    expect(done).toBeLessThan(index.articles.length);

    // Every saved body reads whole, and the saved page lists exactly those.
    const saved = await page.evaluate(async () => {
      const cache = await caches.open('article-viewer-saved');
      const out = [];
      for (const request of await cache.keys()) out.push((await (await cache.match(request)).json()).slug);
      return out;
    });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.goto(server.base + 'saved.html');
    await waitForApp(page);
    await expect(rows(page)).toHaveCount(saved.length);
    expect(saved.length).toBeGreaterThanOrEqual(done);
  } finally {
    server.stop();
  }
});

test('an article taken off the site leaves the saved list with the next load', async ({ page }) => {
  const { site, server, index } = await openSite(page, 'saved-gone');
  try {
    await page.getByRole('button', { name: 'Сохранить все статьи для чтения без сети' }).click();
    await expect(page.getByTestId('save-status')).toHaveText(/^Все статьи/);

    // The editor deletes one article and publishes.
    const content = path.join('target', 'e2e-sites', 'content-minus-one');
    fs.rmSync(content, { recursive: true, force: true });
    fs.cpSync('content', content, { recursive: true });
    const removed = fs.readdirSync(path.join(content, 'articles')).find((f) => !f.includes(SEED.slug));
    fs.rmSync(path.join(content, 'articles', removed));
    const b = buildSite('build-minus-one', content);
    fs.rmSync(site, { recursive: true, force: true });
    fs.cpSync(b, site, { recursive: true });

    await page.goto(server.base + 'saved.html');
    await waitForApp(page);
    await expect(rows(page)).toHaveCount(index.articles.length - 1);
    const left = await page.evaluate(async () => (await (await caches.open('article-viewer-saved')).keys()).length);
    expect(left).toBe(index.articles.length - 1);
  } finally {
    server.stop();
  }
});
