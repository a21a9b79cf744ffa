import { createEntrySearch, type EntrySearch, type SearchHit } from './search';
import { createSuggester, type Suggester } from './suggest';
import type { CatalogData, EndpointDef, ErrorEntry, Group, TypeDef } from './types';

export type { SearchHit } from './search';

/** The merged, indexed catalog every feature reads from. Lookups are Map-backed. */
export interface Catalog {
  readonly entries: readonly ErrorEntry[];
  readonly types: readonly TypeDef[];
  readonly endpoints: readonly EndpointDef[];
  readonly docs: string;
  /** Distinct string codes (envelope A), sorted. */
  readonly codes: readonly string[];
  byId(id: string): ErrorEntry | undefined;
  /** `'200'` and `200` both find the envelope-B entry. */
  byCode(code: string | number): ErrorEntry[];
  byType(type: string): ErrorEntry[];
  byGroup(group: Group): ErrorEntry[];
  byEndpoint(name: string): ErrorEntry[];
  type(name: string): TypeDef | undefined;
  /** True for an envelope-A (string) code. Numeric envelope-B codes are not: any "200" literal would match. */
  isCode(value: string): boolean;
  isType(value: string): boolean;
  /** The status the type maps to for this code (its status rules first); null for an unknown type. */
  expectedStatus(type: string, code: string | number): number | null;
  suggest(value: string, max?: number): string[];
  /** Entries ranked by how the query matches them (see search.ts), best first. */
  search(query: string, options?: { limit?: number }): SearchHit[];
  /** The entries for `code` that fit the context; all of them when the context rules every one out. */
  narrow(code: string | number, context: { type?: string; group?: Group; endpoint?: string }): ErrorEntry[];
  /** An endpoint whose SDK fragment or path appears in the snippet. */
  endpointIn(snippet: string): EndpointDef | undefined;
}

const NONE: readonly ErrorEntry[] = Object.freeze([]);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Merge keyed items in order; a later item with the same key replaces the earlier one in place. */
function mergeBy<T>(lists: (readonly T[] | undefined)[], key: (t: T) => string): T[] {
  const index = new Map<string, number>();
  const out: T[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!item || typeof item !== 'object') continue;
      const k = key(item);
      const at = index.get(k);
      if (at === undefined) {
        index.set(k, out.length);
        out.push(item);
      } else out[at] = item;
    }
  }
  return out;
}

interface PathMatcher {
  endpoint: EndpointDef;
  re: RegExp;
  /** Literal characters in the path: the more, the more specific the match. */
  weight: number;
  /** The method as a word, e.g. /\bPOST\b/i. */
  method?: RegExp;
}

function pathMatcher(endpoint: EndpointDef): PathMatcher | undefined {
  if (!endpoint.path) return undefined;
  const parts = endpoint.path.split(/\{[^}]*\}/);
  const body = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/\\s\'"`?#{}]+');
  return {
    endpoint,
    re: new RegExp(`${body}(?![\\w/-])`),
    weight: parts.join('').length,
    method: endpoint.method ? new RegExp(`\\b${endpoint.method}\\b`, 'i') : undefined,
  };
}

/**
 * Build the catalog from the built-in data and any user catalogs (in that order). A user entry
 * with an id already present replaces it; types and endpoints merge by name the same way.
 */
export function createCatalog(sources: CatalogData[]): Catalog {
  const valid = (Array.isArray(sources) ? sources : []).filter((s) => s && typeof s === 'object');
  const entries = mergeBy<ErrorEntry>(valid.map((s) => s.errors), (e) => String(e.id));
  const types = mergeBy<TypeDef>(valid.map((s) => s.types), (t) => String(t.name));
  const endpoints = mergeBy<EndpointDef>(valid.map((s) => s.endpoints), (e) => String(e.name));
  const docs = valid.find((s) => typeof s.docs === 'string')?.docs ?? '';

  const ids = new Map<string, ErrorEntry>();
  const byCodeMap = new Map<string, ErrorEntry[]>();
  const byTypeMap = new Map<string, ErrorEntry[]>();
  const byGroupMap = new Map<string, ErrorEntry[]>();
  const byEndpointMap = new Map<string, ErrorEntry[]>();
  const stringCodes = new Set<string>();
  for (const e of entries) {
    ids.set(e.id, e);
    push(byCodeMap, String(e.code), e);
    if (typeof e.code === 'string') {
      stringCodes.add(e.code);
    }
    for (const t of e.types ?? []) push(byTypeMap, t, e);
    push(byGroupMap, e.group, e);
    for (const ep of e.endpoints ?? []) push(byEndpointMap, ep, e);
  }
  const typeMap = new Map(types.map((t) => [t.name, t]));
  const codes = [...stringCodes].sort();
  const sdkFragments = endpoints.flatMap((endpoint) => (endpoint.sdk ?? []).map((fragment) => ({ endpoint, fragment })));
  sdkFragments.sort((a, b) => b.fragment.length - a.fragment.length);
  const paths = endpoints.map(pathMatcher).filter((m): m is PathMatcher => m !== undefined);

  // Both are built on first use: most callers never search, and the catalog must be cheap to build.
  let suggester: Suggester | undefined;
  let index: EntrySearch | undefined;
  const suggest = (value: string, max?: number) => (suggester ??= createSuggester(codes)).suggest(value, max);

  const byCode = (code: string | number): ErrorEntry[] => {
    if (typeof code !== 'string' && typeof code !== 'number') return [];
    return (byCodeMap.get(String(code)) ?? NONE).slice();
  };

  const expectedStatus = (type: string, code: string | number): number | null => {
    const def = typeMap.get(type);
    if (!def) return null;
    const rule = def.statusRules?.find((r) => r.code === String(code));
    return rule ? rule.httpStatus : def.defaultHttpStatus;
  };

  return {
    entries,
    types,
    endpoints,
    docs,
    codes,
    byId: (id) => ids.get(id),
    byCode,
    byType: (type) => (byTypeMap.get(type) ?? NONE).slice(),
    byGroup: (group) => (byGroupMap.get(group) ?? NONE).slice(),
    byEndpoint: (name) => (byEndpointMap.get(name) ?? NONE).slice(),
    type: (name) => typeMap.get(name),
    isCode: (value) => stringCodes.has(value),
    isType: (value) => typeMap.has(value),
    expectedStatus,
    suggest,

    search(query, options) {
      const limit = Math.max(1, Math.min(options?.limit ?? 20, 1000));
      return (index ??= createEntrySearch(entries, types, suggest)).search(query, limit);
    },

    narrow(code, context) {
      let list = byCode(code);
      if (list.length <= 1 || !context) return list;
      const keep = (pred: (e: ErrorEntry) => boolean) => {
        const next = list.filter(pred);
        if (next.length) list = next;
      };
      if (context.type) {
        const type = context.type;
        keep((e) => e.types.includes(type));
      }
      if (context.group) keep((e) => e.group === context.group);
      if (context.endpoint) {
        const ep = context.endpoint;
        keep((e) => e.endpoints.includes(ep));
      }
      // Last, a row that names its own type beats a section's list of possible types.
      if (context.type) {
        const type = context.type;
        keep((e) => e.typeCertain && e.types.includes(type));
      }
      return list;
    },

    endpointIn(snippet) {
      if (typeof snippet !== 'string' || !snippet) return undefined;
      for (const { endpoint, fragment } of sdkFragments) if (snippet.includes(fragment)) return endpoint;
      const text = snippet.length > 20000 ? snippet.slice(0, 20000) : snippet;
      let best: { m: PathMatcher; score: number } | undefined;
      for (const m of paths) {
        const hit = m.re.exec(text);
        if (!hit) continue;
        let score = m.weight * 2;
        // Retrieve and Update share a path; the method written near it decides.
        if (m.method?.test(text)) score += 1;
        if (!best || score > best.score) best = { m, score };
      }
      return best?.m.endpoint;
    },
  };
}
