/**
 * Starts `dist/server.js` over IPC and keeps it alive: when the server dies the client restarts it
 * after a growing delay, and tells the user once, not on every crash. Bundled on its own
 * (dist/languageClient.js) with vscode-languageclient; deferredServer.ts loads it after activation.
 */
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, State, TransportKind,
  type CloseHandlerResult, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { Backoff } from './backoff';
import { LANGUAGE_IDS, SETTINGS_SECTION } from '../../server/src/service/contract';
import { catalogWatcher, extraCatalogUris } from './catalogPaths';
import type { Lang } from '../../catalog/src/types';
import { translator } from './uiText';

export const CLIENT_ID = SETTINGS_SECTION;


/**
 * One watcher per extra catalog file (fixed when the client starts; the extension restarts the
 * server when that setting changes).
 */
export function extraCatalogWatchers(): vscode.FileSystemWatcher[] {
  return extraCatalogUris().map(catalogWatcher);
}

export class ServerManager implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly backoff = new Backoff();
  private crashes = 0;
  private notified = false;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Set while we stop a server on purpose, so its `closed` does not count as a crash. */
  private stopping = false;
  private readyResolve!: (c: LanguageClient) => void;
  private readyPromise: Promise<LanguageClient>;
  private readonly stateEmitter = new vscode.EventEmitter<'starting' | 'running' | 'stopped'>();
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly traceOutput: vscode.LogOutputChannel,
    /** The docs language (`uqpayErrors.docsLanguage`), which the notifications follow like the panels. */
    private readonly lang: () => Lang,
  ) {
    this.readyPromise = new Promise((r) => (this.readyResolve = r));
  }

  /** Resolves with the running client the first time it is up. */
  get ready(): Promise<LanguageClient> {
    return this.readyPromise;
  }

  get current(): LanguageClient | undefined {
    return this.client;
  }

  /** Restarts after a crash so far (manual restarts not counted). */
  get crashRestarts(): number {
    return this.crashes;
  }

  /** The server's process id while it runs (for tests that kill it). */
  get serverPid(): number | undefined {
    return (this.client as unknown as { serverProcess?: { pid?: number } } | undefined)?.serverProcess?.pid;
  }

  async start(): Promise<void> {
    if (this.disposed) return;
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const watchers = extraCatalogWatchers();
    const clientOptions: LanguageClientOptions = {
      documentSelector: LANGUAGE_IDS.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
      synchronize: {
        configurationSection: SETTINGS_SECTION,
        // The server re-reads its extra catalogs when one of them changes.
        fileEvents: watchers,
      },
      outputChannel: this.output,
      traceOutputChannel: this.traceOutput,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: { displayLanguage: vscode.env.language },
      // Hovers link into the catalog browser; trust that one command and nothing else.
      markdown: { isTrusted: { enabledCommands: ['uqpayErrors.openCatalog'] }, supportHtml: false },
      errorHandler: {
        error: (error, _message, count): ErrorHandlerResult => {
          this.output.appendLine(`[client] connection error (${count ?? 0}): ${error.message}`);
          return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
        },
        closed: (): CloseHandlerResult => {
          if (!this.stopping) this.scheduleRestart();
          // We restart ourselves, with backoff; the library's own restart would not back off.
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
    };
    const client = new LanguageClient(CLIENT_ID, vscode.l10n.t('UQPAY Error Codes Language Server'), serverOptions, clientOptions);
    client.onDidChangeState((e: { newState: State }) => {
      if (e.newState === State.Running) this.stateEmitter.fire('running');
      else if (e.newState === State.Starting) this.stateEmitter.fire('starting');
      else this.stateEmitter.fire('stopped');
    });
    this.client = client;
    this.context.subscriptions.push(...watchers);
    this.stateEmitter.fire('starting');
    try {
      await client.start();
      this.backoff.started(Date.now());
      this.output.appendLine('[client] language server started');
      this.readyResolve(client);
    } catch (e) {
      this.output.appendLine(`[client] language server failed to start: ${e instanceof Error ? e.message : String(e)}`);
      this.scheduleRestart();
    }
  }

  private scheduleRestart(): void {
    if (this.disposed || this.restartTimer) return;
    const delay = this.backoff.next(Date.now());
    this.output.appendLine(`[client] language server stopped; restarting in ${delay} ms (attempt ${this.backoff.count})`);
    if (!this.notified) {
      this.notified = true;
      const t = translator(this.lang());
      void vscode.window.showWarningMessage(
        t('The UQPAY Error Codes language server stopped. It is being restarted; details are in the output.'),
        t('Show Output'),
      ).then((choice) => {
        if (choice) this.output.show(true);
      });
    }
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.crashes += 1;
      void this.restartNow(false);
    }, delay);
  }

  /** Stops the current server (if any) and starts a new one. `manual` resets the backoff. */
  async restartNow(manual: boolean): Promise<void> {
    if (manual) {
      this.backoff.reset();
      if (this.restartTimer) clearTimeout(this.restartTimer);
      this.restartTimer = undefined;
    }
    const old = this.client;
    this.client = undefined;
    if (old) {
      this.stopping = true;
      try {
        if (old.state === State.Running) await old.stop(2000);
      } catch (e) {
        this.output.appendLine(`[client] stopping the old server: ${e instanceof Error ? e.message : String(e)}`);
      }
      try {
        await old.dispose(1000);
      } catch {
        // Already gone.
      }
      this.stopping = false;
    }
    await this.start();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.stateEmitter.dispose();
    const c = this.client;
    this.client = undefined;
    if (c) {
      try {
        await c.stop(2000);
      } catch {
        // The server may already have exited.
      }
    }
  }
}
