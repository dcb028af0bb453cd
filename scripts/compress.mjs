// Precompressed copies of a built site's text and wasm files (file.br and
// file.gz beside file), for servers that send them as they are (nginx's
// brotli_static and gzip_static, Caddy's precompressed, Apache with rewrite
// rules): the best compression, paid once at build time.
//
//   node scripts/compress.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/compress.mjs DIR');
  process.exit(2);
}
const worth = /\.(html|js|wasm|css|json|svg|xml|webmanifest)$/;
let files = 0;
let before = 0;
let after = 0;
const walk = (d) => {
  for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
    const file = path.join(d, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (worth.test(entry.name)) {
      const raw = fs.readFileSync(file);
      if (raw.length < 1024) continue;
      const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
      fs.writeFileSync(file + '.br', br);
      fs.writeFileSync(file + '.gz', zlib.gzipSync(raw, { level: 9 }));
      files += 1;
      before += raw.length;
      after += br.length;
    }
  }
};
walk(dir);
console.log(`compress: ${files} files, ${before} bytes → ${after} bytes brotli`);
