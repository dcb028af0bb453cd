// Sharing, seen from the app (src/components/share_article.rs): the
// system's share sheet and the clipboard. Kept in JavaScript because it is
// only glue to browser APIs.

// Whether the browser has a share sheet (phones, some desktops).
export function canShare() {
  return typeof navigator.share === 'function';
}

// Opens the share sheet; a reader who closes it is no error.
export function share(title, url) {
  return navigator.share({ title, url }).catch(() => {});
}

// Puts `text` on the clipboard; resolves to whether it got there.
export function copyText(text) {
  if (!navigator.clipboard) return Promise.resolve(false);
  return navigator.clipboard.writeText(text).then(() => true, () => false);
}
