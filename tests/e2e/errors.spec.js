// What a reader sees when data fails to load, and that normal use logs no errors.
import { test, expect } from '@playwright/test';
import { ListPage } from './pages/list_page.js';
import { ArticlePage } from './pages/article_page.js';
import { SEED, collectPageErrors, loadIndex, topic, waitForApp } from './helpers.js';

// Bodies are named by their content: <slug>.<hash>.json.
const SEED_BODY = `**/data/articles/${SEED.slug}.*.json`;
const INDEX = '**/data/index.json';

// These tests break the network answers with page.route, which does not see
// the requests a service worker makes: they check the app, so the worker is
// kept out (offline.spec.js tests it).
test.use({ serviceWorkers: 'block' });

test.describe('broken article body', () => {
  test('a malformed body shows an alert with "Повторить", and the site keeps working', async ({
    page,
    request,
  }) => {
    const index = await loadIndex(request);
    await page.route(SEED_BODY, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema":1, "blocks": [tru' }),
    );
    const list = new ListPage(page);
    const view = new ArticlePage(page);
    await list.goto();
    await list.cardLink(SEED.title).click();

    await expect(page).toHaveURL(new RegExp(`/${SEED.slug}\\.html$`));
    await expect(view.alert).toBeVisible();
    await expect(view.alert).toContainText(/загруз/i);
    await expect(view.retryButton).toBeVisible();
    await expect(view.banner).toBeVisible();
    await expect(view.heading).toHaveText(SEED.title);

    // The header link still leads to a working list.
    await view.siteLink.click();
    await expect(page).toHaveURL(/\/index\.html$/);
    await expect(list.heading).toHaveText('Новости');
    await expect(list.cards).toHaveCount(index.articles.length);
    await expect(list.alert).toHaveCount(0);
  });

  test('a body from elsewhere with a link that runs code shows the link as text', async ({ page }) => {
    // The content tools never publish such a link; a bundle made by another
    // tool might, and the viewer checks again.
    await page.route(SEED_BODY, async (route) => {
      const body = await (await route.fetch()).json();
      body.blocks.unshift({
        type: 'paragraph',
        topics: [],
        content: [
          { type: 'link', href: ' JavaScript:window.__ran=1', content: [{ type: 'text', text: 'опасная ссылка' }] },
          { type: 'text', text: ' и ' },
          { type: 'link', href: 'https://example.org/', content: [{ type: 'text', text: 'обычная' }] },
        ],
      });
      await route.fulfill({ json: body });
    });
    const view = new ArticlePage(page);
    await view.goto(SEED.slug);
    await expect(page.getByText('опасная ссылка')).toBeVisible();
    await expect(page.getByRole('link', { name: 'опасная ссылка' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'обычная' })).toHaveAttribute('href', 'https://example.org/');
  });

  test('a body with blocks that are not blocks shows the rest, and says which', async ({ page }) => {
    let expected = 0;
    await page.route(SEED_BODY, async (route) => {
      const body = await (await route.fetch()).json();
      const passages = (b) => (b.type === 'paragraph' ? 1 : (b.passages ?? b.items ?? []).length);
      expected = (body.lead ? 1 : 0) + body.blocks.reduce((n, b) => n + passages(b), 0);
      // A block type from a newer schema, and a paragraph whose content is not spans.
      body.blocks.splice(1, 0, { type: 'video', src: 'clip.mp4' });
      body.blocks.splice(3, 0, { type: 'paragraph', topics: [], content: 'текст вместо списка' });
      await route.fulfill({ json: body });
    });
    const view = new ArticlePage(page);
    await view.goto(SEED.slug);

    const notice = page.getByTestId('unreadable');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Не удалось прочитать 2 части текста (блок 2:');
    await expect(notice).toContainText('блок 4:');
    await expect(notice).toContainText('Остальное показано.');
    await expect(view.passages).toHaveCount(expected);
    await expect(view.alert.getByRole('button', { name: 'Повторить' })).toHaveCount(0);
  });

  test('a missing body shows an alert, and "Повторить" loads it once it is back', async ({ page }) => {
    await page.route(SEED_BODY, (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }),
    );
    const list = new ListPage(page);
    const view = new ArticlePage(page);
    await list.goto();
    await list.cardLink(SEED.title).click();

    await expect(view.alert).toBeVisible();
    await expect(view.alert).toContainText(/загруз/i);
    await expect(view.heading).toHaveText(SEED.title);

    await page.unroute(SEED_BODY);
    await view.retryButton.click();
    await expect(view.alert).toHaveCount(0);
    await expect(view.passages.filter({ hasText: 'лифтовые направляющие' }).first()).toBeVisible();
  });
});

test.describe('broken index', () => {
  test('a missing index.json shows an alert over the readable list, and "Повторить" recovers', async ({
    page,
    request,
  }) => {
    const index = await loadIndex(request);
    const agriculture = topic(index, 'agriculture');
    await page.route(INDEX, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    const list = new ListPage(page);
    await list.open();

    await expect(list.alert).toBeVisible();
    await expect(list.alert).toContainText('Не удалось загрузить');
    await expect(list.retryButton).toBeVisible();
    // The prerendered list is still there to read.
    await expect(list.cards.first()).toBeVisible();
    await expect(list.cards).toHaveCount(index.articles.length);
    await expect(list.cardLink(SEED.title)).toBeVisible();

    await page.unroute(INDEX);
    await list.retryButton.click();
    await waitForApp(page);
    await expect(list.alert).toHaveCount(0);
    await expect(list.cards).toHaveCount(index.articles.length);
    await list.topicChip(agriculture.ru).click();
    await list.expectTopicQuery(['agriculture']);
    await expect(list.cards).toHaveCount(agriculture.count);
  });

  test('a malformed index.json shows the same alert', async ({ page, request }) => {
    const index = await loadIndex(request);
    await page.route(INDEX, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema":1,"articles":[{"slug":' }),
    );
    const list = new ListPage(page);
    await list.open();

    await expect(list.alert).toBeVisible();
    await expect(list.alert).toContainText('Не удалось загрузить');
    await expect(list.retryButton).toBeVisible();
    await expect(list.cards).toHaveCount(index.articles.length);
  });
});

test.describe('an index with entries that are not articles', () => {
  test('lists every article that reads, and says which entries did not', async ({ page, request }) => {
    const index = await loadIndex(request);
    await page.route(INDEX, async (route) => {
      const body = await (await route.fetch()).json();
      // As a CMS that writes the bundle itself might: a title that is not
      // text, and an entry with no fields at all, among good ones.
      body.articles.splice(1, 0, { ...body.articles[0], slug: 'broken-entry', title: 42 }, {});
      await route.fulfill({ json: body });
    });
    const list = new ListPage(page);
    await list.goto();

    const notice = page.getByTestId('unreadable');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(notice).toContainText('Не удалось прочитать 2 статьи из списка');
    await expect(notice).toContainText('«broken-entry»');
    await expect(notice).toContainText('№ 3');
    await expect(list.cards).toHaveCount(index.articles.length);
    await expect(list.cardLink(SEED.title)).toBeVisible();

    // The articles that read open as usual.
    await list.cardLink(SEED.title).click();
    await expect(new ArticlePage(page).heading).toHaveText(SEED.title);
    await expect(notice).toHaveCount(0);
  });
});

test.describe('console', () => {
  test('the list logs no errors while loading and filtering', async ({ page, request }) => {
    const index = await loadIndex(request);
    const errors = collectPageErrors(page);
    const list = new ListPage(page);
    await list.goto();
    await expect(list.cards.first()).toBeVisible();
    await list.topicChip(topic(index, 'agriculture').ru).click();
    await list.expectTopicQuery(['agriculture']);
    expect(errors).toEqual([]);
  });

  test('an article logs no errors while loading and choosing a lens', async ({ page, request }) => {
    const index = await loadIndex(request);
    const errors = collectPageErrors(page);
    const view = new ArticlePage(page);
    await view.goto(SEED.slug);
    await expect(view.passages.first()).toBeVisible();
    await view.lensChip(topic(index, 'agriculture').ru).click();
    await view.expectLensQuery(SEED.slug, 'agriculture');
    await expect(view.markedPassages.first()).toBeVisible();
    expect(errors).toEqual([]);
  });
});
