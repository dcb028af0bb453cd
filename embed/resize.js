// For the page that holds the viewer in an iframe: sizes every
// <iframe data-article-viewer> to its content, and repeats the viewer's
// `article-open` and `topics-change` events on the iframe element.
//
//   <iframe data-article-viewer src="https://news.example/embed.html?topics=trade"
//           title="Новости" style="width: 100%; border: 0"></iframe>
//   <script src="https://news.example/resize.js" defer></script>
//
// A message counts only if it comes from one of those iframes' own window
// and origin.
(() => {
  const frameOf = (event) => {
    for (const frame of document.querySelectorAll('iframe[data-article-viewer]')) {
      if (frame.contentWindow !== event.source) continue;
      const origin = new URL(frame.src, location.href).origin;
      return origin === event.origin ? frame : null;
    }
    return null;
  };
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.source !== 'article-viewer') return;
    const frame = frameOf(event);
    if (!frame) return;
    if (data.type === 'resize' && Number.isFinite(data.height) && data.height > 0) {
      frame.style.height = `${Math.ceil(data.height)}px`;
    } else if (data.type === 'article-open' || data.type === 'topics-change') {
      frame.dispatchEvent(new CustomEvent(data.type, { bubbles: true, detail: data.detail }));
    }
  });
})();
