/**
 * The candidate finders of decode: every place in pasted text where an error response may stand
 * (JSON bodies and the wrappers around them, SDK strings and dumps, log fields, status lines with
 * HTML or plain bodies), before any of them is checked against the catalog (bodyRules.ts).
 */
import type { Catalog } from './catalog';
import { entryFitsMessage } from './bodyRules';
import { bodyAfter, scanHttp, type HttpScan } from './httpScan';
import { scanJsonObjects } from './jsonScan';
import { SDK_STATUS_STRING } from './sdkSynth';
import { extractKeyValues, findGoErrorStrings, SDK_ERROR_LINE, type LooseError } from './sdkText';
import type { SourceKind } from './types';

/** Loose spans (non-JSON braces) longer than this are not read as key/value dumps. */
const MAX_LOOSE_SPAN = 16 * 1024;

/** One error response found in the text, before it is checked against the catalog. */
export interface Candidate extends LooseError {
  kind: SourceKind;
  /** A JSON body with only a message: an error only when a non-2xx status stands before it. */
  weak?: boolean;
}

export interface Candidates {
  /** Sorted by start (longest first), same-line duplicates merged. */
  candidates: Candidate[];
  /** JSON objects without error fields. */
  successBodies: number;
  http: HttpScan;
  tooDeep: number;
  truncated: boolean;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** A string with something in it: blank type and message fields say nothing (as Android's parser reads them). */
const filled = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const isBlank = (v: unknown): boolean => v === null || (typeof v === 'string' && !v.trim());
const httpStatusOf = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : null;
};

// Keys under which wrappers (loggers, SDKs, gateways) put the error body.
const WRAPPER_KEYS = ['error', 'errors', 'err', 'response', 'body', 'data', 'detail', 'details', 'cause', 'payload', 'result', 'res', 'resp', 'json'];

/** Request id, idempotency key and HTTP status written in a JSON object (body fields, or a logger's). */
function directFields(o: Json): { requestId: string | null; idempotencyKey: string | null; httpStatus: number | null } {
  return {
    requestId: str(o.request_id) ?? str(o.requestId) ?? str(o['x-request-id']),
    idempotencyKey: str(o.idempotency_key) ?? str(o.idempotencyKey) ?? str(o['x-idempotency-key']),
    httpStatus: httpStatusOf(o.httpStatus) ?? httpStatusOf(o.http_status) ?? httpStatusOf(o.status_code) ?? httpStatusOf(o.statusCode) ?? httpStatusOf(o.status),
  };
}

/** The error fields of one JSON object, if it is an error body. */
function directShape(o: Json, start: number, end: number): Candidate | undefined {
  const rawCode = o.code;
  const code = typeof rawCode === 'string' && rawCode.trim() ? rawCode : typeof rawCode === 'number' && Number.isFinite(rawCode) ? rawCode : null;
  const type = filled(o.type);
  const message = filled(o.message) ?? filled(o.msg);
  const base = { start, end, kind: 'json' as SourceKind, ...directFields(o) };
  // The uqpay CLI's own error JSON: {"error": "<its name>", "message", "code": <HTTP status>}.
  if (typeof o.error === 'string' && /^[a-z]+(?:_[a-z]+)*$/.test(o.error) && typeof rawCode === 'number' && httpStatusOf(rawCode) !== null && type === null) {
    return { ...base, code: o.error, type: null, message, httpStatus: rawCode };
  }
  // The envelope with every field blank: an error body that says nothing (the status must).
  if ('type' in o && 'code' in o && 'message' in o && code === null && type === null && message === null && isBlank(o.code)) {
    return { ...base, code: null, type: null, message: null };
  }
  if (code !== null && (message !== null || type !== null)) {
    // Some gateways answer success as {"code":0,"message":"success"}.
    if (code === 0 && (message === null || /^(success|ok)$/i.test(message))) return undefined;
    return { ...base, code, type, message };
  }
  if (type !== null && /(_error|^not_found)$/.test(type) && message !== null) return { ...base, code: null, type, message };
  if (typeof o.error === 'string' && o.error.trim() && code === null) {
    // A Go SDK string inside is read by the SDK-string finder, which knows its code and status.
    if (/\(HTTP \d{3}\)/.test(o.error)) return undefined;
    return { ...base, code: null, type: null, message: o.error };
  }
  if (message !== null && Object.keys(o).length <= 4) return { ...base, code: null, type: null, message, weak: true };
  return undefined;
}

type Inherited = Pick<Candidate, 'requestId' | 'idempotencyKey' | 'httpStatus'>;

/** Breadth-first through wrappers (no recursion) to the first error body; a wrapper's request id and status carry down. */
function errorShape(value: unknown, start: number, end: number): Candidate | undefined {
  const none: Inherited = { requestId: null, idempotencyKey: null, httpStatus: null };
  const queue: { v: unknown; depth: number; up: Inherited }[] = [{ v: value, depth: 0, up: none }];
  let weak: Candidate | undefined;
  const fill = (c: Candidate, up: Inherited): Candidate => ({
    ...c,
    requestId: c.requestId ?? up.requestId,
    idempotencyKey: c.idempotencyKey ?? up.idempotencyKey,
    httpStatus: c.httpStatus ?? up.httpStatus,
  });
  for (let seen = 0; queue.length && seen < 200; seen++) {
    const { v, depth, up } = queue.shift() as { v: unknown; depth: number; up: Inherited };
    if (Array.isArray(v)) {
      for (const item of v.slice(0, 10)) queue.push({ v: item, depth: depth + 1, up });
      continue;
    }
    if (!isObject(v)) continue;
    const shape = directShape(v, start, end);
    if (shape && !shape.weak) return fill(shape, up);
    if (shape && !weak) weak = fill(shape, up);
    if (depth >= 6) continue;
    const own = directFields(v);
    const next: Inherited = {
      requestId: own.requestId ?? up.requestId,
      idempotencyKey: own.idempotencyKey ?? up.idempotencyKey,
      httpStatus: own.httpStatus ?? up.httpStatus,
    };
    for (const key of Object.keys(v)) {
      if (!WRAPPER_KEYS.includes(key.toLowerCase())) continue;
      const child = v[key];
      if (typeof child === 'string') {
        const t = child.trim();
        if (t.startsWith('{') && t.length < 1_000_000) {
          try {
            queue.push({ v: JSON.parse(t), depth: depth + 1, up: next });
          } catch {
            /* not JSON: a plain message, handled by directShape */
          }
        }
      } else if (typeof child === 'object' && child !== null) queue.push({ v: child, depth: depth + 1, up: next });
    }
  }
  return weak;
}

function htmlText(body: string): string | null {
  const title = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(body) ?? /<h1[^>]*>([^<]{1,300})<\/h1>/i.exec(body);
  if (title) return title[1].replace(/\s+/g, ' ').trim() || null;
  const text = body.replace(/<[^>]{0,500}>/g, ' ').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 300) : null;
}

const SAME_LINE_STATUS = /\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?:[_ ]?code)?|http[_ ]?status)\s*[=:]?\s*(\d{3})\b/gi;

/** A status written on the same line just before the body: `status=400 {…}`. */
export function statusOnLine(text: string, at: number, from: number): number | null {
  const lineStart = Math.max(from, text.lastIndexOf('\n', at - 1) + 1, at - 500);
  const before = text.slice(lineStart, at);
  let status: number | null = null;
  SAME_LINE_STATUS.lastIndex = 0;
  for (let m = SAME_LINE_STATUS.exec(before); m; m = SAME_LINE_STATUS.exec(before)) status = httpStatusOf(Number(m[1]));
  return status;
}

/** The first value >= x in a sorted array, or Infinity. */
function firstAtOrAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo] : Infinity;
}

function inside(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  // spans sorted by start; binary search for the last span starting at or before `start`.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && spans[lo - 1].end >= end;
}

/** Spans sorted by start, with the running maximum of their ends: overlap queries in O(log n). */
class SpanSet {
  private readonly starts: number[] = [];
  private readonly maxEnds: number[] = [];
  constructor(spans: readonly { start: number; end: number }[]) {
    let inOrder = true;
    for (let i = 1; i < spans.length && inOrder; i++) inOrder = spans[i - 1].start <= spans[i].start;
    const sorted = inOrder ? spans : [...spans].sort((a, b) => a.start - b.start);
    let max = -1;
    for (const s of sorted) {
      max = Math.max(max, s.end);
      this.starts.push(s.start);
      this.maxEnds.push(max);
    }
  }
  /** Does any span overlap [start, end)? (A point query when start === end.) */
  overlaps(start: number, end: number): boolean {
    const to = Math.max(end, start + 1);
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < to) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnds[lo - 1] > start;
  }
}

function overlaps(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  for (const s of spans) if (s.start < end && start < s.end) return true;
  return false;
}

/** Every place in `text` where an error response may stand. */
export function findCandidates(text: string, catalog: Catalog, maxFindings: number): Candidates {
  const isKnown = (code: string) => catalog.isCode(code) || catalog.byCode(code).length > 0;
  // Past this many objects the rest is not parsed: enough to fill maxFindings many times over.
  const json = scanJsonObjects(text, {
    maxObjects: Math.max(2000, maxFindings * 10),
    keepUnparsed: (start, end) => end - start <= MAX_LOOSE_SPAN && /code|type/i.test(text.slice(start, end)),
  });
  const http = scanHttp(text);
  const candidates: Candidate[] = [];
  let successBodies = 0;

  const errorJson: { start: number; end: number }[] = [];
  for (const o of json.objects) {
    const shape = errorShape(o.value, o.start, o.end);
    if (shape) {
      candidates.push(shape);
      if (!shape.weak) errorJson.push(o);
    } else successBodies++;
  }

  for (const g of findGoErrorStrings(text, isKnown)) {
    if (!inside(errorJson, g.start, g.end)) candidates.push({ ...g, kind: 'sdk-string' });
  }

  // Key/value dumps of SDK error objects inside braces that are not JSON.
  const headerLinesUsed: { start: number; end: number }[] = [];
  const errorJsonSet = new SpanSet(errorJson);
  let looseTried = 0;
  for (const span of json.unparsed) {
    if (span.end - span.start > MAX_LOOSE_SPAN || errorJsonSet.overlaps(span.start, span.end)) continue;
    const body = text.slice(span.start, span.end);
    if (!/code|type/i.test(body)) continue;
    if (++looseTried > 5000) break;
    const kv = extractKeyValues(body, span.start);
    if (!kv) continue;
    const cand: Candidate = { ...kv, kind: 'sdk-string' };
    // Node prints `ValidationError: <message>` and the stack before the `{ type, code, … }` block.
    const lookFrom = Math.max(0, span.start - 3000);
    const before = text.slice(lookFrom, span.start);
    SDK_ERROR_LINE.lastIndex = 0;
    let head: RegExpExecArray | null = null;
    for (let m = SDK_ERROR_LINE.exec(before); m; m = SDK_ERROR_LINE.exec(before)) head = m;
    if (head) {
      if (cand.message === null) cand.message = head[2].trim();
      cand.start = lookFrom + head.index;
      headerLinesUsed.push({ start: cand.start, end: span.start });
    }
    candidates.push(cand);
  }

  // `key=value` log lines and Python-style reprs (`UQPayError(type=…, code=…)`).
  const CODE_KEY = /\bcode["']?\s*[=:]/g;
  let lastLine = -1;
  const objectSet = new SpanSet(json.objects);
  const unparsedSet = new SpanSet(json.unparsed);
  let taken = new SpanSet(candidates);
  for (let m = CODE_KEY.exec(text), count = 0; m && candidates.length < maxFindings * 4 && count < 20_000; m = CODE_KEY.exec(text), count++) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (lineStart === lastLine) continue;
    lastLine = lineStart;
    let lineEnd = text.indexOf('\n', m.index);
    if (lineEnd === -1) lineEnd = text.length;
    if (lineEnd - lineStart > 4096) continue;
    if (objectSet.overlaps(m.index, m.index) || unparsedSet.overlaps(m.index, m.index)) continue;
    const kv = extractKeyValues(text.slice(lineStart, lineEnd), lineStart);
    if (kv && !taken.overlaps(kv.start, kv.end) && !overlaps(candidates.slice(-50), kv.start, kv.end)) candidates.push({ ...kv, kind: 'sdk-string' });
  }
  taken = new SpanSet(candidates);
  const headerSet = new SpanSet(headerLinesUsed);

  // Go and Java: `request failed with status 502: <body>` when the body is no JSON error with a message.
  SDK_STATUS_STRING.lastIndex = 0;
  for (let m = SDK_STATUS_STRING.exec(text), count = 0; m && count < 10_000; m = SDK_STATUS_STRING.exec(text), count++) {
    const start = m.index;
    const end = start + m[0].length;
    if (errorJsonSet.overlaps(start, end) || taken.overlaps(start, end)) continue;
    const body = (m[2] ?? '').trim();
    const html = /<(?:!doctype|html|body|title|h1)\b/i.test(body);
    const message = (html ? `${m[0].slice(0, m[0].length - (m[2] ?? '').length)}${htmlText(body) ?? ''}` : m[0]).trim().slice(0, 300);
    candidates.push({ start, end, kind: 'sdk-string', code: null, type: null, message, httpStatus: Number(m[1]), requestId: null, idempotencyKey: null });
  }
  taken = new SpanSet(candidates);

  // `ValidationError: Retrieve payment intent failed` alone: the message names the code.
  SDK_ERROR_LINE.lastIndex = 0;
  for (let m = SDK_ERROR_LINE.exec(text), count = 0; m && count < 10_000; m = SDK_ERROR_LINE.exec(text), count++) {
    const start = m.index;
    const end = start + m[0].length;
    if (headerSet.overlaps(start, end) || taken.overlaps(start, end) || overlaps(candidates.slice(-50), start, end)) continue;
    const message = m[2].trim();
    const codes = new Set(catalog.entries.filter((e) => entryFitsMessage(e, message)).map((e) => e.code));
    if (codes.size !== 1) continue;
    candidates.push({ start, end, kind: 'sdk-string', code: [...codes][0], type: null, message, httpStatus: null, requestId: null, idempotencyKey: null });
  }

  candidates.sort((a, b) => a.start - b.start || b.end - a.end);

  // Status lines of error responses whose body holds no candidate: HTML or plain bodies.
  const statusLines = http.statusLines;
  const candidateStarts = candidates.map((c) => c.start);
  let bodies = 0;
  for (let i = 0; i < statusLines.length && bodies <= maxFindings; i++) {
    const s = statusLines[i];
    if (s.status < 400) continue;
    const next = i + 1 < statusLines.length ? statusLines[i + 1].offset : text.length;
    // Any candidate (even a weak JSON message body) between this status line and the next stands for the response.
    if (firstAtOrAfter(candidateStarts, s.offset) < next) continue;
    bodies++;
    const body = bodyAfter(text, s, next);
    const bodyText = text.slice(body.start, body.end);
    const html = /<(?:!doctype|html|body|title|h1)\b/i.test(bodyText);
    const message = html ? htmlText(bodyText) : (bodyText.split('\n').map((l) => l.trim()).find(Boolean) ?? '').slice(0, 300) || null;
    candidates.push({
      start: s.offset,
      end: Math.max(body.end, s.lineEnd),
      kind: html ? 'html' : 'plain',
      code: null,
      type: null,
      message,
      httpStatus: s.status,
      requestId: null,
      idempotencyKey: null,
    });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = mergeSameLine(text, candidates);
  return { candidates: merged, successBodies, http, tooDeep: json.tooDeep, truncated: json.truncated };
}

/**
 * One response logged twice on a line (`<code>: <message> (HTTP 400) body={…}`): the SDK string
 * and the body become one finding, each filling the other's gaps.
 */
function mergeSameLine(text: string, sorted: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of sorted) {
    const prev = out[out.length - 1];
    if (
      prev &&
      !prev.weak &&
      !c.weak &&
      prev.code !== null &&
      String(prev.code) === String(c.code) &&
      c.start >= prev.end &&
      c.start - prev.end <= 300 &&
      !text.slice(prev.end, c.start).includes('\n')
    ) {
      const body = prev.kind === 'json' ? prev : c;
      const other = body === prev ? c : prev;
      out[out.length - 1] = {
        ...body,
        start: prev.start,
        end: c.end,
        type: body.type ?? other.type,
        message: body.message ?? other.message,
        httpStatus: body.httpStatus ?? other.httpStatus,
        requestId: body.requestId ?? other.requestId,
        idempotencyKey: body.idempotencyKey ?? other.idempotencyKey,
      };
      continue;
    }
    out.push(c);
  }
  return out;
}

