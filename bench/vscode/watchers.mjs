// Init script for every frame of the VS Code workbench page (playwright addInitScript), used
// by bench/vscode/session.mjs to time palette → first lane inside the page's own clocks.
// - Top frame: the first Enter keydown after `window.__slEnter = null` stores its time
//   (performance.timeOrigin + event.timeStamp, epoch ms) in window.__slEnter.
// - Each webview's outer frame (VS Code's webview/browser/pre/index.html, same origin as the
//   swimlane document it writes into its inner iframe): from its first animation frame on,
//   every inner document gets a MutationObserver; the first `[data-testid="lane"]` seen sets
//   window.__slLane.inserted (the webview draws in requestAnimationFrame, so the observer runs
//   in the frame that draws it) and window.__slLane.painted = when a MessageChannel message
//   posted then arrives, i.e. after that frame's style, layout, paint and commit.
export const WATCHERS = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  if (window === window.top) {
    window.__slEnter = null;
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && window.__slEnter === null)
        window.__slEnter = performance.timeOrigin + e.timeStamp;
    }, true);
    return;
  }
  if (!location.pathname.includes('/webview/browser/pre/')) return;
  const st = (window.__slLane = { inserted: null, painted: null, created: now() });
  const seen = new WeakSet();
  const observers = [];
  const found = () => {
    if (st.inserted !== null) return;
    st.inserted = now();
    for (const o of observers) o.disconnect();
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { st.painted = now(); ch.port1.close(); };
    ch.port2.postMessage(0);
  };
  const check = (doc) => { if (doc.querySelector('[data-testid="lane"]')) found(); };
  const tick = () => {
    if (st.inserted !== null) return;
    for (const f of document.querySelectorAll('iframe')) {
      let doc = null;
      try { doc = f.contentDocument; } catch { doc = null; }
      if (!doc) continue;
      if (!seen.has(doc)) {
        seen.add(doc);
        const o = new MutationObserver(() => check(doc));
        o.observe(doc, { childList: true, subtree: true });
        observers.push(o);
      }
      check(doc);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
