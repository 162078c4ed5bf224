// The "Concurrency" activity-bar view: demos listed by group, each with inline run buttons.
import * as vscode from 'vscode';
import { ViewIds } from '../commandIds';
import { assertNever } from '../core/events';
import {
  DEMO_GROUPS,
  GROUP_TITLES,
  demosIn,
  type DemoEntry,
  type DemoGroup,
} from '../demos/catalog';
import { uiLang } from './demoPicker';

/** A node of the demo tree: a group heading or a demo. */
export type DemoNode = { kind: 'group'; group: DemoGroup } | { kind: 'demo'; entry: DemoEntry };

/** Tree data for the demos view; demo items have contextValue "demo" for the inline buttons. */
export class DemoTreeProvider implements vscode.TreeDataProvider<DemoNode> {
  /** Top level: the groups; under each, its demos. */
  getChildren(node?: DemoNode): DemoNode[] {
    if (!node) return DEMO_GROUPS.map((group) => ({ kind: 'group', group }));
    if (node.kind === 'group') return demosIn(node.group).map((entry) => ({ kind: 'demo', entry }));
    return [];
  }

  /** The item VS Code draws for a node. */
  getTreeItem(node: DemoNode): vscode.TreeItem {
    const lang = uiLang();
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(
        GROUP_TITLES[node.group][lang],
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `group.${node.group}`;
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(entry.title[lang], vscode.TreeItemCollapsibleState.None);
    item.id = `demo.${entry.id}`;
    item.contextValue = 'demo';
    item.iconPath = new vscode.ThemeIcon(iconFor(entry.group));
    item.tooltip = new vscode.MarkdownString(
      `**${entry.title[lang]}**\n\n${entry.watch[lang]}\n\n\`${entry.script}\``,
    );
    return item;
  }
}

function iconFor(group: DemoGroup): string {
  switch (group) {
    case 'processes':
      return 'server-process';
    case 'threads':
      return 'list-tree';
    case 'beyond':
      return 'beaker';
    default:
      return assertNever(group);
  }
}

/** Create the demos tree view. */
export function createDemoTree(): vscode.TreeView<DemoNode> {
  return vscode.window.createTreeView(ViewIds.demos, {
    treeDataProvider: new DemoTreeProvider(),
    showCollapseAll: true,
  });
}
