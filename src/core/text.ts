// Small pure text helpers shared by the model and the output channel.

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

/** Remove ANSI colour/cursor escape sequences (the tutorial prints with \033[43m). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
