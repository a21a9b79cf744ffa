// The character-by-character C-like lexer the server used before its jump-to-next-stop rewrite
// (server/src/service/scanners/clike.ts). Kept only as the reference a differential test compares
// the fast lexer against: slower, but every character goes through one obvious state machine.
import type { Literal } from '../../server/src/service/scanners/types';
import { COMMON_ESCAPES, unescape, unescapeSingleQuoted, type EscapeRules } from '../../catalog/src/unescape';

/**
 * One lexer for the C-like languages (TS/JS, Java, C#, Go, Kotlin, Swift, Rust, PHP): a single
 * pass over char codes that records string literals and skips comments. The dialect switches on
 * what differs (quote forms, raw strings, templates, regex literals, char literals).
 */
export interface Dialect {
  escapes?: EscapeRules;
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
  rules: EscapeRules = COMMON_ESCAPES;
  private cached: string | undefined = undefined;

  constructor(
    /** The text the offsets point into (updated when a rescan shifts the literal). */
    public src: string,
    public start: number,
    public cStart: number,
    public brace: number,
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

/** ASCII classes: 1 identifier start, 2 digit, 3 whitespace, 0 anything else. */
const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  CHAR_CLASS[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 ? 1
    : c >= 48 && c <= 57 ? 2
    : c === 32 || c === 9 || c === 10 || c === 13 ? 3 : 0;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}
function isIdentPart(c: number): boolean {
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
  /** Called at each newline in plain code; returning true ends the scan there (before `pos`). */
  stop?: (pos: number, braces: readonly number[], regexOk: boolean) => boolean;
  /** Set when `stop` ended the scan. */
  stoppedAt?: number;
}

export const CHECKPOINT_EVERY = 2048;

export function scanCLike(text: string, d: Dialect, base = 0, end = text.length, control?: ScanControl): Literal[] {
  const lits: Literal[] = [];
  const frames: Frame[] = [];
  // open code braces, so each literal knows its block (the context finder reads switch subjects there)
  const braces: number[] = control?.from ? control.from.braces.slice() : [];
  const checkpoints = control?.checkpoints;
  let nextCheckpoint = (control?.from ? control.from.pos : base) + CHECKPOINT_EVERY;

  // Helpers return the next index instead of assigning a shared one: the main loop's index stays a
  // plain local, which matters at tens of millions of characters per second.
  function open(kind: StrKind, start: number, cStart: number): number {
    const lit = new CLikeLiteral(text, start, cStart, braces.length ? braces[braces.length - 1] : -1);
    lits.push(lit);
    return readString(kind, lit, cStart);
  }

  function finish(kind: StrKind, lit: CLikeLiteral, cEnd: number, litEnd: number, terminated: boolean): number {
    lit.cEnd = cEnd;
    lit.end = litEnd;
    lit.terminated = terminated;
    lit.esc = kind.esc;
    lit.rules = d.escapes ?? COMMON_ESCAPES;
    return litEnd;
  }

  /** Reads string content from `j`; returns where the main loop resumes. */
  function readString(k: StrKind, lit: CLikeLiteral, j: number): number {
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

  /** Dart: a string whose opening quote is at `q`, begun at `start` (an `r` prefix makes it raw). */
  function openDart(start: number, q: number): number {
    const quote = text.charCodeAt(q);
    const raw = start < q;
    const n = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote ? 3 : 1;
    return open({ q: quote, n, hashes: 0, esc: raw ? Esc.None : Esc.Backslash, multiline: n === 3, interp: raw ? Interp.None : Interp.Kotlin, dollars: 0 }, start, q + n);
  }

  let i = control?.from ? control.from.pos : base;
  let regexOk = control?.from ? control.from.regexOk : true;

  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 10 && control && frames.length === 0) {
      if (control.stop && control.stop(i + 1, braces, regexOk)) {
        control.stoppedAt = i + 1;
        return lits;
      }
      if (checkpoints && i >= nextCheckpoint) {
        checkpoints.push({ pos: i + 1, braces: braces.slice(), regexOk });
        nextCheckpoint = i + CHECKPOINT_EVERY;
      }
    }
    const cls = c < 128 ? CHAR_CLASS[c] : 1;
    if (cls === 3) { i++; continue; }
    // identifiers and numbers first: most of a file, and they never open or close anything
    if (cls === 1 && (c !== 36 || !d.csharp)) { // C# `$"` starts a string, handled below
      let j = i + 1;
      while (j < end) {
        const x = text.charCodeAt(j);
        if (x < 128 && CHAR_CLASS[x] !== 1 && CHAR_CLASS[x] !== 2) break;
        j++;
      }
      if (d.dart && j - i === 1 && text.charCodeAt(i) === 114 && (text.charCodeAt(j) === 34 || text.charCodeAt(j) === 39)) {
        i = openDart(i, j);
        regexOk = false;
        continue;
      }
      if (d.rustRaw && j - i <= 2) {
        const word = text.slice(i, j);
        const q = text.charCodeAt(j);
        if ((word === 'b' || word === 'c') && q === 34) { i = open(dq(Esc.Backslash, Interp.None, true), i, j + 1); regexOk = false; continue; }
        if (word === 'b' && q === 39) { const after = skipCharLiteral(j); i = after < 0 ? j + 1 : after; continue; }
        if (word === 'r' || word === 'br' || word === 'cr') {
          let h = 0;
          while (text.charCodeAt(j + h) === 35) h++;
          if (text.charCodeAt(j + h) === 34) { i = open(dq(Esc.None, Interp.None, true, 1, h), i, j + h + 1); regexOk = false; continue; }
          if (h === 1 && isIdentStart(text.charCodeAt(j + 1))) { // raw identifier r#match
            j += 2;
            while (j < end && isIdentPart(text.charCodeAt(j))) j++;
          }
        }
      }
      regexOk = d.regex ? isRegexKeyword(text, i, j - i) : false;
      i = j;
      continue;
    }
    if (cls === 2) {
      let j = i + 1;
      while (j < end) {
        const x = text.charCodeAt(j);
        if (isIdentPart(x) || (x === 46 && text.charCodeAt(j + 1) !== 46)) j++;
        else break;
      }
      i = j;
      regexOk = false;
      continue;
    }

    if (frames.length > 0) {
      const f = frames[frames.length - 1];
      if (c === f.close) {
        if (f.depth === 0) {
          frames.pop();
          const depth = frames.length;
          i = readString(f.kind, f.lit, i + 1);
          regexOk = frames.length > depth; // a new hole opened: code follows
          continue;
        }
        f.depth--;
      } else if (c === f.open) f.depth++;
    }

    if (c === 47 /* / */) {
      const n1 = text.charCodeAt(i + 1);
      if (n1 === 47) { i = skipLine(i); continue; }
      if (n1 === 42) { i = skipBlockComment(i); continue; }
      if (d.regex && regexOk && text.charCodeAt(i - 1) !== 60 /* </tag> */) { i = readRegex(i); regexOk = false; continue; }
      i++;
      regexOk = true;
      continue;
    }
    if (d.dart && (c === 34 || c === 39)) { i = openDart(i, i); regexOk = false; continue; }
    if (c === 34 /* " */) { const n = frames.length; i = openDouble(i, i); regexOk = frames.length > n; continue; }
    if (c === 39 /* ' */) {
      regexOk = false;
      if (d.single === 'string' || d.single === 'php') { const n = frames.length; i = open(singleKind, i, i + 1); regexOk = frames.length > n; continue; }
      if (d.single === 'char' || d.single === 'rust') {
        const after = skipCharLiteral(i);
        i = after < 0 ? i + 1 : after; // Rust lifetime or label: the name is read next as an identifier
        continue;
      }
      i++;
      continue;
    }
    if (c === 96 /* ` */) {
      regexOk = false;
      if (d.template) { const n = frames.length; i = open(templateKind, i, i + 1); regexOk = frames.length > n; continue; }
      if (d.goRaw) { i = open(goRawKind, i, i + 1); continue; }
      if (d.kotlinBacktick) {
        const nl = text.indexOf('`', i + 1);
        const eol = text.indexOf('\n', i + 1);
        i = nl > 0 && (eol < 0 || nl < eol) ? nl + 1 : i + 1;
        continue;
      }
      i++;
      continue;
    }
    if (c === 35 /* # */) {
      if (d.hashComment && text.charCodeAt(i + 1) !== 91 /* PHP 8 attribute #[ */) { i = skipLine(i); continue; }
      if (d.swiftRaw) {
        let h = 0;
        while (text.charCodeAt(i + h) === 35) h++;
        if (text.charCodeAt(i + h) === 34) {
          let run = 1;
          while (text.charCodeAt(i + h + run) === 34) run++;
          const n = run >= 3 ? 3 : 1;
          const fl = frames.length;
          i = open(dq(Esc.None, Interp.Swift, n === 3, n, h), i, i + h + n);
          regexOk = frames.length > fl;
          continue;
        }
      }
      i++;
      regexOk = true;
      continue;
    }
    if (d.csharp && (c === 64 /* @ */ || c === 36 /* $ */)) {
      let j = i;
      let dollars = 0;
      let verbatim = false;
      while (text.charCodeAt(j) === 36) { dollars++; j++; }
      if (text.charCodeAt(j) === 64) { verbatim = true; j++; }
      while (text.charCodeAt(j) === 36) { dollars++; j++; }
      if (text.charCodeAt(j) === 34 && (dollars > 0 || verbatim)) {
        let run = 1;
        while (text.charCodeAt(j + run) === 34) run++;
        const fl = frames.length;
        if (run >= 3 && !verbatim) i = open(dq(Esc.None, dollars ? Interp.CSharp : Interp.None, true, run, 0, Math.max(1, dollars)), i, j + run);
        else i = open(dq(verbatim ? Esc.DoubledQuote : Esc.Backslash, dollars ? Interp.CSharp : Interp.None, verbatim), i, j + 1);
        regexOk = frames.length > fl;
        continue;
      }
      i = Math.max(j, i + 1);
      continue;
    }
    if (d.phpHeredoc && c === 60 && text.startsWith('<<<', i)) {
      const m = /^<<<[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1\r?\n/.exec(text.slice(i, i + 80));
      if (m) {
        const bodyStart = i + m[0].length;
        const closer = new RegExp(`^[ \\t]*${m[2]}\\b`, 'm');
        closer.lastIndex = 0;
        const rest = text.slice(bodyStart, end);
        const cm = closer.exec(rest);
        const cEnd = cm ? Math.max(bodyStart, bodyStart + cm.index - 1) : end;
        const litEnd = cm ? bodyStart + cm.index + cm[0].length : end;
        const raw = text.slice(bodyStart, cEnd);
        lits.push({ start: i, end: litEnd, cStart: bodyStart, cEnd, value: raw, terminated: !!cm, interpolated: m[1] !== "'" && raw.includes('$'), brace: braces.length ? braces[braces.length - 1] : -1 });
        i = litEnd;
        regexOk = false;
        continue;
      }
      i += 3;
      continue;
    }
    if (c === 123) braces.push(i);
    else if (c === 125) braces.pop();
    // after `)` or `]` a slash divides; after `}` (a block end, usually) a regex may start
    regexOk = !(c === 41 || c === 93);
    i++;
  }
  return lits;
}

/** Every dialect has every field, so property reads in the hot loop see one object shape. */
function dialect(d: Partial<Dialect> & Pick<Dialect, 'single'>): Dialect {
  return {
    hashComment: false, nestedComments: false, regex: false, template: false, goRaw: false, kotlinBacktick: false,
    multilineDouble: false, triple: undefined, interp: undefined, csharp: false, rustRaw: false, swiftRaw: false, phpHeredoc: false, dart: false,
    ...d,
  };
}

export const DIALECTS = {
  js: dialect({ single: 'string', regex: true, template: true }),
  java: dialect({ single: 'char', triple: 'java' }),
  csharp: dialect({ single: 'char', triple: 'csharp', csharp: true }),
  go: dialect({ single: 'char', goRaw: true }),
  kotlin: dialect({ single: 'char', triple: 'kotlin', interp: 'kotlin', nestedComments: true, kotlinBacktick: true }),
  swift: dialect({ single: 'none', triple: 'swift', interp: 'swift', nestedComments: true, swiftRaw: true }),
  rust: dialect({ single: 'rust', rustRaw: true, nestedComments: true, multilineDouble: true }),
  php: dialect({ single: 'php', hashComment: true, interp: 'php', multilineDouble: true, phpHeredoc: true }),
  dart: dialect({ single: 'string', nestedComments: true, dart: true }),
};
