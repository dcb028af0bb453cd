// The installable, offline-capable parts of a built site.
//
//   node scripts/pwa.mjs icons DIR   PNG icons from assets/icon.svg (192, 512,
//                                    maskable 512), named by content hash, and
//                                    DIR/manifest.webmanifest listing them
//   node scripts/pwa.mjs worker DIR  DIR/sw.js from pwa/sw.js, with this build's
//                                    precache list and a build id hashed from it
//
// `icons` runs before the pages are built (they link the manifest), `worker`
// after (it precaches them). Both are run by scripts/post-build.sh.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [command, dir] = process.argv.slice(2);
if (!dir || !['icons', 'worker'].includes(command)) {
  console.error('usage: node scripts/pwa.mjs icons|worker DIR');
  process.exit(2);
}
const hash = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);

function icons() {
  const svg = fs.readFileSync(path.join(root, 'assets/icon.svg'), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'assets/manifest.webmanifest'), 'utf8'));
  // The maskable icon: the same drawing inside the safe zone (80 %) of a
  // full-bleed square in the icon's own background colour.
  const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const background = (svg.match(/<rect[^>]*fill="([^"]+)"/) || [])[1] || manifest.theme_color;
  const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${background}"/><g transform="translate(9.6 9.6) scale(0.7)">${inner}</g></svg>`;
  const render = (source, size) => new Resvg(source, { fitTo: { mode: 'width', value: size } }).render().asPng();
  manifest.icons = [
    ['icon-192', svg, 192, 'any'],
    ['icon-512', svg, 512, 'any'],
    ['icon-maskable-512', maskable, 512, 'maskable'],
  ].map(([name, source, size, purpose]) => {
    const png = render(source, size);
    const file = `${name}.${hash(png)}.png`;
    fs.writeFileSync(path.join(dir, file), png);
    return { src: file, sizes: `${size}x${size}`, type: 'image/png', purpose };
  });
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`pwa: ${manifest.icons.length} icons and manifest.webmanifest`);
}

// Files every start needs: the shell and list pages, scripts, wasm, styles,
// icons, the manifest and the data index. Article pages and bodies are left
// to the reader: read ones are kept, and "save all" fetches the rest.
function precacheList() {
  const files = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const file = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (file === 'snippets' || file.startsWith('snippets/')) walk(file);
      } else if (/\.(js|wasm|css|svg|png|webmanifest)$/.test(file) && file !== 'sw.js') {
        files.push(file);
      }
    }
  };
  walk('');
  files.push('index.html', 'shell.html', 'data/index.json');
  if (fs.existsSync(path.join(dir, 'embed.html'))) files.push('embed.html');
  return files.sort();
}

function worker() {
  const files = precacheList();
  const template = fs.readFileSync(path.join(root, 'pwa/sw.js'), 'utf8');
  const digest = crypto.createHash('sha256').update(template);
  for (const file of files) digest.update(file).update(fs.readFileSync(path.join(dir, file)));
  const build = digest.digest('hex').slice(0, 16);
  const sw = template.replace("'__BUILD__'", JSON.stringify(build)).replace('__PRECACHE__', JSON.stringify(files));
  fs.writeFileSync(path.join(dir, 'sw.js'), sw);
  let raw = 0;
  let br = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(dir, f));
    raw += bytes.length;
    br += zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  console.log(`pwa: sw.js for build ${build}: precaches ${files.length} files, ${raw} bytes (${br} brotli)`);
}

if (command === 'icons') icons();
else worker();
