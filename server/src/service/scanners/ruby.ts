import { SKIP_COMMENT, SKIP_VALUE, type Literal } from './types';
import { ESCAPES } from '../../../../catalog/src/unescape';
import { CLikeLiteral, ESC_BACKSLASH, ESC_SINGLE } from './clike';

const MAX_DEPTH = 64;
const REGEX_KEYWORDS = new Set(['if', 'elsif', 'unless', 'when', 'and', 'or', 'not', 'return', 'while', 'until', 'then', 'in']);
const PAIRS: Record<number, number> = { 40: 41, 91: 93, 123: 125, 60: 62 };

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/**
 * Ruby lexer: `#` and `=begin/=end` comments; '…'; "…" and `…` with `#{}` holes; %q %Q %w %i %r
 * and %() with any delimiter (paired ones nest); heredocs <<ID, <<-ID, <<~ID ('ID' raw); :"sym";
 * regex literals where an operand is expected.
 */
export function scanRuby(text: string, base = 0, end = text.length, skips?: number[]): Literal[] {
  const lits: Literal[] = [];
  // what every string needs from other modules, read once per scan: run from source (the tests,
  // the in-process benchmark) each read of an import is a getter call
  const rules = ESCAPES.ruby;
  const Lit = CLikeLiteral;
  const backslash = ESC_BACKSLASH;
  const singleQuoted = ESC_SINGLE;
  /** Heredocs opened on the current line: their bodies start at the next newline. */
  let pendingHeredocs: { id: string; squiggly: boolean; raw: boolean; start: number }[] = [];

  function emit(start: number, cStart: number, cEnd: number, litEnd: number, terminated: boolean, interpolated: boolean, single: boolean): void {
    // the value is read on first use
    const lit = new Lit(text, start, cStart, -1, rules);
    lit.end = litEnd;
    lit.cEnd = cEnd;
    lit.terminated = terminated;
    lit.interpolated = interpolated;
    lit.esc = single ? singleQuoted : backslash;
    lits.push(lit);
  }

  /** Delimited string whose content starts at `cStart`; returns the index after it. */
  function readDelimited(start: number, cStart: number, open: number, close: number, interp: boolean, single: boolean, emitIt: boolean, depth: number): number {
    let j = cStart;
    let nest = 0;
    let interpolated = false;
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c === 92) { j += 2; continue; }
      if (c === close && open !== close) {
        if (nest === 0) break;
        nest--;
      } else if (c === close) break;
      else if (c === open) nest++;
      else if (interp && c === 35 && text.charCodeAt(j + 1) === 123) {
        interpolated = true;
        j = depth < MAX_DEPTH ? readCode(j + 2, true, depth + 1) : j + 2;
        continue;
      }
      j++;
    }
    const terminated = j < end;
    if (emitIt) emit(start, cStart, Math.min(j, end), terminated ? j + 1 : end, terminated, interpolated, single);
    return terminated ? j + 1 : end;
  }

  function readHeredocBodies(nl: number, emitIt: boolean): number {
    let j = nl + 1;
    for (const h of pendingHeredocs) {
      const bodyStart = j;
      let found = -1;
      while (j < end) {
        let eol = text.indexOf('\n', j);
        if (eol < 0 || eol > end) eol = end;
        const line = text.slice(j, eol).replace(/\r$/, '');
        if ((h.squiggly ? line.trim() : line) === h.id) { found = j; j = eol < end ? eol + 1 : end; break; }
        j = eol < end ? eol + 1 : end;
        if (eol >= end) break;
      }
      const cEnd = found > bodyStart ? found - 1 : found >= 0 ? found : end; // the newline before the terminator is not content
      if (emitIt) emit(h.start, bodyStart, cEnd, found >= 0 ? j : end, found >= 0, !h.raw && text.slice(bodyStart, cEnd).includes('#{'), h.raw);
      // the body is the literal's; the rest of the opener's line was code, read already
      if (skips && emitIt) skips.push(bodyStart, found >= 0 ? j : end, SKIP_COMMENT);
    }
    pendingHeredocs = [];
    return j;
  }

  function readCode(from: number, hole: boolean, depth: number): number {
    let i = from;
    let braces = 0;
    let regexOk = true;
    let lineStart = true;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        i = pendingHeredocs.length > 0 ? readHeredocBodies(i, !hole) : i + 1;
        lineStart = true;
        regexOk = true;
        continue;
      }
      if (c === 32 || c === 9 || c === 13) { i++; continue; }
      if (lineStart && c === 61 && text.startsWith('=begin', i)) {
        const m = /^=end\b.*$/m.exec(text.slice(i, end));
        const from = i;
        i = m ? i + m.index + m[0].length : end;
        if (skips && !hole) skips.push(from, i, SKIP_COMMENT);
        continue;
      }
      lineStart = false;
      if (c === 35) {
        const nl = text.indexOf('\n', i);
        if (skips && !hole) skips.push(i, nl < 0 || nl > end ? end : nl, SKIP_COMMENT);
        i = nl < 0 || nl > end ? end : nl;
        continue;
      }
      if (c === 34 || c === 96) { i = readDelimited(i, i + 1, c, c, true, false, true, depth); regexOk = false; continue; }
      if (c === 39) { i = readDelimited(i, i + 1, 39, 39, false, true, true, depth); regexOk = false; continue; }
      if (c === 58 && text.charCodeAt(i + 1) === 34) { i = readDelimited(i, i + 2, 34, 34, true, false, !hole, depth); regexOk = false; continue; }
      if (c === 37 /* % */ && regexOk) {
        let j = i + 1;
        let kind = text.charCodeAt(j);
        if (kind === 113 || kind === 81 || kind === 119 || kind === 87 || kind === 105 || kind === 73 || kind === 114 || kind === 115) j++;
        else kind = 81;
        const open = text.charCodeAt(j);
        if (j < end && !isIdentPart(open) && open !== 32 && open !== 10 && open !== 61) {
          const close = PAIRS[open] ?? open;
          const isString = kind === 113 || kind === 81;
          const from = i;
          i = readDelimited(i, j + 1, open, close, kind !== 113 && kind !== 119 && kind !== 105 && kind !== 115, kind === 113, !hole && isString, depth);
          if (skips && !hole && !isString) skips.push(from, i, SKIP_VALUE);
          regexOk = false;
          continue;
        }
      }
      if (c === 47 && regexOk) {
        const from = i;
        i = readDelimited(i, i + 1, 47, 47, true, false, false, depth);
        if (skips && !hole) skips.push(from, i, SKIP_VALUE);
        regexOk = false;
        continue;
      }
      if (c === 60 && text.charCodeAt(i + 1) === 60) {
        const m = /^<<([~-]?)(["'`]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(text.slice(i, i + 80));
        if (m && (m[2] !== '' || /^[A-Z_]/.test(m[3]))) {
          pendingHeredocs.push({ id: m[3], squiggly: m[1] !== '', raw: m[2] === "'", start: i });
          i += m[0].length;
          regexOk = false;
          continue;
        }
      }
      if (isIdentStart(c) || c === 64 || c === 36) {
        let j = i + 1;
        while (j < end && isIdentPart(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) === 63 || text.charCodeAt(j) === 33) j++; // predicate? bang!
        regexOk = REGEX_KEYWORDS.has(text.slice(i, j));
        i = j;
        continue;
      }
      if (c === 58 && isIdentStart(text.charCodeAt(i + 1))) { // :symbol
        let j = i + 2;
        while (j < end && isIdentPart(text.charCodeAt(j))) j++;
        i = j;
        regexOk = false;
        continue;
      }
      if (c >= 48 && c <= 57) {
        let j = i + 1;
        while (j < end && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
        i = j;
        regexOk = false;
        continue;
      }
      if (hole) {
        if (c === 123) braces++;
        else if (c === 125) {
          if (braces === 0) return i + 1;
          braces--;
        }
      }
      regexOk = !(c === 41 || c === 93 || c === 125);
      i++;
    }
    return end;
  }

  readCode(base, false, 0);
  lits.sort((a, b) => a.start - b.start);
  return lits;
}
