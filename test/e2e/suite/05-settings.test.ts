import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { UqpayErrorsApi } from '../../../client/src/extension';
import {
  activeExtension, HAN, hoverText, open, ourDiagnostics, positionOf, setSetting, severityWith, until, waitForDiagnostics, workspaceRoot,
} from './helpers';

/** A user catalog adding one code (the shape of test/fixtures/catalog/extra-valid.json). */
const TEAM_CATALOG = {
  name: 'Team additions', version: '1', docs: 'https://example.invalid/docs',
  types: [{ name: 'team_error', httpStatus: [409], defaultHttpStatus: 409, description: { en: 'Errors our own gateway adds.', 'zh-CN': '我们自己的网关添加的错误。' } }],
  errors: [{
    id: 'payment/team_limit', group: 'payment', envelope: 'A', code: 'team_limit', types: ['team_error'], typeCertain: true,
    message: 'Team limit reached', httpStatus: [409], endpoints: ['Create a PaymentIntent'], retry: 'after_backoff',
    summary: { en: 'The team\'s daily volume limit was reached.', 'zh-CN': '达到了团队每日交易量上限。' },
    advice: { en: 'Wait until tomorrow or ask for a higher limit.', 'zh-CN': '等到第二天，或申请提高上限。' },
    docs: 'https://example.invalid/docs#team_limit',
  }],
};

describe('settings', () => {
  it('severity "off" removes the unknown-error-code diagnostic, and restoring brings it back', async () => {
    const editor = await open('src/severity.ts');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, 'the misspelt code to be flagged', () => ourDiagnostics(uri, 'unknown-error-code').length === 1);
    const restore = await setSetting('severity', severityWith('unknown-error-code', 'off'));
    try {
      await waitForDiagnostics(uri, 'the diagnostic to be switched off', () => ourDiagnostics(uri, 'unknown-error-code').length === 0);
    } finally {
      await restore();
    }
    await waitForDiagnostics(uri, 'the diagnostic to come back', () => ourDiagnostics(uri, 'unknown-error-code').length === 1);
  });

  it('docsLanguage zh-CN switches the hover to Chinese, en back to English', async () => {
    const editor = await open('python/payout.py');
    const at = positionOf(editor.document, '"insufficient_balance"', 3);
    const restore = await setSetting('docsLanguage', 'en');
    try {
      const en = await until('an English hover', async () => {
        const t = await hoverText(editor.document.uri, at);
        return t.includes('insufficient') && !HAN.test(t) ? t : undefined;
      });
      assert.ok(en.length > 0);
      await setSetting('docsLanguage', 'zh-CN');
      const zh = await until('a Chinese hover', async () => {
        const t = await hoverText(editor.document.uri, at);
        return HAN.test(t) ? t : undefined;
      });
      // The code itself stays in the hover whatever the language.
      assert.match(zh, /insufficient_balance/);
    } finally {
      await restore();
    }
  });

  // Exercises the pieces loaded after activation: the language client bundle restarts the server,
  // the validator bundle checks the file for the client's own catalog (decode panel).
  it('extraCatalogs: a team catalog restarts the server and its code reaches hovers and the decode panel', async () => {
    const api = (await activeExtension()).exports as UqpayErrorsApi;
    const root = workspaceRoot();
    const catalogUri = vscode.Uri.joinPath(root, 'team.uqpay-errors.json');
    const sourceUri = vscode.Uri.joinPath(root, 'src', 'team.ts');
    const responseUri = vscode.Uri.joinPath(root, 'responses', 'team-error.json');
    const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await write(catalogUri, JSON.stringify(TEAM_CATALOG, null, 2));
    await write(sourceUri, "// UQPAY gateway errors\nexport const limited = (err: { code: string }) => err.code === 'team_limit';\n");
    await write(responseUri, '{"type":"team_error","code":"team_limit","message":"Team limit reached"}\n');
    const clientBefore = await api.client;
    const restore = await setSetting('extraCatalogs', ['team.uqpay-errors.json']);
    try {
      await until('a new language client', () => {
        const c = api.currentClient();
        return c && c !== clientBefore && c.isRunning() ? c : undefined;
      });
      const editor = await open('src/team.ts');
      const at = positionOf(editor.document, "'team_limit'", 3);
      await until('a hover from the team catalog', async () => ((await hoverText(sourceUri, at)).includes('daily volume limit') ? true : undefined));

      const response = await open('responses/team-error.json');
      const doc = response.document;
      response.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(doc.getText().length));
      let asked = 0;
      const finding = await until('the decode panel to know team_limit', async () => {
        const f = api.decodePanel.lastResult?.findings.find((x) => x.code === 'team_limit');
        if (f?.known) return f;
        // The client reloads its catalog on the same setting change: ask again until it has.
        if (Date.now() - asked > 1000) {
          asked = Date.now();
          await vscode.commands.executeCommand('uqpayErrors.decodeSelection');
        }
        return undefined;
      });
      assert.equal(finding.type, 'team_error');
      assert.equal(finding.expectedHttpStatus, 409);
    } finally {
      await restore();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const uri of [catalogUri, sourceUri, responseUri]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });
});
