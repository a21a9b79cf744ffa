/**
 * The catalog the client's own features use (panels, quick picks, snippets): the built-in data
 * plus the `uqpayErrors.extraCatalogs` files of every workspace folder, reloaded when a setting or
 * one of those files changes. The language server loads the same files for its features.
 * Nothing is read or built until a feature asks: activation does not pay for the catalog.
 */
import * as vscode from 'vscode';
import { createCatalog, type Catalog } from '../../catalog/src/catalog';
import type { CatalogData } from '../../catalog/src/types';
import type { ParseCatalogFile } from './catalogFiles';

/** Where the catalog comes from (injected: the extension reads files, tests may not). */
export interface CatalogInputs {
  /** The built-in data. */
  builtin(): CatalogData;
  /** The user-catalog validator; only asked for when a user catalog is configured. */
  parser(): ParseCatalogFile;
}

export class CatalogSource implements vscode.Disposable {
  private extras: CatalogData[] = [];
  private built: Catalog | undefined;
  private version = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watchers: vscode.Disposable[] = [];
  private loading: Promise<void> = Promise.resolve();

  constructor(
    private readonly inputs: CatalogInputs,
    private readonly output: vscode.OutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('uqpayErrors.extraCatalogs')) this.reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
    );
    this.reload();
  }

  get catalog(): Catalog {
    return (this.built ??= createCatalog([this.inputs.builtin(), ...this.extras]));
  }

  /** What the catalog is built from, and a number that changes with it (for the decode worker). */
  get sources(): { version: number; data: CatalogData[] } {
    return { version: this.version, data: [this.inputs.builtin(), ...this.extras] };
  }

  /** Resolves once the latest reload finished. */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  reload(): void {
    this.loading = this.load().catch((e) => this.output.appendLine(`[client] loading extra catalogs failed: ${String(e)}`));
  }

  private async load(): Promise<void> {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const files = this.extraCatalogFiles();
    // Nothing configured before or now: the catalog stays as it is (and unbuilt if it was).
    if (files.length === 0 && this.extras.length === 0) return;
    const extras: CatalogData[] = [];
    for (const uri of files) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop() ?? '*'));
      watcher.onDidChange(() => this.reload());
      watcher.onDidCreate(() => this.reload());
      watcher.onDidDelete(() => this.reload());
      this.watchers.push(watcher);
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        this.output.appendLine(`[client] extra catalog not found: ${uri.fsPath}`);
        continue;
      }
      const { data, problems } = this.inputs.parser()(text, uri.fsPath);
      for (const p of problems) {
        this.output.appendLine(`[client] ${p.file}${p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : ''} ${p.path} ${p.message}`);
      }
      if (data) extras.push(data);
    }
    this.extras = extras;
    this.built = undefined;
    this.version += 1;
    this.changed.fire();
  }

  private extraCatalogFiles(): vscode.Uri[] {
    const out: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const paths = vscode.workspace.getConfiguration('uqpayErrors', folder.uri).get<unknown>('extraCatalogs');
      if (!Array.isArray(paths)) continue;
      for (const p of paths) {
        if (typeof p !== 'string' || p.trim() === '') continue;
        out.push(p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) ? vscode.Uri.file(p) : vscode.Uri.joinPath(folder.uri, p));
      }
    }
    return out;
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Docs language: the setting, or VS Code's display language when it says `auto`. */
export function docsLanguage(): 'en' | 'zh-CN' {
  const v = vscode.workspace.getConfiguration('uqpayErrors').get<string>('docsLanguage', 'auto');
  if (v === 'en' || v === 'zh-CN') return v;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
