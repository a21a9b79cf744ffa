import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SdkId } from '../../catalog/src/sdkErrors';
import { MANIFEST_FILES, sdksInManifest } from './service';

/** The UQPAY SDKs the manifests at the root of `dir` depend on (unreadable or huge files count as none). */
export function projectSdksOf(dir: string): SdkId[] {
  const found = new Set<SdkId>();
  for (const name of MANIFEST_FILES) {
    const file = join(dir, name);
    try {
      if (statSync(file).size > 2 * 1024 * 1024) continue;
      for (const id of sdksInManifest(name, readFileSync(file, 'utf8'))) found.add(id);
    } catch {
      /* no such manifest */
    }
  }
  return [...found];
}
