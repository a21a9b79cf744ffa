export * from './types';
export { createCatalog, type Catalog, type SearchHit } from './catalog';
export { loadBuiltinCatalog, builtinCatalogData } from './builtin';
export { parseCatalogFile } from './validate';
export { decode, DECODE_HELP, type DecodeOptions } from './decode';
export { redact, redactWith, secretsIn, REDACTED } from './redact';
export { localize, retryLabel, retryDetail } from './localize';
export { normalizeCode } from './suggest';
