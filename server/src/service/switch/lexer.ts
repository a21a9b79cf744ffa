/**
 * A small single-pass lexer for the languages whose switch statements we analyse. It only needs
 * to be exact about what is code and what is not (comments, every string form of each language)
 * and to give string literals their values; everything else becomes identifiers, numbers and
 * punctuation. Never throws; unterminated constructs run to the end of the text.
 */

import { lineOfOffset } from '../lines';

export type Family =
  | 'ts' | 'java' | 'csharp' | 'go' | 'php' | 'python' | 'kotlin' | 'rust' | 'ruby' | 'swift';

export const FAMILY_BY_LANGUAGE: Record<string, Family> = {
  typescript: 'ts',
  typescriptreact: 'ts',
  javascript: 'ts',
  javascriptreact: 'ts',
  java: 'java',
  csharp: 'csharp',
  go: 'go',
  php: 'php',
  python: 'python',
  kotlin: 'kotlin',
  rust: 'rust',
  ruby: 'ruby',
  swift: 'swift',
};

export type TokenKind = 'ident' | 'str' | 'num' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Zero-based line of `start`. */
  line: number;
  /** For a plain string literal (no interpolation): its value. */
  value?: string;
  /** For strings: the opening quote character (`'`, `"` or a backquote). */
  quote?: string;
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

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Tokens after which a `/` divides rather than starts a regular expression. */
function endsExpression(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'num' || t.kind === 'str') return true;
  if (t.kind === 'ident') {
    return !['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw',
      'instanceof', 'yield', 'await', 'when', 'if', 'unless', 'while', 'until', 'and', 'or', 'not', 'puts', 'p'].includes(t.text);
  }
  return t.text === ')' || t.text === ']' || t.text === '}';
}

export interface LexOptions {
  /** Offset to start at: between tokens, in code (e.g. a `safeStart` from skimKeywords). */
  start?: number;
  /** Called after each top-level token; returning true ends the lexing there. */
  stop?: (t: Token, tokens: Token[]) => boolean;
  /** Line starts of `text` (lineStartsOf), when the caller already has them. */
  lineStarts?: number[];
}

/** A keyword that stands in code, and a token start before it from which lexing can resume. */
export interface KeywordHit {
  offset: number;
  safeStart: number;
}

/** How many tokens before a keyword a resumed lexing starts (room for a C# subject, `x =`). */
const LOOKBACK = 32;

export function lex(text: string, family: Family, options: LexOptions = {}): Token[] {
  return run(text, family, options, null).tokens;
}

/**
 * Finds `keywords` in code (not in strings or comments) without building tokens: the cheap
 * first pass of the diagnostic, which then lexes only the statements it found.
 */
export function skimKeywords(text: string, family: Family, keywords: ReadonlySet<string>): KeywordHit[] {
  return run(text, family, {}, keywords).hits;
}

function run(text: string, family: Family, options: LexOptions, skim: ReadonlySet<string> | null): { tokens: Token[]; hits: KeywordHit[] } {
  const out: Token[] = [];
  const hits: KeywordHit[] = [];
  const n = text.length;
  const lineStarts = skim ? [] : options.lineStarts ?? lineStartsOf(text);
  const lineOf = (off: number): number => lineOfOffset(lineStarts, off);
  const stop = options.stop;
  let stopped = false;
  let interpDepth = 0;
  // Skim state: the last token, and the starts of the last LOOKBACK top-level tokens.
  let lastKind: TokenKind | undefined;
  let lastStart = 0;
  let lastEnd = 0;
  const ring = new Int32Array(LOOKBACK);
  let ringCount = 0;
  // A PHP file starts in HTML unless a resumed lexing says where PHP code is.
  const origin = family === 'php' && options.start === undefined ? skipHtml(0) : options.start ?? 0;
  let minLen = Infinity;
  let maxLen = 0;
  if (skim) for (const k of skim) {
    minLen = Math.min(minLen, k.length);
    maxLen = Math.max(maxLen, k.length);
  }
  // Ruby heredoc terminators waiting for the end of the current line.
  let heredocs: { id: string; squiggly: boolean }[] = [];
  const cStyleComments = family !== 'python' && family !== 'ruby';
  const hashComments = family === 'python' || family === 'ruby' || family === 'php';
  const nestedComments = family === 'kotlin' || family === 'rust' || family === 'swift';

  const push = (kind: TokenKind, start: number, end: number, extra?: { value?: string; quote?: string }): void => {
    if (skim) {
      lastKind = kind;
      lastStart = start;
      lastEnd = end;
      if (interpDepth !== 0) return;
      if (kind === 'ident' && end - start >= minLen && end - start <= maxLen && skim.has(text.slice(start, end))) {
        hits.push({ offset: start, safeStart: ringCount >= LOOKBACK ? ring[ringCount % LOOKBACK]! : origin });
      }
      ring[ringCount++ % LOOKBACK] = start;
      return;
    }
    // One shape for every token keeps property access monomorphic.
    const t: Token = { kind, text: text.slice(start, end), start, end, line: lineOf(start), value: extra?.value, quote: extra?.quote };
    out.push(t);
    if (stop && interpDepth === 0 && stop(t, out)) stopped = true;
  };

  /** The previous token (built on demand while skimming). */
  const prev = (): Token | undefined => {
    if (!skim) return out[out.length - 1];
    if (!lastKind) return undefined;
    return { kind: lastKind, text: text.slice(lastStart, lastEnd), start: lastStart, end: lastEnd, line: 0 };
  };

  /** Skips a simple quoted string with backslash escapes; returns the end offset (after the quote). */
  const skipQuoted = (i: number, quote: number, allowNewline: boolean, escapes = true): number => {
    let k = i;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (escapes && c === 92) k += 2;
      else if (c === quote) return k + 1;
      else if (c === 10 && !allowNewline) return k;
      else k++;
    }
    return n;
  };

  /** Skips nested code (an interpolation) up to its closing character; returns the offset after it. */
  const skipCode = (i: number, close: number): number => {
    const saved = out.length;
    interpDepth++;
    const end = scan(i, close);
    interpDepth--;
    out.length = saved;
    return end;
  };

  /**
   * Skips a string body up to `closeSeq`. `marker(k)` classifies position k: > 0 an interpolation
   * opener of that length (nested code follows, up to `interpClose`); -1 a simple interpolation
   * (`$name`); -2 an escaped pair to step over (`{{`); 0 ordinary text. Returns [end, interpolated].
   */
  const skipInterpolated = (
    i: number,
    closeSeq: string,
    marker: (k: number) => number,
    interpClose: number,
    allowNewline: boolean,
    escapes = true,
  ): [number, boolean] => {
    let k = i;
    let interp = false;
    while (k < n) {
      const c = text.charCodeAt(k);
      const m = marker(k);
      if (m > 0) {
        interp = true;
        k = skipCode(k + m, interpClose);
        continue;
      }
      if (m === -2) {
        k += 2;
        continue;
      }
      if (m === -1) interp = true;
      if (escapes && c === 92) {
        k += 2;
        continue;
      }
      if (text.startsWith(closeSeq, k)) return [k + closeSeq.length, interp];
      if (c === 10 && !allowNewline) return [k, interp];
      k++;
    }
    return [n, interp];
  };

  const unescape = (raw: string): string =>
    raw.includes('\\') ? raw.replace(/\\(.)/g, (_m, ch: string) => ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[ch] ?? ch) : raw;

  /** Pushes a string token; `valueStart/valueEnd` delimit its content when it is plain. */
  const pushString = (start: number, end: number, quote: string, content: [number, number] | null, raw = false): void => {
    if (!content) {
      push('str', start, end, { quote });
      return;
    }
    const body = text.slice(content[0], Math.max(content[0], content[1]));
    push('str', start, end, { quote, value: raw ? body : unescape(body) });
  };

  function scan(start: number, close: number): number {
    let i = start;
    let depth = 0;
    while (i < n) {
      if (stopped) return i;
      const c = text.charCodeAt(i);
      if (c === 10) {
        i++;
        if (heredocs.length) i = skipHeredocs(i);
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 12 || c === 0xfeff) {
        i++;
        continue;
      }
      const c2 = text.charCodeAt(i + 1);
      // PHP: `?>` leaves PHP; the HTML up to the next `<?php` / `<?=` is not code.
      if (family === 'php' && c === 63 && c2 === 62 && close === 0) {
        i = skipHtml(i + 2);
        continue;
      }
      // Comments (a PHP line comment also ends at `?>`).
      if (cStyleComments && c === 47 && c2 === 47) {
        i = family === 'php' ? phpLineEnd(i) : lineEnd(i);
        continue;
      }
      if (cStyleComments && c === 47 && c2 === 42) {
        i = skipBlockComment(i + 2);
        continue;
      }
      if (hashComments && c === 35 && !(family === 'ruby' && c2 === 123 && close === 125)) {
        i = family === 'php' ? phpLineEnd(i) : lineEnd(i);
        continue;
      }
      if (family === 'ruby' && c === 61 && (i === 0 || text.charCodeAt(i - 1) === 10) && text.startsWith('=begin', i)) {
        const e = text.indexOf('\n=end', i);
        i = e < 0 ? n : lineEnd(e + 1);
        continue;
      }
      if (family === 'ruby' && c === 95 && (i === 0 || text.charCodeAt(i - 1) === 10) && text.startsWith('__END__', i)) return n;
      // Strings and other literals.
      const s = lexLiteral(i, c, c2);
      if (s > i) {
        i = s;
        continue;
      }
      if (isIdentStart(c) || (c === 64 && family === 'swift') || (c === 64 && family === 'csharp' && isIdentStart(c2))) {
        let k = i + 1;
        while (k < n && isIdentPart(text.charCodeAt(k))) k++;
        // Ruby/Kotlin method names may end in ? or !; Rust macros end in !.
        if (family === 'ruby' && k < n && (text[k] === '?' || text[k] === '!') && text[k + 1] !== '=') k++;
        push('ident', i, k);
        i = k;
        continue;
      }
      if (isDigit(c) || (c === 46 && isDigit(c2) && family !== 'rust')) {
        let k = i + 1;
        while (k < n) {
          const d = text.charCodeAt(k);
          if (isIdentPart(d) && d !== 36) k++;
          else if (d === 46 && isDigit(text.charCodeAt(k + 1))) k++;
          else break;
        }
        push('num', i, k);
        i = k;
        continue;
      }
      // Punctuation, with the brace depth that ends an interpolation.
      if (close !== 0) {
        if (c === 123 || c === 40 || c === 91) depth++;
        else if ((c === 125 || c === 41 || c === 93) && depth === 0 && c === close) return i + 1;
        else if (c === 125 || c === 41 || c === 93) depth--;
      }
      const p = punctLength(c, c2, text.charCodeAt(i + 2));
      push('punct', i, i + p);
      i += p;
    }
    return n;
  }

  /** `</` of a JSX closing tag (`a < /re/` is not written in real code). */
  function closesJsxTag(i: number): boolean {
    return text.charCodeAt(i - 1) === 60;
  }

  function lineEnd(i: number): number {
    const e = text.indexOf('\n', i);
    return e < 0 ? n : e;
  }

  function phpLineEnd(i: number): number {
    const e = lineEnd(i);
    const close = text.indexOf('?>', i);
    return close >= 0 && close < e ? close : e;
  }

  /** From HTML to just after the next PHP open tag (or the end). */
  function skipHtml(i: number): number {
    const open = text.indexOf('<?', i);
    if (open < 0) return n;
    if (text.startsWith('<?php', open)) return open + 5;
    return open + (text[open + 2] === '=' ? 3 : 2);
  }

  function skipBlockComment(i: number): number {
    let k = i;
    let level = 1;
    while (k < n) {
      if (text.charCodeAt(k) === 42 && text.charCodeAt(k + 1) === 47) {
        level--;
        k += 2;
        if (level === 0 || !nestedComments) return k;
      } else if (nestedComments && text.charCodeAt(k) === 47 && text.charCodeAt(k + 1) === 42) {
        level++;
        k += 2;
      } else k++;
    }
    return n;
  }

  function skipHeredocs(i: number): number {
    let k = i;
    for (const h of heredocs) {
      while (k < n) {
        const e = lineEnd(k);
        const line = text.slice(k, e);
        k = e < n ? e + 1 : n;
        if ((h.squiggly ? line.trim() : line.replace(/\r$/, '')) === h.id) break;
      }
    }
    heredocs = [];
    return k;
  }

  /** Lexes a string/char/regex literal at i; returns the offset after it, or i when there is none. */
  function lexLiteral(i: number, c: number, c2: number): number {
    const ch = text[i]!;
    switch (family) {
      case 'ts': {
        if (c === 39 || c === 34) {
          const e = skipQuoted(i + 1, c, false);
          pushString(i, e, ch, [i + 1, e - 1]);
          return e;
        }
        if (c === 96) {
          const [e, interp] = skipInterpolated(i + 1, '`', (k) => (text.startsWith('${', k) ? 2 : 0), 125, true);
          pushString(i, e, '`', interp ? null : [i + 1, e - 1]);
          return e;
        }
        if (c === 47 && c2 !== 47 && c2 !== 42 && !endsExpression(prev()) && !closesJsxTag(i)) {
          let k = i + 1;
          let cls = false;
          while (k < n) {
            const d = text.charCodeAt(k);
            if (d === 92) k += 2;
            else if (d === 10) break;
            else {
              if (d === 91) cls = true;
              else if (d === 93) cls = false;
              else if (d === 47 && !cls) break;
              k++;
            }
          }
          k++;
          while (k < n && isIdentPart(text.charCodeAt(k))) k++;
          push('num', i, Math.min(k, n)); // a regex is a value, like a number
          return Math.min(k, n);
        }
        return i;
      }
      case 'java': {
        if (text.startsWith('"""', i)) {
          const e = text.indexOf('"""', i + 3);
          const end = e < 0 ? n : e + 3;
          pushString(i, end, '"', null);
          return end;
        }
        if (c === 34 || c === 39) {
          const e = skipQuoted(i + 1, c, false);
          pushString(i, e, ch, [i + 1, e - 1]);
          return e;
        }
        return i;
      }
      case 'go': {
        if (c === 34 || c === 39) {
          const e = skipQuoted(i + 1, c, false);
          pushString(i, e, ch, [i + 1, e - 1]);
          return e;
        }
        if (c === 96) {
          const e = skipQuoted(i + 1, 96, true, false);
          pushString(i, e, '`', [i + 1, e - 1], true);
          return e;
        }
        return i;
      }
      case 'csharp': {
        // Prefixes: $, @, $@, @$, and raw strings """...""" with optional $ signs.
        let k = i;
        let dollars = 0;
        let verbatim = false;
        while (k < n && (text[k] === '$' || text[k] === '@')) {
          if (text[k] === '$') dollars++;
          else verbatim = true;
          k++;
        }
        if (text[k] !== '"' && !(k === i && c === 39)) return i;
        if (k === i && c === 39) {
          const e = skipQuoted(i + 1, 39, false);
          pushString(i, e, "'", [i + 1, e - 1]);
          return e;
        }
        if (text.startsWith('"""', k)) {
          let q = k;
          while (text[q] === '"') q++;
          const fence = text.slice(k, q);
          const e = text.indexOf(fence, q);
          const end = e < 0 ? n : e + fence.length;
          pushString(i, end, '"', null);
          return end;
        }
        if (dollars) {
          const [e] = skipInterpolated(k + 1, '"', (p) => (text[p] === '{' ? (text[p + 1] === '{' ? -2 : 1) : text[p] === '}' && text[p + 1] === '}' ? -2 : 0), 125, verbatim, !verbatim);
          pushString(i, e, '"', null);
          return e;
        }
        if (verbatim) {
          let p = k + 1;
          while (p < n) {
            if (text[p] === '"' && text[p + 1] === '"') p += 2;
            else if (text[p] === '"') break;
            else p++;
          }
          const e = Math.min(p + 1, n);
          push('str', i, e, { quote: '"', value: text.slice(k + 1, p).replace(/""/g, '"') });
          return e;
        }
        const e = skipQuoted(k + 1, 34, false);
        pushString(i, e, '"', [k + 1, e - 1]);
        return e;
      }
      case 'kotlin': {
        const tmpl = (k: number): number => (text[k] === '$' && text[k + 1] === '{' ? 2 : text[k] === '$' && isIdentStart(text.charCodeAt(k + 1)) ? -1 : 0);
        if (text.startsWith('"""', i)) {
          let interp = false;
          let k = i + 3;
          while (k < n && !text.startsWith('"""', k)) {
            const t = tmpl(k);
            if (t === 2) {
              interp = true;
              k = skipCode(k + 2, 125);
            } else {
              if (t === -1) interp = true;
              k++;
            }
          }
          let end = Math.min(k + 3, n);
          while (text[end] === '"') end++; // """ closes at the last of a run of quotes
          pushString(i, end, '"', interp ? null : [i + 3, end - 3], true);
          return end;
        }
        if (c === 34) {
          let interp = false;
          let k = i + 1;
          while (k < n) {
            const d = text.charCodeAt(k);
            if (d === 92) k += 2;
            else if (d === 34 || d === 10) break;
            else {
              const t = tmpl(k);
              if (t === 2) {
                interp = true;
                k = skipCode(k + 2, 125);
              } else {
                if (t === -1) interp = true;
                k++;
              }
            }
          }
          const e = text[k] === '"' ? k + 1 : k;
          pushString(i, e, '"', interp ? null : [i + 1, e - 1]);
          return e;
        }
        if (c === 39) {
          const e = skipQuoted(i + 1, 39, false);
          pushString(i, e, "'", [i + 1, e - 1]);
          return e;
        }
        return i;
      }
      case 'rust': {
        let k = i;
        if ((c === 98 || c === 99) && (c2 === 34 || c2 === 114 || c2 === 39)) k++; // b"…", br"…", c"…", b'…'
        if (text[k] === 'r' && (text[k + 1] === '"' || text[k + 1] === '#')) {
          let q = k + 1;
          while (text[q] === '#') q++;
          if (text[q] !== '"') return i;
          const fence = '"' + '#'.repeat(q - k - 1);
          const e = text.indexOf(fence, q + 1);
          const end = e < 0 ? n : e + fence.length;
          pushString(i, end, '"', [q + 1, e < 0 ? n : e], true);
          return end;
        }
        if (text[k] === '"') {
          const e = skipQuoted(k + 1, 34, true);
          pushString(i, e, '"', [k + 1, e - 1]);
          return e;
        }
        if (text[k] === "'") {
          // A char literal or a lifetime/label ('a, 'static).
          if (text[k + 1] === '\\') {
            const e = skipQuoted(k + 1, 39, false);
            pushString(i, e, "'", [k + 1, e - 1]);
            return e;
          }
          const cp = text.codePointAt(k + 1);
          const w = cp !== undefined && cp > 0xffff ? 2 : 1;
          if (text[k + 1 + w] === "'") {
            pushString(i, k + 2 + w, "'", [k + 1, k + 1 + w]);
            return k + 2 + w;
          }
          let e = k + 1;
          while (e < n && isIdentPart(text.charCodeAt(e))) e++;
          push('ident', i, e);
          return e;
        }
        return i;
      }
      case 'swift': {
        let k = i;
        while (text[k] === '#') k++;
        const hashes = k - i;
        if (text[k] !== '"') return i;
        const multi = text.startsWith('"""', k);
        const closeSeq = (multi ? '"""' : '"') + '#'.repeat(hashes);
        const interpSeq = '\\' + '#'.repeat(hashes) + '(';
        const [e, interp] = skipInterpolated(k + (multi ? 3 : 1), closeSeq,
          (p) => (text.startsWith(interpSeq, p) ? interpSeq.length : 0), 41, multi, hashes === 0);
        pushString(i, e, '"', interp || multi ? null : [k + 1, e - closeSeq.length], hashes > 0);
        return e;
      }
      case 'php': {
        if (c === 39) {
          const e = skipQuoted(i + 1, 39, true);
          pushString(i, e, "'", [i + 1, e - 1]);
          return e;
        }
        if (c === 34) {
          const [e, interp] = skipInterpolated(i + 1, '"',
            (p) => (text[p] === '{' && text[p + 1] === '$' ? 1 : text[p] === '$' && isIdentStart(text.charCodeAt(p + 1)) ? -1 : 0), 125, true);
          pushString(i, e, '"', interp ? null : [i + 1, e - 1]);
          return e;
        }
        if (text.startsWith('<<<', i)) {
          const m = /^<<<[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(text.slice(i, i + 200));
          if (!m) return i;
          const id = m[2]!;
          let k = lineEnd(i);
          while (k < n) {
            const ls = k + 1;
            const le = lineEnd(ls);
            const line = text.slice(ls, le).trimStart();
            if (line.startsWith(id) && !isIdentPart(line.charCodeAt(id.length))) {
              const end = ls + (text.slice(ls, le).length - line.length) + id.length;
              pushString(i, end, '"', null);
              return end;
            }
            k = le;
          }
          pushString(i, n, '"', null);
          return n;
        }
        return i;
      }
      case 'python': {
        let k = i;
        while (k < i + 2 && /[rRbBuUfFtT]/.test(text[k] ?? '')) k++;
        const q = text.charCodeAt(k);
        if (q !== 34 && q !== 39) return i;
        if (k > i && !isIdentStart(c)) return i;
        const prefix = text.slice(i, k).toLowerCase();
        const raw = prefix.includes('r');
        const fmt = prefix.includes('f') || prefix.includes('t');
        const triple = text.charCodeAt(k + 1) === q && text.charCodeAt(k + 2) === q;
        const qs = triple ? text.slice(k, k + 3) : text[k]!;
        let p = k + qs.length;
        while (p < n) {
          const d = text.charCodeAt(p);
          if (d === 92) p += 2;
          else if (text.startsWith(qs, p)) break;
          else if (d === 10 && !triple) break;
          else p++;
        }
        const end = text.startsWith(qs, p) ? p + qs.length : p;
        pushString(i, end, text[k]!, fmt || prefix.includes('b') ? null : [k + qs.length, Math.min(p, n)], raw);
        return end;
      }
      case 'ruby': {
        if (c === 39) {
          const e = skipQuoted(i + 1, 39, true);
          pushString(i, e, "'", [i + 1, e - 1]);
          return e;
        }
        if (c === 34 || c === 96) {
          const [e, interp] = skipInterpolated(i + 1, ch, (p) => (text.startsWith('#{', p) ? 2 : 0), 125, true);
          pushString(i, e, ch, interp ? null : [i + 1, e - 1]);
          return e;
        }
        if (c === 58 && (c2 === 34 || c2 === 39) && !(prev()?.text === ':')) {
          // :"symbol" is a symbol, not a string.
          const e = skipQuoted(i + 2, c2, true);
          push('ident', i, e);
          return e;
        }
        if (c === 37 && !endsExpression(prev())) {
          const m = /^%([qQwWiIrsx]?)([^\w\s])/.exec(text.slice(i, i + 3));
          if (!m) return i;
          const open = m[2]!;
          const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
          const closeCh = pairs[open] ?? open;
          let k = i + m[0].length;
          let lvl = 1;
          while (k < n) {
            if (text[k] === '\\') k += 2;
            else if (text[k] === closeCh && --lvl === 0) break;
            else {
              if (text[k] === open && closeCh !== open) lvl++;
              k++;
            }
          }
          const end = Math.min(k + 1, n);
          const kind = m[1]!;
          pushString(i, end, '"', kind === 'q' || kind === '' || kind === 'Q' ? [i + m[0].length, k] : null, kind === 'q');
          return end;
        }
        if (c === 47 && !endsExpression(prev())) {
          const e = skipQuoted(i + 1, 47, true);
          let k = e;
          while (k < n && /[a-z]/.test(text[k]!)) k++;
          push('num', i, k);
          return k;
        }
        if (c === 60 && c2 === 60 && !endsExpression(prev())) {
          const m = /^<<([~-]?)(["'`]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(text.slice(i, i + 100));
          if (!m) return i;
          heredocs.push({ id: m[3]!, squiggly: m[1] !== '' });
          push('str', i, i + m[0].length, { quote: '"' });
          return i + m[0].length;
        }
        return i;
      }
    }
  }

  scan(origin, 0);
  return { tokens: out, hits };
}

/** Offsets of the start of each line. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) starts.push(k + 1);
  return starts;
}
