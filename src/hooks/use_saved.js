// What the reader saved for offline reading, read from the service worker's
// cache of saved articles (pwa/sw.js names it and stamps each entry).
// Kept in JavaScript because it is only glue to the Cache Storage API.

const SAVED = 'article-viewer-saved';

// Every saved body as [url, saved at (ms), bytes], newest first; null where
// the browser keeps nothing for offline reading.
export async function listSaved() {
  if (!('caches' in self)) return null;
  if (!(await caches.has(SAVED))) return [];
  const cache = await caches.open(SAVED);
  const saved = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    if (!response) continue;
    const at = Date.parse(response.headers.get('X-Saved-At') || '') || 0;
    const bytes = Number(response.headers.get('X-Saved-Bytes')) || (await response.blob()).size;
    saved.push([request.url, at, bytes]);
  }
  return saved.sort((a, b) => b[1] - a[1]);
}

// Removes the saved bodies at `urls`.
export async function removeSaved(urls) {
  if (!('caches' in self)) return;
  const cache = await caches.open(SAVED);
  for (const url of urls) await cache.delete(url);
}

// Asks the browser to keep what is saved when the device runs short of
// space (it may decide by itself, or ask the reader).
export function keepSaved() {
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
}
