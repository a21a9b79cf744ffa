import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { UqpayErrorsApi } from '../../../client/src/extension';
import { activeExtension, open, positionOf, revertActiveEditor, setSetting, until } from './helpers';

async function api(): Promise<UqpayErrorsApi> {
  const exported = (await activeExtension()).exports as UqpayErrorsApi | undefined;
  assert.ok(exported?.coverageView, 'activate() should return the coverage view');
  return exported;
}

function lenses(uri: vscode.Uri): Thenable<vscode.CodeLens[] | undefined> {
  return vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
}

// src/coverage.ts: Create Payout has 9 own errors + 7 general ones (catalog); the catch compares
// insufficient_balance and velocity_limit_exceeded.
describe('error coverage', () => {
  afterEach(revertActiveEditor);

  it('shows "Create Payout · handles 2 of 16 errors" on the call, with the errors its click lists', async () => {
    const editor = await open('src/coverage.ts');
    const lens = await until('the coverage lens', async () => (await lenses(editor.document.uri))?.find((l) => l.command?.title.startsWith('Create Payout')));
    assert.equal(lens.command!.title, 'Create Payout · handles 2 of 16 errors');
    assert.equal(lens.range.start.line, positionOf(editor.document, 'payouts.create').line);
    assert.equal(lens.command!.command, 'uqpayErrors.showCoverage');
    const args = lens.command!.arguments![0] as { errors: { code: string; handled: { line: number }[] }[] };
    assert.deepEqual(args.errors.filter((e) => e.handled.length).map((e) => [e.code, e.handled[0].line]),
      [['insufficient_balance', 8], ['velocity_limit_exceeded', 9]]);
  });

  it('the setting uqpayErrors.coverage.codeLens turns the lens off', async () => {
    const editor = await open('src/coverage.ts');
    const restore = await setSetting('coverage.codeLens', false);
    try {
      await until('no coverage lens', async () => ((await lenses(editor.document.uri)) ?? []).some((l) => l.command?.title.includes('handles')) ? undefined : true);
    } finally {
      await restore();
    }
    await until('the lens again', async () => ((await lenses(editor.document.uri)) ?? []).find((l) => l.command?.title.includes('handles')));
  });

  it('the quick fix on the catch branch inserts cases for the unhandled Create Payout codes', async () => {
    const editor = await open('src/coverage.ts');
    const at = positionOf(editor.document, 'throw err');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(at, at), vscode.CodeActionKind.QuickFix.value);
    // 14 unhandled errors, 13 codes: payout/ and general/invalid_parameter share one case
    const fix = (actions ?? []).find((a) => a.title === 'Handle the 13 unhandled Create Payout errors');
    assert.ok(fix?.edit, `the fix should be offered, got ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
    const before = editor.document.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    try {
      const after = editor.document.getText();
      assert.match(after, /switch \(\(err as Record<string, unknown>\)\.code\) \{\n {6}case 'create_payout_failed': \/\/ /);
      // everything that was there is still there, in order
      assert.ok(after.includes(before.slice(before.indexOf("    if (err instanceof UQPayError && err.code === 'insufficient_balance')"))));
      // the new case labels sit in the call's error path: the lens now counts every error
      await until('the lens to follow', async () => (await lenses(editor.document.uri))?.find((l) => l.command?.title === 'Create Payout · handles 16 of 16 errors'));
    } finally {
      const all = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
      await editor.edit((b) => b.replace(all, before));
    }
  });

  it('the coverage view lists the workspace endpoints, filters them and follows edits', async () => {
    const { coverageView: view } = await api();
    const payout = () => view.report?.report.endpoints.find((e) => e.endpoint === 'Create Payout');
    // the quick fix test's edit was reverted: wait until the index has the file as it is on disk
    await until('the workspace report', () => (payout()?.handled === 2 ? true : undefined));
    // python/payout.py calls it too and handles insufficient_balance, as src/coverage.ts does
    assert.deepEqual(payout()!.calls.map((c) => `${c.file}:${c.line}`), ['python/payout.py:6', 'src/coverage.ts:6']);
    assert.equal(payout()!.handled, 2);
    const top = view.getChildren();
    assert.ok(top.some((n) => n.kind === 'endpoint' && n.ep.endpoint === 'Create a refund'), 'src/refund.ts calls Create a refund');

    view.setFilter('handled');
    const node = view.getChildren().find((n) => n.kind === 'endpoint' && n.ep.endpoint === 'Create Payout')!;
    const errors = view.getChildren(node).filter((n) => n.kind === 'error').map((n) => (n.kind === 'error' ? n.err.code : ''));
    assert.deepEqual(errors, ['insufficient_balance', 'velocity_limit_exceeded']);
    view.setFilter('unhandled');
    assert.equal(view.getChildren(node).filter((n) => n.kind === 'error').length, 14);
    view.setFilter('all');

    // an edit that handles one more error reaches the view
    const editor = await open('src/coverage.ts');
    const handledAt = () => payout()?.errors.find((e) => e.id === 'payout/create_payout_failed')?.handled.map((h) => `${h.file}:${h.line}`);
    const changed = new Promise<void>((resolve) => {
      const sub = view.onDidRefresh(() => {
        if (handledAt()?.length) {
          sub.dispose();
          resolve();
        }
      });
    });
    await editor.edit((b) => b.insert(positionOf(editor.document, '    throw err;', 0), "    if (err instanceof UQPayError && err.code === 'create_payout_failed') return 'again';\n"));
    await changed;
    assert.deepEqual(handledAt(), [`src/coverage.ts:${positionOf(editor.document, "'create_payout_failed'").line + 1}`]);
  });

  it('terminal links: a code opens the catalog on it, a JSON error body the decode panel', async () => {
    const { terminalLinks, decodePanel, catalogPanel } = await api();
    const terminal = vscode.window.createTerminal('uqpay-links');
    try {
      const body = '{"type":"refund_error","code":"refund_amount_exceeded","message":"Refund amount exceeded"}';
      const source = new vscode.CancellationTokenSource();
      const links = await terminalLinks.provideTerminalLinks({ line: `FAIL payouts: insufficient_balance ${body}`, terminal }, source.token);
      assert.deepEqual((links ?? []).map((l) => [l.match.kind, l.match.text]), [['code', 'insufficient_balance'], ['body', body]]);
      await terminalLinks.handleTerminalLink(links![1]);
      assert.equal(await decodePanel.whenReady(30000), true);
      await until('the decoded body', () => decodePanel.lastResult?.findings.find((f) => f.code === 'refund_amount_exceeded'));
      await terminalLinks.handleTerminalLink(links![0]);
      assert.equal(await catalogPanel.whenReady(30000), true);
    } finally {
      terminal.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
