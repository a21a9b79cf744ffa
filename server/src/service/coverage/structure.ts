/**
 * The bracket structure of one code region, from one forward pass that skips the scanner's string
 * literals and the language's comments: which `(`/`{`/`[` closes where. Coverage reads blocks
 * (try/catch, `if err != nil`) and call arguments with it; nothing here runs on the keystroke path.
 */
import type { Family, Literal } from '../scanners/types';

export interface Structure {
  /** Open bracket offset → its close offset (absent: unclosed). */
  close: Map<number, number>;
  /** Offsets of every `{`, ascending. */
  braces: number[];
  /** Is `offset` inside a comment or a literal? */
  inCode(offset: number): boolean;
}

const HASH_COMMENT = new Set<Family>(['python', 'ruby', 'php']);
const NO_SLASH_COMMENT = new Set<Family>(['python', 'ruby']);

export function structureOf(text: string, family: Family, lits: readonly Literal[], start: number, end: number): Structure {
  const close = new Map<number, number>();
  const braces: number[] = [];
  const stack: number[] = [];
  // non-code spans (literals and comments), ascending and disjoint
  const skipped: number[] = [];
  const hash = HASH_COMMENT.has(family);
  const slash = !NO_SLASH_COMMENT.has(family);
  let k = 0;
  let i = start;
  while (i < end) {
    while (k < lits.length && lits[k].end <= i) k++;
    if (k < lits.length && lits[k].start <= i) {
      skipped.push(lits[k].start, lits[k].end);
      i = lits[k].end;
      k++;
      continue;
    }
    const c = text.charCodeAt(i);
    if ((hash && c === 35 && !(family === 'php' && text.charCodeAt(i + 1) === 91)) || (slash && c === 47 && text.charCodeAt(i + 1) === 47)) {
      let nl = text.indexOf('\n', i);
      if (nl < 0 || nl > end) nl = end;
      // a literal the scanner found after the marker means the marker was inside something else
      const next = k < lits.length ? lits[k].start : end;
      const stop = Math.min(nl, next);
      skipped.push(i, stop);
      i = stop;
      continue;
    }
    if (slash && c === 47 && text.charCodeAt(i + 1) === 42) {
      let e = text.indexOf('*/', i + 2);
      e = e < 0 ? end : Math.min(end, e + 2);
      skipped.push(i, e);
      i = e;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) {
      stack.push(i);
      if (c === 123) braces.push(i);
    } else if (c === 41 || c === 93 || c === 125) {
      // pop to the matching kind: a stray closer of another kind is ignored
      const want = c === 41 ? 40 : c === 93 ? 91 : 123;
      for (let s = stack.length - 1; s >= 0 && stack.length - s <= 8; s--) {
        if (text.charCodeAt(stack[s]) === want) {
          close.set(stack[s], i);
          stack.length = s;
          break;
        }
      }
    }
    i++;
  }
  const inCode = (offset: number): boolean => {
    let lo = 0;
    let hi = skipped.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (skipped[2 * mid + 1] <= offset) lo = mid + 1;
      else if (skipped[2 * mid] > offset) hi = mid - 1;
      else return false;
    }
    return true;
  };
  return { close, braces, inCode };
}

/** The `{` blocks that hold `offset`, innermost first. */
export function enclosingBraces(s: Structure, offset: number): number[] {
  const out: number[] = [];
  let lo = 0;
  let hi = s.braces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s.braces[mid] < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let j = lo - 1; j >= 0; j--) {
    const o = s.braces[j];
    const c = s.close.get(o);
    if (c === undefined || c >= offset) out.push(o);
  }
  return out;
}
