// The viewer's service worker. A small hand-written worker rather than a
// generated one: it does four things, each readable here.
//  1. Install: precache this build's app shell (pages' shell, script, wasm,
//     styles, icons, data index) in a cache named by the build.
//  2. Serve: this build's files from its cache; article bodies, and files
//     named by their content that are not precached (the element's module,
//     for embed.html), from the cache, else the network, keeping them as
//     they are read.
//  3. Page navigations: the cached page, else the cached shell, whose app
//     then shows the article from cached data or says it was not saved. So a
//     page never mixes two builds' files, online or not.
//  4. Update: a new build installs beside the old one and waits; the page
//     offers it, and on "update" it takes over and the page reloads onto it.
//     Activation deletes every other build's cache.
// The build fills in BUILD, PRECACHE and HASHED (scripts/site.mjs's FILLS).

const BUILD = '__BUILD__';
const PRECACHE = __PRECACHE__;
const PREFIX = 'article-viewer-';
const CACHE = PREFIX + BUILD;
const SCOPE = new URL('./', self.location.href).href;
const HASHED = __HASHED__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // Files named by their hash are taken from the HTTP cache when there
      // (the page has just loaded them); the others are checked with the server.
      cache.addAll(
        PRECACHE.map((file) => new Request(new URL(file, SCOPE), { cache: HASHED.test(file) ? 'default' : 'no-cache' })),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'BUILD' && event.ports[0]) event.ports[0].postMessage(BUILD);
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !url.href.startsWith(SCOPE)) return;
  const file = url.pathname.slice(new URL(SCOPE).pathname.length);
  if (request.mode === 'navigate') {
    // The site's pages are the .html files of its own folder (a subfolder,
    // such as a demo, is left to the network).
    if (file === '' || (file.endsWith('.html') && !file.includes('/'))) event.respondWith(page(file || 'index.html'));
    return;
  }
  event.respondWith(asset(request, file));
});

async function page(file) {
  const cache = await caches.open(CACHE);
  const hit = (await cache.match(new URL(file, SCOPE).href)) || (await cache.match(new URL('shell.html', SCOPE).href));
  return hit || fetch(new URL(file, SCOPE).href);
}

async function asset(request, file) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  // Bodies (data/articles/<slug>.<hash>.json) and the element's module alike.
  if (response.ok && HASHED.test(file)) await cache.put(request, response.clone());
  return response;
}
