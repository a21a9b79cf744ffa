/** Human rendering of one catalog entry, shared by `lookup` and `decode`. */
import { localize, retryDetail, retryLabel } from '../../catalog/src/index';
import type { ErrorEntry, Lang } from '../../catalog/src/types';
import { aside, label } from './labels';
import { keyValues, type Style } from './output';

export function httpText(statuses: readonly number[], lang: Lang): string {
  return statuses.length ? statuses.join(' / ') : label('unknown', lang);
}

export function typesText(entry: ErrorEntry, lang: Lang): string {
  if (entry.types.length === 0) return label('none', lang);
  const list = entry.types.join(', ');
  return entry.typeCertain ? list : list + aside(label('sectionTypes', lang), lang);
}

export function messageText(entry: ErrorEntry, lang: Lang): string {
  if (entry.message !== null && !entry.messageVaries) return entry.message;
  const base = entry.message ?? '';
  return base ? base + aside(label('varies', lang), lang) : aside(label('varies', lang), lang).trim();
}

/** The heading line and every field of an entry, localized. */
export function renderEntry(entry: ErrorEntry, lang: Lang, style: Style, width: number, indent = 0): string[] {
  const pairs: [string, string][] = [
    [label('code', lang), String(entry.code)],
    [label('group', lang), entry.group],
    [label('envelope', lang), entry.envelope],
    [label('types', lang), typesText(entry, lang)],
    [label('http', lang), httpText(entry.httpStatus, lang)],
    [label('message', lang), messageText(entry, lang)],
  ];
  if (entry.messageExamples?.length) pairs.push([label('examples', lang), entry.messageExamples.join('\n')]);
  if (entry.endpoints.length) pairs.push([label('endpoints', lang), entry.endpoints.join(', ')]);
  pairs.push(
    [label('retry', lang), `${retryLabel(entry.retry, lang)}${aside(entry.retry, lang)}\n${retryDetail(entry.retry, lang)}`],
    [label('summary', lang), localize(entry.summary, lang)],
    [label('advice', lang), localize(entry.advice, lang)],
    [label('docs', lang), entry.docs],
  );
  const pad = ' '.repeat(indent);
  return [`${pad}${style.bold(style.cyan(entry.id))}`, ...keyValues(pairs, { indent: indent + 2, width, style })];
}
