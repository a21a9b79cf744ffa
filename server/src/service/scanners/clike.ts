import { SKIP_COMMENT, SKIP_NAME, SKIP_VALUE, type Literal } from './types';
import { PlainStrings } from './plainString';
import { COMMON_ESCAPES, ESCAPES, unescape, unescapeSingleQuoted, type EscapeRules } from '../../../../catalog/src/unescape';

/**
 * One lexer for the C-like languages (TS/JS, Java, C#, Go, Kotlin, Swift, Rust, PHP): a single
 * pass over char codes that records string literals and skips comments. The dialect switches on
 * what differs (quote forms, raw strings, templates, regex literals, char literals).
 */
export interface Dialect {
  /** How backslash escapes read (catalog/src/unescape.ts). */
  escapes: EscapeRules;
  hashComment?: boolean; // PHP `#` comments
  nestedComments?: boolean; // Rust, Swift, Kotlin nest `/* */`
  regex?: boolean; // JS regex literals
  template?: boolean; // JS backtick templates with `${}`
  goRaw?: boolean; // Go back-quoted raw strings
  kotlinBacktick?: boolean; // `name` identifiers
  multilineDouble?: boolean; // "…" may span lines (Rust, PHP)
  /** How a single quote is read. */
  single: 'string' | 'char' | 'rust' | 'php' | 'none';
  /** `"""` blocks: Java text blocks, Kotlin raw, Swift multi-line, C# raw. */
  triple?: 'java' | 'kotlin' | 'swift' | 'csharp';
  /** Interpolation inside "…". */
  interp?: 'kotlin' | 'swift' | 'php';
  csharp?: boolean; // @"…", $"…", $@"…", raw $"""…"""
  rustRaw?: boolean; // r"…", r#"…"#, b"…", br"…", c"…"
  swiftRaw?: boolean; // #"…"#
  phpHeredoc?: boolean;
  /** Dart: '…' and "…" alike, `'''`/`"""` blocks, `$name`/`${…}` holes, raw `r'…'`. */
  dart?: boolean;
}

const enum Esc { None, Backslash, DoubledQuote, SingleQuoted }
export const ESC_NONE: number = Esc.None;
export const ESC_BACKSLASH: number = Esc.Backslash;
export const ESC_SINGLE: number = Esc.SingleQuoted;
const enum Interp { None, Js, Kotlin, Swift, CSharp, Php }

interface StrKind {
  q: number; // quote char code
  n: number; // quotes that close it
  hashes: number; // `#`s after the closing quote (Rust raw, Swift extended)
  esc: Esc;
  multiline: boolean;
  interp: Interp;
  dollars: number; // C# raw interpolation: braces needed to open a hole
}

interface Frame { kind: StrKind; lit: CLikeLiteral; open: number; close: number; depth: number }

const JS_REGEX_KEYWORDS = ['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await'];
/** Keywords after which a `/` starts a regex, by length: compared in place (no substring per identifier). */
const KEYWORDS_BY_LENGTH: string[][] = [];
for (const k of JS_REGEX_KEYWORDS) (KEYWORDS_BY_LENGTH[k.length] ??= []).push(k);

function isRegexKeyword(text: string, at: number, len: number): boolean {
  const list = KEYWORDS_BY_LENGTH[len];
  if (!list) return false;
  for (const k of list) if (text.startsWith(k, at)) return true;
  return false;
}

/**
 * A literal whose value is read from the text on first use: most literals of a file are never
 * asked for it, and slicing them all was 40% of a scan (mostly the garbage collector's).
 */
export class CLikeLiteral implements Literal {
  end: number;
  cEnd: number;
  terminated = false;
  interpolated = false;
  esc: number = Esc.Backslash;
  private cached: string | undefined = undefined;

  constructor(
    /** The text the offsets point into (updated when a rescan shifts the literal). */
    public src: string,
    public start: number,
    public cStart: number,
    public brace: number,
    /** The language's escapes, for `Esc.Backslash` (the scanners pass theirs, read once per scan). */
    public rules: EscapeRules = COMMON_ESCAPES,
  ) {
    this.end = cStart;
    this.cEnd = cStart;
  }

  get value(): string {
    if (this.cached !== undefined) return this.cached;
    const raw = this.src.slice(this.cStart, this.cEnd);
    return (this.cached = this.interpolated || this.esc === Esc.None ? raw
      : this.esc === Esc.Backslash ? unescape(raw, this.rules)
      : this.esc === Esc.DoubledQuote ? raw.split('""').join('"')
      : unescapeSingleQuoted(raw));
  }

  set value(v: string) {
    this.cached = v;
  }
}

/** Name characters of the C-like languages (`$` included; anything past ASCII counts). */
export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}
export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/**
 * A point where the lexer is in plain code (no string, comment or template hole open): scanning can
 * restart there after an edit, and stop where its state meets an old checkpoint again.
 */
export interface Checkpoint {
  pos: number;
  braces: number[];
  regexOk: boolean;
}

/** Resume and stop controls for incremental scanning. */
export interface ScanControl {
  from?: Checkpoint;
  /** Filled with checkpoints about every CHECKPOINT_EVERY characters. */
  checkpoints?: Checkpoint[];
  /** Called at each stop character in plain code; returning true ends the scan there (before `pos`). */
  stop?: (pos: number, braces: readonly number[], regexOk: () => boolean) => boolean;
  /** Set when `stop` ended the scan. */
  stoppedAt?: number;
  /** Filled with what is not code and not a literal (see `Skips`); off on the keystroke path. */
  skips?: number[];
}

export const CHECKPOINT_EVERY = 2048;

export function scanCLike(text: string, d: Dialect, base = 0, end = text.length, control?: ScanControl): Literal[] {
  const lits: Literal[] = [];
  const frames: Frame[] = [];
  // open code braces, so each literal knows its block (the context finder reads switch subjects there)
  const braces: number[] = control?.from ? control.from.braces.slice() : [];
  const checkpoints = control?.checkpoints;
  const skips = control?.skips;
  const rules = d.escapes;
  let nextCheckpoint = (control?.from ? control.from.pos : base) + CHECKPOINT_EVERY;

  // Helpers return the next index instead of assigning a shared one: the main loop's index stays a
  // plain local, which matters at tens of millions of characters per second.
  function open(kind: StrKind, start: number, cStart: number): number {
    const lit = new CLikeLiteral(text, start, cStart, braces.length ? braces[braces.length - 1] : -1, rules);
    lits.push(lit);
    return readString(kind, lit, cStart);
  }

  function finish(kind: StrKind, lit: CLikeLiteral, cEnd: number, litEnd: number, terminated: boolean): number {
    // a `/` right after a string divides, even after one cut short by a newline
    skipEnd = litEnd;
    skipState = false;
    lit.cEnd = cEnd;
    lit.end = litEnd;
    lit.terminated = terminated;
    lit.esc = kind.esc;
    return litEnd;
  }

  const plain = new PlainStrings(text, end);

  /** Reads string content from `j`; returns where the main loop resumes. */
  function readString(k: StrKind, lit: CLikeLiteral, j: number): number {
    if (k.n === 1 && k.hashes === 0 && k.interp === Interp.None && !k.multiline && k.esc === Esc.Backslash) {
      const close = plain.endOf(j, k.q === 34 ? '"' : k.q === 39 ? "'" : '`');
      if (close >= 0) return finish(k, lit, close, close + 1, true);
    }
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c === k.q) {
        if (k.esc === Esc.DoubledQuote && k.n === 1 && text.charCodeAt(j + 1) === k.q) {
          j += 2;
          continue;
        }
        let run = 1;
        if (k.n > 1) while (j + run < end && text.charCodeAt(j + run) === k.q) run++;
        if (run >= k.n) {
          let h = 0;
          const after = j + run;
          while (h < k.hashes && text.charCodeAt(after + h) === 35) h++;
          if (h === k.hashes) {
            // extra quotes before the closing ones belong to the content
            return finish(k, lit, j + run - k.n, after + h, true);
          }
        }
        j += run;
        continue;
      }
      if (c === 92 /* \ */) {
        if (k.interp === Interp.Swift) {
          let h = 0;
          while (h < k.hashes && text.charCodeAt(j + 1 + h) === 35) h++;
          if (h === k.hashes) {
            if (text.charCodeAt(j + 1 + h) === 40 /* ( */) return hole(k, lit, j + 2 + h, 40, 41);
            if (k.esc === Esc.Backslash || k.hashes > 0) {
              j += 2 + h;
              continue;
            }
          }
        } else if (k.esc === Esc.Backslash || k.esc === Esc.SingleQuoted) {
          j += 2;
          continue;
        }
      }
      if (c === 10 && !k.multiline) return finish(k, lit, j, j, false);
      if (k.interp !== Interp.None) {
        const next = text.charCodeAt(j + 1);
        switch (k.interp) {
          case Interp.Js:
            if (c === 36 && next === 123) return hole(k, lit, j + 2, 123, 125);
            break;
          case Interp.Kotlin:
            if (c === 36) {
              if (next === 123) return hole(k, lit, j + 2, 123, 125);
              if (isIdentStart(next) && next !== 36) lit.interpolated = true;
            }
            break;
          case Interp.Php:
            if (c === 123 && next === 36) return hole(k, lit, j + 1, 123, 125);
            if (c === 36 && isIdentStart(next) && next !== 36) lit.interpolated = true;
            break;
          case Interp.CSharp:
            if (c === 123) {
              let run = 1;
              while (text.charCodeAt(j + run) === 123) run++;
              if (k.n === 1) {
                if (run >= 2) { j += 2; continue; } // {{ is a brace
                return hole(k, lit, j + 1, 123, 125);
              }
              if (run >= k.dollars) return hole(k, lit, j + run, 123, 125);
              j += run;
              continue;
            }
            break;
          default:
            break;
        }
      }
      j++;
    }
    return finish(k, lit, end, end, false);
  }

  function hole(k: StrKind, lit: CLikeLiteral, resume: number, openCh: number, closeCh: number): number {
    lit.interpolated = true;
    frames.push({ kind: k, lit, open: openCh, close: closeCh, depth: 0 });
    return resume;
  }

  function skipBlockComment(i: number): number {
    let depth = 1;
    let j = i + 2;
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c === 42 && text.charCodeAt(j + 1) === 47) {
        j += 2;
        if (--depth === 0 || !d.nestedComments) break;
        continue;
      }
      if (d.nestedComments && c === 47 && text.charCodeAt(j + 1) === 42) {
        depth++;
        j += 2;
        continue;
      }
      j++;
    }
    return Math.min(j, end);
  }

  function skipLine(i: number): number {
    const nl = text.indexOf('\n', i);
    return nl < 0 || nl > end ? end : nl;
  }

  function readRegex(i: number): number {
    let j = i + 1;
    let inClass = false;
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c === 10) break;
      if (c === 92) { j += 2; continue; }
      if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) { j++; break; }
      j++;
    }
    while (j < end && isIdentPart(text.charCodeAt(j))) j++;
    return j;
  }

  /** `'x'`, `'\n'`, `'\u{1F600}'`: the index after a char literal at `i`, or -1. */
  function skipCharLiteral(i: number): number {
    let j = i + 1;
    const c = text.charCodeAt(j);
    if (c === 10 || j >= end) return -1;
    if (c === 92) {
      j += 2;
      const limit = Math.min(end, i + 14);
      while (j < limit && text.charCodeAt(j) !== 39 && text.charCodeAt(j) !== 10) j++;
      if (text.charCodeAt(j) !== 39) return -1;
      return j + 1;
    }
    j += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    if (text.charCodeAt(j) !== 39) return -1;
    return j + 1;
  }

  const dq = (esc: Esc, interp: Interp, multiline: boolean, n = 1, hashes = 0, dollars = 0): StrKind =>
    ({ q: 34, n, hashes, esc, multiline, interp, dollars });

  const plainDouble = dq(
    Esc.Backslash,
    d.interp === 'kotlin' ? Interp.Kotlin : d.interp === 'swift' ? Interp.Swift : d.interp === 'php' ? Interp.Php : Interp.None,
    !!d.multilineDouble,
  );
  const tripleKind: StrKind | undefined =
    d.triple === 'java' ? dq(Esc.Backslash, Interp.None, true, 3)
    : d.triple === 'kotlin' ? dq(Esc.None, Interp.Kotlin, true, 3)
    : d.triple === 'swift' ? dq(Esc.Backslash, Interp.Swift, true, 3)
    : undefined;
  const singleKind: StrKind = { q: 39, n: 1, hashes: 0, esc: d.single === 'php' ? Esc.SingleQuoted : Esc.Backslash, multiline: d.single === 'php', interp: Interp.None, dollars: 0 };
  const templateKind: StrKind = { q: 96, n: 1, hashes: 0, esc: Esc.Backslash, multiline: true, interp: Interp.Js, dollars: 0 };
  const goRawKind: StrKind = { q: 96, n: 1, hashes: 0, esc: Esc.None, multiline: true, interp: Interp.None, dollars: 0 };

  /** `"` at `q`: a plain string or, where the language has them, a `"""` block. */
  function openDouble(start: number, q: number): number {
    if (d.triple) {
      let run = 1;
      while (text.charCodeAt(q + run) === 34) run++;
      if (run >= 3) {
        if (d.triple === 'csharp') return open(dq(Esc.None, Interp.None, true, run), start, q + run);
        if (tripleKind) return open(tripleKind, start, q + 3);
      }
    }
    return open(plainDouble, start, q + 1);
  }

  // Dart: per quote, plain/raw and one-line/block kinds, made once
  const dartKind = (q: number, raw: boolean, triple: boolean): StrKind =>
    ({ q, n: triple ? 3 : 1, hashes: 0, esc: raw ? Esc.None : Esc.Backslash, multiline: triple, interp: raw ? Interp.None : Interp.Kotlin, dollars: 0 });
  const dartKinds = d.dart ? [34, 39].flatMap((q) => [dartKind(q, false, false), dartKind(q, false, true), dartKind(q, true, false), dartKind(q, true, true)]) : [];

  /** A Dart string at quote `q`: an `r` right before it (not ending a name) makes it raw. */
  function openDart(q: number, quote: number): number {
    const raw = q - 1 >= base && text.charCodeAt(q - 1) === 114 && !(q - 2 >= base && isIdentPart(text.charCodeAt(q - 2)));
    const triple = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote;
    return open(dartKinds[(quote === 39 ? 4 : 0) + (raw ? 2 : 0) + (triple ? 1 : 0)], raw ? q - 1 : q, q + (triple ? 3 : 1));
  }

  const stops = stopTable(d);
  const skipRe = stopRegex(d);
  // Whether a `/` may start a regex is read backwards from the `/` (the last token before it), so
  // the loop below need not track every token. Comments and regexes are remembered as the one
  // stretch (`skipEnd`) whose state a backward read cannot see: what held before a comment, false
  // after a regex. A checkpoint is such a stretch too: its saved state stands for what precedes it.
  let skipEnd = control?.from ? control.from.pos : base;
  let skipState = control?.from ? control.from.regexOk : true;
  const regexOkAt = (at: number): boolean => (d.regex ? regexAllowed(text, at, base, skipEnd, skipState) : false);

  let i = control?.from ? control.from.pos : base;
  while (i < end) {
    let c = text.charCodeAt(i);
    // identifiers, numbers, spaces and operators never open or close anything: jump to the next stop
    if (c > 127 || stops[c] === 0) {
      skipRe.lastIndex = i + 1;
      if (!skipRe.test(text)) break;
      i = skipRe.lastIndex - 1;
      if (i >= end) break;
      c = text.charCodeAt(i);
    }
    // a checkpoint must not fall inside a literal: Rust's `r#"` starts before its quote
    if (control && frames.length === 0 && !(c === 34 && d.rustRaw) && !(d.dart && (c === 34 || c === 39))) {
      if (control.stop && control.stop(i, braces, () => regexOkAt(i))) {
        control.stoppedAt = i;
        return lits;
      }
      if (checkpoints && i >= nextCheckpoint) {
        checkpoints.push({ pos: i, braces: braces.slice(), regexOk: regexOkAt(i) });
        nextCheckpoint = i + CHECKPOINT_EVERY;
      }
    }

    if (frames.length > 0) {
      const f = frames[frames.length - 1];
      if (c === f.close) {
        if (f.depth === 0) {
          frames.pop();
          i = readString(f.kind, f.lit, i + 1);
          continue;
        }
        f.depth--;
      } else if (c === f.open) f.depth++;
    }
    // braces are half the stops of a brace language: settle them before the other cases
    if (c === 123) { braces.push(i); i++; continue; }
    if (c === 125) { braces.pop(); i++; continue; }

    if (c === 47 /* / */) {
      const n1 = text.charCodeAt(i + 1);
      if (n1 === 47 || n1 === 42) {
        if (d.regex) skipState = regexOkAt(i);
        const from = i;
        i = n1 === 47 ? skipLine(i) : skipBlockComment(i);
        if (skips) skips.push(from, i, SKIP_COMMENT);
        skipEnd = i;
        continue;
      }
      if (d.regex && text.charCodeAt(i - 1) !== 60 /* </tag> */ && regexOkAt(i)) {
        const from = i;
        i = readRegex(i);
        if (skips) skips.push(from, i, SKIP_VALUE);
        skipEnd = i;
        skipState = false;
        continue;
      }
      i++;
      continue;
    }
    if (d.dart && (c === 34 || c === 39)) {
      i = openDart(i, c);
      continue;
    }
    if (c === 34 /* " */) {
      if (d.rustRaw) {
        const r = rustPrefixed(i);
        if (r >= 0) { i = r; continue; }
      }
      i = openDouble(i, i);
      continue;
    }
    if (c === 39 /* ' */) {
      if (d.single === 'string' || d.single === 'php') { i = open(singleKind, i, i + 1); continue; }
      if (d.single === 'char' || d.single === 'rust') {
        const after = skipCharLiteral(i);
        if (skips && after >= 0) skips.push(i, after, SKIP_VALUE);
        i = after < 0 ? i + 1 : after; // Rust lifetime or label: the name is read next as an identifier
        continue;
      }
      i++;
      continue;
    }
    if (c === 96 /* ` */) {
      if (d.template) { i = open(templateKind, i, i + 1); continue; }
      if (d.goRaw) { i = open(goRawKind, i, i + 1); continue; }
      if (d.kotlinBacktick) {
        const nl = text.indexOf('`', i + 1);
        const eol = text.indexOf('\n', i + 1);
        if (skips && nl > 0 && (eol < 0 || nl < eol)) skips.push(i, nl + 1, SKIP_NAME);
        i = nl > 0 && (eol < 0 || nl < eol) ? nl + 1 : i + 1;
        continue;
      }
      i++;
      continue;
    }
    if (c === 35 /* # */) {
      if (d.hashComment && text.charCodeAt(i + 1) !== 91 /* PHP 8 attribute #[ */) {
        const from = i;
        i = skipLine(i);
        if (skips) skips.push(from, i, SKIP_COMMENT);
        continue;
      }
      if (d.swiftRaw) {
        let h = 0;
        while (text.charCodeAt(i + h) === 35) h++;
        if (text.charCodeAt(i + h) === 34) {
          let run = 1;
          while (text.charCodeAt(i + h + run) === 34) run++;
          const n = run >= 3 ? 3 : 1;
          i = open(dq(Esc.None, Interp.Swift, n === 3, n, h), i, i + h + n);
          continue;
        }
      }
      i++;
      continue;
    }
    if (d.csharp && (c === 64 /* @ */ || c === 36 /* $ */)) {
      // `$` inside a name or number (`a$b`, `1.$`) belongs to it
      if (c === 36 && i > base && (isIdentPart(text.charCodeAt(i - 1)) || (text.charCodeAt(i - 1) === 46 && lastWord(text, base, i - 1) === Word.Number))) { i++; continue; }
      let j = i;
      let dollars = 0;
      let verbatim = false;
      while (text.charCodeAt(j) === 36) { dollars++; j++; }
      if (text.charCodeAt(j) === 64) { verbatim = true; j++; }
      while (text.charCodeAt(j) === 36) { dollars++; j++; }
      if (text.charCodeAt(j) === 34 && (dollars > 0 || verbatim)) {
        let run = 1;
        while (text.charCodeAt(j + run) === 34) run++;
        if (run >= 3 && !verbatim) i = open(dq(Esc.None, dollars ? Interp.CSharp : Interp.None, true, run, 0, Math.max(1, dollars)), i, j + run);
        else i = open(dq(verbatim ? Esc.DoubledQuote : Esc.Backslash, dollars ? Interp.CSharp : Interp.None, verbatim), i, j + 1);
        continue;
      }
      // a name after `@` (`@class`) or `$`s: skip the name, so a `$` in it is not read again
      j = Math.max(j, i + 1);
      while (j < end && isIdentPart(text.charCodeAt(j))) j++;
      i = j;
      continue;
    }
    if (d.phpHeredoc && c === 60 && text.startsWith('<<<', i)) {
      const m = /^<<<[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1\r?\n/.exec(text.slice(i, i + 80));
      if (m) {
        const bodyStart = i + m[0].length;
        const closer = new RegExp(`^[ \\t]*${m[2]}\\b`, 'm');
        const rest = text.slice(bodyStart, end);
        const cm = closer.exec(rest);
        const cEnd = cm ? Math.max(bodyStart, bodyStart + cm.index - 1) : end;
        const litEnd = cm ? bodyStart + cm.index + cm[0].length : end;
        const raw = text.slice(bodyStart, cEnd);
        lits.push({ start: i, end: litEnd, cStart: bodyStart, cEnd, value: raw, terminated: !!cm, interpolated: m[1] !== "'" && raw.includes('$'), brace: braces.length ? braces[braces.length - 1] : -1 });
        i = litEnd;
        continue;
      }
      i += 3;
      continue;
    }
    i++;
  }
  return lits;

  /**
   * Rust `b"…"`, `c"…"`, `r"…"`, `r#"…"#`, `br"…"`, `cr"…"`: the prefix is read back from the quote
   * at `q`. Returns where scanning resumes, or -1 for a plain string.
   */
  function rustPrefixed(q: number): number {
    let h = 0;
    while (q - h - 1 >= base && text.charCodeAt(q - h - 1) === 35) h++;
    const wordEnd = q - h;
    let s = wordEnd;
    while (s > base && s > wordEnd - 3 && isIdentPart(text.charCodeAt(s - 1))) s--;
    if (s === wordEnd || (s > base && isIdentPart(text.charCodeAt(s - 1)))) return -1;
    if (s > base && text.charCodeAt(s - 1) === 46 && lastWord(text, base, wordEnd - 1) === Word.Number) return -1; // `1.r"`: the r is the number's
    const word = text.slice(s, wordEnd);
    if (h === 0 && (word === 'b' || word === 'c')) return open(dq(Esc.Backslash, Interp.None, true), s, q + 1);
    if (word === 'r' || word === 'br' || word === 'cr') return open(dq(Esc.None, Interp.None, true, 1, h), s, q + 1);
    return -1;
  }
}

const enum Word { Dot, Name, Keyword, Number }

/**
 * The last token of the run of names, numbers and dots that ends at `p`, read forwards from the
 * run's start as the lexer reads it (`1.5e3` and `0x1F.` are numbers, `x.in` ends in a keyword).
 */
function lastWord(text: string, min: number, p: number): Word {
  let r = p;
  while (r > min && (isIdentPart(text.charCodeAt(r - 1)) || text.charCodeAt(r - 1) === 46)) r--;
  let kind = Word.Dot;
  for (let j = r; j <= p;) {
    const x = text.charCodeAt(j);
    if (x === 46) { kind = Word.Dot; j++; continue; }
    let k = j + 1;
    if (x >= 48 && x <= 57) {
      while (k <= p && (isIdentPart(text.charCodeAt(k)) || (text.charCodeAt(k) === 46 && text.charCodeAt(k + 1) !== 46))) k++;
      kind = Word.Number;
    } else {
      while (k <= p && isIdentPart(text.charCodeAt(k))) k++;
      kind = isRegexKeyword(text, j, k - j) ? Word.Keyword : Word.Name;
    }
    j = k;
  }
  return kind;
}

const STOP_REGEXES = new WeakMap<Dialect, RegExp>();
function stopRegex(d: Dialect): RegExp {
  let r = STOP_REGEXES.get(d);
  if (r) return r;
  const t = stopTable(d);
  let cls = '';
  for (let c = 0; c < 128; c++) if (t[c]) cls += `\\x${c.toString(16).padStart(2, '0')}`;
  r = new RegExp(`[${cls}]`, 'g');
  STOP_REGEXES.set(d, r);
  return r;
}

/** Characters the main loop stops at, per dialect (ASCII; everything else is skipped). */
const STOP_TABLES = new WeakMap<Dialect, Uint8Array>();
function stopTable(d: Dialect): Uint8Array {
  let t = STOP_TABLES.get(d);
  if (t) return t;
  t = new Uint8Array(128);
  const on = (chars: string) => { for (const ch of chars) t![ch.charCodeAt(0)] = 1; };
  on('"\'/{}');
  if (d.template || d.goRaw || d.kotlinBacktick) on('`');
  if (d.hashComment || d.swiftRaw) on('#');
  if (d.csharp) on('@$');
  if (d.phpHeredoc) on('<');
  if (d.interp === 'swift') on('()'); // `\(…)` holes close at `)`
  STOP_TABLES.set(d, t);
  return t;
}

/**
 * May a `/` at `at` start a JS regex? Reads the last token before it: after a name it may only
 * when the name is a keyword like `return`; after a number, `)`, `]` or a string's closing quote
 * it divides; after other punctuation it starts a regex. Before `skipEnd` (a comment, a regex or
 * the scan's starting checkpoint) `skipState` holds.
 */
function regexAllowed(text: string, at: number, base: number, skipEnd: number, skipState: boolean): boolean {
  let p = at - 1;
  while (p >= base) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 9 || c === 10 || c === 13) p--;
    else break;
  }
  if (p < skipEnd) return skipState;
  if (p < base) return true;
  const c = text.charCodeAt(p);
  if (isIdentPart(c) || c === 46) {
    const kind = lastWord(text, Math.max(base, skipEnd), p);
    return kind === Word.Keyword || kind === Word.Dot;
  }
  return !(c === 41 || c === 93 || c === 34 || c === 39 || c === 96);
}

/** Every dialect has every field, so property reads in the hot loop see one object shape. */
function dialect(d: Partial<Dialect> & Pick<Dialect, 'single' | 'escapes'>): Dialect {
  return {
    hashComment: false, nestedComments: false, regex: false, template: false, goRaw: false, kotlinBacktick: false,
    multilineDouble: false, triple: undefined, interp: undefined, csharp: false, rustRaw: false, swiftRaw: false, phpHeredoc: false, dart: false,
    ...d,
  };
}

export const DIALECTS = {
  js: dialect({ escapes: ESCAPES.js, single: 'string', regex: true, template: true }),
  java: dialect({ escapes: ESCAPES.java, single: 'char', triple: 'java' }),
  csharp: dialect({ escapes: ESCAPES.csharp, single: 'char', triple: 'csharp', csharp: true }),
  go: dialect({ escapes: ESCAPES.go, single: 'char', goRaw: true }),
  kotlin: dialect({ escapes: ESCAPES.kotlin, single: 'char', triple: 'kotlin', interp: 'kotlin', nestedComments: true, kotlinBacktick: true }),
  swift: dialect({ escapes: ESCAPES.swift, single: 'none', triple: 'swift', interp: 'swift', nestedComments: true, swiftRaw: true }),
  rust: dialect({ escapes: ESCAPES.rust, single: 'rust', rustRaw: true, nestedComments: true, multilineDouble: true }),
  php: dialect({ escapes: ESCAPES.php, single: 'php', hashComment: true, interp: 'php', multilineDouble: true, phpHeredoc: true }),
  dart: dialect({ escapes: ESCAPES.dart, single: 'string', nestedComments: true, dart: true }),
};
