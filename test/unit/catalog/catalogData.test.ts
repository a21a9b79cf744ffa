import { createHash } from 'node:crypto';
// Checks catalog/global-acquiring.json against its schema and against the official error page
// (the expected table below was typed by reading the seed page, not generated from the JSON).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { CatalogData, ErrorEntry } from '../../../catalog/src/types';
import { ROOT } from '../../support/paths';

const root = ROOT;
const schema = JSON.parse(readFileSync(resolve(root, 'catalog/schema.json'), 'utf8'));
const data = JSON.parse(readFileSync(resolve(root, 'catalog/global-acquiring.json'), 'utf8')) as CatalogData;
const seedPath = resolve(root, '..', 'shared', 'seed', '000_086ed15d7daacebb.txt');

/** Hashes of the 20-character runs holding 6+ CJK characters (as scripts/seed-fingerprint.mjs makes them). */
function proseRunHashes(text: string): string[] {
  const t = text.replace(/\s+/g, ' ');
  const out = new Set<string>();
  for (let i = 0; i + 20 <= t.length; i++) {
    const run = t.slice(i, i + 20);
    if ([...run].filter((c) => /[\u4e00-\u9fff]/.test(c)).length < 6) continue;
    out.add(createHash('sha256').update(run).digest('hex').slice(0, 12));
  }
  return [...out].sort();
}

const DOCS = 'https://developers.uqpay.com/global-acquiring/v1.6/api-reference/error-codes';

// Section type lists, as each resource section of the seed names them.
const PAY = ['payment_error', 'invalid_request_error', 'product_error', 'not_found'];
const REF = ['refund_error', 'payment_error', 'invalid_request_error', 'api_error'];
const CUS = ['customer_error'];
const OUT = ['payout_error', 'account_error', 'product_error', 'api_error'];

interface Row {
  group: string;
  code: string | number;
  /** null where the seed says the message depends on the situation. */
  message: string | null;
  types: string[];
  typeCertain: boolean;
  httpStatus: number[];
  endpoints: string;
}
const row = (group: string, code: string | number, message: string | null, types: string[], typeCertain: boolean, httpStatus: number[], endpoints = ''): Row =>
  ({ group, code, message, types, typeCertain, httpStatus, endpoints });
const pay = (code: string, message: string | null, endpoints: string) => row('payment', code, message, PAY, false, [400], endpoints);
const ref = (code: string, message: string | null, endpoints: string, httpStatus = [400]) => row('refund', code, message, REF, false, httpStatus, endpoints);
const cus = (code: string, message: string, endpoints: string) => row('customer', code, message, CUS, true, [400], endpoints);
const out = (code: string, message: string | null, endpoints: string, httpStatus = [400]) => row('payout', code, message, OUT, false, httpStatus, endpoints);

const LINK_GONE = 'This link can no longer accept payments. Contact the seller for more information.';

const EXPECTED: Row[] = [
  row('general', 'invalid_parameter', null, ['invalid_request_error'], true, [400]),
  row('general', 'missing_parameter', 'Mandatory parameter is missing', ['invalid_request_error'], true, [400]),
  row('general', 'unauthorized_error', null, ['unauthorized_error'], true, [401]),
  row('general', 'account_not_found', 'Account not found or deactivated', ['account_error'], true, [400]),
  row('general', 'invalid idempotency key format', 'Idempotency key is invalid', ['idempotency_error'], true, [400]),
  row('general', 'api_error', 'An internal error occurred, please try again.', ['api_error'], true, [500]),
  row('general', 200, 'Request is processing, please try again later.', [], true, []),

  pay('create_payment_intent_failed', 'Create payment intent failed', 'Create a PaymentIntent'),
  pay('create_payment_attempt_failed', 'Create payment attempt failed', 'Create a PaymentIntent · Confirm a PaymentIntent'),
  pay('confirm_payment_intent_failed', 'Confirm payment intent failed', 'Create a PaymentIntent · Confirm a PaymentIntent'),
  pay('retrieve_payment_intent_failed', 'Retrieve payment intent failed', 'Retrieve a PaymentIntent · Update a PaymentIntent · Confirm a PaymentIntent · Capture a PaymentIntent · Cancel a PaymentIntent · Create a refund'),
  pay('retrieve_payment_attempt_failed', 'Retrieve payment attempt failed', 'Retrieve a PaymentAttempt · Capture a PaymentIntent · Cancel a PaymentIntent · Create a refund'),
  pay('update_payment_intent_failed', 'Update payment intent failed', 'Update a PaymentIntent'),
  pay('capture_payment_intent_failed', 'Capture payment intent failed', 'Capture a PaymentIntent'),
  pay('capture_amount_invalid', 'Amount requested is inconsistent with order amount, Please enter the correct amount.', 'Capture a PaymentIntent'),
  pay('cancel_payment_intent_failed', 'Cancel payment intent failed', 'Cancel a PaymentIntent'),
  pay('invalid_order_status', 'Invalid order status', 'Update a PaymentIntent · Capture a PaymentIntent · Cancel a PaymentIntent · Create a refund'),
  pay('expired_order', 'Expired payment intent', 'Update a PaymentIntent'),
  pay('order_cancelled', 'Order cancelled', 'Cancel a PaymentIntent'),
  pay('operation_pending', 'Operation pending! Do not repeat submissions!', 'Cancel a PaymentIntent'),
  pay('repeat_payment_request', 'Operation failed. Payment request has been completed for the order. No need to repeat operation.', 'Capture a PaymentIntent'),
  pay('invalid_payment_method', 'invalid pay method', 'Create a PaymentIntent · Confirm a PaymentIntent'),
  pay('invalid_return_url', 'Invalid return url', 'Create a PaymentIntent'),
  pay('invalid_description', 'Invalid description', 'Create a PaymentIntent'),
  pay('invalid_order_amount', 'Invalid order amount', 'Create a PaymentIntent'),
  pay('invalid_order_currency', 'Invalid order currency', 'Create a PaymentIntent · Confirm a PaymentIntent'),
  pay('invalid_payment_orders', 'Invalid payment orders', 'Create a PaymentIntent'),
  pay('not_found_id', 'Not Found ID', 'Retrieve a PaymentIntent'),
  pay('product_not_found', 'Product not found or inactive', 'Create a PaymentIntent · Confirm a PaymentIntent · Cancel a PaymentIntent'),
  pay('3ds_required', '3DS Required', 'Create a PaymentIntent · Confirm a PaymentIntent'),
  pay('require_payment_pii', null, 'Create a PaymentIntent · Confirm a PaymentIntent'),
  pay('retrieve_refund_failed', 'Retrieve refund failed', 'Cancel a PaymentIntent · Create a refund · Retrieve a refund'),
  pay('payment_link_not_found', 'Payment link not found', 'Create a PaymentIntent'),
  pay('payment_link_expired', LINK_GONE, 'Create a PaymentIntent'),
  pay('payment_link_inactive', LINK_GONE, 'Create a PaymentIntent'),
  pay('payment_link_access_number_not_enough', LINK_GONE, 'Create a PaymentIntent'),
  pay('payment_link_parameters_error', 'Payment link parameters error', 'Create a PaymentIntent'),

  ref('create_refund_failed', 'Create refund failed', 'Create a refund'),
  ref('refund_processing', 'Refund is processing, please try again after', 'Create a refund'),
  ref('refund_stat_failed', 'Find refund order failed', 'Create a refund'),
  ref('refund_amount_exceeded', 'Refund amount exceeded original transaction amount', 'Create a refund'),
  ref('refund_amount_invalid', 'Refund amount invalid', 'Create a refund'),
  ref('retrieve_refund_failed', 'Retrieve refund failed', 'Retrieve a refund · Create a refund · Cancel a PaymentIntent'),
  ref('api_error', 'Please use the payment cancel endpoint', 'Create a refund', [400, 500]),
  ref('invalid_parameter', null, 'List all refunds'),

  cus('create_customer_failed', 'Create customer failed', 'Create a customer'),
  cus('update_customer_failed', 'Update customer failed', 'Update a customer'),
  cus('retrieve_customer_failed', 'Retrieve customer failed', 'Get a customer'),

  out('create_payout_failed', 'Create payout failed', 'Create Payout'),
  out('payout_not_found', 'payout not found', 'Retrieve Payout'),
  out('payout_settlement_account_not_found', 'No account settlement for this currency', 'Create Payout'),
  out('invalid_currency', 'Invalid currency', 'Retrieve Balance · Create Bank Account · Create Payout'),
  out('insufficient_balance', 'Merchant\u2019s available balance is insufficient', 'Create Payout'),
  out('merchant_account_invalid', 'Merchant Account Invalid', 'Create Payout'),
  out('disabled_transfer_type', 'This type of payout is disabled by the merchant (e.g., auto-withdrawal turned off)', 'Create Payout'),
  out('velocity_limit_exceeded', 'Transaction frequency/amount exceeds risk control thresholds (HTTP 429)', 'Create Payout', [429]),
  out('product_not_found', 'Product not found or inactive', 'Create Payout'),
  out('bank_account_not_found', 'Bank account not found', 'Retrieve Bank Account · Update Bank Account'),
  out('bank_account_already_exists', 'Bank account already exists for this currency', 'Create Bank Account'),
  out('create_bank_account_failed', 'Create bank account failed', 'Create Bank Account'),
  out('update_bank_account_failed', 'Update bank account failed', 'Update Bank Account'),
  out('internal_error', 'Internal Error: Please contact support for assistance', 'Retrieve Payout · List Balances · Create Bank Account · List all Bank Accounts'),
  out('invalid_parameter', 'Invalid request parameters: <field>', 'Retrieve Payout · Update Bank Account · Create Payout'),
];

// Message variants the seed lists for rows whose message depends on the situation.
const VARIANTS: Record<string, string[]> = {
  'general/invalid_parameter': ['parameter is invalid', 'Invalid request parameters: <field>'],
  'general/unauthorized_error': ['auth token is not empty', 'invalid auth token format', 'auth token is expired'],
  'payment/require_payment_pii': ['invalid payment method body', 'invalid payer info', 'invalid payer identifier'],
  'refund/invalid_parameter': ['invalid start_time', 'invalid end_time', 'the end_time cannot be earlier than the start_time', 'the start_time and end_time cannot differ by more than 90 days'],
  'payout/invalid_parameter': ['Invalid request parameters: <field>'],
};

const CJK = /[\u4e00-\u9fff]/;
const find = (group: string, code: string | number): ErrorEntry | undefined => data.errors.find((e) => e.group === group && e.code === code);

describe('catalog data (global-acquiring.json)', () => {
  it('validates against catalog/schema.json with zero errors', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(schema);
    const ok = validate(data);
    assert.deepEqual(validate.errors ?? [], []);
    assert.equal(ok, true);
  });

  it('the schema rejects a malformed entry (wrong enum, missing zh-CN, unknown field)', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    const bad = structuredClone(data) as unknown as { errors: Record<string, unknown>[] };
    bad.errors[0]!.retry = 'sometimes';
    bad.errors[1]!.summary = { en: 'x' };
    bad.errors[2]!.extra = true;
    assert.equal(validate(bad), false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    assert.ok(paths.includes('/errors/0/retry'), paths.join(','));
    assert.ok(paths.includes('/errors/1/summary'), paths.join(','));
    assert.ok(paths.includes('/errors/2'), paths.join(','));
  });

  it('names the API, its version and the official page', () => {
    assert.equal(data.name, 'UQPAY Global Acquiring API');
    assert.equal(data.version, 'v1.6');
    assert.equal(data.docs, DOCS);
    for (const e of data.errors) assert.ok(e.docs.startsWith(DOCS), e.id);
  });

  it('has the 11 types of the type table with their HTTP statuses', () => {
    const expected: Record<string, number[]> = {
      invalid_request_error: [400], idempotency_error: [400], account_error: [400], customer_error: [400],
      payment_error: [400], refund_error: [400], payout_error: [400], product_error: [400], not_found: [400],
      unauthorized_error: [401], api_error: [400, 429, 500],
    };
    assert.equal(data.types.length, 11);
    const actual = Object.fromEntries(data.types.map((t) => [t.name, t.httpStatus]));
    assert.deepEqual(actual, expected);
    for (const t of data.types) {
      assert.ok(t.httpStatus.includes(t.defaultHttpStatus), t.name);
      assert.ok(t.description.en.length > 0 && CJK.test(t.description['zh-CN']), t.name);
    }
  });

  it('maps api_error to 500 for code api_error, 429 for velocity_limit_exceeded, else 400', () => {
    const api = data.types.find((t) => t.name === 'api_error')!;
    assert.equal(api.defaultHttpStatus, 400);
    assert.deepEqual(
      [...(api.statusRules ?? [])].sort((a, b) => a.code.localeCompare(b.code)),
      [{ code: 'api_error', httpStatus: 500 }, { code: 'velocity_limit_exceeded', httpStatus: 429 }],
    );
    for (const t of data.types) if (t.name !== 'api_error') assert.equal(t.statusRules, undefined, t.name);
  });

  it('gives a row exactly the HTTP status that its own message or the type table states for its code', () => {
    // The seed states a status in two places: a message like "... (HTTP 429)", and the type
    // table's api_error rules (code api_error → 500, velocity_limit_exceeded → 429).
    const stated = (e: (typeof data.errors)[number]) => /\(HTTP (\d{3})\)/.exec(e.message ?? '')?.[1];
    const withStatus = data.errors.filter((e) => stated(e) !== undefined);
    assert.deepEqual(withStatus.map((e) => e.id), ['payout/velocity_limit_exceeded']);
    for (const e of withStatus) assert.deepEqual(e.httpStatus, [Number(stated(e))], e.id);
    // Where api_error is the only type a row can have, the type table's rule for its code decides.
    for (const e of data.errors.filter((x) => x.typeCertain && x.types.length === 1 && x.types[0] === 'api_error')) {
      assert.deepEqual(e.httpStatus, [e.code === 'api_error' ? 500 : e.code === 'velocity_limit_exceeded' ? 429 : 400], e.id);
    }
  });

  it('has 63 entries: general 7, payment 30, refund 8, customer 3, payout 15', () => {
    const counts: Record<string, number> = {};
    for (const e of data.errors) counts[e.group] = (counts[e.group] ?? 0) + 1;
    assert.deepEqual(counts, { general: 7, payment: 30, refund: 8, customer: 3, payout: 15 });
    assert.equal(data.errors.length, 63);
    assert.equal(EXPECTED.length, 63);
  });

  it('gives every entry a unique id of the form group/code (spaces become _)', () => {
    const ids = data.errors.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const e of data.errors) assert.equal(e.id, `${e.group}/${String(e.code).replace(/ /g, '_')}`);
    assert.ok(ids.includes('general/invalid_idempotency_key_format'));
    assert.ok(ids.includes('general/200'));
  });

  it('uses only types that the type table defines', () => {
    const names = new Set(data.types.map((t) => t.name));
    for (const e of data.errors) for (const t of e.types) assert.ok(names.has(t), `${e.id}: ${t}`);
  });

  it('uses only endpoint names that the endpoint list defines, with unique names', () => {
    const eps = data.endpoints ?? [];
    const names = new Set(eps.map((e) => e.name));
    assert.equal(names.size, eps.length);
    for (const e of data.errors) for (const n of e.endpoints) assert.ok(names.has(n), `${e.id}: ${n}`);
  });

  it('lists the endpoints of every resource section of the seed', () => {
    const byGroup = (g: string) => (data.endpoints ?? []).filter((e) => e.group === g).map((e) => e.name).sort();
    assert.deepEqual(byGroup('payment'), ['Cancel a PaymentIntent', 'Capture a PaymentIntent', 'Confirm a PaymentIntent', 'Create a PaymentIntent',
      'List all PaymentAttempts', 'List all PaymentIntents', 'Retrieve a PaymentAttempt', 'Retrieve a PaymentIntent', 'Update a PaymentIntent']);
    assert.deepEqual(byGroup('refund'), ['Create a refund', 'List all refunds', 'Retrieve a refund']);
    assert.deepEqual(byGroup('customer'), ['Create a customer', 'Get a customer', 'List customers', 'Update a customer']);
    assert.deepEqual(byGroup('payout'), ['Create Bank Account', 'Create Payout', 'List Balances', 'List all Bank Accounts', 'List all Payouts',
      'Retrieve Balance', 'Retrieve Bank Account', 'Retrieve Payout', 'Update Bank Account']);
  });

  it('gives the paths and SDK calls the API facts name, and none for customers', () => {
    const ep = (n: string) => (data.endpoints ?? []).find((e) => e.name === n)!;
    assert.equal(ep('Create a refund').method, 'POST');
    assert.equal(ep('Create a refund').path, '/v2/payment/refunds');
    assert.ok(ep('Create a refund').sdk?.includes('refunds.create'));
    assert.equal(ep('Create a PaymentIntent').path, '/v2/payment_intents/create');
    for (const s of ['paymentIntents.create', 'payment_intents.create', 'PaymentIntents.Create']) assert.ok(ep('Create a PaymentIntent').sdk?.includes(s), s);
    assert.equal(ep('Update a PaymentIntent').method, 'POST');
    assert.equal(ep('Create Payout').path, '/v2/payment/payout/create');
    assert.ok(ep('Create Payout').sdk?.includes('payouts.create'));
    assert.ok(ep('Create Bank Account').sdk?.includes('bankAccounts.create'));
    assert.equal(ep('Retrieve Balance').path, '/v2/payment/balances/{currency}');
    for (const n of ['Create a customer', 'Get a customer', 'Update a customer', 'List customers']) {
      assert.equal(ep(n).path, undefined, n);
      assert.equal(ep(n).sdk, undefined, n);
    }
  });

  describe('every row of the seed, field by field', () => {
    for (const x of EXPECTED) {
      it(`${x.group} ${JSON.stringify(x.code)}`, () => {
        const e = find(x.group, x.code);
        assert.ok(e, `missing ${x.group}/${x.code}`);
        assert.equal(e.envelope, typeof x.code === 'number' ? 'B' : 'A');
        assert.deepEqual(e.types, x.types);
        assert.equal(e.typeCertain, x.typeCertain);
        assert.deepEqual(e.httpStatus, x.httpStatus);
        assert.deepEqual(e.endpoints, x.endpoints ? x.endpoints.split(' · ') : []);
        const variants = VARIANTS[e.id];
        if (variants) {
          assert.equal(e.messageVaries, true);
          assert.deepEqual(e.messageExamples, variants);
          if (x.message !== null) assert.equal(e.message, x.message);
          else assert.ok(e.message === null || variants.some((v) => v.startsWith(e.message!)), String(e.message));
        } else {
          assert.equal(e.message, x.message);
          assert.notEqual(e.messageVaries, true);
          assert.equal(e.messageExamples, undefined);
        }
      });
    }
  });

  it('has no entry that the expected table lacks', () => {
    const expected = new Set(EXPECTED.map((x) => `${x.group}/${String(x.code)}`));
    for (const e of data.errors) assert.ok(expected.has(`${e.group}/${String(e.code)}`), e.id);
  });

  it('keeps numeric code 200 as a number and the spaced code as written', () => {
    assert.equal(find('general', 200)?.code, 200);
    assert.equal(find('general', '200'), undefined);
    assert.equal(find('general', 'invalid idempotency key format')?.envelope, 'A');
  });

  it('keeps one entry per group for codes that stand in several groups', () => {
    const groupsOf = (code: string) => data.errors.filter((e) => e.code === code).map((e) => e.group).sort();
    assert.deepEqual(groupsOf('retrieve_refund_failed'), ['payment', 'refund']);
    assert.deepEqual(groupsOf('product_not_found'), ['payment', 'payout']);
    assert.deepEqual(groupsOf('api_error'), ['general', 'refund']);
    assert.deepEqual(groupsOf('invalid_parameter'), ['general', 'payout', 'refund']);
  });

  it('chooses retry verdicts that follow the seed\'s advice', () => {
    const retry = (id: string) => data.errors.find((e) => e.id === id)?.retry;
    assert.equal(retry('general/api_error'), 'same_key');
    assert.equal(retry('general/200'), 'same_key');
    assert.equal(retry('general/unauthorized_error'), 'after_token_refresh');
    assert.equal(retry('general/invalid_parameter'), 'after_fix');
    assert.equal(retry('payment/create_payment_intent_failed'), 'same_key');
    assert.equal(retry('payment/confirm_payment_intent_failed'), 'after_status_check');
    assert.equal(retry('payment/capture_payment_intent_failed'), 'after_status_check');
    assert.equal(retry('payment/repeat_payment_request'), 'no');
    assert.equal(retry('payment/order_cancelled'), 'no');
    assert.equal(retry('payment/product_not_found'), 'no');
    assert.equal(retry('refund/create_refund_failed'), 'same_key');
    assert.equal(retry('customer/create_customer_failed'), 'same_key');
    assert.equal(retry('payout/velocity_limit_exceeded'), 'after_backoff');
    assert.equal(retry('payout/internal_error'), 'same_key');
    assert.equal(retry('payout/merchant_account_invalid'), 'no');
  });

  it('has a non-empty summary and advice in both languages, the Chinese text in Chinese', () => {
    for (const e of data.errors) {
      for (const t of [e.summary, e.advice]) {
        assert.ok(t.en.trim().length > 10, e.id);
        assert.ok(!CJK.test(t.en), `${e.id}: CJK in English text`);
        assert.ok(CJK.test(t['zh-CN']), `${e.id}: no CJK in zh-CN text`);
      }
    }
  });

  it('names the idempotency header x-idempotency-key, never Idempotency-Key', () => {
    for (const e of data.errors) {
      for (const text of [e.summary.en, e.summary['zh-CN'], e.advice.en, e.advice['zh-CN']]) {
        assert.ok(!text.includes('Idempotency-Key'), e.id);
      }
      if (e.retry === 'same_key') {
        assert.ok(e.advice.en.includes('x-idempotency-key'), `${e.id} (en)`);
        assert.ok(e.advice['zh-CN'].includes('x-idempotency-key'), `${e.id} (zh-CN)`);
      }
    }
  });

  it('writes the API\'s real status values, not the lowercase ones of the error page', () => {
    const all = data.errors.map((e) => `${e.advice.en}\n${e.advice['zh-CN']}`).join('\n');
    for (const wrong of ['requires_payment_method', 'requires_confirmation', 'REQUIRES_CONFIRMATION', 'requires_capture', 'canceled', 'CANCELED']) {
      assert.ok(!all.includes(wrong), wrong);
    }
    assert.ok(data.errors.find((e) => e.id === 'payment/order_cancelled')!.advice.en.includes('CANCELLED'));
    assert.ok(data.errors.find((e) => e.id === 'general/unauthorized_error')!.advice.en.includes('x-auth-token: Bearer <token>'));
  });

  it('does not copy the seed\'s Chinese sentences (no 20-character run shared with the seed)', () => {
    // the seed lives outside the repo; its runs are kept as hashes (scripts/seed-fingerprint.mjs),
    // so this check runs on every clone
    const runs = new Set<string>(JSON.parse(readFileSync(resolve(root, 'test/fixtures/catalog/seed-zh-runs.json'), 'utf8')).runs);
    assert.ok(runs.size > 1000, 'the fingerprint holds the seed\'s runs');
    if (existsSync(seedPath)) {
      // where the seed is at hand, the fingerprint must be its current one
      assert.deepEqual([...runs].sort(), proseRunHashes(readFileSync(seedPath, 'utf8')), 'run node scripts/seed-fingerprint.mjs');
    }
    for (const e of data.errors) {
      for (const text of [e.advice['zh-CN'], e.summary['zh-CN']]) {
        // Runs made mostly of shared identifiers (endpoint names, field names) are facts, not prose: not hashed.
        for (const h of proseRunHashes(text)) assert.ok(!runs.has(h), `${e.id}: a 20-character run of "${text}" is copied from the seed`);
      }
    }
  });
});
