/**
 * The catalog the client's own features use (panels, quick picks, snippets): the built-in data
 * plus the `uqpayErrors.extraCatalogs` files of every workspace folder, reloaded when a setting or
 * one of those files changes. The language server loads the same files for its features.
 * Nothing is read or built until a feature asks: activation does not pay for the catalog.
 */
import * as vscode from 'vscode';
import type { Catalog } from '../../catalog/src/catalog';
import { combineCatalogs, loadedCatalogFile, type LoadedCatalogFile } from '../../catalog/src/extraCatalogs';
import type { CatalogData } from '../../catalog/src/types';
import { SETTINGS_SECTION } from '../../server/src/service/contract';
import type { ParseCatalogFile } from './catalogFiles';
import { catalogWatcher, extraCatalogUris } from './catalogPaths';
import { translator, type Translate } from './uiText';

/** Where the catalog comes from (injected: the extension reads files, tests may not). */
export interface CatalogInputs {
  /** The built-in data. */
  builtin(): CatalogData;
  /** The user-catalog validator; only asked for when a user catalog is configured. */
  parser(): ParseCatalogFile;
}

export class CatalogSource implements vscode.Disposable {
  private loaded: LoadedCatalogFile[] = [];
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
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.extraCatalogs`)) this.reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
    );
    this.reload();
  }

  get catalog(): Catalog {
    if (!this.built) {
      const { catalog, error } = combineCatalogs(this.inputs.builtin(), this.loaded);
      if (error) this.output.appendLine(`[client] extra catalogs ignored: ${error}`);
      this.built = catalog;
    }
    return this.built;
  }

  /** What the catalog is built from, and a number that changes with it (for the decode worker). */
  get sources(): { version: number; data: CatalogData[] } {
    return { version: this.version, data: [this.inputs.builtin(), ...this.loaded.flatMap((l) => (l.data ? [l.data] : []))] };
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
    const files = extraCatalogUris();
    // Nothing configured before or now: the catalog stays as it is (and unbuilt if it was).
    if (files.length === 0 && this.loaded.length === 0) return;
    const loaded: LoadedCatalogFile[] = [];
    for (const uri of files) {
      const watcher = catalogWatcher(uri);
      watcher.onDidChange(() => this.reload());
      watcher.onDidCreate(() => this.reload());
      watcher.onDidDelete(() => this.reload());
      this.watchers.push(watcher);
      let text: string | Error;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch (e) {
        text = e instanceof Error ? e : new Error(String(e));
      }
      const result = loadedCatalogFile(uri.fsPath, text, (t, f) => this.inputs.parser()(t, f));
      for (const p of result.problems) {
        this.output.appendLine(`[client] ${p.file}${p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : ''} ${p.path} ${p.message}`);
      }
      loaded.push(result);
    }
    this.loaded = loaded;
    this.built = undefined;
    this.version += 1;
    this.changed.fire();
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Docs language: the setting, or VS Code's display language when it says `auto`. */
export function docsLanguage(): 'en' | 'zh-CN' {
  const v = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('docsLanguage', 'auto');
  if (v === 'en' || v === 'zh-CN') return v;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** `t` in the docs language as it is set now (views and links rendered long after activation). */
export const docsT: Translate = (english, ...args) => translator(docsLanguage())(english, ...args);
