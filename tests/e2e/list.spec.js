// The article list: what is shown, and the topic filter.
import { test, expect } from '@playwright/test';
import { ListPage } from './pages/list_page.js';
import {
  SEED,
  escapeRegExp,
  inTopicOrder,
  loadIndex,
  normalize,
  ruDate,
  slugsWithAnyTopic,
  sorted,
  topic,
  waitForApp,
} from './helpers.js';

test.describe('article list', () => {
  test('shows every article newest first, the real one unbadged and samples badged', async ({
    page,
    request,
  }) => {
    const index = await loadIndex(request);
    const total = index.articles.length;
    const list = new ListPage(page);
    await list.goto();

    await expect(list.banner).toBeVisible();
    await expect(list.siteLink).toHaveAttribute('href', /(^|\/)index\.html$/);
    await expect(list.main).toBeVisible();
    await expect(list.footer).toBeVisible();
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(list.heading).toHaveText('Новости');

    await expect(list.cards).toHaveCount(total);
    await list.expectResultCount(total, total);
    await expect(list.allTopics).toHaveAttribute('aria-pressed', 'true');

    const cards = await list.cardData();
    expect(sorted(cards.map((c) => c.slug))).toEqual(sorted(index.articles.map((a) => a.slug)));
    for (const card of cards) {
      expect(card.datetime, `date of "${card.title}"`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(card.dateText, `date of "${card.title}" in Russian`).toBe(ruDate(card.datetime));
      expect(card.href, `link of "${card.title}"`).toMatch(/\.html$/);
    }
    const dates = cards.map((c) => c.datetime);
    for (let i = 1; i < dates.length; i += 1) {
      expect(dates[i] <= dates[i - 1], `card ${i + 1} (${dates[i]}) is not newer than card ${i} (${dates[i - 1]})`).toBe(true);
    }

    // The real article is there, dated and linked, with no sample badge.
    const seedCard = list.card(SEED.title);
    await expect(seedCard).toHaveCount(1);
    await expect(list.cardLink(SEED.title)).toHaveAttribute('href', new RegExp(`(^|/)${SEED.slug}\\.html$`));
    await expect(seedCard.locator('time')).toHaveAttribute('datetime', SEED.date);
    await expect(seedCard.locator('time')).toHaveText(SEED.dateText);
    await expect(seedCard.getByTestId('sample-badge')).toHaveCount(0);

    // Each card carries its summary and topic labels; samples say so.
    const samples = index.articles.filter((a) => a.sample);
    expect(samples.length).toBeGreaterThanOrEqual(5);
    for (const entry of index.articles) {
      const card = list.card(normalize(entry.title));
      await expect(card, `card for ${entry.slug}`).toHaveCount(1);
      await expect(card).toContainText(normalize(entry.summary));
      for (const id of entry.topics) await expect(card).toContainText(topic(index, id).ru);
      if (entry.sample) {
        await expect(card.getByTestId('sample-badge')).toBeVisible();
        await expect(card.getByTestId('sample-badge')).toHaveText('Пример');
      } else {
        await expect(card.getByTestId('sample-badge')).toHaveCount(0);
      }
    }
  });
});

test.describe('topic filter', () => {
  test('chooses topics, shows their union, and resets with "Все темы"', async ({ page, request }) => {
    const index = await loadIndex(request);
    const total = index.articles.length;
    const agriculture = topic(index, 'agriculture');
    const industry = topic(index, 'industry');
    const list = new ListPage(page);
    await list.goto();

    // Every chip names its topic and how many articles it has.
    for (const t of index.topics) {
      const chip = list.topicChip(t.ru);
      await expect(chip).toHaveAccessibleName(new RegExp(`^${escapeRegExp(t.ru)}\\s+${t.count}(\\D|$)`));
      await expect(chip).toHaveAttribute('aria-pressed', 'false');
      expect(t.count, `count of ${t.id} matches its articles`).toBe(slugsWithAnyTopic(index, [t.id]).length);
    }
    await expect(list.allTopics).toHaveAttribute('aria-pressed', 'true');

    // One topic.
    await list.topicChip(agriculture.ru).click();
    await expect(list.topicChip(agriculture.ru)).toHaveAttribute('aria-pressed', 'true');
    await expect(list.allTopics).toHaveAttribute('aria-pressed', 'false');
    await list.expectTopicQuery(['agriculture']);
    const agri = slugsWithAnyTopic(index, ['agriculture']);
    await expect.poll(async () => sorted(await list.cardSlugs())).toEqual(sorted(agri));
    expect(agri.length).toBe(agriculture.count);
    await list.expectResultCount(agri.length, total);

    // A second topic adds its articles.
    await list.topicChip(industry.ru).click();
    await expect(list.topicChip(agriculture.ru)).toHaveAttribute('aria-pressed', 'true');
    await expect(list.topicChip(industry.ru)).toHaveAttribute('aria-pressed', 'true');
    await list.expectTopicQuery(inTopicOrder(index, ['agriculture', 'industry']));
    const both = slugsWithAnyTopic(index, ['agriculture', 'industry']);
    await expect.poll(async () => sorted(await list.cardSlugs())).toEqual(sorted(both));
    await list.expectResultCount(both.length, total);

    // "Все темы" clears the choice.
    await list.allTopics.click();
    await expect(list.allTopics).toHaveAttribute('aria-pressed', 'true');
    for (const t of index.topics) await expect(list.topicChip(t.ru)).toHaveAttribute('aria-pressed', 'false');
    await list.expectTopicQuery([]);
    await expect(list.cards).toHaveCount(total);
    await list.expectResultCount(total, total);
  });

  test('clicking a chosen topic unchooses it; the URL lists topics in topic order', async ({
    page,
    request,
  }) => {
    const index = await loadIndex(request);
    const total = index.articles.length;
    const agriculture = topic(index, 'agriculture');
    const industry = topic(index, 'industry');
    const list = new ListPage(page);
    await list.goto();

    // Chosen in the reverse order; the URL still follows the topics list.
    await list.topicChip(industry.ru).click();
    await list.topicChip(agriculture.ru).click();
    await list.expectTopicQuery(inTopicOrder(index, ['industry', 'agriculture']));

    await list.topicChip(agriculture.ru).click();
    await expect(list.topicChip(agriculture.ru)).toHaveAttribute('aria-pressed', 'false');
    await expect(list.topicChip(industry.ru)).toHaveAttribute('aria-pressed', 'true');
    await list.expectTopicQuery(['industry']);
    const ind = slugsWithAnyTopic(index, ['industry']);
    await expect.poll(async () => sorted(await list.cardSlugs())).toEqual(sorted(ind));

    await list.topicChip(industry.ru).click();
    await expect(list.topicChip(industry.ru)).toHaveAttribute('aria-pressed', 'false');
    await expect(list.allTopics).toHaveAttribute('aria-pressed', 'true');
    await list.expectTopicQuery([]);
    await expect(list.cards).toHaveCount(total);
  });

  test('a deep link ?topic=trade opens filtered, and a reload keeps it', async ({ page, request }) => {
    const index = await loadIndex(request);
    const total = index.articles.length;
    const trade = topic(index, 'trade');
    const expected = slugsWithAnyTopic(index, ['trade']);
    expect(expected).toContain(SEED.slug);
    const list = new ListPage(page);

    const expectTradeOnly = async (when) => {
      await expect(list.topicChip(trade.ru), when).toHaveAttribute('aria-pressed', 'true');
      await expect(list.allTopics, when).toHaveAttribute('aria-pressed', 'false');
      await expect.poll(async () => sorted(await list.cardSlugs()), { message: when }).toEqual(sorted(expected));
      await list.expectResultCount(expected.length, total);
      await list.expectTopicQuery(['trade']);
    };

    await list.goto('?topic=trade');
    await expectTradeOnly('after opening the link');

    await page.reload();
    await waitForApp(page);
    await expectTradeOnly('after reload');
  });

  test('an unknown topic shows the empty state, and "Показать все статьи" clears it', async ({
    page,
    request,
  }) => {
    const index = await loadIndex(request);
    const total = index.articles.length;
    const list = new ListPage(page);
    await list.goto('?topic=nonexistent');

    await expect(list.emptyState).toBeVisible();
    await expect(list.cards).toHaveCount(0);
    await list.showAllButton.click();
    await expect(list.emptyState).toBeHidden();
    await expect(list.cards).toHaveCount(total);
    await expect(list.allTopics).toHaveAttribute('aria-pressed', 'true');
    await list.expectTopicQuery([]);
  });
});
