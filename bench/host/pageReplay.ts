// Bench tool: the page's cost of a run's deltas without the host or the child. Posts the
// deltas of a file (one JSON message per line, as deltaHash.ts --dump writes them) to the real
// webview in headless Chromium the way pipeline.ts does (each after the previous was
// delivered; with PACE_MS, that many ms after it was drawn), waits until the last one was drawn,
// and prints the page's main-thread busy time (CDP TaskDuration), the CPU time of Chromium's
// renderer and other processes (procCpu.ts), and wall time; with a third
// argument, also writes the page's CPU profile of the first round.
// Usage: [PACE_MS=n] node pageReplay.cjs DELTAS.jsonl [rounds] [profile.cpuprofile]
import { readFileSync } from 'node:fs';
import { launch, openWebview } from '../../test/webview/harness';
import { descendantsMs } from './procCpu';
import { drawLog, startProfile, taskSeconds, webviewPost } from './pageDelivery';

const [file, roundsArg, profile] = process.argv.slice(2);
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);

async function main(): Promise<void> {
  const browser = await launch();
  for (let round = 0; round < Number(roundsArg ?? 3); round++) {
    const page = await openWebview(browser);
    const post = await webviewPost(page);
    const prof = profile && round === 0 ? await startProfile(page) : null;
    const task = await taskSeconds(page);
    const cpu0 = descendantsMs();
    const t0 = performance.now();
    const pace = Number(process.env.PACE_MS ?? 0);
    for (let i = 0; i < lines.length; i++) {
      await post(lines[i]);
      if (pace) {
        await drawLog(page, i + 1);
        await new Promise((r) => setTimeout(r, pace));
      }
    }
    await drawLog(page, lines.length);
    const wall = performance.now() - t0;
    const pageMs = ((await task.read()) - task.start) * 1000;
    const cpu1 = descendantsMs();
    if (prof && profile) await prof.stop(profile);
    if (page.errors.length) throw new Error(page.errors.slice(0, 3).join(' | '));
    const renderer = cpu1.renderer - cpu0.renderer; // CPU of the page's process (all threads)
    const other = cpu1.other - cpu0.other; // Chromium's browser, GPU and utility processes
    const out = { pageMs: Math.round(pageMs), renderer, other, wall: Math.round(wall) };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    await page.close();
  }
  await browser.close();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
