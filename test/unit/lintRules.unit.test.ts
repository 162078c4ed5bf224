// Each of the nine lint rules on a positive fixture (exact diagnostics, field by field) and a
// negative one (no diagnostics): test/fixtures/lint/<rule>.py and <rule>_ok.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertDiagnostics, fixture, lint, type Expected } from './lintHarness';

const w = (
  range: Expected['range'],
  code: Expected['code'],
  message: string,
  severity: Expected['severity'] = 'warning',
): Expected => ({ range, code, severity, message });

const NOT_EVERY_PATH = (why: string): string =>
  `lock.acquire() is not followed by lock.release() on every path (${why}): the lock can stay held. Use a with lock: block.`;
const GUARD =
  " runs at module level without if __name__ == '__main__': under spawn and forkserver each child re-imports this file and fails.";
const RACE = (what: string, fn: string, kind: string): string =>
  `${what} is read, changed and written back without a lock, in ${fn}, which runs in several ${kind} at once: the ticket race. Wrap it in a with lock: block.`;

const POSITIVE: Record<string, Expected[]> = {
  'args_not_tuple.py': [
    w(
      [10, 34, 10, 42],
      'args-not-tuple',
      "args=('egon') is not a tuple: the parentheses only group. Add a comma: args=('egon',).",
      'error',
    ),
    w(
      [11, 33, 11, 36],
      'args-not-tuple',
      'args=(p) is not a tuple: the parentheses only group. Add a comma: args=(p,).',
      'error',
    ),
  ],
  'daemon_after_start.py': [
    w(
      [12, 4, 12, 19],
      'daemon-after-start',
      'p.daemon is set after p.start(): it must be set before start(), else it raises.',
      'error',
    ),
    w(
      [15, 4, 15, 21],
      'daemon-after-start',
      't.daemon is set after t.start(): it must be set before start(), else it raises.',
      'error',
    ),
  ],
  'main_guard.py': [
    w([9, 4, 9, 35], 'start-without-main-guard', `mp.Process(target=work).start()${GUARD}`),
    w([11, 0, 11, 9], 'start-without-main-guard', `p.start()${GUARD}`),
  ],
  'daemon_children.py': [
    w(
      [10, 4, 10, 13],
      'daemon-starts-children',
      'child runs in the daemon process p, which may not start processes: AssertionError (daemonic processes are not allowed to have children).',
      'error',
    ),
  ],
  'daemon_children_pool.py': [
    w(
      [6, 13, 6, 20],
      'daemon-starts-children',
      'run runs in the daemon process b, which may not start processes: AssertionError (daemonic processes are not allowed to have children).',
      'error',
    ),
  ],
  'acquire_release.py': [
    w([8, 4, 8, 18], 'acquire-without-release', NOT_EVERY_PATH('return on line 10 skips it')),
    w(
      [16, 4, 16, 18],
      'acquire-without-release',
      NOT_EVERY_PATH('released only on some paths, line 19'),
    ),
    w([25, 4, 25, 18], 'acquire-without-release', NOT_EVERY_PATH('never released here')),
  ],
  'race_file.py': [
    w([6, 4, 9, 43], 'unlocked-read-modify-write', RACE("the file 'db.txt'", 'buy', 'processes')),
  ],
  'race_threads.py': [
    w([10, 4, 11, 20], 'unlocked-read-modify-write', RACE('tickets', 'buy', 'threads')),
    w([15, 4, 15, 22], 'unlocked-read-modify-write', RACE('counter.value', 'sell', 'processes')),
  ],
  'attr_before_super.py': [
    w(
      [7, 8, 7, 17],
      'attribute-before-super-init',
      "self.name is assigned before super().__init__(): Process.__init__ then overwrites it (the tutorial's self.name). Call super().__init__() first.",
    ),
    w(
      [8, 8, 8, 14],
      'attribute-before-super-init',
      'self.n is assigned before super().__init__(): until then the object is only half set up. Call super().__init__() first.',
    ),
    w(
      [14, 8, 14, 18],
      'attribute-before-super-init',
      'self.count is assigned before super().__init__(): until then the object is only half set up. Call super().__init__() first.',
    ),
  ],
  'endless_consumer.py': [
    w(
      [6, 15, 6, 22],
      'endless-consumer',
      'q.get() in while True with no sentinel, break or timeout, in consume; c.join() waits for it forever.',
    ),
  ],
  'lock_order.py': [
    w(
      [9, 13, 9, 14],
      'lock-order-inversion',
      'transfer takes b while holding a, but refund takes a while holding b: lock-order inversion, a deadlock risk.',
    ),
    w(
      [15, 4, 15, 15],
      'lock-order-inversion',
      'refund takes a while holding b, but transfer takes b while holding a: lock-order inversion, a deadlock risk.',
    ),
  ],
};

const NEGATIVE = [
  'args_not_tuple_ok.py',
  'daemon_after_start_ok.py',
  'main_guard_ok.py',
  'daemon_children_ok.py',
  'acquire_release_ok.py',
  'race_threads_ok.py',
  'attr_before_super_ok.py',
  'endless_consumer_ok.py',
  'lock_order_ok.py',
];

for (const [file, expected] of Object.entries(POSITIVE)) {
  test(`lint positive ${file}: ${expected.map((e) => e.code).join(', ')}`, async () => {
    assertDiagnostics(await lint(fixture(`lint/${file}`)), expected, file);
  });
}

for (const file of NEGATIVE) {
  test(`lint negative ${file}: no diagnostics`, async () => {
    assertDiagnostics(await lint(fixture(`lint/${file}`)), [], file);
  });
}

test('every rule has a Chinese message on its positive fixture', async () => {
  for (const file of Object.keys(POSITIVE)) {
    const en = await lint(fixture(`lint/${file}`), 'en');
    const zh = await lint(fixture(`lint/${file}`), 'zh');
    assert.equal(zh.length, en.length, file);
    zh.forEach((d, i) => {
      assert.equal(d.ruleId, en[i].ruleId);
      assert.notEqual(d.message, en[i].message, `${file} #${i} is not translated`);
      assert.match(d.message, /[\u4e00-\u9fff]/, `${file} #${i} has no Chinese`);
      assert.doesNotMatch(d.message, /\{\w+\}/, `${file} #${i} has an unfilled placeholder`);
    });
  }
});
