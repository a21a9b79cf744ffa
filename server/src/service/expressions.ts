/**
 * Member expressions around a literal, read in place over the text: the last member of the
 * expression before or after it (`err.code`, `e.getCode()`, `body["code"]`, `h.dig(:code)`),
 * value-keeping conversions skipped, and whether that member holds a code or a type (members.ts).
 * The per-language walks to a switch's subject are context.ts's.
 */
import type { LiteralContext } from './context';
import { CODE_MEMBERS, CONVERSIONS, GATEWAY_CODE_MEMBERS, TYPE_MEMBERS } from './members';

/** A member at the end (or start) of an expression. */
export interface Member {
  name: string;
  start: number;
  end: number;
  call: boolean;
  index: boolean;
  /** Where the member before it ends (inclusive), or -1. */
  prev: number;
}

/** Accessors that take the field name: `body.get("code")`, `h.dig(:code)`, `json.getString("code")`. */
const GETTERS = new Set(['get', 'Get', 'fetch', 'dig', 'getString', 'optString', 'GetString', 'getStr', 'value']);

/** How far one look back or forward reads. */
export const MAX_WINDOW = 400;

export function isIdent(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c > 127;
}
export function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export function skipWsBack(text: string, p: number, min: number): number {
  while (p >= min && isWs(text.charCodeAt(p))) p--;
  return p;
}
export function skipWsFwd(text: string, p: number, max: number): number {
  while (p < max && isWs(text.charCodeAt(p))) p++;
  return p;
}

export function matchBack(text: string, p: number, open: number, close: number, min: number): number {
  let depth = 0;
  const stop = Math.max(min, p - MAX_WINDOW);
  for (let q = p; q >= stop; q--) {
    const c = text.charCodeAt(q);
    if (c === close) depth++;
    else if (c === open && --depth === 0) return q;
  }
  return -1;
}
export function matchFwd(text: string, p: number, open: number, close: number, max: number): number {
  let depth = 0;
  const stop = Math.min(max, p + MAX_WINDOW);
  for (let q = p; q < stop; q++) {
    const c = text.charCodeAt(q);
    if (c === open) depth++;
    else if (c === close && --depth === 0) return q;
  }
  return -1;
}

export function unquote(s: string): string | undefined {
  const m = /^(?:(["'`])(.*)\1|:(\w+))$/.exec(s.trim());
  return m ? (m[2] ?? m[3]) : undefined;
}

/** The member whose last character is at `p` (inclusive). */
export function memberAt(text: string, p: number, min: number): Member | undefined {
  if (p < min) return undefined;
  let c = text.charCodeAt(p);
  if ((c === 33 || c === 63) && text.charCodeAt(p - 1) !== 61) { // TS/Kotlin/Swift `x!`, `x?`
    p--;
    c = text.charCodeAt(p);
  }
  if (c === 41 /* ) */) {
    const open = matchBack(text, p, 40, 41, min);
    if (open < 0) return undefined;
    let s = open;
    while (s - 1 >= min && isIdent(text.charCodeAt(s - 1))) s--;
    if (s === open) { // a parenthesised expression: look inside
      return memberAt(text, skipWsBack(text, p - 1, open + 1), open + 1);
    }
    const name = text.slice(s, open);
    // Python `getattr(e, "code", None)`: the attribute it names
    const attr = name === 'getattr' ? /^[^,()]+,\s*(["'])(\w+)\1\s*(?:,[^()]*)?$/.exec(text.slice(open + 1, p)) : null;
    if (attr) return { name: attr[2], start: s, end: p + 1, call: false, index: true, prev: -1 };
    const arg = GETTERS.has(name) ? unquote(text.slice(open + 1, p)) : undefined;
    return { name: arg ?? name, start: s, end: p + 1, call: arg === undefined, index: arg !== undefined, prev: prevEnd(text, s, min) };
  }
  if (c === 93 /* ] */) {
    const open = matchBack(text, p, 91, 93, min);
    if (open < 0) return undefined;
    const key = unquote(text.slice(open + 1, p));
    if (key === undefined) return undefined;
    return { name: key, start: open, end: p + 1, call: false, index: true, prev: prevEnd(text, open, min) };
  }
  if (!isIdent(c)) return undefined;
  let s = p;
  while (s - 1 >= min && isIdent(text.charCodeAt(s - 1))) s--;
  if (text.charCodeAt(s) === 36) s++; // PHP $code
  return { name: text.slice(s, p + 1), start: s, end: p + 1, call: false, index: false, prev: prevEnd(text, s, min) };
}

/** The end of the member before a `.`, `?.`, `!!.`, `->` or `::` separator at `s - 1`, or -1. */
export function prevEnd(text: string, s: number, min: number): number {
  let q = s - 1;
  const c = text.charCodeAt(q);
  if (c === 46) { // .
    q--;
    while (q >= min && (text.charCodeAt(q) === 63 || text.charCodeAt(q) === 33)) q--;
    return q >= min ? q : -1;
  }
  if (c === 62 && text.charCodeAt(q - 1) === 45) return q - 2 >= min ? q - 2 : -1; // ->
  if (c === 58 && text.charCodeAt(q - 1) === 58) return q - 2 >= min ? q - 2 : -1; // ::
  return -1;
}

/** The last meaningful member of the expression ending at `p`, skipping value-keeping conversions. */
export function lastMemberBack(text: string, p: number, min: number): Member | undefined {
  let m = memberAt(text, p, min);
  for (let hops = 0; m && CONVERSIONS.has(m.name) && m.prev >= 0 && hops < 3; hops++) m = memberAt(text, m.prev, min);
  return m;
}

/** The last meaningful member of the expression starting at `p`. */
export function lastMemberFwd(text: string, p: number, max: number): Member | undefined {
  const members: Member[] = [];
  let q = p;
  const stop = Math.min(max, p + MAX_WINDOW);
  while (q < stop) {
    if (text.charCodeAt(q) === 36) q++;
    const s = q;
    while (q < stop && isIdent(text.charCodeAt(q))) q++;
    let m: Member | undefined;
    if (q > s) m = { name: text.slice(s, q), start: s, end: q, call: false, index: false, prev: -1 };
    let c = text.charCodeAt(q);
    if (c === 40 && m) {
      const close = matchFwd(text, q, 40, 41, stop);
      if (close < 0) return undefined;
      const arg = GETTERS.has(m.name) ? unquote(text.slice(q + 1, close)) : undefined;
      m = arg !== undefined ? { ...m, name: arg, index: true, end: close + 1 } : { ...m, call: true, end: close + 1 };
      q = close + 1;
    } else if (c === 91) {
      const close = matchFwd(text, q, 91, 93, stop);
      if (close < 0) return undefined;
      const key = unquote(text.slice(q + 1, close));
      if (key !== undefined) m = { name: key, start: q, end: close + 1, call: false, index: true, prev: -1 };
      q = close + 1;
    }
    if (!m) break;
    members.push(m);
    c = text.charCodeAt(q);
    while (c === 33 || c === 63) c = text.charCodeAt(++q); // x!. x?. x!!.
    if (c === 46) q++;
    else if ((c === 45 && text.charCodeAt(q + 1) === 62) || (c === 58 && text.charCodeAt(q + 1) === 58)) q += 2;
    else break;
  }
  let i = members.length - 1;
  while (i > 0 && CONVERSIONS.has(members[i].name)) i--;
  return members[i] && { ...members[i], prev: i > 0 ? members[i - 1].end - 1 : -1 };
}

export function classify(text: string, m: Member | undefined): LiteralContext | undefined {
  if (!m) return undefined;
  if (CODE_MEMBERS.has(m.name)) {
    // "compare the type instead" renames a field of an object; a getter like getCode() has no known
    // twin, and a bare variable named `code` has no type field next to it
    if (m.call || (m.prev < 0 && !m.index)) return { kind: 'code' };
    const original = text.slice(m.start, m.end);
    const newText = m.index ? original.replace('code', 'type') : original.replace('code', 'type').replace('Code', 'Type');
    return { kind: 'code', member: { start: m.start, end: m.end, newText } };
  }
  if (GATEWAY_CODE_MEMBERS.has(m.name)) return { kind: 'code' };
  if (TYPE_MEMBERS.has(m.name)) return { kind: 'type' };
  return undefined;
}

/** What the expression ending at `end` compares: a code, a type, or neither. */
export function expressionContext(text: string, end: number, min: number): LiteralContext | undefined {
  return classify(text, lastMemberBack(text, skipWsBack(text, end, min), min));
}

export function bare(ctx: LiteralContext | undefined): LiteralContext | undefined {
  return ctx && { kind: ctx.kind };
}

export function wordBefore(text: string, p: number, min: number): { word: string; start: number } {
  let s = p;
  while (s - 1 >= min && isIdent(text.charCodeAt(s - 1))) s--;
  return { word: text.slice(s, p + 1), start: s };
}
