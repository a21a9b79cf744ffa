/**
 * The editor side of error coverage: the "UQPAY Error Coverage" view (endpoints → errors →
 * where each is handled, filtered to all / unhandled / handled) fed by the server's workspace index,
 * and the list a coverage CodeLens opens. Data comes only from the server's messages.
 */
import * as vscode from 'vscode';
import { docsT } from './catalogSource';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  COVERAGE_CHANGED_NOTIFICATION,
  COVERAGE_REPORT_REQUEST,
  type CoverageReportResult,
  type Location,
  type ReportEndpoint,
  type ReportError,
  type ShowCoverageArgs,
} from '../../server/src/protocol/coverage';

export type CoverageFilter = 'all' | 'unhandled' | 'handled';

type Node =
  | { kind: 'endpoint'; ep: ReportEndpoint }
  | { kind: 'calls'; ep: ReportEndpoint }
  | { kind: 'error'; ep: ReportEndpoint; err: ReportError }
  | { kind: 'location'; loc: Location; label?: string };

export class CoverageView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private result: CoverageReportResult | null = null;
  private filterValue: CoverageFilter = 'all';
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly refreshedEmitter = new vscode.EventEmitter<void>();
  /** Fires after each report is shown (tests wait on it). */
  readonly onDidRefresh = this.refreshedEmitter.event;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly meaning: (id: string) => string,
  ) {
    this.view = vscode.window.createTreeView('uqpayErrors.coverage', { treeDataProvider: this, showCollapseAll: true });
    this.describe();
  }

  get filter(): CoverageFilter {
    return this.filterValue;
  }

  /** The report shown now (null before the server's first index). */
  get report(): CoverageReportResult | null {
    return this.result;
  }

  /** Listen for the server's changes (again after a restart: a new client). */
  attach(client: LanguageClient): vscode.Disposable {
    return client.onNotification(COVERAGE_CHANGED_NOTIFICATION, () => void this.refresh());
  }

  async refresh(): Promise<void> {
    const c = this.client();
    // no server yet: still relabel (the docs language may have changed)
    if (!c) return this.describe();
    this.result = await c.sendRequest<CoverageReportResult | null>(COVERAGE_REPORT_REQUEST, {});
    this.describe();
    this.emitter.fire(undefined);
    this.refreshedEmitter.fire();
  }

  setFilter(f: CoverageFilter): void {
    this.filterValue = f;
    this.describe();
    this.emitter.fire(undefined);
  }

  async pickFilter(): Promise<void> {
    const items: (vscode.QuickPickItem & { value: CoverageFilter })[] = [
      { label: docsT('All errors'), value: 'all' },
      { label: docsT('Unhandled errors only'), value: 'unhandled' },
      { label: docsT('Handled errors only'), value: 'handled' },
    ];
    for (const i of items) i.picked = i.value === this.filterValue;
    const pick = await vscode.window.showQuickPick(items, { placeHolder: docsT('Show which errors?') });
    if (pick) this.setFilter(pick.value);
  }

  private describe(): void {
    const s = this.result?.report.summary;
    const names = { all: '', unhandled: docsT('unhandled only'), handled: docsT('handled only') };
    // package.json's name follows VS Code's display language; the setting may ask for the other one
    this.view.title = docsT('UQPAY Error Coverage');
    this.view.description = [s ? docsT('{0} of {1} handled', s.handled, s.total) : '', names[this.filterValue]].filter(Boolean).join(' · ');
    this.view.message = this.result === null
      ? docsT('The workspace is being indexed…')
      : this.result.report.endpoints.length === 0 ? docsT('No UQPAY Global Acquiring calls found in this workspace.') : undefined;
  }

  private keep(err: ReportError): boolean {
    if (this.filterValue === 'all') return true;
    return this.filterValue === 'handled' ? err.handled.length > 0 : err.handled.length === 0;
  }

  /** The nodes under `node` (the endpoints at the top), as the view shows them. */
  getChildren(node?: Node): Node[] {
    if (!this.result) return [];
    if (!node) {
      return this.result.report.endpoints.filter((ep) => ep.errors.some((e) => this.keep(e))).map((ep) => ({ kind: 'endpoint', ep }));
    }
    if (node.kind === 'endpoint') {
      return [{ kind: 'calls', ep: node.ep }, ...node.ep.errors.filter((e) => this.keep(e)).map((err) => ({ kind: 'error' as const, ep: node.ep, err }))];
    }
    if (node.kind === 'calls') return node.ep.calls.map((loc) => ({ kind: 'location', loc }));
    if (node.kind === 'error') return node.err.handled.map((loc) => ({ kind: 'location', loc }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'endpoint': {
        const item = new vscode.TreeItem(node.ep.endpoint, C.Collapsed);
        item.description = docsT('{0} of {1} handled', node.ep.handled, node.ep.total);
        item.iconPath = new vscode.ThemeIcon(node.ep.handled === node.ep.total ? 'pass' : 'warning');
        return item;
      }
      case 'calls': {
        const item = new vscode.TreeItem(docsT('Calls ({0})', node.ep.calls.length), C.Collapsed);
        item.iconPath = new vscode.ThemeIcon('call-outgoing');
        return item;
      }
      case 'error': {
        const handled = node.err.handled.length > 0;
        const item = new vscode.TreeItem(String(node.err.code), handled ? C.Collapsed : C.None);
        item.description = [node.err.general ? docsT('general') : '', handled ? docsT('handled') : docsT('not handled')].filter(Boolean).join(' · ');
        item.tooltip = this.meaning(node.err.id);
        item.iconPath = new vscode.ThemeIcon(handled ? 'pass' : 'error', new vscode.ThemeColor(handled ? 'testing.iconPassed' : 'testing.iconFailed'));
        item.command = { command: 'uqpayErrors.openCatalog', title: docsT('Open in the catalog'), arguments: [node.err.id] };
        return item;
      }
      case 'location': {
        const item = new vscode.TreeItem(`${node.loc.file}:${node.loc.line}`, C.None);
        item.iconPath = vscode.ThemeIcon.File;
        const uri = this.uriOf(node.loc);
        if (uri) {
          item.resourceUri = uri;
          const at = new vscode.Position(node.loc.line - 1, node.loc.column - 1);
          item.command = { command: 'vscode.open', title: docsT('Open'), arguments: [uri, { selection: new vscode.Range(at, at) }] };
        }
        return item;
      }
    }
  }

  private uriOf(loc: Location): vscode.Uri | undefined {
    if (!this.result) return undefined;
    return vscode.Uri.joinPath(vscode.Uri.parse(this.result.root), ...loc.file.split('/'));
  }

  dispose(): void {
    this.view.dispose();
    this.emitter.dispose();
    this.refreshedEmitter.dispose();
  }
}

/** What a coverage CodeLens opens: handled errors with where, then the others with meaning and retry verdict. */
export async function showCoverage(args: ShowCoverageArgs | undefined): Promise<void> {
  if (!args || !Array.isArray(args.errors)) return;
  type Item = vscode.QuickPickItem & { at?: { line: number; character: number } };
  const handled = args.errors.filter((e) => e.handled.length > 0);
  const open = args.errors.filter((e) => e.handled.length === 0);
  const items: Item[] = [
    { label: docsT('Handled ({0})', handled.length), kind: vscode.QuickPickItemKind.Separator },
    ...handled.flatMap((e) => e.handled.map((at) => ({
      label: `$(pass) ${e.code}`,
      description: docsT('line {0}', at.line + 1) + (e.general ? ` · ${docsT('general')}` : ''),
      at,
    }))),
    { label: docsT('Not handled ({0})', open.length), kind: vscode.QuickPickItemKind.Separator },
    ...open.map((e) => ({ label: `$(error) ${e.code}`, description: [e.general ? docsT('general') : '', e.retry].filter(Boolean).join(' · '), detail: e.meaning })),
  ];
  const pick = await vscode.window.showQuickPick(items, { title: args.endpoint, matchOnDescription: true, matchOnDetail: true });
  if (pick?.at) {
    const pos = new vscode.Position(pick.at.line, pick.at.character);
    await vscode.window.showTextDocument(vscode.Uri.parse(args.uri), { selection: new vscode.Range(pos, pos) });
  }
}
