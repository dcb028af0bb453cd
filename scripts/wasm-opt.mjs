// binaryen's wasm-opt (npm `binaryen`) as Trunk calls it, with each result
// kept by what produced it: the npm build takes 10 s or more over the app's
// three modules at every `make dist`, though they change only with the code,
// so a rebuild of content alone would spend most of its time here. The
// result is kept in target/site-cache/wasm-opt/ by the hash of the input
// file, the arguments and binaryen's version; results unused for a week go.
// Anything other than one input and an `--output=` is passed through.
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forgetUnused, writeWhole } from './site.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const real = path.join(root, 'node_modules', '.bin', 'wasm-opt');
const cache = path.join(root, 'target', 'site-cache', 'wasm-opt');
const args = process.argv.slice(2);

if (!fs.existsSync(real)) {
  console.error(`wasm-opt: ${path.relative(process.cwd(), real)} is missing: \`make setup\` installs it (npm's binaryen)`);
  process.exit(1);
}
const optimise = () => spawnSync(real, args, { stdio: 'inherit' }).status ?? 1;

const output = args.find((arg) => arg.startsWith('--output='));
const inputs = args.filter((arg) => !arg.startsWith('-'));
if (!output || inputs.length !== 1) process.exit(optimise());

const out = output.slice('--output='.length);
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'binaryen', 'package.json'), 'utf8'));
const hash = crypto.createHash('sha256');
hash.update(`binaryen ${version}\n${args.filter((arg) => arg !== output && arg !== inputs[0]).join(' ')}\n`);
hash.update(fs.readFileSync(inputs[0]));
const kept = path.join(cache, `${hash.digest('hex').slice(0, 32)}.wasm`);

// Trunk runs one of these per module at once: a result another removes
// meanwhile is simply made again.
try {
  fs.copyFileSync(kept, out);
  const now = new Date();
  fs.utimesSync(kept, now, now);
  process.exit(0);
} catch {
  // not kept
}
const status = optimise();
if (status === 0) {
  fs.mkdirSync(cache, { recursive: true });
  writeWhole(kept, fs.readFileSync(out));
  forgetUnused(cache);
}
process.exit(status);
