/**
 * What we insert into people's code compiles and keeps behaviour: the missing-cases fix on the
 * demo's TypeScript compiles under `strict` with the project's TypeScript (a case that broke out
 * of a switch whose default throws made the function fall off its end, TS2366); the handler
 * skeletons compile where they go (TypeScript strict inside `catch (err)`, Python with
 * py_compile, the other languages through the tree-sitter parse the switch tests use).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../../../../catalog/src/index';
import { getSwitchCaseActions } from '../../../../server/src/service/switchCases';
import { casesFor } from '../../../../client/src/snippets/handlerCases';
import { handlerSkeleton } from '../../../../client/src/snippets/handlerSnippet';
import { hasGrammar, syntaxProblems } from '../../../support/treeSitter';
import { ROOT, FIXTURES } from '../../../support/paths';

const catalog = loadBuiltinCatalog();
const DEMO = join(ROOT, 'demo', 'node');

/** Type errors of the demo project with `file` replaced by `text` (strict, as its tsconfig says). */
export function strictErrors(dir: string, file: string, text: string): string[] {
  const config = ts.readConfigFile(join(dir, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  const target = join(dir, file);
  const host = ts.createCompilerHost(parsed.options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (f === target ? text : read(f));
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (f, v, onError, create) =>
    f === target ? ts.createSourceFile(f, text, v) : getSource(f, v, onError, create);
  const program = ts.createProgram(parsed.fileNames, parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.replace(/^.*[\\/]/, '') ?? ''} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('generated code compiles', function () {
  this.timeout(60_000);

  it('the missing-cases fix on the demo\'s refunds.ts compiles under strict TypeScript', async () => {
    const text = readFileSync(join(DEMO, 'refunds.ts'), 'utf8');
    assert.deepEqual(strictErrors(DEMO, 'refunds.ts', text), [], 'the demo compiles before the fix');
    const doc = TextDocument.create('file:///demo/refunds.ts', 'typescript', 1, text);
    const pos = doc.positionAt(text.indexOf('switch (err.code)') + 2);
    const [action] = await getSwitchCaseActions(doc, { start: pos, end: pos }, catalog, 'en');
    assert.ok(action, 'the fix is offered');
    const fixed = TextDocument.applyEdits(doc, action.edit!.changes![doc.uri]!);
    assert.deepEqual(strictErrors(DEMO, 'refunds.ts', fixed), []);
    // the new codes end where the default does: they are thrown again, as they are today
    assert.match(fixed, /case '\w+': \/\/ .*\n {6}default:\n {8}throw err;/);
    assert.ok(!/break;/.test(fixed), 'no case breaks out of the switch');
  });

  const refundCases = casesFor(catalog.byGroup('refund'), 'en');

  it('the TypeScript handler skeleton compiles under strict inside catch (err), where err is unknown', () => {
    const body = handlerSkeleton('typescript', refundCases).text.split('\n').map((l) => `    ${l}`).join('\n');
    const text = `export async function f(call: () => Promise<void>): Promise<void> {\n  try {\n    await call();\n  } catch (err) {\n${body}\n  }\n}\n`;
    const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: [] };
    const host = ts.createCompilerHost(options);
    const getSource = host.getSourceFile.bind(host);
    host.getSourceFile = (f, v, onError, create) => (f === 'handler.ts' ? ts.createSourceFile(f, text, v) : getSource(f, v, onError, create));
    const program = ts.createProgram(['handler.ts'], options, host);
    assert.deepEqual(ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`), [], text);
  });

  it('the Python handler skeleton and the Python fix pass py_compile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uqpay-py-'));
    try {
      const body = handlerSkeleton('python', refundCases).text.split('\n').map((l) => `        ${l}`).join('\n');
      const skeleton = `def f(call):\n    try:\n        call()\n    except Exception as e:\n${body}\n`;
      const source = readFileSync(join(FIXTURES, 'switch', 'payment_no_default.py'), 'utf8');
      const doc = TextDocument.create('file:///fixture/payment.py', 'python', 1, source);
      const pos = doc.positionAt(source.indexOf('match e.code') + 2);
      const [action] = await getSwitchCaseActions(doc, { start: pos, end: pos }, catalog, 'zh-CN');
      assert.ok(action, 'the fix is offered');
      const fixed = TextDocument.applyEdits(doc, action.edit!.changes![doc.uri]!);
      for (const [name, text] of [['skeleton.py', skeleton], ['fixed.py', fixed]] as const) {
        writeFileSync(join(dir, name), text);
        const r = spawnSync('python3', ['-m', 'py_compile', join(dir, name)], { encoding: 'utf8' });
        assert.equal(r.status, 0, `${name}: ${r.stderr}\n${text}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the skeletons of the other languages parse (tree-sitter), in English and Chinese', async () => {
    for (const languageId of ['javascript', 'go', 'java', 'kotlin', 'csharp', 'php', 'ruby', 'rust', 'swift']) {
      if (!hasGrammar(languageId)) continue;
      for (const lang of ['en', 'zh-CN'] as const) {
        const skeleton = handlerSkeleton(languageId, casesFor(catalog.byGroup('payout'), lang)).text;
        const text = languageId === 'php' ? `<?php\n${skeleton}\n` : skeleton;
        assert.deepEqual(await syntaxProblems(text, languageId), [], `${languageId} ${lang}:\n${text}`);
      }
    }
  });
});
