// `concurrency-swimlane`: the extension's trace pipeline, headless (for classrooms, CI and bug
// reports). Runs a demo or a file under the tracer and writes .swimlane.jsonl, HTML and Chrome JSON.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { computeFindings } from '../core/findings';
import { buildDemoSpec, DEMOS, findDemo, parseParam, type ParamValue } from '../demos/catalog';
import type { DemoSpec } from '../demos/demoSpec';
import { exportText, type TraceFormat } from '../export/exportFormats';
import { webviewStrings } from '../panel/webviewStrings';
import { locatePython } from '../runner/pythonLocator';
import { RunSession } from '../session/runSession';
import { parseCli, USAGE, type RunRequest } from './cliArgs';

/** The extension's root: dist/cli.js lives in <root>/dist. */
const ROOT = resolve(__dirname, '..');

function demoSpec(req: RunRequest): DemoSpec | null {
  const entry = findDemo(req.target);
  if (!entry) return null;
  const values: Record<string, ParamValue> = {};
  for (const [name, text] of Object.entries(req.params)) {
    const param = entry.params.find((p) => p.flag === `--${name}` || p.flag === name);
    if (!param) {
      const known = entry.params.map((p) => p.flag.replace(/^--/, '')).join(', ') || 'none';
      throw new Error(`demo ${entry.id} has no parameter "${name}" (parameters: ${known})`);
    }
    const parsed = parseParam(param, text, req.lang);
    if (!parsed.ok) throw new Error(`--param ${name}: ${parsed.error}`);
    values[param.flag] = parsed.value;
  }
  return buildDemoSpec(entry, values, req.lang);
}

function fileSpec(req: RunRequest): DemoSpec {
  const file = resolve(req.target);
  if (!/\.pyw?$/i.test(file)) {
    throw new Error(`"${req.target}" is neither a demo id nor a .py file (list demos with: list)`);
  }
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  if (Object.keys(req.params).length)
    throw new Error('--param is for demos; pass program arguments after --');
  const cwd = req.cwd ? resolve(req.cwd) : dirname(file);
  if (!existsSync(cwd) || !statSync(cwd).isDirectory())
    throw new Error(`no such directory: ${cwd}`);
  return {
    id: 'file',
    title: `Trace: ${basename(file)}`,
    script: file,
    files: {},
    args: req.programArgs,
    cwd,
  };
}

async function run(req: RunRequest): Promise<number> {
  const spec = demoSpec(req) ?? fileSpec(req);
  if (req.startMethod) spec.startMethod = req.startMethod;
  if (findDemo(req.target) && req.programArgs.length) spec.args.push(...req.programArgs);
  const python = await locatePython(req.python ?? process.env.SWIMLANE_PYTHON ?? '');
  if (!python.ok) {
    throw new Error(
      `no usable Python (${python.reason}): ${python.detail || `tried ${python.tried.join(', ')}`}`,
    );
  }
  process.stderr.write(`▶ ${spec.title} — Python ${python.version} (${python.path})\n`);
  const session = new RunSession(spec, {
    delta: () => undefined,
    output: (text, source) => {
      if (req.quiet) return;
      (source === 'err' || source === 'stderr' ? process.stderr : process.stdout).write(text);
    },
  });
  const stop = (): void => void session.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await session.start(python.path, ROOT);
  const header = await session.whenEnded();
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  const model = session.model;
  const findings = computeFindings({
    header,
    lanes: model.allLanes(),
    spans: model.allSpans(),
    marks: model.allMarks(),
    lang: req.lang,
  });
  const snapshot = { ...model.snapshot(), header: { ...header, findings } };
  const trace = { title: spec.title, model: snapshot, events: session.events.all() };
  const outputs: [TraceFormat, string | null][] = [
    ['jsonl', req.out],
    ['html', req.html],
    ['chrome', req.chrome],
  ];
  for (const [format, path] of outputs) {
    if (!path) continue;
    const assets =
      format === 'html'
        ? {
            script: readFileSync(join(ROOT, 'dist', 'webview.js'), 'utf8'),
            css: readFileSync(join(ROOT, 'media', 'swimlane.css'), 'utf8'),
            strings: req.lang === 'zh' ? webviewStrings('zh-cn') : webviewStrings('en'),
            lang: req.lang === 'zh' ? 'zh-cn' : 'en',
          }
        : undefined;
    writeFileSync(path, exportText(format, trace, assets));
    process.stderr.write(`  wrote ${path}\n`);
  }
  const secs = (header.duration / 1e9).toFixed(2);
  process.stderr.write(
    `■ ${header.state}${header.error ? `: ${header.error}` : ''} — ${secs} s, ${header.processes} processes, ${header.events} events${header.badFrames ? `, ${header.badFrames} bad frames` : ''}${session.events.dropped ? `, ${session.events.dropped} events not kept` : ''}\n`,
  );
  for (const f of findings) process.stderr.write(`  • ${f}\n`);
  return header.state === 'finished' ? 0 : 1;
}

/** Entry point; resolves with the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let req;
  try {
    req = parseCli(argv);
  } catch (err) {
    process.stderr.write(`concurrency-swimlane: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (req.command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (req.command === 'list') {
    for (const d of DEMOS) process.stdout.write(`${d.id.padEnd(24)} ${d.title.en}\n`);
    return 0;
  }
  try {
    return await run(req);
  } catch (err) {
    process.stderr.write(`concurrency-swimlane: ${(err as Error).message}\n`);
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
