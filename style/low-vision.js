// The reader's low-vision settings on the page before it is drawn, so that
// it never flashes in the usual colours and size first. The viewer keeps
// them (src/hooks/use_low_vision.rs) as one line, `size=150;scheme=wb`;
// each pair becomes an attribute of the page's root, `data-lv-size="150"`,
// which style/main.css answers. A classic script loaded from a file, not
// inline: it runs under the site's strict Content-Security-Policy.
try {
  const kept = localStorage.getItem('article-viewer-low-vision') || '';
  for (const pair of kept.split(';')) {
    const [key, value] = pair.split('=');
    if (/^[a-z]+$/.test(key) && /^[a-z0-9]+$/.test(value || '')) {
      document.documentElement.setAttribute(`data-lv-${key}`, value);
    }
  }
} catch {
  // No storage here (a sandboxed frame, a browser that refuses it): the usual look.
}
// Whether the browser can read an article aloud (src/components/read_aloud.js):
// the article's page keeps the place of its buttons from the start.
if (typeof self.speechSynthesis === 'object' && self.speechSynthesis !== null && typeof self.SpeechSynthesisUtterance === 'function') {
  document.documentElement.setAttribute('data-can-speak', '');
}
