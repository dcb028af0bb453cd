// The app taking over the prerendered page on a slow network: the wasm
// arrives seconds after the page, while the reader is already reading. The
// takeover must not move what they see, send them back to the top, replace
// text they were reading with a loading line, or drop their focus.
import { test, expect } from '@playwright/test';
import { SEED, waitForApp } from './helpers.js';

const DELAY_MS = 2500;

/** Holds the wasm back, as a slow network would. */
async function slowWasm(page) {
  await page.route(/_bg\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
    await route.continue();
  });
}

/** Records every layout shift and every loading line the page shows. */
async function watch(page) {
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    window.__loadingShown = false;
    new MutationObserver(() => {
      if (document.querySelector('[aria-busy=true]:not([hidden] *)')?.offsetParent) window.__loadingShown = true;
    }).observe(document, { subtree: true, childList: true });
  });
}

const focusedName = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el && el !== document.body ? `${el.tagName} ${el.textContent.replace(/\s+/g, ' ').trim()}` : 'body';
  });

test.describe('the app takes over in place', () => {
  test.use({ reducedMotion: 'reduce' });

  test('an article: the reader keeps their paragraph, their focus and the text', async ({ page }) => {
    await slowWasm(page);
    await watch(page);
    await page.goto(`${SEED.slug}.html`);
    // Reading the sixth passage of the prerendered copy, a lens chip focused.
    const passage = page.locator('#prerendered [data-testid=passage]').nth(5);
    await passage.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 40));
    const lens = page.locator('#prerendered').getByRole('group', { name: 'Выделить абзацы по теме' });
    await lens.getByRole('button').first().focus();
    const before = { y: await page.evaluate(() => window.scrollY), focus: await focusedName(page) };
    const top = await passage.evaluate((el) => el.getBoundingClientRect().top);
    expect(before.y).toBeGreaterThan(300);
    expect(before.focus).toMatch(/^BUTTON /);

    await waitForApp(page);
    await expect(page.locator('#prerendered')).toHaveCount(0);
    const after = page.locator('#app [data-testid=passage]').nth(5);
    expect(await page.evaluate(() => window.scrollY)).toBeCloseTo(before.y, 0);
    expect(await after.evaluate((el) => el.getBoundingClientRect().top)).toBeCloseTo(top, 0);
    expect(await focusedName(page)).toBe(before.focus);
    expect(await page.evaluate(() => window.__loadingShown), 'no loading line over text already shown').toBe(false);
    expect(await page.evaluate(() => window.__shifts)).toBe(0);

    // The focused chip is the live one: Space chooses its topic.
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/\?lens=/);
  });

  test('the list: the reader keeps their place and the card they were on', async ({ page }) => {
    await slowWasm(page);
    await watch(page);
    await page.setViewportSize({ width: 390, height: 700 });
    await page.goto('index.html');
    const link = page.locator('#prerendered').getByTestId('article-card').nth(3).getByRole('link');
    await link.scrollIntoViewIfNeeded();
    await link.focus();
    const before = { y: await page.evaluate(() => window.scrollY), focus: await focusedName(page) };
    expect(before.y).toBeGreaterThan(300);

    await waitForApp(page);
    await expect(page.locator('#prerendered')).toHaveCount(0);
    expect(await page.evaluate(() => window.scrollY)).toBeCloseTo(before.y, 0);
    expect(await focusedName(page)).toBe(before.focus);
    expect(await page.evaluate(() => window.__shifts)).toBe(0);
  });
});
