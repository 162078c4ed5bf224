// Status-bar item while a demo runs: its title and elapsed time; a click stops it.
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import type { RunChange, RunController } from './runController';

/** "m:ss" for a number of seconds. */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Shows the running demo in the status bar; hidden when nothing runs. */
export class RunStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;
  private timer: NodeJS.Timeout | undefined;
  private current = 0;

  constructor(runs: RunController) {
    this.item.name = vscode.l10n.t('Concurrency Swimlane run');
    this.item.command = CommandIds.stop;
    this.subscription = runs.onDidChangeRun((c) => this.onChange(c));
  }

  private onChange(c: RunChange): void {
    if (c.kind === 'started') {
      this.current = c.run;
      clearInterval(this.timer);
      const update = () => {
        const elapsed = formatElapsed((Date.now() - c.at) / 1000);
        this.item.text = `$(debug-stop) ${c.spec.title} ${elapsed}`;
      };
      update();
      this.item.tooltip = vscode.l10n.t('{0} is running: click to stop it', c.spec.title);
      this.item.show();
      this.timer = setInterval(update, 1000);
    } else if (c.run === this.current) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.item.hide();
    }
  }

  /** The text shown now (tests). */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.dispose();
    this.item.dispose();
  }
}
