/**
 * Backslash escapes, read the way each language reads them: every layer that turns the text of a
 * string into its value (the scanners behind hover, diagnostics and the switch fix; JSON and YAML
 * bodies; SDK error text in the decoder) calls this one function with its language's rules.
 */
export interface EscapeRules {
  /** Hex digits after `\x`: at least `xMin`, at most `xMax` (0: the language has no `\x`). */
  xMin: number;
  xMax: number;
  /** `\uXXXX` (Java also allows more than one `u`). */
  u4: boolean;
  /** `\u{X…}` (1 to 6 hex digits). */
  uBraced: boolean;
  /** `\UXXXXXXXX`. */
  u8: boolean;
  /** `\o`, `\oo`, `\ooo` octal; without it `\0` is NUL and other digits stand for themselves. */
  octal: boolean;
  /** One-letter escapes the language knows besides quotes and the backslash (`n` → newline, …). */
  letters: string;
  /** An escape the language does not know keeps its backslash (Python, PHP) instead of losing it. */
  keepUnknown: boolean;
}

const LETTER: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', e: '\x1b', s: ' ', '0': '\0' };

const rules = (r: Partial<EscapeRules>): EscapeRules =>
  ({ xMin: 2, xMax: 2, u4: true, uBraced: true, u8: false, octal: false, letters: 'ntrbfv0', keepUnknown: false, ...r });

/** Per language (the scanners' family names, plus `json`/`yaml` for data). */
export const ESCAPES = {
  js: rules({}),
  java: rules({ xMax: 0, uBraced: false, octal: true, letters: 'ntrbfs' }),
  csharp: rules({ xMin: 1, xMax: 4, uBraced: false, u8: true, letters: 'ntrbfva0' }),
  go: rules({ uBraced: false, u8: true, octal: true, letters: 'ntrbfva' }),
  kotlin: rules({ xMax: 0, uBraced: false, letters: 'ntrb' }),
  swift: rules({ xMax: 0, u4: false, letters: 'ntr0' }),
  rust: rules({ u4: false, letters: 'ntr0' }),
  dart: rules({ letters: 'ntrbfv' }),
  php: rules({ xMin: 1, u4: false, octal: true, letters: 'ntrvef', keepUnknown: true }),
  python: rules({ uBraced: false, u8: true, octal: true, letters: 'ntrbfva', keepUnknown: true }),
  ruby: rules({ xMin: 1, octal: true, letters: 'ntrbfvaes' }),
  json: rules({ xMax: 0, uBraced: false, letters: 'ntrbf' }),
  yaml: rules({ u8: true, letters: 'ntrbfvae0' }),
} satisfies Record<string, EscapeRules>;

/** The escapes every language shares; for text whose language is not known. */
export const COMMON_ESCAPES: EscapeRules = ESCAPES.js;

const HEX = /^[0-9a-fA-F]+$/;

/** The value of string content `raw` under `r`. */
export function unescape(raw: string, r: EscapeRules = COMMON_ESCAPES): string {
  let bs = raw.indexOf('\\');
  if (bs < 0) return raw;
  // copy the runs between escapes in slices: building char by char floods the GC on long strings
  const parts: string[] = [];
  let from = 0;
  while (bs >= 0 && bs + 1 < raw.length) {
    if (bs > from) parts.push(raw.slice(from, bs));
    const next = raw[bs + 1]!;
    // `i`: the last character of the escape
    let i = bs + 1;
    const code = (cp: number, len: number): void => {
      parts.push(String.fromCodePoint(cp));
      i += len;
    };
    if (next === '\n') {
      // a line continuation
    } else if (next === '\r') {
      if (raw[i + 1] === '\n') i++;
    } else if (next === 'x' && r.xMax > 0 && hexRun(raw, i + 1, r.xMax) >= r.xMin) {
      const n = hexRun(raw, i + 1, r.xMax);
      code(parseInt(raw.slice(i + 1, i + 1 + n), 16), n);
    } else if (next === 'u' && r.uBraced && bracedLength(raw, i + 1) > 0) {
      const n = bracedLength(raw, i + 1);
      code(parseInt(raw.slice(i + 2, i + n), 16), n);
    } else if (next === 'u' && r.u4 && hexAfterUs(raw, i) >= 0) {
      const at = hexAfterUs(raw, i);
      parts.push(String.fromCharCode(parseInt(raw.slice(at, at + 4), 16)));
      i = at + 3;
    } else if (next === 'U' && r.u8 && HEX.test(raw.slice(i + 1, i + 9)) && raw.length >= i + 9 && parseInt(raw.slice(i + 1, i + 9), 16) <= 0x10ffff) {
      code(parseInt(raw.slice(i + 1, i + 9), 16), 8);
    } else if (r.octal && next >= '0' && next <= '7') {
      let n = 1;
      while (n < 3 && raw[i + n]! >= '0' && raw[i + n]! <= '7') n++;
      parts.push(String.fromCharCode(parseInt(raw.slice(i, i + n), 8)));
      i += n - 1;
    } else if (r.letters.includes(next)) {
      parts.push(LETTER[next] ?? next);
    } else if (next === '\\' || next === '"' || next === "'" || next === '`' || !r.keepUnknown) {
      parts.push(next);
    } else {
      parts.push('\\', next);
    }
    from = i + 1;
    bs = raw.indexOf('\\', from);
  }
  if (from < raw.length) parts.push(raw.slice(from));
  return parts.join('');
}

/** The length of a `{X…}` code point (1 to 6 hex digits, at most U+10FFFF) at `at`, or 0. */
function bracedLength(raw: string, at: number): number {
  if (raw[at] !== '{') return 0;
  const n = hexRun(raw, at + 1, 7);
  if (n === 0 || n > 6 || raw[at + 1 + n] !== '}' || parseInt(raw.slice(at + 1, at + 1 + n), 16) > 0x10ffff) return 0;
  return n + 2;
}

/** How many hex digits (at most `max`) start at `at`. */
function hexRun(raw: string, at: number, max: number): number {
  let n = 0;
  while (n < max && at + n < raw.length && HEX.test(raw[at + n]!)) n++;
  return n;
}

/** After `\u` at `u` (Java: `\uuu…`), where four hex digits start; -1 when they do not. */
function hexAfterUs(raw: string, u: number): number {
  let at = u + 1;
  while (raw[at] === 'u') at++;
  return hexRun(raw, at, 4) === 4 ? at : -1;
}

/** PHP and Ruby single-quoted strings: only `\\` and `\'` are escapes. */
export function unescapeSingleQuoted(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw;
  return raw.replace(/\\([\\'])/g, '$1');
}
