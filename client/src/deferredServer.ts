/**
 * The language client, loaded from its own bundle (dist/languageClient.js) just after `activate`
 * returns: vscode-languageclient is most of the extension's code, and nothing in activation needs
 * it. The server still starts at once; `clientReadyMs` says when it is running.
 */
import type * as vscode from 'vscode';
import type { Lang } from '../../catalog/src/types';
import type { LanguageClient } from 'vscode-languageclient/node';
import type * as LanguageClientModule from './languageClient';
import type { ServerManager } from './languageClient';

export class DeferredServer {
  private manager: ServerManager | undefined;
  private disposed = false;
  private readyAt: number | undefined;
  private readonly loaded: Promise<ServerManager>;
  /** Resolves with the language client once the server is running for the first time. */
  readonly ready: Promise<LanguageClient>;

  constructor(
    bundle: string,
    context: vscode.ExtensionContext,
    output: vscode.LogOutputChannel,
    lang: () => Lang,
  ) {
    this.loaded = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      if (this.disposed) throw new Error('the extension was deactivated before the language client loaded');
      // A plain require at run time: esbuild leaves it alone, so the client stays in its own bundle.
      const { ServerManager } = require(bundle) as typeof LanguageClientModule;
      const manager = new ServerManager(context, output, output, lang);
      this.manager = manager;
      void manager.start();
      return manager;
    });
    this.ready = this.loaded.then((m) => m.ready).then((client) => {
      this.readyAt = performance.now();
      return client;
    });
    this.ready.catch((e: unknown) => {
      if (!this.disposed) output.appendLine(`[client] could not load the language client: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    });
  }

  /** Calls `listener` with each client once it runs: the first one and every one after a restart. */
  onRunning(listener: (client: LanguageClient) => void): void {
    void this.loaded.then((m) => {
      m.onDidChangeState((state) => {
        if (state === 'running' && m.current) listener(m.current);
      });
      if (m.current?.isRunning()) listener(m.current);
    }, () => undefined);
  }

  /** `performance.now()` when the first client was running, if it is yet. */
  get readyTime(): number | undefined {
    return this.readyAt;
  }

  get current(): LanguageClient | undefined {
    return this.manager?.current;
  }

  get serverPid(): number | undefined {
    return this.manager?.serverPid;
  }

  get crashRestarts(): number {
    return this.manager?.crashRestarts ?? 0;
  }

  /** Restarts the server, once the client bundle is loaded. */
  async restartNow(manual: boolean): Promise<void> {
    const m = await this.loaded.catch(() => undefined);
    if (m && !this.disposed) await m.restartNow(manual);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.manager?.dispose();
  }
}
