import data from '../global-acquiring.json';
import { createCatalog, type Catalog } from './catalog';
import type { CatalogData } from './types';

let cached: Catalog | undefined;

/** The bundled UQPAY Global Acquiring data, as data (for merging with user catalogs). */
export function builtinCatalogData(): CatalogData {
  return data as CatalogData;
}

/** The bundled catalog, built once. */
export function loadBuiltinCatalog(): Catalog {
  return (cached ??= createCatalog([builtinCatalogData()]));
}
