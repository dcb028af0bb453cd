// The site around Trunk's build. Trunk runs this after every build (the
// post_build hook in Trunk.toml) on its staging folder, which then becomes
// dist/:
//  0. for release, the stylesheet minified (its integrity in the page with it);
//  1. start-<hash>.js, the start-up module: a file, not Trunk's inline
//     script, so the pages need no 'unsafe-inline' in their CSP; and
//     low-vision-<hash>.js, which puts the reader's low-vision settings on
//     a page before it is drawn;
//  2. the app's icons, rendered from assets/icon.svg, and the web app manifest;
//  3. shell.html: Trunk's page with the start-up tags, the template of every page;
//  4. `articles build`: the data bundle and every page, prerendered;
//  5. the embeddable element and its iframe page (docs/embed.md);
//  6. for development only, the demo portal page (examples/);
//  7. for release, the scripts minified (wasm-bindgen's glue is a third of
//     the first view's JavaScript in comments and whitespace);
//  8. sw.js, the service worker, precaching this build's code (not its
//     content); after the steps whose files it precaches;
//  9. for release, .br and .gz copies of the text and wasm files, only the
//     changed ones compressed anew (target/site-cache/).
//
//   TRUNK_STAGING_DIR=DIR [TRUNK_PROFILE=release] node scripts/site.mjs
//
// The tests import the hash rule and the worker step from here.
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The hash rule: a file named by its content carries 12 to 16 lower-case hex
// digits where a name says <hash>. Ours are the first 16 of a SHA-256;
// Trunk's are a 64-bit hash in hex without leading zeros, so sometimes fewer.
// pwa/sw.js gets the rule filled in (FILLS); deploy/nginx.conf and
// docs/deploy.md repeat it for servers.
export const HASH = '[0-9a-f]{12,16}';

/** The hash that names a file this script writes, of `parts` one after another. */
export function contentHash(...parts) {
  const digest = crypto.createHash('sha256');
  for (const part of parts) digest.update(part);
  return digest.digest('hex').slice(0, 16);
}

/** The files a name like `icon-192.<hash>.png` stands for. */
export function namePattern(name) {
  const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${name.split('<hash>').map(literal).join(HASH)}$`);
}

/** Any file named by its content: name-<hash>.js, name-<hash>_bg.wasm, name.<hash>.png, … */
const HASHED = new RegExp(`[-.]${HASH}(_bg)?\\.[a-z]+$`);

// What this script takes from Trunk's output (index.html's data-trunk links):
// the wasm-bindgen glue and module of the site's app (article-viewer), the
// same of the element's (article-viewer-element, for portals' pages), and
// style/main.css. The element's is Trunk's "worker" type, its way to build a
// wasm the page does not start; Trunk leaves it unhashed, and this script
// names it by its content (ELEMENT_NAMES).
export const TRUNK_OUTPUTS = {
  glue: 'article-viewer-<hash>.js',
  wasm: 'article-viewer-<hash>_bg.wasm',
  elementGlue: 'article-viewer-element.js',
  elementWasm: 'article-viewer-element_bg.wasm',
  searchGlue: 'article-viewer-search.js',
  searchWasm: 'article-viewer-search_bg.wasm',
  css: 'main-<hash>.css',
};

// The element's and the search worker's files as they ship, each pair
// named by the hash of both.
const ELEMENT_NAMES = {
  elementGlue: 'article-viewer-element-<hash>.js',
  elementWasm: 'article-viewer-element-<hash>_bg.wasm',
};
const SEARCH_NAMES = {
  searchGlue: 'article-viewer-search-<hash>.js',
  searchWasm: 'article-viewer-search-<hash>_bg.wasm',
};

// Trunk leaves its rust link in the page when it injects no script: the
// whole line goes.
const RUST_LINK_LINE = /^.*<link data-trunk rel="rust".*\n/m;

// Every text the build fills in, and where. Templates are the project's
// files, except <staging>/index.html, Trunk's page. Each placeholder must be
// in its template exactly once; `value` gets the build's names.
const FILLS = [
  // template              written as    placeholder          value
  ['<staging>/index.html', 'shell.html', '<!--page-start-->', startTags],
  ['<staging>/index.html', 'shell.html', RUST_LINK_LINE,      () => ''],
  ['embed/embed.js',       'embed.js',   "'__GLUE__'",        (site) => `'./${site.elementGlue}'`],
  ['embed/embed.js',       'embed.js',   "'__CSS__'",         (site) => `'./${site.css}'`],
  ['embed/embed.js',       'embed.js',   "'__WASM__'",        (site) => `'./${site.elementWasm}'`],
  ['search/worker.js',     'search.js',  "'__SEARCH_GLUE__'", (site) => `'./${site.searchGlue}'`],
  ['search/worker.js',     'search.js',  "'__SEARCH_WASM__'", (site) => `'./${site.searchWasm}'`],
  ['pwa/sw.js',            'sw.js',      "'__BUILD__'",       (site) => JSON.stringify(site.build)],
  ['pwa/sw.js',            'sw.js',      '__PRECACHE__',      (site) => JSON.stringify(site.precache)],
  ['pwa/sw.js',            'sw.js',      '__LAZY__',          (site) => JSON.stringify(site.lazy)],
  ['pwa/sw.js',            'sw.js',      '__HASHED__',        () => String(HASHED)],
];

/** The page loads the start-up module and fetches the glue and the wasm at once. */
function startTags(site) {
  return (
    `<link rel="manifest" href="./manifest.webmanifest">` +
    `<link rel="modulepreload" href="./${site.glue}">` +
    `<link rel="preload" href="./${site.wasm}" as="fetch" type="application/wasm" crossorigin>` +
    `<script type="module" src="./${site.start}"></script>` +
    // A classic script, so it runs before the page is drawn.
    `<script src="./${site.lowVision}"></script>`
  );
}

/** A failure this script explains itself: printed without a stack. */
class SiteError extends Error {}

/** Trunk's files in `dir` by TRUNK_OUTPUTS: { glue, wasm, css }. */
function findTrunkOutputs(dir) {
  if (!fs.existsSync(dir)) throw new SiteError(`the staging folder ${dir} does not exist`);
  const files = fs.readdirSync(dir).sort();
  const found = {};
  const problems = [];
  for (const [key, name] of Object.entries(TRUNK_OUTPUTS)) {
    const matches = files.filter((f) => namePattern(name).test(f));
    if (matches.length === 1) {
      found[key] = matches[0];
    } else if (matches.length > 1) {
      problems.push(`more than one ${name}: ${matches.join(', ')}`);
    } else {
      const [before, after] = name.split('<hash>');
      const near = files.filter((f) => f.startsWith(before) && f.endsWith(after));
      problems.push(`no ${name}${near.length ? ` (there is ${near.join(', ')})` : ''}`);
    }
  }
  if (problems.length) {
    throw new SiteError(
      `Trunk's output in ${dir} is not what scripts/site.mjs expects (<hash> is ${HASH}):\n  ${problems.join('\n  ')}`,
    );
  }
  return found;
}

function templatePath(dir, template) {
  return template.startsWith('<staging>/') ? path.join(dir, template.slice('<staging>/'.length)) : path.join(root, template);
}

function occurrences(text, placeholder) {
  if (typeof placeholder === 'string') return text.split(placeholder).length - 1;
  return (text.match(new RegExp(placeholder.source, `${placeholder.flags}g`)) || []).length;
}

/** What is wrong with the templates of `outputs` against FILLS. */
function fillProblems(dir, outputs) {
  const problems = [];
  for (const template of new Set(FILLS.filter(([, to]) => outputs.includes(to)).map(([from]) => from))) {
    const file = templatePath(dir, template);
    // Trunk's page by where it is, the project's templates by their name.
    const shown = template.startsWith('<staging>/') ? file : template;
    if (!fs.existsSync(file)) {
      problems.push(`${shown}: not found`);
      continue;
    }
    let text = fs.readFileSync(file, 'utf8');
    for (const [, , placeholder] of FILLS.filter(([from]) => from === template)) {
      const n = occurrences(text, placeholder);
      if (n !== 1) problems.push(`${shown}: ${placeholder} found ${n} times, not once`);
      text = text.replace(placeholder, '');
    }
    for (const [left] of text.matchAll(/__[A-Z]+__/g)) problems.push(`${shown}: ${left} is filled by no row of FILLS`);
  }
  return problems;
}

/** Writes `output` from its template with this build's values (`site`). */
function fill(dir, output, site) {
  const problems = fillProblems(dir, [output]);
  if (problems.length) throw new SiteError(`cannot write ${output}:\n  ${problems.join('\n  ')}`);
  const rows = FILLS.filter(([, to]) => to === output);
  let text = fs.readFileSync(templatePath(dir, rows[0][0]), 'utf8');
  for (const [, , placeholder, value] of rows) text = text.replace(placeholder, () => value(site));
  fs.writeFileSync(path.join(dir, output), text);
}

/** start-<hash>.js: starts the app, with no inline script. Returns its name. */
function writeStartModule(dir, site) {
  const text = `import init from './${site.glue}';\nawait init({ module_or_path: new URL('./${site.wasm}', import.meta.url) });`;
  const name = 'start-<hash>.js'.replace('<hash>', contentHash(text));
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

/** low-vision-<hash>.js from style/low-vision.js. Returns its name. */
function writeLowVisionScript(dir) {
  const text = fs.readFileSync(path.join(root, 'style/low-vision.js'));
  const name = 'low-vision-<hash>.js'.replace('<hash>', contentHash(text));
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

/** PNG icons from assets/icon.svg (192, 512, maskable 512) and the manifest listing them. */
async function writeIcons(dir) {
  // Loaded here so that the tests, which import this module, need no renderer.
  const { Resvg } = await import('@resvg/resvg-js');
  const svg = fs.readFileSync(path.join(root, 'assets/icon.svg'), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'assets/manifest.webmanifest'), 'utf8'));
  // The maskable icon: the same drawing inside the safe zone (80 %) of a
  // full-bleed square in the icon's own background colour.
  const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const background = (svg.match(/<rect[^>]*fill="([^"]+)"/) || [])[1] || manifest.theme_color;
  const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${background}"/><g transform="translate(9.6 9.6) scale(0.7)">${inner}</g></svg>`;
  const render = (source, size) => new Resvg(source, { fitTo: { mode: 'width', value: size } }).render().asPng();
  manifest.icons = [
    ['icon-192.<hash>.png', svg, 192, 'any'],
    ['icon-512.<hash>.png', svg, 512, 'any'],
    ['icon-maskable-512.<hash>.png', maskable, 512, 'maskable'],
  ].map(([name, source, size, purpose]) => {
    const png = render(source, size);
    const file = name.replace('<hash>', contentHash(png));
    fs.writeFileSync(path.join(dir, file), png);
    return { src: file, sizes: `${size}x${size}`, type: 'image/png', purpose };
  });
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), JSON.stringify(manifest, null, 2) + '\n');
  return `${manifest.icons.length} icons and manifest.webmanifest`;
}

/** The data bundle and every page, from content/, with shell.html as the template. */
function buildPages(dir, release) {
  const args = ['run', '--locked', '--quiet', ...(release ? ['--release'] : []), '-p', 'articles', '--'];
  // SITE_CONTENT builds another content folder (a synthetic corpus, say).
  const content = process.env.SITE_CONTENT || 'content';
  args.push('build', '--content', content, '--out', dir, '--shell', path.join(dir, 'shell.html'));
  // Trunk's folder starts empty: the pictures' widths are kept between builds here.
  args.push('--picture-cache', path.join(root, 'target', 'site-cache', 'pictures'));
  const run = spawnSync('cargo', args, { cwd: root, stdio: 'inherit' });
  if (run.error) throw new SiteError(`cannot run cargo: ${run.error.message}`);
  if (run.status !== 0) throw new SiteError(`\`cargo ${args.join(' ')}\` failed`);
}

/**
 * The files under `dir`, as paths relative to it ('a/b.js'), going into the
 * folders `into` accepts (by relative path).
 */
function filesIn(dir, into) {
  const files = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const file = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (into(file)) walk(file);
      } else if (entry.isFile()) {
        files.push(file);
      }
    }
  };
  walk('');
  return files;
}

/** The top folder and wasm-bindgen's snippets: where the build's scripts are. */
const SCRIPT_FOLDERS = (folder) => folder === 'snippets' || folder.startsWith('snippets/');

/** A module's glue and wasm renamed by their content (`names`); `site` gets the new names. */
function nameModule(dir, site, names) {
  const hash = contentHash(...Object.keys(names).map((key) => fs.readFileSync(path.join(dir, site[key]))));
  for (const [key, name] of Object.entries(names)) {
    const named = name.replace('<hash>', hash);
    fs.renameSync(path.join(dir, site[key]), path.join(dir, named));
    site[key] = named;
  }
}

/** <article-viewer> (embed.js) and the iframe page for portals (docs/embed.md). */
function writeEmbed(dir, site) {
  nameModule(dir, site, ELEMENT_NAMES);
  fill(dir, 'embed.js', site);
  for (const file of ['embed.html', 'frame.js', 'resize.js']) {
    fs.copyFileSync(path.join(root, 'embed', file), path.join(dir, file));
  }
  return `embed.js (${site.elementGlue}, ${site.css}), embed.html, frame.js, resize.js`;
}

/** search.js, the search worker, and its module named by content. */
function writeSearch(dir, site) {
  nameModule(dir, site, SEARCH_NAMES);
  fill(dir, 'search.js', site);
  return `search.js (${site.searchGlue})`;
}

// The code every start needs: the shell page, scripts, wasm, styles, icons
// and the manifest. Content is not in it (the worker fetches the list's
// index itself, and keeps what the reader reads or saves in caches no
// deploy deletes), so a build that changes only content leaves sw.js as it
// was and asks nothing of the reader. The element's module is for portals'
// pages, the search module for readers who search: each is kept when first
// loaded, and precached by the next build for a reader who had it (LAZY).
const LAZY_MODULE = new RegExp(`^article-viewer-(element|search)-${HASH}(_bg\\.wasm|\\.js)$`);

function precacheList(dir) {
  const files = filesIn(dir, SCRIPT_FOLDERS).filter(
    (file) => /\.(js|wasm|css|svg|png|webmanifest)$/.test(file) && file !== 'sw.js' && !LAZY_MODULE.test(file),
  );
  files.push('shell.html');
  if (fs.existsSync(path.join(dir, 'embed.html'))) files.push('embed.html');
  return files.sort();
}

function lazyList(dir) {
  return filesIn(dir, SCRIPT_FOLDERS).filter((file) => LAZY_MODULE.test(file)).sort();
}

/**
 * Minifies the stylesheet in place, and puts its new digest in the page's
 * `integrity` (Trunk's, of the file as it was). Its name stays: it is still
 * named by the content it came from. Returns a one-line report.
 */
async function minifyStyles(dir, site) {
  const { transform } = await import('esbuild');
  const file = path.join(dir, site.css);
  const source = fs.readFileSync(file, 'utf8');
  const { code } = await transform(source, { loader: 'css', minify: true, charset: 'utf8', logLevel: 'error', sourcefile: site.css });
  fs.writeFileSync(file, code);
  const page = path.join(dir, 'index.html');
  const html = fs.readFileSync(page, 'utf8');
  const link = new RegExp(`(<link[^>]*href="\\./${site.css.replace(/[.]/g, '\\.')}"[^>]*integrity=")sha384-[^"]+(")`);
  if (!link.test(html)) throw new SiteError(`index.html: no <link> with an integrity for ${site.css}`);
  const digest = crypto.createHash('sha384').update(code).digest('base64');
  fs.writeFileSync(page, html.replace(link, `$1sha384-${digest}$2`));
  return `${site.css} minified, ${source.length} → ${code.length} bytes`;
}

/**
 * Minifies the scripts of the build in place: the glue, its snippets, the
 * start-up module and the element's loader (not the worker, which is
 * written after). Names stay: each is still named by the content it came
 * from. Returns a one-line report.
 */
async function minifyScripts(dir) {
  const { transform } = await import('esbuild');
  const scripts = filesIn(dir, SCRIPT_FOLDERS).filter((file) => /\.m?js$/.test(file));
  let before = 0;
  let after = 0;
  for (const file of scripts) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    // Classic scripts (frame.js, resize.js) keep their own scope; modules keep theirs.
    const module = /^\s*(import|export)\b/m.test(source);
    const { code } = await transform(source, {
      minify: true,
      format: module ? 'esm' : undefined,
      target: 'es2022',
      // Russian words as they are, not as \\u escapes six bytes a letter.
      charset: 'utf8',
      logLevel: 'error',
      sourcefile: file,
    });
    fs.writeFileSync(path.join(dir, file), code);
    before += source.length;
    after += code.length;
  }
  return `${scripts.length} scripts minified, ${before} → ${after} bytes`;
}


/**
 * sw.js from pwa/sw.js: this build's code to precache, and a build id
 * hashed from the worker and every file of code, so that it changes with
 * the code and only with it. Returns a one-line report.
 */
export function writeWorker(dir) {
  const precache = precacheList(dir);
  const lazy = lazyList(dir);
  const template = fs.readFileSync(path.join(root, 'pwa/sw.js'), 'utf8');
  const code = [...precache, ...lazy];
  const build = contentHash(template, ...code.flatMap((file) => [file, fs.readFileSync(path.join(dir, file))]));
  fill(dir, 'sw.js', { build, precache, lazy });
  // Minified like the other scripts (a first visit downloads it): its
  // comments are for pwa/sw.js's readers.
  const { transformSync } = createRequire(import.meta.url)('esbuild');
  const worker = path.join(dir, 'sw.js');
  const minified = transformSync(fs.readFileSync(worker, 'utf8'), { minify: true, target: 'es2022', charset: 'utf8', logLevel: 'error', sourcefile: 'sw.js' });
  fs.writeFileSync(worker, minified.code);
  const raw = precache.reduce((sum, file) => sum + fs.statSync(path.join(dir, file)).size, 0);
  return `sw.js for build ${build}: precaches ${precache.length} files, ${raw} bytes`;
}

/**
 * What the worker downloads on a first visit (its code and the list's
 * index), brotli, read from the compressed copies (a file too small to have
 * one counts as it is).
 */
function precacheDownload(dir) {
  const files = [...precacheList(dir), 'data/index.json'];
  const size = (file) => fs.statSync(path.join(dir, file)).size;
  const br = files.reduce((sum, file) => sum + (fs.existsSync(path.join(dir, `${file}.br`)) ? size(`${file}.br`) : size(file)), 0);
  return `the worker's first-visit download: ${files.length} files, ${br} bytes brotli`;
}

// Precompressed copies (file.br and file.gz beside file) for servers that send
// them as they are (nginx's brotli_static and gzip_static, Caddy's
// precompressed, Apache with rewrite rules): paid once at build time.
//  - The app's own files, which every first view downloads, and the search
//    shards, which every first search does, get brotli's best (quality 11).
//    The list's parts and pages, a few hundred files of an archive, get
//    quality 5: 14 times faster and 15 % larger.
//  - The files there is one of per article (its page, its body, its search
//    result) get no copies: the server compresses them as it sends them
//    (deploy/nginx.conf: `brotli` and `gzip`; CDNs and static hosts do it
//    anyway). Making, and at the next deploy deleting, three files per
//    article file was most of a 10,000-article build; sent compressed on
//    the fly at level 5 they cost a reader about what a copy did.
//  - Each copy is kept in target/site-cache/ by the hash of what it
//    compresses, so a rebuild compresses only the files that changed;
//    copies unused for a week are removed. The site's copy is a hard link
//    to the cache's where the file system allows.
//  - Files are compressed on all cores at once.
const WORTH = /\.(html|js|wasm|css|json|svg|xml|webmanifest)$/;
// The list's later pages, for crawlers: page-2.html, page-3.html, …
const LIST_PAGE = String.raw`page-[1-9]\d*\.html`;
const SITE_PAGES = new RegExp(String.raw`^((index|shell|embed|saved|404)\.html|${LIST_PAGE})$`);
/** A file there is one of per article: the server compresses it as it sends it. */
function perArticle(file) {
  return /^data\/articles\/.*\.json$|^data\/search\/doc-.*\.json$/.test(file) || (/^[^/]+\.html$/.test(file) && !SITE_PAGES.test(file));
}
const ARCHIVE = new RegExp(String.raw`^(data/list/.*\.json|topic/[^/]+\.html|${LIST_PAGE})$`);
const CACHE = path.join(root, 'target', 'site-cache', 'copies');
// Copies kept before they were written whole (a stopped build could leave one cut): not trusted.
const OLD_CACHE = path.join(root, 'target', 'site-cache', 'compress');

export function brotliQuality(file) {
  return ARCHIVE.test(file) ? 5 : 11;
}

/** Writes `bytes` to `file` whole or not at all: a build stopped halfway leaves no cut copy in a cache. */
export function writeWhole(file, bytes) {
  const part = `${file}.${process.pid}.part`;
  fs.writeFileSync(part, bytes);
  fs.renameSync(part, file);
}

/** `to` becomes the cache's copy `from`: a hard link, or a copy where links cannot be made (another disk). */
function shareCopy(from, to) {
  // Never written through: a link left by an earlier build is replaced, so the cache's copy stays as it was.
  fs.rmSync(to, { force: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/**
 * Removes what no build has used for a week from the cache folder `dir`.
 * Another build may be removing or renaming there at once: a file gone
 * meanwhile is passed by.
 */
export function forgetUnused(dir) {
  const week = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.mtimeMs < week) fs.rmSync(file, { force: true });
  }
}

async function compress(dir) {
  const brotliCompress = (bytes, quality) =>
    promisify(zlib.brotliCompress)(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } });
  const gzip = (bytes) => promisify(zlib.gzip)(bytes, { level: 9 });
  fs.rmSync(OLD_CACHE, { recursive: true, force: true });
  fs.mkdirSync(CACHE, { recursive: true });
  const files = filesIn(dir, () => true).filter((file) => WORTH.test(file) && !perArticle(file));
  const stats = { files: 0, cached: 0, before: 0, after: 0 };
  const one = async (file) => {
    const raw = fs.readFileSync(path.join(dir, file));
    if (raw.length < 1024) return;
    const quality = brotliQuality(file);
    const key = path.join(CACHE, `${contentHash(raw)}-${quality}`);
    if (fs.existsSync(`${key}.br`) && fs.existsSync(`${key}.gz`)) {
      // Used now: kept by the pruning below.
      const now = new Date();
      fs.utimesSync(`${key}.br`, now, now);
      fs.utimesSync(`${key}.gz`, now, now);
      stats.cached += 1;
    } else {
      const [br, gz] = await Promise.all([brotliCompress(raw, quality), gzip(raw)]);
      writeWhole(`${key}.br`, br);
      writeWhole(`${key}.gz`, gz);
    }
    shareCopy(`${key}.br`, path.join(dir, `${file}.br`));
    shareCopy(`${key}.gz`, path.join(dir, `${file}.gz`));
    stats.files += 1;
    stats.before += raw.length;
    stats.after += fs.statSync(`${key}.br`).size;
  };
  // As many at once as the machine has cores; zlib works off the main thread.
  const queue = [...files];
  const lanes = Array.from({ length: Math.max(1, os.availableParallelism()) }, async () => {
    while (queue.length) await one(queue.shift());
  });
  await Promise.all(lanes);
  forgetUnused(CACHE);
  return `${stats.files} files compressed (${stats.cached} from the cache), ${stats.before} bytes → ${stats.after} bytes brotli`;
}

async function main() {
  if (!process.env.TRUNK_STAGING_DIR) {
    throw new SiteError('TRUNK_STAGING_DIR is not set: Trunk runs this script after a build (Trunk.toml)');
  }
  const dir = path.resolve(process.env.TRUNK_STAGING_DIR);
  const release = process.env.TRUNK_PROFILE === 'release';
  // Each line says how long its step took: the steps around Trunk are most
  // of a large site's build.
  let since = performance.now();
  const say = (line) => {
    const now = performance.now();
    console.log(`site: ${line} (${((now - since) / 1000).toFixed(1)} s)`);
    since = now;
  };

  // Everything this build fills in is checked before the slow steps.
  const site = findTrunkOutputs(dir);
  const problems = fillProblems(dir, [...new Set(FILLS.map(([, to]) => to))]);
  if (problems.length) throw new SiteError(`the templates do not match FILLS in scripts/site.mjs:\n  ${problems.join('\n  ')}`);

  if (release) say(await minifyStyles(dir, site));
  site.start = writeStartModule(dir, site);
  site.lowVision = writeLowVisionScript(dir);
  say(`${site.start} (${site.glue}, ${site.wasm}), ${site.lowVision}`);
  // Before the pages, which link the manifest.
  say(await writeIcons(dir));
  fill(dir, 'shell.html', site);
  fs.rmSync(path.join(dir, 'index.html'));
  buildPages(dir, release);
  say(`pages and data from ${process.env.SITE_CONTENT || 'content'}`);
  say(writeEmbed(dir, site));
  say(writeSearch(dir, site));
  // `make serve` also serves the demo portal page; a release site does not ship it.
  if (!release) fs.cpSync(path.join(root, 'examples'), path.join(dir, 'examples'), { recursive: true });
  if (release) say(await minifyScripts(dir));
  say(writeWorker(dir));
  if (release) {
    say(await compress(dir));
    say(precacheDownload(dir));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`site: ${error instanceof SiteError ? error.message : error.stack}`);
    process.exit(1);
  });
}
