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
      // A picture, saved with the bodies of the articles that show it; each
      // counts its share, so that the sizes add up to what is stored.
      const slugs = savedFor(response);
      for (const slug of slugs) pictures.set(slug, (pictures.get(slug) || 0) + bytes / slugs.length);
      continue;
    }
    const at = Date.parse(response.headers.get('X-Saved-At') || '') || 0;
    saved.push([request.url, at, bytes, decodeURIComponent(body[1])]);
  }
  return saved.map(([url, at, bytes, slug]) => [url, at, bytes + Math.round(pictures.get(slug) || 0)]).sort((a, b) => b[1] - a[1]);
}

// Removes the saved bodies at `urls`, and their articles' pictures but
// those another saved article shows too.
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
  // One at a time with the service worker's saves, which mark the pictures
  // too (pwa/sw.js, exclusively()).
  const unmark = async () => {
    for (const request of await cache.keys()) {
      if (BODY.test(new URL(request.url).pathname)) continue;
      const response = await cache.match(request);
      const kept = savedFor(response);
      const left = kept.filter((slug) => !slugs.has(slug));
      if (left.length === kept.length) continue;
      if (!left.length) {
        await cache.delete(request);
        continue;
      }
      const headers = new Headers(response.headers);
      headers.set('X-Saved-For', left.join(' '));
      await cache.put(request, new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers }));
    }
  };
  await (navigator.locks ? navigator.locks.request(SAVED, unmark) : unmark());
}

// The articles a saved picture is kept for (pwa/sw.js: space-separated slugs).
function savedFor(response) {
  return ((response && response.headers.get('X-Saved-For')) || '').split(' ').filter(Boolean);
}

// Asks the browser to keep what is saved when the device runs short of
// space (it may decide by itself, or ask the reader).
export function keepSaved() {
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
}
