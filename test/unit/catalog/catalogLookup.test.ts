// Expectations from the seed: which sections list each code, the type → HTTP table and the
// api_error rule, and the endpoints named in each row.
import { strict as assert } from 'node:assert';
import { loadBuiltinCatalog, localize, retryDetail, retryLabel, RETRY_VALUES } from '../../../catalog/src/index';

const c = loadBuiltinCatalog();
const groupsOf = (code: string | number) => c.byCode(code).map((e) => e.group).sort();

describe('catalog: lookups', () => {
  it('returns one entry per section for the codes the seed lists in several sections', () => {
    assert.deepEqual(groupsOf('retrieve_refund_failed'), ['payment', 'refund']);
    assert.deepEqual(groupsOf('product_not_found'), ['payment', 'payout']);
    assert.deepEqual(groupsOf('api_error'), ['general', 'refund']);
    assert.deepEqual(groupsOf('invalid_parameter'), ['general', 'payout', 'refund']);
  });

  it('finds the envelope-B row by 200 and by "200"', () => {
    assert.deepEqual(c.byCode(200).map((e) => e.id), ['general/200']);
    assert.deepEqual(c.byCode('200').map((e) => e.id), ['general/200']);
  });

  it('finds a code with spaces exactly as written', () => {
    assert.deepEqual(c.byCode('invalid idempotency key format').map((e) => e.id), ['general/invalid_idempotency_key_format']);
    assert.equal(c.byCode('invalid_idempotency_key_format').length, 0);
  });

  it('answers isCode for string codes only, and isType for the 11 types', () => {
    assert.equal(c.isCode('refund_amount_exceeded'), true);
    assert.equal(c.isCode('invalid idempotency key format'), true);
    assert.equal(c.isCode('Refund_amount_exceeded'), false);
    assert.equal(c.isCode('200'), false);
    assert.equal(c.isCode(''), false);
    for (const t of ['invalid_request_error', 'idempotency_error', 'account_error', 'customer_error', 'payment_error', 'refund_error', 'payout_error', 'product_error', 'not_found', 'unauthorized_error', 'api_error']) {
      assert.equal(c.isType(t), true, t);
    }
    assert.equal(c.isType('card_error'), false);
  });

  it('lists distinct string codes, sorted, without the numeric one', () => {
    assert.deepEqual([...c.codes], [...c.codes].sort());
    assert.equal(new Set(c.codes).size, c.codes.length);
    assert.ok(!c.codes.includes('200'));
    // 62 string-code rows; 4 codes appear twice or three times (5 repeats in all).
    assert.equal(c.codes.length, 57);
  });

  it('maps type and code to the documented HTTP status', () => {
    assert.equal(c.expectedStatus('api_error', 'api_error'), 500);
    assert.equal(c.expectedStatus('api_error', 'velocity_limit_exceeded'), 429);
    assert.equal(c.expectedStatus('api_error', 'internal_error'), 400);
    assert.equal(c.expectedStatus('not_found', 'not_found_id'), 400);
    assert.equal(c.expectedStatus('unauthorized_error', 'unauthorized_error'), 401);
    assert.equal(c.expectedStatus('payment_error', 'order_cancelled'), 400);
    assert.equal(c.expectedStatus('card_error', 'x'), null);
  });

  it('looks up by type, group and endpoint', () => {
    assert.deepEqual(c.byType('customer_error').map((e) => e.code).sort(), ['create_customer_failed', 'retrieve_customer_failed', 'update_customer_failed']);
    assert.equal(c.byGroup('refund').length, 8);
    assert.equal(c.byGroup('payout').length, 15);
    assert.equal(c.byGroup('general').length, 7);
    // The seed names "Capture a PaymentIntent" in 6 payment rows.
    assert.deepEqual(c.byEndpoint('Capture a PaymentIntent').map((e) => e.code).sort(), [
      'capture_amount_invalid', 'capture_payment_intent_failed', 'invalid_order_status', 'repeat_payment_request', 'retrieve_payment_attempt_failed', 'retrieve_payment_intent_failed',
    ]);
    assert.deepEqual(c.byEndpoint('List all refunds').map((e) => e.id), ['refund/invalid_parameter']);
    assert.deepEqual(c.byEndpoint('No such endpoint'), []);
  });

  it('returns copies: callers cannot change the catalog through a lookup', () => {
    c.byCode('api_error').pop();
    assert.equal(c.byCode('api_error').length, 2);
  });

  it('narrows a shared code by type, group and endpoint', () => {
    assert.deepEqual(c.narrow('retrieve_refund_failed', { type: 'refund_error' }).map((e) => e.id), ['refund/retrieve_refund_failed']);
    assert.deepEqual(c.narrow('api_error', { type: 'api_error' }).map((e) => e.id), ['general/api_error']);
    assert.deepEqual(c.narrow('invalid_parameter', { endpoint: 'List all refunds' }).map((e) => e.id), ['refund/invalid_parameter']);
    assert.deepEqual(c.narrow('invalid_parameter', { endpoint: 'Create Payout' }).map((e) => e.id), ['payout/invalid_parameter']);
    assert.deepEqual(c.narrow('product_not_found', { group: 'payout' }).map((e) => e.id), ['payout/product_not_found']);
    assert.deepEqual(c.narrow('product_not_found', { endpoint: 'Confirm a PaymentIntent' }).map((e) => e.id), ['payment/product_not_found']);
  });

  it('never narrows to nothing when the code has entries', () => {
    assert.equal(c.narrow('invalid_parameter', { type: 'customer_error', endpoint: 'Nowhere' }).length, 3);
    assert.deepEqual(c.narrow('no_such_code', { type: 'payment_error' }), []);
  });

  it('recognises an endpoint from an SDK call or a path in a snippet', () => {
    assert.equal(c.endpointIn('await client.payment.refunds.create({ amount })')?.name, 'Create a refund');
    assert.equal(c.endpointIn('fetch(`${base}/v2/payment/payout/create`, { method: "POST" })')?.name, 'Create Payout');
    assert.equal(c.endpointIn('POST /api/v2/payment_intents/PI1234/capture')?.name, 'Capture a PaymentIntent');
    assert.equal(c.endpointIn('const total = a + b;'), undefined);
  });

  it('localizes text and labels retry verdicts in both languages', () => {
    const e = c.byId('payout/insufficient_balance');
    assert.ok(e);
    assert.notEqual(localize(e.summary, 'en'), localize(e.summary, 'zh-CN'));
    for (const r of RETRY_VALUES) {
      for (const lang of ['en', 'zh-CN'] as const) {
        assert.ok(retryLabel(r, lang).length > 0);
        assert.ok(retryDetail(r, lang).length > retryLabel(r, lang).length);
      }
    }
    assert.match(retryLabel('same_key', 'en'), /x-idempotency-key/);
    assert.match(retryLabel('same_key', 'zh-CN'), /x-idempotency-key/);
  });
});
