// The search worker (search.js in a built site). The page starts it at a
// reader's first search, so the first view downloads none of it. It loads
// the search module, fetches the shards and result files a query needs
// (each shard once), and answers the page's messages:
//   { id, op: 'open', parts, data }   the index's `search` (JSON) and the data folder's URL
//   { id, op: 'search', query }       → JSON { ranked, every, terms }
//   { id, op: 'show', positions, terms } → [[search file's text, JSON marks], …]
//   { id, op: 'find_in', query, texts } → JSON [[[start, end], …], …]: where
//                                        the words `query` finds are in each text
//   { id, op: 'keep', positions }      → { shards, docs }: fetches every shard
//                                        and these articles' result files, for
//                                        the service worker to keep; how many
//                                        of each failed
// with { id, result } or { id, error }.
import init, { Engine } from '__SEARCH_GLUE__';

const started = init({ module_or_path: new URL('__SEARCH_WASM__', import.meta.url) });
let engine;
let data;
const shards = new Map();
// The search files of the results shown lately, newest last: a reader who
// types on or pages back and forth sees many of them again.
const docs = new Map();
const KEPT_DOCS = 200;

async function text(file) {
  const response = await fetch(new URL(file, data));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

function shard(n) {
  if (!shards.has(n)) {
    const loading = text(engine.shard_file(n)).then((json) => engine.add_shard(n, json));
    // A failed shard is fetched again by the next search.
    loading.catch(() => shards.delete(n));
    shards.set(n, loading);
  }
  return shards.get(n);
}

function doc(position) {
  let loading = docs.get(position);
  if (loading) {
    docs.delete(position);
  } else {
    loading = text(engine.doc_file(position));
    // A failed file is fetched again next time (unless a newer fetch took its place).
    loading.catch(() => docs.get(position) === loading && docs.delete(position));
  }
  docs.set(position, loading);
  if (docs.size > KEPT_DOCS) docs.delete(docs.keys().next().value);
  return loading;
}

const ops = {
  open: ({ parts, data: folder }) => {
    engine = new Engine(parts);
    data = folder;
    shards.clear();
    docs.clear();
    return true;
  },
  search: async ({ query }) => {
    await Promise.all(Array.from(engine.needs(query), shard));
    return engine.search(query);
  },
  show: ({ positions, terms }) =>
    Promise.all(positions.map(async (position) => {
      const file = await doc(position);
      return [file, engine.show(file, terms)];
    })),
  keep: async ({ positions }) => {
    const failed = async (loads) => (await Promise.allSettled(loads)).filter((r) => r.status === 'rejected').length;
    return {
      shards: await failed(Array.from({ length: engine.shard_count() }, (_, n) => shard(n))),
      docs: await failed(positions.map((p) => text(engine.doc_file(p)))),
    };
  },
  find_in: async ({ query, texts }) => {
    await Promise.all(Array.from(engine.needs(query), shard));
    return engine.find_in(query, texts);
  },
};

self.onmessage = async ({ data: message }) => {
  try {
    await started;
    self.postMessage({ id: message.id, result: await ops[message.op](message) });
  } catch (error) {
    self.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
};
