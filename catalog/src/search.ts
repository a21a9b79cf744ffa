import MiniSearch from 'minisearch';
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

export interface EntryIndex {
  /** Entries with their relevance, best first (no exact-code handling: the catalog adds that). */
  query(text: string, limit: number): { entry: ErrorEntry; score: number }[];
}

// Section names as the official page titles them, so "出款" or "payout" finds the whole section.
const GROUP_WORDS: Record<string, string> = {
  general: 'general 通用错误',
  payment: 'payment 支付错误',
  refund: 'refund 退款错误',
  customer: 'customer 客户错误',
  payout: 'payout 出款错误',
};

/** A full-text index over the entries, in both languages. */
export function createEntryIndex(entries: readonly ErrorEntry[], types: readonly TypeDef[] = []): EntryIndex {
  const typeText = new Map(types.map((t) => [t.name, `${t.description?.en ?? ''}\n${t.description?.['zh-CN'] ?? ''}`]));
  const mini = new MiniSearch<Doc>({
    fields: ['code', 'message', 'en', 'zh', 'meta'],
    storeFields: [],
    tokenize,
    processTerm: (term) => term.toLowerCase(),
    searchOptions: {
      tokenize,
      processTerm: (term) => term.toLowerCase(),
      boost: { code: 4, message: 2 },
      // Typos only make sense in Latin words of some length; a Han pair is a word on its own.
      fuzzy: (term) => (HAN.test(term) || term.length < 4 ? false : 0.25),
      prefix: (term) => (HAN.test(term) ? term.length === 1 : term.length >= 3),
      combineWith: 'OR',
    },
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
  return {
    query(text: string, limit: number) {
      if (!text.trim()) return [];
      return mini
        .search(text)
        .slice(0, limit)
        .map((r) => ({ entry: entries[r.id as number], score: r.score }));
    },
  };
}
