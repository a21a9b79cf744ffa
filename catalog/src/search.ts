import MiniSearch, { type SearchOptions } from 'minisearch';
import { normalizeCode } from './suggest';
import type { ErrorEntry, TypeDef } from './types';

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]+/gu;
const HAN_RUN = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;

/**
 * Words for the index and for queries. Latin text splits on anything that is not a letter or
 * digit (so `refund_amount_exceeded` gives refund/amount/exceeded). Chinese has no spaces: a run
 * of Han characters gives its overlapping pairs, so a two-character word like 退款 is one token
 * wherever it stands (a lone character stays itself; a one-character query prefix-matches pairs).
 * Pairs only, not single characters too: the index stays small and cheap to build.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const word of text.match(WORD) ?? []) {
    if (!HAN.test(word)) {
      out.push(word);
      continue;
    }
    for (const run of word.match(HAN_RUN) ?? []) {
      if (!HAN.test(run)) {
        out.push(run);
        continue;
      }
      const chars = Array.from(run);
      if (chars.length === 1) out.push(run);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    }
  }
  return out;
}

interface Doc {
  id: number;
  code: string;
  message: string;
  en: string;
  zh: string;
  meta: string;
}

/** How a hit matched, strongest first; the list is ordered by tier, then by relevance. */
export type MatchTier = 'exact' | 'prefix' | 'code-words' | 'words' | 'typo' | 'partial';
const TIERS: readonly MatchTier[] = ['exact', 'prefix', 'code-words', 'words', 'typo', 'partial'];

export interface SearchHit {
  entry: ErrorEntry;
  /** Higher is better; every hit of a stronger tier scores above every hit of a weaker one. */
  score: number;
  /** True when the query is the entry's code (ignoring case, spaces and underscores). */
  exact: boolean;
  tier: MatchTier;
}

/** The one search of the catalog: the browser, Look Up and the CLI all rank with it. */
export interface EntrySearch {
  search(query: string, limit: number): SearchHit[];
}

// Section names as the official page titles them, so "出款" or "payout" finds the whole section.
const GROUP_WORDS: Record<string, string> = {
  general: 'general 通用错误',
  payment: 'payment 支付错误',
  refund: 'refund 退款错误',
  customer: 'customer 客户错误',
  payout: 'payout 出款错误',
};

/** Typo hits scoring under this share of the best typo hit are dropped (a single shared letter). */
const TYPO_CUTOFF = 0.3;
/** Partial (some words only) hits under this share of the best one are dropped. */
const PARTIAL_CUTOFF = 0.25;

const lower = (term: string): string => term.toLowerCase();
// A Han pair is a word on its own; a Latin word may be typed half-way (the last one always may).
const prefixOf = (term: string, i: number, terms: string[]): boolean =>
  HAN.test(term) ? term.length === 1 : term.length >= 3 || i === terms.length - 1;
// Typos only make sense in Latin words of some length.
const fuzzyOf = (term: string): number | false => (HAN.test(term) || term.length < 4 ? false : 0.25);

/**
 * Ranks entries for a query in tiers, so a careful user sees what they typed first and noise not
 * at all: the exact code; codes that start with the query (or hold it at a word boundary); entries
 * whose code or API message holds every query word; entries whose explanation holds every word;
 * then, only when none of those matched, typos (of a code, or of every word) and last, entries
 * holding some of the words. A query typed like a code (`refund_amount`) stops after the code and
 * message tiers when they matched: the prose of other entries mentions refunds and amounts too.
 */
export function createEntrySearch(
  entries: readonly ErrorEntry[],
  types: readonly TypeDef[],
  /** The catalog's nearest codes for a misspelling. */
  suggest: (value: string, max: number) => string[],
): EntrySearch {
  const typeText = new Map(types.map((t) => [t.name, `${t.description?.en ?? ''}\n${t.description?.['zh-CN'] ?? ''}`]));
  const mini = new MiniSearch<Doc>({
    fields: ['code', 'message', 'en', 'zh', 'meta'],
    storeFields: [],
    tokenize,
    processTerm: lower,
    searchOptions: { tokenize, processTerm: lower, boost: { code: 4, message: 2 } },
  });
  mini.addAll(
    entries.map((e, id) => ({
      id,
      code: String(e.code),
      message: [e.message ?? '', ...(e.messageExamples ?? [])].join('\n'),
      en: `${e.summary?.en ?? ''}\n${e.advice?.en ?? ''}`,
      zh: `${e.summary?.['zh-CN'] ?? ''}\n${e.advice?.['zh-CN'] ?? ''}`,
      // A row's own type says what kind of error it is; a section's list of types would only add noise.
      meta: `${(e.endpoints ?? []).join('\n')}\n${(e.types ?? []).join(' ')}\n${GROUP_WORDS[e.group] ?? e.group}\n${
        e.typeCertain && e.types?.length === 1 ? typeText.get(e.types[0]) ?? '' : ''
      }`,
    })),
  );
  const norms = entries.map((e) => normalizeCode(String(e.code)));

  const run = (q: string, options: SearchOptions) => mini.search(q, options).map((r) => ({ id: r.id as number, score: r.score }));

  return {
    search(query, limit) {
      const q = typeof query === 'string' ? query.trim().slice(0, 500) : '';
      if (!q) return [];
      const norm = normalizeCode(q);
      const tiers = new Map<MatchTier, { id: number; score: number }[]>(TIERS.map((t) => [t, []]));
      const seen = new Set<number>();
      const add = (tier: MatchTier, id: number, score: number) => {
        if (seen.has(id)) return;
        seen.add(id);
        tiers.get(tier)!.push({ id, score });
      };
      norms.forEach((n, id) => n === norm && add('exact', id, 1));
      if (norm.length >= 2) {
        norms.forEach((n, id) => n.startsWith(norm) && add('prefix', id, 2 - n.length / 1000));
        norms.forEach((n, id) => n.includes(`_${norm}`) && add('prefix', id, 1 - n.length / 1000));
      }
      for (const r of run(q, { fields: ['code', 'message'], combineWith: 'AND', prefix: prefixOf, fuzzy: false })) add('code-words', r.id, r.score);
      const codeLike = /^[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+$/u.test(q) && !HAN.test(q);
      const strong = () => TIERS.slice(0, 3).some((t) => tiers.get(t)!.length > 0);
      if (!(codeLike && strong())) {
        for (const r of run(q, { combineWith: 'AND', prefix: prefixOf, fuzzy: false })) add('words', r.id, r.score);
      }
      if (seen.size === 0) {
        // Only now: a typo tier next to real matches is the noise users complained about.
        // A misspelt code names its code; only a misspelt phrase needs the fuzzy word search.
        suggest(q, 3).forEach((code, i) => norms.forEach((n, id) => n === normalizeCode(code) && add('typo', id, 1e6 - i)));
      }
      if (seen.size === 0) {
        const fuzzy = run(q, { combineWith: 'AND', prefix: prefixOf, fuzzy: fuzzyOf });
        const best = fuzzy[0]?.score ?? 0;
        for (const r of fuzzy) if (r.score >= best * TYPO_CUTOFF) add('typo', r.id, r.score);
      }
      if (seen.size === 0) {
        const partial = run(q, { combineWith: 'OR', prefix: prefixOf, fuzzy: fuzzyOf });
        const best = partial[0]?.score ?? 0;
        for (const r of partial) if (r.score >= best * PARTIAL_CUTOFF) add('partial', r.id, r.score);
      }
      const hits: SearchHit[] = [];
      TIERS.forEach((tier, rank) => {
        const list = tiers.get(tier)!;
        list.sort((a, b) => b.score - a.score || a.id - b.id);
        // Tier first: the score a caller sees keeps the tiers apart and the order within them.
        const top = list[0]?.score || 1;
        for (const r of list) hits.push({ entry: entries[r.id]!, score: TIERS.length - rank + r.score / top / 2, exact: tier === 'exact', tier });
      });
      return hits.slice(0, Math.max(0, limit));
    },
  };
}
