import type { Catalog } from './catalog';
import { bodyAfter, lastBetween, scanHttp, type HeaderLine, type StatusLine } from './httpScan';
import { scanJsonObjects } from './jsonScan';
import { redact, redactWith, secretsIn } from './redact';
import { extractKeyValues, findGoErrorStrings, SDK_ERROR_LINE, type LooseError } from './sdkText';
import type { DecodeProblem, DecodeResult, Envelope, ErrorEntry, Finding, Retry, SourceKind } from './types';

export interface DecodeOptions {
  /** At most this many findings are returned (default 200); the rest are counted in a note. */
  maxFindings?: number;
}

/** Inputs beyond this are cut (a note says so): nobody pastes more than this by hand. */
const MAX_INPUT = 32 * 1024 * 1024;
const MAX_LOOSE_SPAN = 16 * 1024;

export const DECODE_HELP =
  'No UQPAY error response found. decode reads: a JSON error body ({"type","code","message"}, or a numeric legacy code such as ' +
  '{"code":200,"message":"…"}), a raw HTTP response or `curl -i` / `curl -v` output, log lines with a JSON body inside, several ' +
  'responses (NDJSON or one after another), and SDK error strings such as `retrieve_payment_intent_failed: Retrieve payment intent failed (HTTP 400)`.';

/** One error response found in the text, before it is checked against the catalog. */
interface Candidate extends LooseError {
  kind: SourceKind;
  /** A JSON body with only a message: an error only when a non-2xx status stands before it. */
  weak?: boolean;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
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
  const type = str(o.type);
  const message = str(o.message) ?? str(o.msg);
  const base = { start, end, kind: 'json' as SourceKind, ...directFields(o) };
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

function normMessage(s: string): string {
  return s
    .replace(/[’‘]/g, "'")
    .replace(/\s*\(HTTP \d{3}\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const templateCache = new Map<string, RegExp | string>();
function messageFits(message: string, template: string): boolean {
  let t = templateCache.get(template);
  if (t === undefined) {
    const norm = normMessage(template);
    t = /<[\w ]+>/.test(norm)
      ? new RegExp(`^${norm.split(/<[\w ]+>/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`, 's')
      : norm;
    templateCache.set(template, t);
  }
  const m = normMessage(message);
  return typeof t === 'string' ? m === t : t.test(m);
}

function entryFitsMessage(e: ErrorEntry, message: string): boolean {
  if (e.message && messageFits(message, e.message)) return true;
  return (e.messageExamples ?? []).some((x) => messageFits(message, x));
}

/** Entries for the code, narrowed by type, then by message, then to rows that name the type as their own. */
function narrowEntries(catalog: Catalog, code: string | number, type: string | null, message: string | null): ErrorEntry[] {
  let list = catalog.byCode(code);
  const keep = (pred: (e: ErrorEntry) => boolean) => {
    const next = list.filter(pred);
    if (next.length) list = next;
  };
  if (type) keep((e) => e.types.includes(type));
  if (message) keep((e) => entryFitsMessage(e, message));
  if (type) keep((e) => e.typeCertain && e.types.includes(type));
  return list;
}

function quote(s: string, max = 120): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}

function check(catalog: Catalog, c: Candidate): Pick<Finding, 'envelope' | 'expectedHttpStatus' | 'known' | 'matches' | 'retry' | 'problems' | 'code'> {
  const problems: DecodeProblem[] = [];
  let code = c.code;
  const gaType = c.type !== null && catalog.isType(c.type);
  let matches = code !== null ? narrowEntries(catalog, code, gaType ? c.type : null, c.message) : [];
  let envelope: Envelope | null = code === null ? null : typeof code === 'number' ? 'B' : 'A';
  // The Node and Python SDKs turn a numeric legacy code into a string.
  if (envelope === 'A' && typeof code === 'string' && /^\d+$/.test(code) && matches.length && matches.every((e) => e.envelope === 'B')) {
    envelope = 'B';
  }
  if (c.type !== null && !gaType) {
    problems.push({
      code: 'not-global-acquiring',
      message: `Type ${quote(c.type)} is not a Global Acquiring error type; this response probably comes from another UQPAY API.`,
    });
    matches = [];
  } else if (code !== null && matches.length === 0) {
    const suggestions = typeof code === 'string' ? catalog.suggest(code, 3) : [];
    problems.push({
      code: 'unknown-code',
      message: `${quote(String(code))} is not a documented Global Acquiring error code${suggestions.length ? `; did you mean ${suggestions.map((s) => quote(s)).join(' or ')}?` : '.'}`,
      ...(suggestions.length ? { suggestions } : {}),
    });
  }
  if (matches.length && c.type !== null && gaType && !matches.some((e) => e.types.includes(c.type as string))) {
    const listed = [...new Set(matches.flatMap((e) => e.types))];
    problems.push({
      code: 'code-type-mismatch',
      message: `The catalog lists ${quote(String(code))} under ${listed.length ? listed.map((t) => quote(t)).join(', ') : 'no type (legacy envelope)'}, not ${quote(c.type)}.`,
    });
  }
  let expected: number | null = null;
  if (gaType && code !== null) expected = catalog.expectedStatus(c.type as string, code);
  else if (gaType) expected = catalog.type(c.type as string)?.defaultHttpStatus ?? null;
  else if (c.type === null && matches.length && envelope === 'A' && code !== null) {
    const statuses = new Set(matches.flatMap((e) => e.types.map((t) => catalog.expectedStatus(t, code as string | number))));
    statuses.delete(null);
    if (statuses.size === 1) expected = [...statuses][0];
  }
  if (expected !== null && c.httpStatus !== null && c.httpStatus !== expected) {
    const why = gaType ? `type ${quote(c.type as string)} with code ${quote(String(code))}` : `code ${quote(String(code))}`;
    problems.push({ code: 'http-status-mismatch', message: `HTTP ${c.httpStatus} differs from the ${expected} documented for ${why}.` });
  }
  if (matches.length && c.message !== null && !matches.some((e) => entryFitsMessage(e, c.message as string)) && !matches.some((e) => e.messageVaries)) {
    const documented = matches.find((e) => e.message)?.message;
    problems.push({
      code: 'message-mismatch',
      message: `The message ${quote(c.message)} differs from the documented ${documented ? quote(documented) : 'one'}.`,
    });
  }
  if (envelope === 'B' && matches.some((e) => e.envelope === 'B')) {
    problems.push({
      code: 'envelope-b-pending',
      message: 'Legacy pending response: the original request is still being processed; resend it after a short wait with the same x-idempotency-key.',
    });
  }
  const retries = new Set<Retry>(matches.map((e) => e.retry));
  if (typeof code === 'string' && envelope === 'B') code = Number(code);
  return {
    code,
    envelope,
    expectedHttpStatus: expected,
    known: matches.length > 0,
    matches,
    retry: retries.size === 1 ? [...retries][0] : null,
    problems,
  };
}

function htmlText(body: string): string | null {
  const title = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(body) ?? /<h1[^>]*>([^<]{1,300})<\/h1>/i.exec(body);
  if (title) return title[1].replace(/\s+/g, ' ').trim() || null;
  const text = body.replace(/<[^>]{0,500}>/g, ' ').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 300) : null;
}

function headerValue(headers: readonly HeaderLine[], from: number, to: number, names: string[]): string | null {
  return lastBetween(headers, from, to, (h) => names.includes(h.name))?.value.trim() || null;
}

const SAME_LINE_STATUS = /\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?:[_ ]?code)?|http[_ ]?status)\s*[=:]?\s*(\d{3})\b/gi;

/** A status written on the same line just before the body: `status=400 {…}`. */
function statusOnLine(text: string, at: number, from: number): number | null {
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

/** Every UQPAY error response found in pasted text, checked against the catalog. Never throws. */
export function decode(text: string, catalog: Catalog, options?: DecodeOptions): DecodeResult {
  try {
    return decodeUnsafe(text, catalog, options);
  } catch (err) {
    return { findings: [], notes: [`decode stopped on an internal error: ${redact(err instanceof Error ? err.message : String(err))}`, DECODE_HELP] };
  }
}

function decodeUnsafe(input: string, catalog: Catalog, options?: DecodeOptions): DecodeResult {
  const notes: string[] = [];
  if (typeof input !== 'string') return { findings: [], notes: ['decode needs text.', DECODE_HELP] };
  const requested = Number(options?.maxFindings ?? 200);
  const maxFindings = Number.isFinite(requested) ? Math.max(1, Math.min(100_000, Math.floor(requested))) : 200;
  let text = input;
  if (text.length > MAX_INPUT) {
    notes.push(`The input is ${text.length} characters; only the first ${MAX_INPUT} were read.`);
    text = text.slice(0, MAX_INPUT);
  }

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

  const findings: Finding[] = [];
  let skipped = 0;
  let prevEnd = 0;
  let acceptedEnd = -1;
  for (const c of merged) {
    if (c.start < acceptedEnd && c.end <= acceptedEnd) continue; // inside one already taken
    if (findings.length >= maxFindings) {
      // Only counted from here on; a weak body is not known to be an error without its status, so it is not counted.
      if (!c.weak) skipped++;
      acceptedEnd = Math.max(acceptedEnd, c.end);
      continue;
    }
    const from = prevEnd;
    const status = statusBefore(statusLines, from, c);
    const httpStatus = c.httpStatus ?? status?.status ?? statusOnLine(text, c.start, from);
    if (c.weak && !(httpStatus !== null && httpStatus >= 400)) {
      successBodies++;
      continue;
    }
    acceptedEnd = Math.max(acceptedEnd, c.end);
    prevEnd = Math.max(prevEnd, c.end);
    // Redact before checking: problem messages quote (and may cut) these strings. Secrets named
    // anywhere around the response are scrubbed too: a field may hold a value whose key was cut off.
    const secrets = secretsIn(text.slice(Math.max(0, c.start - 2000), Math.min(text.length, c.end + 2000)));
    const r = (v: string | null) => (v === null ? null : redactWith(v, secrets));
    const checked = check(catalog, {
      ...c,
      httpStatus,
      code: typeof c.code === 'string' ? redactWith(c.code, secrets) : c.code,
      type: r(c.type),
      message: r(c.message),
    });
    const headerTo = Math.max(c.start, c.kind === 'html' || c.kind === 'plain' ? c.end : c.start);
    const finding: Finding = {
      envelope: checked.envelope,
      code: checked.code,
      type: c.type,
      message: c.message,
      httpStatus,
      expectedHttpStatus: checked.expectedHttpStatus,
      known: checked.known,
      matches: checked.matches,
      retry: checked.retry,
      // Response headers follow the status line; request headers (curl -v `> `) come before it.
      requestId: c.requestId ?? headerValue(http.headers, Math.max(from, status?.offset ?? from), headerTo, ['x-request-id', 'request-id', 'request_id']),
      idempotencyKey: c.idempotencyKey ?? headerValue(http.headers, from, headerTo, ['x-idempotency-key', 'idempotency-key']),
      problems: checked.problems,
      source: { kind: c.kind, start: c.start, end: c.end },
    };
    findings.push(redactFinding(finding, secrets));
  }

  if (skipped) notes.push(`Showing the first ${findings.length} error responses; ${skipped} more were skipped.`);
  if (json.tooDeep) notes.push(`Skipped ${json.tooDeep} JSON value(s) nested too deeply to be an API response.`);
  if (json.truncated) notes.push('The input holds too many JSON objects; later ones were not examined.');
  if (!findings.length) {
    if (successBodies) notes.push(`Found ${successBodies} JSON object(s) without error fields (success responses are not errors).`);
    notes.push(DECODE_HELP);
  }
  return { findings, notes };
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

/** The last status line after the previous response and before this one (its own, for HTML/plain bodies). */
function statusBefore(lines: readonly StatusLine[], from: number, c: Candidate): StatusLine | undefined {
  if (c.kind === 'html' || c.kind === 'plain') return lastBetween(lines, c.start, c.start + 1);
  return lastBetween(lines, from, c.start);
}

function redactFinding(f: Finding, secrets: readonly string[]): Finding {
  const r = (s: string | null) => (s === null ? null : redactWith(s, secrets));
  return {
    ...f,
    code: typeof f.code === 'string' ? redactWith(f.code, secrets) : f.code,
    type: r(f.type),
    message: r(f.message),
    requestId: r(f.requestId),
    idempotencyKey: r(f.idempotencyKey),
    problems: f.problems.map((p) => ({ ...p, message: redactWith(p.message, secrets), ...(p.suggestions ? { suggestions: p.suggestions } : {}) })),
  };
}
