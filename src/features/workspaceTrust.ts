// Workspace trust: demos (the extension's own programs) run in Restricted Mode, the user's own
// code does not. One guard, used by every command that runs user code.
import * as vscode from 'vscode';

/** Command that opens VS Code's workspace trust editor. */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

/** True when user code may run; otherwise explains why not, with a "Manage Workspace Trust"
 * action, and returns false. `silent` skips the message (for checks without a user action). */
export function mayRunUserCode(silent = false): boolean {
  if (vscode.workspace.isTrusted) return true;
  if (!silent) void explainRestricted();
  return false;
}

async function explainRestricted(): Promise<void> {
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const pick = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Tracing runs the program, and this workspace is in Restricted Mode. Trust the workspace to trace your own code; the demos run either way.',
    ),
    manage,
  );
  if (pick === manage) await vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
}
