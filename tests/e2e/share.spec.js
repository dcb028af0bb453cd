// Sharing an article with no third-party script: links to the article's own
// page for Telegram, VK and Odnoklassniki that ask nothing of those hosts
// until a click, "copy link", and the system's share sheet where there is one.
import { test, expect } from '@playwright/test';
import { SEED, waitForApp } from './helpers.js';

const NETWORKS = /(^|\.)(t\.me|vk\.com|ok\.ru)$/;

async function openSeed(page) {
  await page.goto(`${SEED.slug}.html`);
  await waitForApp(page);
  await expect(page.getByTestId('passage').first()).toBeVisible();
  return new URL(`${SEED.slug}.html`, page.url()).href;
}

test('an article links to share its own page in Telegram, VK and OK, and asks nothing of them until a click', async ({ page, context }) => {
  const hosts = [];
  context.on('request', (r) => hosts.push(new URL(r.url()).hostname));
  const url = await openSeed(page);
  const share = page.getByRole('region', { name: 'Поделиться' });
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(SEED.title);
  await expect(share.getByRole('link', { name: 'Telegram' })).toHaveAttribute('href', `https://t.me/share/url?url=${u}&text=${t}`);
  await expect(share.getByRole('link', { name: 'ВКонтакте' })).toHaveAttribute('href', `https://vk.com/share.php?url=${u}&title=${t}`);
  await expect(share.getByRole('link', { name: 'Одноклассники' })).toHaveAttribute('href', `https://connect.ok.ru/offer?url=${u}&title=${t}`);
  for (const link of await share.getByRole('link').all()) {
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
  expect(hosts.filter((h) => NETWORKS.test(h))).toEqual([]);

  // A click opens the network's page in a new tab (answered here: the tests have no internet).
  await context.route('https://t.me/**', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'Telegram' }));
  const [tab] = await Promise.all([page.waitForEvent('popup'), share.getByRole('link', { name: 'Telegram' }).click()]);
  expect(tab.url()).toBe(`https://t.me/share/url?url=${u}&text=${t}`);
  expect(hosts.filter((h) => NETWORKS.test(h))).toEqual(['t.me']);
});

test('"copy link" puts the article\'s page on the clipboard and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const url = await openSeed(page);
  const share = page.getByRole('region', { name: 'Поделиться' });
  await share.getByRole('button', { name: 'Скопировать ссылку' }).click();
  await expect(share.getByRole('status')).toHaveText('Ссылка скопирована');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
});

test('where the system has a share sheet, one button opens it with the article', async ({ page }) => {
  // Chromium on Linux has no share sheet: this page is given one that records what it is asked.
  await page.addInitScript(() => {
    navigator.share = async (data) => {
      window.sharedData = data;
    };
  });
  const url = await openSeed(page);
  const share = page.getByRole('region', { name: 'Поделиться' });
  await expect(share.getByRole('link')).toHaveCount(0);
  await share.getByRole('button', { name: 'Поделиться' }).click();
  expect(await page.evaluate(() => window.sharedData)).toEqual({ title: SEED.title, url });
});
