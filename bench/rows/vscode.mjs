// Benchmark rows measured in a real VS Code: the packaged VSIX installed into the cached
// VS Code server (scripts/vscode/setup.mjs), its workbench driven in headless Chromium
// (bench/vscode/session.mjs). Both rows come from one server session, run once per harness
// run. Quick mode: one (cold) run, and skipped when the server is not installed yet (its
// install takes minutes; CI installs it before the bench). See docs/performance.md.
import { loadavg } from 'node:os';
import { CODE_SERVER_VERSION, vscodeServerInstalled } from '../../scripts/vscode/setup.mjs';
import { median } from '../lib.mjs';
import { ensureVsix } from './vsix.mjs';

let session = null;

/** The shared session's result (started by whichever row runs first). */
function measure({ quick, noPackage }) {
  session ??= (async () => {
    if (quick && !vscodeServerInstalled())
      return {
        skipped:
          'quick mode and the VS Code server is not installed (node scripts/vscode/setup.mjs)',
      };
    const { vsix, how } = await ensureVsix({ noPackage });
    const { measureSession } = await import('../vscode/session.mjs');
    const r = await measureSession({ vsix, runs: quick ? 1 : 6 });
    return { ...r, how, load: loadavg()[0] };
  })();
  return session;
}

const f = (x) => x.toFixed(0);

/** Enter on "Concurrency: Run Lock Demo" in the palette → first lane painted in the webview. */
const paletteToFirstLane = {
  id: 'vscode.palette-to-first-lane-ms',
  target: 1000,
  unit: 'ms',
  async run(ctx) {
    const r = await measure(ctx);
    if (r.skipped) return r;
    const warm = r.warm.map((t) => t.painted);
    const measured = warm.length ? median(warm) : r.cold.painted;
    return {
      measured,
      note:
        (warm.length
          ? `median of ${warm.length} runs with the extension already activated ` +
            `(${warm.map(f).join(', ')} ms); `
          : 'quick mode: the cold run only; ') +
        `cold (first run, activation included: ${r.activation.reason}): ${f(r.cold.painted)} ms. ` +
        `From the Enter keydown (its event time in the workbench page) to the first ` +
        `[data-testid="lane"] painted in the new webview (MutationObserver in the frame that ` +
        `draws it, then a MessageChannel message after that frame's paint; lane inserted at ` +
        `${f(r.cold.inserted)} cold` +
        (warm.length ? `, ${f(median(r.warm.map((t) => t.inserted)))} warm median` : '') +
        ` ms; the webview's frame existed at ${f(r.cold.frame)} cold` +
        (warm.length ? `, ${f(median(r.warm.map((t) => t.frame)))} warm median` : '') +
        ` ms). Before each run: View: Close All Editors (closing the panel stops the run) and ` +
        `wait for the run's status-bar item to go, so every run opens a new panel and starts ` +
        `the Lock Demo's Python process. ` +
        `The VS Code server of code-server ${CODE_SERVER_VERSION}, headless Chromium, VSIX ${r.how}; ` +
        `server listening after ${(r.serverMs / 1000).toFixed(1)} s, command in the palette after ` +
        `${(r.readyMs / 1000).toFixed(1)} s; load average ${r.load.toFixed(1)}`,
    };
  },
};

/** The extension's activation time as the real extension host reports it. */
const activation = {
  id: 'vscode.activation-ms',
  target: 50,
  unit: 'ms',
  async run(ctx) {
    const r = await measure(ctx);
    if (r.skipped) return r;
    return {
      measured: r.activation.ms,
      note:
        `"${r.activation.text}" in Developer: Show Running Extensions after the runs: the ` +
        `extension host's codeLoadingTime (require of dist/extension.js, with the l10n bundle ` +
        `load before it) + activateCallTime (the synchronous activate() call), Date.now() ` +
        `resolution; ${r.activation.reason}; load average ${r.load.toFixed(1)}`,
    };
  },
};

export default [paletteToFirstLane, activation];
