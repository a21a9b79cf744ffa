import { bare, classify, expressionContext, isIdent, lastMemberBack, lastMemberFwd, MAX_WINDOW, prevEnd, skipWsBack, skipWsFwd, wordBefore } from './expressions';
import { assertionContext } from './assertions';
import type { Family, Literal } from './scanners/types';
import { positionContext } from './typePositions';

/**
 * Is a string literal compared with an error code (or an error type)? Reads the code right around
 * the literal: a comparison operator, `.equals(…)`, a `case`/`when` label or a match arm, a list
 * tested with `in`/`includes`; then checks that the other side's last member is `code`,
 * `getCode()`, `error_code`, `errorCode`... Only a bounded window is read, never the whole file.
 */
export interface LiteralContext {
  kind: 'code' | 'type';
  /** The member naming the field (`code` in `err.code`), when it can be renamed to its type twin. */
  member?: { start: number; end: number; newText: string };
  /** A key or declaration position (`type: '…'`), not a comparison: hover and completion only. */
  key?: true;
}

/** How far after a literal its context can look (windows, lists of up to 64 items): edits beyond it cannot change it. */
export const CONTEXT_REACH = 4 * MAX_WINDOW + 2048;

/** Per-document state for the context finder: the brace that encloses each literal, computed once. */
export class ContextFinder {
  private enclosing: Int32Array | undefined;
  private readonly subjectCache = new Map<number, LiteralContext | null>();
  private readonly walkMemo = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly family: Family,
    private readonly lits: readonly Literal[],
    private readonly min: number,
    private readonly max: number,
  ) {}

  contextOf(index: number): LiteralContext | undefined {
    const lit = this.lits[index];
    const { text, min, max } = this;
    const p = skipWsBack(text, lit.start - 1, min);
    const c = text.charCodeAt(p);
    const c1 = text.charCodeAt(p - 1);

    // x == 'lit', x === 'lit', x != 'lit'
    if (c === 61 && (c1 === 61 || c1 === 33)) {
      let q = p - 1;
      while (q >= min && (text.charCodeAt(q) === 61 || text.charCodeAt(q) === 33)) q--;
      const before = text.charCodeAt(q);
      if (before !== 60 && before !== 62) return classify(text, lastMemberBack(text, skipWsBack(text, q, min), min));
    }
    // 'lit' == x
    const a = skipWsFwd(text, lit.end, max);
    const a0 = text.charCodeAt(a);
    const a1 = text.charCodeAt(a + 1);
    if ((a0 === 61 && a1 === 61) || (a0 === 33 && a1 === 61)) {
      let q = a + 2;
      while (text.charCodeAt(q) === 61) q++;
      const r = classify(text, lastMemberFwd(text, skipWsFwd(text, q, max), max));
      if (r) return r;
    }
    // "lit".equals(x)
    if (a0 === 46) {
      const m = /^\.(?:equals|Equals|equalsIgnoreCase|contentEquals)\(\s*/.exec(text.slice(a, a + 40));
      if (m) return classify(text, lastMemberFwd(text, a + m[0].length, max));
    }
    // x.equals("lit")
    if (c === 40) {
      const w = wordBefore(text, p - 1, min);
      if (/^(?:equals|Equals|equalsIgnoreCase)$/.test(w.word)) {
        const pe = prevEnd(text, w.start, min);
        if (pe >= 0) return classify(text, lastMemberBack(text, pe, min));
      }
    }
    const label = this.labelContext(index, p);
    if (label) return label;
    return this.listContext(index) ?? bare(assertionContext(text, lit, min, max)) ?? positionContext(text, this.lits, index, min);
  }

  /** `case 'x':`, `when "x"`, `"x" =>`, `"x" ->`, and the later items of `case "a", "b"`. */
  private labelContext(index: number, p: number): LiteralContext | undefined {
    const { text, min, family } = this;
    let i = index;
    let q = this.patternStart(index, p);
    // walk back over `'a', 'b' |` lists (Dart `||`, C# `or`, Rust `Some("a") | Some("b")`) to the first label
    for (let hops = 0; hops < 32; hops++) {
      const c = text.charCodeAt(q);
      const isOr = c === 114 && text.charCodeAt(q - 1) === 111 && !isIdent(text.charCodeAt(q - 2)); // C# `or`
      if ((c === 44 || c === 124 || isOr) && i > 0) {
        const prevLit = this.lits[i - 1];
        const qq = skipWsBack(text, isOr || (c === 124 && text.charCodeAt(q - 1) === 124) ? q - 2 : q - 1, min);
        if (this.patternEnd(i - 1) - 1 === qq) {
          i--;
          q = this.patternStart(i, skipWsBack(text, prevLit.start - 1, min));
          continue;
        }
      }
      break;
    }
    const w = wordBefore(text, q, min);
    if (w.word === 'case' || w.word === 'when') {
      // renaming a switch's subject would change every other label too: no member to fix
      if (family === 'python') return bare(this.pythonMatchSubject(w.start));
      if (family === 'ruby') return bare(this.rubyCaseSubject(w.start));
      return bare(this.braceSubject(index));
    }
    // arms without a keyword: Rust/PHP/C# `"x" =>`, Kotlin `"x" ->`
    if (family === 'rust' || family === 'php' || family === 'csharp' || family === 'kotlin' || family === 'dart') {
      let j = index;
      let e = this.patternEnd(j);
      for (let hops = 0; hops < 32; hops++) {
        const f = skipWsFwd(text, e, this.max);
        const fc = text.charCodeAt(f);
        const f1 = text.charCodeAt(f + 1);
        if ((fc === 61 || fc === 45) && f1 === 62) return bare(this.braceSubject(index));
        const next = this.lits[j + 1];
        const sep = fc === 44 || fc === 124 || (fc === 111 && f1 === 114);
        if (!sep || !next) break;
        const after = skipWsFwd(text, f + (fc === 111 || (fc === 124 && f1 === 124) ? 2 : 1), this.max);
        if (after !== this.patternFirst(j + 1)) break;
        j++;
        e = this.patternEnd(j);
      }
      // an arm still being typed: a literal alone on its line (its `->`/`=>` not written yet, or
      // left open at the end of the line) in a `when`/`match`/switch expression over a code
      if (this.aloneOnLine(i, index)) {
        const r = bare(this.braceSubject(index));
        if (r) return { ...r, key: true };
      }
    }
    return undefined;
  }

  /** Rust's `Some("x")`: the literal at `index` is wrapped, and where its pattern starts and ends. */
  private someWrapped(index: number): boolean {
    if (this.family !== 'rust') return false;
    const { text, min, max } = this;
    const lit = this.lits[index];
    const open = skipWsBack(text, lit.start - 1, min);
    // left open at the end of the line (`Some("ret`), the `)` is not typed yet
    if (text.charCodeAt(open) !== 40 || (lit.terminated && text.charCodeAt(skipWsFwd(text, lit.end, max)) !== 41)) return false;
    return wordBefore(text, skipWsBack(text, open - 1, min), min).word === 'Some';
  }

  /** The first character of the pattern of literal `index`. */
  private patternFirst(index: number): number {
    const lit = this.lits[index];
    return this.someWrapped(index) ? wordBefore(this.text, skipWsBack(this.text, skipWsBack(this.text, lit.start - 1, this.min) - 1, this.min), this.min).start : lit.start;
  }

  /** The character before the pattern of literal `index` (`p`, or before `Some(` around it). */
  private patternStart(index: number, p: number): number {
    if (!this.someWrapped(index)) return p;
    const w = wordBefore(this.text, skipWsBack(this.text, p - 1, this.min), this.min);
    return skipWsBack(this.text, w.start - 1, this.min);
  }

  /** Just after the pattern of literal `index` (after the `)` of `Some(…)`). */
  private patternEnd(index: number): number {
    const end = this.lits[index].end;
    return this.someWrapped(index) ? skipWsFwd(this.text, end, this.max) + 1 : end;
  }

  /**
   * Labels `first`..`index` start their line, and nothing follows literal `index` on it (or it runs
   * to the end of the line, left open): an arm still being typed.
   */
  private aloneOnLine(first: number, index: number): boolean {
    const { text, min, max } = this;
    const lit = this.lits[index];
    let p = this.patternFirst(first) - 1;
    while (p >= min && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p--;
    if (p >= min && text.charCodeAt(p) !== 10 && text.charCodeAt(p) !== 13) return false;
    if (!lit.terminated) return true;
    let q = this.patternEnd(index);
    while (q < max && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
    return q >= max || text.charCodeAt(q) === 10 || text.charCodeAt(q) === 13;
  }

  /** The subject of the switch/match/when whose `{` encloses literal `index`. */
  private braceSubject(index: number): LiteralContext | undefined {
    const open = this.enclosingBrace(index);
    if (open < 0) return undefined;
    const cached = this.subjectCache.get(open);
    if (cached !== undefined) return cached ?? undefined;
    const r = this.subjectBefore(open);
    this.subjectCache.set(open, r ?? null);
    return r;
  }

  private subjectBefore(open: number): LiteralContext | undefined {
    const { text, min } = this;
    const from = Math.max(min, open - MAX_WINDOW);
    const seg = text.slice(from, open);
    // C# switch expression: `e.Code switch {`
    const sw = this.family === 'csharp' ? /\bswitch\s*$/.exec(seg) : null;
    if (sw && !/\bswitch\s*\(/.test(seg.slice(-80))) {
      const end = skipWsBack(text, from + sw.index - 1, from);
      const r = classify(text, lastMemberBack(text, end, from));
      if (r) return r;
    }
    // `switch (x) {`, `switch x {`, `match x {`, `when (x) {`, `match (x) {`
    const re = /\b(?:switch|match|when|select)\b/g;
    let last = -1;
    for (let m = re.exec(seg); m; m = re.exec(seg)) last = m.index + m[0].length;
    if (last < 0) return undefined;
    const between = seg.slice(last);
    if (/[;{}]/.test(between)) return undefined;
    // `match ($body['code'] ?? '')`: the subject is what stands before the fallback
    const fallback = between.search(/\?\?|\|\|/);
    const end = fallback >= 0 ? skipWsBack(text, from + last + fallback - 1, from + last) : skipWsBack(text, open - 1, from + last);
    return classify(text, lastMemberBack(text, end, from + last));
  }

  /** The innermost unmatched `{` before each literal, from one forward pass over the region. */
  private enclosingBrace(index: number): number {
    const known = this.lits[index].brace;
    if (known !== undefined) return known; // the C-like scanner recorded it
    if (!this.enclosing) {
      const enc = new Int32Array(this.lits.length).fill(-1);
      const stack: number[] = [];
      const { text, lits } = this;
      const hash = this.family === 'php';
      let k = 0;
      let i = this.min;
      while (i < this.max && k < lits.length) {
        if (i >= lits[k].start) {
          enc[k] = stack.length ? stack[stack.length - 1] : -1;
          i = Math.max(i, lits[k].end);
          k++;
          continue;
        }
        const c = text.charCodeAt(i);
        if (c === 123) stack.push(i);
        else if (c === 125) stack.pop();
        else if ((c === 47 && text.charCodeAt(i + 1) === 47) || (hash && c === 35)) {
          const nl = text.indexOf('\n', i);
          i = nl < 0 ? this.max : Math.min(nl, lits[k].start);
          continue;
        } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
          const e = text.indexOf('*/', i + 2);
          i = e < 0 ? this.max : Math.min(e + 2, lits[k].start);
          continue;
        }
        i++;
      }
      this.enclosing = enc;
    }
    return this.enclosing[index];
  }

  /**
   * The first line above `lineStart` that `skip` does not pass over (start offset, or -1). Results
   * are remembered for every line passed, so the labels of one long match/case cost one walk.
   */
  private walkBack(lineStart: number, indent: number, skip: (line: string, ind: number) => boolean): number {
    const { text, min } = this;
    const key = (at: number) => at * 4096 + Math.min(indent, 4095);
    const visited: number[] = [];
    let result = -1;
    for (let n = 0; n < 200000 && lineStart > min; n++) {
      const memo = this.walkMemo.get(key(lineStart));
      if (memo !== undefined) { result = memo; break; }
      visited.push(lineStart);
      const prevStart = lineStartOf(text, lineStart - 1, min);
      const line = text.slice(prevStart, lineStart - 1);
      lineStart = prevStart;
      const trimmed = line.trim();
      if (!trimmed || trimmed[0] === '#') continue;
      if (skip(line, line.length - line.trimStart().length)) continue;
      result = prevStart;
      break;
    }
    for (const v of visited) this.walkMemo.set(key(v), result);
    return result;
  }

  /** Python `case "x":` under `match <subject>:`. */
  private pythonMatchSubject(caseStart: number): LiteralContext | undefined {
    const { text, min } = this;
    const caseIndent = indentAt(text, caseStart, min);
    const at = this.walkBack(lineStartOf(text, caseStart, min), caseIndent, (_line, ind) => ind >= caseIndent);
    if (at < 0) return undefined;
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = this.max;
    const line = text.slice(at, eol);
    const m = /^\s*match\s+(.+?):\s*(?:#.*)?$/.exec(line);
    if (!m) return undefined;
    const subjEnd = at + line.indexOf(m[1]) + m[1].length - 1;
    return classify(text, lastMemberBack(text, subjEnd, at));
  }

  /** Ruby `when "x"` under `case <subject>`. */
  private rubyCaseSubject(whenStart: number): LiteralContext | undefined {
    const { text, min } = this;
    const whenIndent = indentAt(text, whenStart, min);
    const at = this.walkBack(lineStartOf(text, whenStart, min), whenIndent,
      (line, ind) => ind > whenIndent || (ind === whenIndent && /^\s*(?:when|else|in|then)\b/.test(line)));
    if (at < 0) return undefined;
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = this.max;
    const line = text.slice(at, eol);
    const m = /\bcase\s+(.+?)\s*(?:#.*)?$/.exec(line);
    if (!m) return undefined;
    const subjEnd = at + m.index + m[0].indexOf(m[1]) + m[1].length - 1;
    return classify(text, lastMemberBack(text, subjEnd, at));
  }

  /** `x in ('a', 'b')`, `x in listOf("a")`, `['a', 'b'].includes(x)`, `%w[...]`-free lists. */
  private listContext(index: number): LiteralContext | undefined {
    const { text, min, max, lits } = this;
    let i = index;
    let q = skipWsBack(text, lits[index].start - 1, min);
    for (let hops = 0; hops < 64 && text.charCodeAt(q) === 44 && i > 0; hops++) {
      const qq = skipWsBack(text, q - 1, min);
      if (lits[i - 1].end - 1 !== qq) return undefined;
      i--;
      q = skipWsBack(text, lits[i].start - 1, min);
    }
    const opener = text.charCodeAt(q);
    if (opener !== 40 && opener !== 91 && opener !== 123) return undefined;
    let before = skipWsBack(text, q - 1, min);
    const fn = wordBefore(text, before, min);
    if (/^(?:listOf|setOf|arrayOf|of|frozenset|set|tuple)$/.test(fn.word)) before = skipWsBack(text, fn.start - 1 - (text.charCodeAt(fn.start - 1) === 46 ? wordBefore(text, fn.start - 2, min).word.length + 1 : 0), min);
    // PHP `in_array($e->code, ['a', 'b'])`: the subject is the first argument
    if (text.charCodeAt(before) === 44) {
      const call = /\bin_array\s*\(\s*([^,()]*(?:\([^()]*\))?)\s*,\s*$/.exec(text.slice(Math.max(min, before - 200), before + 1));
      if (call) return bare(expressionContext(text, before - (call[0].length - call[0].indexOf(call[1]) - call[1].length), min));
    }
    const kw = wordBefore(text, before, min);
    if (kw.word === 'in') {
      // the subject is shared by every item of the list: no member to rename
      const r = bare(classify(text, lastMemberBack(text, skipWsBack(text, kw.start - 1, min), min)));
      if (r) return r;
    }
    // forward: the list's end, then .includes(x) / .include?(x) / .contains(x)
    let j = index;
    let e = lits[index].end;
    for (let hops = 0; hops < 64; hops++) {
      const f = skipWsFwd(text, e, max);
      if (text.charCodeAt(f) !== 44 || !lits[j + 1] || skipWsFwd(text, f + 1, max) !== lits[j + 1].start) break;
      j++;
      e = lits[j].end;
    }
    const close = skipWsFwd(text, e, max);
    const cc = text.charCodeAt(close);
    if (cc !== 41 && cc !== 93 && cc !== 125) return undefined;
    const m = /^[)\]}]\s*\.\s*(?:includes|include\?|contains|Contains|has)\(\s*/.exec(text.slice(close, close + 40));
    if (!m) return undefined;
    return bare(classify(text, lastMemberFwd(text, close + m[0].length, max)));
  }
}

function lineStartOf(text: string, p: number, min: number): number {
  const nl = text.lastIndexOf('\n', p - 1);
  return Math.max(min, nl + 1);
}
function indentAt(text: string, p: number, min: number): number {
  return p - lineStartOf(text, p, min);
}
