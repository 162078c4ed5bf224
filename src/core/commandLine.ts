// Pure helpers for running a user's file: split an argument line the way a POSIX shell would
// (quotes and backslashes, no expansion) and resolve the configured working directory.
import { isAbsolute, resolve } from 'node:path';

/** Split `line` into arguments; throws on an unclosed quote. */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) cur += line[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
    }
  }
  if (quote) throw new Error(`unclosed ${quote} quote`);
  if (has || cur) out.push(cur);
  return out;
}

/** Quote arguments for display in an input box (inverse of {@link splitArgs}). */
export function joinArgs(args: readonly string[]): string {
  return args
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

/** Where the file's folder and the workspace are, for `${...}` variables in the cwd setting. */
export interface CwdContext {
  fileDirname: string;
  workspaceFolder: string | null;
}

/** The working directory: the setting with `${fileDirname}`/`${workspaceFolder}` replaced,
 * relative paths taken from the workspace folder (else the file's folder); empty → file's folder. */
export function resolveCwd(setting: string, ctx: CwdContext): string {
  const text = setting.trim();
  if (!text) return ctx.fileDirname;
  const base = ctx.workspaceFolder ?? ctx.fileDirname;
  const expanded = text
    .replace(/\$\{fileDirname\}/g, ctx.fileDirname)
    .replace(/\$\{workspaceFolder\}/g, base);
  return isAbsolute(expanded) ? expanded : resolve(base, expanded);
}
