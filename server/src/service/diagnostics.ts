import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { checkBody } from '../../../catalog/src/bodyRules';
import type { Catalog } from '../../../catalog/src/catalog';
import type { Lang } from '../../../catalog/src/types';
import { contextOf, type Analysis } from './analysis';
import { SOURCE } from './contract';
import { PlainStrings } from './scanners/plainString';
import { ShapeTrie } from './shapeTrie';
import type { BodyToken, Literal } from './scanners/types';
import type { DiagnosticCode, ServiceSettings, SeverityName } from './settings';

/** What a quick fix needs, carried on the diagnostic (clients send it back with code actions). */
export interface DiagnosticData {
  /** Where the literal's content is: the range a replacement code goes into. */
  content: Range;
  suggestions?: string[];
  /** For type-used-as-code: rename the compared member (`code` → `type`). */
  member?: { range: Range; newText: string };
}

const SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Lower-case snake case: how every envelope-A code is written (`invalid idempotency key format` aside). */
const CODE_MAX_LENGTH = 64;
const CODE_SHAPE = new RegExp(`^[a-z0-9][a-z0-9_ ]{1,${CODE_MAX_LENGTH - 1}}$`);

function quoteList(values: readonly string[], lang: Lang): string {
  const q = values.map((v) => `'${v}'`);
  if (q.length <= 1) return q.join('');
  return lang === 'zh-CN' ? q.join('、') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

const MSG = {
  unknown: (v: string, s: string[], lang: Lang) => lang === 'zh-CN'
    ? `'${v}' 不是 UQPAY Global Acquiring 的错误码${s.length ? `。did you mean ${quoteList(s, 'en')}?（是否想写 ${quoteList(s, lang)}？）` : ''}`
    : `'${v}' is not a UQPAY Global Acquiring error code${s.length ? `; did you mean ${quoteList(s, lang)}?` : ''}`,
  typeAsCode: (v: string, lang: Lang) => lang === 'zh-CN'
    ? `'${v}' 是错误类型（type），不是错误码（code）：应与 type 字段比较`
    : `'${v}' is an error type, not an error code: compare it with the type field`,
  mismatch: (code: string, type: string, types: readonly string[], lang: Lang) => lang === 'zh-CN'
    ? `错误码 '${code}' 不会与 type '${type}' 一起返回；目录中它的 type 为 ${quoteList(types, lang)}`
    : `Code '${code}' does not come with type '${type}'; the catalog lists ${quoteList(types, lang)}`,
  status: (status: number, type: string | null, code: string, expected: number, lang: Lang) => lang === 'zh-CN'
    ? `HTTP ${status} 与响应体不符：${type !== null ? `type '${type}'（code '${code}'）` : `code '${code}'`}应返回 HTTP ${expected}`
    : `HTTP ${status} does not match the body: ${type !== null ? `type '${type}' with code '${code}'` : `code '${code}'`} comes back as HTTP ${expected}`,
  envelopeB: (lang: Lang) => lang === 'zh-CN'
    ? '信封 B（数字 code 200）：原请求仍在处理中。稍后用同一个 x-idempotency-key 重发即可拿到最终结果'
    : 'Envelope B (numeric code 200): the original request is still being processed. Retry shortly with the same x-idempotency-key to get its final result',
  notPending: (code: number, lang: Lang) => lang === 'zh-CN'
    ? `信封 B 的 code ${code} 只有配上“处理中”的 message 才表示仍在处理；这个 message 说的是失败，不要用同一个 key 反复重发`
    : `Envelope B code ${code} means "still processing" only with the pending message; this one reports a failure, so do not keep resending with the same key`,
  statusBody: (status: number, code: number, readAs: string | null, lang: Lang) => {
    const as = readAs ? (lang === 'zh-CN' ? `，按 '${readAs}' 解读` : `; read as '${readAs}'`) : '';
    return lang === 'zh-CN'
      ? `HTTP ${status} 与 code ${code} 不一致：以 HTTP 状态码为准（SDK 也是如此），请求失败了，不是仍在处理${as}`
      : `HTTP ${status} and code ${code} disagree: the status is trusted, as the SDKs do; the request failed and is not pending${as}`;
  },
  byType: (type: string, lang: Lang) => lang === 'zh-CN'
    ? `；它可能属于 UQPAY 的其他 API，可按 type '${type}' 处理`
    : `; it may belong to another UQPAY API, and can be handled by its type '${type}'`,
};

const NOT_A_CANDIDATE = 0;
const IS_TYPE = 1;
/** What a code literal's value can be flagged as: nothing, a type, or an unknown code with these (one or more) close codes. */
type Verdict = typeof NOT_A_CANDIDATE | typeof IS_TYPE | string[];

interface Verdicts {
  /**
   * The verdict on a literal, read in place from its raw content `[s, e)` where it can be: one
   * read fails most literals on the shape of a code and finds the rest in a trie of the values
   * seen (shapeTrie.ts), so no value string is made or hashed again. `escaped`: the raw content
   * holds a backslash, so its value decides.
   */
  ofLiteral(text: string, lit: Literal, escaped: boolean): Verdict;
  /** The verdict on a value (remembered per value). */
  of(value: string): Verdict;
  /** Up to three codes close to a value. */
  suggestions(value: string): string[];
}

const VERDICTS = new WeakMap<Catalog, Verdicts>();
/** Values remembered per catalog; past this the memo starts over (a file of unique strings). */
const MAX_VERDICTS = 20000;

/**
 * Per catalog, a memo of each literal value's verdict: files repeat their strings, and a verdict
 * (lookups, a shape test, edit distances for suggestions) costs far more than a map lookup.
 */
function verdictsFor(catalog: Catalog): Verdicts {
  let v = VERDICTS.get(catalog);
  if (v) return v;
  // a candidate is a type or has the shape of a code; when some type has not, every literal is asked
  const typesFit = catalog.types.every((t) => CODE_SHAPE.test(t.name) && /[_ ]/.test(t.name));
  const seen = new ShapeTrie<Verdict>();
  const ofLiteral = (text: string, lit: Literal, escaped: boolean): Verdict => {
    if (!typesFit || escaped) return made.of(lit.value);
    const s = lit.cStart;
    const e = lit.cEnd;
    if (e - s > CODE_MAX_LENGTH) return NOT_A_CANDIDATE; // too long for CODE_SHAPE
    const state = seen.walk(text, s, e);
    if (state < 0) return NOT_A_CANDIDATE; // not shaped like a code
    if (state > 0) return seen.get(state);
    const verdict = made.of(lit.value);
    seen.add(text, s, e, verdict);
    return verdict;
  };
  const memo = new Map<string, Verdict>();
  const close = new Map<string, string[]>();
  const remember = <T>(m: Map<string, T>, key: string, make: (k: string) => T): T => {
    let r = m.get(key);
    if (r === undefined) {
      if (m.size >= MAX_VERDICTS) m.clear();
      m.set(key, (r = make(key)));
    }
    return r;
  };
  const classify = (value: string): Verdict => {
    if (value.length < 2 || catalog.isCode(value)) return NOT_A_CANDIDATE;
    if (catalog.isType(value)) return IS_TYPE;
    // every catalog code has an underscore: a misspelling keeps one, or a space in its place
    if (!CODE_SHAPE.test(value) || (value.indexOf('_') < 0 && value.indexOf(' ') < 0)) return NOT_A_CANDIDATE;
    // a typo detector: a close catalog code is reported anywhere; a code with none belongs to
    // another API (UQPAY Banking/Issuing, other providers) and is never reported, so it is settled
    // here, before validation reads the code around it
    const suggestions = made.suggestions(value);
    return suggestions.length === 0 ? NOT_A_CANDIDATE : suggestions;
  };
  const made: Verdicts = {
    ofLiteral,
    of: (value) => remember(memo, value, classify),
    suggestions: (value) => remember(close, value, (x) => catalog.suggest(x, 3)),
  };
  v = made;
  VERDICTS.set(catalog, v);
  return v;
}

/**
 * Diagnostics for one analysed document. Code files: only literals in an error-code context, and
 * only in files that show they deal with UQPAY (they name it, or compare a catalog code), so other
 * APIs' `err.code === 'invalid_grant'` stay silent. Data files: error bodies shaped like UQPAY's.
 * Unterminated and empty literals are skipped: they are being typed.
 */
export function validate(catalog: Catalog, a: Analysis, settings: ServiceSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lang = settings.docsLanguage;
  const range = (s: number, e: number): Range => ({ start: a.positionAt(s), end: a.positionAt(e) });
  const push = (code: DiagnosticCode, r: Range, message: string, data?: DiagnosticData): void => {
    const sev = settings.severity[code];
    if (!sev || sev === 'off') return;
    out.push({ range: r, severity: SEVERITY[sev], code, source: SOURCE, message, ...(data ? { data } : {}) });
  };

  // ---- code
  let codeEvidence: boolean | undefined;
  const evidence = (): boolean => {
    if (codeEvidence !== undefined) return codeEvidence;
    if (a.mentionsUqpay()) return (codeEvidence = true);
    for (const region of a.code) {
      for (let i = 0; i < region.literals.length; i++) {
        const l = region.literals[i];
        if (!l.interpolated && catalog.isCode(l.value) && contextOf(a, region, i)?.kind === 'code') return (codeEvidence = true);
      }
    }
    return (codeEvidence = false);
  };
  const verdicts = verdictsFor(catalog);
  const text = a.text;
  // the literals' offsets only grow: the next backslash is carried forward, not searched per literal
  const backslashes = new PlainStrings(text, text.length);
  for (const region of a.code) {
    const lits = region.literals;
    const seen = region.verdicts;
    for (let i = 0; i < lits.length; i++) {
      if (seen[i] === 1) continue;
      const lit = lits[i];
      const verdict = !lit.terminated || lit.interpolated || lit.cEnd - lit.cStart < 2 ? NOT_A_CANDIDATE : verdicts.ofLiteral(text, lit, backslashes.backslashFrom(lit.cStart) < lit.cEnd);
      seen[i] = verdict === NOT_A_CANDIDATE ? 1 : 2;
      if (verdict === NOT_A_CANDIDATE) continue;
      const v = lit.value;
      const ctx = contextOf(a, region, i);
      if (!ctx || ctx.kind !== 'code' || ctx.key) continue;
      if (verdict === IS_TYPE && !evidence()) continue;
      const content = range(lit.cStart, lit.cEnd);
      if (verdict === IS_TYPE) {
        const member = ctx.member ? { range: range(ctx.member.start, ctx.member.end), newText: ctx.member.newText } : undefined;
        push('type-used-as-code', range(lit.start, lit.end), MSG.typeAsCode(v, lang), { content, member });
        continue;
      }
      push('unknown-error-code', range(lit.start, lit.end), MSG.unknown(v, verdict, lang), { content, suggestions: verdict });
    }
  }

  // ---- error bodies (JSON, YAML, text): the catalog's body rules, phrased for the editor. Problems
  // about the reading rather than the text (no-error-code, sdk-made, message-mismatch,
  // not-global-acquiring) are decode's to explain; the editor flags what can be fixed in place.
  let dataEvidence: boolean | undefined;
  const bodyEvidence = (): boolean =>
    (dataEvidence ??= a.mentionsUqpay() || a.objects.some((o) => typeof o.code?.value === 'string' && catalog.isCode(o.code.value)
      && (!o.type || (typeof o.type.value === 'string' && catalog.isType(o.type.value)))));
  let inCodeEvidence: boolean | undefined;
  const codeBodyEvidence = (): boolean =>
    (inCodeEvidence ??= evidence() || a.objects.some((o) => o.inCode && typeof o.code?.value === 'string' && catalog.isCode(o.code.value)
      && typeof o.type?.value === 'string' && catalog.isType(o.type.value)));
  const unfinished = (t: BodyToken): boolean => t.start !== t.cStart && t.end === t.cEnd;
  const tokenRange = (t: { start: number; end: number }): Range => range(t.start, t.end);
  for (const o of a.objects) {
    if (!o.isBody || !o.code) continue;
    const code = o.code;
    if (code.value === '' || unfinished(code) || (o.type && unfinished(o.type))) continue;
    // a body in code (a test's mock, a dict) is anyone's until the file shows it deals with UQPAY
    if (o.inCode && !codeBodyEvidence()) continue;
    const typeValue = typeof o.type?.value === 'string' ? o.type.value : null;
    const typeKnown = typeValue !== null && catalog.isType(typeValue);
    const message = typeof o.message?.value === 'string' ? o.message.value : null;
    const verdict = checkBody(catalog, { code: code.value, type: typeValue, message, httpStatus: o.status?.value ?? null });
    for (const p of verdict.problems) {
      switch (p.code) {
        case 'envelope-b-pending':
          // a mock in code with its HTTP status beside it: the code around handles that status, the note is decode's
          if (o.inCode && o.status) break;
          push('envelope-b-pending', tokenRange(code), MSG.envelopeB(lang));
          break;
        case 'envelope-b-not-pending':
          if (o.inCode && o.status) break;
          if (bodyEvidence()) push('envelope-b-pending', tokenRange(code), MSG.notPending(p.value, lang));
          break;
        case 'status-body-disagree':
          // in code the status is only a number near the body: it informs the reading, nothing to flag
          if (o.inCode) break;
          // the pending body on a 400 is how the gateway answers a replay in flight: nothing to fix
          if (o.status && p.trusted === 'status' && bodyEvidence()) push('http-status-mismatch', tokenRange(o.status), MSG.statusBody(p.status, p.value, p.readAs, lang));
          break;
        case 'code-type-mismatch':
          // the Node SDK's own shape for the legacy code: `{type: 'invalid_request_error', code: '200'}`
          if (o.inCode && /^\d+$/.test(String(code.value))) break;
          if (o.type) push('code-type-mismatch', tokenRange(o.type), MSG.mismatch(p.value, p.type, p.listed, lang));
          break;
        case 'http-status-mismatch':
          if (o.inCode) break; // see status-body-disagree
          if (o.status) push('http-status-mismatch', tokenRange(o.status), MSG.status(p.status, p.type, p.value, p.expected, lang));
          break;
        case 'type-used-as-code':
          // `{type: 'not_found', code: 'not_found'}` in code repeats the type on purpose, as the gateway does for api_error
          if (o.inCode && p.value === typeValue) break;
          if (typeKnown || bodyEvidence()) push('type-used-as-code', tokenRange(code), MSG.typeAsCode(p.value, lang), { content: range(code.cStart, code.cEnd) });
          break;
        case 'unknown-code':
          // only what looks like a code, and outside UQPAY files only with a documented type
          // in code, a typo detector: codes with no close match belong to other APIs
          if (CODE_SHAPE.test(p.value) && !/^\d+$/.test(p.value) && (o.inCode ? p.suggestions.length > 0 : typeKnown || (bodyEvidence() && p.suggestions.length > 0))) {
            push('unknown-error-code', tokenRange(code), MSG.unknown(p.value, p.suggestions, lang) + (p.byType ? MSG.byType(p.byType, lang) : ''),
              { content: range(code.cStart, code.cEnd), suggestions: p.suggestions });
          }
          break;
        default:
          break;
      }
    }
  }
  return out;
}
