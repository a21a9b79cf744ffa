import { DIALECTS, scanCLike } from './clike';
import { scanPython } from './python';
import { scanRuby } from './ruby';
import type { Family, Literal } from './types';

export type { Literal, Family, ErrorObject, BodyToken } from './types';
export { SKIP_COMMENT, SKIP_NAME, SKIP_VALUE } from './types';
export { scanJson } from './json';
export { scanYaml } from './yaml';
export { scanText } from './text';
export { findFences } from './markdown';

/**
 * String literals of a code region (the C-like languages, Python, Ruby). `skips`, when given, is
 * filled with the comments and other non-code stretches passed over (types.ts `SKIP_*`).
 */
export function scanCode(family: Family, text: string, start = 0, end = text.length, skips?: number[]): Literal[] {
  switch (family) {
    case 'python': return scanPython(text, start, end, skips);
    case 'ruby': return scanRuby(text, start, end, skips);
    case 'js': case 'java': case 'csharp': case 'go': case 'kotlin': case 'swift': case 'rust': case 'php': case 'dart':
      return scanCLike(text, DIALECTS[family], start, end, skips ? { skips } : undefined);
    default: return [];
  }
}
