/**
 * Entry point of the VS Code extension: registers the commands and the two webview panels, starts
 * the language server (from its own bundle, just after activation), and returns a small API the
 * extension-host tests use.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { localize } from '../../catalog/src/localize';
import type { DecodeResult } from '../../catalog/src/types';
import { builtinCatalogReader, catalogValidator } from './catalogFiles';
import { CatalogSource, docsLanguage } from './catalogSource';
import { decodeResponse } from './commands/decodeResponse';
import { inlineDecoder, WorkerDecoder } from './decoder';
import { CoverageView, showCoverage } from './coverage';
import { DeferredServer } from './deferredServer';
import { registerTerminalLinks, type UqpayTerminalLink } from './terminalLinks';
import { insertErrorHandler } from './commands/insertErrorHandler';
import { lookUpCode } from './commands/lookUpCode';
import { EditorTracker } from './editorTracker';
import { CatalogHost } from './panels/catalogHost';
import { DecodeHost } from './panels/decodeHost';
import { ManagedPanel } from './panels/managedPanel';
import { vscodeHostEnv } from './panels/vscodeHostEnv';
import { translator } from './uiText';
import type { ToCatalogWebview, ToDecodeWebview } from './webview/protocol';

// This module's body runs after every module it imports: the bundle has finished evaluating.
const evaluatedAt = performance.now();

/** What a webview panel looks like to the tests. */
export interface PanelStatus {
  /** A panel of this kind is open. */
  readonly exists: boolean;
  /** Its page has sent `ready` and received `init`. */
  readonly ready: boolean;
  /** Resolves true once the open (or opening) panel is ready, false after the timeout. */
  whenReady(timeoutMs?: number): Promise<boolean>;
  /** Hands the open panel's host a message as if its page had sent it (the extension-host tests click no webview). */
  send(message: unknown): Promise<void>;
}

/** The value `activate` returns. */
export interface UqpayErrorsApi {
  /** Resolves with the language client once the server is running for the first time. */
  readonly client: Promise<LanguageClient>;
  /** The current client (a new one after a restart). */
  currentClient(): LanguageClient | undefined;
  /** The running server's process id, if any (tests kill it to check the restart). */
  serverProcessId(): number | undefined;
  /** How many times the server was restarted after it died. */
  crashRestarts(): number;
  /** Milliseconds from the bundle starting to evaluate to `activate` returning (the server starts after). */
  readonly activationMs: number;
  /**
   * The parts of `activationMs` this extension's code runs: evaluating the bundle, and `activate`.
   * The rest is VS Code preparing the ExtensionContext, while the host runs other extensions.
   */
  readonly bundleEvalMs: number;
  readonly activateCallMs: number;
  /**
   * Milliseconds from the bundle starting to evaluate to the language client running for the first
   * time (undefined until then): what activation defers is paid here.
   */
  readonly clientReadyMs: number | undefined;
  readonly catalogPanel: PanelStatus;
  readonly decodePanel: PanelStatus & { readonly lastResult: DecodeResult | null };
  /** The "UQPAY Error Coverage" view. */
  readonly coverageView: CoverageView;
  /** The terminal link provider this extension registered. */
  readonly terminalLinks: vscode.TerminalLinkProvider<UqpayTerminalLink>;
}

let server: DeferredServer | undefined;

export function activate(context: vscode.ExtensionContext): UqpayErrorsApi {
  const entered = performance.now();
  const started = (globalThis as { __uqpayLoadStart?: number }).__uqpayLoadStart ?? entered;
  const output = vscode.window.createOutputChannel('UQPAY Error Codes', { log: true });
  const catalogs = new CatalogSource({
    builtin: builtinCatalogReader(context.asAbsolutePath('catalog/global-acquiring.json')),
    parser: catalogValidator(context.asAbsolutePath('dist/validateCatalog.js')),
  }, output);
  const editors = new EditorTracker();
  context.subscriptions.push(output, catalogs, editors);
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '');
  const catalog = () => catalogs.catalog;
  const settings = () => ({ lang: docsLanguage() });

  const catalogPanel = new ManagedPanel<CatalogHost>(
    'catalog', () => translator(settings().lang)('UQPAY Error Catalog'), context,
    (post) => new CatalogHost(catalog, settings, vscodeHostEnv<ToCatalogWebview>(post, editors, output)),
    () => settings().lang, output,
  );
  const openCatalog = (id?: unknown) => {
    const host = catalogPanel.show();
    if (typeof id === 'string' && id !== '') host.select(id);
  };
  // Decoding runs in a worker thread so a huge paste cannot stall the extension host.
  const workerScript = context.asAbsolutePath('dist/decodeWorker.js');
  const worker = WorkerDecoder.available(workerScript)
    ? new WorkerDecoder(workerScript, () => catalogs.sources, (m) => output.appendLine(`[client] ${m}`))
    : undefined;
  if (worker) context.subscriptions.push(worker);
  else output.appendLine('[client] dist/decodeWorker.js not found: decoding in the extension host');
  const decoder = worker?.decode ?? inlineDecoder(catalog);
  const decodePanel = new ManagedPanel<DecodeHost>(
    'decode', () => translator(settings().lang)('Decode UQPAY Response'), context,
    (post) => new DecodeHost(catalog, settings, vscodeHostEnv<ToDecodeWebview>(post, editors, output), (id) => openCatalog(id), version, decoder),
    () => settings().lang, output,
  );
  context.subscriptions.push(catalogPanel, decodePanel);

  const s = new DeferredServer(context.asAbsolutePath('dist/languageClient.js'), context, output, docsLanguage);
  server = s;
  const register = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  register('uqpayErrors.openCatalog', (id) => openCatalog(id));
  register('uqpayErrors.decodeResponse', () => decodeResponse(decodePanel, editors, false));
  register('uqpayErrors.decodeSelection', () => decodeResponse(decodePanel, editors, true));
  register('uqpayErrors.lookUpCode', () => lookUpCode(catalog, () => settings().lang, (id) => openCatalog(id)));
  register('uqpayErrors.insertErrorHandler', (group) => insertErrorHandler(catalog, () => settings().lang, typeof group === 'string' ? group : undefined));
  register('uqpayErrors.restartServer', () => s.restartNow(true));
  register('uqpayErrors.showOutput', () => output.show(true));

  const coverageView = new CoverageView(() => s.current, (id) => {
    const e = catalog().byId(id);
    return e ? localize(e.summary, settings().lang) : '';
  });
  context.subscriptions.push(coverageView);
  const terminalLinks = registerTerminalLinks(catalog, (id) => openCatalog(id), (text) => decodePanel.show().setInput(text));
  context.subscriptions.push(terminalLinks.registration);
  register('uqpayErrors.showCoverage', (args) => showCoverage(args as Parameters<typeof showCoverage>[0]));
  register('uqpayErrors.coverage.refresh', () => coverageView.refresh());
  register('uqpayErrors.coverage.filter', () => coverageView.pickFilter());
  // each client (a new one after a restart) tells the view when the server's index changes
  let attached: vscode.Disposable | undefined;
  s.onRunning((client) => {
    attached?.dispose();
    attached = coverageView.attach(client);
    void coverageView.refresh();
  });
  context.subscriptions.push({ dispose: () => attached?.dispose() });

  // Panels follow the catalog and the docs language without a reload; the server pulls its own settings.
  context.subscriptions.push(
    catalogs.onDidChange(() => catalogPanel.current?.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('uqpayErrors.docsLanguage')) {
        catalogPanel.current?.refresh();
        decodePanel.current?.refresh();
        void coverageView.refresh();
      }
      // The file watchers the server is told about are fixed per client: start a new one.
      if (e.affectsConfiguration('uqpayErrors.extraCatalogs')) void s.restartNow(true);
    }),
  );

  const status = <H extends { ready: boolean }>(p: ManagedPanel<H & { handle(m: unknown): Promise<void> }>): PanelStatus => ({
    get exists() {
      return p.exists;
    },
    get ready() {
      return p.current?.ready ?? false;
    },
    whenReady: (timeoutMs?: number) => p.whenReady(timeoutMs),
    send: async (message: unknown) => {
      await p.current?.handle(message);
    },
  });
  const decodeStatus = status(decodePanel);
  const returning = performance.now();
  const activationMs = returning - started;
  const bundleEvalMs = evaluatedAt - started;
  const activateCallMs = returning - entered;
  void s.ready.then(() => {
    output.appendLine(`[client] activated in ${activationMs.toFixed(1)} ms (bundle ${bundleEvalMs.toFixed(1)} ms, activate ${activateCallMs.toFixed(1)} ms); `
      + `language client running after ${(s.readyTime! - started).toFixed(1)} ms`);
  }, () => undefined);
  return {
    activationMs,
    bundleEvalMs,
    activateCallMs,
    get clientReadyMs() {
      return s.readyTime === undefined ? undefined : s.readyTime - started;
    },
    client: s.ready,
    currentClient: () => s.current,
    serverProcessId: () => s.serverPid,
    crashRestarts: () => s.crashRestarts,
    catalogPanel: status(catalogPanel),
    coverageView,
    terminalLinks: terminalLinks.provider,
    decodePanel: Object.defineProperty(decodeStatus, 'lastResult', { get: () => decodePanel.current?.lastResult ?? null, enumerable: true }) as PanelStatus & { lastResult: DecodeResult | null },
  };
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  await s?.dispose();
}
