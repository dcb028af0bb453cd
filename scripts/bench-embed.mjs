// Times the embedded viewer's start on a portal page: from navigation to the
// first article card inside <article-viewer>, with an empty cache each time
// (a reader's first visit), on this machine's loopback. Reports the median
// and the spread of RUNS loads (default 15).
//
//   node scripts/bench-embed.mjs [dist]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../tests/e2e/helpers.js';

const dist = process.argv[2] || 'dist';
const runs = Number(process.env.RUNS || 15);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embed-bench-'));
fs.copyFileSync('tests/e2e/host/one.html', path.join(dir, 'one.html'));
fs.cpSync(dist, path.join(dir, 'news'), { recursive: true });
const port = 8240;
const server = await startServer(dir, port, '/', 'one.html');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/one.html`);
    await page.locator('article-viewer [data-testid=article-card]').first().waitFor();
    // Navigation start to now, measured by the page's own clock.
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`bench: <article-viewer> first render: median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms over ${runs} cold loads (loopback, ${os.cpus().length} cores)`);
} finally {
  await browser.close();
  server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
