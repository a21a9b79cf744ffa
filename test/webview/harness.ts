/**
 * Loads the webview pages in headless Debian chromium the way VS Code would, minus VS Code:
 * - the pages are built from the same sources with the same esbuild options as dist/webview
 *   (into a temp folder, so a parallel `npm run build` wiping dist/ cannot break a run);
 * - a loopback HTTP server serves them with the exact HTML and CSP the panels build;
 * - a fake `acquireVsCodeApi` STANDS IN FOR VS CODE'S WEBVIEW HOST: postMessage goes to the real
 *   host logic (CatalogHost / DecodeHost from client/src/panels/) running in this Node
 *   process, and the host's answers come back as window `message` events, as in VS Code;
 *   getState/setState keep the state in sessionStorage, so it survives a reload like VS Code's.
 */
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webviewHtml, makeNonce } from '../../client/src/panels/html';
import type { HostEnv } from '../../client/src/panels/hostEnv';
import type { PanelKind } from '../../client/src/webview/protocol';

const ROOT = resolve(__dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf', '.map': 'application/json', '.png': 'image/png',
};

/** Builds the two pages like esbuild.mjs does for dist/webview. */
async function buildPages(out: string): Promise<void> {
  await Promise.all(['catalog', 'decode'].map((name) => esbuild.build({
    entryPoints: [join(ROOT, `client/src/webview/${name}/main.ts`)],
    outfile: join(out, `${name}.js`),
    bundle: true, platform: 'browser', format: 'iife', target: 'chrome114', sourcemap: true, logLevel: 'warning',
    mainFields: ['browser', 'module', 'main'],
  })));
  cpSync(join(ROOT, 'client/src/webview/styles'), join(out, 'styles'), { recursive: true });
  mkdirSync(join(out, 'codicons'), { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) cpSync(join(ROOT, 'node_modules/@vscode/codicons/dist', f), join(out, 'codicons', f));
}

/** Polls a condition on the Node side until it holds or the deadline passes. */
export async function until(cond: () => boolean, deadlineMs = 20_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}

export class Harness {
  private dir = '';
  private server: Server | undefined;
  private browser: Browser | undefined;
  origin = '';

  async start(): Promise<void> {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    this.dir = mkdtempSync(join(tmpdir(), 'uqpay-webview-'));
    await buildPages(join(this.dir, 'webview'));
    mkdirSync(RESULTS, { recursive: true });
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const page = /^\/(catalog|decode)\.html$/.exec(url.pathname);
      if (page) {
        const html = webviewHtml({
          kind: page[1] as PanelKind, cspSource: this.origin, nonce: makeNonce(), base: `${this.origin}/webview`,
          lang: url.searchParams.get('lang') ?? 'en', title: 'test',
        });
        res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
        res.end(html);
        return;
      }
      // Static files: the built pages, and the theme stand-ins under /theme/.
      let file: string | undefined;
      if (url.pathname.startsWith('/webview/')) file = normalize(join(this.dir, url.pathname));
      else if (url.pathname.startsWith('/theme/')) file = normalize(join(ROOT, 'test/fixtures/webview', url.pathname.slice('/theme/'.length)));
      if (!file || (!file.startsWith(this.dir) && !file.startsWith(join(ROOT, 'test/fixtures/webview'))) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    // playwright launches with a fresh temporary profile (user-data-dir) each time.
    this.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  }

  /**
   * Opens a page whose fake VS Code host forwards to `handle`; returns the page and the `post`
   * function the host env uses to answer.
   */
  async open(
    kind: PanelKind, handle: (msg: unknown) => Promise<void>, theme: 'light' | 'dark' | 'hc' = 'dark',
    /** Called with the page before it loads, so the host can answer its `ready`. */
    onPage: (page: Page) => void = () => undefined,
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await this.browser!.newContext({ viewport: { width: 1100, height: 760 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // Chromium asks for /favicon.ico on its own; VS Code would not.
      if (m.type() === 'error' && !/favicon\.ico$/.test(m.location().url)) errors.push(m.text());
    });
    // Deep-copy like VS Code's structured message passing; answer asynchronously.
    await page.exposeFunction('__uqpayHostReceive', (json: string) => {
      void handle(JSON.parse(json)).catch((e) => errors.push(`host: ${String(e)}`));
    });
    // A string, not a function: tsx's transform would add helpers the page does not have.
    await page.addInitScript(`(() => {
      const themeName = ${JSON.stringify(theme)};
      window.acquireVsCodeApi = () => ({
        postMessage: (m) => window.__uqpayHostReceive(JSON.stringify(m)),
        getState: () => {
          const s = sessionStorage.getItem('vscode-state');
          return s === null ? undefined : JSON.parse(s);
        },
        setState: (s) => sessionStorage.setItem('vscode-state', JSON.stringify(s)),
      });
      // VS Code sets these body classes and the theme variables; the variables come from a
      // stylesheet under /theme/ (same origin, so the page's CSP allows it).
      document.addEventListener('DOMContentLoaded', () => {
        document.body.classList.add(themeName === 'hc' ? 'vscode-high-contrast' : 'vscode-' + themeName);
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = '/theme/theme-' + themeName + '.css';
        document.head.prepend(link);
      });
    })();`);
    onPage(page);
    await page.goto(`${this.origin}/${kind}.html`);
    return { page, errors };
  }

  /** A HostEnv whose `post` delivers to `page` as VS Code does (a window message event). */
  env<Out>(getPage: () => Page | undefined, overrides: Partial<HostEnv<Out>> = {}): HostEnv<Out> & { copied: string[]; logs: string[] } {
    const copied: string[] = [];
    const logs: string[] = [];
    return {
      copied,
      logs,
      post: (m) => {
        const p = getPage();
        if (p) void p.evaluate((msg) => window.postMessage(msg, '*'), m as unknown).catch(() => undefined);
      },
      copy: async (t) => {
        copied.push(t);
      },
      insertText: async () => false,
      editorLanguage: () => undefined,
      openExternal: async (u) => {
        copied.push(`open:${u}`);
        return true;
      },
      log: (m) => logs.push(m),
      ...overrides,
    };
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
