// Batches program output for an output channel: one append per 50 ms (or per 256 KB) instead
// of one per print, so a program printing 30k lines a second costs VS Code a few appends.
import type * as vscode from 'vscode';

/** How long text may wait before it is appended. */
export const OUTPUT_BATCH_MS = 50;
/** Text above this many characters is appended at once. */
export const OUTPUT_BATCH_CHARS = 256 * 1024;

/** Collects text and appends it to `channel` in batches; `flush()` before any direct write. */
export class OutputBatcher {
  private parts: string[] = [];
  private size = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly channel: Pick<vscode.OutputChannel, 'append'>) {}

  /** Queue text for the channel. */
  append(text: string): void {
    if (!text) return;
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= OUTPUT_BATCH_CHARS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), OUTPUT_BATCH_MS);
  }

  /** Append everything queued now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.channel.append(text);
  }

  /** Forget what is queued (the channel is about to be cleared). */
  discard(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.parts = [];
    this.size = 0;
  }
}
