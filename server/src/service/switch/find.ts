/**
 * Finds switch-like statements (switch / match / when / case) in the token stream of one code
 * region (tokens.ts, over the scanners' literals and skips) and describes their clauses: where
 * each starts, which literals its label holds, where the default branch is and where the body
 * ends. Structure only; what the literals mean is decided in analyze.ts.
 */
import type { Family } from '../scanners/types';
import { inOpaque, safeStartBefore, tokenize, type Token, type TokenSource } from './tokens';

export interface Clause {
  kind: 'case' | 'default';
  /** First token of the clause: `case`, `when`, `default`, `else`, `_`, or the pattern's first token. */
  first: Token;
  /** Last token of the label (`:`, `->`, `=>`, or the last pattern token). */
  labelEnd: Token;
  /** String and number literal tokens of the label (not of a guard). */
  literals: Token[];
  /** First token of the body, when there is one. */
  bodyFirst?: Token;
  /** Last token of the body, when there is one (what the branch does, up to the next clause). */
  bodyLast?: Token;
  /** Java `case "x" ->`. */
  arrow?: boolean;
  /** A default that names the subject, as written: Rust/Python `other`, C#/Dart `var other`, Swift `let other`. */
  binding?: string;
}

export type Form = 'c-switch' | 'arms' | 'python' | 'ruby';

export interface SwitchStatement {
  family: Family;
  form: Form;
  /** `switch`, `match`, `when`, `case`. */
  keyword: Token;
  subject: Token[];
  /** Extent of the whole statement, keyword (or C# subject) to the closing token. */
  start: number;
  end: number;
  /** The opening `{` (null for Python and Ruby). */
  open: Token | null;
  /** The closing `}` or Ruby `end` (null for Python). */
  close: Token | null;
  /** The last token of the body (the open brace / header when the body is empty). */
  lastBodyToken: Token;
  clauses: Clause[];
  /** The statement is used as a value: new branches must produce one. */
  valueNeeded: boolean;
  /** Ruby `case … in` pattern matching. */
  rubyIn?: boolean;
}

const KEYWORDS: Partial<Record<Family, readonly string[]>> = {
  js: ['switch'],
  java: ['switch'],
  csharp: ['switch'],
  go: ['switch'],
  php: ['switch', 'match'],
  python: ['match'],
  kotlin: ['when'],
  rust: ['match'],
  ruby: ['case'],
  swift: ['switch'],
  dart: ['switch'],
};

/** Tokens before a statement keyword that show the statement is used as a value. */
const VALUE_BEFORE = new Set(['=', 'return', '(', ',', '=>', '->', '?', '??', '?:', ':', '+', 'yield', 'in', '[', 'throw', '&&', '||']);

const MEMBER_ACCESS = new Set(['.', '?.', '::', '->']);

/** Whether the family has switch-like statements the feature reads. */
export function hasSwitches(family: Family): boolean {
  return KEYWORDS[family] !== undefined;
}

/** Every switch-like statement of the region (all its tokens; used by the code action). */
export function findSwitches(src: TokenSource): SwitchStatement[] {
  if (!hasKeyword(src)) return [];
  return statementsIn(src.text, tokenize(src), src.family, 0);
}

/**
 * The same statements, found cheaply (used by the diagnostic on every validation): keywords are
 * found in the text and kept where they stand in code, then only each statement is tokenised.
 */
export function findSwitchesFast(src: TokenSource): SwitchStatement[] {
  if (!hasKeyword(src)) return [];
  const found: SwitchStatement[] = [];
  const seen = new Set<number>();
  let covered = -1;
  for (const offset of keywordsInCode(src)) {
    // Nested in (or tokenised along with) a statement already found.
    if (offset < covered || seen.has(offset)) continue;
    const tokens = tokenize(src, { from: Math.max(src.start, safeStartBefore(src, offset)), stop: statementEnd(src, offset) });
    for (const st of statementsIn(src.text, tokens, src.family, offset)) {
      if (seen.has(st.keyword.start)) continue;
      seen.add(st.keyword.start);
      found.push(st);
      if (st.keyword.start === offset) covered = Math.max(covered, st.end);
    }
  }
  return found;
}

/** Offsets of the family's keywords that stand alone as words in code (not in strings or comments). */
function keywordsInCode(src: TokenSource): number[] {
  const words = KEYWORDS[src.family] ?? [];
  const re = new RegExp(`(?<![\\w$@\\u0080-\\uffff])(?:${words.join('|')})(?![\\w$\\u0080-\\uffff])`, 'g');
  re.lastIndex = src.start;
  const out: number[] = [];
  for (let m = re.exec(src.text); m && m.index < src.end; m = re.exec(src.text)) {
    if (!inOpaque(src, m.index)) out.push(m.index);
  }
  return out;
}

/** A `stop` callback that ends the lexing once the statement at `offset` is complete. */
function statementEnd(src: TokenSource, offset: number): (t: Token, tokens: Token[]) => boolean {
  const { text, lineStarts, family } = src;
  let started = false;
  let parens = 0;
  let braces = 0;
  let opened = false;
  let baseIndent = 0;
  let kwLine = 0;
  let kwIndex = -1;
  let rubyDepth = 0;
  const rubyLoop = { line: -1 };
  const indentOfToken = (t: Token): number => {
    const ls = lineStarts[t.line]!;
    return /^[ \t]*$/.test(text.slice(ls, t.start)) ? t.start - ls : -1;
  };
  return (t, tokens) => {
    if (!started) {
      if (t.start > offset) return true; // the keyword is part of a longer token: no statement here
      if (t.start !== offset) return false;
      started = true;
      kwLine = t.line;
      kwIndex = tokens.length - 1;
      const ls = lineStarts[t.line]!;
      baseIndent = /^[ \t]*/.exec(text.slice(ls, t.start))![0].length;
      return false;
    }
    if (family === 'ruby') {
      // Count blocks from the `case` on; a token's role is known once the next one is seen.
      const role = rubyRole(tokens, tokens.length - 2, rubyLoop);
      if (tokens.length - 2 === kwIndex && role !== 'open') return true; // `:case`, `case:`: not a statement
      if (role === 'open') rubyDepth++;
      else if (role === 'end' && --rubyDepth === 0) return true;
      return false;
    }
    if (family === 'python') {
      if (t.line === kwLine) return false;
      const prev = tokens[tokens.length - 2]!;
      const startsLine = t.line > prev.line + countNewlines(prev.text);
      if (t.text === '(' || t.text === '[' || t.text === '{') parens++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') parens--;
      // The token that ends the block is kept: the finder looks at it and stops there.
      return startsLine && parens <= 0 && indentOfToken(t) >= 0 && indentOfToken(t) <= baseIndent;
    }
    if (t.kind !== 'punct') return false;
    if (t.text === '(' || t.text === '[') parens++;
    else if (t.text === ')' || t.text === ']') parens--;
    else if (t.text === '{' && parens <= 0) {
      braces++;
      opened = true;
    } else if (t.text === '}' && parens <= 0) {
      braces--;
      if (opened && braces <= 0) return true;
      if (braces < 0) return true;
    } else if (t.text === ';' && !opened && parens <= 0 && family !== 'go') return true; // not a switch
    return false;
  };
}

/** The statements whose keyword is at or after `from` in a token list. */
function statementsIn(text: string, tokens: Token[], family: Family, from: number): SwitchStatement[] {
  const match = matchBrackets(tokens);
  const found: SwitchStatement[] = [];
  const keywords = KEYWORDS[family] ?? [];
  let rubyBlockEnds: Int32Array | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.start < from || t.kind !== 'ident' || !keywords.includes(t.text)) continue;
    const before = tokens[i - 1];
    if (before && MEMBER_ACCESS.has(before.text) && before.end === t.start) continue;
    let s: SwitchStatement | null = null;
    if (family === 'python') s = pythonMatch(text, tokens, match, i);
    else if (family === 'ruby') s = rubyCase(tokens, i, (rubyBlockEnds ??= rubyEnds(tokens)));
    else s = braceSwitch(tokens, match, i, family);
    if (s) found.push(s);
  }
  return found;
}

function hasKeyword(src: TokenSource): boolean {
  return (KEYWORDS[src.family] ?? []).some((k) => src.text.includes(k));
}

/** Index of the matching closer for every opener (and of the opener for every closer); -1 if none. */
function matchBrackets(tokens: Token[]): Int32Array {
  const m = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') stack.push(i);
    else if (t.text in pairs) {
      // Pop to the nearest matching opener; unbalanced closers are ignored.
      // Look a few levels down only, so junk with thousands of unclosed brackets stays linear.
      let k = stack.length - 1;
      while (k >= 0 && k >= stack.length - 8 && tokens[stack[k]!]!.text !== pairs[t.text]) k--;
      if (k < stack.length - 8) continue;
      if (k < 0) continue;
      const o = stack[k]!;
      stack.length = k;
      m[o] = i;
      m[i] = o;
    }
  }
  return m;
}

/** Index after the group opened at i (or i + 1 for a non-opener). */
function skip(tokens: Token[], match: Int32Array, i: number): number {
  const t = tokens[i]!;
  if (t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{') && match[i]! > i) return match[i]! + 1;
  return i + 1;
}

/**
 * The literals that are whole alternatives of a label (`"a"`, `"a", "b"`, `"a" | "b"`), not
 * parts of an expression: `case x === 'a':` in a `switch (true)` matches no code.
 */
function plainLiterals(label: readonly Token[], family?: Family): Token[] {
  const out: Token[] = [];
  let item: Token[] = [];
  const flush = (): void => {
    if (item.length === 1 && (item[0]!.kind === 'str' || item[0]!.kind === 'num')) out.push(item[0]!);
    item = [];
  };
  for (const t of label) {
    if (t.kind === 'punct' && (t.text === '(' || t.text === ')')) continue;
    if ((t.kind === 'punct' && (t.text === ',' || t.text === '|' || (t.text === '||' && family === 'dart'))) || (t.kind === 'ident' && t.text === 'or')) flush();
    else item.push(t);
  }
  flush();
  return out;
}

function isValuePosition(prev: Token | undefined): boolean {
  return !!prev && VALUE_BEFORE.has(prev.text);
}

// ---------------------------------------------------------------------------------------------
// Brace languages

function braceSwitch(tokens: Token[], match: Int32Array, i: number, family: Family): SwitchStatement | null {
  const kw = tokens[i]!;
  let next = tokens[i + 1];
  if (!next) return null;
  let subject: Token[];
  let open: number;
  const start = kw.start;
  const prevForValue = tokens[i - 1];
  if (family === 'csharp' && next.text === '{') {
    // Switch expression: `subject switch { … }`.
    const s = csharpSubjectStart(tokens, match, i);
    if (s < 0) return null;
    return armsBody(tokens, match, family, kw, tokens.slice(s, i), tokens[s]!.start, i + 1, true);
  }
  if (family === 'go' || family === 'rust' || family === 'swift') {
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.text !== '{') {
      if (tokens[j]!.text === ';' && family !== 'go') return null;
      if (tokens[j]!.text === '}') return null;
      j = skip(tokens, match, j);
    }
    if (j >= tokens.length || match[j]! < 0) return null;
    subject = tokens.slice(i + 1, j);
    if (family === 'go') {
      const semi = subject.map((t) => t.text).lastIndexOf(';');
      if (semi >= 0) subject = subject.slice(semi + 1);
      if (subject.some((t) => t.text === 'type')) return null; // type switch
    }
    if (subject.length === 0) return null;
    open = j;
  } else {
    if (next.text !== '(' || match[i + 1]! < 0) return null;
    const close = match[i + 1]!;
    subject = tokens.slice(i + 2, close);
    if (family === 'kotlin') {
      const eq = subject.findIndex((t) => t.text === '=');
      if (subject[0]?.text === 'val' && eq >= 0) subject = subject.slice(eq + 1);
    }
    open = close + 1;
    next = tokens[open];
    if (!next || next.text !== '{' || match[open]! < 0) return null;
  }
  const valueNeeded = isValuePosition(prevForValue);
  // Dart 3 switch expression: `switch (x) { 'a' => 1, _ => 2 }`, no `case` labels
  const dartArms = family === 'dart' && !['case', 'default', '}'].includes(tokens[open + 1]?.text ?? '}');
  if (family === 'rust' || family === 'kotlin' || (family === 'php' && kw.text === 'match') || dartArms) {
    const s = armsBody(tokens, match, family, kw, subject, start, open, valueNeeded);
    if (s && family === 'rust' && !s.valueNeeded) {
      // A statement-position match must be unit-typed, unless it is a tail or is followed by `;`.
      const afterIndex = match[open]! + 1;
      const after = tokens[afterIndex];
      if (!after || after.text === ';' || after.text === ')') s.valueNeeded = true;
      else if (after.text === '}') s.valueNeeded = !tailOfUnitFn(tokens, match, afterIndex);
    }
    return s;
  }
  return cSwitchBody(tokens, match, family, kw, subject, start, open, valueNeeded);
}

/** True when the block closed at `closeIndex` is the body of a Rust fn without `->` (returns unit). */
function tailOfUnitFn(tokens: Token[], match: Int32Array, closeIndex: number): boolean {
  const open = match[closeIndex]!;
  if (open < 0) return false;
  let sawArrow = false;
  for (let k = open - 1, steps = 0; k >= 0 && steps < 200; steps++) {
    const t = tokens[k]!;
    if (t.text === ')' || t.text === ']') {
      k = match[k]! >= 0 ? match[k]! - 1 : k - 1;
      continue;
    }
    if (t.text === '->') sawArrow = true;
    if (t.text === 'fn') return !sawArrow;
    if (t.text === ';' || t.text === '{' || t.text === '}' || t.text === '=' || t.text === '=>') return false;
    k--;
  }
  return false;
}

/** Start index of the expression before a C# `switch` keyword (a member-access / call chain). */
function csharpSubjectStart(tokens: Token[], match: Int32Array, kwIndex: number): number {
  let j = kwIndex - 1;
  let s = -1;
  while (j >= 0) {
    const t = tokens[j]!;
    if (t.text === ')' || t.text === ']') {
      const o = match[j]!;
      if (o < 0) break;
      s = o;
      j = o - 1;
      continue;
    }
    if (t.kind === 'ident' || t.kind === 'str' || t.kind === 'num') {
      if (t.kind === 'ident' && ['return', 'var', 'await', 'new', 'in'].includes(t.text) && s >= 0) break;
      if (t.kind === 'ident' && t.text === 'await') break;
      s = j;
      j--;
      const p = tokens[j];
      if (p && (p.text === '.' || p.text === '?.' || p.text === '!')) {
        j--;
        continue;
      }
      break;
    }
    break;
  }
  return s;
}

function cSwitchBody(
  tokens: Token[], match: Int32Array, family: Family, kw: Token, subject: Token[], start: number, open: number, valueNeeded: boolean,
): SwitchStatement | null {
  const close = match[open]!;
  const clauses: Clause[] = [];
  let j = open + 1;
  while (j < close) {
    const t = tokens[j]!;
    const isDefault = t.text === 'default' && (tokens[j + 1]?.text === ':' || tokens[j + 1]?.text === '->');
    const isUnknownDefault = family === 'swift' && t.text === '@unknown' && tokens[j + 1]?.text === 'default';
    if (t.kind === 'ident' && (t.text === 'case' || isDefault || isUnknownDefault)) {
      // Label: up to `:` (Java also `->`, PHP also `;`) at this depth.
      let k = isUnknownDefault ? j + 2 : j + 1;
      const label: Token[] = [];
      let guard = false;
      while (k < close) {
        const u = tokens[k]!;
        if (u.text === ':' || (family === 'java' && u.text === '->') || (family === 'php' && u.text === ';')) break;
        if (u.kind === 'ident' && (u.text === 'when' || u.text === 'where' || u.text === 'if')) guard = true;
        if (!guard) label.push(u);
        k = skip(tokens, match, k);
      }
      const literals = plainLiterals(label, family);
      if (k >= close) break;
      const labelEnd = tokens[k]!;
      // Swift `case _:` / `case let other:`, Dart 3 `case _:` / `case var other:` catch everything
      const catchAll = t.text === 'case' && !guard && (family === 'swift' || family === 'dart') ? catchAllPattern(label, family) : undefined;
      endLastBody(clauses, tokens, j);
      clauses.push({
        kind: t.text === 'case' && catchAll === undefined ? 'case' : 'default',
        first: t,
        labelEnd,
        literals,
        bodyFirst: k + 1 < close ? tokens[k + 1] : undefined,
        arrow: labelEnd.text === '->',
        ...(catchAll ? { binding: catchAll } : {}),
      });
      j = k + 1;
      continue;
    }
    j = skip(tokens, match, j);
  }
  endLastBody(clauses, tokens, close);
  return braced(tokens, 'c-switch', family, kw, subject, start, open, close, clauses, valueNeeded);
}

/** The last token before index `next` when it belongs to the clause's body (not its label). */
function bodyEndBefore(tokens: Token[], next: number, c: Clause): Token | undefined {
  const last = tokens[next - 1];
  return c.bodyFirst && last && last.start >= c.bodyFirst.start ? last : undefined;
}

/** The clause found last ends its body before the token at `next` (the next clause or the close). */
function endLastBody(clauses: Clause[], tokens: Token[], next: number): void {
  const c = clauses[clauses.length - 1];
  if (c) c.bodyLast = bodyEndBefore(tokens, next, c);
}

/**
 * For a label that matches any value: '' for a wildcard, the binding as written (`let other`,
 * `var other`); undefined for any other pattern.
 */
function catchAllPattern(label: readonly Token[], family: Family): string | undefined {
  if (label.length === 1 && label[0]!.text === '_') return '';
  const decl = family === 'swift' ? ['let', 'var'] : ['var', 'final'];
  if (label.length === 2 && decl.includes(label[0]!.text) && label[1]!.kind === 'ident') return `${label[0]!.text} ${label[1]!.text}`;
  return undefined;
}

/** A statement whose body is the brace pair `open`…`close`. */
function braced(
  tokens: Token[], form: Form, family: Family, kw: Token, subject: Token[], start: number, open: number, close: number, clauses: Clause[], valueNeeded: boolean,
): SwitchStatement {
  return {
    family, form, keyword: kw, subject, start,
    end: tokens[close]!.end,
    open: tokens[open]!,
    close: tokens[close]!,
    lastBodyToken: tokens[close - 1]!,
    clauses,
    valueNeeded,
  };
}

const RUST_BLOCK_LIKE = new Set(['if', 'match', 'loop', 'while', 'for', 'unsafe', 'async']);
const KOTLIN_CONT_END = new Set(['.', '?.', '?:', '&&', '||', '+', '-', '*', '/', '%', '=', '(', '[', ',', '->', '==', '!=', '<', '>', '<=', '>=', '::', 'to', 'in', 'is', 'as', 'as?']);
const KOTLIN_CONT_START = new Set(['.', '?.', '?:', '&&', '||', ')', ']', '}', 'as', 'as?']);

function armsBody(
  tokens: Token[], match: Int32Array, family: Family, kw: Token, subject: Token[], start: number, open: number, valueNeeded: boolean,
): SwitchStatement | null {
  const close = match[open]!;
  if (close < 0) return null;
  const arrow = family === 'kotlin' ? '->' : '=>';
  const comma = family !== 'kotlin';
  const clauses: Clause[] = [];
  let j = open + 1;
  while (j < close) {
    if (tokens[j]!.text === ',' || tokens[j]!.text === ';') {
      j++;
      continue;
    }
    const patStart = j;
    let k = j;
    while (k < close && tokens[k]!.text !== arrow) k = skip(tokens, match, k);
    if (k >= close) break;
    const pattern = tokens.slice(patStart, k);
    const guardAt = pattern.findIndex((u) => u.kind === 'ident' && (u.text === 'if' || u.text === 'when' || u.text === 'and'));
    const literals = plainLiterals(guardAt < 0 ? pattern : pattern.slice(0, guardAt), family);
    const rustBinding = family === 'rust' && pattern.length === 1 && pattern[0]!.kind === 'ident' && /^[a-z_][a-z0-9_]*$/.test(pattern[0]!.text) && pattern[0]!.text !== '_';
    // C# `var other =>`, Dart `var other =>` / `final other =>`: catch-alls that name the subject
    const declBinding = (family === 'csharp' || family === 'dart') && pattern.length === 2 && pattern[1]!.kind === 'ident' &&
      (pattern[0]!.text === 'var' || (family === 'dart' && pattern[0]!.text === 'final'));
    const isDefault = rustBinding || declBinding ||
      (pattern.length === 1 && (pattern[0]!.text === '_' || pattern[0]!.text === 'default' || pattern[0]!.text === 'else'));
    const clause: Clause = {
      kind: isDefault ? 'default' : 'case',
      first: tokens[patStart]!,
      labelEnd: tokens[k]!,
      literals,
      bodyFirst: k + 1 < close ? tokens[k + 1] : undefined,
    };
    if (rustBinding) clause.binding = pattern[0]!.text;
    else if (declBinding) clause.binding = `${pattern[0]!.text} ${pattern[1]!.text}`;
    clauses.push(clause);
    // Skip the arm's body.
    let b = k + 1;
    if (b < close && tokens[b]!.text === '{') {
      b = skip(tokens, match, b);
    } else if (family === 'rust' && b < close && RUST_BLOCK_LIKE.has(tokens[b]!.text)) {
      // if/match/loop bodies end with their block; `else` chains continue.
      for (;;) {
        while (b < close && tokens[b]!.text !== '{') b = skip(tokens, match, b);
        b = skip(tokens, match, b);
        if (b < close && tokens[b]!.text === 'else') {
          b++;
          continue;
        }
        break;
      }
    } else if (comma) {
      while (b < close && tokens[b]!.text !== ',') b = skip(tokens, match, b);
    } else {
      // Kotlin: the expression ends at a line break that nothing continues.
      b = skip(tokens, match, b);
      while (b < close) {
        const p = tokens[b - 1]!;
        const u = tokens[b]!;
        if (u.text === ';') break;
        if (u.line > lineOfEnd(p) && !KOTLIN_CONT_END.has(p.text) && !KOTLIN_CONT_START.has(u.text)) break;
        b = skip(tokens, match, b);
      }
    }
    clause.bodyLast = bodyEndBefore(tokens, b, clause);
    j = b;
  }
  // a C# switch expression, a PHP match and a Dart switch expression are always values
  return braced(tokens, 'arms', family, kw, subject, start, open, close, clauses, family === 'csharp' || family === 'php' || family === 'dart' || valueNeeded);
}

function lineOfEnd(t: Token): number {
  return t.line + countNewlines(t.text);
}

function countNewlines(s: string): number {
  let c = 0;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) === 10) c++;
  return c;
}

// ---------------------------------------------------------------------------------------------
// Python

function indentAt(text: string, offset: number): number {
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - ls;
}

function pythonMatch(text: string, tokens: Token[], match: Int32Array, i: number): SwitchStatement | null {
  const kw = tokens[i]!;
  // `match` is a soft keyword: it must start a line.
  const onlySpaceBefore = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', kw.start - 1) + 1, kw.start));
  if (!onlySpaceBefore) return null;
  // Header: tokens up to the `:` that ends the logical line.
  let j = i + 1;
  while (j < tokens.length && tokens[j]!.line === kw.line && tokens[j]!.text !== ':') j = skip(tokens, match, j);
  const colon = tokens[j];
  if (!colon || colon.text !== ':' || j === i + 1) return null;
  const first = tokens[j + 1];
  if (!first || first.text !== 'case' || first.line === colon.line) return null;
  const base = indentAt(text, kw.start);
  const caseIndent = indentAt(text, first.start);
  if (caseIndent <= base) return null;
  const subject = tokens.slice(i + 1, j);
  const clauses: Clause[] = [];
  let k = j + 1;
  let last = colon;
  while (k < tokens.length) {
    const t = tokens[k]!;
    const startsLine = t.line > lineOfEnd(tokens[k - 1]!);
    if (startsLine && indentAt(text, t.start) <= base) break;
    if (startsLine && t.text === 'case' && indentAt(text, t.start) === caseIndent) {
      let e = k + 1;
      const label: Token[] = [];
      let guard = false;
      while (e < tokens.length && tokens[e]!.text !== ':' && tokens[e]!.line === t.line) {
        if (tokens[e]!.text === 'if') guard = true;
        const nx = skip(tokens, match, e);
        if (!guard) for (let q = e; q < nx; q++) label.push(tokens[q]!);
        e = nx;
      }
      const literals = plainLiterals(label);
      const labelEnd = tokens[e];
      if (!labelEnd || labelEnd.text !== ':') break;
      const pattern = tokens.slice(k + 1, e);
      const isDefault = pattern.length === 1 && pattern[0]!.kind === 'ident';
      endLastBody(clauses, tokens, k);
      clauses.push({
        kind: isDefault ? 'default' : 'case', first: t, labelEnd, literals, bodyFirst: tokens[e + 1],
        ...(isDefault && pattern[0]!.text !== '_' ? { binding: pattern[0]!.text } : {}),
      });
      last = labelEnd;
      k = e + 1;
      continue;
    }
    k = skip(tokens, match, k);
    last = tokens[k - 1]!;
  }
  const lastClause = clauses[clauses.length - 1];
  if (lastClause?.bodyFirst && last.start >= lastClause.bodyFirst.start) lastClause.bodyLast = last;
  return {
    family: 'python',
    form: 'python',
    keyword: kw,
    subject,
    start: kw.start,
    end: last.end,
    open: null,
    close: null,
    lastBodyToken: last,
    clauses,
    valueNeeded: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Ruby

const RUBY_OPENERS = new Set(['case', 'def', 'class', 'module', 'begin', 'do', 'for']);
const RUBY_MAYBE_MODIFIER = new Set(['if', 'unless', 'while', 'until']);
const RUBY_STATEMENT_START = new Set(['=', '(', ',', '[', '||', '&&', 'return', 'then', 'do', ';', '{', 'when', 'else', 'and', 'or', 'not', '+=', '||=', '<<', '?', ':']);

/** Whether the token at k opens a block that `end` closes, closes one, or neither. */
function rubyRole(tokens: Token[], k: number, loopLine: { line: number }): 'open' | 'end' | null {
  const t = tokens[k]!;
  if (t.kind !== 'ident') return null;
  const p = tokens[k - 1];
  if (p && (p.text === '.' || p.text === '&.' || p.text === '::' || p.text === ':') && p.end === t.start) return null; // method, symbol
  const nx = tokens[k + 1];
  if (nx && nx.text === ':' && nx.start === t.end && tokens[k + 2]?.text !== ':') return null; // hash key
  if (t.text === 'end') return 'end';
  if (t.text === 'do' && t.line === loopLine.line) return null; // `while x do`: one block
  if (RUBY_OPENERS.has(t.text)) {
    if (t.text === 'for') loopLine.line = t.line;
    return 'open';
  }
  if (RUBY_MAYBE_MODIFIER.has(t.text)) {
    // `x = 1 if y` is a modifier; a block starts a statement.
    if (p && p.line === t.line && !RUBY_STATEMENT_START.has(p.text)) return null;
    if (t.text === 'while' || t.text === 'until') loopLine.line = t.line;
    return 'open';
  }
  return null;
}

/** For every Ruby block opener, the index of its `end` (-1 when unbalanced); one pass. */
function rubyEnds(tokens: Token[]): Int32Array {
  const ends = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  const loopLine = { line: -1 };
  for (let k = 0; k < tokens.length; k++) {
    const role = rubyRole(tokens, k, loopLine);
    if (role === 'open') stack.push(k);
    else if (role === 'end' && stack.length) ends[stack.pop()!] = k;
  }
  return ends;
}

function rubyCase(tokens: Token[], i: number, ends: Int32Array): SwitchStatement | null {
  const kw = tokens[i]!;
  const endIndex = ends[i]!;
  if (endIndex < 0) return null;
  // Subject: the rest of the line.
  let j = i + 1;
  while (j < endIndex && tokens[j]!.line === kw.line && tokens[j]!.text !== ';') j++;
  const subject = tokens.slice(i + 1, j);
  if (subject.length === 0) return null;
  const clauses: Clause[] = [];
  let rubyIn = false;
  for (let k = j; k < endIndex; k++) {
    const t = tokens[k]!;
    if (ends[k]! > k) {
      k = ends[k]!; // a nested block
      continue;
    }
    if (t.kind !== 'ident') continue;
    const p = tokens[k - 1]!;
    if (t.text === 'when' || t.text === 'in') {
      if (t.text === 'in' && p.line === t.line) continue; // `for x in`, not a clause
      rubyIn = t.text === 'in';
      let e = k + 1;
      const label: Token[] = [];
      while (e < endIndex) {
        const u = tokens[e]!;
        if (u.text === 'then' || u.text === ';') break;
        if (u.line > lineOfEnd(tokens[e - 1]!) && tokens[e - 1]!.text !== ',') break;
        if (u.kind === 'ident' && (u.text === 'if' || u.text === 'unless')) break;
        label.push(u);
        e++;
      }
      const literals = plainLiterals(label);
      const labelEnd = tokens[e - 1]!;
      endLastBody(clauses, tokens, k);
      const bodyFirst = tokens[e]?.text === 'then' ? tokens[e + 1] : tokens[e];
      clauses.push({ kind: 'case', first: t, labelEnd, literals, bodyFirst: e < endIndex ? bodyFirst : undefined });
      k = e - 1;
      continue;
    }
    if (t.text === 'else' && !(p.text === ':' && p.end === t.start)) {
      endLastBody(clauses, tokens, k);
      clauses.push({ kind: 'default', first: t, labelEnd: t, literals: [], bodyFirst: k + 1 < endIndex ? tokens[k + 1] : undefined });
    }
  }
  endLastBody(clauses, tokens, endIndex);
  const k = endIndex;
  const close = tokens[k];
  if (!close || close.text !== 'end') return null;
  return {
    family: 'ruby',
    form: 'ruby',
    keyword: kw,
    subject,
    start: kw.start,
    end: close.end,
    open: null,
    close,
    lastBodyToken: tokens[k - 1]!,
    clauses,
    valueNeeded: false,
    rubyIn,
  };
}
