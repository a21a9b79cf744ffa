/**
 * Where users' extra catalogs are (`uqpayErrors.extraCatalogs`, `--catalog FILE`): which entries
 * of the setting count and how each workspace folder's entries resolve. Every host calls this,
 * with its own path type (a path string, a vscode.Uri); loading is extraCatalogs.ts.
 */

/** POSIX, Windows drive or UNC: the path does not depend on a folder. */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** The entries of an `extraCatalogs` value that name a file (non-empty strings). */
export function extraCatalogEntries(setting: unknown): string[] {
  return Array.isArray(setting) ? setting.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
}

/**
 * One workspace folder's catalog files: absolute entries as written, relative ones inside that
 * folder (each folder's setting against its own folder). `P` is the host's path type.
 */
export function resolveExtraCatalogs<P>(setting: unknown, folder: P, path: { absolute(p: string): P; join(folder: P, relative: string): P }): P[] {
  return extraCatalogEntries(setting).map((p) => (isAbsolutePath(p) ? path.absolute(p) : path.join(folder, p.replace(/\\/g, '/'))));
}
