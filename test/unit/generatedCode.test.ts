/**
 * What we insert into people's code compiles and keeps behaviour: the missing-cases fix on the
 * demo's TypeScript compiles under `strict` with the project's TypeScript (a case that broke out
 * of a switch whose default throws made the function fall off its end, TS2366).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../../catalog/src/index';
import { getSwitchCaseActions } from '../../server/src/service/switchCases';

const catalog = loadBuiltinCatalog();
const DEMO = join(__dirname, '..', '..', 'demo', 'node');

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
});
