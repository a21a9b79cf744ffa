import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { UqpayErrorsApi } from '../../../client/src/extension';
import { activeExtension, open, revertActiveEditor, until } from './helpers';

async function api(): Promise<UqpayErrorsApi> {
  const ext = await activeExtension();
  const exported = ext.exports as UqpayErrorsApi | undefined;
  assert.ok(exported?.catalogPanel && exported.decodePanel, 'activate() should return the panels API');
  return exported;
}

describe('commands and panels', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('Open Error Catalog opens the catalog browser, whose page answers the ready handshake', async () => {
    const { catalogPanel } = await api();
    await vscode.commands.executeCommand('uqpayErrors.openCatalog');
    assert.equal(catalogPanel.exists, true, 'the command should create the panel');
    assert.equal(await catalogPanel.whenReady(30000), true, 'the catalog page should send ready');
    assert.equal(catalogPanel.ready, true);
  });

  it('Insert at cursor reaches the last text editor even when the catalog\'s tab covers it', async () => {
    const { catalogPanel } = await api();
    const editor = await open('src/refund.ts');
    const doc = editor.document;
    const end = doc.positionAt(doc.getText().length);
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('uqpayErrors.openCatalog');
    assert.equal(await catalogPanel.whenReady(30000), true);
    // The catalog's tab moves into the editor's group, on top of refund.ts: its TextEditor is gone.
    await vscode.commands.executeCommand('workbench.action.moveEditorToFirstGroup');
    await until('refund.ts hidden behind the catalog', () => (vscode.window.visibleTextEditors.some((e) => e.document === doc) ? undefined : true));
    await catalogPanel.send({ type: 'action', action: 'insertCode', id: 'refund/refund_amount_exceeded' });
    try {
      assert.ok(doc.getText().endsWith('refund_amount_exceeded'), doc.getText().slice(-80));
      assert.equal(vscode.window.activeTextEditor?.document, doc, 'the editor is shown again where the user was');
    } finally {
      await revertActiveEditor();
    }
  });

  it('Decode Response opens the decode panel on the selected response and decodes it', async () => {
    const { decodePanel } = await api();
    const editor = await open('responses/account-error.json');
    const doc = editor.document;
    editor.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(doc.getText().length));
    await vscode.commands.executeCommand('uqpayErrors.decodeResponse');
    assert.equal(decodePanel.exists, true, 'the command should create the panel');
    assert.equal(await decodePanel.whenReady(30000), true, 'the decode page should send ready');
    // The seed: account_not_found is an account_error, HTTP 400, envelope A.
    const finding = await until('the decode result', () => decodePanel.lastResult?.findings.find((f) => f.code === 'account_not_found'));
    assert.equal(finding.envelope, 'A');
    assert.equal(finding.type, 'account_error');
    assert.equal(finding.known, true);
    assert.equal(finding.expectedHttpStatus, 400);
  });
});
