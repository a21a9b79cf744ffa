// The diagnostic's cheap path (keywords in code, then tokens of each statement only) must see
// exactly the statements the full token stream shows, and real code that is not about UQPAY must
// get no diagnostic at all.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../../../../catalog/src/index';
import { analyzeText } from '../../../../server/src/service/analysis';
import { findSwitches, findSwitchesFast, type SwitchStatement } from '../../../../server/src/service/switch/find';
import type { TokenSource } from '../../../../server/src/service/switch/tokens';
import { findNonExhaustiveSwitches, tokenSourceOf } from '../../../../server/src/service/switchCases';
import { FIXTURES, ROOT } from '../../../support/paths';

const catalog = loadBuiltinCatalog();
const SWITCH = join(FIXTURES, 'switch');

const BY_EXT: Record<string, string> = {
  ts: 'typescript', tsx: 'typescriptreact', js: 'javascript', py: 'python', go: 'go', java: 'java', cs: 'csharp',
  php: 'php', kt: 'kotlin', rs: 'rust', rb: 'ruby', swift: 'swift', mjs: 'javascript', cjs: 'javascript', dart: 'dart',
};

/** What matters for the diagnostic: where each statement is and what its clauses hold. */
function shape(list: SwitchStatement[]): string[] {
  return list
    .map((s) => `${s.keyword.start}-${s.end} ${s.subject.map((t) => t.text).join('')} ` +
      s.clauses.map((c) => `${c.kind}:${c.literals.map((t) => t.value ?? t.text).join('|')}`).join(','))
    .sort();
}

function source(text: string, languageId: string): TokenSource {
  const src = tokenSourceOf(analyzeText('test://x', 1, languageId, text));
  assert.ok(src, languageId);
  return src;
}

function filesUnder(dir: string, exts: RegExp, maxBytes: number, limit: number): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (out.length >= limit) return;
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (exts.test(name) && st.size <= maxBytes) out.push(p);
    }
  };
  walk(dir);
  return out;
}

describe('switchCases: the fast path of the diagnostic', () => {
  it('finds the same statements as the full lexing in every fixture', () => {
    for (const name of readdirSync(SWITCH)) {
      const languageId = BY_EXT[name.replace(/^.*\./, '')]!;
      const src = source(readFileSync(join(SWITCH, name), 'utf8'), languageId);
      const full = findSwitches(src);
      assert.ok(full.length > 0, `${name} has statements`);
      assert.deepEqual(shape(findSwitchesFast(src)), shape(full), name);
    }
  });

  it('finds the same statements in tricky text: keywords in comments and strings, nesting, long lookbacks', () => {
    const samples: [string, string][] = [
      ['typescript', [
        '// switch (err.code) { case "refund_processing": }',
        'const s = "switch (x) {";',
        'const t = `${(() => { switch (err.code) { case "refund_processing": return 1; } return 0; })()}`;',
        'switch (a.code) {',
        '  case "create_customer_failed":',
        '    switch (b.code) { case "refund_processing": break; }',
        '    break;',
        '}',
        'const re = /switch/;',
        'obj.switch(1);',
      ].join('\n')],
      ['csharp', 'var m = ex.Inner.Error.Code switch { "refund_processing" => 1, _ => 0 };\n/* switch */ switch (ex.Code) { case "x": break; }\n'],
      ['python', 'match = 1\ndef f(e):\n    """match e.code:"""\n    match e.code:\n        case "refund_processing":\n            match e.type:\n                case "api_error":\n                    pass\n        case _:\n            pass\n    return 1\n'],
      ['ruby', 'x = case e.code\n    when "refund_processing" then 1\n    end\ncase e.code\nwhen "api_error"\n  case e.type\n  when "x" then 1\n  end\nend\n# case e.code\n'],
      ['kotlin', 'val s = "when (x) {"\nwhen (e.code) {\n    "refund_processing" -> when (e.type) { "api_error" -> 1; else -> 2 }\n    else -> 0\n}\n'],
      ['go', 'switch x := f(); x {\ncase "refund_processing":\n\tswitch y {\n\tcase "a":\n\t}\n}\n'],
      ['rust', 'let a = match e.code.as_str() { "refund_processing" => 1, _ => 0 };\nmatch x { _ => {} }\n'],
      ['php', "<?php\n$m = match ($c) { 'refund_processing' => 1, default => 0 };\nswitch ($c) { case 'api_error': break; }\n# switch\n"],
      ['swift', 'switch e.code {\ncase "refund_processing":\n    switch e.type { default: break }\ndefault:\n    break\n}\n'],
      ['java', 'int n = switch (e.getCode()) { case "refund_processing" -> 1; default -> 0; };\n'],
      ['dart', "final s = 'switch (x) {';\nfinal n = switch (e.serverCode) { 'refund_processing' => switch (e.type) { 'api_error' => 1, _ => 2 }, _ => 0 };\nswitch (e.serverCode) { case 'api_error': break; }\n"],
    ];
    for (const [languageId, text] of samples) {
      const src = source(text, languageId);
      const full = findSwitches(src);
      assert.ok(full.length > 0, languageId);
      assert.deepEqual(shape(findSwitchesFast(src)), shape(full), languageId);
    }
  });

  it('agrees with the full lexing on real JavaScript/TypeScript from node_modules, and reports nothing there', function () {
    this.timeout(120000);
    const files = [
      ...filesUnder(join(ROOT, 'node_modules', 'vscode-languageserver', 'lib'), /\.js$/, 300_000, 30),
      ...filesUnder(join(ROOT, 'node_modules', 'vscode-languageserver-protocol', 'lib'), /\.js$/, 300_000, 30),
      ...filesUnder(join(ROOT, 'node_modules', 'jsonc-parser', 'lib', 'esm'), /\.js$/, 300_000, 20),
      ...filesUnder(join(ROOT, 'node_modules', 'minisearch', 'dist'), /\.(js|ts)$/, 300_000, 10),
      ...filesUnder(join(ROOT, 'node_modules', 'ajv', 'lib'), /\.ts$/, 300_000, 60),
    ];
    assert.ok(files.length > 40, `a corpus (${files.length} files)`);
    let statements = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const languageId = file.endsWith('.ts') ? 'typescript' : 'javascript';
      const src = source(text, languageId);
      const full = findSwitches(src);
      statements += full.length;
      assert.deepEqual(shape(findSwitchesFast(src)), shape(full), file);
      assert.deepEqual(findNonExhaustiveSwitches(TextDocument.create(`file://${file}`, languageId, 1, text), catalog), [], file);
    }
    assert.ok(statements > 20, `the corpus has switches (${statements})`);
  });
});
