/**
 * The project-wide coverage report (the CLI's `coverage --json` and the editor's view): endpoints
 * in catalog order, each with its calls, its errors and where each is handled. An error counts as
 * handled for an endpoint when the error path of at least one of its calls handles it; each call's
 * own numbers are kept beside it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../../../../catalog/src/catalog';
import type { Retry } from '../../../../catalog/src/types';
import type { CallCoverage } from './coverage';

export interface Location {
  /** Relative to the folder the report is for, `/`-separated. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface ReportError {
  id: string;
  code: string | number;
  general: boolean;
  retry: Retry;
  handled: Location[];
}

export interface ReportEndpoint {
  endpoint: string;
  calls: (Location & { via: 'sdk' | 'http'; handled: number; total: number })[];
  errors: ReportError[];
  handled: number;
  total: number;
}

export interface CoverageReport {
  endpoints: ReportEndpoint[];
  summary: { endpoints: number; calls: number; handled: number; total: number; files: number };
}

/** One file's calls, with a way to turn offsets into 1-based positions. */
export interface FileCoverage {
  file: string;
  calls: readonly CallCoverage[];
  position(offset: number): { line: number; column: number };
}

/** A file's calls with their positions taken now, so the document itself need not be kept. */
export function fileCoverage(file: string, doc: TextDocument, calls: readonly CallCoverage[]): FileCoverage {
  const positions = new Map<number, { line: number; column: number }>();
  for (const c of calls) {
    for (const o of [c.call.start, ...c.errors.flatMap((e) => e.handled.map((h) => h.start))]) {
      const p = doc.positionAt(o);
      positions.set(o, { line: p.line + 1, column: p.character + 1 });
    }
  }
  return { file, calls, position: (o) => positions.get(o)! };
}

export function buildCoverageReport(catalog: Catalog, files: readonly FileCoverage[]): CoverageReport {
  const byEndpoint = new Map<string, ReportEndpoint>();
  const seen = new Map<string, Set<string>>();
  for (const f of files) {
    for (const c of f.calls) {
      let ep = byEndpoint.get(c.call.endpoint);
      if (!ep) {
        ep = {
          endpoint: c.call.endpoint,
          calls: [],
          errors: c.errors.map((e) => ({ id: e.entry.id, code: e.entry.code, general: e.general, retry: e.entry.retry, handled: [] })),
          handled: 0,
          total: c.errors.length,
        };
        byEndpoint.set(c.call.endpoint, ep);
      }
      ep.calls.push({ file: f.file, ...f.position(c.call.start), via: c.call.via, handled: c.handled, total: c.total });
      c.errors.forEach((e, i) => {
        const target = ep!.errors[i];
        for (const h of e.handled) {
          const loc = { file: f.file, ...f.position(h.start) };
          const key = `${target.id}\u0000${loc.file}\u0000${loc.line}`;
          let s = seen.get(c.call.endpoint);
          if (!s) seen.set(c.call.endpoint, (s = new Set()));
          if (s.has(key)) continue;
          s.add(key);
          target.handled.push(loc);
        }
      });
    }
  }
  const order = new Map(catalog.endpoints.map((e, i) => [e.name, i]));
  const endpoints = [...byEndpoint.values()].sort((a, b) => (order.get(a.endpoint) ?? 1e9) - (order.get(b.endpoint) ?? 1e9));
  let handled = 0;
  let total = 0;
  let calls = 0;
  for (const ep of endpoints) {
    ep.handled = ep.errors.filter((e) => e.handled.length > 0).length;
    handled += ep.handled;
    total += ep.total;
    calls += ep.calls.length;
  }
  return { endpoints, summary: { endpoints: endpoints.length, calls, handled, total, files: files.length } };
}

/** Handled share in percent (100 when there is nothing to handle). */
export function coveragePercent(r: { handled: number; total: number }): number {
  return r.total === 0 ? 100 : (100 * r.handled) / r.total;
}
