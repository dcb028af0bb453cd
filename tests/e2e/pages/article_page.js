// Page object for an article page (<slug>.html).
import { expect } from '@playwright/test';
import { SITE_TITLE, escapeRegExp, normalize, waitForApp } from '../helpers.js';

export class ArticlePage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.banner = page.getByRole('banner');
    this.siteLink = this.banner.getByRole('link', { name: SITE_TITLE });
    this.main = page.getByRole('main');
    this.footer = page.getByRole('contentinfo');
    this.backLink = page.getByRole('link', { name: 'Все новости' });
    this.article = this.main.getByRole('article');
    this.heading = page.getByRole('heading', { level: 1 });
    this.time = this.article.locator('time').first();
    this.sampleBadge = page.getByTestId('sample-badge');
    this.lead = page.getByTestId('lead');
    this.passages = page.getByTestId('passage');
    this.markedPassages = page.locator('[data-testid="passage"][data-lens-match]');
    this.unmarkedPassages = page.locator('[data-testid="passage"]:not([data-lens-match])');
    this.focusedMarkedPassage = page.locator('[data-testid="passage"][data-lens-match]:focus');
    this.mentionsHeading = page.getByRole('heading', { name: 'Упоминаются' });
    this.lensGroup = page.getByRole('group', { name: 'Выделить абзацы по теме' });
    this.lensCount = page.getByTestId('lens-count');
    this.nextPassageButton = page.getByRole('button', { name: 'Следующий абзац' });
    this.alert = page.getByRole('alert');
    this.retryButton = this.alert.getByRole('button', { name: 'Повторить' });
  }

  /** Opens <slug>.html (with an optional query such as '?lens=industry') and waits for the app. */
  async goto(slug, query = '') {
    await this.page.goto(`${slug}.html${query}`);
    await waitForApp(this.page);
  }

  /** The lens toggle of a topic, found by its Russian label ("Сельское хозяйство 3"). */
  lensChip(label) {
    return this.lensGroup.getByRole('button', {
      name: new RegExp(`^${escapeRegExp(label)}\\s+\\d+`),
    });
  }

  /** Passages containing the text, marked by the lens. */
  marked(text) {
    return this.markedPassages.filter({ hasText: text });
  }

  /** Every passage in page order: its text and whether the lens marks it. */
  async passageStates() {
    const states = await this.passages.evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent ?? '', marked: el.hasAttribute('data-lens-match') })),
    );
    return states.map((s) => ({ ...s, text: normalize(s.text) }));
  }

  /** Index (among passages) of the focused element, or -1. */
  async focusedPassageIndex() {
    return this.passages.evaluateAll((els) => els.indexOf(document.activeElement));
  }

  async passageTexts() {
    return (await this.passages.allTextContents()).map(normalize);
  }

  /** Asserts the URL is <slug>.html with ?lens=<id>, or with no query. */
  async expectLensQuery(slug, id) {
    const file = `/${escapeRegExp(slug)}\\.html`;
    await expect(this.page).toHaveURL(new RegExp(id ? `${file}\\?lens=${escapeRegExp(id)}$` : `${file}$`));
  }
}
