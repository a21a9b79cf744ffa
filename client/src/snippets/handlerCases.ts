/** The cases a handler gets for a set of catalog entries: one per code, with a one-line comment. */
import { adviceLine } from '../../../catalog/src/adviceLine';
import type { ErrorEntry, Lang } from '../../../catalog/src/types';

/** Handler cases for a set of codes: the comment is the advice line in `lang` (as the missing-cases fix writes it). */
export function casesFor(entries: readonly Pick<ErrorEntry, 'code' | 'advice' | 'retry'>[], lang: Lang) {
  const seen = new Set<string>();
  const cases: { code: string | number; comment: string }[] = [];
  for (const e of entries) {
    const key = String(e.code);
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push({ code: e.code, comment: adviceLine(e, lang) });
  }
  return cases;
}
