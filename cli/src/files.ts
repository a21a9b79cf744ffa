/**
 * The files `check` and `coverage` read: named files as given, folders walked recursively in a stable order,
 * honouring every .gitignore from the repository root down (deeper files can re-include with `!`),
 * never entering node_modules or .git, never following symlinked folders (no cycles).
 */
import { existsSync, readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

interface Rules {
  /** The folder the .gitignore sits in; its patterns are relative to it. */
  dir: string;
  ig: Ignore;
}

export interface CollectedFiles {
  files: string[];
  /** Paths given on the command line that do not exist. */
  missing: string[];
}

/** Absolute paths of every file to check, sorted, without duplicates. */
export function collectFiles(paths: string[], cwd: string, accept: (file: string) => boolean): CollectedFiles {
  const found = new Set<string>();
  const missing: string[] = [];
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isFile()) {
      // A file named explicitly is checked even when ignored: the user asked for it.
      found.add(abs);
    } else if (st.isDirectory()) {
      walk(abs, ancestorRules(abs), found, accept);
    }
  }
  return { files: [...found].sort(), missing };
}

/** .gitignore files of the folders above `dir`, up to the repository root (the folder with .git). */
function ancestorRules(dir: string): Rules[] {
  const chain: string[] = [];
  let d = dirname(dir);
  let root: string | undefined;
  for (;;) {
    chain.unshift(d);
    if (existsSync(join(d, '.git'))) {
      root = d;
      break;
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  // Outside a repository, .gitignore files above the folder given do not apply.
  if (!root) return [];
  return chain.map(readRules).filter((r): r is Rules => r !== undefined);
}

function readRules(dir: string): Rules | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { dir, ig: ignore().add(text) };
}

function isIgnored(abs: string, isDir: boolean, rules: Rules[]): boolean {
  let ignored = false;
  for (const r of rules) {
    const rel = relative(r.dir, abs).split(sep).join('/');
    if (!rel || rel === '..' || rel.startsWith('../')) continue;
    const res = r.ig.test(isDir ? rel + '/' : rel);
    if (res.ignored) ignored = true;
    else if (res.unignored) ignored = false;
  }
  return ignored;
}

function walk(dir: string, inherited: Rules[], found: Set<string>, accept: (file: string) => boolean): void {
  const own = readRules(dir);
  const rules = own ? [...inherited, own] : inherited;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to check there
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) {
      if (ALWAYS_SKIPPED.has(e.name) || isIgnored(abs, true, rules)) continue;
      walk(abs, rules, found, accept);
    } else if (e.isFile()) {
      if (!isIgnored(abs, false, rules) && accept(abs)) found.add(abs);
    }
  }
}

/** Binary files hold NUL bytes early on (the same test git uses); text files do not. */
export function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8000);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** A source file's text, or why it was passed over. */
export type SourceRead = { text: string } | { skipped: 'large' | 'binary' | 'not-a-file' } | { error: string };

/**
 * Reads a source file as the CLI and the coverage index do: over `maxBytes` or binary is skipped,
 * a BOM is dropped. `stat: false` for a file a folder walk just found (saves a stat per file).
 */
export function readSourceFile(file: string, maxBytes: number, stat = true): SourceRead {
  try {
    if (stat) {
      const st = statSync(file);
      // a path given or reported by a file event may be anything (reading a FIFO would block)
      if (!st.isFile()) return { skipped: 'not-a-file' };
      if (st.size > maxBytes) return { skipped: 'large' };
    }
    const buf = readFileSync(file);
    if (buf.length > maxBytes) return { skipped: 'large' };
    if (looksBinary(buf)) return { skipped: 'binary' };
    return { text: buf.toString('utf8').replace(/^\uFEFF/, '') };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}

/** Would a folder walk from `root` skip this file (node_modules, .git, or a .gitignore on the way)? */
export function skippedByWalk(abs: string, root: string): boolean {
  const rel = relative(root, abs);
  if (!rel || rel.startsWith('..')) return true;
  const parts = rel.split(sep);
  if (parts.some((p) => ALWAYS_SKIPPED.has(p))) return true;
  const rules = ancestorRules(root);
  const own = readRules(root);
  if (own) rules.push(own);
  let dir = root;
  for (let i = 0; i < parts.length - 1; i++) {
    dir = join(dir, parts[i]);
    if (isIgnored(dir, true, rules)) return true;
    const r = readRules(dir);
    if (r) rules.push(r);
  }
  return isIgnored(abs, false, rules);
}
