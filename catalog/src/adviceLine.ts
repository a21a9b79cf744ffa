/**
 * The one line of advice generated code carries in a comment for an error code: the first
 * sentence (or clause) of the advice in the reader's language, else the retry verdict; safe in a
 * comment of any language we write. The missing-cases fix and the handler skeletons both use it.
 */
import { commentSafe } from './commentSafe';
import { localize, retryLabel } from './localize';
import type { ErrorEntry, Lang } from './types';

/** One line saying what to do: the first sentence (or clause) of the advice, else the retry verdict. */
export function adviceLine(entry: Pick<ErrorEntry, 'advice' | 'retry'>, lang: Lang): string {
  const max = lang === 'zh-CN' ? 60 : 100;
  // Asides in parentheses go first: the sentence must still read as a whole without them.
  const advice = localize(entry.advice, lang)
    .replace(/\s*[(（][^()（）]*[)）]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  let line = firstSentence(advice, lang);
  if (line.length > max) {
    const clause = firstClause(line, lang);
    line = clause.length >= 12 && clause.length <= max ? clause : '';
  }
  if (!line) line = retryLabel(entry.retry, lang);
  line = line.replace(/[.。]$/, '');
  return commentSafe(line);
}

/** The text up to the first `;` or `:` that is outside quotes and not part of a URL. */
function firstClause(text: string, lang: Lang): string {
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    const next = text[k + 1] ?? ' ';
    const breaks = lang === 'zh-CN'
      ? c === '；' || c === '：' || ((c === ';' || c === ':') && next !== '/')
      : (c === ';' || c === ':') && next === ' ';
    if (breaks) return text.slice(0, k).trim();
  }
  return text;
}

function firstSentence(text: string, lang: Lang): string {
  if (lang === 'zh-CN') {
    const m = /^[^。！？]*[。！？]?/.exec(text);
    return (m?.[0] ?? text).trim();
  }
  // A sentence ends at ". " before a capital letter; "e.g." and "i.e." do not end one.
  const m = /^.*?(?<!\be\.g|\bi\.e)[.!?](?=\s+[A-Z`"]|$)/.exec(text);
  return (m?.[0] ?? text).trim();
}
