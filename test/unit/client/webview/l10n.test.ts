// Every string the extension and its webviews show has a Chinese translation, with the same
// placeholders, and every %key% of package.json exists in both package.nls files.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GROUP_TITLES, UI_STRINGS, localizedStrings, format } from '../../../../client/src/webview/strings';
import { ROOT } from '../../../support/paths';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** String literals passed to `vscode.l10n.t(...)` or a host env's `t(...)`. */
function translatedLiterals(): string[] {
  const out = new Set<string>();
  for (const file of sources('client/src')) {
    for (const m of read(file).matchAll(/(?:l10n\.t|\bt)\(\s*'((?:[^'\\]|\\.)*)'/g)) out.add(m[1]!.replace(/\\'/g, "'"));
  }
  return [...out];
}

const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('localization', () => {
  it('finds the strings the extension translates (the extraction itself works)', () => {
    const lits = translatedLiterals();
    assert.ok(lits.includes('Copied {0}.'));
    assert.ok(lits.includes('Look Up UQPAY Error Code'));
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

  it('writes Chinese text with Chinese punctuation: no ASCII , ; : ( ) next to a Han character', () => {
    // Code spans and quoted samples (`x-auth-token: Bearer <token>`, "code: message (HTTP 400)") keep theirs.
    const offending = (text: string) => /[\u4e00-\u9fff][,;:()]|[,;:(][\u4e00-\u9fff]|[\u4e00-\u9fff] [,;:)]/.test(text.replace(/`[^`]*`|"[^"]*"/g, ''));
    const chinese: [string, string][] = Object.entries(bundle).map(([k, v]) => [`l10n: ${k}`, v]);
    const walk = (where: string, v: unknown): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(`${where}/${i}`, x));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === 'zh-CN' && typeof x === 'string' ? chinese.push([where, x]) : walk(`${where}/${k}`, x);
    };
    walk('catalog', JSON.parse(read('catalog/global-acquiring.json')));
    // The hover's and the CLI's own labels, as they are written in the sources.
    for (const file of ['server/src/service/describe.ts', 'catalog/src/localize.ts', 'cli/src/labels.ts']) {
      for (const m of read(file).matchAll(/'zh-CN': '((?:[^'\\]|\\.)*)'/g)) chinese.push([file, m[1]!]);
    }
    assert.ok(chinese.length > 150, String(chinese.length));
    assert.deepEqual(chinese.filter(([, v]) => offending(v)), []);
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
