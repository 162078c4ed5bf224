// Every user-facing string exists in English and Simplified Chinese: manifest, runtime, webview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ZH_CN } from '../../src/panel/webviewStrings';
import { DEFAULT_STRINGS } from '../../webview/strings';

const root = join(__dirname, '../../..');
const json = (p: string): Record<string, string> => JSON.parse(readFileSync(join(root, p), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('package.nls.json and package.nls.zh-cn.json have the same keys, all used ones present', () => {
  const en = json('package.nls.json');
  const zh = json('package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const used = [...readFileSync(join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map(
    (m) => m[1],
  );
  assert.ok(used.length >= 5);
  for (const key of used)
    assert.ok(key in en, `package.json uses %${key}% but package.nls.json lacks it`);
  for (const [k, v] of Object.entries(zh)) assert.notEqual(v, en[k], `${k} is not translated`);
});

/** The parts of package.json that hold user-facing strings. */
interface Manifest {
  displayName: string;
  description: string;
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: {
      title: string;
      properties: Record<string, { description?: string; markdownDescription?: string }>;
    };
    viewsContainers: { activitybar: { id: string; title: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    walkthroughs: {
      id: string;
      title: string;
      description: string;
      steps: { id: string; title: string; description: string; media: { altText: string } }[];
    }[];
  };
}

/** Every user-facing string of the manifest, by where it sits (commands, settings, views,
 *  walkthrough). */
function manifestStrings(pkg: Manifest): [string, string][] {
  const c = pkg.contributes;
  const out: [string, string][] = [
    ['displayName', pkg.displayName],
    ['description', pkg.description],
    ['configuration.title', c.configuration.title],
  ];
  for (const cmd of c.commands) {
    out.push([`${cmd.command}.title`, cmd.title], [`${cmd.command}.category`, cmd.category]);
  }
  for (const [key, prop] of Object.entries(c.configuration.properties))
    out.push([key, prop.markdownDescription ?? prop.description ?? '']);
  for (const vc of c.viewsContainers.activitybar) out.push([`viewsContainer ${vc.id}`, vc.title]);
  for (const views of Object.values(c.views))
    for (const v of views) out.push([`view ${v.id}`, v.name]);
  for (const w of c.walkthroughs) {
    out.push(
      [`walkthrough ${w.id}.title`, w.title],
      [`walkthrough ${w.id}.description`, w.description],
    );
    for (const st of w.steps) {
      out.push(
        [`step ${st.id}.title`, st.title],
        [`step ${st.id}.description`, st.description],
        [`step ${st.id}.altText`, st.media.altText],
      );
    }
  }
  return out;
}

test('every command, setting, view and walkthrough string is a %key% present in both locales', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  const en = json('package.nls.json');
  const zh = json('package.nls.zh-cn.json');
  const strings = manifestStrings(pkg);
  assert.ok(strings.length >= 30, `found ${strings.length} strings`);
  for (const [where, value] of strings) {
    const key = /^%([^%]+)%$/.exec(value ?? '')?.[1];
    assert.ok(key, `${where} is not localised: ${JSON.stringify(value)}`);
    assert.ok(en[key]?.trim(), `${where}: package.nls.json lacks ${key}`);
    assert.ok(zh[key]?.trim(), `${where}: package.nls.zh-cn.json lacks ${key}`);
    assert.match(zh[key], /[\u4e00-\u9fff]/, `${where}: ${key} has no Chinese`);
  }
});

test('every vscode.l10n.t() message in src/ has a Chinese translation', () => {
  const zh = json('l10n/bundle.l10n.zh-cn.json');
  const messages = new Set<string>();
  for (const file of sources(join(root, 'src'))) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g))
      messages.add(m[1].replace(/\\'/g, "'"));
  }
  assert.ok(messages.size >= 5, `found ${messages.size} messages`);
  for (const msg of messages) assert.ok(msg in zh, `missing zh-cn translation: ${msg}`);
});

test('every webview string has a Chinese translation', () => {
  assert.deepEqual(Object.keys(ZH_CN).sort(), Object.keys(DEFAULT_STRINGS).sort());
});
