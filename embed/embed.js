// <article-viewer>: the viewer as a custom element, in a shadow root of its
// own so the host page's styles and ours never touch. One module, no inline
// code: it works under a strict Content-Security-Policy.
//
//   <script type="module" src="https://news.example/embed.js"></script>
//   <article-viewer topics="agriculture" limit="5"></article-viewer>
//
// Attributes and events: docs/embed.md. The build fills in the names of
// this build's files (scripts/site.mjs).
import init, { ArticleViewer } from '__GLUE__';

const here = new URL('./', import.meta.url).href;
const styles = new URL('__CSS__', import.meta.url).href;
let ready = null;

// The element's sizes are in --av-rem (style/main.css): registered as a
// length, it is fixed at the element's root to the reader's own text size
// (and the low-vision version's), so the host page's root font size never
// shrinks or swells the viewer.
try {
  CSS.registerProperty({ name: '--av-rem', syntax: '<length>', inherits: true, initialValue: '16px' });
} catch {
  // Registered already, by another copy of this script.
}
// Said when the viewer's own code fails to load; the viewer's word table
// (crates/views/src/text.rs) holds the same words, checked by its tests.
const FAILED = { ru: 'Не удалось загрузить новости.', en: 'Could not load the news.' };

class ArticleViewerElement extends HTMLElement {
  static observedAttributes = ['src', 'topics', 'filter', 'limit', 'compact', 'lang', 'theme', 'url-state'];

  #viewer = null;

  connectedCallback() {
    const shadow = this.shadowRoot || this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = styles;
    const root = document.createElement('div');
    shadow.replaceChildren(link, root);
    // The wasm loads once, on the first element, and serves them all.
    ready ||= init({ module_or_path: new URL('__WASM__', import.meta.url) });
    ready.then(
      () => {
        if (this.isConnected && !this.#viewer && root.isConnected) this.#viewer = new ArticleViewer(this, root, here);
      },
      (error) => {
        // Said in the element, and tried again when an element next connects.
        ready = null;
        root.setAttribute('role', 'alert');
        root.textContent = /^en\b/i.test(this.getAttribute('lang') || '') ? FAILED.en : FAILED.ru;
        console.error('article-viewer:', error);
      },
    );
  }

  disconnectedCallback() {
    // Unmounts the app and frees what it held.
    this.#viewer?.free();
    this.#viewer = null;
  }

  attributeChangedCallback() {
    this.#viewer?.refresh();
  }
}

if (!customElements.get('article-viewer')) customElements.define('article-viewer', ArticleViewerElement);
