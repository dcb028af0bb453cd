// Page object for the article list (index.html).
import { expect } from '@playwright/test';
import { SITE_TITLE, escapeRegExp, normalize, shownText, slugFromHref, waitForApp } from '../helpers.js';

export class ListPage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.banner = page.getByRole('banner');
    this.siteLink = this.banner.getByRole('link', { name: SITE_TITLE });
    this.main = page.getByRole('main');
    this.footer = page.getByRole('contentinfo');
    this.heading = page.getByRole('heading', { level: 1 });
    this.topicGroup = page.getByRole('group', { name: 'Темы' });
    this.allTopics = this.topicGroup.getByRole('button', { name: 'Все темы' });
    this.resultCount = page.getByTestId('result-count');
    this.articleList = page.getByTestId('article-list');
    // Cards a reader can see (filtered-out cards may be removed or hidden).
    this.cards = page.getByTestId('article-card').filter({ visible: true });
    this.emptyState = page.getByTestId('empty-state');
    this.showAllButton = this.emptyState.getByRole('button', { name: 'Показать все статьи' });
    this.alert = page.getByRole('alert');
    this.retryButton = this.alert.getByRole('button', { name: 'Повторить' });
  }

  /** Opens index.html (with an optional query such as '?topic=trade') and waits for the app. */
  async goto(query = '') {
    await this.page.goto(`index.html${query}`);
    await waitForApp(this.page);
  }

  /** Opens index.html without waiting for the app (for error and no-JS cases). */
  async open(query = '') {
    await this.page.goto(`index.html${query}`);
  }

  /** The toggle button of a topic, found by its Russian label ("Сельское хозяйство 3"). */
  topicChip(label) {
    return this.topicGroup.getByRole('button', {
      name: new RegExp(`^${escapeRegExp(label)}\\s+\\d+`),
    });
  }

  /** The card whose heading is exactly the title. */
  card(title) {
    return this.cards.filter({
      has: this.page.getByRole('heading', { level: 2, name: title, exact: true }),
    });
  }

  /** The title link of a card. */
  cardLink(title) {
    return this.card(title).getByRole('link', { name: title, exact: true });
  }

  /** What each visible card shows, in page order. */
  async cardData() {
    const data = await this.cards.evaluateAll((cards) =>
      cards.map((card) => {
        const heading = card.querySelector('h2');
        const link = heading?.querySelector('a[href]') ?? heading?.closest('a[href]') ?? null;
        const time = card.querySelector('time');
        return {
          title: heading?.textContent ?? '',
          href: link?.getAttribute('href') ?? null,
          datetime: time?.getAttribute('datetime') ?? null,
          dateText: time?.textContent ?? '',
          sample: card.querySelector('[data-testid="sample-badge"]') !== null,
        };
      }),
    );
    return data.map((c) => ({
      ...c,
      title: normalize(c.title),
      dateText: normalize(c.dateText),
      slug: slugFromHref(c.href),
    }));
  }

  /** Slugs of the visible cards, in page order. */
  async cardSlugs() {
    return (await this.cardData()).map((c) => c.slug);
  }

  /** Asserts the URL carries exactly these topic ids (already in topic order), or no query. */
  async expectTopicQuery(ids) {
    if (ids.length === 0) {
      await expect(this.page).toHaveURL(/\/index\.html$/);
    } else {
      const list = ids.map(escapeRegExp).join('(?:,|%2C)');
      await expect(this.page).toHaveURL(new RegExp(`/index\\.html\\?topic=${list}$`));
    }
  }

  /** Asserts the result counter reads «Показаны N статьи из T» (in the form N takes). */
  async expectResultCount(shown, total) {
    await expect(this.resultCount).toHaveText(shownText(shown, total));
  }
}
