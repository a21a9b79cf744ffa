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

  // Issue 13: statuses and codes of an SDK class from the SDK facts (Node: 429 → RateLimitError,
  // retried by the SDK) and the catalog (velocity_limit_exceeded is the catalog's 429 code).
  it('explains the Node SDK\'s RateLimitError where the file imports @uqpay/sdk', async () => {
    const editor = await open('src/capture.ts');
    const at = positionOf(editor.document, 'instanceof RateLimitError', 14);
    const text = await until('an SDK class hover', async () => {
      const t = await hoverText(editor.document.uri, at);
      return t.includes('RateLimitError') ? t : undefined;
    });
    assert.match(text, /\b429\b/);
    assert.match(text, /velocity_limit_exceeded/);
    assert.match(text, /retries it by itself/);
  });

  it('reads an error body written as an object literal: the type as a type, the code as a code', async () => {
    const editor = await open('src/capture.ts');
    const uri = editor.document.uri;
    const type = await until('a type hover in an object literal', async () => {
      const t = await hoverText(uri, positionOf(editor.document, "'payment_error'", 3));
      return t.includes('UQPAY error type') ? t : undefined;
    });
    assert.match(type, /payment_error/);
    const code = await hoverText(uri, positionOf(editor.document, "'expired_order'", 3));
    assert.match(code, /UQPAY error code/);
    assert.match(code, /Expired payment intent/);
  });

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
