// Accessibility: automated axe checks, narrow screens and keyboard use.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ListPage } from './pages/list_page.js';
import { ArticlePage } from './pages/article_page.js';
import { SEED, describeViolations, loadIndex, topic } from './helpers.js';

// Colour transitions would let axe measure a colour halfway through a fade:
// check the settled colours.
test.describe('axe', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the list has no violations', async ({ page }) => {
    const list = new ListPage(page);
    await list.goto();
    await expect(list.cards.first()).toBeVisible();

    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  test('the list by a month and a place, its names open, has no violations', async ({ page }) => {
    await page.goto(`index.html?place=${encodeURIComponent('Киров')}&month=2025-12`);
    await expect(page.getByTestId('name-filter')).toHaveAttribute('open', '');
    await expect(page.getByTestId('article-card').first()).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Месяц' })).toHaveValue('2025-12');

    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  test('the real article with a lens chosen has no violations', async ({ page, request }) => {
    const index = await loadIndex(request);
    const view = new ArticlePage(page);
    await view.goto(SEED.slug);
    await view.lensChip(topic(index, 'agriculture').ru).click();
    await expect(view.markedPassages.first()).toBeVisible();
    await expect(view.lensCount).toBeVisible();

    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

test.describe('narrow screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the list does not scroll sideways at 320 px', async ({ page }) => {
    const list = new ListPage(page);
    await list.goto();
    await expect(list.cards.first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test('the real article does not scroll sideways at 320 px', async ({ page }) => {
    const view = new ArticlePage(page);
    await view.goto(SEED.slug);
    await expect(view.passages.first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

test.describe('200% zoom', () => {
  // A 1280 px window at 200% zoom lays out 640 CSS pixels.
  test.use({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });

  for (const [name, path] of [['the list', 'index.html'], ['the real article', `${SEED.slug}.html?lens=industry`]]) {
    test(`${name} does not scroll sideways`, async ({ page }) => {
      await page.goto(path);
      await page.waitForSelector('html[data-app=ready]');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    });
  }
});

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark', reducedMotion: 'reduce' });

  test('the list and the real article with a lens have no axe violations', async ({ page, request }) => {
    const index = await loadIndex(request);
    const list = new ListPage(page);
    await list.goto();
    await expect(list.cards.first()).toBeVisible();
    let { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations, describeViolations(violations)).toEqual([]);

    const view = new ArticlePage(page);
    await view.goto(SEED.slug);
    await view.lensChip(topic(index, 'industry').ru).click();
    await expect(view.markedPassages.first()).toBeVisible();
    ({ violations } = await new AxeBuilder({ page }).analyze());
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

test.describe('keyboard', () => {
  test('Tab reaches the first topic chip and Space toggles it', async ({ page, request }) => {
    const index = await loadIndex(request);
    const first = index.topics[0];
    const list = new ListPage(page);
    await list.goto();
    const chip = list.topicChip(first.ru);
    await expect(chip).toHaveAttribute('aria-pressed', 'false');

    const isFocused = () => chip.evaluate((el) => el === document.activeElement);
    let presses = 0;
    while (!(await isFocused())) {
      presses += 1;
      expect(presses, `Tab reaches "${first.ru}" within 40 presses`).toBeLessThanOrEqual(40);
      await page.keyboard.press('Tab');
    }

    await page.keyboard.press('Space');
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
    await expect(chip).toBeFocused();
    await list.expectTopicQuery([first.id]);

    await page.keyboard.press('Space');
    await expect(chip).toHaveAttribute('aria-pressed', 'false');
    await expect(list.allTopics).toHaveAttribute('aria-pressed', 'true');
  });
});
