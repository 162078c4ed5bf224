// Bench tool (equivalence check for host and delta-format changes): replays a recorded trace like
// replay.ts, posts each delta through JSON into the webview's validator and Store (as the page
// does), and prints SHA-256 hashes of: the deltas as objects (unpacked), the wire JSON, the final
// host snapshot and the Store's final snapshot (with a fake clock: the same in every run); with
// DUMP, also writes the messages to that file (one JSON message per line, for pageReplay.ts).
// Usage: [DUMP=out.jsonl] node deltaHash.cjs FILE [every]
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { TraceFeed } from '../../src/core/traceFeed';
import { TraceModel } from '../../src/core/traceModel';
import { FindingsFeed } from '../../src/features/findingsFeed';
import { packDelta, unpackDelta } from '../../src/shared/packedDelta';
import type { PackedDelta } from '../../src/shared/webviewProtocol';
import { Store } from '../../webview/store';
import { parseHostMessage } from '../../webview/validate';

const [file, everyArg] = process.argv.slice(2);
// A clock that moves 300 ms per delta: the findings (recomputed at most every 250 ms) are then
// computed for every delta, the same in every run.
let clock = 0;
Date.now = () => clock;
const data = readFileSync(file);
const every = Number(everyArg ?? 4096);
const model = new TraceModel({ title: 'replay' });
model.setState('running'); // as RunSession does once the child started
const feed = new TraceFeed(model, () => undefined);
const findings = new FindingsFeed(model, 'en');
const store = new Store();
const objects = createHash('sha256');
const wire = createHash('sha256');
let deltas = 0;
let bytes = 0;
const dump = process.env.DUMP;
if (dump) writeFileSync(dump, '');
const post = (): void => {
  clock += 300;
  const json = JSON.stringify({ type: 'packed', ...packDelta(findings.delta(model.takeDelta())) });
  if (dump) appendFileSync(dump, `${json}\n`);
  deltas++;
  bytes += json.length;
  wire.update(json);
  const msg = parseHostMessage(JSON.parse(json), (w) => {
    throw new Error(w);
  });
  if (msg?.type !== 'packed') throw new Error('not a packed delta');
  const packed: PackedDelta = msg;
  objects.update(JSON.stringify(unpackDelta(packed)));
  store.applyPacked(packed);
};
let next = every;
for (let i = 0; i < data.length; i += 65536) {
  feed.pushStdout(data.subarray(i, i + 65536));
  if (model.getHeader().events >= next) {
    next += every;
    post();
  }
}
feed.end();
model.setState('finished');
post();
const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);
process.stdout.write(
  `${JSON.stringify({
    deltas,
    bytes,
    objects: objects.digest('hex').slice(0, 16),
    wire: wire.digest('hex').slice(0, 16),
    host: hash(JSON.stringify(model.snapshot())),
    store: hash(JSON.stringify(store.snapshot())),
    storeSize: store.size(),
  })}\n`,
);
