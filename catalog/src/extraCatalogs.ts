/**
 * Users' extra catalogs (`uqpayErrors.extraCatalogs`, `--catalog FILE`), the same way for every
 * host: which entries of the setting count, how each workspace folder's entries resolve, what a
 * file that cannot be read or does not validate becomes, and how the pieces combine with the
 * built-in catalog (paths: catalogPaths.ts). The hosts (language server, extension, CLI) only read files, each with its own
 * file API, and report problems in their own words.
 */
import { createCatalog, type Catalog } from './catalog';
import type { CatalogData, CatalogProblem } from './types';

/** validate.ts's parseCatalogFile, injected: the validator is loaded only when a file is configured. */
export type ParseCatalogFile = (text: string, file: string) => { data: CatalogData | null; problems: CatalogProblem[] };

/** One configured file after reading and validation: `data` only when it has no problem. */
export interface LoadedCatalogFile {
  file: string;
  data: CatalogData | null;
  problems: CatalogProblem[];
}

/** What a file's text (or the error reading it) amounts to; a file with any problem is left out whole. */
export function loadedCatalogFile(file: string, text: string | Error, parse: ParseCatalogFile): LoadedCatalogFile {
  if (text instanceof Error) {
    const code = (text as NodeJS.ErrnoException).code;
    return { file, data: null, problems: [{ file, path: '', message: `cannot read catalog: ${code ?? text.message}` }] };
  }
  const { data, problems } = parse(text, file);
  return { file, data: problems.length ? null : data, problems };
}

/**
 * The built-in data plus every file that loaded. Should the pieces not combine, the built-in
 * catalog alone, and `error` says why: a user's file never takes the built-in catalog away.
 */
export function combineCatalogs(
  builtin: CatalogData,
  loaded: readonly LoadedCatalogFile[],
  builtinCatalog: () => Catalog = () => createCatalog([builtin]),
): { catalog: Catalog; sources: CatalogData[]; error?: string } {
  const sources = [builtin, ...loaded.flatMap((l) => (l.data ? [l.data] : []))];
  if (sources.length === 1) return { catalog: builtinCatalog(), sources };
  try {
    return { catalog: createCatalog(sources), sources };
  } catch (e) {
    return { catalog: builtinCatalog(), sources: [builtin], error: e instanceof Error ? e.message : String(e) };
  }
}
