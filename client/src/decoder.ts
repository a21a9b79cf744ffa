/**
 * Runs `decode` for the decode panel in a worker thread (dist/decodeWorker.js) when it is there,
 * else in-process. A new request while one is running ends the running one: only the latest paste
 * matters, and a stuck decode must not delay the next.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../../catalog/src/catalog';
import { decode } from '../../catalog/src/decode';
import type { CatalogData, DecodeResult } from '../../catalog/src/types';

export interface DecodeRequest { id: number; text: string; sources?: CatalogData[] }
export type DecodeResponse = { id: number; result: DecodeResult; error?: undefined } | { id: number; error: string; result?: undefined };

export type Decoder = (text: string) => Promise<DecodeResult>;

/** The in-process decoder (tests, and when the worker bundle is missing). */
export function inlineDecoder(catalog: () => Catalog): Decoder {
  return async (text) => decode(text, catalog());
}

export class WorkerDecoder {
  private worker: Worker | undefined;
  private sentVersion = -1;
  private nextId = 1;
  private pending: { id: number; resolve: (r: DecodeResult) => void; reject: (e: Error) => void } | undefined;

  constructor(
    private readonly script: string,
    /** The catalog's sources and a number that changes when they do. */
    private readonly sources: () => { version: number; data: CatalogData[] },
    private readonly log: (message: string) => void,
  ) {}

  static available(script: string): boolean {
    return existsSync(script);
  }

  readonly decode: Decoder = (text) => {
    if (this.pending) {
      // Superseded: the page only shows the answer to its latest paste.
      this.pending.reject(new Error('superseded'));
      this.pending = undefined;
      this.stop();
    }
    const worker = this.ensureWorker();
    const { version, data } = this.sources();
    const id = this.nextId++;
    const req: DecodeRequest = { id, text };
    if (version !== this.sentVersion) {
      req.sources = data;
      this.sentVersion = version;
    }
    return new Promise<DecodeResult>((resolve, reject) => {
      this.pending = { id, resolve, reject };
      worker.postMessage(req);
    });
  };

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script);
    this.sentVersion = -1;
    w.on('message', (m: DecodeResponse) => {
      const p = this.pending;
      if (!p || p.id !== m.id) return;
      this.pending = undefined;
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    w.on('error', (e) => {
      this.log(`decode worker failed: ${e.message}`);
      this.pending?.reject(e);
      this.pending = undefined;
      if (this.worker === w) this.worker = undefined;
    });
    w.on('exit', () => {
      if (this.worker === w) this.worker = undefined;
    });
    // An idle worker must not keep the extension host alive.
    w.unref();
    this.worker = w;
    return w;
  }

  private stop(): void {
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }

  dispose(): void {
    this.pending?.reject(new Error('disposed'));
    this.pending = undefined;
    this.stop();
  }
}
