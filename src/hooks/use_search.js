// The search worker (search.js), seen from the app: started at the first
// search, asked with promises; each answer goes to the question it answers.
export class SearchWorker {
  constructor(url, parts, data) {
    this.next = 0;
    this.waiting = new Map();
    try {
      this.worker = new Worker(url, { type: 'module' });
    } catch (error) {
      // A worker must come from the page's own origin: a portal that loads
      // the viewer from another one gets the reason, not a broken page.
      this.broken = String((error && error.message) || error);
      return;
    }
    this.worker.onmessage = ({ data: answer }) => {
      const waiting = this.waiting.get(answer.id);
      if (!waiting) return;
      this.waiting.delete(answer.id);
      if ('error' in answer) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer.result);
    };
    // A worker that cannot start (its file missing, offline and not kept)
    // fails every question asked of it.
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.broken = event.message || 'the search module did not start';
      for (const waiting of this.waiting.values()) waiting.reject(new Error(this.broken));
      this.waiting.clear();
    };
    // Its failure fails the questions after it, which say so.
    this.ask('open', { parts, data }).catch(() => {});
  }

  ask(op, fields) {
    if (this.broken) return Promise.reject(new Error(this.broken));
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...fields, id, op });
    });
  }

  search(query) {
    return this.ask('search', { query });
  }

  show(positions, terms) {
    return this.ask('show', { positions: Array.from(positions), terms });
  }

  keep(positions) {
    return this.ask('keep', { positions: Array.from(positions) });
  }

  findIn(query, texts) {
    return this.ask('find_in', { query, texts });
  }
}
