/**
 * JSON-RPC 2.0 over the LSP base protocol (Content-Length framing) on a pair of streams.
 * Hand-written so the benchmark timestamps a message the moment its last byte is parsed, and so it
 * needs no package subpath export (the repo's tsconfig resolves modules the node10 way).
 */
import { performance } from 'node:perf_hooks';
import type { Readable, Writable } from 'node:stream';

type RequestHandler = (method: string, params: unknown) => unknown;
type NotificationHandler = (method: string, params: unknown, at: number) => void;

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  method: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

export class JsonRpcConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closedReason: string | null = null;

  constructor(
    input: Readable,
    private readonly output: Writable,
    private readonly onRequest: RequestHandler,
    private readonly onNotification: NotificationHandler,
  ) {
    input.on('data', (chunk: Buffer) => this.receive(chunk));
    input.on('close', () => this.fail('the server closed its output'));
    output.on('error', (e) => this.fail(`cannot write to the server: ${e.message}`));
  }

  request(method: string, params?: unknown): Promise<unknown> {
    if (this.closedReason) return Promise.reject(new Error(`${method}: ${this.closedReason}`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params?: unknown): void {
    if (this.closedReason) throw new Error(`${method}: ${this.closedReason}`);
    this.write({ jsonrpc: '2.0', method, params });
  }

  private write(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.output.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.output.write(body);
  }

  private fail(reason: string): void {
    if (this.closedReason) return;
    this.closedReason = reason;
    for (const p of this.pending.values()) p.reject(new Error(`${p.method}: ${reason}`));
    this.pending.clear();
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) {
        this.fail(`bad header from the server: ${JSON.stringify(header.slice(0, 200))}`);
        return;
      }
      const length = Number(m[1]);
      const start = headerEnd + HEADER_END.length;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      const at = performance.now();
      let message: { id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
      try {
        message = JSON.parse(body);
      } catch {
        this.fail('the server sent a body that is not JSON');
        return;
      }
      this.dispatch(message, at);
    }
  }

  private dispatch(message: { id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { message: string } }, at: number): void {
    if (message.method !== undefined && message.id !== undefined) {
      let result: unknown = null;
      try {
        result = this.onRequest(message.method, message.params);
      } catch {
        result = null;
      }
      this.write({ jsonrpc: '2.0', id: message.id, result: result ?? null });
    } else if (message.method !== undefined) {
      this.onNotification(message.method, message.params, at);
    } else if (typeof message.id === 'number') {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.error) p.reject(new Error(`${p.method}: ${message.error.message}`));
      else p.resolve(message.result);
    }
  }
}
