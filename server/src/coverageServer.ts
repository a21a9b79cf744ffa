/**
 * The coverage features of the LSP layer: CodeLens on endpoint calls, the workspace index behind
 * the "UQPAY Error Coverage" view (every workspace folder; built after start-up, updated per file
 * and per added or removed folder, never on the keystroke path: edits reach it after a pause), and
 * the messages of protocol/coverage.ts.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CancellationToken,
  type CodeLens,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type TextDocuments,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../../catalog/src/builtin';
import type { Catalog } from '../../catalog/src/catalog';
import { CoverageIndex } from './coverageIndex';
import { COVERAGE_CHANGED_NOTIFICATION, COVERAGE_REPORT_REQUEST, type CoverageReportResult } from './protocol/coverage';
import { DEFAULT_SETTINGS, type ErrorCodeService, type ServiceSettings } from './service';

/** Edits reach the index after this pause in typing. */
const INDEX_DELAY_MS = 300;
/** Changes are told to the client at most this often. */
const NOTIFY_DELAY_MS = 200;
const SOURCE_GLOB = '**/*.{ts,mts,cts,tsx,js,mjs,cjs,jsx,py,go,java,kt,kts,cs,php,rb,rs,swift}';

export interface CoverageHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: ErrorCodeService;
  guard<T>(name: string, token: CancellationToken | undefined, fallback: T, fn: () => T | Promise<T>): Promise<T>;
  settingsFor(uri: string): Promise<ServiceSettings>;
}

export function attachCoverage(host: CoverageHost) {
  const { connection, documents, service, guard } = host;
  let catalog: Catalog = loadBuiltinCatalog();
  /** The workspace folders on disk (file: URIs), as paths. */
  let roots: string[] = [];
  let started = false;
  let canWatch = false;
  let canRefreshLenses = false;
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const index = new CoverageIndex(service, () => catalog, () => DEFAULT_SETTINGS, () => {
    if (notifyTimer) return;
    notifyTimer = setTimeout(() => {
      notifyTimer = undefined;
      void connection.sendNotification(COVERAGE_CHANGED_NOTIFICATION, {});
    }, NOTIFY_DELAY_MS);
  }, (uri) => documents.get(uri)?.getText());

  connection.onCodeLens((params, token) => guard<CodeLens[]>('code lens', token, [], async () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return service.doCodeLens(doc, await host.settingsFor(doc.uri));
  }));

  connection.onRequest(COVERAGE_REPORT_REQUEST, (): CoverageReportResult | null => {
    const report = index.current();
    return report && index.folder ? { root: pathToFileURL(index.folder).toString(), report } : null;
  });

  /** The paths of the folders that are on disk (file: URIs); others have nothing to walk. */
  const pathsOf = (uris: readonly string[]): string[] => uris.flatMap((uri) => {
    try {
      return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
    } catch {
      return [];
    }
  });

  return {
    /** The index covers every workspace folder (the root when the client names no folders). */
    initialize(params: InitializeParams): void {
      roots = pathsOf(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
      canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
      canRefreshLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    },
    async start(): Promise<void> {
      if (canWatch) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: SOURCE_GLOB }] })
          .catch((e: unknown) => connection.console.error(`cannot watch source files: ${String(e)}`));
      }
      started = true;
      if (!roots.length) return;
      const t0 = performance.now();
      await guard('coverage index', undefined, undefined, () => index.build(roots));
      connection.console.log(`coverage index of ${roots.join(', ')} built in ${(performance.now() - t0).toFixed(0)} ms`);
    },
    /** workspace/didChangeWorkspaceFolders: the index follows (a folder's files come and go, the rest stays). */
    foldersChanged(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
      const gone = new Set(pathsOf(removed.map((f) => f.uri)));
      roots = [...roots.filter((r) => !gone.has(r)), ...pathsOf(added.map((f) => f.uri)).filter((r) => !roots.includes(r))];
      if (started) void guard('coverage index', undefined, undefined, () => index.setFolders(roots));
    },
    /** An open document's text changed (or it was opened with text that may not be the disk's). */
    documentChanged(doc: TextDocument): void {
      if (!roots.length) return;
      // while the index builds, the change is only noted (applied when the build ends): no need to wait
      if (!index.ready) {
        index.update(doc.uri);
        return;
      }
      clearTimeout(pending.get(doc.uri));
      pending.set(doc.uri, setTimeout(() => {
        pending.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) void guard('coverage update', undefined, undefined, () => index.update(current.uri, current.getText()));
      }, INDEX_DELAY_MS));
    },
    /** A document was closed: unsaved edits are gone, the disk's text counts again. */
    documentClosed(uri: string): void {
      clearTimeout(pending.get(uri));
      pending.delete(uri);
      if (roots.length) void guard('coverage update', undefined, undefined, () => index.update(uri));
    },
    filesChanged(changes: FileEvent[]): void {
      if (!roots.length) return;
      void guard('coverage update', undefined, undefined, () => {
        for (const c of changes) {
          const open = documents.get(c.uri);
          if (open && c.type !== FileChangeType.Deleted) index.update(c.uri, open.getText());
          else index.update(c.uri);
        }
      });
    },
    settingsChanged(): void {
      if (canRefreshLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    },
    catalogChanged(next: Catalog): void {
      if (next === catalog) return;
      catalog = next;
      if (started && roots.length) void guard('coverage index', undefined, undefined, () => index.rebuild());
    },
  };
}
