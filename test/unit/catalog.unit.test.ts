// Unit tests of the demo catalogue: scripts exist, ids unique, both languages, parameters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMOS,
  DEMO_GROUPS,
  GROUP_TITLES,
  buildArgs,
  buildDemoSpec,
  demosIn,
  findDemo,
  langOf,
  parseParam,
} from '../../src/demos/catalog';
import { COMPARE_WITH } from '../../src/demos/comparePairs';

const root = join(__dirname, '../../..');

test('every demo script exists and declares its parameters with argparse', () => {
  for (const d of DEMOS) {
    const path = join(root, 'src/python/scenarios', d.script);
    assert.ok(existsSync(path), `${d.id}: ${d.script} missing`);
    const code = readFileSync(path, 'utf8');
    for (const p of d.params)
      assert.ok(code.includes(`'${p.flag}'`), `${d.script} lacks ${p.flag}`);
    assert.ok(!/piao/i.test(code), `${d.script} keeps a tutorial name`);
  }
});

test('ids are unique and every group has demos', () => {
  const ids = DEMOS.map((d) => d.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const g of DEMO_GROUPS) assert.ok(demosIn(g).length >= 5, g);
  assert.ok(DEMOS.length >= 21);
  assert.equal(findDemo('lockDemo')?.script, 'lock_demo.py');
});

test('titles, what to watch for, group and parameter labels exist in English and Chinese', () => {
  const both = (l: { en: string; zh: string }, what: string) => {
    assert.ok(l.en.trim().length > 0, `${what} en`);
    assert.ok(/[\u4e00-\u9fff]/.test(l.zh), `${what} zh`);
  };
  for (const g of DEMO_GROUPS) both(GROUP_TITLES[g], g);
  for (const d of DEMOS) {
    both(d.title, `${d.id} title`);
    both(d.watch, `${d.id} watch`);
    for (const p of d.params) both(p.label, `${d.id} ${p.flag}`);
  }
});

test('defaults are the tutorial values and inside their ranges', () => {
  const lock = findDemo('lockDemo');
  assert.ok(lock);
  assert.deepEqual(buildArgs(lock), ['--clients', '100', '--time-scale', '1']);
  const queue = findDemo('processQueue');
  assert.ok(queue);
  assert.deepEqual(buildArgs(queue).slice(2, 4), ['--maxsize', '10000']);
  assert.ok(!buildArgs(queue).includes('--endless'));
  assert.ok(buildArgs(queue, { '--endless': true }).includes('--endless'));
  for (const d of DEMOS)
    for (const p of d.params)
      if (p.kind !== 'boolean') assert.ok(p.default >= p.min && p.default <= p.max, p.flag);
});

test('a spec carries script path, files, ticket rules and the localised title', () => {
  const race = findDemo('ticketWithoutLock');
  assert.ok(race);
  const spec = buildDemoSpec(race, { '--clients': 7, '--time-scale': 0.5 }, 'zh');
  assert.equal(spec.script, 'src/python/scenarios/ticket_without_lock.py');
  assert.deepEqual(spec.args, ['--clients', '7', '--time-scale', '0.5']);
  assert.deepEqual(spec.files, { 'db.txt': '{"count": 1}' });
  assert.equal(spec.ticketsAvailable, 1);
  assert.equal(spec.title, race.title.zh);
  // Out-of-range values are clamped, integers rounded.
  assert.deepEqual(buildArgs(race, { '--clients': 9999.4 }).slice(0, 2), ['--clients', '500']);
});

test('parameter parsing validates type and range in both languages', () => {
  const clients = findDemo('lockDemo')?.params[0];
  assert.ok(clients);
  assert.deepEqual(parseParam(clients, ' 20 ', 'en'), { ok: true, value: 20 });
  const bad = parseParam(clients, '2.5', 'en');
  assert.equal(bad.ok, false);
  assert.ok(!bad.ok && bad.error.includes('1 to 500'));
  const zh = parseParam(clients, '0', 'zh');
  assert.ok(!zh.ok && /[\u4e00-\u9fff]/.test(zh.error));
  assert.equal(parseParam(clients, 'abc', 'en').ok, false);
  const endless = findDemo('processQueue')?.params[2];
  assert.ok(endless);
  assert.deepEqual(parseParam(endless, 'yes', 'en'), { ok: true, value: true });
  assert.equal(parseParam(endless, 'maybe', 'en').ok, false);
  assert.equal(langOf('zh-cn'), 'zh');
  assert.equal(langOf('en-us'), 'en');
});

test('every compare suggestion names two catalogue demos', () => {
  for (const [a, b] of Object.entries(COMPARE_WITH)) {
    assert.ok(findDemo(a), a);
    assert.ok(findDemo(b), b);
    assert.notEqual(a, b);
  }
});
