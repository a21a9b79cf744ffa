/**
 * The token stream the switch finder reads, built on the scanners' work: string literals (with
 * the values hover and diagnostics read) and the comments, regexes and other stretches the
 * scanner passed over are taken as they are; only the code between them is cut into names,
 * numbers and punctuation here. So there is one lexer per language and one reading of escapes.
 */
import type { Family, Literal } from '../scanners/types';
import { SKIP_COMMENT, SKIP_NAME } from '../scanners/types';
import { lineOfOffset } from '../lines';
import { isIdentPart, isIdentStart } from '../scanners/clike';

export type TokenKind = 'ident' | 'str' | 'num' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Zero-based line of `start`. */
  line: number;
  /** For a string literal without interpolation: its value, as the scanner read it. */
  value?: string;
  /** For strings: the opening quote character (`'`, `"` or a backquote). */
  quote?: string;
}

/** One code region as the scanners left it. */
export interface TokenSource {
  text: string;
  family: Family;
  literals: readonly Literal[];
  /** The scanner's skipped stretches, flat triples `start, end, kind` (scanners/types.ts). */
  skips: readonly number[];
  lineStarts: readonly number[];
  /** The region (the whole text for most documents; a Markdown fence). */
  start: number;
  end: number;
}

export interface TokenizeOptions {
  /** Where to start: a line start or the start of a literal or skip (never inside a name). */
  from?: number;
  /** Called after each token; returning true ends the tokens there. */
  stop?: (t: Token, tokens: Token[]) => boolean;
}

/** Length of the punctuation token at c c2 c3: `...`, `..=`, `=>`, `->`, `::`, `?.`, `..`, `==`, `!=`, `<=`, `>=`, `&&`, `||`, `??`, `?:`. */
function punctLength(c: number, c2: number, c3: number): number {
  if (c === 46 && c2 === 46) return c3 === 46 || c3 === 61 ? 3 : 2;
  if (c2 === 61 && (c === 61 || c === 33 || c === 60 || c === 62)) return 2; // = ! < > then =
  if (c2 === 62 && (c === 61 || c === 45)) return 2; // => ->
  if (c === 58 && c2 === 58) return 2;
  if (c === 63 && (c2 === 46 || c2 === 63 || c2 === 58)) return 2;
  if ((c === 38 && c2 === 38) || (c === 124 && c2 === 124)) return 2;
  return 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const RUBY_HEREDOC = /^<<[~-]?(["'`]?)[A-Za-z_][A-Za-z0-9_]*\1/;

/** The token a literal stands as: its quote, and its value when it is a plain string. */
function literalToken(src: TokenSource, l: Literal, line: number): Token {
  const { text, family } = src;
  let end = l.end;
  if (family === 'ruby' && text.startsWith('<<', l.start)) {
    // a heredoc's body starts on the next line; the rest of the opener's line is code
    const m = RUBY_HEREDOC.exec(text.slice(l.start, l.start + 100));
    if (m) end = l.start + m[0].length;
  }
  const q = text[l.cStart - 1];
  const quote = q === "'" || q === '`' ? q : '"';
  // Python bytes and Ruby symbols (`:"x"`) never equal a string code
  const notString = (family === 'python' && /[bB]/.test(text.slice(l.start, l.cStart))) || (family === 'ruby' && text.charCodeAt(l.start) === 58);
  return {
    kind: 'str', text: text.slice(l.start, end), start: l.start, end, line,
    value: l.interpolated || notString ? undefined : l.value, quote,
  };
}

/** The token stream of a region from `from` on (see TokenizeOptions). Never throws. */
export function tokenize(src: TokenSource, options: TokenizeOptions = {}): Token[] {
  const { text, family, literals, skips, lineStarts } = src;
  const n = src.end;
  const stop = options.stop;
  const out: Token[] = [];
  let i = options.from ?? src.start;
  let line = lineOfOffset(lineStarts, i);
  const lineAt = (off: number): number => {
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= off) line++;
    return line;
  };
  // the next literal and the next skip at or after i (nested ones, inside an earlier one, are passed)
  let li = firstAtOrAfter(literals.length, (k) => literals[k]!.start, i);
  let si = firstAtOrAfter(skips.length / 3, (k) => skips[k * 3]!, i) * 3;
  let stopped = false;
  const push = (t: Token): void => {
    out.push(t);
    if (stop && stop(t, out)) stopped = true;
  };

  while (i < n && !stopped) {
    while (li < literals.length && literals[li]!.start < i) li++;
    while (si < skips.length && skips[si]! < i) si += 3;
    const litAt = li < literals.length ? literals[li]!.start : n;
    const skipAt = si < skips.length ? skips[si]! : n;
    const gapEnd = Math.min(litAt, skipAt, n);
    i = codeTokens(i, gapEnd);
    if (stopped || i >= n) break;
    if (litAt <= skipAt) {
      const t = literalToken(src, literals[li]!, lineAt(litAt));
      li++;
      push(t);
      i = Math.max(t.end, litAt + 1);
    } else {
      const start = skipAt;
      const end = Math.max(skips[si + 1]!, start + 1);
      const kind = skips[si + 2]!;
      si += 3;
      if (kind !== SKIP_COMMENT) {
        // a regex, a char or a quoted name is one value to the finder
        push({ kind: kind === SKIP_NAME ? 'ident' : 'num', text: text.slice(start, end), start, end, line: lineAt(start) });
      }
      i = end;
    }
  }
  return out;

  /** Names, numbers and punctuation in `[from, to)`, which holds no literal, comment or regex. */
  function codeTokens(from: number, to: number): number {
    let k = from;
    while (k < to && !stopped) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 32 || c === 9 || c === 13 || c === 12 || c === 0xfeff) {
        k++;
        continue;
      }
      const c2 = k + 1 < to ? text.charCodeAt(k + 1) : NaN;
      let e: number;
      let kind: TokenKind;
      if (isIdentStart(c) || (c === 64 && family === 'swift') || (c === 64 && family === 'csharp' && isIdentStart(c2))
        || (c === 39 && family === 'rust' && isIdentStart(c2))) {
        // names; Swift/C# `@names`; a Rust lifetime or label (`'a`), which the scanner leaves as code
        e = k + 1;
        while (e < to && isIdentPart(text.charCodeAt(e))) e++;
        // Ruby method names may end in ? or !
        if (family === 'ruby' && e < to && (text[e] === '?' || text[e] === '!') && text[e + 1] !== '=') e++;
        kind = 'ident';
      } else if (isDigit(c) || (c === 46 && isDigit(c2) && family !== 'rust')) {
        e = k + 1;
        while (e < to) {
          const d = text.charCodeAt(e);
          if (isIdentPart(d) && d !== 36) e++;
          else if (d === 46 && e + 1 < to && isDigit(text.charCodeAt(e + 1))) e++;
          else break;
        }
        kind = 'num';
      } else {
        e = Math.min(k + punctLength(c, c2, k + 2 < to ? text.charCodeAt(k + 2) : NaN), to);
        kind = 'punct';
      }
      push({ kind, text: text.slice(k, e), start: k, end: e, line: lineAt(k), value: undefined, quote: undefined });
      k = e;
    }
    return k;
  }
}

/** The first index in [0, count) whose key is >= at (keys ascending), or count. */
function firstAtOrAfter(count: number, key: (k: number) => number, at: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(mid) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many literals back a template holding nested ones is looked for. */
const NEST_LOOKBACK = 64;

/** Whether `offset` lies inside a literal or a skipped stretch (not code). */
export function inOpaque(src: TokenSource, offset: number): boolean {
  const { literals, skips } = src;
  // a template's nested literals follow it: the one holding offset may start a few literals back
  let k = firstAtOrAfter(literals.length, (j) => literals[j]!.start, offset + 1) - 1;
  for (let steps = 0; k >= 0 && steps < NEST_LOOKBACK; k--, steps++) if (literals[k]!.end > offset) return true;
  const s = firstAtOrAfter(skips.length / 3, (j) => skips[j * 3]!, offset + 1) - 1;
  return s >= 0 && skips[s * 3 + 1]! > offset;
}

/** A start for tokens a few lines before `offset`: a line start, or the literal or skip holding it. */
export function safeStartBefore(src: TokenSource, offset: number, lines = 3): number {
  const { lineStarts, literals, skips } = src;
  const at = lineStarts[Math.max(0, lineOfOffset(lineStarts, offset) - lines)]!;
  let best = at;
  // a multi-line literal or comment holding that line start: begin at its start instead
  let k = firstAtOrAfter(literals.length, (j) => literals[j]!.start, at + 1) - 1;
  for (let steps = 0; k >= 0 && steps < NEST_LOOKBACK; k--, steps++) if (literals[k]!.end > at) best = Math.min(best, literals[k]!.start);
  const s = firstAtOrAfter(skips.length / 3, (j) => skips[j * 3]!, at + 1) - 1;
  if (s >= 0 && skips[s * 3 + 1]! > at) best = Math.min(best, skips[s * 3]!);
  return best;
}
