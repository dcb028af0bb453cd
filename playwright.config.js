// End-to-end tests for the built site in dist/.
//
// The suite serves dist/ under the same URL prefix as production
// (/portal/news/) with a tiny static server and drives Debian's Chromium
// (override with CHROMIUM=/path/to/chromium). No browser download is needed.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'target/e2e-results.json' }]],
  // The same suite against two real servers: a plain static one, and Debian's
  // nginx with the shipped deploy/nginx.conf. Both serve dist/ under a subpath.
  projects: [
    { name: 'static', use: { baseURL: 'http://127.0.0.1:8181/portal/news/' }, testIgnore: /nginx\.spec/ },
    // The offline and embedding tests run their own servers, so they need not run twice.
    { name: 'nginx', use: { baseURL: 'http://127.0.0.1:8282/portal/news/' }, testIgnore: /(offline|saved|share|embed|hostile|import|archive|low-vision|pictures|read-aloud|a11y-matrix)\.spec/ },
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'node tests/e2e/serve.mjs dist 8181 /portal/news/',
      url: 'http://127.0.0.1:8181/portal/news/index.html',
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'sh tests/e2e/nginx.sh',
      url: 'http://127.0.0.1:8282/portal/news/index.html',
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
