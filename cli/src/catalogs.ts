/**
 * The catalog a command works with: the built-in one plus every `--catalog FILE`. A user file that
 * cannot be read or does not validate is reported on stderr (file, line:column, JSON path) and
 * left out; the built-in catalog always keeps working.
 */
import { readFileSync } from 'node:fs';
import { relative, isAbsolute, resolve } from 'node:path';
import { builtinCatalogData, loadBuiltinCatalog, parseCatalogFile, type Catalog } from '../../catalog/src/index';
import { resolveExtraCatalogs } from '../../catalog/src/catalogPaths';
import { combineCatalogs, loadedCatalogFile } from '../../catalog/src/extraCatalogs';
import type { CatalogProblem } from '../../catalog/src/types';

export function loadCatalogs(files: string[], cwd: string, stderr: (text: string) => void): Catalog {
  if (files.length === 0) return loadBuiltinCatalog();
  // `--catalog` paths are relative to the working directory, as a folder's setting is to its folder
  const loaded = resolveExtraCatalogs(files, cwd, { absolute: (p) => p, join: (folder, p) => resolve(folder, p) }).map((file) => {
    const shown = displayPath(file, cwd);
    let text: string | Error;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      text = e as Error;
    }
    const result = loadedCatalogFile(shown, text, parseCatalogFile);
    for (const p of result.problems) stderr(formatProblem(p, shown) + '\n');
    if (!result.data) stderr(`${shown}: catalog skipped; the built-in catalog is still used\n`);
    return result;
  });
  const { catalog, error } = combineCatalogs(builtinCatalogData(), loaded, loadBuiltinCatalog);
  if (error) stderr(`extra catalogs ignored: ${error}\n`);
  return catalog;
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
