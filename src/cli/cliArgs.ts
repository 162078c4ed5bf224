// Command line of `concurrency-swimlane`: parsed into a typed request, with clear usage errors.
// Pure.

/** Usage text printed by `--help` and after a usage error. */
export const USAGE = `Usage:
  concurrency-swimlane run <demo-id | file.py> [options] [-- program arguments]
  concurrency-swimlane list

Runs a demo or your own Python file under the swimlane tracer, headless, and writes the trace.

Options of run:
  --out FILE          raw event stream (.swimlane.jsonl)
  --html FILE         standalone HTML view (one offline file)
  --chrome FILE       Chrome Trace Event JSON (opens in Perfetto)
  --param NAME=VALUE  demo parameter, repeatable (e.g. --param clients=10)
  --python PATH       Python 3.9+ (default: $SWIMLANE_PYTHON, then python3, python)
  --start-method M    multiprocessing start method: fork, spawn or forkserver
  --cwd DIR           working directory of a file (default: the file's folder)
  --lang en|zh        language of titles, findings and the HTML view (default: en)
  --quiet             do not echo the program's output
  -h, --help          this text
`;

/** A parsed `run` request. */
export interface RunRequest {
  command: 'run';
  target: string;
  out: string | null;
  html: string | null;
  chrome: string | null;
  params: Record<string, string>;
  python: string | null;
  startMethod: 'fork' | 'spawn' | 'forkserver' | null;
  cwd: string | null;
  lang: 'en' | 'zh';
  quiet: boolean;
  programArgs: string[];
}

/** What the command line asks for. */
export type CliRequest = RunRequest | { command: 'list' } | { command: 'help' };

const VALUE_OPTIONS = new Set([
  '--out',
  '--html',
  '--chrome',
  '--param',
  '--python',
  '--start-method',
  '--cwd',
  '--lang',
]);

/** Parse argv (without node and the script); throws an Error with a clear message on misuse. */
export function parseCli(argv: readonly string[]): CliRequest {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help'))
    return { command: 'help' };
  const [command, ...rest] = argv;
  if (command === 'list') return { command: 'list' };
  if (command !== 'run') throw new Error(`unknown command "${command}" (expected run or list)`);
  const req: RunRequest = {
    command: 'run',
    target: '',
    out: null,
    html: null,
    chrome: null,
    params: {},
    python: null,
    startMethod: null,
    cwd: null,
    lang: 'en',
    quiet: false,
    programArgs: [],
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--') {
      req.programArgs.push(...rest.slice(i + 1));
      break;
    }
    if (a === '--quiet') {
      req.quiet = true;
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') throw new Error(`${name} needs a value`);
      setOption(req, name, value);
    } else if (a.startsWith('-')) {
      throw new Error(`unknown option ${a}`);
    } else if (!req.target) {
      req.target = a;
    } else {
      req.programArgs.push(a);
    }
  }
  if (!req.target) throw new Error('run needs a demo id or a Python file');
  return req;
}

function setOption(req: RunRequest, name: string, value: string): void {
  switch (name) {
    case '--out':
      req.out = value;
      break;
    case '--html':
      req.html = value;
      break;
    case '--chrome':
      req.chrome = value;
      break;
    case '--python':
      req.python = value;
      break;
    case '--cwd':
      req.cwd = value;
      break;
    case '--param': {
      const m = /^-{0,2}([\w-]+)=(.*)$/.exec(value);
      if (!m) throw new Error(`--param needs NAME=VALUE, got "${value}"`);
      req.params[m[1]] = m[2];
      break;
    }
    case '--start-method':
      if (value !== 'fork' && value !== 'spawn' && value !== 'forkserver') {
        throw new Error(`--start-method must be fork, spawn or forkserver, got "${value}"`);
      }
      req.startMethod = value;
      break;
    case '--lang':
      if (!/^(en|zh)/i.test(value)) throw new Error(`--lang must be en or zh, got "${value}"`);
      req.lang = value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
      break;
  }
}
