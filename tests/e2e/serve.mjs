// Static file server for the end-to-end tests (not for production).
//
//   node tests/e2e/serve.mjs <dir> <port> <url-prefix>
//   node tests/e2e/serve.mjs dist 8181 /portal/news/
//
// Serves <dir> under <url-prefix> on 127.0.0.1:<port>. A request for the
// prefix itself (or any directory) gets that directory's index.html; anything
// outside the prefix, missing, or escaping <dir> gets 404.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const [dirArg = 'dist', portArg = '8181', prefixArg = '/'] = process.argv.slice(2);

const root = path.resolve(dirArg);
const port = Number.parseInt(portArg, 10);
let prefix = prefixArg.startsWith('/') ? prefixArg : `/${prefixArg}`;
if (!prefix.endsWith('/')) prefix += '/';

if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`serve: invalid port ${JSON.stringify(portArg)}`);
  process.exit(2);
}
let rootReal;
try {
  rootReal = fs.realpathSync(root);
  if (!fs.statSync(rootReal).isDirectory()) throw new Error('not a directory');
} catch {
  console.error(`serve: ${dirArg} is not a directory (build the site first)`);
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

// Resolves a request path to a file inside the served directory, or null.
function resolveFile(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || !decoded.startsWith(prefix)) return null;
  let rel = decoded.slice(prefix.length);
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  // Refuse any traversal segment outright, then double-check the result.
  if (rel.split(/[\\/]/).some((seg) => seg === '..')) return null;
  const file = path.resolve(rootReal, rel);
  if (file !== rootReal && !file.startsWith(rootReal + path.sep)) return null;
  return file;
}

function inside(real) {
  return real === rootReal || real.startsWith(rootReal + path.sep);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  // Only the path is used; the raw path is checked before any normalisation.
  const raw = (req.url || '/').split(/[?#]/)[0];
  const query = (req.url || '').includes('?') ? req.url.slice(req.url.indexOf('?')) : '';

  if (`${raw}/` === prefix) {
    res.writeHead(301, { Location: prefix + query });
    res.end();
    return;
  }

  const file = resolveFile(raw);
  if (!file) {
    send(res, 404, 'not found\n');
    return;
  }

  fs.realpath(file, (realErr, real) => {
    if (realErr || !inside(real)) {
      send(res, 404, 'not found\n');
      return;
    }
    fs.stat(real, (statErr, stat) => {
      if (statErr) {
        send(res, 404, 'not found\n');
        return;
      }
      if (stat.isDirectory()) {
        res.writeHead(301, { Location: `${raw}/${query}` });
        res.end();
        return;
      }
      if (!stat.isFile()) {
        send(res, 404, 'not found\n');
        return;
      }
      res.writeHead(200, {
        'Content-Type': contentType(real),
        'Content-Length': stat.size,
        // The strict policy a portal may send (the same as deploy/nginx.conf).
        'Content-Security-Policy': CSP,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = fs.createReadStream(real);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    });
  });
});

server.on('error', (err) => {
  console.error(`serve: ${err.message}`);
  process.exit(1);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${dirArg} at http://127.0.0.1:${port}${prefix}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(0));
}
