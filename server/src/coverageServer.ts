/**
 * The coverage features of the LSP layer: CodeLens on endpoint calls, the workspace index behind
 * the "UQPAY Error Coverage" view (built after start-up, updated per file, never on the keystroke
 * path: edits reach it after a pause), and the messages of protocol/coverage.ts.
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
  let root: string | undefined;
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

  return {
    /** The index covers the first workspace folder (a file: URI). */
    initialize(params: InitializeParams): void {
      const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
      try {
        root = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined;
      } catch {
        root = undefined;
      }
      canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
      canRefreshLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    },
    async start(): Promise<void> {
      if (!root) return;
      if (canWatch) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: SOURCE_GLOB }] })
          .catch((e: unknown) => connection.console.error(`cannot watch source files: ${String(e)}`));
      }
      const started = performance.now();
      await guard('coverage index', undefined, undefined, () => index.build(root!));
      connection.console.log(`coverage index of ${root} built in ${(performance.now() - started).toFixed(0)} ms`);
    },
    documentChanged(doc: TextDocument): void {
      clearTimeout(pending.get(doc.uri));
      pending.set(doc.uri, setTimeout(() => {
        pending.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current && root) void guard('coverage update', undefined, undefined, () => index.update(current.uri, current.getText()));
      }, INDEX_DELAY_MS));
    },
    filesChanged(changes: FileEvent[]): void {
      if (!root) return;
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
      if (root) void guard('coverage index', undefined, undefined, () => index.rebuild());
    },
  };
}
