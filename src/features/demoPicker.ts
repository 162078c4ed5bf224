// Choosing a demo (quick pick grouped Processes / Threads / Beyond) and editing its parameters.
import * as vscode from 'vscode';
import {
  DEMO_GROUPS,
  GROUP_TITLES,
  defaultValues,
  demosIn,
  findDemo,
  langOf,
  parseParam,
  type DemoEntry,
  type DemoParam,
  type Lang,
  type ParamValue,
} from '../demos/catalog';

/** The display language of catalogue texts in this VS Code. */
export function uiLang(): Lang {
  return langOf(vscode.env.language);
}

interface DemoPick extends vscode.QuickPickItem {
  entry?: DemoEntry;
}

/** Quick pick of all demos with group separators (`suggested` first); resolves with the choice. */
export async function pickDemo(
  placeHolder: string,
  suggested?: string,
): Promise<DemoEntry | undefined> {
  const lang = uiLang();
  const items: DemoPick[] = [];
  const top = suggested === undefined ? undefined : findDemo(suggested);
  if (top) {
    items.push({ label: vscode.l10n.t('Suggested'), kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: top.title[lang], detail: top.watch[lang], entry: top });
  }
  for (const group of DEMO_GROUPS) {
    items.push({ label: GROUP_TITLES[group][lang], kind: vscode.QuickPickItemKind.Separator });
    for (const entry of demosIn(group)) {
      items.push({
        label: entry.title[lang],
        description: entry.script,
        detail: entry.watch[lang],
        entry,
      });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder,
    matchOnDetail: true,
  });
  return picked?.entry;
}

/** Remembers the parameter values last used for each demo (extension global state). */
export class ParamMemory {
  constructor(private readonly state: vscode.Memento) {}

  /** Values for `entry`: the remembered ones over the defaults. */
  get(entry: DemoEntry): Record<string, ParamValue> {
    const saved = this.state.get<Record<string, ParamValue>>(this.key(entry), {});
    const values = defaultValues(entry);
    for (const p of entry.params) {
      const v = saved[p.flag];
      if (typeof v === typeof p.default) values[p.flag] = v;
    }
    return values;
  }

  /** Remember `values` for `entry`. */
  async set(entry: DemoEntry, values: Record<string, ParamValue>): Promise<void> {
    await this.state.update(this.key(entry), values);
  }

  private key(entry: DemoEntry): string {
    return `params.${entry.id}`;
  }
}

/** Ask for each parameter in turn (validated); undefined when the user cancels. */
export async function editParams(
  entry: DemoEntry,
  current: Record<string, ParamValue>,
): Promise<Record<string, ParamValue> | undefined> {
  const lang = uiLang();
  const values = { ...current };
  const total = entry.params.length;
  for (const [i, param] of entry.params.entries()) {
    const value = await askParam(entry, param, values[param.flag] ?? param.default, lang, i, total);
    if (value === undefined) return undefined;
    values[param.flag] = value;
  }
  return values;
}

async function askParam(
  entry: DemoEntry,
  param: DemoParam,
  current: ParamValue,
  lang: Lang,
  index: number,
  total: number,
): Promise<ParamValue | undefined> {
  const title = `${entry.title[lang]} (${index + 1}/${total})`;
  if (param.kind === 'boolean') {
    const yes = vscode.l10n.t('Yes');
    const no = vscode.l10n.t('No');
    const items = current ? [yes, no] : [no, yes];
    const picked = await vscode.window.showQuickPick(items, {
      title,
      placeHolder: `${param.label[lang]} (${param.flag})`,
    });
    return picked === undefined ? undefined : picked === yes;
  }
  const text = await vscode.window.showInputBox({
    title,
    prompt: `${param.label[lang]} (${param.flag}; ${param.min}–${param.max}; ${vscode.l10n.t('default {0}', String(param.default))})`,
    value: String(current),
    validateInput: (t) => {
      const r = parseParam(param, t, lang);
      return r.ok ? null : r.error;
    },
  });
  if (text === undefined) return undefined;
  const r = parseParam(param, text, lang);
  return r.ok ? r.value : undefined;
}
