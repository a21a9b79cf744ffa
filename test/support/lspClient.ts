/**
 * A minimal LSP client for tests: spawns the BUILT `dist/server.js --stdio`, speaks JSON-RPC over
 * its pipes (vscode-jsonrpc), answers the server's requests (workspace/configuration,
 * client/registerCapability) and records what it publishes. Every server is killed by pid.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

import { ROOT } from './paths';

export { ROOT };
export const SERVER = join(ROOT, 'dist', 'server.js');

export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

let snapshot: string | undefined;

/**
 * Builds the bundles when dist/server.js is missing (`npm test` builds before any stage), then
 * runs a private copy of the bundle, so a parallel `npm run build` wiping dist/ cannot break a run.
 */
export function ensureBuilt(): string {
  if (snapshot && existsSync(snapshot)) return snapshot;
  if (!existsSync(SERVER)) {
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'uqpay-server-'));
  snapshot = join(dir, 'server.js');
  copyFileSync(SERVER, snapshot);
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return snapshot;
}

export interface TestServer {
  proc: ChildProcessWithoutNullStreams;
  conn: MessageConnection;
  published: PublishDiagnosticsParams[];
  /** window/showMessage texts. */
  messages: string[];
  /** window/logMessage texts. */
  logs: string[];
  stderr(): string;
  /** What workspace/configuration answers for each item (default: `{}`); replace to change settings. */
  configuration: (item: { scopeUri?: string; section?: string }) => unknown;
  configurationRequests: number;
  /** The next (or already received latest) publishDiagnostics for `uri` satisfying `pred`. */
  diagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, waitMs?: number): Promise<PublishDiagnosticsParams>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Wait for a showMessage/logMessage matching `re`. */
  message(re: RegExp, waitMs?: number): Promise<string>;
  kill(): void;
}

/** Rejects after `ms`: keeps a broken server from hanging the suite (this is a deadline, not a measurement). */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
    }),
  ]);
}

export function startServer(options: { cwd?: string; args?: string[] } = {}): TestServer {
  const bundle = ensureBuilt();
  const proc = spawn(process.execPath, [bundle, '--stdio', ...(options.args ?? [])], { cwd: options.cwd ?? ROOT });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr = (stderr + String(d)).slice(-20_000)));
  // A server that dies makes writes fail with EPIPE: the tests look at `exited` instead.
  proc.stdin.on('error', () => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => proc.on('exit', (code, signal) => res({ code, signal })));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.onError(() => undefined);
  const published: PublishDiagnosticsParams[] = [];
  const messages: string[] = [];
  const logs: string[] = [];
  let waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  let msgWaiters: { re: RegExp; resolve: (m: string) => void }[] = [];

  const server: TestServer = {
    proc,
    conn,
    published,
    messages,
    logs,
    stderr: () => stderr,
    configuration: () => ({}),
    configurationRequests: 0,
    diagnostics(uri, pred = () => true, waitMs = 15_000) {
      for (let i = published.length - 1; i >= 0; i--) {
        if (published[i].uri === uri) {
          if (pred(published[i])) return Promise.resolve(published[i]);
          break;
        }
      }
      return within(new Promise((res) => waiters.push({ uri, pred, resolve: res })), waitMs, `diagnostics for ${uri}`);
    },
    message(re, waitMs = 15_000) {
      const seen = [...messages, ...logs].find((m) => re.test(m));
      if (seen) return Promise.resolve(seen);
      return within(new Promise((res) => msgWaiters.push({ re, resolve: res })), waitMs, `message ${re}`);
    },
    exited,
    kill() {
      conn.dispose();
      if (proc.exitCode === null && proc.signalCode === null && proc.pid !== undefined) {
        try {
          process.kill(proc.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    },
  };

  const onMessage = (m: string) => {
    const ready = msgWaiters.filter((w) => w.re.test(m));
    msgWaiters = msgWaiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(m);
  };
  conn.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
    server.configurationRequests++;
    return params.items.map((item) => server.configuration(item));
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('client/unregisterCapability', () => null);
  conn.onRequest('window/showMessageRequest', () => null);
  conn.onRequest('workspace/workspaceFolders', () => null);
  conn.onNotification('window/showMessage', (p: { message: string }) => {
    messages.push(p.message);
    onMessage(p.message);
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
    onMessage(p.message);
  });
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    const ready = waiters.filter((w) => w.uri === p.uri && w.pred(p));
    waiters = waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(p);
  });
  conn.listen();
  return server;
}

/** initialize + initialized with the capabilities VS Code sends for what this server uses. */
export async function initialize(
  server: TestServer,
  options: { root?: string; folders?: string[]; locale?: string; configuration?: boolean; watch?: boolean } = {},
): Promise<unknown> {
  const rootUri = options.root ? pathToFileURL(options.root).toString() : null;
  const folders = options.folders ? options.folders.map((f, i) => ({ uri: pathToFileURL(f).toString(), name: `ws${i}` }))
    : rootUri ? [{ uri: rootUri, name: 'ws' }] : null;
  const died = server.exited.then(({ code, signal }) => {
    throw new Error(`the server exited (code ${code}, signal ${signal}) before answering initialize: ${server.stderr().slice(-2000)}`);
  });
  died.catch(() => undefined);
  const answer = server.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: folders,
    locale: options.locale ?? 'en',
    capabilities: {
      workspace: {
        configuration: options.configuration ?? true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: options.watch ?? true },
        workspaceFolders: true,
      },
      textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
    },
  });
  const result = await within(Promise.race([answer, died]), 20_000, 'initialize result');
  await server.conn.sendNotification('initialized', {});
  return result;
}

/** The LSP position `k` characters into the first occurrence of `needle` in `text`. */
export function positionAfter(text: string, needle: string, k: number): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  const before = text.slice(0, i + k);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}
