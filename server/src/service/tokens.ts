import type { Catalog } from '../../../catalog/src/catalog';
import type { ErrorEntry } from '../../../catalog/src/types';
import { contextOf, literalAt, regionAt, type Analysis, type CodeRegion } from './analysis';
import type { LiteralContext } from './context';
import { scanJson } from './scanners/json';
import type { BodyToken, ErrorObject, Literal } from './scanners/types';

/** What sits under the cursor, for hover and completion. */
export type TokenAt =
  | { kind: 'object'; object: ErrorObject; field: 'code' | 'type'; token: BodyToken }
  | { kind: 'literal'; region: CodeRegion; index: number; literal: Literal }
  | { kind: 'string'; start: number; end: number; cStart: number; cEnd: number; value: string };

/** The `code` or `type` value of an error object that holds `offset`. */
export function objectTokenAt(a: Analysis, offset: number): { object: ErrorObject; field: 'code' | 'type'; token: BodyToken } | undefined {
  const found = objectTokenIn(a.objects, offset);
  if (found) return found;
  // JSON Lines: lines without a "code" were not scanned; read the one under the cursor now
  const region = a.data.find((r) => r.lines && offset >= r.start && offset <= r.end);
  if (!region) return undefined;
  const lineStart = Math.max(region.start, a.text.lastIndexOf('\n', offset - 1) + 1);
  let lineEnd = a.text.indexOf('\n', offset);
  if (lineEnd < 0 || lineEnd > region.end) lineEnd = region.end;
  return objectTokenIn(scanJson(a.text, lineStart, lineEnd).objects, offset);
}

function objectTokenIn(objs: readonly ErrorObject[], offset: number): { object: ErrorObject; field: 'code' | 'type'; token: BodyToken } | undefined {
  let lo = 0;
  let hi = objs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (objs[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  // objects that start before the offset, nearest first (nested objects start later than their parent)
  for (let i = lo - 1, seen = 0; i >= 0 && seen < 256; i--, seen++) {
    const o = objs[i];
    if (o.code && offset >= o.code.cStart && offset <= o.code.cEnd) return { object: o, field: 'code', token: o.code };
    if (o.type && offset >= o.type.cStart && offset <= o.type.cEnd) return { object: o, field: 'type', token: o.type };
  }
  return undefined;
}

/** The string around `offset` on its line, for JSON documents (a JSON string never spans lines). */
export function jsonStringAt(text: string, offset: number, min: number, max: number): TokenAt | undefined {
  const lineStart = Math.max(min, text.lastIndexOf('\n', offset - 1) + 1);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0 || lineEnd > max) lineEnd = max;
  let i = lineStart;
  while (i < lineEnd) {
    if (text.charCodeAt(i) !== 34) { i++; continue; }
    let j = i + 1;
    while (j < lineEnd && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
    if (offset > i && offset <= j) return { kind: 'string', start: i, end: Math.min(j + 1, lineEnd), cStart: i + 1, cEnd: Math.min(j, lineEnd), value: text.slice(i + 1, Math.min(j, lineEnd)) };
    i = j + 1;
  }
  return undefined;
}

/** A bare word in text (`code=payment_link_expired` in a log line). */
export function wordAt(text: string, offset: number): TokenAt | undefined {
  const isWord = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
  let s = offset;
  while (s > 0 && isWord(text.charCodeAt(s - 1))) s--;
  let e = offset;
  while (e < text.length && isWord(text.charCodeAt(e))) e++;
  if (e <= s) return undefined;
  return { kind: 'string', start: s, end: e, cStart: s, cEnd: e, value: text.slice(s, e) };
}

export function tokenAt(a: Analysis, offset: number): TokenAt | undefined {
  const o = objectTokenAt(a, offset);
  if (o) return { kind: 'object', ...o };
  const region = regionAt(a.code, offset);
  if (region) {
    const index = literalAt(region.literals, offset);
    if (index >= 0) return { kind: 'literal', region, index, literal: region.literals[index] };
    return undefined;
  }
  const data = regionAt(a.data, offset);
  if (!data) return undefined;
  if (data.literals) {
    const index = literalAt(data.literals, offset);
    if (index >= 0) {
      const l = data.literals[index];
      return { kind: 'string', start: l.start, end: l.end, cStart: l.cStart, cEnd: l.cEnd, value: l.value };
    }
    return undefined;
  }
  return jsonStringAt(a.text, offset, data.start, data.end) ?? (data.family === 'text' ? wordAt(a.text, offset) : undefined);
}

export function literalContext(a: Analysis, tok: Extract<TokenAt, { kind: 'literal' }>): LiteralContext | undefined {
  return contextOf(a, tok.region, tok.index);
}

/** The endpoint named near `offset`: an SDK call or a path in the 30 lines above it. */
export function endpointNear(catalog: Catalog, text: string, offset: number, min: number): string | undefined {
  let s = offset;
  for (let n = 0; n < 30 && s > min; n++) s = text.lastIndexOf('\n', s - 1);
  s = Math.max(min, s, offset - 4000);
  let e = text.indexOf('\n', offset);
  if (e < 0) e = text.length;
  return catalog.endpointIn(text.slice(s, e))?.name;
}

/** Entries for a code, narrowed by what the context makes evident. */
export function narrowed(catalog: Catalog, value: string | number, ctx: { type?: string; endpoint?: string }): ErrorEntry[] {
  return catalog.narrow(value, ctx);
}
