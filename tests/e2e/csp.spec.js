// The whole site under the strict Content-Security-Policy a portal may send
// (no 'unsafe-inline', no hashes): both servers send it, and a reader's walk
// through every kind of view must not trip it once.
import { test, expect } from '@playwright/test';
import { SEED, collectPageErrors, loadIndex, topic, waitForApp } from './helpers.js';
import { ArticlePage } from './pages/article_page.js';

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
];

/** Records every CSP violation the page reports, from its first script on. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return () => page.evaluate(() => window.__cspViolations);
}

test.describe('strict CSP', () => {
  test('every page is served with the strict policy', async ({ request }) => {
    for (const file of ['index.html', `${SEED.slug}.html`]) {
      const policy = (await request.get(file)).headers()['content-security-policy'] || '';
      for (const directive of DIRECTIVES) expect(policy, file).toContain(directive);
      expect(policy, file).not.toContain('unsafe-inline');
    }
  });

  test('list, filters, an article, its lens and back: no violation, no error', async ({ page, request }) => {
    const index = await loadIndex(request);
    const agriculture = topic(index, 'agriculture');
    const violations = await recordViolations(page);
    const errors = collectPageErrors(page);

    await page.goto('index.html');
    await waitForApp(page);
    await page.getByRole('group', { name: 'Темы' }).getByRole('button', { name: new RegExp(`^${agriculture.ru}`) }).click();
    await expect(page).toHaveURL(/\?topic=agriculture$/);
    await page.getByRole('link', { name: SEED.title }).click();

    const view = new ArticlePage(page);
    await expect(view.heading).toHaveText(SEED.title);
    await view.lensChip(agriculture.ru).click();
    await expect(view.markedPassages.first()).toBeVisible();
    await view.nextPassageButton.click();
    await page.goBack();
    await page.goBack();
    await expect(page.getByRole('link', { name: SEED.title })).toBeVisible();

    // A deep link straight into an article, as a shared link opens it.
    await view.goto(SEED.slug, '?lens=industry');
    await expect(view.markedPassages.first()).toBeVisible();

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the policy is really enforced: an injected inline script is refused', async ({ page }) => {
    const violations = await recordViolations(page);
    await page.goto('index.html');
    await waitForApp(page);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return window.__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src/));
  });
});
