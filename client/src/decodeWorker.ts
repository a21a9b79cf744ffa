/**
 * Worker thread of the extension host that runs `decode`, so a 10 MB paste never stalls the
 * extension host (which every extension shares). Bundled to dist/decodeWorker.js.
 */
import { parentPort } from 'node:worker_threads';
import { createCatalog, type Catalog } from '../../catalog/src/catalog';
import { decode } from '../../catalog/src/decode';
import type { CatalogData } from '../../catalog/src/types';
import type { DecodeRequest, DecodeResponse } from './decoder';

let catalog: Catalog | undefined;

parentPort?.on('message', (m: DecodeRequest) => {
  let reply: DecodeResponse;
  try {
    if (m.sources) catalog = createCatalog(m.sources as CatalogData[]);
    if (!catalog) throw new Error('no catalog sent');
    reply = { id: m.id, result: decode(m.text, catalog) };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
