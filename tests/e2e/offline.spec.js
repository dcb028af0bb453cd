// The installed, offline app: manifest and icons, the service worker's
// caches, reading with no network, and a new deploy offered as an update.
//
// Each test runs its own server on a folder it controls, so it can take the
// network away for real (the server stops) and replace the served files
// with another build, as a deploy does.
import { test, expect, chromium } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TRUNK_OUTPUTS, contentHash, namePattern } from '../../scripts/site.mjs';
import { SEED, buildSite, copySite, startServer as startServerAt, waitForApp, waitForWorker } from './helpers.js';

const PREFIX = '/news/';
let nextPort = 8260;

/** A static server of `dir` under PREFIX, on a port of its own. */
const startServer = (dir) => startServerAt(dir, nextPort++, PREFIX);

/** Every article of `index` opens with its text and no error (the page is offline). */
async function allOpen(page, server, index) {
  for (const a of index.articles) {
    await page.goto(server.base + `${a.slug}.html`);
    await waitForApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.title);
    await expect(page.getByTestId('passage').first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
}

async function listTitles(page) {
  return page.getByTestId('article-card').getByRole('heading', { level: 2 }).allInnerTexts();
}

function pngSize(bytes) {
  // The IHDR chunk: width and height right after the 8-byte signature and chunk header.
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test.describe('installable app', () => {
  test('the manifest and its icons load, and Chrome finds nothing against installing', async ({ request, baseURL }) => {
    // A browser profile on disk: Chrome never offers to install from a private window.
    const profile = fs.mkdtempSync(path.join('target', 'e2e-profile-'));
    const context = await chromium.launchPersistentContext(profile, { ...test.info().project.use.launchOptions, baseURL });
    const page = context.pages()[0] || (await context.newPage());
    try {
      await page.goto('index.html');
      await waitForApp(page);
      await waitForWorker(page);

      const href = await page.locator('link[rel=manifest]').getAttribute('href');
      const manifestUrl = new URL(href, page.url()).href;
      const response = await request.get(manifestUrl);
      expect(response.ok()).toBe(true);
      const manifest = await response.json();
      expect(manifest.name).toBe('Новости Кировской области');
      expect(manifest.name_localized.en.value).toBe('Kirov Region News');
      expect(manifest.display).toBe('standalone');
      expect(manifest.start_url).toBe('./');
      expect(manifest.scope).toBe('./');
      const purposes = [];
      for (const icon of manifest.icons) {
        const png = await request.get(new URL(icon.src, manifestUrl).href);
        expect(png.ok(), icon.src).toBe(true);
        expect(png.headers()['content-type']).toContain('image/png');
        const [w, h] = pngSize(await png.body());
        expect(`${w}x${h}`).toBe(icon.sizes);
        purposes.push(`${icon.sizes} ${icon.purpose}`);
      }
      expect(purposes).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);

      const cdp = await page.context().newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
});

test.describe('offline', () => {
  test('with the network gone the list, filters and read articles work; an unsaved one says so', async ({ page, context }) => {
    const site = copySite('offline');
    const server = await startServer(site);
    try {
      await page.goto(server.base + 'index.html');
      await waitForApp(page);
      await waitForWorker(page);
      // Read the real article once: its text is kept as it is read.
      await page.getByRole('link', { name: SEED.title }).click();
      await expect(page.getByTestId('passage').first()).toBeVisible();

      server.stop();
      await context.setOffline(true);
      await page.goto(server.base + 'index.html');
      await waitForApp(page);
      await expect(page.getByTestId('offline-notice')).toHaveText('Нет сети — показаны сохранённые статьи');
      const all = (await listTitles(page)).length;
      expect(all).toBeGreaterThan(1);
      await page.getByRole('group', { name: 'Темы' }).getByRole('button', { name: /^Транспорт/ }).click();
      await expect(page).toHaveURL(/\?topic=transport$/);
      expect((await listTitles(page)).length).toBeLessThan(all);

      // The article read before: from its link, and from a fresh navigation.
      await page.goto(server.base + `${SEED.slug}.html?lens=agriculture`);
      await waitForApp(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED.title);
      await expect(page.locator('[data-testid=passage][data-lens-match]').first()).toBeVisible();

      // An article never opened: its page still opens, and says why there is no text.
      await page.goto(server.base + 'sovetsk-bridge-bus-route.html');
      await waitForApp(page);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('не сохранена для чтения без сети');
    } finally {
      server.stop();
      await context.setOffline(false).catch(() => {});
    }
  });

  test('"save all" fetches every article and the search with visible progress, then all read and search offline', async ({ page, context }) => {
    const site = copySite('save-all');
    const server = await startServer(site);
    try {
      await page.goto(server.base + 'index.html');
      await waitForApp(page);
      await waitForWorker(page);
      const index = JSON.parse(fs.readFileSync(path.join(site, 'data/index.json'), 'utf8'));

      await page.getByRole('button', { name: 'Сохранить все статьи для чтения без сети' }).click();
      await expect(page.getByTestId('save-status')).toHaveText(
        `Все статьи (${index.articles.length}) сохранены: их можно читать без сети.`,
      );

      server.stop();
      await context.setOffline(true);
      await allOpen(page, server, index);

      // Search too works over what is saved: results, marks, and a result's article.
      await page.goto(server.base + 'index.html?q=%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA%D0%BE');
      await waitForApp(page);
      await expect(page.getByTestId('result-count')).toHaveText('Найдено 2 статьи по запросу «молоко»');
      await expect(page.getByTestId('article-card').locator('mark').first()).toBeVisible();
      await page.getByTestId('article-card').getByRole('heading', { level: 2 }).getByRole('link').first().click();
      await expect(page.getByRole('group', { name: 'Поиск в статье' }).getByRole('status')).toHaveText(/^«молоко» в тексте: \d+ абзац/);
      await expect(page.getByRole('alert')).toHaveCount(0);
    } finally {
      server.stop();
      await context.setOffline(false).catch(() => {});
    }
  });
});

test.describe('a new deploy', () => {
  /** This site's content and one article more, as an editor publishes it. */
  function contentPlusOne() {
    const dir = path.join('target', 'e2e-sites', 'content-plus-one');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync('content', dir, { recursive: true });
    fs.cpSync('tests/fixtures/deploy-b/articles', path.join(dir, 'articles'), { recursive: true });
    return dir;
  }

  /** Build B: one article more, the same code: what a publish is. */
  function contentBuild() {
    return buildSite('build-content', contentPlusOne());
  }

  /** Build C: B's content with other code (its styles), as a release of the app is. */
  function codeBuild(name = 'build-code') {
    // C's styles differ, under a new hashed name (and integrity), so a page
    // that mixed the two builds would ask for a file C does not have.
    return buildSite(name, contentPlusOne(), (dir) => {
      const css = fs.readdirSync(dir).find((f) => namePattern(TRUNK_OUTPUTS.css).test(f));
      const stylesA = fs.readFileSync(path.join(dir, css));
      const stylesC = Buffer.concat([stylesA, Buffer.from('\n/* build C */\n')]);
      const integrity = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
      const cssC = TRUNK_OUTPUTS.css.replace('<hash>', contentHash(stylesC));
      fs.rmSync(path.join(dir, css));
      fs.writeFileSync(path.join(dir, cssC), stylesC);
      const shell = path.join(dir, 'shell.html');
      fs.writeFileSync(shell, fs.readFileSync(shell, 'utf8')
        .replaceAll(css, cssC)
        .replaceAll(integrity(stylesA), integrity(stylesC)));
    });
  }

  const NEW_TITLE = 'Статья новой сборки';
  const buildOf = (dir) => fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/BUILD ?= ?"([0-9a-f]+)"/)[1];

  function deploy(from, to) {
    fs.rmSync(to, { recursive: true, force: true });
    fs.cpSync(from, to, { recursive: true });
  }

  async function openA(page, server) {
    await page.goto(server.base + 'index.html');
    await waitForApp(page);
    await waitForWorker(page);
    await expect(page.getByRole('link', { name: SEED.title })).toBeVisible();
  }

  async function checkForUpdate(page) {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  }

  test('a publish reaches the reader with no prompt; what they saved survives it and the next release of the code', async ({ page, context }) => {
    const b = contentBuild();
    const c = codeBuild();
    // Publishing content leaves the worker as it was: nothing to accept.
    expect(fs.readFileSync(path.join(b, 'sw.js'), 'utf8')).toBe(fs.readFileSync('dist/sw.js', 'utf8'));
    expect(buildOf(c)).not.toBe(buildOf(b));

    const site = copySite('deploy-saved');
    const port = nextPort++;
    let server = await startServerAt(site, port, PREFIX);
    const prompt = page.getByTestId('update-prompt');
    try {
      await openA(page, server);
      const indexA = JSON.parse(fs.readFileSync(path.join(site, 'data/index.json'), 'utf8'));
      await page.getByRole('button', { name: 'Сохранить все статьи для чтения без сети' }).click();
      await expect(page.getByTestId('save-status')).toHaveText(`Все статьи (${indexA.articles.length}) сохранены: их можно читать без сети.`);

      // B: one article more. A reload lists it, and nothing is offered.
      deploy(b, site);
      await page.reload();
      await waitForApp(page);
      await expect(page.getByRole('link', { name: NEW_TITLE })).toBeVisible();
      await checkForUpdate(page);
      await page.waitForTimeout(500);
      await expect(prompt).toHaveCount(0);

      // Offline: every article saved under A still opens.
      server.stop();
      await context.setOffline(true);
      await allOpen(page, server, indexA);
      await page.goto(server.base + 'index.html');
      await waitForApp(page);
      await expect(page.getByRole('link', { name: NEW_TITLE })).toBeVisible();

      // C: the code changes. The prompt appears; after «Обновить» every
      // article saved under A still opens offline.
      await context.setOffline(false);
      deploy(c, site);
      server = await startServerAt(site, port, PREFIX);
      await page.goto(server.base + 'index.html');
      await waitForApp(page);
      await checkForUpdate(page);
      await expect(prompt).toContainText('Доступна новая версия');
      await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Обновить' }).click()]);
      await waitForApp(page);
      // The old code's cache goes in the new worker's activation, which the
      // reload does not wait for to the end.
      await expect.poll(async () => (await page.evaluate(() => caches.keys())).sort())
        .toEqual([`article-viewer-${buildOf(c)}`, 'article-viewer-content', 'article-viewer-saved'].sort());

      server.stop();
      await context.setOffline(true);
      await allOpen(page, server, indexA);
    } finally {
      server.stop();
      await context.setOffline(false).catch(() => {});
    }
  });

  test('an earlier worker\'s saved articles are kept when this one takes over', async ({ page, context }) => {
    // An install from before content had caches of its own: bodies in the build's cache.
    const site = copySite('deploy-migrate');
    const port = nextPort++;
    let server = await startServerAt(site, port, PREFIX);
    try {
      await openA(page, server);
      await page.getByRole('link', { name: SEED.title }).click();
      await expect(page.getByTestId('passage').first()).toBeVisible();
      // Where such a worker kept it.
      await page.evaluate(async () => {
        const name = (await caches.keys()).find((n) => /^article-viewer-[0-9a-f]+$/.test(n));
        const old = await caches.open(name);
        const saved = await caches.open('article-viewer-saved');
        for (const request of await saved.keys()) {
          await old.put(request, await saved.match(request));
          await saved.delete(request);
        }
      });

      deploy(codeBuild('build-code-migrate'), site);
      await checkForUpdate(page);
      const prompt = page.getByTestId('update-prompt');
      await expect(prompt).toContainText('Доступна новая версия');
      await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Обновить' }).click()]);
      await waitForApp(page);

      server.stop();
      await context.setOffline(true);
      await page.goto(server.base + `${SEED.slug}.html`);
      await waitForApp(page);
      await expect(page.getByTestId('passage').first()).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
    } finally {
      server.stop();
      await context.setOffline(false).catch(() => {});
    }
  });

  test('the open app offers a new release of the code; accepting shows it, with only its files', async ({ page }) => {
    const c = codeBuild();
    const site = copySite('deploy-accept');
    const server = await startServer(site);
    try {
      await openA(page, server);
      deploy(c, site);
      await checkForUpdate(page);
      const prompt = page.getByTestId('update-prompt');
      await expect(prompt).toContainText('Доступна новая версия');

      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Обновить' }).click()]);
      await waitForApp(page);
      await expect(page.getByRole('link', { name: NEW_TITLE })).toBeVisible();
      await expect(page.getByRole('link', { name: SEED.title })).toBeVisible();
      await expect(prompt).toHaveCount(0);

      // C's styles are in use, and every file the page asked for after the update exists in C.
      const cssC = fs.readdirSync(c).find((f) => f.endsWith('.css'));
      const styles = requests.filter((url) => new URL(url).pathname.endsWith('.css')).map((url) => path.basename(new URL(url).pathname));
      expect(styles.length).toBeGreaterThan(0);
      expect(new Set(styles)).toEqual(new Set([cssC]));
      for (const url of requests) {
        const file = decodeURIComponent(new URL(url).pathname.slice(PREFIX.length)) || 'index.html';
        expect(fs.existsSync(path.join(c, file)), `${file} is one of C's files`).toBe(true);
      }
      // And of code, only C's cache is left.
      await expect.poll(async () => (await page.evaluate(() => caches.keys())).filter((n) => /^article-viewer-[0-9a-f]+$/.test(n)))
        .toEqual([`article-viewer-${buildOf(c)}`]);
    } finally {
      server.stop();
    }
  });

  test('dismissing keeps the reader on the code they have, with the new content, until the next start', async ({ page }) => {
    const c = codeBuild();
    const site = copySite('deploy-dismiss');
    const server = await startServer(site);
    try {
      await openA(page, server);
      const cssA = fs.readdirSync(site).find((f) => f.endsWith('.css'));
      deploy(c, site);
      await checkForUpdate(page);
      const prompt = page.getByTestId('update-prompt');
      await prompt.getByRole('button', { name: 'Не сейчас' }).click();
      await expect(prompt).toHaveCount(0);

      // A reload is not a new start: A's code, whose files are all its own
      // cache's, but the content as published, and the offer again.
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.reload();
      await waitForApp(page);
      await expect(page.getByRole('link', { name: NEW_TITLE })).toBeVisible();
      await page.getByRole('link', { name: SEED.title }).click();
      await expect(page.getByTestId('passage').first()).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      const styles = requests.filter((url) => new URL(url).pathname.endsWith('.css')).map((url) => path.basename(new URL(url).pathname));
      expect(new Set(styles)).toEqual(new Set([cssA]));
      await expect(prompt).toContainText('Доступна новая версия');
    } finally {
      server.stop();
    }
  });
});
