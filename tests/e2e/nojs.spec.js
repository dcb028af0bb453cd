// The prerendered pages: readable without JavaScript, shareable (meta tags),
// and identical in content to what the app renders.
import { test, expect } from '@playwright/test';
import { ListPage } from './pages/list_page.js';
import { ArticlePage } from './pages/article_page.js';
import {
  SEED,
  jsonLdBlocks,
  loadIndex,
  mainText,
  metaContent,
  metaTags,
  noJsContext,
  normalize,
  waitForApp,
} from './helpers.js';

test.describe('without JavaScript', () => {
  test('the list shows every article card linking to its page', async ({ browser, baseURL, request }) => {
    const index = await loadIndex(request);
    const context = await noJsContext(browser, baseURL);
    try {
      const page = await context.newPage();
      const list = new ListPage(page);
      await list.open();

      await expect(list.heading).toHaveText('Новости');
      await expect(page.locator('html[data-app=ready]')).toHaveCount(0);
      await expect(list.cards).toHaveCount(index.articles.length);
      for (const entry of index.articles) {
        const title = normalize(entry.title);
        await expect(list.cardLink(title), entry.slug).toBeVisible();
        await expect(list.cardLink(title)).toHaveAttribute('href', new RegExp(`(^|/)${entry.slug}\\.html$`));
      }
    } finally {
      await context.close();
    }
  });

  test('every article page shows its title and all its passages', async ({
    browser,
    baseURL,
    page,
    request,
  }) => {
    const index = await loadIndex(request);
    test.setTimeout(30_000 + index.articles.length * 10_000);
    const context = await noJsContext(browser, baseURL);
    try {
      const staticPage = await context.newPage();
      const staticView = new ArticlePage(staticPage);
      const appView = new ArticlePage(page);

      for (const entry of index.articles) {
        await test.step(entry.slug, async () => {
          await staticPage.goto(`${entry.slug}.html`);
          await expect(staticView.heading).toHaveText(normalize(entry.title));
          const count = await staticView.passages.count();
          expect(count, `${entry.slug} has passages`).toBeGreaterThan(0);
          for (let i = 0; i < count; i += 1) {
            await expect(staticView.passages.nth(i)).toBeVisible();
            await expect(staticView.passages.nth(i)).not.toHaveText('');
          }

          // The same passages, in the same order, as the app shows.
          await appView.goto(entry.slug);
          await expect(appView.passages).toHaveCount(count);
          expect(await staticView.passageTexts()).toEqual(await appView.passageTexts());
        });
      }

      await staticPage.goto(`${SEED.slug}.html`);
      for (const text of ['молока', 'торфа', 'лифтовые направляющие']) {
        await expect(staticView.passages.filter({ hasText: text }).first()).toBeVisible();
      }
    } finally {
      await context.close();
    }
  });

  test('every article page carries Open Graph, Twitter and NewsArticle metadata', async ({ request }) => {
    const index = await loadIndex(request);
    for (const entry of index.articles) {
      await test.step(entry.slug, async () => {
        const response = await request.get(`${entry.slug}.html`);
        expect(response.ok()).toBe(true);
        expect(response.headers()['content-type']).toContain('text/html');
        const html = await response.text();
        const tags = metaTags(html);
        const title = normalize(entry.title);

        expect(normalize(metaContent(tags, 'og:title'))).toContain(title);
        expect(metaContent(tags, 'og:type')).toBe('article');
        expect(normalize(metaContent(tags, 'og:description')).length).toBeGreaterThan(0);
        expect(metaContent(tags, 'article:published_time') ?? '').toMatch(new RegExp(`^${entry.date}`));
        expect(metaContent(tags, 'og:locale')).toBe('ru_RU');
        expect(metaContent(tags, 'twitter:card') ?? '').toMatch(/^summary(_large_image)?$/);

        const blocks = jsonLdBlocks(html);
        const news = blocks.find((b) => b && !Array.isArray(b) && b['@type'] === 'NewsArticle');
        expect(news, 'a NewsArticle JSON-LD block').toBeTruthy();
        expect(normalize(news.headline)).toBe(title);
        expect(String(news.datePublished)).toMatch(new RegExp(`^${entry.date}`));
      });
    }
  });
});

test.describe('prerendered content equals the app', () => {
  for (const [name, path] of [
    ['the list', 'index.html'],
    ['the real article', `${SEED.slug}.html`],
  ]) {
    test(`${name}: main reads the same with and without JavaScript`, async ({ browser, baseURL, page }) => {
      const context = await noJsContext(browser, baseURL);
      let prerendered;
      try {
        const staticPage = await context.newPage();
        await staticPage.goto(path);
        prerendered = await mainText(staticPage);
      } finally {
        await context.close();
      }
      expect(prerendered.length).toBeGreaterThan(0);

      await page.goto(path);
      await waitForApp(page);
      // The app may still be fetching data right after taking over; wait for it to settle.
      await expect.poll(() => mainText(page)).toBe(prerendered);
    });
  }
});
