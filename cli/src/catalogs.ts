/**
 * The catalog a command works with: the built-in one plus every `--catalog FILE`. A user file that
 * cannot be read or does not validate is reported on stderr (file, line:column, JSON path) and
 * left out; the built-in catalog always keeps working.
 */
import { readFileSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { builtinCatalogData, createCatalog, loadBuiltinCatalog, parseCatalogFile, type Catalog } from '../../catalog/src/index';
import type { CatalogData, CatalogProblem } from '../../catalog/src/types';

export function loadCatalogs(files: string[], cwd: string, stderr: (text: string) => void): Catalog {
  if (files.length === 0) return loadBuiltinCatalog();
  const extra: CatalogData[] = [];
  for (const file of files) {
    const shown = displayPath(file, cwd);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      stderr(`${shown}: cannot read catalog: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; using the built-in catalog without it\n`);
      continue;
    }
    const { data, problems } = parseCatalogFile(text, shown);
    for (const p of problems) stderr(formatProblem(p, shown) + '\n');
    if (data) extra.push(data);
    else stderr(`${shown}: catalog skipped; the built-in catalog is still used\n`);
  }
  if (extra.length === 0) return loadBuiltinCatalog();
  return createCatalog([builtinCatalogData(), ...extra]);
}

/** `file:line:col: /json/path: message`, the shape compilers use, so editors can jump to it. */
export function formatProblem(p: CatalogProblem, fallbackFile: string): string {
  const file = p.file || fallbackFile;
  const where = p.line !== undefined ? `${file}:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : file;
  // The library's messages sometimes start with the path already: say it once.
  const path = p.path && !p.message.startsWith(p.path) ? ` ${p.path}:` : '';
  return `${where}:${path} ${p.message}`;
}

export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
