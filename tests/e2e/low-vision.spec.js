// The low-vision version («Версия для слабовидящих»): its settings apply at
// once, are kept across visits, are on the page before the app starts, and
// leave every view readable: no sideways scrolling at 320 px at any size,
// no axe violation, and 7:1 contrast in every colour scheme.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SEED, describeViolations, waitForApp } from './helpers.js';

const KEY = 'article-viewer-low-vision';
const SCHEMES = {
  wb: ['Чёрный на белом', 'rgb(0, 0, 0)', 'rgb(255, 255, 255)'],
  bw: ['Белый на чёрном', 'rgb(255, 255, 255)', 'rgb(0, 0, 0)'],
  blue: ['Синий на голубом', 'rgb(6, 52, 98)', 'rgb(157, 209, 255)'],
  brown: ['Коричневый на бежевом', 'rgb(77, 75, 67)', 'rgb(247, 243, 214)'],
  green: ['Зелёный на коричневом', 'rgb(169, 228, 77)', 'rgb(59, 39, 22)'],
};

/** Starts every page of the test with `line` kept, as a reader's earlier visit left it. */
async function keep(page, line) {
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, line]);
}

const rootAttributes = (page) =>
  page.evaluate(() =>
    Object.fromEntries([...document.documentElement.attributes].filter((a) => a.name.startsWith('data-lv-')).map((a) => [a.name, a.value])),
  );
const bodyColours = (page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return [style.color, style.backgroundColor];
  });

test.describe('the low-vision version', () => {
  test.use({ reducedMotion: 'reduce' });

  test('opens from the header, applies each choice at once and keeps it for the next visit', async ({ page }) => {
    await page.goto('index.html');
    await waitForApp(page);
    const toggle = page.getByRole('banner').getByRole('button', { name: 'Версия для слабовидящих' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const settings = page.getByRole('region', { name: 'Настройки для слабовидящих' });
    await expect(settings).toBeHidden();

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(settings).toBeVisible();
    const cardTitle = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('[data-testid=article-card] h2')).fontSize));
    const before = await cardTitle();

    await settings.getByRole('group', { name: 'Размер шрифта' }).getByRole('radio', { name: /^200/ }).check();
    await settings.getByRole('radio', { name: 'Белый на чёрном' }).check();
    await settings.getByRole('group', { name: 'Шрифт' }).getByRole('radio', { name: 'С засечками' }).check();
    expect(await rootAttributes(page)).toEqual({ 'data-lv-size': '200', 'data-lv-scheme': 'bw', 'data-lv-font': 'serif' });
    expect(await bodyColours(page)).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    expect((await cardTitle()) / before).toBeCloseTo(2, 1);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Georgia|Serif/i);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe('size=200;scheme=bw;font=serif');

    // The next visit: the app keeps them, and its choices say so.
    await page.reload();
    await waitForApp(page);
    expect(await rootAttributes(page)).toEqual({ 'data-lv-size': '200', 'data-lv-scheme': 'bw', 'data-lv-font': 'serif' });
    await toggle.click();
    await expect(settings.getByRole('radio', { name: 'Белый на чёрном' })).toBeChecked();
    await expect(settings.getByRole('radio', { name: /^200/ })).toBeChecked();
  });

  test('is on the page before the app starts: no flash of the usual look', async ({ page }) => {
    await keep(page, 'size=150;scheme=blue;spacing=wide;leading=wide;images=grey');
    // The app never starts: what the reader sees is the prerendered page alone.
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(`${SEED.slug}.html`);
    expect(await rootAttributes(page)).toEqual({
      'data-lv-size': '150',
      'data-lv-scheme': 'blue',
      'data-lv-spacing': 'wide',
      'data-lv-leading': 'wide',
      'data-lv-images': 'grey',
    });
    expect(await bodyColours(page)).toEqual([SCHEMES.blue[1], SCHEMES.blue[2]]);
    const text = await page.evaluate(() => {
      const p = document.querySelector('.article__body p');
      const style = getComputedStyle(p);
      return { size: parseFloat(getComputedStyle(document.documentElement).fontSize), spacing: style.letterSpacing, line: parseFloat(style.lineHeight) / parseFloat(style.fontSize) };
    });
    expect(text.size).toBe(24);
    expect(text.spacing).not.toBe('normal');
    expect(text.line).toBeCloseTo(2, 1);
    await expect(page.locator('html:not([data-app=ready])')).toHaveCount(1);
  });

  test('a setting from another version of the viewer is ignored, the rest kept', async ({ page }) => {
    await keep(page, 'size=900;scheme=green;contrast=max;<b>=1');
    await page.goto('index.html');
    await waitForApp(page);
    expect(await rootAttributes(page)).toEqual({ 'data-lv-scheme': 'green' });
  });

  test('the usual version undoes every setting and forgets them; Escape closes the bar', async ({ page }) => {
    await keep(page, 'size=200;scheme=wb;images=off');
    await page.goto('index.html');
    await waitForApp(page);
    const toggle = page.getByRole('button', { name: 'Версия для слабовидящих' });
    const settings = page.getByRole('region', { name: 'Настройки для слабовидящих' });

    await toggle.click();
    await settings.getByRole('radio', { name: 'Увеличенный' }).first().focus();
    await page.keyboard.press('Escape');
    await expect(settings).toBeHidden();
    await expect(toggle).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(settings).toBeVisible();
    await settings.getByRole('button', { name: 'Обычная версия' }).click();
    await expect(settings).toBeHidden();
    await expect(toggle).toBeFocused();
    expect(await rootAttributes(page)).toEqual({});
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
    // Dark or light, the site's own colours again.
    expect(await bodyColours(page)).not.toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  });

  test('pictures can be hidden', async ({ page }) => {
    await page.goto('index.html');
    await waitForApp(page);
    await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
    await page.getByRole('group', { name: 'Изображения' }).getByRole('radio', { name: 'Скрыть' }).check();
    // An image of the viewer's own, as an article's picture is: hidden.
    const shown = await page.evaluate(() => {
      const img = document.createElement('img');
      img.alt = '';
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main').append(img);
      return getComputedStyle(img).display;
    });
    expect(shown).toBe('none');
  });
});

test.describe('the low-vision version at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' });

  for (const size of ['100', '150', '200']) {
    for (const [name, path] of [['the list', 'index.html'], ['the real article with a lens', `${SEED.slug}.html?lens=industry`]]) {
      test(`${name} at ${size} % with the settings open does not scroll sideways`, async ({ page }) => {
        await keep(page, `size=${size};spacing=wide;leading=wide`);
        await page.goto(path);
        await waitForApp(page);
        await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
        await expect(page.getByRole('region', { name: 'Настройки для слабовидящих' })).toBeVisible();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      });
    }
  }
});

test.describe('the low-vision version on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });

  test('at large text the topics fold behind one control, which opens them', async ({ page }) => {
    await keep(page, 'size=200');
    await page.goto('index.html');
    await waitForApp(page);
    const topics = page.getByRole('group', { name: 'Темы' });
    await expect(topics).toBeHidden();
    const firstCard = () => page.getByTestId('article-card').first().evaluate((el) => el.getBoundingClientRect().top);
    const folded = await firstCard();
    // The news starts within the first screen and a quarter, not under a stack of chips.
    expect(folded).toBeLessThan(844 * 1.25);
    await page.getByText('Темы и фильтры').click();
    await expect(topics).toBeVisible();
    expect((await firstCard()) - folded).toBeGreaterThan(300);
    await topics.getByRole('button', { name: /^Промышленность/ }).click();
    await expect(page).toHaveURL(/topic=industry/);
    await expect(topics).toBeVisible();
  });

  test('at the usual size the topics are shown, with no control to fold them', async ({ page }) => {
    await page.goto('index.html');
    await waitForApp(page);
    await expect(page.getByRole('group', { name: 'Темы' })).toBeVisible();
    await expect(page.getByText('Темы и фильтры')).toBeHidden();
  });
});

test.describe('every colour scheme on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });

  for (const [scheme, [label]] of Object.entries(SCHEMES)) {
    test(`${label} at 150 %: the list with its filters open and the article have no violations`, async ({ page }) => {
      await keep(page, `scheme=${scheme};size=150`);
      await page.goto('index.html');
      await waitForApp(page);
      await page.getByText('Темы и фильтры').click();
      await expect(page.getByRole('group', { name: 'Темы' })).toBeVisible();
      let { violations } = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
      violations = [...violations, ...(await new AxeBuilder({ page }).analyze()).violations];
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.goto(`${SEED.slug}.html?lens=industry`);
      await waitForApp(page);
      ({ violations } = await new AxeBuilder({ page }).analyze());
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  }
});

test.describe('200 % zoom', () => {
  // A 1280 × 800 window at 200 % lays out 640 × 400 CSS pixels.
  test.use({ viewport: { width: 640, height: 400 }, reducedMotion: 'reduce' });

  test('the lens stops following the reader, so it never covers the text', async ({ page }) => {
    await page.goto(`${SEED.slug}.html?lens=industry`);
    await waitForApp(page);
    const tools = page.locator('.reading-tools');
    await expect(page.locator('[data-lens-match]').first()).toBeVisible();
    expect(await tools.evaluate((el) => getComputedStyle(el).position)).toBe('static');
    await page.mouse.wheel(0, 1500);
    await expect(tools).not.toBeInViewport();
  });
});

test.describe('every colour scheme', () => {
  test.use({ reducedMotion: 'reduce' });

  for (const [scheme, [label, text, background]] of Object.entries(SCHEMES)) {
    test(`${label}: the list with the settings open and an article with a lens have no violations, text at 7:1`, async ({ page }) => {
      await keep(page, `scheme=${scheme};size=200`);
      await page.goto('index.html');
      await waitForApp(page);
      expect(await bodyColours(page)).toEqual([text, background]);
      await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
      await expect(page.getByRole('radio', { name: label })).toBeChecked();
      // Every rule axe has, and AAA's contrast (7:1) beside AA's.
      const list = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
      const all = await new AxeBuilder({ page }).analyze();
      const violations = [...list.violations, ...all.violations];
      expect(violations, describeViolations(violations)).toEqual([]);

      await page.goto(`${SEED.slug}.html?lens=agriculture`);
      await waitForApp(page);
      await expect(page.locator('[data-lens-match]').first()).toBeVisible();
      const article = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
      const rest = await new AxeBuilder({ page }).analyze();
      const inArticle = [...article.violations, ...rest.violations];
      expect(inArticle, describeViolations(inArticle)).toEqual([]);
    });
  }
});

/** Presses `key` until `target` has focus; fails after `max` presses. */
async function pressUntilFocused(page, target, key = 'Tab', max = 60) {
  for (let n = 0; n <= max; n += 1) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} ${max} times did not reach ${target}`);
}

test.describe('the keyboard', () => {
  test.use({ reducedMotion: 'reduce' });

  test('alone, it filters, opens an article, steps through a lens and comes back to the card', async ({ page }) => {
    await page.goto('index.html');
    await waitForApp(page);
    const listTitle = await page.title();
    const chip = page.getByRole('group', { name: 'Темы' }).getByRole('button', { name: /^Промышленность/ });
    await pressUntilFocused(page, chip);
    await page.keyboard.press('Space');
    await expect(chip).toHaveAttribute('aria-pressed', 'true');

    const card = page.getByTestId('article-card').filter({ hasText: SEED.title }).getByRole('link');
    await pressUntilFocused(page, card);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(SEED.title);
    await expect(heading).toBeFocused();
    await expect(page).not.toHaveTitle(listTitle);
    expect(await page.title()).toContain(SEED.title);

    const lens = page.getByRole('group', { name: 'Выделить абзацы по теме' }).getByRole('button', { name: /^Промышленность/ });
    await pressUntilFocused(page, lens);
    await page.keyboard.press('Space');
    await expect(lens).toHaveAttribute('aria-pressed', 'true');
    const next = page.getByRole('button', { name: 'Следующий абзац' });
    await pressUntilFocused(page, next);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-testid=passage][data-lens-match]:focus')).toHaveCount(1);

    const back = page.getByRole('link', { name: 'Все новости' });
    await pressUntilFocused(page, back, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
    await expect(card).toBeFocused();
  });

  for (const [name, path] of [['the list', 'index.html'], ['the article with a lens', `${SEED.slug}.html?lens=industry`]]) {
    test(`every focus stop of ${name} shows a ring`, async ({ page }) => {
      await page.goto(path);
      await waitForApp(page);
      await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      const seen = new Set();
      for (let n = 0; n < 80; n += 1) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          // The ring is the element's outline, or its card's, or its label's (a radio's).
          const ringed = [el, el.closest('.card'), el.closest('label')].filter(Boolean).some((e) => {
            const style = getComputedStyle(e);
            return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          });
          const label = el.getAttribute('aria-label') || el.closest('label')?.textContent || el.textContent || el.value || '';
          const name = `${el.tagName.toLowerCase()} ${el.name || ''} ${label.trim().slice(0, 40)}`;
          return { name, ringed };
        });
        if (!stop || seen.has(stop.name)) break;
        seen.add(stop.name);
        expect(stop.ringed, `${stop.name} has no visible focus ring`).toBe(true);
      }
      expect(seen.size).toBeGreaterThan(10);
    });
  }

  test('the first Tab reaches a link past the header to the news', async ({ page }) => {
    await page.goto('index.html');
    await waitForApp(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Перейти к содержанию' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    // The next Tab goes on from the news, not from the header.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
    expect(inMain).toBe(true);
  });
});

test.describe('forced colours (a high-contrast theme)', () => {
  test.use({ forcedColors: 'active', reducedMotion: 'reduce' });

  test('every control keeps a visible edge, and what is chosen shows without colour', async ({ page }) => {
    await page.goto('index.html?topic=agriculture');
    await waitForApp(page);
    await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
    const controls = await page.evaluate(() =>
      [...document.querySelectorAll('.chip, .button, .lv-toggle, .lv__choice, .search__input, .month-filter__choice')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => {
          const style = getComputedStyle(el);
          return {
            name: (el.textContent || el.getAttribute('aria-label') || el.className).trim().slice(0, 40),
            edge: style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0 && style.borderTopColor !== style.backgroundColor,
          };
        }),
    );
    expect(controls.length).toBeGreaterThan(10);
    expect(controls.filter((c) => !c.edge).map((c) => c.name)).toEqual([]);
    // The chosen setting is ticked; the pressed topic is in the system's highlight.
    const tick = await page.locator('.lv__choice:has(:checked)').first().evaluate((el) => getComputedStyle(el, '::before').content);
    expect(tick).toContain('✓');
    const pressed = await page.locator('.chip[aria-pressed=true]').first().evaluate((el) => {
      const style = getComputedStyle(el);
      return style.backgroundColor !== getComputedStyle(document.body).backgroundColor;
    });
    expect(pressed).toBe(true);
  });
});
