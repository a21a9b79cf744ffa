// The switch fix and hint reached through the service facade, as the LSP server and CLI use them.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { loadBuiltinCatalog } from '../../../../catalog/src/index';
import { createErrorCodeService, DEFAULT_SETTINGS, type ServiceSettings } from '../../../../server/src/service/index';
import { FIXTURES } from '../../../support/paths';

const text = readFileSync(join(FIXTURES, 'switch', 'refund.ts'), 'utf8');

function settings(severity: ServiceSettings['severity']['non-exhaustive-switch'], docsLanguage: 'en' | 'zh-CN' = 'en'): ServiceSettings {
  return { ...DEFAULT_SETTINGS, severity: { ...DEFAULT_SETTINGS.severity, 'non-exhaustive-switch': severity }, docsLanguage };
}

describe('switchCases through the service', () => {
  const service = createErrorCodeService({ catalog: loadBuiltinCatalog() });
  const doc = TextDocument.create('file:///svc/refund.ts', 'typescript', 1, text);
  const at = doc.positionAt(text.indexOf("case 'refund_amount_invalid'"));

  it('the non-exhaustive-switch hint is off by default and appears with the severity the user sets', () => {
    const none = service.doValidation(doc, settings('off')).filter((d) => d.code === 'non-exhaustive-switch');
    assert.deepEqual(none, []);
    const on = service.doValidation(doc, settings('information')).filter((d) => d.code === 'non-exhaustive-switch');
    assert.equal(on.length, 1);
    assert.equal(on[0]!.severity, DiagnosticSeverity.Information);
  });

  it('offers the quick fix with the hint in the context, in the documentation language', async () => {
    const s = settings('hint', 'zh-CN');
    const diagnostics = service.doValidation(doc, s).filter((d) => d.code === 'non-exhaustive-switch');
    const actions = await service.doCodeActions(doc, { start: at, end: at }, { diagnostics }, s);
    const fix = actions.find((a) => a.title === '添加 6 个缺少的 UQPAY 错误码分支');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.deepEqual(fix.diagnostics, diagnostics);
    const inserted = fix.edit!.changes![doc.uri]![0]!.newText;
    assert.match(inserted, /case 'create_refund_failed': \/\/ .*[\u4e00-\u9fff]/);
  });

  it('offers the quick fix even when the hint is off', async () => {
    const actions = await service.doCodeActions(doc, { start: at, end: at }, { diagnostics: [] }, settings('off'));
    assert.ok(actions.some((a) => a.title === 'Add 6 missing UQPAY error cases'));
  });
});
