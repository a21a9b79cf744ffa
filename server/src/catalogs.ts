/**
 * The language server's extra catalogs: each workspace folder's `uqpayErrors.extraCatalogs`
 * resolved against that folder (catalog/src/extraCatalogs.ts, as the extension and the CLI do),
 * read, validated, combined with the built-in catalog and handed to the service. Problems show as
 * diagnostics on the catalog file and once as a message; the files are watched when the client can.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification,
  type Connection, type Diagnostic, type FileEvent,
} from 'vscode-languageserver/node';
import { builtinCatalogData, loadBuiltinCatalog } from '../../catalog/src/builtin';
import type { Catalog } from '../../catalog/src/catalog';
import { resolveExtraCatalogs } from '../../catalog/src/catalogPaths';
import { combineCatalogs, loadedCatalogFile, type ParseCatalogFile } from '../../catalog/src/extraCatalogs';
import type { CatalogProblem, Lang } from '../../catalog/src/types';
import { SOURCE } from './service/contract';

export interface CatalogHost {
  connection: Connection;
  /** The raw settings section for a folder (its uri), or the global one. */
  settings(scopeUri?: string): Promise<{ extraCatalogs?: unknown }>;
  /** The workspace folders' uris (none when the client opened a single file). */
  folders(): readonly string[];
  canWatchFiles(): boolean;
  setCatalog(catalog: Catalog): void;
  /** The resolved documentation language the message about a broken file is written in. */
  docsLanguage(): Promise<Lang>;
}

export interface CatalogLoader {
  /** Reads every configured file again and sets the catalog. */
  load(): Promise<void>;
  /** Whether a watched-files event concerns a catalog file. */
  concerns(changes: readonly FileEvent[]): boolean;
}

function problemDiagnostic(p: CatalogProblem): Diagnostic {
  const line = Math.max(0, (p.line ?? 1) - 1);
  const character = Math.max(0, (p.column ?? 1) - 1);
  return {
    range: { start: { line, character }, end: { line, character: character + 1 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'catalog-problem',
    message: p.path ? `${p.path}: ${p.message}` : p.message,
  };
}

/** The one message about a file's problems; the first problem's own text is the validator's. */
function problemsMessage(file: string, problems: readonly CatalogProblem[], lang: Lang): string {
  const first = problems[0].message;
  if (lang === 'zh-CN') return `UQPAY 错误目录 ${file} 有 ${problems.length} 个问题（第一个：${first}）。仍在使用内置目录。`;
  return `UQPAY error catalog ${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} (first: ${first}). The built-in catalog is still used.`;
}

/** A folder uri as a path, or undefined for a folder that is not on disk. */
function folderPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The file's text; only a regular file is read (a pipe or a device would block the server). */
function readRegularFile(file: string): string | Error {
  try {
    if (!statSync(file).isFile()) return new Error('not a regular file');
    return readFileSync(file, 'utf8');
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

export function createCatalogLoader(host: CatalogHost): CatalogLoader {
  const { connection } = host;
  let files: string[] = [];
  const problemUris = new Set<string>();
  const reported = new Set<string>();
  let watcher: { dispose(): void } | undefined;
  let parse: ParseCatalogFile | undefined;

  async function configuredFiles(): Promise<string[]> {
    const out = new Set<string>();
    const path = { absolute: (p: string) => resolve(p), join: (folder: string, p: string) => resolve(folder, p) };
    const folders = host.folders().map((uri) => ({ uri, path: folderPath(uri) }));
    // without a folder, relative entries resolve against the server's working directory
    const scopes = folders.length ? folders : [{ uri: undefined, path: process.cwd() }];
    for (const scope of scopes) {
      const raw = await host.settings(scope.uri).catch(() => ({}) as { extraCatalogs?: unknown });
      for (const f of resolveExtraCatalogs(raw.extraCatalogs, scope.path ?? process.cwd(), path)) out.add(f);
    }
    return [...out];
  }

  async function load(): Promise<void> {
    files = await configuredFiles();
    const seen = new Set<string>();
    const loaded = [];
    for (const file of files) {
      // the validator (ajv) loads only when a user catalog is configured: a faster start otherwise
      parse ??= (await import('../../catalog/src/validate')).parseCatalogFile;
      const result = loadedCatalogFile(file, readRegularFile(file), parse);
      loaded.push(result);
      const uri = pathToFileURL(file).toString();
      seen.add(uri);
      problemUris.add(uri);
      const { problems } = result;
      const key = `${file}\n${problems.map((p) => `${p.path}:${p.message}`).join('\n')}`;
      if (problems.length && !reported.has(key)) {
        reported.add(key);
        // a plain notification: the message needs no answer
        void connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Warning,
          message: problemsMessage(file, problems, await host.docsLanguage().catch((): Lang => 'en')),
        });
      }
      void connection.sendDiagnostics({ uri, diagnostics: problems.map(problemDiagnostic) });
    }
    for (const uri of [...problemUris]) {
      if (!seen.has(uri)) {
        void connection.sendDiagnostics({ uri, diagnostics: [] });
        problemUris.delete(uri);
      }
    }
    const { catalog, error } = combineCatalogs(builtinCatalogData(), loaded, loadBuiltinCatalog);
    if (error) connection.console.error(`extra catalogs ignored: ${error}`);
    host.setCatalog(catalog);
    await watch();
  }

  async function watch(): Promise<void> {
    if (!host.canWatchFiles()) return;
    watcher?.dispose();
    watcher = undefined;
    if (files.length === 0) return;
    try {
      watcher = await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: files.map((f) => ({ globPattern: f.replace(/[[\]{}*?]/g, '?') })),
      });
    } catch (e) {
      connection.console.error(`cannot watch catalog files: ${String(e)}`);
    }
  }

  return {
    load,
    concerns(changes) {
      const watched = new Set(files.map((f) => pathToFileURL(f).toString()));
      return changes.some((c) => watched.has(c.uri));
    },
  };
}
