// The viewer's service worker. A small hand-written worker rather than a
// generated one, because code and content are kept by different rules:
//
//  - Code (the shell page, scripts, wasm, styles, icons) is precached in a
//    cache named by the build, and served from it, so a page never mixes two
//    builds' code. A new build of the code installs beside the old one and
//    waits; the page offers «Обновить», and on it the new build takes over
//    and deletes the old build's code cache, and only that.
//  - Content is not code: a new build of the content alone leaves this file
//    as it is (BUILD hashes the code only), so it asks nothing of the reader.
//    The list's index (data/index.json) is fetched from the network first,
//    so a new article is listed on the next load; offline, or when the
//    network keeps it waiting, the last copy is served.
//  - What a reader has read or saved lives in caches of their own that no
//    deploy deletes: article bodies (named by their content) in SAVED, with
//    when they were saved; the list's parts and the search's files in
//    CONTENT. A body goes only when the reader removes it, when a newer text
//    of the same article is saved, or when its article is gone from the index.
//    An article's pictures are saved with its body (one width of each, which
//    stands in for the others offline), and only then: the list's thumbnails
//    and the pictures of articles not saved come from the network.
//  - Page navigations get this build's shell page, whose app then shows the
//    list or the article from the data, or says the article was not saved.
//
// The build fills in BUILD, PRECACHE, LAZY and HASHED (scripts/site.mjs's FILLS).

const BUILD = '__BUILD__';
// The code every start needs.
const PRECACHE = __PRECACHE__;
// Code loaded only by some readers (the search module, the element's):
// kept in the build's cache when first loaded, and precached by the next
// build when the reader's last build had it, so it keeps working offline.
const LAZY = __LAZY__;
const HASHED = __HASHED__;

const PREFIX = 'article-viewer-';
const CODE = PREFIX + BUILD;
const CONTENT = PREFIX + 'content';
const SAVED = PREFIX + 'saved';
const SCOPE = new URL('./', self.location.href).href;
const INDEX = 'data/index.json';
// How long a load waits for a fresh index before it shows the last one.
const INDEX_PATIENCE_MS = 4000;

// A body of the data bundle: data/articles/<slug>.<hash>.json.
const BODY = /^(.*\/)?articles\/([^/]+)\.[0-9a-f]{12,16}\.json$/;
// A picture's width made by the build: media/<hash>-<width>.<ext>.
const MEDIA = /^(.*\/)?media\/([0-9a-f]{12,16})-([0-9]+)\.[a-z]+$/;
// The width of a picture kept with a saved article: enough for a phone's
// screen; offline, it stands in for every other width.
const SAVED_PICTURE_WIDTH = 800;
// A file of the list's parts or of the search, named by the bundle's version.
const PART = /^(.*\/)?(list|search)\/([a-z]+)(?:-([^/.]+))?\.([0-9a-f]{12,16})\.json$/;

/** Whether `name` is a build's code cache (not CONTENT or SAVED). */
const isCodeCache = (name) => name.startsWith(PREFIX) && name !== CONTENT && name !== SAVED;

/** A file's name with its hash taken out: what it is, whatever its version. */
const kind = (file) => file.replace(/([-.])[0-9a-f]{12,16}(_bg)?(\.[a-z]+)$/, '$1#$2$3');

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const code = await caches.open(CODE);
      // Files named by their hash are taken from the HTTP cache when there
      // (the page has just loaded them); the others are checked with the server.
      const request = (file) => new Request(new URL(file, SCOPE), { cache: HASHED.test(file) ? 'default' : 'no-cache' });
      const lazy = await lazyInUse();
      await code.addAll([...PRECACHE, ...LAZY.filter((file) => lazy.has(kind(file)))].map(request));
      // The list's index, so that a first visit can be read offline; never
      // older than the one this install found.
      const content = await caches.open(CONTENT);
      const index = await fetch(request(INDEX)).catch(() => null);
      if (index && index.ok) await content.put(new URL(INDEX, SCOPE).href, index);
    })(),
  );
});

/** The kinds of lazily loaded code that an earlier build's cache holds. */
async function lazyInUse() {
  const found = new Set();
  for (const name of (await caches.keys()).filter(isCodeCache)) {
    for (const request of await (await caches.open(name)).keys()) found.add(kind(fileOf(request.url)));
  }
  return found;
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of (await caches.keys()).filter(isCodeCache)) {
        if (name === CODE) continue;
        await keepContent(name);
        await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/**
 * Moves what a reader read or saved out of a build's code cache before it
 * goes: earlier versions of this worker kept bodies and the list's parts
 * with the code, and a deploy must not cost the reader them.
 */
async function keepContent(name) {
  const old = await caches.open(name);
  const saved = await caches.open(SAVED);
  const content = await caches.open(CONTENT);
  for (const request of await old.keys()) {
    const file = fileOf(request.url);
    const response = await old.match(request);
    if (!response) continue;
    if (BODY.test(file) && !(await saved.match(request))) await saved.put(request, await stamped(response, new Date()));
    else if (PART.test(file) && !(await content.match(request))) await content.put(request, response);
    else if (file === INDEX && !(await content.match(request))) await content.put(request, response);
  }
  savedBodies.reset();
  savedPictures.reset();
  slugFiles.reset();
}

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'BUILD' && event.ports[0]) event.ports[0].postMessage(BUILD);
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !url.href.startsWith(SCOPE)) return;
  const file = fileOf(url.href);
  if (request.mode === 'navigate') {
    // The site's pages are the .html files of its own folder (a subfolder,
    // such as a demo, is left to the network).
    if (file === '' || (file.endsWith('.html') && !file.includes('/'))) event.respondWith(page(file || 'index.html'));
    return;
  }
  if (file === INDEX) event.respondWith(index(request));
  else if (BODY.test(file)) event.respondWith(body(request, file));
  else if (PART.test(file)) event.respondWith(part(request, file));
  else if (MEDIA.test(file)) event.respondWith(picture(request, file));
  else event.respondWith(code(request, file));
});

/** A URL's path within the worker's folder. */
function fileOf(href) {
  return decodeURIComponent(new URL(href).pathname.slice(new URL(SCOPE).pathname.length));
}

async function page(file) {
  const cache = await caches.open(CODE);
  // embed.html is a page of its own; every other page is the shell's app.
  const hit = (await cache.match(new URL(file, SCOPE).href)) || (await cache.match(new URL('shell.html', SCOPE).href));
  return hit || fetch(new URL(file, SCOPE).href);
}

/** This build's code: from its cache, else the network, keeping what is named by its hash. */
async function code(request, file) {
  const cache = await caches.open(CODE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && HASHED.test(file)) await cache.put(request, response.clone()).catch(() => {});
  return response;
}

/** The list's index: the network's, unless it fails or keeps the reader waiting. */
async function index(request) {
  const content = await caches.open(CONTENT);
  const key = new URL(INDEX, SCOPE).href;
  const network = fetch(request, { cache: 'no-cache' }).then(async (response) => {
    if (response.ok) {
      await content.put(key, response.clone());
      await forgetOldParts(response.clone());
    }
    return response;
  });
  const last = await content.match(key);
  if (!last) return network;
  const late = new Promise((resolve) => setTimeout(() => resolve(last), INDEX_PATIENCE_MS));
  return Promise.race([network.then((response) => (response.ok ? response : last), () => last), late]);
}

/**
 * After a new index: the list's parts and search files of other versions
 * are of no use to it, except each slug file's last version, which still
 * finds what the reader saved before (see part()). With no list parts, the
 * index names every article, so saved bodies of articles gone go too.
 */
async function forgetOldParts(response) {
  let fresh;
  try {
    fresh = await response.json();
  } catch {
    return;
  }
  const versions = { list: fresh.list && fresh.list.version, search: fresh.search && fresh.search.version };
  const content = await caches.open(CONTENT);
  for (const request of await content.keys()) {
    const [, , folder, name, , version] = fileOf(request.url).match(PART) || [];
    if (folder && name !== 'slugs' && version !== versions[folder]) await content.delete(request);
  }
  if (!fresh.list && Array.isArray(fresh.articles)) {
    const slugs = new Set(fresh.articles.map((article) => article && article.slug));
    const saved = await caches.open(SAVED);
    await exclusively(async () => {
      for (const request of await saved.keys()) {
        const body = fileOf(request.url).match(BODY);
        const of = body ? [body[2]] : savedFor(await saved.match(request));
        if (of.length && !of.some((slug) => slugs.has(slug))) await saved.delete(request);
      }
    });
    savedBodies.reset();
    savedPictures.reset();
  }
}

/**
 * An article's body: the saved copy, else the network's, saved with the
 * time (and replacing an older text of the same article). Offline, an
 * older saved text of the article stands in for a newer one not saved.
 */
async function body(request, file) {
  const saved = await caches.open(SAVED);
  const hit = await saved.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const slug = file.match(BODY)[2];
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    for (const older of await savedBodies.of(slug)) {
      const hit = await saved.match(older);
      if (hit) return hit;
    }
    throw offline;
  }
  if (!response.ok) return response;
  const copy = await stamped(response.clone(), new Date());
  const pictures = picturesOf(await response.clone().json().catch(() => null));
  const put = [];
  try {
    await saved.put(request, copy);
    put.push(request);
    // Its pictures with it, one width of each: what it shows offline. A
    // picture another saved article shows too is kept for both, marked for
    // this one in the same step that finds it saved, so that removing the
    // other meanwhile leaves it.
    for (const src of pictures) {
      const url = new URL(src, SCOPE).href;
      if (!url.startsWith(SCOPE)) continue;
      let added = await exclusively(() => keepFor(saved, url, slug));
      if (added === null) {
        const picture = await fetch(url).catch(() => null);
        if (!picture || !picture.ok) continue;
        const kept = await stamped(picture, new Date(), { 'X-Saved-For': slug });
        // Another article showing it may have saved it meanwhile: then it
        // is shared, not taken over.
        added = await exclusively(() => keepFor(saved, url, slug, kept));
        savedPictures.put(MEDIA.exec(fileOf(url))[2], new Request(url));
      }
      // A failed save takes back only what it added: a picture an older
      // version of this article was saved with stays with it.
      if (added) put.push(new Request(url));
    }
  } catch (error) {
    // A full disk: the reader still reads it, the app says it was not
    // saved, and nothing of it is left half-saved; a picture another
    // saved article shows stays, for that article.
    await exclusively(async () => {
      for (const r of put) await letGo(saved, r, await saved.match(r), slug);
    });
    return withHeader(response, 'X-Not-Saved', error && error.name === 'QuotaExceededError' ? 'quota' : 'error');
  }
  const olderPictures = [];
  for (const older of await savedBodies.of(slug)) {
    if (older.url.split('?')[0] === request.url.split('?')[0]) continue;
    const text = await saved.match(older);
    if (text) olderPictures.push(...picturesOf(await text.json().catch(() => null)));
    await saved.delete(older);
    savedBodies.forget(slug, older);
  }
  savedBodies.put(slug, request);
  await letGoOf(saved, slug, olderPictures, pictures);
  return response;
}

/**
 * After a newer text of `slug` is saved: the pictures its older texts
 * showed and it does not (a figure the editor took out, a photo replaced)
 * are no longer kept for it, and go when no other saved article shows
 * them. A picture it still shows stays, at whatever width was saved.
 */
async function letGoOf(saved, slug, older, shown) {
  const hash = (src) => (MEDIA.exec(src) || [])[2];
  const still = new Set(shown.map(hash));
  const gone = [...new Set(older.filter((src) => !still.has(hash(src))).map((src) => new URL(src, SCOPE).href))];
  if (!gone.length) return;
  await exclusively(async () => {
    for (const url of gone) {
      const have = await saved.match(url);
      if (savedFor(have).includes(slug)) await letGo(saved, url, have, slug);
    }
  });
}

/**
 * `request`, saved as `have`, is no longer kept for `slug`: its mark goes,
 * and so does it unless another saved article keeps it. Call it under
 * `exclusively`.
 */
async function letGo(saved, request, have, slug) {
  const others = savedFor(have).filter((s) => s !== slug);
  if (others.length) await saved.put(request, withHeader(have, 'X-Saved-For', others.join(' '))).catch(() => {});
  else await saved.delete(request);
}

/**
 * A cache's requests grouped by `keyOf` (null: not grouped), listed once in
 * the worker's life and kept up to date as it puts and deletes: saving
 * 10,000 articles must not list the cache 10,000 times. The page may delete
 * entries behind its back, so a request found here may be gone: callers
 * match before they use one.
 */
function grouped(name, keyOf) {
  let groups = null;
  // The one listing under way, which every caller awaits (saves run side
  // by side), and what was put or forgotten while it ran.
  let listing = null;
  let meanwhile = [];
  const group = (key) => {
    if (!groups.has(key)) groups.set(key, []);
    return groups.get(key);
  };
  const apply = ([put, key, request]) => {
    const requests = group(key).filter((r) => r.url !== request.url);
    if (put) requests.unshift(request);
    groups.set(key, requests);
  };
  const change = (put, key, request) => {
    if (groups) apply([put, key, request]);
    else if (listing) meanwhile.push([put, key, request]);
  };
  return {
    /** The group's requests, latest first. */
    async of(key) {
      if (!listing) {
        const mine = (listing = (async () => {
          const requests = await (await caches.open(name)).keys();
          if (listing !== mine) return;
          groups = new Map();
          for (const request of requests) {
            const k = keyOf(request.url);
            if (k !== null) group(k).unshift(request);
          }
          meanwhile.splice(0).forEach(apply);
        })());
        mine.catch(() => listing === mine && (listing = null));
      }
      await listing;
      return [...(groups?.get(key) || [])];
    },
    put(key, request) {
      change(true, key, request);
    },
    forget(key, request) {
      change(false, key, request);
    },
    reset() {
      groups = null;
      listing = null;
      meanwhile = [];
    },
  };
}

// The saved bodies of each article, by its slug.
const savedBodies = grouped(SAVED, (href) => (fileOf(href).match(BODY) || [])[2] ?? null);
// The saved widths of each picture, by its hash.
const savedPictures = grouped(SAVED, (href) => (fileOf(href).match(MEDIA) || [])[2] ?? null);
// The kept versions of each slug file of the list's parts.
const slugFiles = grouped(CONTENT, (href) => {
  const [, , folder, name, n] = fileOf(href).match(PART) || [];
  return name === 'slugs' ? `${folder}/${name}-${n}` : null;
});

/**
 * A picture: the saved one when its article was saved, else the network's,
 * not kept (pictures are saved with their article, never on their own).
 * Offline, another saved width of the same picture stands in.
 */
async function picture(request, file) {
  const saved = await caches.open(SAVED);
  const hit = await saved.match(request, { ignoreSearch: true });
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (offline) {
    for (const other of await savedPictures.of(file.match(MEDIA)[2])) {
      const hit = await saved.match(other);
      if (hit) return hit;
    }
    throw offline;
  }
}

/** The pictures of an article's body (its own and its figures'), one width of each. */
function picturesOf(body) {
  if (!body || typeof body !== 'object') return [];
  const images = [body.picture, ...(Array.isArray(body.blocks) ? body.blocks.filter((b) => b && b.type === 'image') : [])];
  const srcs = [];
  for (const image of images) {
    if (!image || typeof image.src !== 'string') continue;
    const sizes = [...(Array.isArray(image.narrower) ? image.narrower : []), { src: image.src, width: image.width || Infinity }];
    const fit = sizes.find((size) => size && size.width >= SAVED_PICTURE_WIDTH) || sizes[sizes.length - 1];
    if (MEDIA.test(fit.src)) srcs.push(fit.src);
  }
  return srcs;
}

/**
 * A file of the list's parts or of the search: named by the bundle's
 * version, so kept as read. Offline, a slug file of an earlier version
 * stands in: it still holds what the reader saved under that version.
 */
async function part(request, file) {
  const content = await caches.open(CONTENT);
  const hit = await content.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const [, , folder, name, n] = file.match(PART);
  const key = `${folder}/${name}-${n}`;
  const earlier = async () => (name === 'slugs' ? slugFiles.of(key) : []);
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    for (const older of await earlier()) {
      const hit = await content.match(older);
      if (hit) return hit;
    }
    throw offline;
  }
  if (response.ok) {
    const older = await earlier();
    await content.put(request, response.clone()).catch(() => {});
    for (const r of older) {
      await content.delete(r);
      slugFiles.forget(key, r);
    }
    if (name === 'slugs') slugFiles.put(key, request);
  }
  return response;
}

/** `response` as it is saved: with when (X-Saved-At) and its size (X-Saved-Bytes), as the app reads them back. */
async function stamped(response, when, extra = {}) {
  const bytes = await response.arrayBuffer();
  const headers = plainHeaders(response);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  if (!headers.has('X-Saved-At')) headers.set('X-Saved-At', when.toISOString());
  headers.set('X-Saved-Bytes', String(bytes.byteLength));
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Runs `task` while no other task of this worker or of a page changes the
 * saved pictures' marks (X-Saved-For): each reads a mark and writes it back,
 * and two at once would lose one's change. Where the browser has no Web
 * Locks, as it is.
 */
function exclusively(task) {
  return self.navigator.locks ? navigator.locks.request(SAVED, task) : task();
}

/**
 * Keeps the picture at `url` for the article `slug`: marks it so when it is
 * saved already (for another article, or an older version of this one),
 * else saves `kept`, when given, marked so. Says whether it added anything;
 * null when the picture is not saved and nothing was given. Call it under
 * `exclusively`. A mark that cannot be written (a full disk) throws: the
 * article is then not saved, rather than saved with a picture whose mark
 * would let it go.
 */
async function keepFor(saved, url, slug, kept) {
  const have = await saved.match(url);
  if (!have) return kept ? saved.put(url, kept).then(() => true) : null;
  const slugs = savedFor(have);
  if (slugs.includes(slug)) return false;
  await saved.put(url, withHeader(have, 'X-Saved-For', [...slugs, slug].join(' ')));
  return true;
}

/** The articles a saved picture is kept for: the slugs in its X-Saved-For, space-separated. */
function savedFor(response) {
  return ((response && response.headers.get('X-Saved-For')) || '').split(' ').filter(Boolean);
}

function withHeader(response, name, value) {
  const headers = plainHeaders(response);
  headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A response's headers for a copy: its body is already decoded, so the network's length and encoding no longer hold. */
function plainHeaders(response) {
  const headers = new Headers(response.headers);
  headers.delete('Content-Encoding');
  headers.delete('Content-Length');
  return headers;
}
