// The "Get Started" walkthrough: lessons in the tutorial's order, buttons that name real commands
// and demos with valid parameters, the same buttons in both languages, and small real PNGs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandIds } from '../../src/commandIds';
import { findDemo, parseParam } from '../../src/demos/catalog';
import {
  PICTURE_SOURCES,
  commandLinks,
  parseCommandHref,
  pictureLink,
  readWalkthrough,
} from '../shared/walkthrough';

const root = join(__dirname, '../../..');
const en = readWalkthrough(root);
const zh = readWalkthrough(root, 'zh-cn');
/** Largest step image, so the VSIX stays small (bench row vsix.size, target 1.5 MB). */
const MAX_IMAGE_BYTES = 160_000;

test("steps follow the tutorial's lessons in order", () => {
  assert.deepEqual(
    en.steps.map((s) => s.id),
    ['processes', 'daemons', 'queues', 'locks', 'ticketRace', 'threads'],
  );
  const demos = (id: string) =>
    en.steps
      .find((s) => s.id === id)
      ?.links.flatMap((l) => l.args.filter((a) => typeof a === 'string'));
  assert.deepEqual(demos('processes'), ['processFunction', 'processSubclass']);
  assert.ok(demos('ticketRace')?.includes('ticketWithoutLock'));
  assert.ok(demos('ticketRace')?.includes('lockDemo'));
  assert.equal(findDemo(String(demos('threads')?.[0]))?.group, 'threads');
});

test('every button runs an existing command with catalogue demos and valid parameters', () => {
  const commands = new Set<string>(Object.values(CommandIds));
  for (const step of en.steps) {
    assert.ok(step.links.length >= 1, `${step.id} has no button`);
    for (const link of step.links) {
      assert.ok(commands.has(link.command), `${step.id}: unknown command ${link.command}`);
      const ids = link.args.filter((a): a is string => typeof a === 'string');
      const values = link.args.find((a) => typeof a === 'object' && a !== null) ?? {};
      const wanted = link.command === CommandIds.compare ? 2 : 1;
      assert.equal(ids.length, wanted, `${step.id}: ${link.href}`);
      for (const id of ids) {
        const entry = findDemo(id);
        assert.ok(entry, `${step.id}: unknown demo ${id}`);
        for (const [flag, value] of Object.entries(values)) {
          const param = entry.params.find((p) => p.flag === flag);
          assert.ok(param, `${step.id}: ${id} has no parameter ${flag}`);
          const parsed = parseParam(param, String(value), 'en');
          assert.ok(parsed.ok, `${step.id}: ${id} ${flag}=${value}`);
        }
      }
    }
    assert.match(step.description, /\*\*What to look for:\*\*/, step.id);
  }
});

test('the Chinese steps have the same buttons, in the same order, and their own texts', () => {
  assert.equal(zh.steps.length, en.steps.length);
  en.steps.forEach((s, i) => {
    const z = zh.steps[i];
    assert.deepEqual(
      z.links.map((l) => l.href),
      s.links.map((l) => l.href),
      `step ${s.id}: buttons differ`,
    );
    for (const t of [z.title, z.description, z.altText]) assert.match(t, /[\u4e00-\u9fff]/);
    assert.match(z.description, /\*\*看点：\*\*/, s.id);
    for (const l of z.links) assert.match(l.label, /[\u4e00-\u9fff]/, l.label);
  });
});

test('each button sits alone on its line, so VS Code draws it as a button; no code spans', () => {
  for (const w of [en, zh]) {
    for (const step of w.steps) {
      // The walkthrough page renders **bold** but shows `code` with its backticks.
      assert.ok(!step.description.includes('`'), `${step.id}: backticks show literally`);
      const lines = step.description.split('\n');
      for (const link of step.links)
        assert.ok(lines.includes(`[${link.label}](${link.href})`), `${step.id}: ${link.label}`);
    }
  }
});

test('command links parse like the walkthrough page: encoded or plain JSON, one value or a list', () => {
  assert.deepEqual(parseCommandHref('command:a.b?%5B%22x%22%2C%7B%22--n%22%3A2%7D%5D'), {
    command: 'a.b',
    args: ['x', { '--n': 2 }],
  });
  assert.deepEqual(parseCommandHref('command:a.b?["x"]'), { command: 'a.b', args: ['x'] });
  assert.deepEqual(parseCommandHref('command:a.b?%22x%22'), { command: 'a.b', args: ['x'] });
  assert.deepEqual(parseCommandHref('command:a.b'), { command: 'a.b', args: [] });
  assert.throws(() => parseCommandHref('command:a.b?[oops'), /bad arguments/);
  assert.throws(() => parseCommandHref('https://example.com'), /not a command link/);
  const found = commandLinks(
    'text [Go](command:a.b?%5B1%5D) and [web](https://x.y) [C](command:c)',
  );
  assert.deepEqual(
    found.map((l) => [l.label, l.command, l.args]),
    [
      ['Go', 'a.b', [1]],
      ['C', 'c', []],
    ],
  );
});

test('every step image is a small PNG of a sensible size', () => {
  for (const step of en.steps) {
    assert.match(step.image, /^media\/walkthrough\/[\w-]+\.png$/);
    const png = readFileSync(join(root, step.image));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${step.image} is not a PNG`);
    assert.ok(png.length <= MAX_IMAGE_BYTES, `${step.image}: ${png.length} bytes`);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    assert.ok(width >= 600 && width <= 1400, `${step.image}: ${width} px wide`);
    assert.ok(height >= 200 && height <= 700, `${step.image}: ${height} px high`);
  }
});

test('the VSIX ships the step images (media/ is not in .vscodeignore)', () => {
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(!ignore.some((l) => /^media\b/.test(l.trim())), 'media/ is ignored');
});

test('each picture was made from the link its step has now (else: npm run walkthrough-images)', () => {
  const sources = JSON.parse(readFileSync(join(root, PICTURE_SOURCES), 'utf8')) as Record<
    string,
    string
  >;
  for (const step of en.steps)
    assert.equal(sources[step.id], pictureLink(step.links).href, `${step.id}: picture is stale`);
});
