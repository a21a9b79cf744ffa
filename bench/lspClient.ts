/**
 * A minimal LSP client over stdio for the benchmark: starts `dist/server.js`, speaks real JSON-RPC
 * (vscode-jsonrpc's Content-Length framing), and lets the caller await publishDiagnostics.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { JsonRpcConnection } from './jsonRpc';

export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

interface Waiter {
  uri: string;
  version: number | undefined;
  resolve: (p: { params: PublishDiagnosticsParams; at: number }) => void;
  reject: (e: Error) => void;
}

export class LspClient {
  private readonly waiters: Waiter[] = [];
  private stderrTail = '';
  private exited = false;

  readonly connection: JsonRpcConnection;

  private constructor(readonly proc: ChildProcess) {
    if (!proc.stdout || !proc.stdin) throw new Error('could not open the server pipes');
    proc.stderr?.on('data', (d: Buffer) => {
      this.stderrTail = (this.stderrTail + d.toString()).slice(-4000);
    });
    proc.on('exit', (code, signal) => {
      this.exited = true;
      // a crash fails the pending waits now rather than at their timeouts
      const why = new Error(`the server exited (code ${code}, signal ${signal}): ${this.stderrTail.trim().slice(-600)}`);
      for (const w of this.waiters.splice(0)) w.reject(why);
    });
    this.connection = new JsonRpcConnection(proc.stdout, proc.stdin, (method, params) => this.answer(method, params), (method, params, at) => {
      if (method !== 'textDocument/publishDiagnostics') return;
      const p = params as PublishDiagnosticsParams;
      for (let i = 0; i < this.waiters.length; i++) {
        const w = this.waiters[i];
        // Servers that leave out `version` are matched on the URI alone.
        if (w.uri === p.uri && (w.version === undefined || p.version === undefined || p.version === w.version)) {
          this.waiters.splice(i, 1);
          w.resolve({ params: p, at });
          return;
        }
      }
    });
  }

  /** Answers what a client must answer; the server's defaults stand in for user settings. */
  private answer(method: string, params: unknown): unknown {
    if (method === 'workspace/configuration') {
      const items = (params as { items?: unknown[] } | undefined)?.items ?? [];
      return items.map(() => null);
    }
    return null;
  }

  get pid(): number {
    if (this.proc.pid === undefined) throw new Error('server process has no pid');
    return this.proc.pid;
  }

  /** Spawns the server and completes the initialize handshake; returns the handshake time. */
  static async start(serverPath: string, rootDir: string, nodeArgs: string[] = []): Promise<{ client: LspClient; initializeMs: number }> {
    const t0 = performance.now();
    const proc = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(proc);
    const connection = client.connection;
    const failed = new Promise<never>((_, reject) => {
      proc.once('error', (e) => reject(new Error(`cannot start ${serverPath}: ${e.message}`)));
      proc.once('exit', (code) => reject(new Error(`server exited (code ${code}) during initialize: ${client.stderrTail}`)));
    });
    failed.catch(() => undefined);
    const rootUri = pathToFileURL(rootDir).href;
    const initialize = connection.request('initialize', {
        processId: process.pid,
        clientInfo: { name: 'uqpay-bench' },
        locale: 'en',
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          },
        },
      });
    try {
      await Promise.race([failed, initialize]);
    } catch (e) {
      await delay(50); // let the last stderr bytes arrive
      if (!client.exited && proc.pid !== undefined) process.kill(proc.pid, 'SIGKILL');
      throw new Error(`${(e as Error).message}${client.stderrTail ? `; server stderr: ${client.stderrTail.trim().slice(-600)}` : ''}`);
    }
    const initializeMs = performance.now() - t0;
    connection.notify('initialized', {});
    return { client, initializeMs };
  }

  /** Registers interest before sending, so a fast answer cannot be missed. */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 60_000): Promise<{ params: PublishDiagnosticsParams; at: number }> {
    return new Promise((resolve, reject) => {
      if (this.exited) {
        reject(new Error(`the server has exited: ${this.stderrTail.trim().slice(-600)}`));
        return;
      }
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no publishDiagnostics for ${uri} (version ${version}) within ${timeoutMs} ms${this.exited ? '; the server exited: ' + this.stderrTail : ''}`));
      }, timeoutMs);
      const waiter: Waiter = {
        uri,
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** didOpen → the first publishDiagnostics for it; returns elapsed ms and the diagnostic count. */
  async openAndWait(uri: string, languageId: string, text: string, version = 1): Promise<{ ms: number; count: number }> {
    const wait = this.nextDiagnostics(uri, version);
    const t0 = performance.now();
    this.connection.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    const { params, at } = await wait;
    return { ms: at - t0, count: params.diagnostics.length };
  }

  async close(uri: string): Promise<void> {
    this.connection.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** One incremental change → its publishDiagnostics. */
  async changeAndWait(uri: string, version: number, range: LspRange, text: string): Promise<{ ms: number; count: number }> {
    const wait = this.nextDiagnostics(uri, version);
    const t0 = performance.now();
    this.connection.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    const { params, at } = await wait;
    return { ms: at - t0, count: params.diagnostics.length };
  }

  async timedRequest(method: string, params: unknown): Promise<{ ms: number; result: unknown }> {
    const t0 = performance.now();
    const result = await this.connection.request(method, params);
    return { ms: performance.now() - t0, result };
  }

  /**
   * CPU time the server process has used so far (user + system, ms), from /proc/PID/stat in clock
   * ticks of 10 ms: unlike wall time it does not grow when other work on the machine preempts it.
   */
  cpuMs(): number | null {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      // fields after the `(comm)`, which may itself hold spaces; utime and stime are fields 14 and 15
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(rest[11]) + Number(rest[12])) * 10;
    } catch {
      return null;
    }
  }

  /** VmRSS (or another /proc status field, e.g. VmHWM for the peak) of the server process in MB. */
  rssMb(field = 'VmRSS'): number | null {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
      return m ? Number(m[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  /** shutdown + exit; kills this server (by its pid) if it does not leave within a second. */
  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.request('shutdown'), delay(2000)]);
        this.connection.notify('exit');
        this.proc.stdin?.end();
      } catch {
        // the process may already be gone; the kill below covers it
      }
    }
    const gone = this.exited || (await Promise.race([new Promise<boolean>((r) => this.proc.once('exit', () => r(true))), delay(1000).then(() => false)]));
    if (!gone && this.proc.pid !== undefined) {
      try {
        process.kill(this.proc.pid, 'SIGKILL');
      } catch {
        // already exited
      }
    }
  }
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
