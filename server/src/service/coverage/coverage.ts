/**
 * Error coverage of one document: each call of a Global Acquiring endpoint, the catalog errors
 * its endpoint can return (its own entries, then the general ones), and for each error where the
 * call's error path handles it. What counts as handling (README, "Error coverage"):
 * - a code comparison or case label for the error's code (the same contexts hover and completion
 *   use) in the error path;
 * - a `type` comparison for the error's only type;
 * - a mention of an SDK error class or predicate that the error's code reaches, by the SDK error
 *   data (catalog/src/sdkErrors.ts: `RateLimitError`, `IsNotFound()`, `isServerError()`…; base
 *   classes handle nothing), in the error path.
 */
import type { Catalog } from '../../../../catalog/src/catalog';
import type { ErrorEntry } from '../../../../catalog/src/types';
import { contextOf, type Analysis, type CodeRegion } from '../analysis';
import { familyOf } from '../languages';
import { findHttpCalls, findSdkCalls, mayHoldCalls, type CallSite } from './calls';
import { errorPath, type ErrorPath, type Span } from './errorPath';
import type { Family } from '../scanners/types';
import { isSdkName, sdkAliases } from '../sdk';
import { sdkClassCodes } from './sdkClasses';
import { structureOf } from './structure';

export type { CallSite } from './calls';

/** Where an error is handled: an offset range in the document. */
export interface HandledAt {
  start: number;
  end: number;
  /** `code` comparison, `type` comparison, or the SDK class / predicate named. */
  by: 'code' | 'type' | 'class';
}

export interface ErrorCoverage {
  entry: ErrorEntry;
  /** A general error (any endpoint can return it). */
  general: boolean;
  handled: HandledAt[];
}

export interface CallCoverage {
  call: CallSite;
  path: ErrorPath;
  errors: ErrorCoverage[];
  handled: number;
  total: number;
}

/** Languages whose files can call an endpoint (source code, not data, logs or Markdown). */
export function coversLanguage(languageId: string): boolean {
  const f = familyOf(languageId);
  return f !== undefined && f !== 'json' && f !== 'yaml' && f !== 'text' && f !== 'markdown';
}

/** The catalog errors an endpoint can return: its own entries, then the general ones. */
export function endpointErrors(catalog: Catalog, endpoint: string): { entry: ErrorEntry; general: boolean }[] {
  const seen = new Set<string>();
  const out: { entry: ErrorEntry; general: boolean }[] = [];
  for (const entry of catalog.byEndpoint(endpoint)) if (!seen.has(entry.id)) seen.add(entry.id), out.push({ entry, general: false });
  for (const entry of catalog.byGroup('general')) if (!seen.has(entry.id)) seen.add(entry.id), out.push({ entry, general: true });
  return out;
}

interface Found {
  codes: Map<string, HandledAt[]>;
  types: Map<string, HandledAt[]>;
  classes: Map<string, HandledAt[]>;
}

function add(map: Map<string, HandledAt[]>, key: string, at: HandledAt): void {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
}

/** Code and type comparisons and SDK class mentions inside the spans. */
function handlingIn(a: Analysis, region: CodeRegion, spans: Span[], classRe: RegExp | undefined, inCode: (o: number) => boolean): Found {
  const found: Found = { codes: new Map(), types: new Map(), classes: new Map() };
  const lits = region.literals;
  for (const span of spans) {
    // literals are sorted by start: binary search the first one in the span
    let lo = 0;
    let hi = lits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lits[mid].start < span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < lits.length && lits[i].start < span.end; i++) {
      const ctx = contextOf(a, region, i);
      if (!ctx) continue;
      const at: HandledAt = { start: lits[i].start, end: lits[i].end, by: ctx.kind };
      add(ctx.kind === 'code' ? found.codes : found.types, lits[i].value, at);
    }
    if (classRe) {
      const body = a.text.slice(span.start, span.end);
      classRe.lastIndex = 0;
      for (let m = classRe.exec(body); m; m = classRe.exec(body)) {
        const start = span.start + m.index;
        if (inCode(start)) add(found.classes, m[0], { start, end: start + m[0].length, by: 'class' });
      }
    }
  }
  return found;
}

function coverageOf(catalog: Catalog, call: CallSite, path: ErrorPath, found: Found, classCodes: ReadonlyMap<string, ReadonlySet<string>>): CallCoverage {
  const errors: ErrorCoverage[] = [];
  let handled = 0;
  for (const { entry, general } of endpointErrors(catalog, call.endpoint)) {
    const at: HandledAt[] = [...(found.codes.get(String(entry.code)) ?? [])];
    if (entry.types.length === 1) at.push(...(found.types.get(entry.types[0]) ?? []));
    for (const [name, list] of found.classes) if (classCodes.get(name)?.has(entry.id)) at.push(...list);
    at.sort((x, y) => x.start - y.start);
    if (at.length) handled++;
    errors.push({ entry, general, handled: at });
  }
  return { call, path, errors, handled, total: errors.length };
}

/**
 * The SDK classes that handle errors, as this file names them: a class it imports from another
 * library (Django's ValidationError) handles none of UQPAY's errors, and an SDK class under a name
 * the file gives it (`ValidationError as UqpayValidationError`) handles the class's.
 */
function fileClassCodes(catalog: Catalog, a: Analysis, family: Family): ReadonlyMap<string, ReadonlySet<string>> {
  const all = sdkClassCodes(catalog, family);
  const foreign = [...all.keys()].filter((n) => a.text.includes(n) && !isSdkName(a, n));
  const aliases = [...sdkAliases(a)].filter(([, name]) => all.has(name));
  if (!foreign.length && !aliases.length) return all;
  const out = new Map(all);
  for (const n of foreign) out.delete(n);
  for (const [local, name] of aliases) out.set(local, all.get(name)!);
  return out;
}

const analyses = new WeakMap<Analysis, Map<Catalog, CallCoverage[]>>();

/** Every endpoint call in the document with its error coverage, in document order. Cached per analysis. */
export function documentCoverage(catalog: Catalog, a: Analysis): CallCoverage[] {
  let byCatalog = analyses.get(a);
  const hit = byCatalog?.get(catalog);
  if (hit) return hit;
  const out: CallCoverage[] = [];
  const classesOf = new Map<Family, ReadonlyMap<string, ReadonlySet<string>>>();
  for (const region of a.code) {
    const { family, start, end, literals } = region;
    // cheap exits first: most files name no endpoint at all
    if (!mayHoldCalls(a.text, family, start, end)) continue;
    const classCodes = classesOf.get(family) ?? classesOf.set(family, fileClassCodes(catalog, a, family)).get(family)!;
    const s = structureOf(a.text, family, literals, start, end);
    const calls = [...findSdkCalls(a.text, family, s, start, end, a.mentionsUqpay()), ...findHttpCalls(catalog, a.text, literals, s, start, end)];
    if (!calls.length) continue;
    calls.sort((x, y) => x.start - y.start);
    const classRe = classCodes.size ? new RegExp(`\\b(?:${[...classCodes.keys()].join('|')})\\b`, 'g') : undefined;
    for (const call of calls) {
      const path = errorPath(a.text, family, s, call.start, call.callEnd, start, end);
      out.push(coverageOf(catalog, call, path, handlingIn(a, region, path.spans, classRe, s.inCode), classCodes));
    }
  }
  if (!byCatalog) analyses.set(a, (byCatalog = new Map()));
  byCatalog.set(catalog, out);
  return out;
}
