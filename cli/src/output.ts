/**
 * Terminal output: colour (only on a TTY without NO_COLOR, or when forced), display widths that
 * count CJK characters as two columns, aligned tables and key/value blocks.
 */
import type { ColorMode } from './args';

export interface Style {
  readonly enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  magenta(s: string): string;
}

export function shouldColor(mode: ColorMode, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  // https://no-color.org: any non-empty value turns colour off.
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

export function createStyle(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) => (enabled && s ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
    magenta: wrap(35, 39),
  };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** Columns a string takes in a terminal: wide (CJK, full-width) characters take two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of stripAnsi(s)) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    if (cp >= 0x300 && cp <= 0x36f) continue; // combining marks
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/** Cut a string to at most `width` columns, marking the cut with an ellipsis. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

/**
 * Break text into lines of at most `width` columns, at spaces for Latin text and between any two
 * characters for CJK text (which has no spaces). `width <= 0` means no wrapping.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    if (width <= 0 || displayWidth(para) <= width) {
      lines.push(para);
      continue;
    }
    let line = '';
    let lineW = 0;
    // Tokens: a run of non-space Latin characters, a single wide character, or spaces.
    for (const token of para.match(/[\u1100-\u115f\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]|\s+|[^\s\u1100-\u115f\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]+/g) ?? []) {
      const tw = displayWidth(token);
      if (/^\s+$/.test(token)) {
        if (line && lineW + tw <= width) {
          line += token;
          lineW += tw;
        }
        continue;
      }
      if (lineW + tw > width && line) {
        lines.push(line.trimEnd());
        line = '';
        lineW = 0;
      }
      line += token;
      lineW += tw;
    }
    if (line) lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * Rows of cells laid out in aligned columns separated by two spaces. The last column is not
 * padded; when `maxWidth` is given it is truncated to fit.
 */
export function table(rows: string[][], maxWidth?: number): string[] {
  if (rows.length === 0) return [];
  const cols = Math.max(...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < cols - 1; c++) widths[c] = Math.max(...rows.map((r) => displayWidth(r[c] ?? '')));
  return rows.map((r) => {
    let line = '';
    for (let c = 0; c < r.length; c++) {
      const cell = r[c] ?? '';
      if (c < r.length - 1) {
        line += padEnd(cell, widths[c]) + '  ';
      } else if (maxWidth && maxWidth > 0) {
        const room = Math.max(10, maxWidth - displayWidth(line));
        line += truncate(cell, room);
      } else {
        line += cell;
      }
    }
    return line.trimEnd();
  });
}

/**
 * `label  value` lines with every value starting in the same column; long values wrap under
 * themselves when a width is known.
 */
export function keyValues(pairs: [string, string][], options: { indent?: number; width?: number; style?: Style } = {}): string[] {
  const indent = ' '.repeat(options.indent ?? 0);
  const labelW = Math.max(0, ...pairs.map(([k]) => displayWidth(k)));
  const valueW = options.width ? Math.max(20, options.width - indent.length - labelW - 2) : 0;
  const lines: string[] = [];
  for (const [key, value] of pairs) {
    const label = options.style ? options.style.dim(padEnd(key, labelW)) : padEnd(key, labelW);
    const wrapped = wrapText(value, valueW);
    wrapped.forEach((v, i) => {
      lines.push(`${indent}${i === 0 ? label : ' '.repeat(labelW)}  ${v}`.trimEnd());
    });
  }
  return lines;
}
