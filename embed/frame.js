// embed.html: one <article-viewer> filling the page, for portals that embed
// the viewer in an iframe. Its options come from the page's query string
// (embed.html?topics=trade&compact=1), and it tells the parent page its
// height and what the reader does (resize.js listens there).
const params = new URLSearchParams(location.search);
const viewer = document.createElement('article-viewer');
for (const name of ['topics', 'filter', 'limit', 'compact', 'lang', 'theme']) {
  const value = params.get(name);
  if (value !== null) viewer.setAttribute(name, value);
}
document.body.style.margin = '0';
document.body.append(viewer);

// The height is no secret: any parent may know it.
const tell = (message) => window.parent !== window && window.parent.postMessage({ source: 'article-viewer', ...message }, '*');
// The content's own height (not the document's, which is never less than the
// iframe's), so the iframe shrinks as well as grows.
new ResizeObserver(() => tell({ type: 'resize', height: document.body.getBoundingClientRect().height })).observe(viewer);
for (const type of ['article-open', 'topics-change']) {
  viewer.addEventListener(type, (event) => tell({ type, detail: event.detail }));
}
