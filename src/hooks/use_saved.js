// What the reader saved for offline reading, read from the service worker's
// cache of saved articles (pwa/sw.js names it and stamps each entry).
// Kept in JavaScript because it is only glue to the Cache Storage API.

const SAVED = 'article-viewer-saved';

const BODY = /\/articles\/([^/]+)\.[0-9a-f]{12,16}\.json$/;

// Every saved body as [url, saved at (ms), bytes with its pictures'], newest
// first; null where the browser keeps nothing for offline reading.
export async function listSaved() {
  if (!('caches' in self)) return null;
  if (!(await caches.has(SAVED))) return [];
  const cache = await caches.open(SAVED);
  const saved = [];
  const pictures = new Map();
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    if (!response) continue;
    const bytes = Number(response.headers.get('X-Saved-Bytes')) || (await response.blob()).size;
    const body = new URL(request.url).pathname.match(BODY);
    if (!body) {
      // A picture, saved with its article's body.
      const slug = response.headers.get('X-Saved-For');
      if (slug) pictures.set(slug, (pictures.get(slug) || 0) + bytes);
      continue;
    }
    const at = Date.parse(response.headers.get('X-Saved-At') || '') || 0;
    saved.push([request.url, at, bytes, decodeURIComponent(body[1])]);
  }
  return saved.map(([url, at, bytes, slug]) => [url, at, bytes + (pictures.get(slug) || 0)]).sort((a, b) => b[1] - a[1]);
}

// Removes the saved bodies at `urls`, and their articles' pictures.
export async function removeSaved(urls) {
  if (!('caches' in self)) return;
  const cache = await caches.open(SAVED);
  const slugs = new Set();
  for (const url of urls) {
    const body = new URL(url, location.href).pathname.match(BODY);
    if (body) slugs.add(decodeURIComponent(body[1]));
    await cache.delete(url);
  }
  if (!slugs.size) return;
  for (const request of await cache.keys()) {
    if (BODY.test(new URL(request.url).pathname)) continue;
    const response = await cache.match(request);
    if (response && slugs.has(response.headers.get('X-Saved-For'))) await cache.delete(request);
  }
}

// Asks the browser to keep what is saved when the device runs short of
// space (it may decide by itself, or ask the reader).
export function keepSaved() {
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
}
