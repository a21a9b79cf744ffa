/**
 * The SDK error classes and predicates whose check in an error path handles errors, and the codes
 * each one handles: exactly the codes catalog/src/sdkErrors.ts says reach it (`sdkMemberCodes`).
 * Base classes handle nothing, and neither do code constants or mappers (not a check).
 */
import type { Catalog } from '../../../../catalog/src/catalog';
import { SDKS, SDK_MEMBERS, sdkMemberEntries } from '../../../../catalog/src/sdkErrors';
import type { Family } from '../scanners/types';

const cache = new WeakMap<Catalog, Map<Family, ReadonlyMap<string, ReadonlySet<string>>>>();

/** Class / predicate name → the codes it handles, for the SDKs a family's files use; names handling none left out. */
export function sdkClassCodes(catalog: Catalog, family: Family): ReadonlyMap<string, ReadonlySet<string>> {
  let byFamily = cache.get(catalog);
  const hit = byFamily?.get(family);
  if (hit) return hit;
  const out = new Map<string, Set<string>>();
  for (const m of SDK_MEMBERS) {
    if (m.kind === 'code' || m.base || !m.reaches) continue;
    if (!SDKS.some((s) => s.id === m.sdk && (s.families as readonly string[]).includes(family))) continue;
    // every way the entry can arrive must reach it: an entry whose type may or may not be `not_found` is not handled by NotFoundError
    const { certain } = sdkMemberEntries(catalog, m);
    if (!certain.length) continue;
    const set = out.get(m.name) ?? new Set<string>();
    for (const e of certain) set.add(e.id);
    out.set(m.name, set);
  }
  if (!byFamily) cache.set(catalog, (byFamily = new Map()));
  byFamily.set(family, out);
  return out;
}
