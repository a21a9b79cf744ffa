import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, open, ourDiagnostics, positionOf, rangeOf, revertActiveEditor, setSetting, severityWith, waitForDiagnostics } from './helpers';

const REFUND_GROUP_ONLY = ['create_refund_failed', 'refund_processing', 'refund_stat_failed', 'retrieve_refund_failed'];

function caseLabels(text: string): string[] {
  return [...text.matchAll(/case\s+'([^']+)'/g)].map((m) => m[1]);
}

describe('diagnostics and quick fixes', () => {
  afterEach(revertActiveEditor);

  it('flags a misspelt code and its preferred quick fix replaces it', async () => {
    const editor = await open('src/misspelt.ts');
    const uri = editor.document.uri;
    const [diag] = (await waitForDiagnostics(uri, 'an unknown-error-code diagnostic', () => ourDiagnostics(uri, 'unknown-error-code').length === 1))
      .filter((d) => diagnosticCode(d) === 'unknown-error-code');
    assert.ok(diag.range.contains(positionOf(editor.document, "'refund_amount_exceded'", 3)), 'the diagnostic should sit on the misspelt literal');
    assert.match(diag.message, /refund_amount_exceeded/, 'the message should suggest the right code');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = (actions ?? []).filter((a) => a.isPreferred && a.edit);
    assert.equal(preferred.length, 1, `one preferred fix expected, got: ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(preferred[0].edit!), 'the edit should apply');
    assert.match(editor.document.getText(), /err\.code === 'refund_amount_exceeded'/);

    await waitForDiagnostics(uri, 'the diagnostic to disappear', () => ourDiagnostics(uri).length === 0);
  });

  it('the switch quick fix inserts the missing refund cases and adds no diagnostic', async () => {
    // non-exhaustive-switch is off by default; turn it on so that its disappearance tells us the
    // server has checked the edited document.
    const restore = await setSetting('severity', severityWith('non-exhaustive-switch', 'warning'));
    try {
      const editor = await open('src/switch.ts');
      const uri = editor.document.uri;
      const before = await waitForDiagnostics(uri, 'a non-exhaustive-switch diagnostic', () => ourDiagnostics(uri, 'non-exhaustive-switch').length === 1);
      const others = before.filter((d) => diagnosticCode(d) !== 'non-exhaustive-switch');
      const labelsBefore = caseLabels(editor.document.getText());

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', uri, rangeOf(editor.document, 'switch (err.code)'), vscode.CodeActionKind.QuickFix.value);
      const fix = (actions ?? []).find((a) => /^Add \d+ missing UQPAY error cases?$/.test(a.title));
      assert.ok(fix?.edit, `the switch fix should be offered, got: ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
      const n = Number(/\d+/.exec(fix.title)![0]);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));

      const text = editor.document.getText();
      const added = caseLabels(text).filter((l) => !labelsBefore.includes(l));
      assert.equal(added.length, n, 'the title should count the inserted cases');
      for (const code of REFUND_GROUP_ONLY) assert.ok(added.includes(code), `a case for ${code} should be inserted`);
      assert.ok(text.indexOf(`'${REFUND_GROUP_ONLY[0]}'`) < text.indexOf('default:'), 'new cases go before the default branch');

      const after = await waitForDiagnostics(uri, 'the non-exhaustive-switch diagnostic to go', () => ourDiagnostics(uri, 'non-exhaustive-switch').length === 0);
      const fresh = after.filter((d) => !others.some((o) => o.message === d.message && diagnosticCode(o) === diagnosticCode(d)));
      assert.deepEqual(fresh.map((d) => `${d.source}: ${d.message}`), [], 'the fix must not introduce diagnostics');
    } finally {
      await restore();
    }
  });
});
