// Service worker registration and updates, called from the app (src/pwa.rs).
// Kept in JavaScript because it is only glue to browser APIs.

let registration = null;

// Registers ./sw.js relative to the page, so any folder works. Calls
// `onUpdate()` when a new build has installed and waits for the reader.
export function registerWorker(onUpdate) {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('sw.js').then((reg) => {
    registration = reg;
    const offer = () => {
      if (reg.waiting && navigator.serviceWorker.controller) onUpdate();
    };
    offer();
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      if (worker) worker.addEventListener('statechange', () => worker.state === 'installed' && offer());
    });
  }).catch(() => {});
  // Look for a new build when the reader comes back or the network does.
  const check = () => registration && registration.update().catch(() => {});
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
  window.addEventListener('online', check);
}

// Whether a worker serves this page, so saving for offline can work.
export function workerActive() {
  return 'serviceWorker' in navigator && !!navigator.serviceWorker.controller;
}

// Lets the waiting build take over, then reloads onto it.
export function applyUpdate() {
  const waiting = registration && registration.waiting;
  if (!waiting) {
    location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
