import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type TextDocumentChangeEvent,
  type WorkspaceFoldersChangeEvent,
  type MarkupContent,
  type CompletionItem,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../../catalog/src/builtin';
import { createCatalogLoader } from './catalogs';
import { attachCoverage } from './coverageServer';
import { projectSdksOf } from './projectSdks';
import { createErrorCodeService, FIX_ALL_KIND, resolveSettings, DEFAULT_SETTINGS, SETTINGS_SECTION, type ServiceSettings } from './service';

/** How long typing pauses before a changed document is validated again. */
const DEBOUNCE_MS = 100;
/** A document whose last validation took less than this is re-validated at once after an edit. */
const CHEAP_VALIDATION_MS = 10;

/** The raw `uqpayErrors` section as a client sends it. */
interface RawSettings {
  docsLanguage?: 'auto' | 'en' | 'zh-CN';
  extraCatalogs?: unknown;
  [key: string]: unknown;
}

/**
 * The LSP layer: every handler fetches the document and its settings, calls the service once, and
 * runs inside `guard` (cancellation honoured, exceptions logged and answered with an empty result).
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const service = createErrorCodeService({ catalog: loadBuiltinCatalog() });
  const settingsCache = new Map<string, Promise<ServiceSettings>>();
  /** A validation waiting to run, per document: cancelled when a newer version comes first. */
  const timers = new Map<string, () => void>();
  /** How long the last validation of each document took: cheap ones skip the debounce. */
  const costs = new Map<string, number>();
  /** The version and text last validated (or being validated) per document. */
  const validated = new Map<string, { version: number; text: string }>();
  let locale = 'en';
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canRegisterConfiguration = false;
  let canWatchFolders = false;
  let folders: string[] = [];
  /** A folder whose manifests depend on a UQPAY SDK: its files are UQPAY code even without an import. */
  const readProjects = (uris: readonly string[]): void => {
    for (const uri of uris) {
      try {
        if (uri.startsWith('file:')) service.setProjectSdks(uri, projectSdksOf(fileURLToPath(uri)));
      } catch {
        /* an unreadable folder has no manifests */
      }
    }
  };
  let globalRaw: RawSettings = {};

  async function guard<T>(name: string, token: CancellationToken | undefined, fallback: T, fn: () => T | Promise<T>): Promise<T> {
    if (token?.isCancellationRequested) return fallback;
    try {
      const result = await fn();
      return token?.isCancellationRequested ? fallback : result;
    } catch (e) {
      connection.console.error(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  }

  const autoLanguage = (): 'en' | 'zh-CN' => (/^zh/i.test(locale) ? 'zh-CN' : 'en');

  function toSettings(raw: RawSettings | undefined): ServiceSettings {
    const r = raw ?? {};
    return resolveSettings({ ...r, docsLanguage: r.docsLanguage === 'en' || r.docsLanguage === 'zh-CN' ? r.docsLanguage : autoLanguage() }, DEFAULT_SETTINGS);
  }

  async function fetchRaw(scopeUri?: string): Promise<RawSettings> {
    if (!canPullConfiguration) return globalRaw;
    const raw = await connection.workspace.getConfiguration(scopeUri ? { scopeUri, section: SETTINGS_SECTION } : { section: SETTINGS_SECTION });
    return raw && typeof raw === 'object' ? (raw as RawSettings) : {};
  }

  function settingsFor(uri: string): Promise<ServiceSettings> {
    let s = settingsCache.get(uri);
    if (!s) {
      s = fetchRaw(uri).then(toSettings, () => toSettings(undefined));
      settingsCache.set(uri, s);
    }
    return s;
  }

  const catalogs = createCatalogLoader({
    connection,
    settings: (scopeUri) => fetchRaw(scopeUri),
    folders: () => folders,
    canWatchFiles: () => canWatchFiles,
    docsLanguage: async () => toSettings(await fetchRaw()).docsLanguage,
    setCatalog: (catalog) => {
      service.setCatalog(catalog);
      coverage.catalogChanged(catalog);
    },
  });
  const loadCatalogs = (): Promise<void> => guard('loading catalogs', undefined, undefined, catalogs.load);

  // ---- validation

  async function validate(document: TextDocument): Promise<void> {
    await guard('validation', undefined, undefined, async () => {
      const settings = await settingsFor(document.uri);
      const current = documents.get(document.uri);
      if (!current || current.version !== document.version) return; // a newer version will come
      const started = performance.now();
      const diagnostics = service.doValidation(current, settings);
      costs.set(current.uri, performance.now() - started);
      validated.set(document.uri, { version: current.version, text: current.getText() });
      await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    });
  }

  function schedule(document: TextDocument): void {
    timers.get(document.uri)?.();
    const run = () => {
      timers.delete(document.uri);
      const current = documents.get(document.uri);
      if (current) void validate(current);
    };
    // Incremental validation of most files costs a few ms: answer the keystroke at once, on the
    // next turn of the event loop (a 0 ms timer waits at least 1 ms in Node). Costly documents
    // wait for a pause in typing.
    if ((costs.get(document.uri) ?? Infinity) < CHEAP_VALIDATION_MS) {
      const handle = setImmediate(run);
      timers.set(document.uri, () => clearImmediate(handle));
    } else {
      const handle = setTimeout(run, DEBOUNCE_MS);
      timers.set(document.uri, () => clearTimeout(handle));
    }
  }

  function revalidateAll(): void {
    validated.clear();
    for (const d of documents.all()) void validate(d);
  }

  // ---- lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const initOptions = params.initializationOptions as { displayLanguage?: unknown } | undefined;
    locale = params.locale ?? (typeof initOptions?.displayLanguage === 'string' ? initOptions.displayLanguage : 'en');
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    canWatchFolders = !!caps.workspace?.workspaceFolders;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    coverage.initialize(params);
    readProjects(folders);
    const init = params.initializationOptions as { settings?: RawSettings } | undefined;
    if (init?.settings && typeof init.settings === 'object') globalRaw = init.settings;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', "'", '`'], resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        // each folder's extra catalogs resolve against that folder
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'uqpay-errors-language-server' },
    };
  });

  connection.onInitialized(async () => {
    if (canRegisterConfiguration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    if (canWatchFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e: WorkspaceFoldersChangeEvent) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
        readProjects(e.added.map((f) => f.uri));
        for (const f of removed) service.setProjectSdks(f, []);
        coverage.foldersChanged(e.added, e.removed);
        await loadCatalogs();
        revalidateAll();
      });
    }
    await loadCatalogs();
    revalidateAll();
    await coverage.start();
  });

  connection.onDidChangeConfiguration(async (change: DidChangeConfigurationParams) => {
    const raw = (change.settings as { uqpayErrors?: RawSettings } | null)?.uqpayErrors;
    if (raw && typeof raw === 'object') globalRaw = raw;
    settingsCache.clear();
    await loadCatalogs();
    revalidateAll();
    coverage.settingsChanged();
  });

  connection.onDidChangeWatchedFiles(async (params: DidChangeWatchedFilesParams) => {
    coverage.filesChanged(params.changes);
    if (!catalogs.concerns(params.changes)) return;
    await loadCatalogs();
    revalidateAll();
  });

  documents.onDidOpen((e: TextDocumentChangeEvent<TextDocument>) => {
    // the change event that follows an open needs no second run
    validated.set(e.document.uri, { version: e.document.version, text: e.document.getText() });
    void validate(e.document);
    // the open text may not be the disk's (unsaved changes restored)
    coverage.documentChanged(e.document);
  });
  documents.onDidChangeContent((e: TextDocumentChangeEvent<TextDocument>) => {
    const last = validated.get(e.document.uri);
    if (last && last.version === e.document.version && last.text === e.document.getText()) return;
    schedule(e.document);
    coverage.documentChanged(e.document);
  });
  documents.onDidClose((e: TextDocumentChangeEvent<TextDocument>) => {
    timers.get(e.document.uri)?.();
    timers.delete(e.document.uri);
    validated.delete(e.document.uri);
    costs.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    service.forget(e.document.uri);
    coverage.documentClosed(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // ---- features

  connection.onHover((params, token) => guard('hover', token, null, async () => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? service.doHover(doc, params.position, await settingsFor(doc.uri)) : null;
  }));

  // Documentation travels on completionItem/resolve: a list of every code with its Markdown is
  // ~50 KB per keystroke, the list without it a few KB. The last list is kept to resolve from.
  let lastDocs: (string | MarkupContent | undefined)[] = [];
  connection.onCompletion((params, token) => guard('completion', token, null, async () => {
    const doc = documents.get(params.textDocument.uri);
    const list = doc ? service.doComplete(doc, params.position, await settingsFor(doc.uri)) : null;
    if (!list) return null;
    lastDocs = list.items.map((item, i) => {
      const d = item.documentation;
      item.documentation = undefined;
      item.data = i;
      return d;
    });
    return list;
  }));

  connection.onCompletionResolve((item: CompletionItem): CompletionItem => {
    const d = typeof item.data === 'number' ? lastDocs[item.data] : undefined;
    return d === undefined ? item : { ...item, documentation: d };
  });

  connection.onCodeAction((params, token) => guard('code actions', token, [], async () => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? service.doCodeActions(doc, params.range, params.context, await settingsFor(doc.uri)) : [];
  }));

  const coverage = attachCoverage({ connection, documents, service, guard, settingsFor });

  documents.listen(connection);
  connection.listen();
}
