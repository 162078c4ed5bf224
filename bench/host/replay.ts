// Bench entry (bundled for Node by bench/rows/host.mjs): the host pipeline's CPU cost alone.
// A recorded trace file is fed in 64 KB chunks (as a pipe delivers them) through the real
// TraceFeed → TraceModel, with a delta taken every `every` events (≈ 60 per second at 250k
// events/s), given its findings and serialized to JSON like VS Code's postMessage. No child
// process, no scheduling: events per CPU-second of this loop. Prints one JSON result line.
// Usage: node replay.cjs FILE [every]
import { readFileSync } from 'node:fs';
import { TraceFeed } from '../../src/core/traceFeed';
import { TraceModel } from '../../src/core/traceModel';
import { FindingsFeed } from '../../src/features/findingsFeed';
import { packDelta } from '../../src/shared/packedDelta';

const [file, everyArg] = process.argv.slice(2);
const data = readFileSync(file);
const every = Number(everyArg ?? 4096);
const model = new TraceModel({ title: 'replay' });
const feed = new TraceFeed(model, () => undefined);
const findings = new FindingsFeed(model, 'en');
let bytes = 0;
let next = every;
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let i = 0; i < data.length; i += 65536) {
  feed.pushStdout(data.subarray(i, i + 65536));
  if (model.getHeader().events >= next) {
    next += every;
    bytes += JSON.stringify({
      type: 'packed',
      ...packDelta(findings.delta(model.takeDelta())),
    }).length;
  }
}
feed.end();
model.setState('finished');
bytes += JSON.stringify({ type: 'packed', ...packDelta(findings.delta(model.takeDelta())) }).length;
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
const h = model.getHeader();
process.stdout.write(
  `${JSON.stringify({ events: h.events, ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes, dropped: h.dropped })}\n`,
);
