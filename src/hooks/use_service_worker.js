// Service worker registration and updates, called from the app (src/hooks/use_service_worker.rs).
// Kept in JavaScript because it is only glue to browser APIs.

let registration = null;

// Registers ./sw.js relative to the page, so any folder works. Calls
// `onUpdate()` when a new build has installed and waits for the reader, and
// `onControlled()` once a worker serves the page.
export function registerWorker(onUpdate, onControlled) {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  let controlled = !!container.controller;
  container.addEventListener('controllerchange', () => {
    // A new build took over (accepted here or in another tab): the old
    // build's cache is gone, so this page moves onto the new build too.
    if (controlled) location.reload();
    else {
      controlled = true;
      onControlled();
    }
  });
  container.register('sw.js').then((reg) => {
    // A browser that blocks workers may resolve with none.
    if (!reg) return;
    registration = reg;
    const offer = () => {
      if (reg.waiting && navigator.serviceWorker.controller) onUpdate();
    };
    offer();
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      if (worker) worker.addEventListener('statechange', () => worker.state === 'installed' && offer());
    });
  }).catch((err) => console.warn('The offline copy is not available:', err));
  // Look for a new build when the reader comes back or the network does.
  const check = () => registration && registration.update().catch(() => {});
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
  window.addEventListener('online', check);
}

// For `make serve`: removes a worker (and its caches) left by an earlier
// build, so a reload always shows the edit just saved.
export function unregisterWorkers() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.getRegistrations().then((regs) => regs.forEach((r) => r.unregister()));
  if ('caches' in window) caches.keys().then((keys) => keys.forEach((k) => caches.delete(k)));
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
  // The page reloads on `controllerchange` (see registerWorker).
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
