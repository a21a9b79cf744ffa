// Every string the extension and its webviews show has a Chinese translation, with the same
// placeholders, and every %key% of package.json exists in both package.nls files.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GROUP_TITLES, UI_STRINGS, localizedStrings, format } from '../../../../client/src/webview/strings';
import ts from 'typescript';
import { noteText } from '../../../../catalog/src/decodeNotes';
import { problemText } from '../../../../catalog/src/problemText';
import { SDK_MADE_VALUES } from '../../../../catalog/src/sdkSynth';
import type { BodyProblem, DecodeNoteFacts } from '../../../../catalog/src/types';
import { ROOT } from '../../../support/paths';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** String literals passed to `vscode.l10n.t(...)`, a host env's `t(...)`, `docsT(...)` or `translator(lang)(...)`. */
function translatedLiterals(): string[] {
  const out = new Set<string>();
  for (const file of sources('client/src')) {
    for (const m of read(file).matchAll(/(?:l10n\.t|\bt|\bdocsT|\btranslator\((?:[^()]|\(\))*\))\(\s*'((?:[^'\\]|\\.)*)'/g)) out.add(m[1]!.replace(/\\'/g, "'"));
  }
  return [...out];
}

/**
 * Chinese text with ASCII punctuation where Chinese needs full-width, or a space beside full-width
 * punctuation. Code spans and quoted samples (`x-auth-token: Bearer <token>`, "code: message (HTTP 400)") keep theirs.
 */
function offending(text: string): boolean {
  // `TODO:` in a generated comment and the typo diagnostic's English "did you mean …?" are kept for
  // tools and searches; they are not Chinese prose.
  const t = text.replace(/`[^`]*`|"[^"]*"/g, 'Q').replace(/\bTODO:/g, 'TODO').replace(/did you mean [^?]*\?/g, 'Q');
  // English that names Chinese ("(English or 中文)") is English text.
  const hanCount = t.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  if (!hanCount || (t.match(/[A-Za-z]/g)?.length ?? 0) > 8 * hanCount) return false;
  const han = '\\u4e00-\\u9fff';
  const full = '，。：；？！（）、“”';
  return /[?!]/.test(t) || new RegExp(`[${han}${full}] ?[,;:()]|[,;:(] ?[${han}]|\\) [${han}]| [${full}]|[${full}] `).test(t);
}

/** The string literals of a source file that hold Chinese (template parts joined with `X` for each `${…}`). */
function hanLiterals(file: string): string[] {
  const out: string[] = [];
  const text = read(file);
  // parsing is the slow part: only files with Chinese in them
  if (!/[\u4e00-\u9fff]/.test(text)) return out;
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = node.head.text + node.templateSpans.map((s) => `X${s.literal.text}`).join('');
    if (text !== undefined && /[\u4e00-\u9fff]/.test(text)) out.push(text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  return out;
}

const SAMPLE_PROBLEMS: BodyProblem[] = [
  { code: 'unknown-code', value: 'refnd_amount', suggestions: ['refund_amount_exceeded', 'refund_failed'], byType: null },
  { code: 'unknown-code', value: 'card_not_found', suggestions: [], byType: 'not_found' },
  { code: 'unknown-code', value: 'refnd_failed', suggestions: ['refund_failed'], byType: 'payment_error' },
  { code: 'type-used-as-code', value: 'api_error' },
  { code: 'not-global-acquiring', type: 'cardholder_error' },
  { code: 'code-type-mismatch', value: 'refund_failed', type: 'api_error', listed: ['payment_error'] },
  { code: 'code-type-mismatch', value: '200', type: 'api_error', listed: [] },
  { code: 'http-status-mismatch', status: 500, expected: 400, value: 'refund_failed', type: 'payment_error' },
  { code: 'http-status-mismatch', status: 500, expected: 400, value: 'refund_failed', type: null },
  { code: 'message-mismatch', sent: 'x', documented: 'y' },
  { code: 'message-mismatch', sent: 'x', documented: null },
  { code: 'envelope-b-pending' },
  { code: 'envelope-b-not-pending', value: 200 },
  { code: 'status-body-disagree', status: 400, value: 200, trusted: 'message', readAs: null },
  { code: 'status-body-disagree', status: 400, value: 200, trusted: 'status', readAs: 'invalid_request_error' },
  ...([null, 400, 429, 503] as const).flatMap((status) => [null, '30'].map((retryAfter): BodyProblem => ({ code: 'no-error-code', status, retry: 'after_backoff', retryAfter }))),
  ...SDK_MADE_VALUES.map((made): BodyProblem => ({ code: 'sdk-made', made: { field: made.field, value: made.value, sdks: made.sdks, httpStatus: 401, explanation: made.explanation } })),
];

const SAMPLE_NOTES: DecodeNoteFacts[] = [
  { kind: 'input-cut', length: 40_000_000, read: 33_554_432 }, { kind: 'skipped', shown: 200, skipped: 3 },
  { kind: 'too-deep', count: 1 }, { kind: 'too-deep', count: 2 }, { kind: 'too-many-objects' },
  { kind: 'success-bodies', count: 1 }, { kind: 'success-bodies', count: 2 }, { kind: 'not-text' },
  { kind: 'internal-error', detail: 'boom' }, { kind: 'decoder-failed' }, { kind: 'help' },
];

const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('localization', () => {
  it('finds the strings the extension translates (the extraction itself works)', () => {
    const lits = translatedLiterals();
    assert.ok(lits.includes('Copied {0}.'));
    assert.ok(lits.includes('Look Up UQPAY Error Code'));
    // docsT (views and links) and translator(lang)(…) (panel titles) are read too
    assert.ok(lits.includes('Unhandled errors only'));
    assert.ok(lits.includes('UQPAY Error Coverage'));
    assert.ok(lits.includes('Decode UQPAY Response'));
    assert.ok(lits.length >= 15, String(lits.length));
  });

  it('has a Chinese translation for every extension, webview and group string, with the same placeholders', () => {
    const all = [...translatedLiterals(), ...Object.values(UI_STRINGS), ...Object.values(GROUP_TITLES)];
    const missing = all.filter((s) => !(s in bundle));
    assert.deepEqual(missing, []);
    for (const s of all) assert.deepEqual(placeholders(bundle[s]!), placeholders(s), s);
  });

  it('sends the webviews translated strings', () => {
    const zh = localizedStrings((s) => bundle[s] ?? s);
    assert.equal(zh.clearFilters, '清除筛选');
    assert.equal(format(zh.resultCount, 3, 63), '显示 3 / 共 63 条');
  });

  it('writes Chinese text with Chinese punctuation: no ASCII , ; : ? ! ( ) next to Chinese, no space next to full-width punctuation', () => {
    const chinese: [string, string][] = Object.entries(bundle).map(([k, v]) => [`l10n: ${k}`, v]);
    const walk = (where: string, v: unknown): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(`${where}/${i}`, x));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === 'zh-CN' && typeof x === 'string' ? chinese.push([where, x]) : walk(`${where}/${k}`, x);
    };
    walk('catalog', JSON.parse(read('catalog/global-acquiring.json')));
    // Every Chinese string literal in the sources: hover labels, problem and note sentences, SDK texts, CLI labels.
    for (const dir of ['catalog/src', 'server/src', 'cli/src', 'client/src']) {
      for (const file of sources(dir)) for (const lit of hanLiterals(file)) chinese.push([file, lit]);
    }
    // The library's sentences as users read them, joins included.
    for (const p of SAMPLE_PROBLEMS) chinese.push([`problemText ${p.code}`, problemText(p, 'zh-CN')]);
    for (const n of SAMPLE_NOTES) chinese.push([`noteText ${n.kind}`, noteText(n, 'zh-CN')]);
    assert.ok(chinese.length > 400, String(chinese.length));
    assert.ok(chinese.some(([w]) => w === 'server/src/service/describe.ts'));
    assert.ok(chinese.some(([w]) => w === 'catalog/src/problemText.ts'));
    // the quick-fix titles
    for (const f of ['server/src/service/codeActions.ts', 'server/src/service/coverage/handleFix.ts', 'server/src/service/coverage/codeLens.ts']) assert.ok(chinese.some(([w]) => w === f), f);
    assert.deepEqual(chinese.filter(([, v]) => offending(v)).map(([w, v]) => `${w}: ${v}`), []);
  });

  it('the punctuation check itself catches what it is meant to', () => {
    for (const bad of ['类型: 其一', '（见上） 的', '是否想写 "a"?', '重试。 请', '错误码(code)', '见 (HTTP 400) 的']) assert.ok(offending(bad), bad);
    for (const good of ['类型：其一', '以 `x-auth-token: Bearer <token>` 发送', '例如 "code: message (HTTP 400)"', 'HTTP 400 与 type（code "x"）', 'English: fine (really)']) assert.ok(!offending(good), good);
  });

  it('declares every %key% of package.json in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.includes('command.openCatalog'));
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(read(file)) as Record<string, string>;
      assert.deepEqual(keys.filter((k) => !(k in nls)), [], file);
    }
  });
});
