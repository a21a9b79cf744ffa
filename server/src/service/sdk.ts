import type { Catalog } from '../../../catalog/src/catalog';
import { localize } from '../../../catalog/src/localize';
import { SDKS, sdkMemberEntries, sdkMembersNamed, type SdkId, type SdkMember } from '../../../catalog/src/sdkErrors';
import { SDK_MADE_VALUES, sdkMadeValue } from '../../../catalog/src/sdkSynth';
import type { SdkName } from '../../../catalog/src/types';
import type { Lang } from '../../../catalog/src/types';
import type { Analysis } from './analysis';
import { commandLink, md } from './describe';
import { familyOf } from './languages';

/**
 * Is UQPAY in play in a document? `uqpay`: it imports or names a UQPAY SDK or names UQPAY, or its
 * project depends on an SDK; `foreign`: it names another payment provider and not UQPAY (Stripe
 * shares `api_error`, `card_error`... with UQPAY: such files get nothing); `neutral` otherwise.
 */
export type Play = 'uqpay' | 'foreign' | 'neutral';

/** Other providers whose error vocabulary overlaps UQPAY's. */
const FOREIGN = /\b(?:stripe|adyen|braintree|paypal|razorpay|airwallex|mollie|checkout\.com|paystack|flutterwave)\b/i;

/** Kept on the analysis itself, as plain values: closures or WeakMap entries tied to analyses made them outlive their use (10× the GC time in validation). */
const PLAY = Symbol('play');
const USED = Symbol('sdks');
type WithSdks = Analysis & { [PLAY]?: Play; [USED]?: Set<SdkId> };

function sdksFor(a: Analysis): readonly (typeof SDKS)[number][] {
  const family = familyOf(a.languageId) ?? '';
  return SDKS.filter((s) => (s.families as readonly string[]).includes(family));
}

/** Whether UQPAY is in play in a document (computed once per analysis). */
export function playOf(a: Analysis, project: readonly SdkId[]): Play {
  const w = a as WithSdks;
  if (w[PLAY]) return w[PLAY];
  // every SDK import names UQPAY: the one cached test decides most files; a project's dependency
  // covers its files in that SDK's languages, unless a file names another provider
  const play: Play = a.mentionsUqpay() ? 'uqpay' : FOREIGN.test(a.text) ? 'foreign' : sdksFor(a).some((s) => project.includes(s.id)) ? 'uqpay' : 'neutral';
  w[PLAY] = play;
  return play;
}

/** The SDKs whose names mean something in a document: those it imports, or its project's (hover and completion only). */
export function sdksOf(a: Analysis, project: readonly SdkId[]): Set<SdkId> {
  const w = a as WithSdks;
  if (w[USED]) return w[USED];
  const mine = sdksFor(a);
  const own = a.mentionsUqpay();
  const sdks = new Set<SdkId>(own ? mine.filter((s) => s.imports.test(a.text)).map((s) => s.id) : []);
  // an SDK's own sources name UQPAY without importing themselves: their family's SDKs count
  if (sdks.size === 0 && own) for (const s of mine) sdks.add(s.id);
  if (playOf(a, project) === 'uqpay') for (const s of mine) if (project.includes(s.id)) sdks.add(s.id);
  w[USED] = sdks;
  return sdks;
}

function isIdent(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** The identifier at `offset`, with the qualifier before a `.` in front of it (`UqpayErrorCode` in `UqpayErrorCode.timeout`). */
function identAt(text: string, offset: number): { name: string; start: number; end: number; qualifier?: string } | undefined {
  let s = offset;
  while (s > 0 && isIdent(text.charCodeAt(s - 1))) s--;
  let e = offset;
  while (e < text.length && isIdent(text.charCodeAt(e))) e++;
  if (e <= s || (text.charCodeAt(s) >= 48 && text.charCodeAt(s) <= 57)) return undefined;
  let qualifier: string | undefined;
  if (text.charCodeAt(s - 1) === 46) {
    let q = s - 1;
    while (q > 0 && isIdent(text.charCodeAt(q - 1))) q--;
    qualifier = text.slice(q, s - 1);
  }
  return { name: text.slice(s, e), start: s, end: e, qualifier };
}

/** Constants of the mobile SDKs' code types are read only behind their type's name. */
const CODE_QUALIFIER: Partial<Record<SdkId, string>> = { flutter: 'UqpayErrorCode', android: 'UQPayErrorCode' };

/** The SDK member named at `offset`, when the document uses that SDK. */
export function sdkMemberAt(a: Analysis, offset: number, project: readonly SdkId[]): { member: SdkMember; start: number; end: number } | undefined {
  const id = identAt(a.text, offset);
  if (!id) return undefined;
  const candidates = sdkMembersNamed(id.name);
  if (!candidates.length) return undefined;
  const sdks = sdksOf(a, project);
  for (const m of candidates) {
    if (!sdks.has(m.sdk)) continue;
    if (m.kind === 'code' && id.qualifier !== CODE_QUALIFIER[m.sdk]) continue;
    return { member: m, start: id.start, end: id.end };
  }
  return undefined;
}

const T = {
  class: { en: 'error class', 'zh-CN': '错误类' },
  predicate: { en: 'error predicate', 'zh-CN': '错误判断方法' },
  code: { en: 'error code constant', 'zh-CN': '错误码常量' },
  value: { en: 'Value', 'zh-CN': '取值' },
  status: { en: 'HTTP status', 'zh-CN': 'HTTP 状态码' },
  from: { en: 'Set when', 'zh-CN': '何时出现' },
  types: { en: 'Types', 'zh-CN': '类型' },
  codes: { en: 'Catalog codes', 'zh-CN': '目录错误码' },
  maybe: { en: 'depending on the type the gateway sends', 'zh-CN': '取决于网关返回的 type' },
  none: { en: 'none from the Global Acquiring catalog', 'zh-CN': 'Global Acquiring 目录中没有' },
  sdk: { en: 'The SDK', 'zh-CN': 'SDK 行为' },
  todo: { en: 'What to do', 'zh-CN': '处理建议' },
  more: { en: 'more', 'zh-CN': '个更多' },
  made: { en: 'Values the SDK makes up here', 'zh-CN': 'SDK 在此自行生成的值' },
  madeTitle: { en: 'made up by the SDK, not sent by the gateway', 'zh-CN': '由 SDK 生成，网关不会返回' },
  madeBy: { en: 'Made by', 'zh-CN': '生成方' },
};

const SDK_NAME: Record<SdkId, SdkName | undefined> = {
  node: 'Node', python: 'Python', go: 'Go', java: 'Java', 'java-legacy': undefined, php: undefined, cli: 'CLI', android: 'Android', 'react-native': 'React Native', flutter: 'Flutter',
};

/** The values sdkSynth.ts says this member's SDK makes up for the statuses that reach the member. */
function madeValues(m: SdkMember): string[] {
  const name = SDK_NAME[m.sdk];
  if (!name || !m.reaches || m.kind !== 'class') return [];
  return SDK_MADE_VALUES.filter((v) => v.sdks.includes(name) && v.statuses !== null && !v.typeless && m.reaches!(v.statuses[0], undefined))
    .map((v) => `${codeSpan(v.value)} (${v.field})`);
}

/** Hover Markdown for a string an SDK makes up (`rate_limit_error`, `authentication_error`…), from sdkSynth.ts. */
export function sdkMadeMarkdown(value: string, lang: Lang): string | undefined {
  const fact = sdkMadeValue('code', value) ?? sdkMadeValue('type', value);
  if (!fact) return undefined;
  return [
    `**${codeSpan(value)}** · ${fact.field} · ${T.madeTitle[lang]}`,
    '',
    `- **${T.madeBy[lang]}:** ${fact.sdks.join(', ')}`,
    `- ${prose(localize(fact.explanation, lang))}`,
  ].join('\n');
}
const MAX_CODES = 40;

/** Our own text as Markdown: `code spans` kept, everything else escaped. */
function prose(text: string): string {
  return text.split(/(`[^`\n]*`)/).map((part, k) => (k % 2 ? part : md(part))).join('');
}
function codeSpan(s: string): string {
  return '`' + s.replace(/`/g, '\u02cb').replace(/[\r\n]+/g, ' ') + '`';
}

function codeList(values: readonly { code: string; id: string }[]): string {
  const shown = values.slice(0, MAX_CODES).map((v) => `[${codeSpan(v.code)}](${commandLink(v.id)})`);
  return shown.join(', ') + (values.length > MAX_CODES ? ` … +${values.length - MAX_CODES}` : '');
}

/** Hover Markdown for an SDK member: statuses, types and catalog codes that reach it, what the SDK does, what to do. */
export function sdkMemberMarkdown(catalog: Catalog, m: SdkMember, lang: Lang): string {
  const sdk = SDKS.find((s) => s.id === m.sdk)!;
  const { certain, possible } = sdkMemberEntries(catalog, m);
  const uniq = (entries: typeof certain) => {
    const seen = new Set<string>();
    return entries.filter((e) => !seen.has(String(e.code)) && seen.add(String(e.code))).map((e) => ({ code: String(e.code), id: e.id }));
  };
  const sure = uniq(certain);
  const maybe = uniq(possible).filter((v) => !sure.some((s) => s.code === v.code));
  const types = [...new Set(certain.concat(possible).flatMap((e) => e.types))].filter((t) => !m.reaches || catalog.entries.some((e) => e.types.includes(t) && m.reaches!(catalog.expectedStatus(t, e.code) ?? 400, t)));
  const lines = [`**\`${m.name}\`** · UQPAY ${sdk.name} ${T[m.kind][lang]}`, ''];
  if (m.value) lines.push(`- **${T.value[lang]}:** ${codeSpan(m.value)}`);
  lines.push(`- **${(m.kind === 'code' ? T.from : T.status)[lang]}:** ${prose(localize(m.statuses, lang))}`);
  if (types.length) lines.push(`- **${T.types[lang]}:** ${types.map(codeSpan).join(', ')}`);
  const codes = sure.length || maybe.length
    ? `${sure.length ? codeList(sure) : ''}${maybe.length ? `${sure.length ? '; ' : ''}${T.maybe[lang]}: ${codeList(maybe)}` : ''}`
    : T.none[lang];
  lines.push(`- **${T.codes[lang]} (${sure.length + maybe.length}):** ${codes}`);
  const made = madeValues(m);
  if (made.length) lines.push(`- **${T.made[lang]}:** ${made.join(', ')}`);
  lines.push(`- **${T.sdk[lang]}:** ${prose(localize(m.sdkDoes, lang))}`);
  lines.push(`- **${T.todo[lang]}:** ${prose(localize(m.advice, lang))}`);
  return lines.join('\n');
}

/**
 * The SDK class or predicate whose branch holds `offset`: `instanceof X`, `except X`, `catch (X e)`,
 * `on X catch`, `is X ->`, `errors.As(err, &x)` (Go's APIError), `x.IsNotFound()`; read back over a
 * bounded window, and only while the branch's block (or, in Python, its indentation) still holds.
 */
export function sdkBranchAt(a: Analysis, offset: number, project: readonly SdkId[]): SdkMember | undefined {
  const sdks = sdksOf(a, project);
  if (sdks.size === 0) return undefined;
  const text = a.text;
  const from = Math.max(0, offset - 1500);
  const window = text.slice(from, offset);
  const python = familyOf(a.languageId) === 'python';
  const re = /\binstanceof\s+(?:[\w$]+\.)*(\w+)|\bexcept\s*\(?\s*(?:\w+\.)*(\w+)|\bcatch\s*\(\s*(?:final\s+)?(?:[\w.]+\.)?(\w+)(?:\s*\|[^)]*)?\s+\w+\s*\)|\bon\s+(\w+)\s+catch\b|\bis\s+(?:[\w.]+\.)?(\w+)\s*(?:->|\))|errors\.As\(\s*\w+\s*,\s*&(\w+)\s*\)|\.(Is\w+|is\w+)\(\s*\)/g;
  let found: { name: string; at: number } | undefined;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const name = m.slice(1).find((g) => g !== undefined)!;
    // the innermost branch that still holds the offset wins
    if (inside(text, from + m.index, offset, python)) found = { name: m[6] ? 'APIError' : name, at: from + m.index };
  }
  if (!found) return undefined;
  return sdkMembersNamed(found.name).find((m) => sdks.has(m.sdk) && m.reaches);
}

/** Is `offset` still within the branch that starts at `at`? */
function inside(text: string, at: number, offset: number, python: boolean): boolean {
  if (python) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const head = text.slice(lineStart, at);
    const indent = head.length - head.trimStart().length;
    // every non-blank line after the except line is indented deeper
    for (let p = text.indexOf('\n', at); p >= 0 && p < offset; p = text.indexOf('\n', p + 1)) {
      let e = text.indexOf('\n', p + 1);
      if (e < 0 || e > offset) e = offset;
      const line = text.slice(p + 1, e);
      if (line.trim() && line.length - line.trimStart().length <= indent) return false;
    }
    return true;
  }
  let depth = 0;
  let opened = false;
  for (let p = at; p < offset; p++) {
    const c = text.charCodeAt(p);
    if (c === 123) { depth++; opened = true; }
    else if (c === 125 && --depth <= 0) return false;
  }
  // `if (x instanceof A && x.code === '…')`: no block yet, and no statement ended on the way
  return opened || !/[;}]/.test(text.slice(at, offset));
}
