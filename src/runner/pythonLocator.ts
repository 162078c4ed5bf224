// Finds a usable Python interpreter (3.9+): the setting, else python3, else python on PATH.
import { execFile } from 'node:child_process';

/** Oldest Python the tracer supports. */
export const MIN_PYTHON: [number, number] = [3, 9];

/** A Python found and checked. */
export interface PythonFound {
  ok: true;
  path: string;
  version: string;
}

/** Why no usable Python was found; `tried` lists the commands attempted. */
export interface PythonProblem {
  ok: false;
  reason: 'notFound' | 'tooOld' | 'broken';
  tried: string[];
  detail: string;
}

const PROBE = 'import sys; print("%d.%d.%d" % sys.version_info[:3])';

function probe(cmd: string): Promise<{ version: string } | { error: string; missing: boolean }> {
  return new Promise((resolve) => {
    execFile(cmd, ['-c', PROBE], { timeout: 10000, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        // A path that exists but cannot run (a folder, no execute bit) is broken, not missing.
        const missing = code === 'ENOENT';
        const why = code === 'EACCES' ? `${err.message} (not an executable file)` : err.message;
        resolve({ error: (stderr || why).trim(), missing });
      } else {
        resolve({ version: stdout.trim() });
      }
    });
  });
}

/** True when `version` ("3.11.7") is at least {@link MIN_PYTHON}. */
export function isSupported(version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1]);
}

/** Check the configured interpreter, or look for python3 / python on PATH. */
export async function locatePython(configured: string): Promise<PythonFound | PythonProblem> {
  const candidates = configured.trim() ? [configured.trim()] : ['python3', 'python'];
  let problem: PythonProblem = { ok: false, reason: 'notFound', tried: candidates, detail: '' };
  for (const cmd of candidates) {
    const r = await probe(cmd);
    if ('version' in r && /^\d+\.\d+\.\d+$/.test(r.version)) {
      if (isSupported(r.version)) return { ok: true, path: cmd, version: r.version };
      problem = {
        ok: false,
        reason: 'tooOld',
        tried: candidates,
        detail: `${cmd} is Python ${r.version}`,
      };
    } else if ('error' in r && !r.missing && problem.reason === 'notFound') {
      problem = { ok: false, reason: 'broken', tried: candidates, detail: `${cmd}: ${r.error}` };
    }
  }
  return problem;
}
