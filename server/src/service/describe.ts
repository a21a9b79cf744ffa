import type { Catalog } from '../../../catalog/src/catalog';
import { localize, retryLabel } from '../../../catalog/src/localize';
import type { ErrorEntry, Group, Lang, TypeDef } from '../../../catalog/src/types';

/** Markdown blocks shared by hover and completion documentation. */

const GROUP_NAMES: Record<Group, { en: string; 'zh-CN': string }> = {
  general: { en: 'General errors', 'zh-CN': '通用错误' },
  payment: { en: 'Payment errors', 'zh-CN': '支付错误' },
  refund: { en: 'Refund errors', 'zh-CN': '退款错误' },
  customer: { en: 'Customer errors', 'zh-CN': '客户错误' },
  payout: { en: 'Payout errors', 'zh-CN': '出款错误' },
};

const L = {
  codeTitle: { en: 'UQPAY error code', 'zh-CN': 'UQPAY 错误码' },
  typeTitle: { en: 'UQPAY error type', 'zh-CN': 'UQPAY 错误类型' },
  type: { en: 'Type', 'zh-CN': '类型' },
  oneOf: { en: 'one of', 'zh-CN': '以下之一：' },
  noType: { en: 'none (envelope B: numeric code, no type)', 'zh-CN': '无（信封 B：数字 code，没有 type）' },
  envelopeB: { en: 'envelope B', 'zh-CN': '信封 B' },
  status: { en: 'HTTP status', 'zh-CN': 'HTTP 状态码' },
  unknownStatus: { en: 'not documented', 'zh-CN': '文档未说明' },
  message: { en: 'API message', 'zh-CN': 'API 返回的消息' },
  varies: { en: 'varies, e.g.', 'zh-CN': '随场景变化，例如' },
  meaning: { en: 'Meaning', 'zh-CN': '含义' },
  todo: { en: 'What to do', 'zh-CN': '处理建议' },
  retry: { en: 'Retry', 'zh-CN': '重试' },
  endpoints: { en: 'Endpoints', 'zh-CN': '相关接口' },
  open: { en: 'Open in the UQPAY catalog', 'zh-CN': '在 UQPAY 错误目录中打开' },
  docs: { en: 'API docs', 'zh-CN': 'API 文档' },
  shared: { en: 'This code is used by several groups', 'zh-CN': '多个分组都使用这个错误码' },
  codes: { en: 'Codes', 'zh-CN': '错误码' },
  otherwise: { en: '{0} otherwise', 'zh-CN': '其余为 {0}' },
};

/** Punctuation of each language: Chinese text takes full-width marks. */
const P = {
  colon: { en: ':', 'zh-CN': '：' },
  comma: { en: ', ', 'zh-CN': '、' },
  semicolon: { en: '; ', 'zh-CN': '；' },
  open: { en: ' (', 'zh-CN': '（' },
  close: { en: ')', 'zh-CN': '）' },
};

/** A bold field label with the language's colon: `**Type:**`, `**类型：**`. */
function label(key: keyof typeof L, lang: Lang): string {
  return `**${t(key, lang)}${P.colon[lang]}**`;
}

/** A parenthesis in the language's marks. */
function paren(text: string, lang: Lang): string {
  return `${P.open[lang]}${text}${P.close[lang]}`;
}

export function t(key: keyof typeof L, lang: Lang): string {
  return L[key][lang];
}

export function groupName(group: Group, lang: Lang): string {
  return GROUP_NAMES[group]?.[lang] ?? group;
}

/** The statuses an entry can come with, computed from its types and the type table's rules. */
export function entryStatuses(catalog: Catalog, e: ErrorEntry): number[] {
  const set = new Set<number>();
  for (const type of e.types) {
    const s = catalog.expectedStatus(type, e.code);
    if (s !== null) set.add(s);
  }
  if (set.size === 0) for (const s of e.httpStatus) set.add(s);
  return [...set].sort((a, b) => a - b);
}

function code(s: string | number): string {
  return '`' + String(s).replace(/`/g, '\u02cb').replace(/[\r\n]+/g, ' ') + '`';
}

/**
 * Catalog text as plain Markdown text: a user's extra catalog must not be able to add links,
 * command URIs, HTML or formatting to a hover (the client trusts our command links).
 */
export function md(text: string): string {
  return String(text).replace(/[\\`*_[\]()<>#!|~{}]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

/** Only http(s) links with nothing that could close the Markdown link; otherwise none. */
export function safeUrl(url: string | undefined): string | undefined {
  return typeof url === 'string' && /^https?:\/\/[^\s()<>[\]"'`\\]+$/.test(url) ? url : undefined;
}

function docsLink(catalog: Catalog, url: string | undefined, lang: Lang): string {
  const u = safeUrl(url) ?? safeUrl(catalog.docs);
  return u ? ` · [${t('docs', lang)}](${u})` : '';
}

export function commandLink(entryId: string): string {
  return `command:uqpayErrors.openCatalog?${encodeURIComponent(JSON.stringify([entryId]))}`;
}

/** One-line detail for completion items: type(s) and status. */
export function entryDetail(catalog: Catalog, entries: readonly ErrorEntry[], lang: Lang): string {
  const types = [...new Set(entries.flatMap((e) => e.types))];
  const statuses = [...new Set(entries.flatMap((e) => entryStatuses(catalog, e)))].sort((a, b) => a - b);
  const typePart = types.length === 0 ? t('envelopeB', lang) : types.length > 2 ? `${types.slice(0, 2).join(' | ')} | …` : types.join(' | ');
  return `${typePart}${statuses.length ? ` · HTTP ${statuses.join('/')}` : ''}`;
}

/** Markdown for one entry (without the title). */
export function entrySection(catalog: Catalog, e: ErrorEntry, lang: Lang, withGroupHeading: boolean): string {
  const lines: string[] = [];
  if (withGroupHeading) lines.push(`**${md(groupName(e.group, lang))}**`, '');
  const list = (items: string[]) => items.join(P.comma[lang]);
  const oneOf = lang === 'zh-CN' ? t('oneOf', lang) : `${t('oneOf', lang)} `;
  const typeText = e.types.length === 0 ? t('noType', lang)
    : e.types.length === 1 ? code(e.types[0])
    : `${oneOf}${list(e.types.map(code))}`;
  const statuses = entryStatuses(catalog, e);
  const varies = lang === 'zh-CN' ? t('varies', lang) : `${t('varies', lang)} `;
  lines.push(`- ${label('type', lang)} ${typeText}`);
  lines.push(`- ${label('status', lang)} ${statuses.length ? statuses.join(' / ') : t('unknownStatus', lang)}`);
  if (e.message !== null) lines.push(`- ${label('message', lang)} ${code(e.message)}`);
  else if (e.messageExamples?.length) lines.push(`- ${label('message', lang)} ${varies}${list(e.messageExamples.slice(0, 3).map(code))}`);
  lines.push(`- ${label('meaning', lang)} ${md(localize(e.summary, lang))}`);
  lines.push(`- ${label('todo', lang)} ${md(localize(e.advice, lang))}`);
  lines.push(`- ${label('retry', lang)} ${md(retryLabel(e.retry, lang))}`);
  if (e.endpoints.length) lines.push(`- ${label('endpoints', lang)} ${e.endpoints.map(md).join(' · ')}`);
  lines.push('', `[${t('open', lang)}](${commandLink(e.id)})${docsLink(catalog, e.docs, lang)}`);
  return lines.join('\n');
}

/** Markdown for a code: every (narrowed) entry that uses it. */
export function codeMarkdown(catalog: Catalog, value: string | number, entries: readonly ErrorEntry[], lang: Lang): string {
  const parts = [`**${code(value)}** · ${t('codeTitle', lang)}`];
  if (entries.length > 1) parts.push(`_${t('shared', lang)}${P.colon[lang]} ${entries.map((e) => md(groupName(e.group, lang))).join(P.comma[lang])}_`);
  for (const e of entries) parts.push(entrySection(catalog, e, lang, entries.length > 1));
  return parts.join('\n\n');
}

/** Markdown for a type: its status and its codes. */
export function typeMarkdown(catalog: Catalog, def: TypeDef, lang: Lang): string {
  const codes = [...new Set(catalog.byType(def.name).map((e) => String(e.code)))];
  const rules = (def.statusRules ?? []).map((r) => `${code(r.code)} → ${r.httpStatus}`).join(P.comma[lang]);
  const otherwise = t('otherwise', lang).replace('{0}', String(def.defaultHttpStatus));
  const lines = [
    `**${code(def.name)}** · ${t('typeTitle', lang)}`,
    '',
    `- ${label('status', lang)} ${def.httpStatus.join(' / ')}${rules ? paren(`${rules}${P.semicolon[lang]}${otherwise}`, lang) : ''}`,
    `- ${md(localize(def.description, lang))}`,
    `- **${t('codes', lang)}${paren(String(codes.length), lang)}${P.colon[lang]}** ${codes.map(code).join(', ')}`,
  ];
  const docs = safeUrl(catalog.docs);
  if (docs) lines.push('', `[${t('docs', lang)}](${docs})`);
  return lines.join('\n');
}
