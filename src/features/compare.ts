// "Compare…": two demos side by side, e.g. the ticket race without vs with a Lock. The first
// runs in the main panel, the second in its own panel in the editor group to the right.
import * as vscode from 'vscode';
import { buildDemoSpec, findDemo, type DemoEntry, type ParamValue } from '../demos/catalog';
import { COMPARE_WITH } from '../demos/comparePairs';
import { ParamMemory, pickDemo, uiLang } from './demoPicker';
import type { RunController } from './runController';
import { SharedAxis } from './sharedAxis';

/** Runs two demos at once in two panels. */
export class Comparer {
  constructor(
    private readonly main: RunController,
    private readonly side: RunController,
    private readonly memory: ParamMemory,
  ) {}

  /** Ask for two demos (unless given as ids) and run them side by side. */
  async compare(
    firstId?: string,
    secondId?: string,
    values: Record<string, ParamValue> = {},
  ): Promise<void> {
    const first = (firstId && findDemo(firstId)) || (await this.pick(undefined));
    if (!first) return;
    const second = (secondId && findDemo(secondId)) || (await this.pick(first));
    if (!second) return;
    const lang = uiLang();
    const spec = (e: DemoEntry) => buildDemoSpec(e, { ...this.memory.get(e), ...values }, lang);
    await this.side.stop();
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    const axis = new SharedAxis(); // both panels on one time axis
    await this.main.run(spec(first), axis);
    await focusRightGroup();
    await this.side.run(spec(second), axis);
  }

  private pick(first: DemoEntry | undefined): Promise<DemoEntry | undefined> {
    if (!first) return pickDemo(vscode.l10n.t('Compare: choose the first demo'));
    return pickDemo(
      vscode.l10n.t('Compare {0} with…', first.title[uiLang()]),
      COMPARE_WITH[first.id],
    );
  }
}

/** Focus the second editor group, creating it when there is one group only; waits until the
 *  extension host sees it active, so a panel opened in the active column lands there. */
async function focusRightGroup(): Promise<void> {
  const groups = vscode.window.tabGroups;
  await vscode.commands.executeCommand(
    groups.all.length < 2
      ? 'workbench.action.newGroupRight'
      : 'workbench.action.focusSecondEditorGroup',
  );
  for (let i = 0; i < 40 && groups.activeTabGroup.viewColumn === vscode.ViewColumn.One; i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
}
