import type { Position } from 'vscode-languageserver-types';

/**
 * Line starts of a text, found with `indexOf` (native, many times faster than a loop over every
 * character): validation turns offsets into positions without making the TextDocument index its
 * lines, which cost more than the whole scan of a large file. Line breaks are `\n`, `\r\n` and a
 * lone `\r`, as in vscode-languageserver-textdocument.
 */
export function lineStarts(text: string): number[] {
  const out = [0];
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
    return out;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    } else if (c === 10) out.push(i + 1);
  }
  return out;
}

/**
 * Line starts after an edit that replaced `[start, oldEnd)` of the old text by `[start, newEnd)`
 * of `text`: the old ones before the edit, the edit's own, the old ones after it shifted. Undefined
 * when the text has a `\r` (a `\r\n` may straddle the edit: count again).
 */
export function updatedLineStarts(prev: readonly number[], text: string, start: number, oldEnd: number, newEnd: number): number[] | undefined {
  if (text.indexOf('\r') >= 0) return undefined;
  const out = prev.slice(0, lineOfOffset(prev, start) + 1);
  for (let i = text.indexOf('\n', start); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  const delta = newEnd - oldEnd;
  for (let j = lineOfOffset(prev, oldEnd) + 1; j < prev.length; j++) out.push(prev[j] + delta);
  return out;
}

/** The line holding `offset`: the last line start at or before it (0 for offsets before the text). */
export function lineOfOffset(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The position of `offset` (clamped to the text) given the text's line starts. */
export function positionIn(starts: readonly number[], text: string, offset: number): Position {
  let o = Math.max(0, Math.min(offset, text.length));
  const line = lineOfOffset(starts, o);
  // inside a `\r\n`: the end of the line, as the TextDocument says
  while (o > starts[line] && (text.charCodeAt(o - 1) === 13 || text.charCodeAt(o - 1) === 10)) o--;
  return { line, character: o - starts[line] };
}

export interface Line {
  start: number;
  end: number;
  indent: number;
  text: string;
}

/** The `\n`-ended line that holds offset `p`: its bounds, indentation and text. */
export function lineAt(text: string, p: number): Line {
  const start = text.lastIndexOf('\n', p - 1) + 1;
  let end = text.indexOf('\n', p);
  if (end < 0) end = text.length;
  const t = text.slice(start, end);
  return { start, end, indent: t.length - t.trimStart().length, text: t };
}
