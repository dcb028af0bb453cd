// Search: as the reader types, ranked results with the matched words
// marked; the words in the URL, with the topics; reload, back and forward;
// nothing found; every word, else any; and none of it in the first view.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SEED, loadIndex, topic, waitForApp } from './helpers.js';

const FARMS = 'Хозяйства Котельничского района подвели итоги сезона';
const BRIDGE = 'В Советском районе после ремонта открыли мост через Пижму';

function searchbox(page) {
  return page.getByRole('searchbox', { name: 'Поиск по новостям' });
}

function cardTitles(page) {
  return page.getByTestId('article-card').getByRole('heading', { level: 2 });
}

/** Waits until the page of results is whole: the first screen's come first. */
async function settled(page) {
  await expect(page.getByTestId('article-list')).not.toHaveAttribute('aria-busy', 'true');
}

async function openList(page, query = '') {
  await page.goto(`index.html${query}`);
  await waitForApp(page);
}

test('typing «молоко» finds the articles that say «молока», ranked, with the words marked', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await openList(page);
  // The first view loads nothing of search but the app's few lines that start its worker.
  expect(requests.filter((p) => /search/.test(p) && !/\/snippets\//.test(p))).toEqual([]);

  await searchbox(page).fill('молоко');
  await expect(page.getByTestId('result-count')).toHaveText('Найдено 2 статьи по запросу «молоко»');
  await expect(page).toHaveURL(/index\.html\?q=%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA%D0%BE$/);
  await expect(cardTitles(page)).toHaveCount(2);
  await expect(cardTitles(page)).toContainText([FARMS, SEED.title].sort((a, b) => (a === FARMS ? -1 : 1)));
  // Every result shows where it matched: the marked words are forms of «молоко».
  for (const card of await page.getByTestId('article-card').all()) {
    const marked = await card.locator('mark').allInnerTexts();
    expect(marked.length, await card.innerText()).toBeGreaterThan(0);
    for (const word of marked) expect(word.toLowerCase()).toMatch(/^молок/);
  }
  // Only now: the worker, its module and the shard and result files.
  expect(requests.some((p) => p.endsWith('/search.js'))).toBe(true);
  expect(requests.filter((p) => /\/data\/search\/shard-/.test(p)).length).toBeGreaterThan(0);
});

test('a typo and the word being typed find the same', async ({ page }) => {
  await openList(page);
  await searchbox(page).fill('малоко ');
  await expect(page.getByTestId('result-count')).toHaveText('Найдено 2 статьи по запросу «малоко»');
  await searchbox(page).fill('моло');
  await expect(page.getByTestId('result-count')).toHaveText(/^Найден[оа] \d+ стат/);
  await expect(cardTitles(page).filter({ hasText: FARMS })).toHaveCount(1);
});

test('the search combines with topics, and lives in the URL for reload, back and forward', async ({ page, request }) => {
  const index = await loadIndex(request);
  const transport = topic(index, 'transport');
  await openList(page);
  await searchbox(page).fill('мост');
  await expect(cardTitles(page).first()).toHaveText(BRIDGE);
  await settled(page);
  const all = await cardTitles(page).count();
  // The topic's chip counts the results that carry it.
  const chip = page.getByRole('group', { name: 'Темы' }).getByRole('button', { name: new RegExp(`^${transport.ru}`) });
  const carrying = page.getByTestId('article-card').filter({ has: page.getByRole('list', { name: 'Темы статьи' }).filter({ hasText: transport.ru }) });
  await expect(chip).toHaveText(`${transport.ru} ${await carrying.count()}`);
  expect(transport.count, 'the chip says fewer than the whole list has').toBeGreaterThan(await carrying.count());

  await chip.click();
  await expect(page).toHaveURL(/\?topic=transport&q=/);
  await expect(cardTitles(page).first()).toHaveText(BRIDGE);
  await settled(page);
  const withTopic = await cardTitles(page).count();
  expect(withTopic).toBeLessThanOrEqual(all);
  await expect(chip, 'what it showed is what it said').toHaveText(`${transport.ru} ${withTopic}`);
  for (const card of await page.getByTestId('article-card').all()) {
    await expect(card.getByRole('list', { name: 'Темы статьи' })).toContainText(transport.ru);
  }

  await page.reload();
  await waitForApp(page);
  await expect(searchbox(page)).toHaveValue('мост');
  await expect(cardTitles(page)).toHaveCount(withTopic);

  // Back to the search without the topic, back again to the list before
  // any search (typing made one entry, not one a letter), and forward.
  await page.goBack();
  await expect(page).toHaveURL(/index\.html\?q=/);
  await expect(cardTitles(page)).toHaveCount(all);
  await page.goBack();
  await expect(page).toHaveURL(/index\.html$/);
  await expect(searchbox(page)).toHaveValue('');
  await expect(page.getByTestId('result-count')).toHaveText(/^Показан[оаы] \d+ стат(ья|ьи|ей) из \d+$/);
  await page.goForward();
  await expect(searchbox(page)).toHaveValue('мост');
  await expect(cardTitles(page)).toHaveCount(all);
});

test.describe('a page of results in two steps', () => {
  // The result files are held back by routing, which a service worker would pass by.
  test.use({ serviceWorkers: 'block' });

  test('the first results are shown at once, and the rest of the page comes under them without redrawing them', async ({ page, context }) => {
    // The result files after the first three asked for are held back a while.
    let asked = 0;
    let release;
    const held = new Promise((r) => (release = r));
    await context.route(/\/data\/search\/doc-/, async (route) => {
      if (++asked > 3) await held;
      await route.continue();
    });
    await openList(page);
    await searchbox(page).fill('киров');
    // The count is known with the first results.
    const status = page.getByTestId('result-count');
    await expect(status).toHaveText(/^Найден[оаы] \d+ стат(ья|ьи|ей) по запросу «киров»$/);
    const found = Number((await status.textContent()).match(/\d+/)[0]);
    expect(found).toBeGreaterThan(3);
    await expect(page.getByTestId('article-card')).toHaveCount(3);
    await expect(page.getByTestId('article-list')).toHaveAttribute('aria-busy', 'true');
    const first = await cardTitles(page).allTextContents();
    await page.getByTestId('article-card').first().evaluate((card) => (card.dataset.seen = 'yes'));
    release();
    await expect(page.getByTestId('article-card')).toHaveCount(found);
    await settled(page);
    expect((await cardTitles(page).allTextContents()).slice(0, 3)).toEqual(first);
    await expect(page.getByTestId('article-card').first()).toHaveAttribute('data-seen', 'yes');
    // The same search loaded afresh ranks them alike.
    const ranked = await cardTitles(page).allTextContents();
    await context.unroute(/\/data\/search\/doc-/);
    await page.reload();
    await waitForApp(page);
    await settled(page);
    await expect(cardTitles(page)).toHaveText(ranked);
  });
});

test('a month narrows the results, and each month counts the results it has', async ({ page }) => {
  await openList(page, '?q=молоко');
  const month = page.getByRole('combobox', { name: 'Месяц' });
  await expect(month.locator('option')).toHaveText(['Все месяцы (2)', 'Январь 2026 (1)', 'Ноябрь 2025 (1)']);
  await month.selectOption('2025-11');
  await expect(page).toHaveURL(/index\.html\?month=2025-11&q=%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA%D0%BE$/);
  await expect(page.getByTestId('result-count')).toHaveText('Найдена 1 статья по запросу «молоко»');
  await expect(cardTitles(page)).toHaveText([FARMS]);

  // Emptying the search keeps the month: the list of that month shows.
  await searchbox(page).fill('');
  await expect(page).toHaveURL(/index\.html\?month=2025-11$/);
  await expect(page.getByTestId('result-count')).toHaveText('Показаны 2 статьи из 7');
  await expect(month.locator('option')).toHaveText(['Все месяцы (7)', 'Январь 2026 (3)', 'Декабрь 2025 (2)', 'Ноябрь 2025 (2)']);
});

test('a shared link opens on its results, and a result opens its article', async ({ page }) => {
  await openList(page, '?q=%D0%BC%D0%BE%D1%81%D1%82');
  await expect(searchbox(page)).toHaveValue('мост');
  await expect(cardTitles(page).first()).toHaveText(BRIDGE);
  await cardTitles(page).first().getByRole('link').click();
  await expect(page).toHaveURL(/sovetsk-bridge-bus-route\.html\?q=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(BRIDGE);
});

test('an article opened from a result has the words marked, steps through them, and lets them go', async ({ page }) => {
  await openList(page, '?q=%D0%BC%D0%BE%D1%81%D1%82');
  await cardTitles(page).first().getByRole('link').click();
  const bar = page.getByRole('group', { name: 'Поиск в статье' });
  await expect(bar.getByRole('status')).toHaveText(/^«мост» в тексте: \d+ абзац(а|ев)?$/);
  const count = Number((await bar.getByRole('status').innerText()).match(/\d+/)[0]);
  const marked = page.locator('[data-testid=passage][data-search-match]');
  await expect(marked).toHaveCount(count);
  // Every form of the word is marked, in the headline and the text.
  await expect(page.getByRole('heading', { level: 1 }).locator('mark')).toHaveText(['мост']);
  for (const word of await page.locator('article [data-testid=passage] mark').allInnerTexts()) {
    expect(word.toLowerCase()).toMatch(/^мост/);
  }
  // «Next match» moves the focus from one marked passage to the next.
  const next = bar.getByRole('button', { name: /^Следующее совпадение/ });
  await next.click();
  await expect(marked.first()).toBeFocused();
  if (count > 1) {
    await next.click();
    await expect(marked.nth(1)).toBeFocused();
  }

  // The article's own URL keeps the search: a reload marks the same words.
  await page.reload();
  await waitForApp(page);
  await expect(marked).toHaveCount(count);

  // Clearing the marks leaves the plain article; back is the results.
  await bar.getByRole('link', { name: 'Снять выделение' }).click();
  await expect(page).toHaveURL(/sovetsk-bridge-bus-route\.html$/);
  await expect(page.locator('article mark')).toHaveCount(0);
  await expect(bar).toHaveCount(0);
  await page.goBack();
  await expect(marked).toHaveCount(count);
  await page.getByRole('link', { name: 'Все новости' }).click();
  await expect(page).toHaveURL(/index\.html\?q=/);
  await expect(searchbox(page)).toHaveValue('мост');
});

test('nothing found says so, and offers to search every topic or to clear the search', async ({ page }) => {
  await openList(page, '?topic=transport');
  await searchbox(page).fill('молоко');
  await expect(page.getByTestId('result-count')).toHaveText('По запросу «молоко» с выбранными фильтрами ничего не нашлось.');
  await expect(cardTitles(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Искать во всех темах' }).click();
  await expect(page).toHaveURL(/index\.html\?q=/);
  await expect(page.getByTestId('result-count')).toHaveText('Найдено 2 статьи по запросу «молоко»');

  await searchbox(page).fill('синхрофазотрон');
  await expect(page.getByTestId('result-count')).toHaveText('По запросу «синхрофазотрон» ничего не нашлось.');
  await expect(page.getByRole('button', { name: 'Искать во всех темах' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Сбросить поиск' }).click();
  await expect(page).toHaveURL(/index\.html$/);
  await expect(page.getByTestId('result-count')).toHaveText(/^Показан[оаы] \d+ стат(ья|ьи|ей) из \d+$/);
});

test('when no article has every word, the articles with any of them are shown, and said so', async ({ page }) => {
  await openList(page);
  await searchbox(page).fill('молоко мост');
  await expect(page.getByTestId('any-word')).toHaveText('Статей со всеми словами нет — показаны статьи с любым из них.');
  await expect(cardTitles(page)).toHaveCount(3);
  await searchbox(page).fill('молоко Лукашенко');
  await expect(page.getByTestId('result-count')).toHaveText('Найдена 1 статья по запросу «молоко Лукашенко»');
  await expect(page.getByTestId('any-word')).toHaveCount(0);
  await expect(cardTitles(page)).toHaveText([SEED.title]);
});

test.describe('axe', () => {
  test.use({ reducedMotion: 'reduce' });

  for (const width of [390, 1280]) {
    test(`results have no violations at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await openList(page, '?q=%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA%D0%BE');
      await expect(page.locator('mark').first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    });

    test(`an article with the search's words marked has no violations at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${SEED.slug}.html?lens=agriculture&q=%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA%D0%BE`);
      await waitForApp(page);
      await expect(page.locator('[data-search-match] mark').first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    });
  }
});
