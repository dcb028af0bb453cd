// The portal's own analytics stand-in: shows the viewer's events as they arrive.
const log = document.getElementById('events');
for (const type of ['article-open', 'topics-change']) {
  document.addEventListener(type, (event) => {
    const where = event.target.tagName.toLowerCase();
    log.textContent = `${type} from <${where}>: ${JSON.stringify(event.detail)}\n` + log.textContent;
  });
}
