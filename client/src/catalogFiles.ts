/**
 * Where the client gets its catalog pieces, read at first use instead of inlined in extension.js:
 * the built-in data from catalog/global-acquiring.json (shipped in the .vsix), and the user-catalog
 * validator (ajv, jsonc-parser) from its own bundle, loaded only when a user catalog is configured.
 */
import { readFileSync } from 'node:fs';
import type * as Validate from '../../catalog/src/validate';
import type { ParseCatalogFile } from '../../catalog/src/extraCatalogs';
import type { CatalogData } from '../../catalog/src/types';

export type { ParseCatalogFile };

/** Reads and parses the built-in catalog on the first call, then hands back the same data. */
export function builtinCatalogReader(file: string): () => CatalogData {
  let data: CatalogData | undefined;
  // The file is our own, checked by the unit tests against the schema: no validation here.
  return () => (data ??= JSON.parse(readFileSync(file, 'utf8')) as CatalogData);
}

/** Loads the validator bundle (dist/validateCatalog.js) on the first call. */
export function catalogValidator(bundle: string): () => ParseCatalogFile {
  let parse: ParseCatalogFile | undefined;
  return () => (parse ??= (require(bundle) as typeof Validate).parseCatalogFile);
}
