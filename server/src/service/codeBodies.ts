import { mayNameBodyCall, REACH, shapedBody, shapeFieldBefore } from './bodyShapes';
import { skipWsBack } from './expressions';
import { scanJson } from './scanners/json';
import type { ScanEdit } from './scanners/incremental';
import type { BodyToken, ErrorObject, Literal } from './scanners/types';

/**
 * Error bodies written in code, as the error objects the body rules (checkBody), hover and
 * completion already read in JSON documents:
 * - JSON inside a string literal (`'{"code": "…"}'`, raw strings, templates, triple quotes,
 *   heredocs): the JSON scanner runs on the literal, with its ranges mapped back to the document;
 * - an object literal, dict, map, struct, keyword or named arguments, PHP array or Ruby hash whose
 *   `code` (or `message`) key holds a literal: its sibling `type`/`code`/`message` keys in the same
 *   brackets make the object.
 * Only literals already in such a position are looked at (those of `[from, to)` when given);
 * after an edit, codeBodiesAfterEdit looks again only at the literals near it.
 */
export function codeBodies(text: string, literals: readonly Literal[], min: number, max: number, from = 0, to = literals.length): ErrorObject[] {
  const out: ErrorObject[] = [];
  const opens = new Set<number>();
  // read once: run from source, each read of an import is a getter call, here once per literal
  const wsBack = skipWsBack;
  const namesCall = mayNameBodyCall;
  for (let i = from; i < to; i++) {
    const lit = literals[i];
    if (!lit.terminated) continue;
    if (jsonStart(text, lit)) {
      if (holdsCode(text, lit.cStart, lit.cEnd)) for (const o of jsonIn(text, lit)) out.push({ ...o, inCode: true });
      continue;
    }
    // one look back decides most literals: a body value follows `(`, `,` or a key's operator, and
    // most calls are not named like a body's
    const p = wsBack(text, lit.start - 1, min);
    const c = text.charCodeAt(p);
    if (c === 40 ? !namesCall(text, p) : c !== 44 && c !== 58 && c !== 61 && c !== 62 && c !== 111) continue;
    const o = bodyAt(text, literals, i, p, min, max, opens);
    if (o) out.push(o);
  }
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

/** The body whose `code` or `message` value literal `i` is, made once per bracket or chain (`seen`). */
function bodyOf(text: string, literals: readonly Literal[], i: number, min: number, max: number, seen?: Set<number>): ErrorObject | undefined {
  return bodyAt(text, literals, i, skipWsBack(text, literals[i].start - 1, min), min, max, seen);
}

/** bodyOf, given `p`, the last character before literal `i` that is no space. */
function bodyAt(text: string, literals: readonly Literal[], i: number, p: number, min: number, max: number, seen?: Set<number>): ErrorObject | undefined {
  // the other shapes start right after `(` or `,`; a key ends in its operator
  const c = text.charCodeAt(p);
  if (c === 40 || c === 44) return shapedBody(text, literals, i, min, max, seen);
  const key = keyAt(text, p, min);
  if (!key || (key.name !== 'code' && key.name !== 'message')) return undefined;
  const open = openBefore(text, literals, i, key.start, min);
  if (open < 0 || seen?.has(open)) return undefined;
  seen?.add(open);
  return objectAt(text, literals, i, open, max);
}

/**
 * The body around the `code` value literal `i` in any shape, even when the literal is still open
 * (being typed): for completion, which narrows by the sibling `type`.
 */
export function bodyAround(text: string, literals: readonly Literal[], i: number, min: number, max: number): ErrorObject | undefined {
  const lit = literals[i];
  if (lit.terminated && jsonStart(text, lit)) return undefined;
  const o = bodyOf(text, literals, i, min, max);
  if (o || lit.terminated) return o;
  // left open, its brackets may not close any more (where strings span lines, PHP, Ruby and Rust, it
  // holds the rest of the file): the fields written before it decide
  const key = keyBefore(text, lit.start, min);
  const open = key ? openBefore(text, literals, i, key.start, min) : -1;
  if (key && open < 0) return undefined;
  const from = key ? open : Math.max(min, lit.start - REACH);
  for (let j = i - 1; j >= 0 && literals[j].start > from && j >= i - 16; j--) {
    const l = literals[j];
    if (!key && text.lastIndexOf(';', lit.start) > l.end) break; // a statement ended: another body
    if (key ? keyBefore(text, l.start, open + 1)?.name === 'type' : shapeFieldBefore(text, literals, j, min) === 'type') {
      const code = { start: lit.start, end: lit.end, cStart: lit.cStart, cEnd: lit.cEnd, value: lit.value };
      return { start: key ? open : l.start, end: lit.end, code, type: { start: l.start, end: l.end, cStart: l.cStart, cEnd: l.cEnd, value: l.value }, isBody: true, inCode: true };
    }
  }
  return undefined;
}

/** The literal's content starts (after spaces) with `{`: maybe a JSON body. */
function jsonStart(text: string, lit: Literal): boolean {
  for (let k = lit.cStart; k < lit.cEnd; k++) {
    const c = text.charCodeAt(k);
    if (c === 123) return true;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return false;
}

/**
 * Whether a `code` starts in `text[from, to)` (a JSON body has a `"code"` key, escaped or not), read
 * in place: most literals that open with `{` are templates and f-strings whose holes come first
 * (`f"{order['id']}…"`), and a search of the text past them would run on to the next `code`.
 */
function holdsCode(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (text.charCodeAt(k) === 99 && text.charCodeAt(k + 1) === 111 && text.charCodeAt(k + 2) === 100 && text.charCodeAt(k + 3) === 101) return true;
  }
  return false;
}

/** JSON error objects inside a literal, in document offsets. */
function jsonIn(text: string, lit: Literal): ErrorObject[] {
  const raw = text.slice(lit.cStart, lit.cEnd);
  // without escapes the raw text is the JSON (a text block's or heredoc's stripped indent is only
  // JSON whitespace): scan it in place
  // C# verbatim `@"…"` (`$@"…"`): `""` is one quote, a backslash is itself
  const verbatim = text.charCodeAt(lit.start) === 64 || text.charCodeAt(lit.start + 1) === 64;
  if (lit.interpolated || raw === lit.value || (!verbatim && raw.indexOf('\\') < 0)) return scanJson(text, lit.cStart, lit.cEnd).objects;
  // escaped: scan the value, and map value offsets to raw ones through the escapes
  const map = escapeMap(raw, lit.value, verbatim);
  if (!map) return [];
  const at = (k: number): number => lit.cStart + map[k];
  const token = (t: BodyToken | undefined): BodyToken | undefined =>
    t && { start: at(t.start), end: at(t.end), cStart: at(t.cStart), cEnd: at(t.cEnd), value: t.value };
  return scanJson(lit.value, 0, lit.value.length).objects.map((o) => ({
    start: at(o.start), end: at(o.end), code: token(o.code), type: token(o.type), message: token(o.message), isBody: o.isBody,
  }));
}

/**
 * For each offset of `value` (and its end), the raw offset it came from, when the raw content
 * holds only two-character escapes of one character (`\"`, `\\`, `\n`…); otherwise undefined.
 */
function escapeMap(raw: string, value: string, verbatim = false): number[] | undefined {
  const map = new Array<number>(value.length + 1);
  let r = 0;
  let v = 0;
  while (r < raw.length && v < value.length) {
    map[v] = r;
    if (verbatim) {
      if (raw[r] !== value[v]) return undefined;
      r += raw.charCodeAt(r) === 34 && raw.charCodeAt(r + 1) === 34 ? 2 : 1;
    } else if (raw.charCodeAt(r) === 92) {
      const e = raw[r + 1];
      const decoded = e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
      if (decoded === undefined || value[v] !== decoded || !'"\'\\/ntr`$'.includes(e)) return undefined;
      r += 2;
    } else {
      if (raw[r] !== value[v]) return undefined;
      r++;
    }
    v++;
  }
  if (r !== raw.length || v !== value.length) return undefined;
  map[v] = r;
  return map;
}

/** The keys of a body: `code`, `type`, `message`, or capitalised (Go's struct fields). */
type BodyKey = 'code' | 'type' | 'message';

/**
 * The body key `text[s, e)` spells (`code`, `Code`, `type`...), compared in place: most words before
 * a `:` or `=` are no key, and a slice of each cost more than the rest of the look-back.
 */
function keyNamed(text: string, s: number, e: number): BodyKey | undefined {
  const first = text.charCodeAt(s);
  const name = e - s === 4 ? (first === 99 || first === 67 ? 'code' : first === 116 || first === 84 ? 'type' : undefined)
    : e - s === 7 && (first === 109 || first === 77) ? 'message' : undefined;
  if (!name) return undefined;
  for (let k = 1; k < name.length; k++) if (text.charCodeAt(s + k) !== name.charCodeAt(k)) return undefined;
  return name;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
function isWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}


/**
 * The body key written just before `pos`: `code: `, `"code": `, `'code' => `, `:code => `,
 * `Code: `, `code=`. `assign` when the operator is a lone `=` (keyword or named arguments only).
 */
function keyBefore(text: string, pos: number, min: number): { name: BodyKey; start: number; assign: boolean } | undefined {
  return keyAt(text, skipWsBack(text, pos - 1, min), min);
}

/** keyBefore, from `p`, the last character before the value (its operator's, when it has one). */
function keyAt(text: string, p: number, min: number): { name: BodyKey; start: number; assign: boolean } | undefined {
  const c = text.charCodeAt(p);
  let assign = false;
  if (c === 58) {
    if (text.charCodeAt(p - 1) === 58) return undefined; // `::`
    p--;
  } else if (c === 62 && text.charCodeAt(p - 1) === 61) p -= 2; // =>
  else if (c === 61) {
    const b = text.charCodeAt(p - 1);
    if (b === 61 || b === 33 || b === 60 || b === 62 || b === 43 || b === 45 || b === 42 || b === 47 || b === 58) return undefined;
    assign = true;
    p--;
  } else if (c === 111 && text.charCodeAt(p - 1) === 116 && isSpace(text.charCodeAt(p - 2))) {
    // Kotlin's `"code" to "…"` in `mapOf(…)`: only after a quoted key (checked below)
    p = skipWsBack(text, p - 2, min);
    const qc = text.charCodeAt(p);
    if (qc !== 34 && qc !== 39) return undefined;
  } else return undefined;
  p = skipWsBack(text, p, min);
  let q = text.charCodeAt(p);
  const quoted = q === 34 || q === 39;
  if (quoted) p--;
  const end = p + 1;
  // every key ends like co-de, ty-pe or messa-ge: most words before an operator stop here
  const e2 = text.charCodeAt(p - 1);
  if (text.charCodeAt(p) !== 101 || (e2 !== 100 && e2 !== 112 && e2 !== 103)) return undefined;
  while (p >= min && isWord(text.charCodeAt(p))) p--;
  const len = end - p - 1;
  if (len < 4 || len > 7) return undefined;
  const name = keyNamed(text, p + 1, end);
  if (!name) return undefined;
  if (quoted) {
    if (text.charCodeAt(p) !== q) return undefined;
    p--;
  } else {
    q = text.charCodeAt(p);
    if (q === 36 || q === 46) return undefined; // `$code = `, `.code = `: a variable or member, not a key
    if (q === 58 && text.charCodeAt(p - 1) !== 58) p--; // Ruby `:code =>`
  }
  return { name, start: p + 1, assign };
}

/** The unclosed `(`, `[` or `{` before literal `i`, skipping other literals; -1 when none is near. */
function openBefore(text: string, literals: readonly Literal[], i: number, from: number, min: number): number {
  const stop = Math.max(min, from - REACH);
  let j = i - 1;
  let depth = 0;
  for (let p = from - 1; p >= stop; p--) {
    while (j >= 0 && literals[j].start > p) j--;
    if (j >= 0 && literals[j].end > p) {
      p = literals[j].start;
      continue;
    }
    const c = text.charCodeAt(p);
    if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 40 || c === 91 || c === 123) {
      if (depth === 0) return p;
      depth--;
    } else if (c === 59 && depth === 0) return -1; // a statement ended: no body around this key
  }
  return -1;
}

/** The object in the brackets opened at `open`: its `code`, `type` and `message` values at depth 0. */
function objectAt(text: string, literals: readonly Literal[], i: number, open: number, max: number): ErrorObject | undefined {
  const paren = text.charCodeAt(open) === 40;
  let newBrace: boolean | undefined; // C# `new { code = "…" }`, `new ApiError { Code = "…" }`: `=` keys in braces
  const stop = Math.min(max, open + 2 * REACH);
  let j = i;
  while (j > 0 && literals[j - 1].start > open) j--;
  const found: Partial<Record<BodyKey, BodyToken>> = {};
  let depth = 0;
  let p = open + 1;
  let close = -1;
  while (p < stop) {
    if (j < literals.length && literals[j].start === p) {
      const l = literals[j];
      if (depth === 0 && !l.interpolated) {
        const key = keyBefore(text, l.start, open + 1);
        if (key && (paren || !key.assign || (newBrace ??= isNewBrace(text, open))) && !found[key.name]) found[key.name] = { start: l.start, end: l.end, cStart: l.cStart, cEnd: l.cEnd, value: l.value };
      }
      p = l.end;
      j++;
      while (j < literals.length && literals[j].start < p) j++; // holes inside it
      continue;
    }
    const c = text.charCodeAt(p);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) {
        close = p;
        break;
      }
      depth--;
    } else if (depth === 0 && c >= 48 && c <= 57 && !found.code && !isWord(text.charCodeAt(p - 1))) {
      // envelope B's numeric code: `code: 200`, `"code" => 200`
      let e = p;
      while (e < stop && isWord(text.charCodeAt(e))) e++;
      const key = keyBefore(text, p, open + 1);
      if (key?.name === 'code' && (paren || !key.assign || (newBrace ??= isNewBrace(text, open))) && /^\d+$/.test(text.slice(p, e))) {
        found.code = { start: p, end: e, cStart: p, cEnd: e, value: Number(text.slice(p, e)) };
      }
      p = e;
      continue;
    }
    p++;
  }
  if (close < 0 || !found.code) return undefined;
  const o: ErrorObject = { start: open, end: close + 1, code: found.code, type: found.type, message: found.message, isBody: !!(found.message || found.type), inCode: true };
  if (/^\d+$/.test(String(found.code.value))) o.status = statusNear(text, open, close + 1, max);
  return o;
}

/** A C# object initializer or anonymous object: `new {`, `new T {`, `new T() {`. */
function isNewBrace(text: string, open: number): boolean {
  return /\bnew(?:\s+[\w.]+(?:<[\w\s.,<>]*>)?)?\s*(?:\(\s*\))?\s*$/.test(text.slice(Math.max(0, open - 120), open));
}

/** What a body reads outside its own brackets: a status written near it (statusNear); codeBodiesAfterEdit relies on these bounds. */
const STATUS_BEFORE = 200;
const STATUS_AFTER = 40;

/**
 * An HTTP error status written next to a legacy numeric code (`}, 400, ctx)`, `reply(400, {code:
 * 200, …})`, `WriteHeader(400)` a line above): the body rules read the body with it, and such a
 * mock of the gateway's "code 200 on a 400" answer gets no envelope-B note (the code around it
 * handles the status; decode explains it).
 */
function statusNear(text: string, start: number, end: number, max: number): ErrorObject['status'] {
  // an argument right after the body first (`}, 400, ctx)`), then the nearest before it
  const after = /^[\s,)]*([45]\d\d)\b/.exec(text.slice(end, Math.min(max, end + STATUS_AFTER)));
  if (after) {
    const at = end + after[0].length - 3;
    return { value: Number(after[1]), start: at, end: at + 3 };
  }
  const from = Math.max(0, start - STATUS_BEFORE);
  const re = /\b[45]\d\d\b/g;
  const before = text.slice(from, start);
  let best: RegExpExecArray | null = null;
  for (let m = re.exec(before); m; m = re.exec(before)) best = m; // the nearest
  return best ? { value: Number(best[0]), start: from + best.index, end: from + best.index + 3 } : undefined;
}

/**
 * The bodies of a new version of a C-like document, from the previous version's (`prev`, sorted)
 * and the rescan's edit: only literals near the edit are looked at again. A body holds every
 * literal it is found from and reads only its own span and a status near it, so a previous body
 * whose span and status window stay clear of the changed stretch (the edit and the literals the
 * rescan replaced) is still there, shifted; any other body is found again from a literal within
 * one body's length of that stretch.
 */
export function codeBodiesAfterEdit(text: string, literals: readonly Literal[], edit: ScanEdit, prev: readonly ErrorObject[], min: number, max: number): ErrorObject[] {
  const { keep, fresh } = edit;
  const delta = edit.newEnd - edit.oldEnd;
  // the changed stretch: from the last literal kept before the edit to the first reused after it
  const zs = Math.min(edit.start, keep > 0 ? literals[keep - 1].end : min);
  const ze = Math.max(edit.newEnd, keep + fresh < literals.length ? literals[keep + fresh].start : max);
  const out: ErrorObject[] = [];
  for (const o of prev) {
    const moved = o.start >= edit.oldEnd ? shifted(o, delta) : o.end <= edit.start ? o : undefined;
    // a call left open reads up to REACH past the body's end (or before its start) before it gives
    // up: closing it there changes the body, so only bodies that far from the change are kept
    if (moved && (moved.end + REACH + STATUS_AFTER < zs || moved.start - REACH - STATUS_BEFORE > ze)) out.push(moved);
  }
  // any other body has a literal this close: it spans at most 2 × REACH
  const reach = 3 * REACH + STATUS_BEFORE + STATUS_AFTER;
  const lo = firstLiteral(literals, (l) => l.end >= zs - reach);
  const hi = firstLiteral(literals, (l) => l.start > ze + reach);
  const seen = new Set(out.map((o) => o.start));
  for (const o of codeBodies(text, literals, min, max, lo, hi)) {
    // a body found again from another of its literals
    if (!seen.has(o.start)) out.push(o);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The first literal index for which `past` holds (it holds for every later one), or the length. */
function firstLiteral(literals: readonly Literal[], past: (l: Literal) => boolean): number {
  let lo = 0;
  let hi = literals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(literals[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function shifted(o: ErrorObject, delta: number): ErrorObject {
  const token = (t: BodyToken | undefined): BodyToken | undefined =>
    t && { start: t.start + delta, end: t.end + delta, cStart: t.cStart + delta, cEnd: t.cEnd + delta, value: t.value };
  const moved: ErrorObject = { ...o, start: o.start + delta, end: o.end + delta, code: token(o.code), type: token(o.type), message: token(o.message) };
  if (o.status) moved.status = { value: o.status.value, start: o.status.start + delta, end: o.status.end + delta };
  return moved;
}
