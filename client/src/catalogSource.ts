/**
 * The catalog the client's own features use (panels, quick picks, snippets): the built-in data
 * plus the `uqpayErrors.extraCatalogs` files of every workspace folder, reloaded when a setting or
 * one of those files changes. The language server loads the same files for its features.
 */
import * as vscode from 'vscode';
import { builtinCatalogData, loadBuiltinCatalog } from '../../catalog/src/builtin';
import { createCatalog, type Catalog } from '../../catalog/src/catalog';
import type { CatalogData } from '../../catalog/src/types';
import { parseCatalogFile } from '../../catalog/src/validate';

export class CatalogSource implements vscode.Disposable {
  private current: Catalog = loadBuiltinCatalog();
  private currentSources: CatalogData[] = [builtinCatalogData()];
  private version = 0;
  private readonly changed = new vscode.EventEmitter<Catalog>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watchers: vscode.Disposable[] = [];
  private loading: Promise<void> = Promise.resolve();

  constructor(private readonly output: vscode.OutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('uqpayErrors.extraCatalogs')) this.reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
    );
    this.reload();
  }

  get catalog(): Catalog {
    return this.current;
  }

  /** What the catalog was built from, and a number that changes with it (for the decode worker). */
  get sources(): { version: number; data: CatalogData[] } {
    return { version: this.version, data: this.currentSources };
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
    const sources: CatalogData[] = [builtinCatalogData()];
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
      const { data, problems } = parseCatalogFile(text, uri.fsPath);
      for (const p of problems) {
        this.output.appendLine(`[client] ${p.file}${p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : ''} ${p.path} ${p.message}`);
      }
      if (data) sources.push(data);
    }
    this.current = sources.length === 1 ? loadBuiltinCatalog() : createCatalog(sources);
    this.currentSources = sources;
    this.version += 1;
    this.changed.fire(this.current);
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
