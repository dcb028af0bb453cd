// Times the list's topic filters on built sites, side by side: how long
// after navigation the filters answer (the app has taken over the page),
// and how long a topic toggle takes to update the list (its last change to
// the page), and to the next frame.
// Each site is loaded cold RUNS times (default 5) and toggled TOGGLES times
// (default 20) on each load, in Chromium on Lighthouse's mobile profile: the CPU slowed
// 4×, 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up. Each site is
// served by nginx with deploy/nginx.conf, so with its brotli copies.
//
//   node scripts/bench-filter.mjs dist [other-dist …]
import { chromium } from 'playwright-core';
import { startNginx } from '../tests/e2e/helpers.js';
import os from 'node:os';

const dists = process.argv.slice(2);
if (!dists.length) dists.push('dist');
const runs = Number(process.env.RUNS || 5);
const toggles = Number(process.env.TOGGLES || 20);
const slowdown = Number(process.env.CPU_SLOWDOWN || 4);
const network = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const results = [];
try {
  for (const [n, dist] of dists.entries()) {
    const server = await startNginx(dist, 8230 + n);
    const ready = [];
    const toggle = [];
    const painted = [];
    // A load's first toggle fetches the topic's positions: timed apart.
    const first = [];
    let articles = 0;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
      await page.goto(`${server.base}index.html`);
      await page.waitForSelector('html[data-app=ready]', { state: 'attached', timeout: 120_000 });
      ready.push(await page.evaluate(() => performance.now()));
      articles = await page.evaluate(async () => {
        const index = await (await fetch('data/index.json')).json();
        return index.list ? index.list.total : index.articles.length;
      });
      const chip = page.getByRole('group').first().getByRole('button').nth(1);
      for (let t = 0; t < toggles; t++) {
        // By the page's clock: from the click to the last change it
        // made to the page (the count and the cards, all drawn), and to
        // the frame that shows them.
        const ms = await chip.evaluate(
          (button) =>
            new Promise((resolve) => {
              const main = document.querySelector('main');
              const count = document.querySelector('[data-testid=result-count]');
              const before = count.textContent;
              let last = 0;
              const observer = new MutationObserver(() => {
                last = performance.now();
              });
              observer.observe(main, { childList: true, characterData: true, subtree: true, attributes: true });
              const start = performance.now();
              button.click();
              const settled = () => {
                if (count.textContent === before) return requestAnimationFrame(settled);
                observer.disconnect();
                resolve({ work: last - start, painted: performance.now() - start });
              };
              requestAnimationFrame(() => setTimeout(settled));
            }),
        );
        if (t === 0) {
          first.push(ms.work);
          continue;
        }
        toggle.push(ms.work);
        painted.push(ms.painted);
      }
      await context.close();
    }
    server.stop();
    results.push({ dist, articles, ready, toggle, painted });
    console.log(
      `bench: ${dist} (${articles} articles, Lighthouse's mobile profile): filters answer ${median(ready).toFixed(0)} ms after navigation (median of ${runs}); ` +
        `a toggle updates the list in ${median(toggle).toFixed(1)} ms median, ${p95(toggle).toFixed(1)} ms p95, ` +
        `painted after ${median(painted).toFixed(1)} ms median (${toggles - 1} toggles after the first on each of ${runs} loads; ` +
        `the first, which fetches the topic's positions where the list is in parts, ${median(first).toFixed(1)} ms median)`,
    );
  }
  if (results.length > 1) {
    const [base, ...rest] = results;
    for (const r of rest) {
      console.log(
        `bench: ${r.dist} against ${base.dist}: filters answer ${(median(r.ready) / median(base.ready)).toFixed(2)}× later, ` +
          `toggles ${(median(r.toggle) / median(base.toggle)).toFixed(2)}× slower (${os.cpus().length} cores)`,
      );
    }
  }
} finally {
  await browser.close();
}
