import { SKIP_COMMENT, type Literal } from './types';
import { ESCAPES } from '../../../../catalog/src/unescape';
import { CLikeLiteral, ESC_BACKSLASH, ESC_NONE } from './clike';
import { inStartOrder } from './order';
import { PlainStrings } from './plainString';

const MAX_DEPTH = 64;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/** String prefixes Python accepts (any case): r, u, b, f, t and the two-letter mixes. */
function prefixFlags(word: string): { raw: boolean; fmt: boolean } | undefined {
  if (word.length > 2) return undefined;
  const w = word.toLowerCase();
  if (!/^(r|u|b|f|t|br|rb|fr|rf|tr|rt)$/.test(w)) return undefined;
  return { raw: w.includes('r'), fmt: w.includes('f') || w.includes('t') };
}

/**
 * Python lexer: `#` comments; '…', "…", '''…''', """…""" with the r/b/u/f/t prefixes; f-string
 * holes are read as code (so quotes nested inside them, allowed since 3.12, do not end the string).
 */
export function scanPython(text: string, base = 0, end = text.length, skips?: number[]): Literal[] {
  const lits: Literal[] = [];
  // what every string needs from other modules, read once per scan: run from source (the tests,
  // the in-process benchmark) each read of an import is a getter call
  const rules = ESCAPES.python;
  const Lit = CLikeLiteral;
  const backslash = ESC_BACKSLASH;
  const verbatim = ESC_NONE;
  const plain = new PlainStrings(text, end);

  /** Reads a string whose opening quote is at `q`; returns the index after it. */
  function readString(start: number, q: number, raw: boolean, fmt: boolean, emit: boolean, depth: number): number {
    const quote = text.charCodeAt(q);
    const triple = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote;
    const n = triple ? 3 : 1;
    const cStart = q + n;
    let j = cStart;
    let interpolated = false;
    let terminated = false;
    let cEnd = end;
    if (!triple && !fmt) {
      const close = plain.endOf(j, quote === 34 ? '"' : "'");
      if (close >= 0) {
        cEnd = close;
        j = close + 1;
        terminated = true;
      }
    }
    while (!terminated && j < end) {
      const c = text.charCodeAt(j);
      if (c === 92) { j += 2; continue; }
      if (c === quote) {
        if (!triple) { cEnd = j; j++; terminated = true; break; }
        if (text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote) { cEnd = j; j += 3; terminated = true; break; }
      } else if (c === 10 && !triple) {
        cEnd = j;
        break;
      } else if (fmt && c === 123) {
        if (text.charCodeAt(j + 1) === 123) { j += 2; continue; }
        interpolated = true;
        j = depth < MAX_DEPTH ? readCode(j + 1, true, depth + 1) : j + 1;
        continue;
      }
      j++;
    }
    if (j > end) j = end;
    if (emit) {
      // the value is read on first use (most literals are never asked for it)
      const lit = new Lit(text, start, cStart, -1, rules);
      lit.end = terminated ? j : cEnd;
      lit.cEnd = Math.min(cEnd, end);
      lit.terminated = terminated;
      lit.interpolated = interpolated;
      lit.esc = raw ? verbatim : backslash;
      lits.push(lit);
    }
    return terminated ? j : cEnd;
  }

  /**
   * The prefix of a string whose quote is at `q`, read back from the quote: the name the lexer
   * would have read just before it (a run of name characters, from its first non-digit).
   */
  function prefixBefore(q: number, min: number): { start: number; flags: { raw: boolean; fmt: boolean } } | undefined {
    let r = q;
    while (r > min && isIdentPart(text.charCodeAt(r - 1))) r--;
    while (r < q && !isIdentStart(text.charCodeAt(r))) r++; // digits do not start a name
    if (r === q) return undefined;
    const flags = prefixFlags(text.slice(r, q));
    return flags ? { start: r, flags } : undefined;
  }

  /** Code until the end (or, inside an f-string hole, until its closing brace). */
  function readCode(from: number, hole: boolean, depth: number): number {
    let i = from;
    let braces = 0;
    if (!hole) {
      // outside f-string holes only comments and quotes matter: jump between them
      const stops = /[#"']/g;
      while (i < end) {
        stops.lastIndex = i;
        if (!stops.test(text)) return end;
        const at = stops.lastIndex - 1;
        if (at >= end) return end;
        const c = text.charCodeAt(at);
        if (c === 35) {
          const nl = text.indexOf('\n', at);
          i = nl < 0 || nl > end ? end : nl;
          if (skips) skips.push(at, i, SKIP_COMMENT);
          continue;
        }
        // a string or comment before ends in a quote or a newline: the name run stops there
        const prefix = prefixBefore(at, from);
        i = prefix ? readString(prefix.start, at, prefix.flags.raw, prefix.flags.fmt, true, depth) : readString(at, at, false, false, true, depth);
      }
      return end;
    }
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 35) { // comment
        const nl = text.indexOf('\n', i);
        i = nl < 0 || nl > end ? end : nl;
        continue;
      }
      if (c === 34 || c === 39) {
        i = readString(i, i, false, false, !hole, depth);
        continue;
      }
      if (isIdentStart(c)) {
        let j = i + 1;
        while (j < end && isIdentPart(text.charCodeAt(j))) j++;
        const q = text.charCodeAt(j);
        if (q === 34 || q === 39) {
          const flags = prefixFlags(text.slice(i, j));
          if (flags) {
            i = readString(i, j, flags.raw, flags.fmt, !hole, depth);
            continue;
          }
        }
        i = j;
        continue;
      }
      if (hole) {
        if (c === 123) braces++;
        else if (c === 125) {
          if (braces === 0) return i + 1;
          braces--;
        } else if (c === 10 && braces === 0) {
          // a single-line f-string cannot hold a newline outside brackets; stop the hole here
          return i;
        }
      }
      i++;
    }
    return end;
  }

  readCode(base, false, 0);
  return inStartOrder(lits);
}
