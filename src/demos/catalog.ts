// The demo catalogue: types, lookup, parameter validation and DemoSpec building. Pure (no vscode).
import type { DemoSpec } from './demoSpec';
import { PROCESS_DEMOS } from './catalogProcesses';
import { THREAD_DEMOS } from './catalogThreads';
import { BEYOND_DEMOS } from './catalogBeyond';

/** A text in the two languages the extension ships. */
export interface Localized {
  en: string;
  zh: string;
}

/** Display language of catalogue texts. */
export type Lang = keyof Localized;

/** Where a demo is listed: the tutorial's processes, its threads chapter, or beyond it. */
export type DemoGroup = 'processes' | 'threads' | 'beyond';

/** Groups in display order. */
export const DEMO_GROUPS: readonly DemoGroup[] = ['processes', 'threads', 'beyond'];

/** Names of the groups. */
export const GROUP_TITLES: Record<DemoGroup, Localized> = {
  processes: { en: 'Processes', zh: '多进程' },
  threads: { en: 'Threads', zh: '多线程' },
  beyond: { en: 'Beyond', zh: '进阶' },
};

/** A command-line parameter of a demo script. */
export type DemoParam =
  | {
      kind: 'int' | 'number';
      flag: string;
      label: Localized;
      default: number;
      min: number;
      max: number;
    }
  | { kind: 'boolean'; flag: string; label: Localized; default: boolean };

/** A parameter value: a number, or on/off for a boolean flag. */
export type ParamValue = number | boolean;

/** One catalogue entry: a script under src/python/scenarios and how to present and run it. */
export interface DemoEntry {
  id: string;
  group: DemoGroup;
  title: Localized;
  /** Script file name under src/python/scenarios. */
  script: string;
  /** What to watch for in the swimlane. */
  watch: Localized;
  params: readonly DemoParam[];
  /** Files created in the run's temporary working directory. */
  files?: Record<string, string>;
  ticketsAvailable?: number;
  successText?: string;
}

/** Every demo, grouped in display order. */
export const DEMOS: readonly DemoEntry[] = [...PROCESS_DEMOS, ...THREAD_DEMOS, ...BEYOND_DEMOS];

/** The demo with this id, if any. */
export function findDemo(id: string): DemoEntry | undefined {
  return DEMOS.find((d) => d.id === id);
}

/** The demos of one group, in display order. */
export function demosIn(group: DemoGroup): DemoEntry[] {
  return DEMOS.filter((d) => d.group === group);
}

/** The language for a VS Code locale such as "zh-cn" or "en". */
export function langOf(locale: string): Lang {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Each parameter's default value, keyed by flag. */
export function defaultValues(entry: DemoEntry): Record<string, ParamValue> {
  return Object.fromEntries(entry.params.map((p) => [p.flag, p.default]));
}

/** Parse a typed value for `param`: the value, or an error text in `lang`. */
export function parseParam(
  param: DemoParam,
  text: string,
  lang: Lang,
): { ok: true; value: ParamValue } | { ok: false; error: string } {
  const t = text.trim().toLowerCase();
  if (param.kind === 'boolean') {
    if (['true', 'yes', 'on', '1', 'y'].includes(t)) return { ok: true, value: true };
    if (['false', 'no', 'off', '0', 'n'].includes(t)) return { ok: true, value: false };
    return { ok: false, error: lang === 'zh' ? '请输入 true 或 false' : 'Enter true or false' };
  }
  const n = Number(t);
  const bad = t === '' || !Number.isFinite(n) || (param.kind === 'int' && !Number.isInteger(n));
  if (bad || n < param.min || n > param.max) {
    const what =
      param.kind === 'int'
        ? lang === 'zh'
          ? '整数'
          : 'a whole number'
        : lang === 'zh'
          ? '数'
          : 'a number';
    return {
      ok: false,
      error:
        lang === 'zh'
          ? `请输入 ${param.min} 到 ${param.max} 之间的${what}`
          : `Enter ${what} from ${param.min} to ${param.max}`,
    };
  }
  return { ok: true, value: n };
}

/** The script's arguments for these values (missing ones take their defaults). */
export function buildArgs(entry: DemoEntry, values: Record<string, ParamValue> = {}): string[] {
  const args: string[] = [];
  for (const p of entry.params) {
    const v = values[p.flag] ?? p.default;
    if (p.kind === 'boolean') {
      if (v === true) args.push(p.flag);
    } else {
      const n = typeof v === 'number' ? Math.min(p.max, Math.max(p.min, v)) : p.default;
      args.push(p.flag, String(p.kind === 'int' ? Math.round(n) : n));
    }
  }
  return args;
}

/** A runnable DemoSpec for an entry and parameter values, titled in `lang`. */
export function buildDemoSpec(
  entry: DemoEntry,
  values: Record<string, ParamValue> = {},
  lang: Lang = 'en',
): DemoSpec {
  const spec: DemoSpec = {
    id: entry.id,
    title: entry.title[lang],
    script: `src/python/scenarios/${entry.script}`,
    files: { ...(entry.files ?? {}) },
    args: buildArgs(entry, values),
  };
  if (entry.ticketsAvailable !== undefined) spec.ticketsAvailable = entry.ticketsAvailable;
  if (entry.successText !== undefined) spec.successText = entry.successText;
  return spec;
}
