import type { LiteralContext } from './context';
import { expressionContext, skipWsBack, wordBefore } from './expressions';
import type { Literal } from './scanners/types';

/**
 * Test assertions are error-code contexts: `expect(e.code).toBe('x')`, `assertThat(e.getCode()).isEqualTo("x")`,
 * `assertEquals("x", e.getCode())`, `self.assertEqual(e.code, "x")`, `require.Equal(t, "x", err.Code)`,
 * `assert_eq!(e.code, "x")`, Dart `expect(error.code, 'x')` / `expect(e.code, equals('x'))`.
 */
const MATCHERS = new Set(['toBe', 'toEqual', 'toStrictEqual', 'isEqualTo', 'to_eq', 'eq', 'equal', 'eql']);
const TWO_SIDED = new Set(['assertEquals', 'assertEqual', 'assert_equal', 'assertSame', 'Equal', 'Equalf', 'EqualValues', 'equal', 'strictEqual',
  'deepEqual', 'deepStrictEqual', 'assert_eq', 'assertThat', 'expect', 'XCTAssertEqual', 'assertIs']);
/** Matchers that wrap the expected value: `expect(x, equals('a'))`, `assertThat(x, is("a"))`. */
const WRAPPERS = new Set(['equals', 'is', 'equalTo', 'eq']);

const WINDOW = 400;

function isIdent(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

/** The unclosed `(` before `p`, within the window, or -1. */
function openParenBefore(text: string, p: number, min: number): number {
  let depth = 0;
  for (let q = p; q >= Math.max(min, p - WINDOW); q--) {
    const c = text.charCodeAt(q);
    if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 40 || c === 91 || c === 123) {
      if (depth === 0) return c === 40 ? q : -1;
      depth--;
    } else if (c === 59) return -1;
  }
  return -1;
}

/** The `)` that closes the `(` at `open`, or -1. */
function closeParenAfter(text: string, open: number, max: number): number {
  let depth = 0;
  for (let q = open; q < Math.min(max, open + WINDOW); q++) {
    const c = text.charCodeAt(q);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) { if (--depth === 0) return q; }
  }
  return -1;
}

function nameBefore(text: string, open: number, min: number): { name: string; start: number } {
  let e = open;
  if (text.charCodeAt(e - 1) === 33) e--; // Rust macro `assert_eq!(`
  let s = e;
  while (s > min && isIdent(text.charCodeAt(s - 1))) s--;
  return { name: text.slice(s, e), start: s };
}

/** Top-level argument ends (the index of each argument's last character) of the call at `open`..`close`. */
function argumentEnds(text: string, open: number, close: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let start = open + 1;
  for (let q = open + 1; q <= close; q++) {
    const c = text.charCodeAt(q);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === 125) && q < close) depth--;
    else if (c === 34 || c === 39 || c === 96) { // skip a string argument whole
      const e = text.indexOf(String.fromCharCode(c), q + 1);
      if (e < 0 || e > close) return out;
      q = e;
    }
    if ((c === 44 && depth === 0) || q === close) {
      out.push({ start, end: q - 1 });
      start = q + 1;
    }
  }
  return out;
}

export function assertionContext(text: string, lit: Literal, min: number, max: number): LiteralContext | undefined {
  // only an argument can be asserted: most literals stop at this one look back
  const prevAt = skipWsBack(text, lit.start - 1, min);
  const prev = text.charCodeAt(prevAt);
  if (prev !== 40 && prev !== 44) return isIdent(prev) || prev === 44 ? parenlessContext(text, lit, min, max) : undefined;
  let open = openParenBefore(text, lit.start - 1, min);
  if (open < 0) return prev === 44 ? parenlessContext(text, lit, min, max) : undefined;
  let fn = nameBefore(text, open, min);
  if (WRAPPERS.has(fn.name) && skipWsBack(text, fn.start - 1, min) >= 0) {
    const outer = openParenBefore(text, fn.start - 1, min);
    if (outer >= 0) { open = outer; fn = nameBefore(text, outer, min); }
  }
  if (MATCHERS.has(fn.name)) {
    // `expect(<actual>).toBe(lit)`, RSpec `expect(<actual>).to eq(lit)`: the actual value is the receiver call's argument
    let dot = fn.start - 1;
    if (text.charCodeAt(dot) !== 46) {
      const to = wordBefore(text, skipWsBack(text, dot, min), min);
      dot = TO.has(to.word) && to.start < fn.start - 1 ? to.start - 1 : -1;
    }
    if (dot >= 0 && text.charCodeAt(dot) === 46) {
      const recvClose = skipWsBack(text, dot - 1, min);
      if (text.charCodeAt(recvClose) !== 41) return undefined;
      return expressionContext(text, recvClose - 1, min);
    }
  }
  if (!TWO_SIDED.has(fn.name)) return undefined;
  // a literal left open at the end of the line (being typed) has no `)` yet: the arguments before it decide
  const close = closeParenAfter(text, open, max);
  if (close < 0 && lit.terminated) return undefined;
  return otherArgument(text, lit, open, close < 0 ? lit.start : close);
}

/**
 * Completion only (diagnostics never read it): a literal typed as the expected value of a two-sided
 * assertion whose actual is not written yet — `assertEquals("ret` left open, or `assertEquals("x", e.`
 * with the call still unclosed. Before it: nothing, or one bare name (Go's `require.Equal(t, "…`).
 * `expect(…)`/`assertThat(…)` take the actual first, so a literal there is no expected value.
 */
export function expectedBeforeActual(text: string, lit: Literal, min: number, max: number): boolean {
  const prev = text.charCodeAt(skipWsBack(text, lit.start - 1, min));
  if (prev !== 40 && prev !== 44) return false;
  const open = openParenBefore(text, lit.start - 1, min);
  if (open < 0) return false;
  const fn = nameBefore(text, open, min).name;
  if (!TWO_SIDED.has(fn) || fn === 'expect' || fn === 'assertThat') return false;
  const close = closeParenAfter(text, open, max);
  if (close >= 0 && text.charCodeAt(close) === 41) return false;
  return /^\s*(?:[A-Za-z_]\w*\s*,\s*)?$/.test(text.slice(open + 1, lit.start));
}

/** The context of the first argument of the call (`(` or the space after its name at `open`) that is not the literal's own. */
function otherArgument(text: string, lit: Literal, open: number, close: number): LiteralContext | undefined {
  for (const arg of argumentEnds(text, open, close)) {
    if (lit.start >= arg.start && lit.start <= arg.end) continue;
    const r = expressionContext(text, arg.end, arg.start);
    if (r) return r;
  }
  return undefined;
}

/** RSpec's `.to eq(…)` / `.not_to eq(…)`. */
const TO = new Set(['to', 'not_to', 'to_not']);

/** Ruby's call without parentheses, the assertion first on its line: `assert_equal 'x', e.code`. */
function parenlessContext(text: string, lit: Literal, min: number, max: number): LiteralContext | undefined {
  const lineStart = Math.max(min, text.lastIndexOf('\n', lit.start - 1) + 1);
  let s = lineStart;
  while (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9) s++;
  let e = s;
  while (isIdent(text.charCodeAt(e))) e++;
  if (e === s || e >= lit.start || !TWO_SIDED.has(text.slice(s, e)) || (text.charCodeAt(e) !== 32 && text.charCodeAt(e) !== 9)) return undefined;
  let eol = text.indexOf('\n', lit.end);
  if (eol < 0 || eol > max) eol = max;
  return otherArgument(text, lit, e, lit.terminated ? eol : lit.start);
}
