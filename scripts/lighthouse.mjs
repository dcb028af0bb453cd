// Lighthouse on the built site: the list and the seed article, on
// Lighthouse's mobile profile (simulated slow 4G, 4× CPU slowdown) and its
// desktop profile, against dist/ served by nginx with the shipped
// deploy/nginx.conf (precompressed copies, cache headers) under
// /portal/news/.
//
//   node scripts/lighthouse.mjs [runs]   (make lighthouse) five runs of
//       performance each: prints each run's score and layout shift, and the
//       medians; exits non-zero if any run shifts the layout at all.
//   node scripts/lighthouse.mjs audit    (make audit) one run of all four
//       categories each: prints the scores; exits non-zero unless
//       accessibility, best practices and SEO are all 100 (performance is
//       reported, not a bar), naming each audit that failed.
//
// Chromium is Debian's (CHROMIUM overrides it), started headless.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { startNginx } from '../tests/e2e/helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/lighthouse/package.json'), 'utf8')).version;
const audit = process.argv[2] === 'audit';
const runs = audit ? 1 : Number(process.argv[2] || 5);
const categories = audit ? ['performance', 'accessibility', 'best-practices', 'seo'] : ['performance'];
// Bars of the audit: every category but performance at 100.
const BARS = ['accessibility', 'best-practices', 'seo'];

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

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  if (!fs.existsSync(path.join(root, 'dist/index.html'))) throw new Error('no dist/: run `make dist` first');
  process.chdir(root);
  const nginx = await startNginx('dist', 8283);
  const base = nginx.base;
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
  const failed = [];
  let shifted = false;
  try {
    for (const [profile, config] of profiles) {
      for (const [name, file] of pages) {
        const results = [];
        for (let i = 0; i < runs; i++) {
          const { lhr } = await lighthouse(
            base + file,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories },
            config,
          );
          const metric = (id) => lhr.audits[id]?.numericValue ?? NaN;
          const run = {
            score: Math.round((lhr.categories.performance.score ?? 0) * 100),
            cls: metric('cumulative-layout-shift'),
            fcp: metric('first-contentful-paint'),
            lcp: metric('largest-contentful-paint'),
            tbt: metric('total-blocking-time'),
          };
          if (lhr.runtimeError) throw new Error(`${profile} ${name}: ${lhr.runtimeError.message}`);
          if (audit) {
            const scores = categories.map((c) => `${lhr.categories[c].title} ${Math.round((lhr.categories[c].score ?? 0) * 100)}`);
            console.log(`audit: ${profile.padEnd(7)} ${name.padEnd(7)} ${scores.join(', ')}`);
            for (const category of BARS) {
              for (const ref of lhr.categories[category].auditRefs) {
                const result = lhr.audits[ref.id];
                if (ref.weight > 0 && result.score !== null && result.score < 1) {
                  failed.push(`${profile} ${name}: ${category}: ${ref.id}: ${result.title}`);
                }
              }
            }
          }
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
    nginx.stop();
  }
  if (audit) {
    console.log(`audit: Lighthouse ${version}; the bar is 100 for ${BARS.join(', ')}`);
    for (const line of failed) console.error(`audit: failed: ${line}`);
    if (failed.length || shifted) process.exit(1);
    return;
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
