// Article pages: opening them in the app, history, the topic lens, deep links.
import { test, expect } from '@playwright/test';
import { ListPage } from './pages/list_page.js';
import { ArticlePage } from './pages/article_page.js';
import {
  SEED,
  article,
  escapeRegExp,
  loadIndex,
  normalize,
  ruDate,
  ruPlural,
  slugsWithAnyTopic,
  sorted,
  topic,
  waitForApp,
} from './helpers.js';

test.describe('in-app navigation', () => {
  test('clicking a card title opens the article without a page load and focuses its heading', async ({
    page,
  }) => {
    const list = new ListPage(page);
    const view = new ArticlePage(page);
    await list.goto();

    await page.evaluate(() => {
      window.__marker = 1;
    });
    await list.cardLink(SEED.title).click();

    await expect(page).toHaveURL(new RegExp(`/${SEED.slug}\\.html$`));
    await expect(view.heading).toHaveText(SEED.title);
    expect(await page.evaluate(() => window.__marker), 'the page was not reloaded').toBe(1);
    await expect(view.heading).toBeFocused();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(view.passages.first()).toBeVisible();

    // "Все новости" leads back to the list, still without a reload.
    await view.backLink.click();
    await expect(page).toHaveURL(/\/index\.html$/);
    await expect(list.heading).toHaveText('Новости');
    expect(await page.evaluate(() => window.__marker), 'the page was not reloaded').toBe(1);
    // Focus is back on the card the reader opened, not on the list's heading.
    await expect(list.cardLink(SEED.title)).toBeFocused();
    await expect(list.card(SEED.title)).toHaveCount(1);
  });

  test('back and forward restore the filtered list and the article', async ({ page, request }) => {
    const index = await loadIndex(request);
    const agriculture = topic(index, 'agriculture');
    const agri = slugsWithAnyTopic(index, ['agriculture']);
    expect(agri).toContain(SEED.slug);
    const list = new ListPage(page);
    const view = new ArticlePage(page);
    await list.goto();

    await list.topicChip(agriculture.ru).click();
    await list.expectTopicQuery(['agriculture']);
    await expect.poll(async () => sorted(await list.cardSlugs())).toEqual(sorted(agri));

    await page.evaluate(() => {
      window.__marker = 1;
    });
    await list.cardLink(SEED.title).click();
    await expect(page).toHaveURL(new RegExp(`/${SEED.slug}\\.html$`));
    await expect(view.heading).toHaveText(SEED.title);

    await page.goBack();
    await list.expectTopicQuery(['agriculture']);
    await expect(list.heading).toHaveText('Новости');
    expect(await page.evaluate(() => window.__marker), 'going back did not reload').toBe(1);
    await expect(list.cardLink(SEED.title)).toBeFocused();
    await expect(list.topicChip(agriculture.ru)).toHaveAttribute('aria-pressed', 'true');
    await expect(list.allTopics).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => sorted(await list.cardSlugs())).toEqual(sorted(agri));

    await page.goForward();
    await expect(page).toHaveURL(new RegExp(`/${SEED.slug}\\.html$`));
    await expect(view.heading).toHaveText(SEED.title);
    await expect(view.heading).toBeFocused();
    await expect(view.passages.first()).toBeVisible();
    expect(await page.evaluate(() => window.__marker), 'going forward did not reload').toBe(1);
  });
});

test.describe('the reader\'s place on the list', () => {
  // A phone's height, so that the last card is well below the first screen.
  test.use({ viewport: { width: 390, height: 700 } });

  for (const how of ['the back link', 'the browser\'s back']) {
    test(`after ${how}, the list is scrolled as it was and the opened card has focus`, async ({ page }) => {
      const list = new ListPage(page);
      const view = new ArticlePage(page);
      await list.goto();
      const cards = await list.cardData();
      expect(cards.length, 'enough cards to scroll').toBeGreaterThanOrEqual(4);
      const last = cards[cards.length - 1];

      await list.cardLink(last.title).scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 37));
      const scrolled = await page.evaluate(() => window.scrollY);
      expect(scrolled, 'the list was scrolled down').toBeGreaterThan(200);

      await list.cardLink(last.title).click();
      await expect(view.heading).toHaveText(last.title);
      await expect.poll(() => page.evaluate(() => window.scrollY), 'an article opens at its top').toBe(0);

      if (how === 'the back link') {
        await view.backLink.click();
      } else {
        await page.goBack();
      }
      await expect(list.cardLink(last.title)).toBeFocused();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
      await expect(list.cardLink(last.title)).toBeInViewport();

      // Forward (or opening another article) starts at the article's top again.
      await list.cardLink(last.title).click();
      await expect(view.heading).toBeFocused();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    });
  }

  test('a reload of the article keeps the place for the browser\'s back', async ({ page }) => {
    const list = new ListPage(page);
    const view = new ArticlePage(page);
    await list.goto();
    const cards = await list.cardData();
    const last = cards[cards.length - 1];
    await list.cardLink(last.title).scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(200);
    await list.cardLink(last.title).click();
    await expect(view.heading).toHaveText(last.title);

    // The list's entry keeps its place in the history, so it outlives the page.
    expect(await page.evaluate(() => history.length)).toBeGreaterThanOrEqual(2);
    await page.goBack();
    await expect(list.cardLink(last.title)).toBeFocused();
    await page.goForward();
    await expect(view.heading).toHaveText(last.title);
    await page.reload();
    await waitForApp(page);
    await page.goBack();
    await waitForApp(page);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
  });
});

test.describe('topic lens', () => {
  test('marks the passages of the chosen topic on the real article', async ({ page, request }) => {
    const index = await loadIndex(request);
    const agriculture = topic(index, 'agriculture');
    const industry = topic(index, 'industry');
    const view = new ArticlePage(page);
    await view.goto(SEED.slug);

    await expect(view.lensGroup).toBeVisible();
    await expect(view.passages.first()).toBeVisible();
    const passageCount = await view.passages.count();
    await expect(view.markedPassages).toHaveCount(0);

    // Agriculture.
    await view.lensChip(agriculture.ru).click();
    await expect(view.lensChip(agriculture.ru)).toHaveAttribute('aria-pressed', 'true');
    await view.expectLensQuery(SEED.slug, 'agriculture');
    await expect(view.marked('молока').first()).toBeVisible();
    await expect(view.marked('торфа').first()).toBeVisible();
    await expect(view.passages, 'unmarked passages stay on the page').toHaveCount(passageCount);
    await expect(view.unmarkedPassages.first()).toBeVisible();

    const agriStates = await view.passageStates();
    const agriMarked = agriStates.flatMap((s, i) => (s.marked ? [i] : []));
    expect(agriMarked.length).toBeGreaterThanOrEqual(1);
    await expect(view.lensChip(agriculture.ru)).toHaveAccessibleName(
      new RegExp(`^${escapeRegExp(agriculture.ru)}\\s+${agriMarked.length}(\\D|$)`),
    );

    await expect(view.lensCount).toBeVisible();
    const countText = normalize(await view.lensCount.textContent());
    const match = countText.match(/^(\d+) абзац(а|ев)? о сельском хозяйстве$/);
    expect(match, `lens count "${countText}"`).not.toBeNull();
    const n = Number(match[1]);
    expect(n).toBe(agriMarked.length);
    expect(countText).toBe(`${n} ${ruPlural(n, 'абзац', 'абзаца', 'абзацев')} ${agriculture.ru_about}`);

    // "Следующий абзац" walks through every marked passage and comes back round.
    // With smooth scrolling, a scroll still running could move the button
    // between the press and the release of the next click (the test clicks
    // faster than a reader); readers who ask for less motion scroll at once.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const visited = [];
    for (let i = 0; i <= agriMarked.length; i += 1) {
      await view.nextPassageButton.click();
      await expect(view.focusedMarkedPassage).toHaveCount(1);
      await expect(view.focusedMarkedPassage).toBeInViewport();
      visited.push(await view.focusedPassageIndex());
    }
    expect(sorted(visited.slice(0, agriMarked.length))).toEqual(sorted(agriMarked));
    expect(visited[agriMarked.length], 'the walk cycles back to the first').toBe(visited[0]);

    // Industry replaces agriculture and marks the lift guide rails.
    await view.lensChip(industry.ru).click();
    await expect(view.lensChip(industry.ru)).toHaveAttribute('aria-pressed', 'true');
    await expect(view.lensChip(agriculture.ru)).toHaveAttribute('aria-pressed', 'false');
    await view.expectLensQuery(SEED.slug, 'industry');
    await expect(view.marked('лифтовые направляющие').first()).toBeVisible();
    await expect(view.lensCount).toHaveText(new RegExp(`^\\d+ абзац(а|ев)? ${escapeRegExp(industry.ru_about)}$`));

    // A passage about lifts is marked under agriculture only if it is about industry too.
    const industryStates = await view.passageStates();
    agriStates.forEach((s, i) => {
      if (s.marked && s.text.includes('лифтовые')) {
        expect(industryStates[i].marked, `passage ${i + 1} "${s.text.slice(0, 60)}…"`).toBe(true);
      }
    });

    // Pressing the chosen lens again turns it off.
    await view.lensChip(industry.ru).click();
    await expect(view.lensChip(industry.ru)).toHaveAttribute('aria-pressed', 'false');
    await expect(view.markedPassages).toHaveCount(0);
    await view.expectLensQuery(SEED.slug, null);
  });

  test('a deep link ?lens=industry marks the industry passages on load', async ({ page, request }) => {
    const index = await loadIndex(request);
    const industry = topic(index, 'industry');
    const view = new ArticlePage(page);
    await view.goto(SEED.slug, '?lens=industry');

    await expect(view.heading).toHaveText(SEED.title);
    await expect(view.lensChip(industry.ru)).toHaveAttribute('aria-pressed', 'true');
    await expect(view.marked('лифтовые направляющие').first()).toBeVisible();
    await expect(view.lensCount).toBeVisible();
    await view.expectLensQuery(SEED.slug, 'industry');
  });
});

test.describe('article pages', () => {
  test('every article in the index opens from a direct link and survives a reload', async ({
    page,
    request,
  }) => {
    const index = await loadIndex(request);
    test.setTimeout(30_000 + index.articles.length * 10_000);
    const view = new ArticlePage(page);

    for (const entry of index.articles) {
      await test.step(entry.slug, async () => {
        await view.goto(entry.slug);
        for (const when of ['opened', 'reloaded']) {
          if (when === 'reloaded') {
            await page.reload();
            await waitForApp(page);
          }
          await expect(view.heading, `${entry.slug} ${when}`).toHaveText(normalize(entry.title));
          await expect(page.locator('h1')).toHaveCount(1);
          await expect(view.banner).toBeVisible();
          await expect(view.footer).toBeVisible();
          await expect(view.backLink).toHaveAttribute('href', /(^|\/)index\.html$/);
          await expect(view.article).toHaveAttribute('lang', 'ru');
          await expect(view.time).toHaveAttribute('datetime', entry.date);
          await expect(view.time).toHaveText(ruDate(entry.date));
          await expect(view.passages.first()).toBeVisible();
          if (entry.sample) {
            await expect(view.sampleBadge).toBeVisible();
            await expect(view.sampleBadge).toHaveText('Пример');
          } else {
            await expect(view.sampleBadge).toHaveCount(0);
          }
        }
      });
    }
  });

  test('the card and the article say how long the text takes to read', async ({ page }) => {
    const view = new ArticlePage(page);
    await view.goto(SEED.slug);
    // 180 words a minute, rounded up, counted here from the text shown.
    const words = await page.evaluate(() =>
      [...document.querySelectorAll('main article :is([data-testid=passage], .article__body :is(h2, h3, h4))')]
        .flatMap((el) => el.textContent.split(/\s+/))
        .filter((w) => /[\p{L}\p{N}]/u.test(w)).length,
    );
    const minutes = Math.max(1, Math.ceil(words / 180));
    expect(words).toBeGreaterThan(200);
    await expect(page.locator('main article').getByTestId('reading-time')).toHaveText(`${minutes}\u00a0мин чтения`);

    const list = new ListPage(page);
    await list.goto();
    const card = list.cards.filter({ hasText: SEED.title });
    await expect(card.getByTestId('reading-time')).toHaveText(`${minutes}\u00a0мин чтения`);
  });

  test('the real article shows its lead, passages and mentions', async ({ page, request }) => {
    const index = await loadIndex(request);
    const seed = article(index, SEED.slug);
    expect(seed.sample).toBe(false);
    expect(seed.topics).toEqual(expect.arrayContaining(['industry', 'agriculture', 'trade', 'humanitarian']));
    const view = new ArticlePage(page);
    await view.goto(SEED.slug);

    await expect(view.heading).toHaveText(SEED.title);
    await expect(view.time).toHaveText(SEED.dateText);
    await expect(view.lead).toBeVisible();
    await expect(view.passages.filter({ hasText: 'молока' }).first()).toBeVisible();
    await expect(view.passages.filter({ hasText: 'торфа' }).first()).toBeVisible();
    await expect(view.passages.filter({ hasText: 'лифтовые направляющие' }).first()).toBeVisible();
    await expect(view.mentionsHeading).toBeVisible();
    for (const id of ['agriculture', 'industry']) {
      await expect(view.lensChip(topic(index, id).ru)).toHaveAttribute('aria-pressed', 'false');
    }
  });
});
