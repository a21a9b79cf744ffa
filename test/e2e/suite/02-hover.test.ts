import * as assert from 'node:assert/strict';
import { hoverText, open, positionOf, until } from './helpers';

// Expected messages and HTTP statuses come from the official error-code page (the seed), not from
// the catalog file: a wrong catalog entry must fail here.
const cases = [
  { file: 'src/refund.ts', literal: "'refund_amount_exceeded'", message: 'Refund amount exceeded original transaction amount', status: '400' },
  { file: 'python/payout.py', literal: '"insufficient_balance"', message: 'Merchant’s available balance is insufficient', status: '400' },
  { file: 'go/payout.go', literal: '"velocity_limit_exceeded"', message: 'Transaction frequency/amount exceeds risk control thresholds', status: '429' },
  { file: 'java/Payments.java', literal: '"invalid_order_status"', message: 'Invalid order status', status: '400' },
  { file: 'responses/account-error.json', literal: '"account_not_found"', message: 'Account not found or deactivated', status: '400' },
];

describe('hover', () => {
  for (const c of cases) {
    it(`shows the message and HTTP status of ${c.literal} in ${c.file}`, async () => {
      const editor = await open(c.file);
      const at = positionOf(editor.document, c.literal, 3);
      // The language server may still be starting: poll the hover provider until it answers.
      const text = await until(`a UQPAY hover in ${c.file}`, async () => {
        const t = await hoverText(editor.document.uri, at);
        return t.includes(c.message) ? t : undefined;
      });
      assert.match(text, new RegExp(`\\b${c.status}\\b`), `the hover should state HTTP ${c.status}`);
    });
  }

  it('shows nothing for a code written inside a comment', async () => {
    const editor = await open('src/refund.ts');
    const uri = editor.document.uri;
    // First make sure the server answers in this file, so an empty answer below means something.
    await until('a hover on the real literal', async () =>
      (await hoverText(uri, positionOf(editor.document, "'refund_amount_exceeded'", 3))).includes('Refund amount exceeded') ? true : undefined);
    const inComment = positionOf(editor.document, "'insufficient_balance' here", 3);
    const text = await hoverText(uri, inComment);
    assert.ok(!text.includes('Merchant’s available balance is insufficient'), `no UQPAY hover expected in a comment, got: ${text}`);
    assert.ok(!/insufficient_balance/.test(text), `no hover about the commented code expected, got: ${text}`);
  });
});
