import type { Catalog } from '../../../catalog/src/catalog';
import { localize } from '../../../catalog/src/localize';
import { SDKS, sdkCodeWithValue, sdkMemberEntries, sdkMembersNamed, type SdkId, type SdkMember } from '../../../catalog/src/sdkErrors';
import { SDK_MADE_VALUES, sdkMadeValue } from '../../../catalog/src/sdkSynth';
import type { SdkName } from '../../../catalog/src/types';
import type { Lang } from '../../../catalog/src/types';
import { firstMatch, type Analysis, type TextPattern } from './analysis';
import { commandLink, md } from './describe';
import { familyOf } from './languages';
import { lineAt } from './lines';
import { literalContext, type TokenAt } from './tokens';

/**
 * Is UQPAY in play in a document? `uqpay`: it imports or names a UQPAY SDK or names UQPAY, or its
 * project depends on an SDK; `foreign`: it names another payment provider and not UQPAY (Stripe
 * shares `api_error`, `card_error`... with UQPAY: such files get nothing); `neutral` otherwise.
 */
export type Play = 'uqpay' | 'foreign' | 'neutral';

/** Other providers whose error vocabulary overlaps UQPAY's. */
const FOREIGN: TextPattern = { re: /\b(?:stripe|adyen|braintree|paypal|razorpay|airwallex|mollie|checkout\.com|paystack|flutterwave)\b/gi, longest: 'checkout.com'.length };

/** Kept on the analysis itself, as plain values: closures or WeakMap entries tied to analyses made them outlive their use (10× the GC time in validation). */
const PLAY = Symbol('play');
const USED = Symbol('sdks');
const NAMES = Symbol('sdk names');
const GROUPS = Symbol('import bindings');
type WithSdks = Analysis & { [PLAY]?: Play; [USED]?: Set<SdkId>; [NAMES]?: Map<string, boolean>; [GROUPS]?: Bindings };

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
  const play: Play = a.mentionsUqpay() ? 'uqpay' : firstMatch(a, FOREIGN) >= 0 ? 'foreign' : sdksFor(a).some((s) => project.includes(s.id)) ? 'uqpay' : 'neutral';
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

/** Constants of the mobile SDKs' code types are read behind their type's name, or where they are declared. */
const CODE_QUALIFIER: Partial<Record<SdkId, string>> = { flutter: 'UqpayErrorCode', android: 'UQPayErrorCode' };

/**
 * Is the identifier at [start, end) a constant of `type` being declared? Dart `static const T name =`,
 * Kotlin `val NAME: T`, or an entry of `enum T` / `enum class T` (an SDK's older code type).
 */
function declaresConstant(text: string, start: number, end: number, type: string): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  if (new RegExp(`\\b(?:const|final)\\s+${type}\\s+$`).test(before)) return true;
  if (/\bval\s+$/.test(before) && new RegExp(`^\\s*:\\s*${type}\\b`).test(text.slice(end, end + 80))) return true;
  // an enum entry: directly in the enum's braces, before any `;` that ends the entries
  let depth = 0;
  for (let p = start - 1; p >= 0 && p > start - 4000; p--) {
    const c = text.charCodeAt(p);
    if (c === 125) depth++;
    else if (c === 59 && depth === 0) return false;
    else if (c === 123 && depth-- === 0) return new RegExp(`\\benum\\s+(?:class\\s+)?${type}\\b[^{};]*$`).test(text.slice(Math.max(0, p - 200), p));
  }
  return false;
}

/** Imports that list names, by language family: `names` and `module` are the groups. */
const GROUP_IMPORTS: Partial<Record<string, { re: RegExp; names: number[]; module: number }>> = {
  // JS/TS: import { A, B as C } from 'm', over lines too
  js: { re: /\bimport\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*(['"][^'"]*['"])/g, names: [1], module: 2 },
  // Python: from m import A, B as C / from m import (A,\n B as C)
  python: { re: /^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]*(?:\(([^)]*)\)|([^\n#(]*))/gm, names: [2, 3], module: 1 },
};

interface Bindings {
  /** Local name → the modules it is imported from. */
  modules: Map<string, string[]>;
  /** Local alias → the SDK name it stands for (`NotFoundError as UqNotFound` from a UQPAY module). */
  aliases: Map<string, string>;
}

/** What the file's name-listing imports bind; read once per analysis. */
function bindings(a: Analysis): Bindings {
  const w = a as WithSdks;
  if (w[GROUPS]) return w[GROUPS];
  const out: Bindings = { modules: new Map(), aliases: new Map() };
  const form = GROUP_IMPORTS[familyOf(a.languageId) ?? ''];
  if (form) {
    form.re.lastIndex = 0;
    for (let m = form.re.exec(a.text); m; m = form.re.exec(a.text)) {
      const module = m[form.module]!;
      const list = form.names.map((k) => m![k]).find((g) => g !== undefined) ?? '';
      for (const item of list.split(',')) {
        const named = /^\s*(?:type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(item);
        if (!named) continue;
        const local = named[2] ?? named[1]!;
        out.modules.set(local, [...(out.modules.get(local) ?? []), module]);
        if (named[2] && /uqpay/i.test(module)) out.aliases.set(local, named[1]!);
      }
    }
  }
  w[GROUPS] = out;
  return out;
}

/** One-line imports that bind `name`, tested on each line that holds it; group 1 is the module. */
function lineImports(n: string): RegExp[] {
  return [
    // JS/TS: import NAME from 'm'; import * as NAME from 'm'; const { NAME } = require('m'); const NAME = require('m')
    new RegExp(`\\bimport\\s+(?:type\\s+)?(?:\\*\\s+as\\s+)?${n}\\s*(?:,\\s*\\{[^}]*\\})?\\s*from\\s*(['"][^'"]*['"])`),
    new RegExp(`\\b(?:const|let|var)\\s*(?:\\{[^}]*(?<![\\w$])${n}(?![\\w$])[^}]*\\}|${n})\\s*=\\s*require\\(\\s*(['"][^'"]*['"])`),
    // Python: import m as NAME (`from m import …` is read with the listing imports)
    new RegExp(`^\\s*import\\s+([\\w.]+)\\s+as\\s+${n}\\b`),
    // Java, Kotlin: import a.b.NAME; PHP: use A\\B\\NAME; Dart: import 'package:m/m.dart' show A, NAME;
    new RegExp(`^\\s*import\\s+(?:static\\s+)?([\\w.]+)\\.${n}\\b`),
    new RegExp(`^\\s*use\\s+([\\w\\\\]+)\\\\${n}\\b`),
    new RegExp(`^\\s*import\\s+(['"][^'"]+['"])[^;]*\\bshow\\b[^;]*\\b${n}\\b`),
  ];
}

/** lineImports per name (SDK member names: a few dozen). */
const LINE_IMPORTS = new Map<string, RegExp[]>();

/** The lines an import statement can be read on begin so (`}` ends a JS import that spans lines). */
const STATEMENT = /^\s*(?:(?:import|from|use|const|let|var|export|require)\b|\})/;

/**
 * Does the file take `name` from somewhere other than a UQPAY SDK, as with Django's, pydantic's or
 * class-validator's `ValidationError`? An import from a module that does not name UQPAY, or, in
 * user code that imports the SDK, from a relative path (its own module). An SDK's own sources
 * import their modules relatively. Reads only the lines that hold the name, and the imports that
 * span lines once per analysis.
 */
function boundElsewhere(a: Analysis, name: string, userCode: boolean): boolean {
  const text = a.text;
  const foreign = (quoted: string): boolean => {
    const module = quoted.replace(/^['"]|['"]$/g, '');
    return !/uqpay/i.test(module) && (userCode || !/^(?:\.|package:\.)/.test(module));
  };
  if (bindings(a).modules.get(name)?.some(foreign)) return true;
  const lines = LINE_IMPORTS.get(name) ?? LINE_IMPORTS.set(name, lineImports(name)).get(name)!;
  for (let p = text.indexOf(name); p >= 0; p = text.indexOf(name, p + name.length)) {
    if (isIdent(text.charCodeAt(p - 1)) || isIdent(text.charCodeAt(p + name.length))) continue;
    const line = lineAt(text, p).text;
    if (!STATEMENT.test(line)) continue;
    for (const re of lines) {
      const m = re.exec(line);
      if (m && foreign(m[1])) return true;
    }
  }
  return false;
}

const SDK_IMPORTS = new Map<SdkId, RegExp>();

/** A file of an SDK's own sources: its package, namespace or library is UQPAY's. */
const SDK_SOURCE = /^[ \t]*(?:package|namespace|library)[ \t]+[\w.\\]*uqpay/im;

/** User code: an import statement (not an example in a comment) brings in the SDK, in a file outside its sources. */
function importsSdk(text: string, sdk: SdkId): boolean {
  const entry = SDKS.find((s) => s.id === sdk);
  // a package, namespace or library is declared before anything else
  if (!entry || SDK_SOURCE.test(text.slice(0, 4096))) return false;
  const re = SDK_IMPORTS.get(sdk) ?? SDK_IMPORTS.set(sdk, new RegExp(entry.imports.source, entry.imports.flags.replace('g', '') + 'g')).get(sdk)!;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if (STATEMENT.test(lineAt(text, m.index).text)) return true;
  return false;
}

/** Is `name` (or the qualifier it is read through) the SDK's in this file? Remembered per analysis. */
function namesSdk(a: Analysis, name: string, qualifier: string | undefined, sdk: SdkId): boolean {
  const w = a as WithSdks;
  const key = `${sdk} ${qualifier ?? name}`;
  const known = (w[NAMES] ??= new Map()).get(key);
  if (known !== undefined) return known;
  const userKey = `${sdk} imported`;
  const user = w[NAMES].get(userKey) ?? importsSdk(a.text, sdk);
  w[NAMES].set(userKey, user);
  const ours = !boundElsewhere(a, qualifier ?? name, user);
  w[NAMES].set(key, ours);
  return ours;
}

/**
 * The SDK members a name in the file stands for: its own, or, for a name that is no SDK member, the
 * one it is an alias of (`NotFoundError as UqNotFound`, imported so beside another library's).
 */
function membersOf(a: Analysis, name: string, qualifier?: string): { members: readonly SdkMember[]; alias: boolean } {
  const own = sdkMembersNamed(name);
  const of = own.length === 0 && qualifier === undefined ? bindings(a).aliases.get(name) : undefined;
  return of ? { members: sdkMembersNamed(of), alias: true } : { members: own, alias: false };
}

/** The file's local names for SDK names (`ValidationError as UqpayValidationError`). */
export function sdkAliases(a: Analysis): ReadonlyMap<string, string> {
  return bindings(a).aliases;
}

/** Is a class or predicate name in this file an SDK's, not one imported from another library? */
export function isSdkName(a: Analysis, name: string): boolean {
  const mine = sdksFor(a);
  return sdkMembersNamed(name).some((m) => mine.some((s) => s.id === m.sdk) && namesSdk(a, name, undefined, m.sdk));
}

/** The SDK member named at `offset`, when the document uses that SDK. */
export function sdkMemberAt(a: Analysis, offset: number, project: readonly SdkId[]): { member: SdkMember; start: number; end: number } | undefined {
  const id = identAt(a.text, offset);
  if (!id) return undefined;
  const sdks = sdksOf(a, project);
  if (sdks.size === 0) return undefined;
  const { members, alias } = membersOf(a, id.name, id.qualifier);
  for (const m of members) {
    if (!sdks.has(m.sdk) || (!alias && !namesSdk(a, id.name, id.qualifier, m.sdk))) continue;
    const type = CODE_QUALIFIER[m.sdk];
    if (m.kind === 'code' && (!type || (id.qualifier !== type && !declaresConstant(a.text, id.start, id.end, type)))) continue;
    return { member: m, start: id.start, end: id.end };
  }
  return undefined;
}

/** The mobile SDKs whose own code strings (`'card_declined'`) mean their constants, and what names their code type. */
const MOBILE: readonly { sdk: SdkId; made: RegExp; constant?: string }[] = [
  { sdk: 'android', constant: 'UQPayErrorCode', made: /\bUQPayErrorCode\s*(?:\.\s*of\s*)?\(\s*$/ },
  { sdk: 'flutter', constant: 'UqpayErrorCode', made: /\bUqpayErrorCode\s*\.\s*(?:_|fromRaw|parse|of)\s*\(\s*$/ },
  { sdk: 'react-native', made: /\bisUnknownErrorCode\s*\(\s*$/ },
];

/** A field, key, parameter or constant named like a code (`code`, `declineCode`, `OUTCOME_UNKNOWN_CODE: String`), being given a value. */
const CODE_NAMED = /\b\w*(?:code|Code|CODE)["']?\s*(?::\s*[\w.]+(?:<[^>\n]*>)?\??\s*)?(?::|=(?![=>]))\s*$/;
/** A comparison with a code-like member (`serverCode ==`, `code.raw !=`, `.equals(`). */
const CODE_COMPARED = /\b\w*(?:code|Code|CODE|raw)\b(?:\s*\(\s*\))?\s*(?:[!=]==?\s*|\.\s*equals\(\s*)$/;
const COMPARED_CODE = /^\s*(?:[!=]==?)\s*[\w.]*\b\w*(?:code|Code|raw)\b/;
/** `expect(x.code).toBe(`, over lines. */
const CODE_EXPECTED = /\.\s*(?:code|raw|serverCode|declineCode|failureCode)\s*\)\s*\.\s*(?:toBe|toEqual|toStrictEqual|isEqualTo)\(\s*$/;
/** A two-argument assertion on one line that names a code member. */
const ASSERTS = /\b(?:expect|assert\w*|assertThat|XCTAssert\w*)\s*\(/;
const CODE_MEMBER = /\.\s*(?:code|raw|serverCode|declineCode|failureCode|getCode\(\))\b/;
/** A list or set named like codes (`CANONICAL_CODES = setOf(`, `const errorCodes = [`). */
const CODE_LIST = /\b\w*(?:codes|Codes|CODES)\b[^=\n]*=\s*(?:const\s+)?(?:<[^>\n]*>\s*)?(?:(?:setOf|listOf|arrayOf|mutableSetOf|mutableListOf|Set\.of|List\.of)\s*(?:<[^>\n]*>\s*)?)?$/;

/**
 * One of a mobile SDK's own code strings (`'card_declined'`, `"timeout"`) written where a code is
 * meant, in a file using that SDK: the constant it stands for. Error-code contexts only, since
 * `timeout`, `unknown` or `cancelled` are common words: a comparison with a code, a when/switch arm
 * or table row that gives the SDK's constant, the constant's own definition, a `code` field, key or
 * parameter, an assertion on a code, a list named like codes. Hover only: never diagnosed.
 */
export function sdkCodeValueAt(a: Analysis, tok: TokenAt, project: readonly SdkId[]): { member: SdkMember; start: number; end: number } | undefined {
  const lit = tok.kind === 'literal' ? (tok.literal.interpolated ? undefined : tok.literal) : tok.kind === 'object' && tok.object.inCode && typeof tok.token.value === 'string' ? tok.token : undefined;
  if (!lit || typeof lit.value !== 'string') return undefined;
  const value = lit.value;
  const sdks = sdksOf(a, project);
  for (const mobile of MOBILE) {
    const member = sdks.has(mobile.sdk) ? sdkCodeWithValue(mobile.sdk, value) : undefined;
    if (!member) continue;
    const coded = tok.kind === 'object' ? tok.field === 'code' : tok.kind === 'literal' && (literalContext(a, tok)?.kind === 'code' || codeSpot(a.text, lit.start, lit.end, mobile));
    return coded ? { member, start: lit.start, end: lit.end } : undefined;
  }
  return undefined;
}

/** The text around a literal says it is a code (see sdkCodeValueAt); reads its line, and a bounded window back. */
function codeSpot(text: string, start: number, end: number, mobile: (typeof MOBILE)[number]): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const back = text.slice(Math.max(0, start - 400), start);
  // bounded: a minified bundle's one line can be megabytes long
  const before = text.slice(Math.max(lineStart, start - 300), start);
  const after = text.slice(end, Math.min(lineEnd, end + 300));
  if (mobile.made.test(back) || CODE_NAMED.test(before) || CODE_COMPARED.test(before) || COMPARED_CODE.test(after) || CODE_EXPECTED.test(back)) return true;
  // `"3ds_failed" -> UQPayErrorCode.THREE_DS_FAILED`, `'a' || 'b' => …`, `(402, 'card_declined', UqpayErrorCode.cardDeclined)`
  const type = mobile.constant;
  if (type && (new RegExp(`^\\s*(?:(?:,|\\|\\|?|or)\\s*(["'])[^"'\\n]*\\1\\s*)*(?:->|=>|:|,|\\bto\\b)\\s*${type}\\s*\\.`).test(after) || new RegExp(`\\b${type}\\s*\\.\\s*\\w+\\s*(?:,|\\bto\\b)\\s*$`).test(before))) return true;
  if (ASSERTS.test(before) && CODE_MEMBER.test(before + after)) return true;
  // the first argument of a helper this file declares with a code parameter first (`fun apiError(code: String?, …)`)
  const call = /\b(\w+)\s*\(\s*$/.exec(before);
  if (call && firstParamIsCode(text, call[1])) return true;
  return inCodeList(text, start);
}

function firstParamIsCode(text: string, name: string): boolean {
  const decl = new RegExp(`\\b(?:fun|function|def|func)\\s+${name}\\s*\\(\\s*(?:\\{\\s*)?(\\w+)|\\b${name}\\s*=\\s*(?:async\\s*)?\\(\\s*(\\w+)`).exec(text);
  return !!decl && /(?:^|_)code$|Code$/.test(decl[1] ?? decl[2]);
}

/** Is the literal at `start` an item of a list of string literals whose name says it holds codes? */
function inCodeList(text: string, start: number): boolean {
  for (let p = start - 1, n = 0; p >= 0 && n < 2000; p--, n++) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 44) continue;
    if (c === 34 || c === 39) {
      // skip the string literal before this one
      const open = text.lastIndexOf(String.fromCharCode(c), p - 1);
      if (open < 0 || p - open > 200 || text.slice(open, p).includes('\n')) return false;
      p = open;
      continue;
    }
    if (c === 91 || c === 40 || c === 123) return CODE_LIST.test(text.slice(Math.max(0, p - 120), p));
    return false;
  }
  return false;
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
  const { members, alias } = membersOf(a, found.name);
  return members.find((m) => sdks.has(m.sdk) && m.reaches && (alias || namesSdk(a, found.name, undefined, m.sdk)));
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
