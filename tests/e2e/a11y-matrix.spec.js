// axe on every view a reader meets, at a phone's width and a desktop's, in
// the light and dark schemes and every low-vision colour pair: the list, a
// filtered list, an article, an article with a lens, the saved articles and
// the low-vision settings. Every rule axe has (WCAG 2.0–2.2 A and AA and
// its best practices), and AAA's contrast in the low-vision pairs.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SEED, describeViolations, waitForApp } from './helpers.js';

const KEY = 'article-viewer-low-vision';
const SCHEMES = [
  ['light', null],
  ['dark', null],
  ['light', 'wb'],
  ['light', 'bw'],
  ['light', 'blue'],
  ['light', 'brown'],
  ['light', 'green'],
];
const WIDTHS = [
  [390, 844],
  [1280, 800],
];
const VIEWS = [
  ['the list', 'index.html', 'article-card'],
  ['a filtered list', 'index.html?topic=agriculture,trade', 'article-card'],
  ['an article', `${SEED.slug}.html`, 'passage'],
  ['an article with a lens', `${SEED.slug}.html?lens=industry`, 'passage'],
  ['the saved articles', 'saved.html', 'saved'],
];

for (const [width, height] of WIDTHS) {
  for (const [colorScheme, pair] of SCHEMES) {
    test.describe(`${width} px, ${pair ? `low-vision ${pair}` : colorScheme}`, () => {
      test.use({ viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });

      test('every view and the low-vision settings have no axe violations', async ({ page }) => {
        if (pair) await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, `scheme=${pair}`]);
        const rules = pair ? ['color-contrast-enhanced'] : [];
        const check = async (what) => {
          const { violations } = await new AxeBuilder({ page }).analyze();
          const extra = rules.length ? (await new AxeBuilder({ page }).withRules(rules).analyze()).violations : [];
          const all = [...violations, ...extra];
          expect(all, `${what}: ${describeViolations(all)}`).toEqual([]);
        };
        for (const [what, url, shown] of VIEWS) {
          await page.goto(url);
          await waitForApp(page);
          await expect(page.getByTestId(shown).first()).toBeVisible();
          await check(what);
        }
        await page.goto('index.html');
        await waitForApp(page);
        await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
        await expect(page.getByRole('region', { name: 'Настройки для слабовидящих' })).toBeVisible();
        await check('the low-vision settings');
      });
    });
  }
}

test('every landmark is named where there are more of its kind, and the search is named', async ({ page }) => {
  const landmarks = () =>
    page.evaluate(() => {
      const role = (el) => el.getAttribute('role') || { HEADER: 'banner', MAIN: 'main', FOOTER: 'contentinfo', NAV: 'navigation', ASIDE: 'complementary', SECTION: 'region', FORM: 'form' }[el.tagName];
      const name = (el) => el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id)?.textContent.trim() || '').join(' ').trim();
      const found = [...document.querySelectorAll('header, main, footer, nav, aside, section[aria-label], section[aria-labelledby], [role=search], [role=region]')];
      // A header or footer inside an article or a section is no landmark.
      const landmark = (el) => !(['HEADER', 'FOOTER'].includes(el.tagName) && el.parentElement.closest('article, aside, main, nav, section'));
      return found.filter((el) => landmark(el) && !el.closest('[hidden]') && el.getClientRects().length).map((el) => [role(el), name(el)]);
    });
  for (const url of ['index.html', `${SEED.slug}.html?lens=industry`]) {
    await page.goto(url);
    await waitForApp(page);
    const found = await landmarks();
    const roles = found.map(([r]) => r);
    for (const one of ['banner', 'main', 'contentinfo']) expect(roles.filter((r) => r === one), `${url}: one ${one}`).toHaveLength(1);
    for (const [r] of found.filter(([r]) => roles.filter((x) => x === r).length > 1)) {
      const names = found.filter(([x]) => x === r).map(([, n]) => n);
      expect(names.every(Boolean) && new Set(names).size === names.length, `${url}: each ${r} named apart: ${JSON.stringify(names)}`).toBe(true);
    }
    for (const [r, n] of found.filter(([r]) => r === 'search' || r === 'region')) expect(n, `${url}: ${r} named`).not.toBe('');
  }
  expect(await landmarks()).toContainEqual(['navigation', 'Навигация']);
  await page.goto('index.html');
  await waitForApp(page);
  expect(await landmarks()).toContainEqual(['search', 'Поиск по новостям']);
});
