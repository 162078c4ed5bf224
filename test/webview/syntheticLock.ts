// Synthetic Lock Demo run (the tutorial's ticket race with a Lock) fed through the real TraceModel,
// batched into host → webview messages the way the panel posts them. Used by the webview tests
// and to (re)write test/fixtures/synthetic-lock.delta.json:
//   npx esbuild test/webview/syntheticLock.ts --bundle --platform=node --format=cjs \
//     --outfile=out/synth.js && node -e "require('./out/synth.js').writeFixture()"
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TraceEvent } from '../../src/core/events';
import { TraceModel } from '../../src/core/traceModel';
import type { HostToWebview } from '../../src/shared/webviewProtocol';

const MS = 1_000_000;
const T0 = 7_000_000_000_000;
const MAIN = 40_000;
const LOCK = { id: 'lock-1', kind: 'Lock', label: 'Lock@0x7f3a2c' } as const;

/** Tracer events of a traced Lock Demo with `clients` processes racing for one ticket. */
export function lockDemoEvents(clients: number): TraceEvent[] {
  const ev: TraceEvent[] = [];
  const base = { tid: 1 };
  const at = (ms: number): number => Math.round(T0 + ms * MS);
  ev.push({
    ...base,
    k: 'hello',
    t: at(0),
    pid: MAIN,
    v: 1,
    py: '3.11.2',
    tracer: '0.1.0',
    method: 'fork',
    argv: ['lock_demo.py'],
    wall: 1.8e9,
    ppid: 1,
    main: true,
  });
  let lockFree = 0;
  let tickets = 1;
  let lastEnd = 0;
  const starts = Array.from({ length: clients }, (_, i) => 2 + i * 0.9);
  for (let i = 0; i < clients; i++) {
    const pid = MAIN + 1 + i;
    ev.push({
      ...base,
      k: 'proc.spawn',
      t: at(starts[i]),
      pid: MAIN,
      child: pid,
      name: `Process-${i + 1}`,
      daemon: false,
      target: 'task',
    });
  }
  ev.push({ ...base, k: 'main.done', t: at(starts[clients - 1] + 1.5), pid: MAIN });
  const waits: { pid: number; t: number }[] = [];
  for (let i = 0; i < clients; i++) {
    const pid = MAIN + 1 + i;
    const b = starts[i] + 6 + (i % 7) * 0.4;
    ev.push({
      ...base,
      k: 'hello',
      t: at(b),
      pid,
      v: 1,
      py: '3.11.2',
      tracer: '0.1.0',
      method: 'fork',
      argv: ['lock_demo.py'],
      wall: 1.8e9,
      ppid: MAIN,
      main: false,
    });
    ev.push({
      ...base,
      k: 'proc.begin',
      t: at(b + 0.05),
      pid,
      name: `Process-${i + 1}`,
      daemon: false,
      ppid: MAIN,
    });
    ev.push({ ...base, k: 'io.read', t: at(b + 0.4), pid, path: 'db.txt', preview: '{"count":1}' });
    ev.push({
      ...base,
      k: 'out',
      t: at(b + 0.6),
      pid,
      stream: 'out',
      text: '\x1b[43m剩余票数1\x1b[0m\n',
    });
    ev.push({ ...base, ...LOCK, k: 'lock.wait', t: at(b + 0.8), pid });
    waits.push({ pid, t: b + 0.8 });
  }
  waits.sort((a, b) => a.t - b.t);
  for (const w of waits) {
    const got = Math.max(w.t + 0.05, lockFree);
    ev.push({
      ...base,
      ...LOCK,
      k: 'lock.acquired',
      t: at(got),
      pid: w.pid,
      waited: Math.round((got - w.t) * MS),
    });
    ev.push({
      ...base,
      k: 'io.read',
      t: at(got + 0.2),
      pid: w.pid,
      path: 'db.txt',
      preview: `{"count":${tickets}}`,
    });
    ev.push({ ...base, k: 'sleep', t: at(got + 0.3), pid: w.pid, secs: 0.1 });
    ev.push({ ...base, k: 'sleep.end', t: at(got + 100.4), pid: w.pid });
    let t = got + 100.5;
    if (tickets > 0) {
      tickets--;
      ev.push({ ...base, k: 'sleep', t: at(t), pid: w.pid, secs: 0.2 });
      ev.push({ ...base, k: 'sleep.end', t: at(t + 200.2), pid: w.pid });
      ev.push({
        ...base,
        k: 'io.write',
        t: at(t + 200.5),
        pid: w.pid,
        path: 'db.txt',
        preview: '{"count": 0}',
      });
      ev.push({
        ...base,
        k: 'out',
        t: at(t + 200.8),
        pid: w.pid,
        stream: 'out',
        text: '\x1b[43m购票成功\x1b[0m\n',
      });
      t += 201;
    }
    ev.push({ ...base, ...LOCK, k: 'lock.release', t: at(t + 0.1), pid: w.pid });
    ev.push({ ...base, k: 'proc.end', t: at(t + 1.2), pid: w.pid, code: 0 });
    lockFree = t + 0.15;
    lastEnd = Math.max(lastEnd, t + 1.2);
  }
  ev.push({ ...base, k: 'proc.end', t: at(lastEnd + 2), pid: MAIN, code: 0 });
  return ev.sort((a, b) => a.t - b.t);
}

/** The messages a panel would post for that run: a delta per 50 ms of trace time, then the end. */
export function lockDemoMessages(clients: number): HostToWebview[] {
  const model = new TraceModel({
    title: `Lock Demo — ${clients} clients`,
    ticketsAvailable: 1,
    successText: '购票成功',
  });
  const out: HostToWebview[] = [];
  let next = 0;
  for (const e of lockDemoEvents(clients)) {
    if (e.t - T0 >= next && model.getHeader().events > 0) {
      out.push({ type: 'delta', ...model.takeDelta() });
      next = e.t - T0 + 50 * MS;
    }
    model.apply(e);
    if (model.getHeader().state === 'starting') model.setState('running');
  }
  model.setState('finished');
  out.push({ type: 'delta', ...model.takeDelta() });
  return out;
}

/** Write the 10-client run to test/fixtures/synthetic-lock.delta.json (run from the repo root). */
export function writeFixture(): void {
  const file = join(process.cwd(), 'test', 'fixtures', 'synthetic-lock.delta.json');
  writeFileSync(file, `${JSON.stringify(lockDemoMessages(10), null, 1)}\n`);
}
