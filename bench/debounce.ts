/**
 * Finds the server's didChange debounce in its source, so the edit timing can be reported both raw
 * and without it, each labelled, instead of silently subtracting a guess.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder } from './snapshots';

export interface DebounceInfo {
  ms: number;
  /** `file:line` of the constant, relative to the repository. */
  where: string;
}

/** A numeric constant whose name or line mentions debounce, e.g. `const DEBOUNCE_MS = 150`. */
const DEBOUNCE_LINE = /debounce\w*\s*(?::\s*\w+\s*)?[=:]\s*(\d+(?:_\d+)*)\b/i;

export function findDebounce(serverSrc: string, repoRoot = join(serverSrc, '..', '..')): DebounceInfo | null {
  for (const file of filesUnder(serverSrc, (path) => path.endsWith('.ts'))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = DEBOUNCE_LINE.exec(lines[i]);
      if (m && !lines[i].trimStart().startsWith('//') && !lines[i].trimStart().startsWith('*')) {
        return { ms: Number(m[1].replace(/_/g, '')), where: `${relative(repoRoot, file)}:${i + 1}` };
      }
    }
  }
  return null;
}
