// Lighthouse on the built site: the list and the seed article, five runs
// each on Lighthouse's mobile profile (simulated slow 4G, 4× CPU slowdown)
// and five on its desktop profile, against dist/ served by nginx with the
// shipped deploy/nginx.conf (precompressed copies, cache headers) under
// /portal/news/. Prints each run's performance score and layout shift, and
// the medians; exits non-zero if any run shifts the layout at all.
//
//   node scripts/lighthouse.mjs [runs]        (make lighthouse)
//
// Chromium is Debian's (CHROMIUM overrides it), started headless.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/lighthouse/package.json'), 'utf8')).version;
const runs = Number(process.argv[2] || 5);
const base = 'http://127.0.0.1:8282/portal/news/';

const index = JSON.parse(fs.readFileSync(path.join(root, 'dist/data/index.json'), 'utf8'));
// The seed article: the oldest, the one every site of this project starts with.
const seed = index.articles[index.articles.length - 1];
const pages = [
  ['list', 'index.html'],
  ['article', `${seed.slug}.html`],
];
const profiles = [
  ['mobile', undefined],
  ['desktop', desktopConfig],
];

async function startNginx() {
  const nginx = spawn('sh', [path.join(root, 'tests/e2e/nginx.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base + 'index.html')).ok) return nginx;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  nginx.kill();
  throw new Error('nginx did not start on 127.0.0.1:8282');
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  if (!fs.existsSync(path.join(root, 'dist/index.html'))) throw new Error('no dist/: run `make dist` first');
  const nginx = await startNginx();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const summary = [];
  let shifted = false;
  try {
    for (const [profile, config] of profiles) {
      for (const [name, file] of pages) {
        const results = [];
        for (let i = 0; i < runs; i++) {
          const { lhr } = await lighthouse(
            base + file,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
            config,
          );
          const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
          const run = {
            score: Math.round((lhr.categories.performance.score ?? 0) * 100),
            cls: audit('cumulative-layout-shift'),
            fcp: audit('first-contentful-paint'),
            lcp: audit('largest-contentful-paint'),
            tbt: audit('total-blocking-time'),
          };
          if (lhr.runtimeError) throw new Error(`${profile} ${name}: ${lhr.runtimeError.message}`);
          results.push(run);
          shifted ||= run.cls > 0;
          console.log(
            `lighthouse: ${profile.padEnd(7)} ${name.padEnd(7)} run ${i + 1}: performance ${run.score}, CLS ${run.cls.toFixed(3)}, ` +
              `FCP ${Math.round(run.fcp)} ms, LCP ${Math.round(run.lcp)} ms, TBT ${Math.round(run.tbt)} ms`,
          );
        }
        summary.push({
          profile,
          name,
          score: median(results.map((r) => r.score)),
          scores: results.map((r) => r.score),
          clsMax: Math.max(...results.map((r) => r.cls)),
          lcp: median(results.map((r) => r.lcp)),
        });
      }
    }
  } finally {
    await chrome.kill();
    nginx.kill();
  }
  console.log(`\nLighthouse ${version}, ${runs} runs each, medians:`);
  for (const s of summary) {
    console.log(
      `lighthouse: ${s.profile.padEnd(7)} ${s.name.padEnd(7)} performance ${s.score} (${s.scores.join(', ')}), ` +
        `CLS max ${s.clsMax.toFixed(3)}, LCP ${Math.round(s.lcp)} ms`,
    );
  }
  if (shifted) {
    console.error('lighthouse: a run measured a layout shift');
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`lighthouse: ${error.message}`);
  process.exit(1);
});
