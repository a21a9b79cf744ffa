import type { BodyToken, ErrorObject, Literal } from './types';
import { ESCAPES, unescape } from '../../../../catalog/src/unescape';

interface Mapping {
  indent: number;
  start: number;
  code?: BodyToken;
  type?: BodyToken;
  message?: BodyToken;
}

export interface YamlScan {
  /** Every scalar value (quoted or plain), for hover. */
  literals: Literal[];
  objects: ErrorObject[];
}

const KEY_LINE = /^([ \t]*)((?:- +)*)(?:"([^"]*)"|'([^']*)'|([^\s#'"{[\]},:][^:#]*?))[ \t]*:(?:[ \t]+|$)/;

/**
 * Line-based YAML reader for block mappings: key/value lines grouped by indentation (list items
 * open a new mapping), comments, quoted and plain scalars, block scalars skipped.
 * Enough to find `code`/`type`/`message` siblings in fixtures, OpenAPI examples and mocks.
 */
export function scanYaml(text: string, base = 0, end = text.length): YamlScan {
  const literals: Literal[] = [];
  const objects: ErrorObject[] = [];
  const stack: Mapping[] = [];
  let blockIndent = -1; // inside a `|` or `>` block scalar deeper than this

  const pop = (at: number): void => {
    const m = stack.pop()!;
    if (m.code || m.type) objects.push({ start: m.start, end: at, code: m.code, type: m.type, message: m.message, isBody: !!m.code && !!(m.message || m.type) });
  };

  let pos = base;
  while (pos < end) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0 || eol > end) eol = end;
    const line = text.slice(pos, eol);
    const lineStart = pos;
    pos = eol + 1;

    const trimmed = line.trim();
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (trimmed === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (trimmed === '' || trimmed[0] === '#') continue;
    if (trimmed === '---' || trimmed === '...') {
      while (stack.length) pop(lineStart);
      continue;
    }
    const m = KEY_LINE.exec(line);
    if (!m) continue;
    const dashes = m[2] ?? '';
    const keyIndent = m[1].length + dashes.length;
    const key = m[3] ?? m[4] ?? m[5] ?? '';
    // a list item starts a new mapping even at the same column as the previous item's keys
    while (stack.length && (stack[stack.length - 1].indent > keyIndent || (dashes && stack[stack.length - 1].indent >= keyIndent))) pop(lineStart);
    if (!stack.length || stack[stack.length - 1].indent < keyIndent) stack.push({ indent: keyIndent, start: lineStart + m[1].length });
    const map = stack[stack.length - 1];

    const vStart = lineStart + m[0].length;
    const tok = readScalar(text, vStart, eol);
    if (!tok) {
      const rest = text.slice(vStart, eol).trim();
      if (/^[|>]/.test(rest)) blockIndent = keyIndent;
      continue;
    }
    literals.push(tok.lit);
    const body: BodyToken = { start: tok.lit.start, end: tok.lit.end, cStart: tok.lit.cStart, cEnd: tok.lit.cEnd, value: tok.number ?? tok.lit.value };
    if (key === 'code') map.code = body;
    else if (key === 'type') map.type = body;
    else if (key === 'message') map.message = body;
  }
  while (stack.length) pop(end);
  objects.sort((a, b) => a.start - b.start);
  return { literals, objects };
}

function readScalar(text: string, s: number, eol: number): { lit: Literal; number?: number } | undefined {
  let i = s;
  while (i < eol && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i >= eol) return undefined;
  const c = text.charCodeAt(i);
  if (c === 34 || c === 39) {
    let j = i + 1;
    while (j < eol) {
      const x = text.charCodeAt(j);
      if (c === 34 && x === 92) { j += 2; continue; }
      if (x === c) {
        if (c === 39 && text.charCodeAt(j + 1) === 39) { j += 2; continue; }
        break;
      }
      j++;
    }
    const terminated = j < eol;
    const raw = text.slice(i + 1, Math.min(j, eol));
    const value = c === 34 ? unescape(raw, ESCAPES.yaml) : raw.split("''").join("'");
    return { lit: { start: i, end: terminated ? j + 1 : eol, cStart: i + 1, cEnd: Math.min(j, eol), value, terminated, interpolated: false } };
  }
  if (c === 124 || c === 62 || c === 123 || c === 91 || c === 38 || c === 42 || c === 33) return undefined; // | > { [ & * !
  // plain scalar: up to a comment or the end of the line
  let j = i;
  while (j < eol) {
    if (text.charCodeAt(j) === 35 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) break;
    j++;
  }
  while (j > i && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9 || text.charCodeAt(j - 1) === 13)) j--;
  const value = text.slice(i, j);
  const num = /^-?\d+$/.test(value) ? Number(value) : undefined;
  return { lit: { start: i, end: j, cStart: i, cEnd: j, value, terminated: true, interpolated: false }, number: num };
}
