// The nine lint rules on the tutorial's own programs (test/fixtures/tutorial): exactly the
// expected diagnostics, field by field, and none on the programs that are right.
import { test } from 'node:test';
import { assertDiagnostics, fixture, lint, type Expected } from './lintHarness';

const GUARD = (name: string): string =>
  `${name}.start() runs at module level without if __name__ == '__main__': under spawn and forkserver each child re-imports this file and fails.`;
const guard = (line: number, name: string): Expected => ({
  range: [line, 0, line, name.length + 8],
  code: 'start-without-main-guard',
  severity: 'warning',
  message: GUARD(name),
});

const EXPECTED: Record<string, Expected[]> = {
  'daemon_main_done.py': [guard(20, 'p1'), guard(21, 'p2')],
  'daemon_subclass.py': [
    {
      range: [7, 8, 7, 17],
      code: 'attribute-before-super-init',
      severity: 'warning',
      message:
        "self.name is assigned before super().__init__(): Process.__init__ then overwrites it (the tutorial's self.name). Call super().__init__() first.",
    },
    guard(17, 'p'),
  ],
  'print_with_lock.py': [],
  'print_without_lock.py': [],
  'queue_endless.py': [
    {
      range: [11, 10, 11, 17],
      code: 'endless-consumer',
      severity: 'warning',
      message:
        'q.get() in while True with no sentinel, break or timeout, in read; rp.join() waits for it forever.',
    },
  ],
  'start_with_function.py': [guard(15, 'p1'), guard(16, 'p2'), guard(17, 'p3'), guard(18, 'p4')],
  'start_with_subclass.py': [guard(22, 'p1'), guard(23, 'p2'), guard(24, 'p3'), guard(25, 'p4')],
  'ticket_with_lock.py': [],
  'ticket_without_lock.py': [
    {
      range: [20, 4, 20, 9],
      code: 'unlocked-read-modify-write',
      severity: 'warning',
      message:
        "the file 'db.txt' is read, changed and written back without a lock, in task, which runs in several processes at once: the ticket race. Wrap it in a with lock: block.",
    },
  ],
};

for (const [file, expected] of Object.entries(EXPECTED)) {
  test(`tutorial ${file}: ${expected.length} expected diagnostics`, async () => {
    assertDiagnostics(await lint(fixture(`tutorial/${file}`)), expected, file);
  });
}

test('tutorial messages follow the display language: Chinese', async () => {
  const [d] = await lint(fixture('tutorial/ticket_without_lock.py'), 'zh');
  assertDiagnostics(
    [d],
    [
      {
        range: [20, 4, 20, 9],
        code: 'unlocked-read-modify-write',
        severity: 'warning',
        message:
          "文件 'db.txt' 在 task 中被读取、修改、再写回，却没有加锁，而 task 同时在多个进程中运行：这就是抢票的竞争。请用 with lock: 语句块包起来。",
      },
    ],
    'zh',
  );
});

test('a disabled rule reports nothing, the others still do', async () => {
  const text = fixture('tutorial/daemon_subclass.py');
  const left = await lint(text, 'en', ['start-without-main-guard']);
  assertDiagnostics(left, EXPECTED['daemon_subclass.py'].slice(0, 1), 'disabled');
});
