/**
 * One webview panel of a kind, CatCoding style: `show` creates it or brings it forward, a
 * serializer revives it after a reload, disposables are collected, and the page only gets
 * resources from `dist/webview`.
 */
import * as vscode from 'vscode';
import type { PanelKind } from '../webview/protocol';
import { makeNonce, webviewHtml } from './html';

export interface PanelHandler {
  /** Messages from the page (validated by the handler). */
  handle(message: unknown): Promise<void>;
  readonly ready: boolean;
}

export class ManagedPanel<H extends PanelHandler> implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private handler: H | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readyWaiters: (() => void)[] = [];

  constructor(
    readonly kind: PanelKind,
    private readonly title: () => string,
    private readonly context: vscode.ExtensionContext,
    /** Builds the handler for a new panel; `post` sends to this panel's page. */
    private readonly makeHandler: (post: (message: unknown) => void) => H,
    private readonly lang: () => string,
    private readonly output: vscode.OutputChannel,
  ) {
    this.disposables.push(vscode.window.registerWebviewPanelSerializer(this.viewType, {
      deserializeWebviewPanel: async (panel) => {
        this.adopt(panel);
      },
    }));
  }

  get viewType(): string {
    return `uqpayErrors.${this.kind}`;
  }

  /** The handler of the open panel, if there is one. */
  get current(): H | undefined {
    return this.handler;
  }

  get exists(): boolean {
    return this.panel !== undefined;
  }

  /** Resolves when the open panel's page has answered the handshake (false after `timeoutMs`). */
  whenReady(timeoutMs = 10_000): Promise<boolean> {
    if (this.handler?.ready) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Shows the panel (creating it if needed) and returns its handler. */
  show(preserveFocus = false): H {
    if (this.panel && this.handler) {
      this.panel.reveal(undefined, preserveFocus);
      return this.handler;
    }
    const panel = vscode.window.createWebviewPanel(this.viewType, this.title(), { viewColumn: vscode.ViewColumn.Beside, preserveFocus }, this.options());
    return this.adopt(panel);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview')],
    };
  }

  private adopt(panel: vscode.WebviewPanel): H {
    this.disposePanel();
    this.panel = panel;
    panel.webview.options = this.options();
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'images', 'icon.png');
    const handler = this.makeHandler((m) => void panel.webview.postMessage(m));
    this.handler = handler;
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage(async (m) => {
        try {
          await handler.handle(m);
        } catch (e) {
          this.output.appendLine(`[client] ${this.kind} panel: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        }
        if (handler.ready && this.readyWaiters.length) {
          const waiters = this.readyWaiters;
          this.readyWaiters = [];
          for (const w of waiters) w();
        }
      }),
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.handler = undefined;
          for (const d of this.panelDisposables) d.dispose();
          this.panelDisposables = [];
        }
      }),
    );
    const base = panel.webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview')).toString().replace(/\/$/, '');
    panel.webview.html = webviewHtml({ kind: this.kind, cspSource: panel.webview.cspSource, nonce: makeNonce(), base, lang: this.lang(), title: this.title() });
    return handler;
  }

  private disposePanel(): void {
    const p = this.panel;
    this.panel = undefined;
    this.handler = undefined;
    for (const d of this.panelDisposables) d.dispose();
    this.panelDisposables = [];
    p?.dispose();
  }

  dispose(): void {
    this.disposePanel();
    for (const d of this.disposables) d.dispose();
  }
}
