import { distance } from 'fastest-levenshtein';

/** Lower case, and spaces/hyphens/dots as underscores, so `Invalid Idempotency-Key Format` meets `invalid idempotency key format`. */
export function normalizeCode(value: string): string {
  return value.trim().toLowerCase().replace(/[\s\-.]+/g, '_');
}

export interface Suggester {
  suggest(value: string, max?: number): string[];
}

/** Nearest codes for a misspelling, by edit distance on normalised forms. */
export function createSuggester(codes: readonly string[]): Suggester {
  const normalized = codes.map((code) => ({ code, norm: normalizeCode(code) }));
  return {
    suggest(value: string, max = 3): string[] {
      if (typeof value !== 'string') return [];
      const norm = normalizeCode(value);
      // Codes are short; anything much longer is a sentence, not a misspelling.
      if (norm.length === 0 || norm.length > 80) return [];
      const scored: { code: string; d: number }[] = [];
      for (const c of normalized) {
        if (c.code === value) continue;
        // Allow about one edit per four characters, at least one, so short words do not match everything.
        const limit = Math.max(1, Math.floor(Math.min(norm.length, c.norm.length) / 4));
        // the distance is at least the difference in length: most codes are ruled out without computing it
        if (Math.abs(c.norm.length - norm.length) > limit) continue;
        const d = distance(norm, c.norm);
        if (d <= limit) scored.push({ code: c.code, d });
      }
      scored.sort((a, b) => a.d - b.d || a.code.localeCompare(b.code));
      return scored.slice(0, Math.max(0, max)).map((s) => s.code);
    },
  };
}
