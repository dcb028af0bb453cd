// Screenshots of the built site for docs/: the list, the list by a place, results of a search,
// the real article with a topic lens and opened from a search, at desktop (1280 px) and phone
// (390 px) widths, the saved articles, an article with pictures (tests/fixtures/pictures), and the
// demo portal page (examples/portal.html) with both embedding modes.
//
//   node scripts/screenshots.mjs [dist] [outdir]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildSite, startServer } from '../tests/e2e/helpers.js';

const dist = process.argv[2] || 'dist';
const out = process.argv[3] || 'docs';
const port = 8190;
const base = `http://127.0.0.1:${port}/news/`;

// The site with the demo portal page in it, as `make serve` has it.
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-'));
fs.cpSync(dist, site, { recursive: true });
fs.cpSync('examples', path.join(site, 'examples'), { recursive: true });
const server = await startServer(site, port, '/news/');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--disable-background-networking'],
});
try {
  const shots = [
    ['list', 'index.html', null],
    ['article-top', 'kirov-delegation-belarus.html', null],
    ['article', 'kirov-delegation-belarus.html?lens=agriculture', 'Следующий абзац'],
    ['search', `index.html?q=${encodeURIComponent('молоко')}`, null, 'mark'],
    ['list-names', `index.html?place=${encodeURIComponent('Кировская область')}`, null, '[data-testid=name-filter][open]'],
    ['article-search', `kirov-delegation-belarus.html?q=${encodeURIComponent('молоко')}`, 'Следующее совпадение', '[data-search-match] mark'],
  ];
  for (const [width, height, suffix, scheme] of [[1280, 900, 'desktop', 'light'], [390, 844, 'phone', 'light'], [1280, 900, 'desktop-dark', 'dark']]) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
    for (const [name, url, press, shown] of shots) {
      await page.goto(base + url);
      await page.waitForSelector('html[data-app=ready]');
      if (shown) await page.locator(shown).first().waitFor();
      if (press) {
        await page.getByRole('button', { name: press }).click();
        await page.waitForTimeout(600);
      }
      await page.screenshot({ path: `${out}/${name}-${suffix}.png` });
    }
    await page.close();
  }
  // The low-vision version: its settings open on a desktop, and each colour
  // scheme at 200 % on a phone (the list; an article with a lens in one).
  for (const [scheme, width, height, suffix, url] of [
    ['', 1280, 900, 'desktop', 'index.html'],
    ...['wb', 'bw', 'blue', 'brown', 'green'].map((scheme) => [scheme, 390, 844, `${scheme}-phone`, 'index.html']),
    ['blue', 390, 844, 'blue-article-phone', 'kirov-delegation-belarus.html?lens=agriculture'],
  ]) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    if (scheme) await page.addInitScript((line) => localStorage.setItem('article-viewer-low-vision', line), `size=200;scheme=${scheme}`);
    await page.goto(base + url);
    await page.waitForSelector('html[data-app=ready]');
    if (!scheme) await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/low-vision-${suffix}.png` });
    await page.close();
  }
  // The saved articles, once all are saved (a context of its own: the worker and its caches).
  for (const [width, height, suffix] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(base + 'index.html');
    await page.waitForSelector('html[data-app=ready]');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.getByRole('link', { name: 'Сохранённые статьи' }).click();
    await page.getByRole('button', { name: 'Сохранить все статьи для чтения без сети' }).click();
    await page.getByText(/^Все статьи \(\d+\) сохранены/).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/saved-${suffix}.png` });
    await context.close();
  }
  // Pictures: the site with the pictures' fixture article (tests/fixtures/pictures), its card and its page.
  {
    const content = path.join(site, 'content-pictures');
    fs.cpSync('content', content, { recursive: true });
    fs.cpSync('tests/fixtures/pictures/articles', path.join(content, 'articles'), { recursive: true });
    const built = buildSite('screenshots-pictures', content);
    const pictures = await startServer(built, port + 1, '/news/');
    try {
      for (const [name, url, width, height] of [['pictures-list-desktop', 'index.html', 1280, 900], ['pictures-phone', 'field-pictures.html', 390, 844]]) {
        const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
        await page.goto(pictures.base + url);
        await page.waitForSelector('html[data-app=ready]');
        await page.waitForFunction(() => [...document.images].every((img) => img.complete));
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${out}/${name}.png` });
        await page.close();
      }
    } finally {
      pictures.stop();
    }
  }
  for (const [width, height, suffix] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    await page.goto(base + 'examples/portal.html');
    await page.locator('article-viewer [data-testid=article-card]').first().waitFor();
    await page.frameLocator('iframe').locator('article-viewer [data-testid=article-card]').first().waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${out}/embed-portal-${suffix}.png`, fullPage: suffix === 'desktop' });
    await page.close();
  }
} finally {
  fs.rmSync(site, { recursive: true, force: true });
  await browser.close();
  server.stop();
}
