/**
 * Loads the language service in process, through the same facade the server uses. Loaded from a
 * repository root, so bench/compare.ts can load another checkout's service beside this one.
 */
import { join } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The part of the service facade (server/src/service/index.ts) the benchmark calls. */
export interface BenchService {
  doValidation(document: TextDocument): unknown[];
  doHover(document: TextDocument, position: { line: number; character: number }): unknown;
  doComplete(document: TextDocument, position: { line: number; character: number }): unknown;
  /** Drops what the service caches for a closed document, when it caches anything. */
  forget?(uri: string): void;
}

export interface ServiceFactory {
  /** Builds the catalog from the bundled data and a service on it (what the server does at start). */
  create(): BenchService;
}

export async function loadServiceFactory(repoRoot = join(__dirname, '..')): Promise<{ factory: ServiceFactory | null; error: string | null }> {
  try {
    const servicePath = join(repoRoot, 'server', 'src', 'service', 'index');
    const catalogPath = join(repoRoot, 'catalog', 'src', 'index');
    const svc = (await import(servicePath)) as { createErrorCodeService?: (o: { catalog: unknown }) => BenchService };
    const cat = (await import(catalogPath)) as { createCatalog?: (d: unknown[]) => unknown; builtinCatalogData?: () => unknown; loadBuiltinCatalog?: () => unknown };
    const createService = svc.createErrorCodeService;
    if (typeof createService !== 'function') return { factory: null, error: 'server/src/service/index.ts exports no createErrorCodeService' };
    const { createCatalog, builtinCatalogData, loadBuiltinCatalog } = cat;
    const makeCatalog =
      typeof createCatalog === 'function' && typeof builtinCatalogData === 'function'
        ? () => createCatalog([builtinCatalogData()])
        : typeof loadBuiltinCatalog === 'function'
          ? () => loadBuiltinCatalog()
          : null;
    if (!makeCatalog) return { factory: null, error: 'catalog/src/index.ts exports neither createCatalog+builtinCatalogData nor loadBuiltinCatalog' };
    return { factory: { create: () => createService({ catalog: makeCatalog() }) }, error: null };
  } catch (e) {
    return { factory: null, error: `cannot load the service in process: ${(e as Error).message.split('\n')[0]}` };
  }
}
