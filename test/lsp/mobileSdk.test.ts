/**
 * Issue 13 over the real protocol (dist/server.js over stdio), for the mobile SDKs: a code
 * constant hovers where it is declared, not only behind its type's name; the SDKs' own code strings
 * (`'card_declined'`, `"timeout"`) hover as that SDK's constant where a code is meant, and only
 * there; a named argument or parameter default called `type` or `…Type` is a type position. The
 * fixtures (test/fixtures/sdk/mobile/) are our own code shaped like the SDKs and their users;
 * expectations come from shared/reference/uqpay-sdk-facts.md §10-12 and the catalog.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { initialize, positionAfter, startServer, within, type TestServer } from '../support/lspClient';

const FIXTURES = join(__dirname, '..', 'fixtures', 'sdk', 'mobile');
const LANG: Record<string, string> = { ts: 'typescript', kt: 'kotlin', dart: 'dart' };
const ANDROID = / · UQPAY Android SDK \(`com\.uqpay\.sdk`\) error code constant$/;
const FLUTTER = / · UQPAY Flutter SDK \(`uqpay_sdk_flutter`\) error code constant$/;
const RN = / · UQPAY React Native SDK \(`@uqpay\/react-native`\) error code constant$/;

describe('mobile SDK code constants and code strings over stdio (issue 13)', function () {
  this.timeout(60_000);
  let s: TestServer;
  let workspace: string;
  const texts = new Map<string, string>();

  async function open(name: string, text = readFileSync(join(FIXTURES, name), 'utf8')): Promise<string> {
    const uri = pathToFileURL(join(workspace, name)).toString();
    if (texts.get(uri) === text) return uri;
    texts.set(uri, text);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: LANG[name.replace(/.*\./, '')], version: 1, text } });
    return uri;
  }
  /** Hover `k` characters into the first occurrence of `needle`. */
  async function hover(uri: string, needle: string, k = 2): Promise<string | null> {
    const position = positionAfter(texts.get(uri)!, needle, k);
    const h = (await within(s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position }), 15_000, 'hover')) as Hover | null;
    return h ? (h.contents as MarkupContent).value : null;
  }
  const title = (md: string | null) => (md ?? '<silent>').split('\n')[0];
  async function diagnostics(uri: string): Promise<unknown[]> {
    return (await s.diagnostics(uri)).diagnostics;
  }

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'uqpay-mobile-'));
    s = startServer({ cwd: workspace });
    await initialize(s, { root: workspace });
  });
  after(() => {
    s?.kill();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  describe('constants where they are declared', () => {
    it('Android: `val CARD_DECLINED: UQPayErrorCode` and the raw value in its constructor', async () => {
      const uri = await open('ErrorCodes.kt');
      const decl = await hover(uri, 'val CARD_DECLINED', 6);
      assert.match(title(decl), /^\*\*`CARD_DECLINED`\*\*/);
      assert.match(title(decl), ANDROID);
      assert.match(decl!, /Value:\*\* `card_declined`/);
      const raw = await hover(uri, 'UQPayErrorCode("timeout', 17);
      assert.match(title(raw), /^\*\*`TIMEOUT`\*\*/);
    });

    it('Android: an entry of an `enum class UQPayErrorCode` (the SDK\'s older code type)', async () => {
      const uri = await open('OldCodes.kt', 'package com.uqpay.sdk.error\n\nenum class UQPayErrorCode {\n    NOT_INITIALIZED,\n    TIMEOUT,\n}\n');
      assert.match(title(await hover(uri, 'NOT_INITIALIZED')), /^\*\*`NOT_INITIALIZED`\*\*.*error code constant$/);
      assert.match(title(await hover(uri, 'TIMEOUT')), /^\*\*`TIMEOUT`\*\*.*error code constant$/);
    });

    it('Flutter: `static const UqpayErrorCode insufficientFunds` and its raw value on the next line', async () => {
      const uri = await open('error_codes.dart');
      const decl = await hover(uri, 'UqpayErrorCode insufficientFunds', 17);
      assert.match(title(decl), /^\*\*`insufficientFunds`\*\*/);
      assert.match(title(decl), FLUTTER);
      assert.match(decl!, /Value:\*\* `insufficient_funds`/);
      assert.match(title(await hover(uri, "'insufficient_funds")), /^\*\*`insufficientFunds`\*\*/);
    });

    it('a name that is a constant elsewhere stays silent where it is neither declared nor qualified', async () => {
      const uri = await open('Loose.kt', 'import com.uqpay.sdk.error.UQPayErrorCode\n\nval TIMEOUT = 30_000L\nfun wait() = Thread.sleep(TIMEOUT)\n');
      assert.equal(await hover(uri, 'sleep(TIMEOUT', 7), null);
    });
  });

  describe('the SDKs\' own code strings in error-code contexts', () => {
    it('Android: compared with declineCode / code.raw, a when arm that gives the constant, a helper\'s code argument, a *_CODE constant', async () => {
      const uri = await open('SheetOutcome.kt');
      const funds = await hover(uri, 'declineCode == "insufficient_funds', 17);
      assert.match(title(funds), /^\*\*`INSUFFICIENT_FUNDS`\*\*/);
      assert.match(title(funds), ANDROID);
      // a legacy in-flight answer (envelope B, code 200) becomes TIMEOUT (facts §10.4)
      const timeout = await hover(uri, 'raw == "timeout', 10);
      assert.match(title(timeout), /^\*\*`TIMEOUT`\*\*/);
      assert.ok(timeout!.includes('[`200`]'), timeout!);
      // `3ds_failed` and `3ds_required` map to THREE_DS_FAILED (facts §10.4)
      const threeDs = await hover(uri, '"3ds_failed"');
      assert.match(title(threeDs), /^\*\*`THREE_DS_FAILED`\*\*/);
      assert.ok(threeDs!.includes('`3ds_required`'), threeDs!);
      assert.match(title(await hover(uri, 'gatewayFailure("card_declined', 17)), /^\*\*`CARD_DECLINED`\*\*/);
      assert.match(title(await hover(uri, 'PENDING_CODE: String = "timeout', 26)), /^\*\*`TIMEOUT`\*\*/);
    });

    it('Flutter: a switch-expression arm that gives the constant, an assertion on code.raw, a named code argument', async () => {
      const uri = await open('sheet_result.dart');
      const declined = await hover(uri, "'card_declined' ||");
      assert.match(title(declined), /^\*\*`cardDeclined`\*\*/);
      assert.match(title(declined), FLUTTER);
      assert.match(title(await hover(uri, "raw, '3ds_failed", 8)), /^\*\*`threeDsFailed`\*\*/);
      assert.match(title(await hover(uri, "attemptFailureCode: 'cancelled", 22)), /^\*\*`cancelled`\*\*/);
    });

    it('React Native: compared with code, a case label, a list named like codes, a `code:` field, an expectation on .code', async () => {
      const uri = await open('sheet.ts');
      const timeout = await hover(uri, "=== 'timeout", 6);
      assert.match(title(timeout), /^\*\*`timeout`\*\*/);
      assert.match(title(timeout), RN);
      assert.match(timeout!, /only `timeout` means the outcome is unknown/);
      assert.match(title(await hover(uri, "case 'card_declined", 7)), /^\*\*`card_declined`\*\*/);
      assert.match(title(await hover(uri, "'not_initialized")), /^\*\*`not_initialized`\*\*/);
      assert.match(title(await hover(uri, "code: 'cancelled", 8)), /^\*\*`cancelled`\*\*/);
      // expired_order, order_cancelled… reach INTENT_NOT_PAYABLE on Android, passed through (facts §10.4, §11)
      const notPayable = await hover(uri, "'intent_not_payable");
      assert.match(title(notPayable), /^\*\*`intent_not_payable`\*\*/);
      assert.ok(notPayable!.includes('`expired_order`'), notPayable!);
    });

    it('none of them is ever diagnosed', async () => {
      for (const name of ['SheetOutcome.kt', 'ErrorCodes.kt', 'error_codes.dart', 'sheet_result.dart', 'sheet.ts']) {
        assert.deepEqual(await diagnostics(await open(name)), [], name);
      }
    });
  });

  describe('types in named arguments and parameter defaults', () => {
    it('Kotlin `type: String? = "payment_error"` and Dart `envelopeType: \'invalid_request_error\'` hover as types', async () => {
      const kt = await open('SheetOutcome.kt');
      assert.equal(title(await hover(kt, '"payment_error')), '**`payment_error`** · UQPAY error type');
      const dart = await open('sheet_result.dart');
      assert.equal(title(await hover(dart, "'invalid_request_error")), '**`invalid_request_error`** · UQPAY error type');
    });
  });

  describe('precision: the same words elsewhere stay silent', () => {
    it('a `…Type` name that does not say error (contentType) is no type position: no error types offered', async () => {
      const uri = await open('upload.ts', "import type { UqpayError } from '@uqpay/react-native';\nexport const upload = (url: string) => fetch(url, { method: 'POST', contentType: '' });\n");
      const list = (await within(s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionAfter(texts.get(uri)!, "contentType: '", 14) }), 15_000, 'completion')) as CompletionList | null;
      const labels = (list?.items ?? []).map((i) => i.label);
      assert.ok(!labels.includes('invalid_request_error') && !labels.includes('payment_error'), labels.join(', '));
    });

    it('in a file using the SDK, plain text, messages and other keys get nothing', async () => {
      const kt = await open('SheetOutcome.kt');
      assert.equal(await hover(kt, 'bannerText = "timeout', 15), null);
      assert.equal(await hover(kt, 'text = "unknown', 9), null);
      const dart = await open('sheet_result.dart');
      assert.equal(await hover(dart, "toastText = 'timeout", 15), null);
      assert.equal(await hover(dart, "Text('cancelled", 7), null);
      const ts = await open('sheet.ts');
      assert.equal(await hover(ts, "reason = 'cancelled", 11), null);
      assert.equal(await hover(ts, "setStatus('unknown", 12), null);
      assert.equal(await hover(ts, "state: 'timeout", 9), null);
    });

    it('in files without a UQPAY SDK, even code comparisons and when arms get nothing', async () => {
      const ts = await open('plain.ts');
      assert.equal(await hover(ts, "=== 'timeout", 6), null);
      assert.equal(await hover(ts, "case 'cancelled", 7), null);
      assert.equal(await hover(ts, "code: 'unknown", 8), null);
      assert.deepEqual(await diagnostics(ts), []);
      const kt = await open('Plain.kt');
      assert.equal(await hover(kt, '"timeout"'), null);
      assert.equal(await hover(kt, '"card_declined"'), null);
    });

    it('a Stripe file comparing the same code gets nothing', async () => {
      const uri = await open('stripeSheet.ts', "import Stripe from 'stripe';\nexport const declined = (err: Stripe.errors.StripeError) => err.code === 'card_declined';\n");
      assert.equal(await hover(uri, "'card_declined"), null);
    });

    it('another SDK\'s code string is not this SDK\'s constant (dns_failure is Flutter\'s only)', async () => {
      const uri = await open('net.ts', "import type { UqpayError } from '@uqpay/react-native';\nexport const dns = (e: UqpayError) => e.code === 'dns_failure';\n");
      assert.equal(await hover(uri, "'dns_failure"), null);
    });
  });
});
