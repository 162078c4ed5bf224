// The 2,000-line Python module of the `lsp.analyse-2000-lines` bench row (bench/lspAnalyse.ts),
// also pinned by a unit test (test/unit/lintBigModule.unit.test.ts): 25-line blocks with
// workers, locks, a race and a subclass, so every block gives findings of several rules.

/** One 25-line block with workers, locks, a race and a subclass; `i` keeps names unique. */
function block(i: number): string[] {
  return [
    `def buy_${i}(lock):`,
    `    dic = json.load(open('db_${i}.txt'))`,
    `    if dic['count'] > 0:`,
    `        dic['count'] -= 1`,
    `        json.dump(dic, open('db_${i}.txt', 'w'))`,
    ``,
    `def guarded_${i}(lock, items):`,
    `    lock.acquire()`,
    `    if not items:`,
    `        return`,
    `    items.pop()`,
    `    lock.release()`,
    ``,
    `class Worker${i}(Process):`,
    `    def __init__(self, name):`,
    `        self.name = name`,
    `        super().__init__()`,
    ``,
    `    def run(self):`,
    `        with lock_a:`,
    `            with lock_b:`,
    `                print(self.name, ${i})`,
    ``,
    `w_${i} = Process(target=buy_${i}, args=(lock))`,
    `w_${i}.start()`,
  ];
}

/** The module's lines (2,000, no line breaks) and its text (the lines, each ended by `\n`). */
export function benchModule(): { lines: string[]; text: string } {
  const lines = ['import json', 'from multiprocessing import Process, Lock', ''];
  for (let i = 0; lines.length < 2000; i++) lines.push(...block(i));
  lines.length = 2000;
  return { lines, text: lines.join('\n') + '\n' };
}
