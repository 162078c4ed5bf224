// The nine lint rules: ids, severities, demos and their English and Chinese messages. Pure data.

/** The ids of the lint rules, in the order (rule 1 … rule 9). */
export const RULE_IDS = [
  'args-not-tuple',
  'daemon-after-start',
  'start-without-main-guard',
  'daemon-starts-children',
  'acquire-without-release',
  'unlocked-read-modify-write',
  'attribute-before-super-init',
  'endless-consumer',
  'lock-order-inversion',
] as const;

/** One lint rule id. */
export type RuleId = (typeof RULE_IDS)[number];

/** How bad a finding is (mapped to LSP DiagnosticSeverity by the server). */
export type Severity = 'error' | 'warning';

/** UI language of messages. */
export type Lang = 'en' | 'zh';

/** What a rule is: severity, the demo that shows the problem, and its short title. */
export interface RuleInfo {
  id: RuleId;
  severity: Severity;
  /** A demo id of src/demos/catalog*.ts. */
  demoId: string;
  title: Record<Lang, string>;
}

/** Message templates; `{name}` placeholders are filled from a finding's params. */
const MESSAGES: Record<RuleId, Record<Lang, string>> = {
  'args-not-tuple': {
    en: 'args={arg} is not a tuple: the parentheses only group. Add a comma: args=({inner},).',
    zh: 'args={arg} 不是元组：括号只起分组作用。必须加,号：args=({inner},)。',
  },
  'daemon-after-start': {
    en: '{name}.daemon is set after {name}.start(): it must be set before start(), else it raises.',
    zh: '{name}.daemon 在 {name}.start() 之后才设置：必须在 start() 之前设置，否则会抛出异常。',
  },
  'start-without-main-guard': {
    en: "{name}.start() runs at module level without if __name__ == '__main__': under spawn and forkserver each child re-imports this file and fails.",
    zh: "{name}.start() 在模块顶层执行，没有 if __name__ == '__main__':：在 spawn 和 forkserver 方式下子进程会重新导入本文件并出错。",
  },
  'daemon-starts-children': {
    en: '{fn} runs in the daemon process {name}, which may not start processes: AssertionError (daemonic processes are not allowed to have children).',
    zh: '{fn} 运行在守护进程 {name} 中，守护进程内无法再开启子进程：AssertionError（daemonic processes are not allowed to have children）。',
  },
  'acquire-without-release': {
    en: '{lock}.acquire() is not followed by {lock}.release() on every path ({why}): the lock can stay held. Use a with {lock}: block.',
    zh: '{lock}.acquire() 之后并非每条路径都有 {lock}.release()（{why}）：锁可能一直不释放。请改用 with {lock}: 语句块。',
  },
  'unlocked-read-modify-write': {
    en: '{what} is read, changed and written back without a lock, in {fn}, which runs in several {kind} at once: the ticket race. Wrap it in a with lock: block.',
    zh: '{what} 在 {fn} 中被读取、修改、再写回，却没有加锁，而 {fn} 同时在多个{kind}中运行：这就是抢票的竞争。请用 with lock: 语句块包起来。',
  },
  'attribute-before-super-init': {
    en: 'self.{attr} is assigned before super().__init__(){detail} Call super().__init__() first.',
    zh: 'self.{attr} 在 super().__init__() 之前赋值{detail}请先调用 super().__init__()。',
  },
  'endless-consumer': {
    en: '{queue}.get() in while True with no sentinel, break or timeout, in {fn}; {name}.join() waits for it forever.',
    zh: '{fn} 中 while True 里的 {queue}.get() 没有结束标记、break 或 timeout；{name}.join() 会永远等待它。',
  },
  'lock-order-inversion': {
    en: '{fn} takes {inner} while holding {outer}, but {other} takes {outer} while holding {inner}: lock-order inversion, a deadlock risk.',
    zh: '{fn} 在持有 {outer} 时获取 {inner}，而 {other} 在持有 {inner} 时获取 {outer}：加锁顺序相反，有死锁风险。',
  },
};

/** Per-rule facts. */
export const RULES: Record<RuleId, RuleInfo> = {
  'args-not-tuple': rule(
    'args-not-tuple',
    'error',
    'processFunction',
    'args=(x) is not a tuple',
    'args=(x) 不是元组',
  ),
  'daemon-after-start': rule(
    'daemon-after-start',
    'error',
    'daemonKilled',
    'daemon set after start()',
    'start() 之后才设置 daemon',
  ),
  'start-without-main-guard': rule(
    'start-without-main-guard',
    'warning',
    'processFunction',
    "Process started without if __name__ == '__main__':",
    "没有 if __name__ == '__main__': 就启动进程",
  ),
  'daemon-starts-children': rule(
    'daemon-starts-children',
    'error',
    'daemonChild',
    'A daemon process starts processes',
    '守护进程又开启子进程',
  ),
  'acquire-without-release': rule(
    'acquire-without-release',
    'warning',
    'printWithLock',
    'acquire() without release() on every path',
    'acquire() 之后并非每条路径都 release()',
  ),
  'unlocked-read-modify-write': rule(
    'unlocked-read-modify-write',
    'warning',
    'ticketWithoutLock',
    'Read-modify-write without a lock',
    '读-改-写没有加锁',
  ),
  'attribute-before-super-init': rule(
    'attribute-before-super-init',
    'warning',
    'processSubclass',
    'Attribute set before super().__init__()',
    '在 super().__init__() 之前设置属性',
  ),
  'endless-consumer': rule(
    'endless-consumer',
    'warning',
    'processQueue',
    'while True: q.get() never ends',
    'while True: q.get() 永不结束',
  ),
  'lock-order-inversion': rule(
    'lock-order-inversion',
    'warning',
    'deadlock',
    'Lock-order inversion',
    '加锁顺序相反',
  ),
};

function rule(id: RuleId, severity: Severity, demoId: string, en: string, zh: string): RuleInfo {
  return { id, severity, demoId, title: { en, zh } };
}

/** The message of rule `id` in `lang` with `{name}` placeholders filled from `params`. */
export function ruleMessage(
  id: RuleId,
  lang: Lang,
  params: Record<string, string | Record<Lang, string>>,
): string {
  const parts = templateParts(id, lang);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = params[parts[i]];
    out += (v === undefined ? `{${parts[i]}}` : typeof v === 'string' ? v : v[lang]) + parts[i + 1];
  }
  return out;
}

/** A template split once: text, placeholder name, text, … (odd indexes are names). */
const templates = new Map<string, string[]>();

function templateParts(id: RuleId, lang: Lang): string[] {
  const key = `${id} ${lang}`;
  let parts = templates.get(key);
  if (!parts) {
    parts = MESSAGES[id][lang].split(/\{(\w+)\}/);
    templates.set(key, parts);
  }
  return parts;
}

/** `en` unless the VS Code display language is Chinese (zh, zh-cn, zh-tw, …). */
export function langOf(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Whether `x` is a rule id. */
export function isRuleId(x: unknown): x is RuleId {
  return typeof x === 'string' && (RULE_IDS as readonly string[]).includes(x);
}
