import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { open, positionOf, until } from './helpers';

describe('completion', () => {
  it("offers the catalog's codes after err.code === '", async () => {
    const editor = await open('src/refund.ts');
    const at = positionOf(editor.document, "err.code === ''", "err.code === '".length);
    const labels = await until('UQPAY completion items', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at);
      const names = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return names.includes('refund_amount_exceeded') ? names : undefined;
    });
    // A sample across the seed's sections: common, payment, refund, customer and payout errors.
    for (const code of ['invalid_parameter', 'create_payment_intent_failed', 'refund_processing', 'retrieve_customer_failed', 'insufficient_balance', 'payment_link_expired']) {
      assert.ok(labels.includes(code), `completion should offer ${code}`);
    }
    // Strings that are not codes (types, plain words) are not offered as codes.
    assert.ok(!labels.includes('payment_error'), 'a type name is not an error code');
  });
});
