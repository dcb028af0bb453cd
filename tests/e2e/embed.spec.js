// The viewer inside a portal's page: two <article-viewer> elements and an
// iframe on a hostile host page (global resets, patched prototypes), all
// under the strict CSP, compared with the same page without the hostility.
//
// The pages (tests/e2e/host/) sit at the site's root and the viewer's
// dist/ in news/ beside them, as a portal would host it.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import AxeBuilder from '@axe-core/playwright';
import { SEED, shownText, startServer, topic } from './helpers.js';

let server;
let index;

test.beforeAll(async () => {
  const dir = path.join('target', 'e2e-sites', 'portal');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync('tests/e2e/host', dir, { recursive: true });
  fs.cpSync('dist', path.join(dir, 'news'), { recursive: true });
  index = JSON.parse(fs.readFileSync('dist/data/index.json', 'utf8'));
  server = await startServer(dir, 8250, '/', 'clean.html');
});

test.afterAll(() => server?.stop());

/** Opens a host page, recording CSP violations and errors from the start. */
async function openHost(page, name) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} ${e.blockedURI || 'inline'}`);
    });
  });
  const response = await page.goto(server.base + `${name}.html`);
  expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const viewers = {
    first: page.locator('#first'),
    second: page.locator('#second'),
    frame: page.frameLocator('#frame'),
  };
  for (const v of [viewers.first, viewers.second, viewers.frame.locator('article-viewer')]) {
    await expect(v.getByTestId('article-card').first()).toBeVisible();
  }
  return { viewers, problems };
}

const cardTitles = (viewer) => viewer.getByTestId('article-card').getByRole('heading', { level: 2 }).allInnerTexts();
const slugsOf = (ids) => index.articles.filter((a) => a.topics.some((t) => ids.includes(t)));

test.describe('embedded in a portal page', () => {
  test('looks as it does on a clean page, whatever the host page styles', async ({ page }) => {
    const shots = {};
    for (const name of ['clean', 'hostile']) {
      await openHost(page, name);
      await page.evaluate(() => document.fonts.ready);
      shots[name] = PNG.sync.read(await page.locator('#first').screenshot());
    }
    const [a, b] = [shots.clean, shots.hostile];
    // The host's reset makes the element inline, which may round its box
    // differently by a pixel; what it draws must not change.
    expect(b.width).toBe(a.width);
    expect(Math.abs(b.height - a.height)).toBeLessThanOrEqual(2);
    const [w, h] = [a.width, Math.min(a.height, b.height)];
    const rows = (png) => png.data.subarray(0, w * h * 4);
    const diff = pixelmatch(rows(a), rows(b), null, w, h, { threshold: 0.1 });
    expect(diff / (w * h), `${diff} pixels differ`).toBeLessThan(0.005);
  });

  test('a portal page loads the element\'s module, and the site\'s pages only their own', async ({ page }) => {
    const wasm = [];
    page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname.split('/').pop()));
    await page.goto(server.base + 'one.html');
    await expect(page.locator('article-viewer').getByTestId('article-card').first()).toBeVisible();
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(/^article-viewer-element-[0-9a-f]{12,16}_bg\.wasm$/);

    wasm.length = 0;
    await page.goto(server.base + 'news/index.html');
    await page.waitForSelector('html[data-app=ready]', { state: 'attached' });
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(/^article-viewer-[0-9a-f]{12,16}_bg\.wasm$/);
  });

  test('the element\'s back link returns focus to the card the reader opened', async ({ page }) => {
    await page.goto(server.base + 'one.html');
    const viewer = page.locator('article-viewer');
    const cards = viewer.getByTestId('article-card');
    await expect(cards.first()).toBeVisible();
    const third = cards.nth(2).getByRole('heading', { level: 2 }).getByRole('link');
    const title = (await third.innerText()).trim();
    await third.click();
    await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(title);
    await viewer.getByRole('link', { name: 'Все новости' }).click();
    await expect(viewer.getByRole('link', { name: title, exact: true })).toBeFocused();
  });

  test('the host keeps its own styles, and the viewer adds none to the page', async ({ page }) => {
    const { problems } = await openHost(page, 'hostile');
    await expect(page.getByTestId('host-title')).toHaveCSS('color', 'rgb(0, 128, 0)');
    await expect(page.getByTestId('host-title')).toHaveCSS('font-size', '48px');
    await expect(page.getByTestId('host-box')).toBeHidden();
    // Nothing of ours in the page's own styles.
    expect(await page.evaluate(() => [...document.styleSheets].map((s) => s.href && new URL(s.href).pathname))).toEqual(['/hostile.css']);
    // The patched prototypes were in force, and the viewer worked through them.
    expect(await page.evaluate(() => window.hostPatchedCalls)).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test('two elements filter independently and tell the page what happens', async ({ page }) => {
    const { viewers, problems } = await openHost(page, 'hostile');
    const { first, second } = viewers;
    const industry = topic(index, 'industry');
    const agriculture = slugsOf(['agriculture']);

    // limit="3": three cards of all articles; topics="agriculture", filter="off": no chips.
    expect(await cardTitles(first)).toHaveLength(3);
    expect(await cardTitles(second)).toEqual(agriculture.slice(0, 10).map((a) => a.title));
    await expect(second.getByRole('group', { name: 'Темы' })).toHaveCount(0);

    await first.getByRole('group', { name: 'Темы' }).getByRole('button', { name: new RegExp(`^${industry.ru}`) }).click();
    await expect(first.getByTestId('result-count')).toHaveText(shownText(slugsOf(['industry']).length, index.articles.length, { pageSize: 3 }));
    expect(await cardTitles(second)).toEqual(agriculture.slice(0, 10).map((a) => a.title));
    // The page's URL is the portal's: the elements leave it alone by default.
    expect(new URL(page.url()).search).toBe('');

    await second.getByRole('link', { name: SEED.title }).click();
    await expect(second.getByRole('heading', { level: 1 })).toHaveText(SEED.title);
    await expect(first.getByRole('heading', { level: 1 })).toHaveText('Новости');
    // Sharing from the portal's page shares the article's own page on the viewer's site.
    const own = encodeURIComponent(`${server.base}news/${SEED.slug}.html`);
    const telegram = await second.getByRole('region', { name: 'Поделиться' }).getByRole('link', { name: 'Telegram' }).getAttribute('href');
    expect(telegram).toBe(`https://t.me/share/url?url=${own}&text=${encodeURIComponent(SEED.title)}`);
    // A link is a real link to the article's own page on the viewer's site.
    await second.getByRole('link', { name: /Все новости/ }).click();
    await expect(second.getByRole('link', { name: SEED.title })).toHaveAttribute('href', `${server.base}news/${SEED.slug}.html`);

    expect(await page.evaluate(() => window.hostEvents)).toEqual([
      { type: 'topics-change', from: 'first', detail: { topics: ['industry'] } },
      { type: 'article-open', from: 'second', detail: { slug: SEED.slug, title: SEED.title, url: `${server.base}news/${SEED.slug}.html` } },
    ]);
    expect(problems).toEqual([]);
  });

  test('follows its attributes, and unmounts when removed', async ({ page }) => {
    const { viewers, problems } = await openHost(page, 'hostile');
    const { second } = viewers;
    await page.locator('#second').evaluate((el) => {
      el.setAttribute('topics', 'transport');
      el.setAttribute('theme', 'dark');
      el.setAttribute('compact', '');
    });
    await expect.poll(() => cardTitles(second)).toEqual(slugsOf(['transport']).map((a) => a.title));
    await expect(second.locator('[data-theme]')).toHaveAttribute('data-theme', 'dark');
    // Compact: the cards keep their titles and drop their summaries.
    await expect(second.getByText(slugsOf(['transport'])[0].summary)).toBeHidden();
    await expect(page.locator('#first').getByText(index.articles[0].summary)).toBeVisible();

    const left = await page.locator('#second').evaluate((el) => {
      el.remove();
      return el.shadowRoot.querySelectorAll('[data-testid=article-card]').length;
    });
    expect(left).toBe(0);
    // Put back, it starts again.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('article-viewer'), { id: 'again' })));
    await expect(page.locator('#again').getByTestId('article-card').first()).toBeVisible();
    expect(problems).toEqual([]);
  });

  // The site's schemes and each low-vision pair (kept as a reader's earlier visit left it), at both widths.
  const schemes = [['light'], ['dark'], ...['wb', 'bw', 'blue', 'brown', 'green'].map((pair) => ['light', pair])];
  for (const [width, colorScheme, pair] of [1280, 390].flatMap((w) => schemes.map(([c, p]) => [w, c, p]))) {
    test(`inside the element at ${width} px, ${pair ? `low-vision ${pair}` : colorScheme}, list, filtered list and article with a lens have no accessibility violations`, async ({ page }) => {
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ reducedMotion: 'reduce', colorScheme });
      if (pair) await page.addInitScript((line) => localStorage.setItem('article-viewer-low-vision', line), `scheme=${pair}`);
      await openHost(page, 'clean');
      const first = page.locator('#first');
      const axe = async (what) => {
        const { violations } = await new AxeBuilder({ page }).include('#first').analyze();
        const enhanced = pair ? (await new AxeBuilder({ page }).include('#first').withRules(['color-contrast-enhanced']).analyze()).violations : [];
        expect([...violations, ...enhanced].map((v) => `${what}: ${v.id}: ${v.help}`)).toEqual([]);
      };
      if (pair) await expect(first.locator('.embed-root')).toHaveAttribute('data-lv-scheme', pair);
      await axe('the list');
      await first.getByRole('button', { name: topic(index, 'trade').ru }).click();
      await expect(first.getByRole('button', { name: topic(index, 'trade').ru })).toHaveAttribute('aria-pressed', 'true');
      await axe('a filtered list');
      await first.getByRole('link', { name: SEED.title }).click();
      await expect(first.getByRole('heading', { level: 1 })).toHaveText(SEED.title);
      await first.getByRole('group', { name: /Выделить абзацы/ }).getByRole('button', { name: new RegExp(topic(index, 'industry').ru) }).click();
      await expect(first.locator('[data-lens-match]').first()).toBeVisible();
      await axe('an article with a lens');
    });
  }

  test('the iframe takes its content\'s height, as filters change it', async ({ page }) => {
    const { viewers, problems } = await openHost(page, 'hostile');
    const frame = page.locator('#frame');
    const content = () => viewers.frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
    const height = () => frame.evaluate((f) => Math.round(f.getBoundingClientRect().height));

    expect(await cardTitles(viewers.frame.locator('article-viewer'))).toEqual(slugsOf(['transport']).map((a) => a.title));
    await expect.poll(height).toBe(await content());
    const before = await height();

    // All topics: more cards, a taller frame (limit=5).
    await viewers.frame.getByRole('button', { name: 'Все темы' }).click();
    await expect(viewers.frame.getByTestId('article-card')).toHaveCount(Math.min(5, index.articles.length));
    await expect.poll(height).toBeGreaterThan(before);
    await expect.poll(async () => (await height()) === (await content())).toBe(true);
    // The frame's events reach the page, from the iframe element.
    await expect.poll(() => page.evaluate(() => window.hostEvents.map((e) => `${e.type} ${e.from}`))).toEqual(['topics-change frame']);
    expect(problems).toEqual([]);
  });

  test('with url-state, the view lives in one parameter of the page\'s URL', async ({ page }) => {
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.base + 'routed.html?section=region');
    const viewer = page.locator('#routed');
    await viewer.getByRole('link', { name: SEED.title }).click();
    await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(SEED.title);
    // The portal's own parameters stay; the viewer's is added beside them.
    const url = new URL(page.url());
    expect(url.pathname).toBe('/routed.html');
    expect(url.searchParams.get('section')).toBe('region');
    expect(url.searchParams.get('news')).toBe(`${SEED.slug}.html`);

    // Back returns the element to the list, and forward to the article.
    await page.goBack();
    await expect(viewer.getByRole('link', { name: SEED.title })).toBeVisible();
    expect(new URL(page.url()).searchParams.get('news')).toBeNull();
    await page.goForward();
    await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(SEED.title);
    // A reload (or a shared link) opens the same article in the element,
    // and that is not told as the reader opening it.
    await page.reload();
    await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(SEED.title);
    expect(await page.evaluate(() => window.hostEvents)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('its text is at the reader\'s own size, whatever the host page\'s root font size', async ({ page }) => {
    await openHost(page, 'clean');
    const sizes = () =>
      page.locator('#first').evaluate((el) => {
        const size = (selector) => getComputedStyle(el.shadowRoot.querySelector(selector)).fontSize;
        return { title: size('[data-testid=article-card] h2'), text: size('.embed-page'), meta: size('.card__meta') };
      });
    const usual = await sizes();
    // 1.375 and 1.0625 of the reader's 16 px, as on the site's own pages.
    expect(usual.title).toBe('22px');
    expect(usual.text).toBe('17px');
    // A common reset, and a page that swells its root.
    for (const root of ['62.5%', '40px']) {
      await page.evaluate((size) => (document.documentElement.style.fontSize = size), root);
      expect(await sizes(), `with the host's root at ${root}`).toEqual(usual);
    }
  });

  test('the low-vision version works inside the element, leaves the host page alone and is kept for the site', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openHost(page, 'clean');
    const first = page.locator('#first');
    const title = (viewer) =>
      viewer.getByTestId('article-card').first().getByRole('heading', { level: 2 }).evaluate((el) => getComputedStyle(el).fontSize);
    await first.getByRole('button', { name: 'Версия для слабовидящих' }).click();
    const settings = first.getByRole('region', { name: 'Настройки для слабовидящих' });
    await settings.getByRole('radio', { name: /^200/ }).check();
    await settings.getByRole('radio', { name: 'Чёрный на белом' }).check();
    expect(await title(first)).toBe('44px');
    const colours = await first.evaluate((el) => {
      const style = getComputedStyle(el.shadowRoot.querySelector('.embed-root'));
      return [style.color, style.backgroundColor];
    });
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    expect(await page.evaluate(() => [...document.documentElement.attributes].map((a) => a.name))).not.toContain('data-lv-size');
    const { violations } = await new AxeBuilder({ page }).include('#first').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Every other scheme, inside the element too.
    for (const scheme of ['Белый на чёрном', 'Синий на голубом', 'Коричневый на бежевом', 'Зелёный на коричневом']) {
      await settings.getByRole('radio', { name: scheme }).check();
      const { violations: inScheme } = await new AxeBuilder({ page }).include('#first').withRules(['color-contrast', 'color-contrast-enhanced']).analyze();
      expect(inScheme.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }

    // The next visit: every viewer of the site starts with it.
    await openHost(page, 'clean');
    expect(await title(page.locator('#second'))).toBe('44px');
    expect(await title(page.frameLocator('#frame').locator('article-viewer'))).toBe('44px');
  });

  test('resize.js ignores size messages from anything but its iframe', async ({ page }) => {
    await openHost(page, 'hostile');
    const frame = page.locator('#frame');
    await expect.poll(() => frame.evaluate((f) => f.style.height)).not.toBe('');
    const before = await frame.evaluate((f) => f.style.height);
    // The host page itself (another window than the frame's) posts a forged size.
    await page.evaluate(() => window.postMessage({ source: 'article-viewer', type: 'resize', height: 5 }, '*'));
    await page.waitForTimeout(200);
    expect(await frame.evaluate((f) => f.style.height)).toBe(before);
  });
});
