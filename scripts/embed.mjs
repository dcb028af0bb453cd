// The embeddable parts of a built site (docs/embed.md):
//   embed.js    defines <article-viewer>, importing this build's glue and styles
//   embed.html  one viewer alone, for an iframe, with frame.js
//   resize.js   for the host page: sizes such iframes to their content
//
//   node scripts/embed.mjs DIR
//
// Run by scripts/post-build.sh after Trunk has written DIR.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/embed.mjs DIR');
  process.exit(2);
}

const files = fs.readdirSync(dir);
const find = (re, what) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) {
    console.error(`embed: expected one ${what} in ${dir}, found ${found.length ? found.join(', ') : 'none'}`);
    process.exit(1);
  }
  return found[0];
};
const glue = find(/^article-viewer-[0-9a-f]+\.js$/, 'wasm-bindgen glue');
const wasm = find(/^article-viewer-[0-9a-f]+_bg\.wasm$/, 'wasm module');
const css = find(/^main-[0-9a-f]+\.css$/, 'stylesheet');

const template = fs.readFileSync(path.join(root, 'embed/embed.js'), 'utf8');
const filled = template.replace("'__GLUE__'", `'./${glue}'`).replace("'__CSS__'", `'./${css}'`).replace("'__WASM__'", `'./${wasm}'`);
if (/__[A-Z]+__/.test(filled)) {
  console.error('embed: embed/embed.js has a placeholder this script does not fill');
  process.exit(1);
}
fs.writeFileSync(path.join(dir, 'embed.js'), filled);
for (const file of ['embed.html', 'frame.js', 'resize.js']) {
  fs.copyFileSync(path.join(root, 'embed', file), path.join(dir, file));
}
console.log(`embed: embed.js (${glue}, ${css}), embed.html, frame.js, resize.js`);
