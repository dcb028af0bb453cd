// The portal's analytics: every event the viewers send, in order.
window.hostEvents = [];
for (const type of ['article-open', 'topics-change']) {
  document.addEventListener(type, (event) => {
    window.hostEvents.push({ type, from: event.target.id || event.target.tagName.toLowerCase(), detail: event.detail });
  });
}
