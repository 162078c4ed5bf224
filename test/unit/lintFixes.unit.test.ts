// Quick fixes: `with lock:` for rules 5 and 6, the missing comma for rule 1. Each fix is applied
// to the fixture text; the result must parse cleanly and no longer show that finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixture, lint, pythonParser } from './lintHarness';

async function parsesCleanly(text: string): Promise<boolean> {
  const tree = (await pythonParser()).parse(text);
  const ok = !!tree && !tree.rootNode.hasError;
  tree?.delete();
  return ok;
}

test("rule 6 fix on the tutorial's ticket program wraps get() in with lock:", async () => {
  const text = fixture('tutorial/ticket_without_lock.py');
  const [d] = await lint(text);
  assert.equal(d.fix?.title, 'Wrap in with lock:');
  const fixed = applyEdits(text, d.fix!.edits);
  const lines = fixed.split('\n');
  assert.deepEqual(lines.slice(17, 22), [
    'def task(lock):',
    '    search()',
    '    with lock:',
    '        get()',
    "if __name__ == '__main__':",
  ]);
  assert.equal(lines.length, text.split('\n').length + 1);
  assert.ok(await parsesCleanly(fixed));
  assert.deepEqual(await lint(fixed), []);
});

test('rule 6 fix wraps the whole read-check-write, and uses get_lock() for a Value', async () => {
  const text = fixture('lint/race_file.py');
  const [d] = await lint(text);
  const fixed = applyEdits(text, d.fix!.edits);
  assert.deepEqual(fixed.split('\n').slice(4, 10), [
    'def buy(lock):',
    '    with lock:',
    "        dic = json.load(open('db.txt'))",
    "        if dic['count'] > 0:",
    "            dic['count'] -= 1",
    "            json.dump(dic, open('db.txt', 'w'))",
  ]);
  assert.deepEqual(await lint(fixed), []);

  const threads = fixture('lint/race_threads.py');
  const found = await lint(threads);
  assert.deepEqual(
    found.map((f) => f.fix?.title),
    ['Wrap in with lock:', 'Wrap in with counter.get_lock():'],
  );
  let t = threads;
  for (const f of [...found].reverse()) t = applyEdits(t, f.fix!.edits);
  assert.ok(await parsesCleanly(t));
  assert.deepEqual(await lint(t), []);
});

test('rule 5 fixes: each turns acquire()…release() into with lock: and clears its finding', async () => {
  const text = fixture('lint/acquire_release.py');
  const found = await lint(text);
  assert.equal(found.length, 3);
  for (const [i, f] of found.entries()) {
    assert.equal(f.ruleId, 'acquire-without-release');
    const fixed = applyEdits(text, f.fix!.edits);
    assert.ok(await parsesCleanly(fixed), `fix ${i} parses`);
    assert.doesNotMatch(fixed.split('\n')[f.range.start.line], /acquire/, `fix ${i}`);
    const after = await lint(fixed);
    assert.equal(after.length, 2, `fix ${i} leaves the other two`);
  }
  const early = applyEdits(text, found[0].fix!.edits).split('\n');
  assert.deepEqual(early.slice(6, 12), [
    'def early_return(x):',
    '    with lock:',
    '        if x is None:',
    '            return',
    '        items.append(x)',
    '',
  ]);
  const some = applyEdits(text, found[1].fix!.edits);
  assert.doesNotMatch(some, /lock\.release\(\)\n {8}else/, 'the branch release is removed');
});

test('rule 1 fix adds the comma; titles are in Chinese too', async () => {
  const text = fixture('lint/args_not_tuple.py');
  const found = await lint(text);
  let fixed = text;
  for (const f of [...found].reverse()) fixed = applyEdits(fixed, f.fix!.edits);
  assert.match(fixed, /args=\('egon',\)/);
  assert.match(fixed, /args=\(p,\)/);
  assert.deepEqual(await lint(fixed), []);
  const zh = await lint(text, 'zh');
  assert.equal(zh[0].fix?.title, '加上逗号：写成元组');
  const zhLock = await lint(fixture('tutorial/ticket_without_lock.py'), 'zh');
  assert.equal(zhLock[0].fix?.title, '用 with lock: 包起来');
});
