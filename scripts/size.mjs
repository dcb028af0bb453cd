// Bytes a browser downloads for the first view of the list, brotli-compressed
// as a server would send them: the page, everything it links to, the start-up
// module's imports, the data index the viewer fetches and the service worker
// it registers. (The worker then fetches the rest of the offline app shell in
// the background: the build (scripts/site.mjs) reports that.)
//
//   node scripts/size.mjs [dist] [--budget BYTES]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget');
const budget = budgetAt >= 0 ? Number(args[budgetAt + 1]) : null;
if (budget !== null && !(budget > 0)) {
  console.error(`size: --budget needs a number of bytes, not ${JSON.stringify(args[budgetAt + 1])}`);
  process.exit(2);
}
const dist = args.find((a, i) => !a.startsWith('--') && (budgetAt < 0 || i !== budgetAt + 1)) || 'dist';

const brotli = (buf) =>
  zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

// Local files a page or module refers to with ./relative URLs.
function references(text) {
  const found = new Set();
  for (const m of text.matchAll(/(?:href|src)="\.\/([^"?#]+)"|(?:from|import)\s*["']\.\/([^"']+)["']|new URL\(\s*["']\.\/([^"']+)["']/g)) {
    found.add(m[1] || m[2] || m[3]);
  }
  return [...found];
}

/** The files a start file loads, following ./relative references. */
function closure(start) {
  const files = [start];
  for (let i = 0; i < files.length; i++) {
    const name = files[i];
    if (!/\.(html|js)$/.test(name)) continue;
    const dir = path.posix.dirname(name);
    for (const ref of references(fs.readFileSync(path.join(dist, name), 'utf8'))) {
      const file = path.posix.join(dir, ref);
      if (!files.includes(file) && fs.existsSync(path.join(dist, file))) files.push(file);
    }
  }
  return files;
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
function report(title, files) {
  let total = 0;
  for (const name of files) {
    const raw = fs.readFileSync(path.join(dist, name));
    const br = brotli(raw);
    total += br;
    console.log(`${kb(br)} brotli  ${kb(raw.length)} raw  ${name}`);
  }
  console.log(`size: ${title}: ${total} bytes brotli (${(total / 1024).toFixed(1)} KB)`);
  return total;
}

// The viewer fetches its data, and registers the service worker at once.
const page = closure('index.html');
page.push('data/index.json');
if (fs.existsSync(path.join(dist, 'sw.js'))) page.push('sw.js');
const total = report('first view of the list', page);

// What a portal's page downloads for its first <article-viewer> (docs/embed.md).
if (fs.existsSync(path.join(dist, 'embed.js'))) {
  console.log('');
  report('one <article-viewer> on a portal page', [...closure('embed.js'), 'data/index.json']);
}

if (budget !== null) {
  if (total > budget) {
    console.error(`size: over the budget of ${budget} bytes by ${total - budget}`);
    process.exit(1);
  }
  console.log(`size: the first view is within the budget of ${budget} bytes`);
}
