import type { BodyToken, ErrorObject, Literal } from './scanners/types';

/**
 * Error bodies that are not `key: value` lists (those are codeBodies.ts'): the same error objects,
 * read from
 * - key/value argument pairs: Java `Map.of("type", "…", "code", "…")`, Guava `ImmutableMap.of(…)`;
 * - builder and setter chains: `.type("…").code("…").message("…")`, `.setCode("…")`, `.withCode("…")`;
 * - positional constructors of the SDKs' error classes: the Java SDK's
 *   `new UqpayApiException(code, message, statusCode)` (its only constructor with values; the class
 *   has no type field), called the same way from Kotlin without `new`.
 * Each is tried only for a literal right after `(` or `,`, after a check of a character or two.
 */

type BodyKey = 'code' | 'type' | 'message';

/** Argument positions of the SDKs' error constructors (from the SDK sources). */
const CONSTRUCTORS: Record<string, readonly (BodyKey | 'status')[]> = {
  UqpayApiException: ['code', 'message', 'status'],
};

/** Calls whose arguments alternate key, value. */
const PAIR_CALLS = new Set(['of', 'mapOf', 'hashMapOf', 'mutableMapOf', 'linkedMapOf']);

/** Calls that set one field by name: `body.put("code", "…")`, `map.set("code", …)`, Gson's `addProperty`. */
const PUT_CALLS = new Set(['put', 'set', 'addProperty', 'putString']);

/** Builder and setter names of a body field. */
const CHAIN_KEYS: Record<string, BodyKey> = {
  code: 'code', type: 'type', message: 'message',
  setCode: 'code', setType: 'type', setMessage: 'message',
  withCode: 'code', withType: 'type', withMessage: 'message',
};

/**
 * How far a bracket, a chain or a call is followed, each way: bodies are short. A body found from a
 * literal holds that literal and spans at most `2 * REACH`, and a call left open is read up to
 * REACH past it before it is given up (codeBodiesAfterEdit relies on both).
 */
export const REACH = 2000;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
function isWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Whether the call whose `(` is at `p` may be one of the shapes above, from the end of its name:
 * …de, …pe, …ge (code, type, message and their setters) or …n (an exception class). Most calls
 * stop here, before their name is read.
 */
export function mayNameBodyCall(text: string, p: number): boolean {
  const last = text.charCodeAt(p - 1);
  if (last === 110) return true;
  const before = text.charCodeAt(p - 2);
  return last === 101 && (before === 100 || before === 112 || before === 103);
}

/**
 * The body literal `i` is the first value of, in one of the shapes above; `seen` holds the starts
 * of bodies already made (each is made once, from its first literal).
 */
export function shapedBody(text: string, literals: readonly Literal[], i: number, min: number, max: number, seen?: Set<number>): ErrorObject | undefined {
  const lit = literals[i];
  let p = lit.start - 1;
  while (p >= min && isSpace(text.charCodeAt(p))) p--;
  const c = text.charCodeAt(p);
  if (c === 44) return pairsBody(text, literals, i, p, min, max, seen);
  if (c !== 40) return undefined;
  if (!mayNameBodyCall(text, p)) return undefined;
  let s = p;
  while (s > min && isWord(text.charCodeAt(s - 1))) s--;
  const len = p - s;
  if (len < 4 || len > 17) return undefined;
  const name = text.slice(s, p);
  const ctor = CONSTRUCTORS[name];
  if (ctor) {
    if (seen?.has(s)) return undefined;
    seen?.add(s);
    return constructorBody(text, literals, i, s, p, ctor, max);
  }
  if (!CHAIN_KEYS[name] || text.charCodeAt(s - 1) !== 46) return undefined;
  return chainBody(text, literals, s, min, max, seen);
}

/**
 * The body field literal `i` is the value of in these shapes, read back from it alone (it may still
 * be open, being typed): `"code" to `, `"code", ` in `Map.of(` or `.put(`, `.code(`, the code
 * argument of an SDK error constructor. For hover and completion.
 */
export function shapeFieldBefore(text: string, literals: readonly Literal[], i: number, min: number): 'code' | 'type' | undefined {
  let p = literals[i].start - 1;
  while (p >= min && isSpace(text.charCodeAt(p))) p--;
  const c = text.charCodeAt(p);
  if (c === 40) {
    let s = p;
    while (s > min && isWord(text.charCodeAt(s - 1))) s--;
    const name = text.slice(s, p);
    if (CONSTRUCTORS[name]) return CONSTRUCTORS[name][0] === 'code' ? 'code' : undefined;
    const key = text.charCodeAt(s - 1) === 46 ? CHAIN_KEYS[name] : undefined;
    return key === 'message' ? undefined : key;
  }
  const isTo = c === 111 && text.charCodeAt(p - 1) === 116 && isSpace(text.charCodeAt(p - 2));
  if (c !== 44 && !isTo) return undefined;
  const key = literals[i - 1];
  let q = isTo ? p - 2 : p - 1;
  while (q >= min && isSpace(text.charCodeAt(q))) q--;
  if (!key || key.end - 1 !== q) return undefined;
  const name = keyName(text, key);
  if (name === undefined || name === 'message') return undefined;
  if (isTo) return name;
  // `"code", ` only at a key position (an even argument) of a pair call
  const call = enclosingCall(text, literals, i - 1, min);
  if (!call || call.commas % 2) return undefined;
  return PAIR_CALLS.has(call.name) || (call.commas === 0 && PUT_CALLS.has(call.name) && text.charCodeAt(call.open - call.name.length - 1) === 46) ? name : undefined;
}

/** The call whose unclosed `(` is nearest before literal `k` (its name, and the commas between at its level). */
function enclosingCall(text: string, literals: readonly Literal[], k: number, min: number): { open: number; name: string; commas: number } | undefined {
  let commas = 0;
  let depth = 0;
  const from = literals[k].start;
  for (let j = k, r = from - 1; r >= Math.max(min, from - REACH); r--) {
    while (j >= 0 && literals[j].start > r) j--;
    if (j >= 0 && literals[j].end > r) { r = literals[j].start; continue; }
    const ch = text.charCodeAt(r);
    if (ch === 41 || ch === 93 || ch === 125) depth++;
    else if (ch === 40 || ch === 91 || ch === 123) {
      if (depth-- > 0) continue;
      if (ch !== 40) return undefined;
      let s = r;
      while (s > min && isWord(text.charCodeAt(s - 1))) s--;
      return { open: r, name: text.slice(s, r), commas };
    } else if (ch === 44 && depth === 0) commas++;
    else if (ch === 59 && depth === 0) return undefined;
  }
  return undefined;
}

/** `Map.of("type", "…", "code", "…")`: literal `i` follows a `"code"` (or `"message"`) argument. */
function pairsBody(text: string, literals: readonly Literal[], i: number, comma: number, min: number, max: number, seen?: Set<number>): ErrorObject | undefined {
  const key = literals[i - 1];
  if (!key || key.interpolated) return undefined;
  let q = comma - 1;
  while (q >= min && isSpace(text.charCodeAt(q))) q--;
  if (key.end - 1 !== q || keyName(text, key) === undefined) return undefined;
  const call = enclosingCall(text, literals, i - 1, min);
  if (!call || !PAIR_CALLS.has(call.name) || seen?.has(call.open)) return undefined;
  const open = call.open;
  seen?.add(open);
  const args = callArgs(text, literals, open, max);
  if (!args) return undefined;
  const found: Partial<Record<BodyKey, BodyToken>> = {};
  for (let a = 0; a + 1 < args.list.length; a += 2) {
    const k = args.list[a].literal;
    const name = k && keyName(text, k);
    if (name && !found[name]) found[name] = valueToken(args.list[a + 1], name);
  }
  return made(found, open, args.close + 1);
}

/** `.type("…").code("…").message("…")`: the whole chain the call named at `s` belongs to. */
function chainBody(text: string, literals: readonly Literal[], s: number, min: number, max: number, seen?: Set<number>): ErrorObject | undefined {
  // back to the chain's first call
  let first = s;
  let at = s - 1; // the `.` before a call's name
  for (let hops = 0; hops < 64; hops++) {
    let q = at - 1;
    while (q >= min && isSpace(text.charCodeAt(q))) q--;
    if (text.charCodeAt(q) !== 41) {
      while (q >= min && isWord(text.charCodeAt(q))) q--;
      first = q + 1; // a receiver name (`ErrorBody.builder()`)
      break;
    }
    const open = matchBack(text, literals, q, Math.max(min, s - REACH));
    if (open < 0) break;
    let n = open;
    while (n > min && isWord(text.charCodeAt(n - 1))) n--;
    first = n;
    let d = n - 1;
    while (d >= min && isSpace(text.charCodeAt(d))) d--;
    if (n === open || text.charCodeAt(d) !== 46) break;
    at = d;
  }
  if (seen?.has(first)) return undefined;
  seen?.add(first);
  // forward over `.name(…)` calls from the chain's start
  const found: Partial<Record<BodyKey, BodyToken>> = {};
  let p = first;
  let end = -1;
  const stop = Math.min(max, first + 2 * REACH);
  while (p < stop) {
    let n = p;
    while (n < stop && isWord(text.charCodeAt(n))) n++;
    let o = n;
    while (o < stop && isSpace(text.charCodeAt(o))) o++;
    if (text.charCodeAt(o) === 40) {
      const args = callArgs(text, literals, o, max);
      if (!args) break;
      const key = CHAIN_KEYS[text.slice(p, n)];
      if (key && args.list.length === 1 && !found[key]) {
        // no numbers: `.code(400)` in a builder is an HTTP status (OkHttp's Response.Builder)
        const v = args.list[0].literal && valueToken(args.list[0], key);
        if (v) found[key] = v;
      }
      end = args.close + 1;
      o = end;
    } else if (n === p) break;
    else end = n;
    while (o < stop && isSpace(text.charCodeAt(o))) o++;
    if (text.charCodeAt(o) !== 46) break;
    p = o + 1;
    while (p < stop && isSpace(text.charCodeAt(p))) p++;
  }
  return end < 0 ? undefined : made(found, first, end);
}

/** `new UqpayApiException("…", "…", 400)`: arguments by position. */
function constructorBody(text: string, literals: readonly Literal[], i: number, s: number, open: number, order: readonly (BodyKey | 'status')[], max: number): ErrorObject | undefined {
  const args = callArgs(text, literals, open, max, i);
  if (!args || args.list.length !== order.length) return undefined;
  const found: Partial<Record<BodyKey, BodyToken>> = {};
  let status: ErrorObject['status'];
  order.forEach((field, k) => {
    const arg = args.list[k];
    if (field === 'status') {
      if (arg.number !== undefined) status = { value: arg.number, start: arg.start, end: arg.end };
    } else found[field] = valueToken(arg, field);
  });
  const o = made(found, s, args.close + 1);
  if (o && status) o.status = status;
  return o;
}

function made(found: Partial<Record<BodyKey, BodyToken>>, start: number, end: number): ErrorObject | undefined {
  if (!found.code) return undefined;
  return { start, end, code: found.code, type: found.type, message: found.message, isBody: !!(found.message || found.type), inCode: true };
}

/** The body key a literal spells (`"code"`, `"type"`, `"message"`), compared in place. */
function keyName(text: string, l: Literal): BodyKey | undefined {
  const n = l.cEnd - l.cStart;
  if (n !== 4 && n !== 7) return undefined;
  const name = text.slice(l.cStart, l.cEnd);
  return name === 'code' || name === 'type' || name === 'message' ? name : undefined;
}

interface Arg { start: number; end: number; literal?: Literal; number?: number }

function valueToken(arg: Arg | undefined, key: BodyKey): BodyToken | undefined {
  if (!arg) return undefined;
  const l = arg.literal;
  if (l) return l.interpolated ? undefined : { start: l.start, end: l.end, cStart: l.cStart, cEnd: l.cEnd, value: l.value };
  // a legacy numeric code (`"code", 200`)
  return key === 'code' && arg.number !== undefined ? { start: arg.start, end: arg.end, cStart: arg.start, cEnd: arg.end, value: arg.number } : undefined;
}

/** The first literal starting at or after `p`. */
function literalFrom(literals: readonly Literal[], p: number, hint = 0): number {
  let lo = hint;
  let hi = literals.length;
  if (lo > 0 && literals[lo - 1].start >= p) lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (literals[mid].start < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The arguments of the call whose `(` is at `open` (literals skipped whole), and its `)`. */
function callArgs(text: string, literals: readonly Literal[], open: number, max: number, hint = 0): { list: Arg[]; close: number } | undefined {
  const list: Arg[] = [];
  let j = literalFrom(literals, open, hint);
  let depth = 0;
  let argStart = open + 1;
  let only: Literal | undefined; // the argument's one literal, while nothing else is in it
  let other = false;
  const stop = Math.min(max, open + REACH);
  const push = (end: number) => {
    let a = argStart;
    while (a < end && isSpace(text.charCodeAt(a))) a++;
    let b = end;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    const arg: Arg = { start: a, end: b };
    if (only && !other) arg.literal = only;
    else if (!only && b > a && /^\d+$/.test(text.slice(a, b))) arg.number = Number(text.slice(a, b));
    if (b > a) list.push(arg);
    only = undefined;
    other = false;
  };
  for (let p = open + 1; p < stop; p++) {
    if (j < literals.length && literals[j].start === p) {
      const l = literals[j];
      if (depth === 0) {
        if (only) other = true;
        only = l;
      }
      p = l.end - 1;
      j++;
      while (j < literals.length && literals[j].start <= p) j++; // holes inside it
      continue;
    }
    const c = text.charCodeAt(p);
    if (c === 40 || c === 91 || c === 123) { depth++; other = true; }
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) {
        push(p);
        return { list, close: p };
      }
      depth--;
    } else if (c === 44 && depth === 0) {
      push(p);
      argStart = p + 1;
    } else if (depth === 0 && !isSpace(c) && !(c >= 48 && c <= 57)) other = true;
  }
  return undefined;
}

/** The `(` matching the `)` at `close`, skipping literals; -1 when not found by `stop`. */
function matchBack(text: string, literals: readonly Literal[], close: number, stop: number): number {
  let j = literalFrom(literals, close) - 1;
  let depth = 0;
  for (let p = close; p >= stop; p--) {
    while (j >= 0 && literals[j].start > p) j--;
    if (j >= 0 && literals[j].end > p) { p = literals[j].start; continue; }
    const c = text.charCodeAt(p);
    if (c === 41) depth++;
    else if (c === 40 && --depth === 0) return p;
  }
  return -1;
}
