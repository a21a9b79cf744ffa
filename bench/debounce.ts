/**
 * Finds the server's didChange debounce in its source, so the edit timing can be reported both raw
 * and without it, each labelled, instead of silently subtracting a guess.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DebounceInfo {
  ms: number;
  /** `file:line` of the constant, relative to the repository. */
  where: string;
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** A numeric constant whose name or line mentions debounce, e.g. `const DEBOUNCE_MS = 150`. */
const DEBOUNCE_LINE = /debounce\w*\s*(?::\s*\w+\s*)?[=:]\s*(\d+(?:_\d+)*)\b/i;

export function findDebounce(serverSrc: string, repoRoot = join(serverSrc, '..', '..')): DebounceInfo | null {
  for (const file of tsFiles(serverSrc)) {
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
