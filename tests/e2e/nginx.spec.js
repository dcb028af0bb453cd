// What deploy/nginx.conf promises, checked on Debian's nginx serving dist/
// under /portal/news/: types, caching and precompressed files.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { TRUNK_OUTPUTS, namePattern } from '../../scripts/site.mjs';

const hashed = () => {
  const files = fs.readdirSync('dist');
  const find = (name) => files.find((f) => namePattern(name).test(f));
  return {
    wasm: find(TRUNK_OUTPUTS.wasm),
    js: find(TRUNK_OUTPUTS.glue),
    css: find(TRUNK_OUTPUTS.css),
    icon: find('icon-192.<hash>.png'),
  };
};

test.describe('nginx', () => {
  test('serves every kind of file with its type', async ({ request }) => {
    const f = hashed();
    const types = {
      'index.html': 'text/html',
      'kirov-delegation-belarus.html': 'text/html',
      [f.js]: 'javascript',
      [f.wasm]: 'application/wasm',
      [f.css]: 'text/css',
      [f.icon]: 'image/png',
      'manifest.webmanifest': 'application/manifest+json',
      'data/index.json': 'application/json',
      'sw.js': 'javascript',
    };
    for (const [file, type] of Object.entries(types)) {
      const r = await request.get(file);
      expect(r.status(), file).toBe(200);
      expect(r.headers()['content-type'], file).toContain(type);
      expect(r.headers()['x-content-type-options'], file).toBe('nosniff');
    }
  });

  test('keeps hashed files for a year and makes the rest revalidate', async ({ request }) => {
    const f = hashed();
    const index = await (await request.get('data/index.json')).json();
    const body = `data/${index.articles[0].body}`;
    for (const file of [f.js, f.wasm, f.css, f.icon, body]) {
      const cc = (await request.get(file)).headers()['cache-control'];
      expect(cc, file).toBe('public, max-age=31536000, immutable');
    }
    for (const file of ['index.html', 'kirov-delegation-belarus.html', 'sw.js', 'data/index.json', 'manifest.webmanifest']) {
      expect((await request.get(file)).headers()['cache-control'], file).toBe('no-cache');
    }
  });

  test('sends the precompressed copies', async ({ request }) => {
    const f = hashed();
    for (const [encoding, file] of [['br', f.wasm], ['gzip', 'index.html'], ['br', 'data/index.json']]) {
      const r = await request.get(file, { headers: { 'Accept-Encoding': encoding } });
      expect(r.headers()['content-encoding'], `${file} as ${encoding}`).toBe(encoding);
      expect(r.headers()['vary'], file).toContain('Accept-Encoding');
    }
  });

  test('compresses the files there is one of per article as it sends them', async ({ request }) => {
    // They have no copies (a 10,000-article build would make 60,000): the
    // server's own brotli and gzip take their place.
    const index = await (await request.get('data/index.json')).json();
    const doc = fs.readdirSync('dist/data/search').find((f) => /^doc-.*\.json$/.test(f));
    for (const file of ['kirov-delegation-belarus.html', `data/${index.articles[0].body}`, `data/search/${doc}`]) {
      expect(fs.existsSync(`dist/${file}.br`) || fs.existsSync(`dist/${file}.gz`), `${file} has a copy`).toBe(false);
      for (const encoding of ['br', 'gzip']) {
        const r = await request.get(file, { headers: { 'Accept-Encoding': encoding } });
        expect(r.headers()['content-encoding'], `${file} as ${encoding}`).toBe(encoding);
        expect(r.headers()['vary'], file).toContain('Accept-Encoding');
        expect((await r.body()).equals(fs.readFileSync(`dist/${file}`)), `${file} as ${encoding}`).toBe(true);
      }
    }
  });

  test('every precompressed copy is its own file, compressed', async () => {
    // The build keeps copies by content hash between builds: a mix-up would
    // send a reader another file's bytes.
    const copies = [];
    const walk = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) walk(file);
        else if (/\.(br|gz)$/.test(e.name)) copies.push(file);
      }
    };
    walk('dist');
    expect(copies.length).toBeGreaterThan(20);
    for (const copy of copies) {
      const packed = fs.readFileSync(copy);
      const unpacked = copy.endsWith('.br') ? zlib.brotliDecompressSync(packed) : zlib.gunzipSync(packed);
      expect(unpacked.equals(fs.readFileSync(copy.slice(0, -3))), copy).toBe(true);
    }
  });

  test('answers a missing page with 404 and nothing outside the folder', async ({ request }) => {
    const missing = await request.get('no-such-article.html');
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toContain('<h1 tabindex="-1">Страница не найдена</h1>');
    expect((await request.get('deeper/no-such-page')).status()).toBe(404);
    expect((await request.get('/etc/passwd')).status()).toBe(404);
  });
});
