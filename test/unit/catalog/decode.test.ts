// Expected values are written from the official error page (the seed), not from decode's output:
// envelope A = {type, code, message} with a string code, envelope B = numeric code; type → HTTP
// status (not_found → 400, unauthorized_error → 401, api_error → 500 for code api_error, 429 for
// velocity_limit_exceeded, otherwise 400).
import { decodeLarge } from '../../../cli/src/chunkedDecode';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, loadBuiltinCatalog, type Finding, type ProblemCode, type SourceKind } from '../../../catalog/src/index';
import { FIXTURES } from '../../support/paths';

const catalog = loadBuiltinCatalog();
const fixture = (name: string) => readFileSync(join(FIXTURES, 'decode', name), 'utf8');

interface Expected {
  envelope: 'A' | 'B' | null;
  code: string | number | null;
  type: string | null;
  message: string | null;
  httpStatus: number | null;
  expectedHttpStatus: number | null;
  problems: ProblemCode[];
  requestId?: string | null;
  idempotencyKey?: string | null;
  matches?: string[];
  kind?: SourceKind;
  known?: boolean;
  retry?: string | null;
}

function check(f: Finding, e: Expected): void {
  const actual = {
    envelope: f.envelope,
    code: f.code,
    type: f.type,
    message: f.message,
    httpStatus: f.httpStatus,
    expectedHttpStatus: f.expectedHttpStatus,
    problems: f.problems.map((p) => p.code).sort(),
    ...(e.requestId !== undefined ? { requestId: f.requestId } : {}),
    ...(e.idempotencyKey !== undefined ? { idempotencyKey: f.idempotencyKey } : {}),
    ...(e.matches !== undefined ? { matches: f.matches.map((m) => m.id).sort() } : {}),
    ...(e.kind !== undefined ? { kind: f.source.kind } : {}),
    ...(e.known !== undefined ? { known: f.known } : {}),
    ...(e.retry !== undefined ? { retry: f.retry } : {}),
  };
  const expected = { ...e, problems: [...e.problems].sort(), ...(e.matches ? { matches: [...e.matches].sort() } : {}) };
  assert.deepEqual(actual, expected);
}

function only(text: string): Finding {
  const r = decode(text, catalog);
  assert.equal(r.findings.length, 1, `expected one finding, got ${r.findings.length}: ${JSON.stringify(r.findings.map((f) => f.code))}`);
  return r.findings[0];
}

describe('decode: JSON bodies', () => {
  it('reads a minified envelope-A body', () => {
    check(only('{"type":"payment_error","code":"retrieve_payment_intent_failed","message":"Retrieve payment intent failed"}'), {
      envelope: 'A', code: 'retrieve_payment_intent_failed', type: 'payment_error', message: 'Retrieve payment intent failed',
      httpStatus: null, expectedHttpStatus: 400, problems: [], matches: ['payment/retrieve_payment_intent_failed'], kind: 'json', known: true,
    });
  });

  it('reads a pretty-printed envelope-A body', () => {
    check(only('{\n  "type": "refund_error",\n  "code": "create_refund_failed",\n  "message": "Create refund failed"\n}\n'), {
      envelope: 'A', code: 'create_refund_failed', type: 'refund_error', message: 'Create refund failed',
      httpStatus: null, expectedHttpStatus: 400, problems: [], matches: ['refund/create_refund_failed'], retry: 'same_key',
    });
  });

  it('reads the legacy envelope B with a numeric code and flags it as pending', () => {
    check(only('{"code":200,"message":"Request is processing, please try again later."}'), {
      envelope: 'B', code: 200, type: null, message: 'Request is processing, please try again later.',
      httpStatus: null, expectedHttpStatus: null, problems: ['envelope-b-pending'], matches: ['general/200'], retry: 'same_key',
    });
  });

  it('treats the string "200" the SDKs make of the legacy code as envelope B, and says an SDK made it', () => {
    // The gateway sends the legacy code as a number; Node, Python, Go, Java and the CLI stringify it (SDK facts §2).
    check(only('{"code":"200","message":"Request is processing, please try again later."}'), {
      envelope: 'B', code: 200, type: null, message: 'Request is processing, please try again later.',
      httpStatus: null, expectedHttpStatus: null, problems: ['envelope-b-pending', 'sdk-made'], matches: ['general/200'],
    });
  });

  it('reads a body with code and message but no type', () => {
    check(only('{"code":"missing_parameter","message":"Mandatory parameter is missing"}'), {
      envelope: 'A', code: 'missing_parameter', type: null, message: 'Mandatory parameter is missing',
      httpStatus: null, expectedHttpStatus: 400, problems: [], matches: ['general/missing_parameter'],
    });
  });

  it('unwraps {"error": {type, code, message}}', () => {
    check(only('{"error":{"type":"refund_error","code":"refund_amount_invalid","message":"Refund amount invalid"}}'), {
      envelope: 'A', code: 'refund_amount_invalid', type: 'refund_error', message: 'Refund amount invalid',
      httpStatus: null, expectedHttpStatus: 400, problems: [], matches: ['refund/refund_amount_invalid'],
    });
  });

  it('reads {"error": "..."} behind a 401 as a message without a code, and reads it by the message', () => {
    // "invalid auth token format" is one of the seed's messages for unauthorized_error.
    check(only('HTTP/1.1 401 Unauthorized\ncontent-type: application/json\n\n{"error":"invalid auth token format"}'), {
      envelope: null, code: null, type: null, message: 'invalid auth token format',
      httpStatus: 401, expectedHttpStatus: 401, problems: [], known: true, matches: ['general/unauthorized_error'], retry: 'after_token_refresh',
    });
  });

  it('takes request_id from the body', () => {
    check(only('{"type":"customer_error","code":"retrieve_customer_failed","message":"Retrieve customer failed","request_id":"req_body_42"}'), {
      envelope: 'A', code: 'retrieve_customer_failed', type: 'customer_error', message: 'Retrieve customer failed',
      httpStatus: null, expectedHttpStatus: 400, problems: [], requestId: 'req_body_42', matches: ['customer/retrieve_customer_failed'],
    });
  });
});

describe('decode: HTTP responses and curl output', () => {
  it('reads a raw HTTP/1.1 response with headers', () => {
    check(only('HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nX-Request-Id: req_acc_1\r\n\r\n{"type":"account_error","code":"account_not_found","message":"Account not found or deactivated"}'), {
      envelope: 'A', code: 'account_not_found', type: 'account_error', message: 'Account not found or deactivated',
      httpStatus: 400, expectedHttpStatus: 400, problems: [], requestId: 'req_acc_1', matches: ['general/account_not_found'],
    });
  });

  it('accepts 429 for velocity_limit_exceeded under api_error', () => {
    check(only('HTTP/2 429\n\n{"type":"api_error","code":"velocity_limit_exceeded","message":"Transaction frequency/amount exceeds risk control thresholds"}'), {
      envelope: 'A', code: 'velocity_limit_exceeded', type: 'api_error', message: 'Transaction frequency/amount exceeds risk control thresholds',
      httpStatus: 429, expectedHttpStatus: 429, problems: [], matches: ['payout/velocity_limit_exceeded'],
    });
  });

  it('flags HTTP 400 for api_error/api_error, which the docs give as 500', () => {
    check(only('HTTP/1.1 400 Bad Request\n\n{"type":"api_error","code":"api_error","message":"An internal error occurred, please try again."}'), {
      envelope: 'A', code: 'api_error', type: 'api_error', message: 'An internal error occurred, please try again.',
      httpStatus: 400, expectedHttpStatus: 500, problems: ['http-status-mismatch'], matches: ['general/api_error'], retry: 'same_key',
    });
  });

  it('flags a 404 for not_found, which the API sends as 400', () => {
    check(only('HTTP/1.1 404 Not Found\n\n{"type":"not_found","code":"not_found_id","message":"Not Found ID"}'), {
      envelope: 'A', code: 'not_found_id', type: 'not_found', message: 'Not Found ID',
      httpStatus: 404, expectedHttpStatus: 400, problems: ['http-status-mismatch'], matches: ['payment/not_found_id'],
    });
  });

  it('accepts 401 for unauthorized_error with one of its documented messages', () => {
    check(only('HTTP/1.1 401 Unauthorized\n\n{"type":"unauthorized_error","code":"unauthorized_error","message":"auth token is expired"}'), {
      envelope: 'A', code: 'unauthorized_error', type: 'unauthorized_error', message: 'auth token is expired',
      httpStatus: 401, expectedHttpStatus: 401, problems: [], matches: ['general/unauthorized_error'],
    });
  });

  it('flags unauthorized_error sent with 400', () => {
    check(only('HTTP/1.1 400 Bad Request\n\n{"type":"unauthorized_error","code":"unauthorized_error","message":"invalid auth token format"}'), {
      envelope: 'A', code: 'unauthorized_error', type: 'unauthorized_error', message: 'invalid auth token format',
      httpStatus: 400, expectedHttpStatus: 401, problems: ['http-status-mismatch'],
    });
  });

  it('reads curl -i output with CRLF headers and a code containing spaces', () => {
    check(only(fixture('curl-i-idempotency.txt')), {
      envelope: 'A', code: 'invalid idempotency key format', type: 'idempotency_error', message: 'Idempotency key is invalid',
      httpStatus: 400, expectedHttpStatus: 400, problems: [], requestId: 'req_idem_01', matches: ['general/invalid_idempotency_key_format'],
    });
  });

  it('reads curl -v output: response status, x-request-id, and the request x-idempotency-key', () => {
    check(only(fixture('curl-v-refund.txt')), {
      envelope: 'A', code: 'refund_amount_exceeded', type: 'refund_error', message: 'Refund amount exceeded original transaction amount',
      httpStatus: 400, expectedHttpStatus: 400, problems: [], requestId: 'req_7c1e2a',
      idempotencyKey: '6f1f9d0e-8c1a-4c5e-9a57-2b8f3c1d4e5f', matches: ['refund/refund_amount_exceeded'],
    });
  });

  it('reads an HTML body behind a 502 status line', () => {
    check(only('HTTP/1.1 502 Bad Gateway\nContent-Type: text/html\n\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>'), {
      envelope: null, code: null, type: null, message: '502 Bad Gateway',
      httpStatus: 502, expectedHttpStatus: null, problems: ['no-error-code'], kind: 'html', known: false, retry: 'after_status_check',
    });
  });

  it('reads a plain-text body behind a 503 status line', () => {
    check(only('HTTP/1.1 503 Service Unavailable\nContent-Type: text/plain\n\nupstream connect error\n'), {
      envelope: null, code: null, type: null, message: 'upstream connect error',
      httpStatus: 503, expectedHttpStatus: null, problems: ['no-error-code'], kind: 'plain', retry: 'after_status_check',
    });
  });

  it('separates two HTTP responses pasted one after another', () => {
    const r = decode(
      'HTTP/1.1 400 Bad Request\nx-request-id: first\n\n{"type":"payout_error","code":"insufficient_balance","message":"Merchant’s available balance is insufficient"}\n' +
        'HTTP/1.1 500 Internal Server Error\nx-request-id: second\n\n{"type":"api_error","code":"api_error","message":"An internal error occurred, please try again."}\n',
      catalog,
    );
    assert.equal(r.findings.length, 2);
    check(r.findings[0], {
      envelope: 'A', code: 'insufficient_balance', type: 'payout_error', message: 'Merchant’s available balance is insufficient',
      httpStatus: 400, expectedHttpStatus: 400, problems: [], requestId: 'first', matches: ['payout/insufficient_balance'],
    });
    check(r.findings[1], {
      envelope: 'A', code: 'api_error', type: 'api_error', message: 'An internal error occurred, please try again.',
      httpStatus: 500, expectedHttpStatus: 500, problems: [], requestId: 'second', matches: ['general/api_error'],
    });
  });

  it('does not lend a success response\'s request id to the error after it', () => {
    const r = decode(
      'HTTP/1.1 200 OK\nx-request-id: ok-1\n\n{"payment_intent_id":"PI100"}\nHTTP/1.1 400 Bad Request\n\n{"type":"payment_error","code":"order_cancelled","message":"Order cancelled"}',
      catalog,
    );
    assert.deepEqual(r.findings.map((f) => [f.code, f.httpStatus, f.requestId]), [['order_cancelled', 400, null]]);
  });

  it('ignores a success response and reads the error after it', () => {
    const r = decode(
      'HTTP/1.1 200 OK\n\n{"payment_intent_id":"PI100","intent_status":"SUCCEEDED"}\nHTTP/1.1 400 Bad Request\n\n{"type":"payment_error","code":"order_cancelled","message":"Order cancelled"}',
      catalog,
    );
    assert.equal(r.findings.length, 1);
    check(r.findings[0], {
      envelope: 'A', code: 'order_cancelled', type: 'payment_error', message: 'Order cancelled',
      httpStatus: 400, expectedHttpStatus: 400, problems: [], matches: ['payment/order_cancelled'],
    });
  });
});

describe('decode: logs and several responses', () => {
  it('finds the JSON body inside a log line', () => {
    check(only('2026-11-25T10:00:00Z ERROR uqpay: {"type":"api_error","code":"api_error","message":"An internal error occurred, please try again."}'), {
      envelope: 'A', code: 'api_error', type: 'api_error', message: 'An internal error occurred, please try again.',
      httpStatus: null, expectedHttpStatus: 500, problems: [],
    });
  });

  it('takes a status written on the log line before the body', () => {
    check(only('2026-11-25T10:00:01Z WARN payout failed status=400 body={"type":"payout_error","code":"disabled_transfer_type","message":"This type of payout is disabled by the merchant (e.g., auto-withdrawal turned off)"}'), {
      envelope: 'A', code: 'disabled_transfer_type', type: 'payout_error',
      message: 'This type of payout is disabled by the merchant (e.g., auto-withdrawal turned off)',
      httpStatus: 400, expectedHttpStatus: 400, problems: [],
    });
  });

  it('reads NDJSON as one finding per line, in order', () => {
    const r = decode(
      [
        '{"type":"payment_error","code":"expired_order","message":"Expired payment intent"}',
        '{"type":"payment_error","code":"3ds_required","message":"3DS Required"}',
        '{"code":200,"message":"Request is processing, please try again later."}',
      ].join('\n'),
      catalog,
    );
    assert.deepEqual(r.findings.map((f) => [f.envelope, f.code]), [['A', 'expired_order'], ['A', '3ds_required'], ['B', 200]]);
  });

  it('finds an error body nested in a structured log record', () => {
    check(only('{"level":"error","ts":"2026-11-25T10:00:00Z","response":{"type":"payout_error","code":"payout_not_found","message":"payout not found"}}'), {
      envelope: 'A', code: 'payout_not_found', type: 'payout_error', message: 'payout not found',
      httpStatus: null, expectedHttpStatus: 400, problems: [], matches: ['payout/payout_not_found'],
    });
  });

  it('carries the request id and status of a log record down to the body inside it', () => {
    check(only('{"level":"error","request_id":"req_log_5","status":500,"response":{"type":"api_error","code":"api_error","message":"An internal error occurred, please try again."}}'), {
      envelope: 'A', code: 'api_error', type: 'api_error', message: 'An internal error occurred, please try again.',
      httpStatus: 500, expectedHttpStatus: 500, problems: [], requestId: 'req_log_5',
    });
  });

  it('reads a body logged as an escaped JSON string', () => {
    check(only('{"msg":"request failed","body":"{\\"type\\":\\"payout_error\\",\\"code\\":\\"bank_account_not_found\\",\\"message\\":\\"Bank account not found\\"}"}'), {
      envelope: 'A', code: 'bank_account_not_found', type: 'payout_error', message: 'Bank account not found',
      httpStatus: null, expectedHttpStatus: 400, problems: [], matches: ['payout/bank_account_not_found'],
    });
  });

  it('stops at maxFindings and says how many were skipped', () => {
    const line = '{"type":"payment_error","code":"invalid_order_amount","message":"Invalid order amount"}';
    const r = decode(Array(5).fill(line).join('\n'), catalog, { maxFindings: 2 });
    assert.equal(r.findings.length, 2);
    assert.ok(r.notes.some((n) => n.message.includes('3 more')), r.notes.map((n) => n.message).join(' | '));
  });
});

describe('decode: SDK error strings and dumps', () => {
  it("reads the Go SDK's Error() string", () => {
    check(only('retrieve_payment_intent_failed: Retrieve payment intent failed (HTTP 400)'), {
      envelope: 'A', code: 'retrieve_payment_intent_failed', type: null, message: 'Retrieve payment intent failed',
      httpStatus: 400, expectedHttpStatus: 400, problems: [], kind: 'sdk-string', matches: ['payment/retrieve_payment_intent_failed'],
    });
  });

  it('reads a Go SDK string whose code has spaces, behind a log prefix', () => {
    check(only('2026/11/25 10:00:00 request failed: invalid idempotency key format: Idempotency key is invalid (HTTP 400)'), {
      envelope: 'A', code: 'invalid idempotency key format', type: null, message: 'Idempotency key is invalid',
      httpStatus: 400, expectedHttpStatus: 400, problems: [], kind: 'sdk-string',
    });
  });

  it('reads a wrapped Go SDK string and flags a status that the row does not come with', () => {
    check(only('create payout: insufficient_balance: Merchant’s available balance is insufficient (HTTP 500)'), {
      envelope: 'A', code: 'insufficient_balance', type: null, message: 'Merchant’s available balance is insufficient',
      httpStatus: 500, expectedHttpStatus: 400, problems: ['http-status-mismatch'],
    });
  });

  it('reads a Go SDK string with a numeric legacy code', () => {
    check(only('200: Request is processing, please try again later. (HTTP 200)'), {
      envelope: 'B', code: 200, type: null, message: 'Request is processing, please try again later.',
      httpStatus: 200, expectedHttpStatus: null, problems: ['envelope-b-pending'],
    });
  });

  it("reads Node's util.inspect of a UQPayError", () => {
    check(only(fixture('node-inspect.txt')), {
      envelope: 'A', code: 'retrieve_payment_intent_failed', type: 'payment_error', message: 'Retrieve payment intent failed',
      httpStatus: 400, expectedHttpStatus: 400, problems: [], idempotencyKey: 'b4c1d2e3-0f9a-4b8c-8d7e-6f5a4b3c2d1e', kind: 'sdk-string',
    });
  });

  it('reads a Python-style repr with key=value fields', () => {
    check(only("UQPayError(type='payout_error', code='merchant_account_invalid', message='Merchant Account Invalid', http_status=400)"), {
      envelope: 'A', code: 'merchant_account_invalid', type: 'payout_error', message: 'Merchant Account Invalid',
      httpStatus: 400, expectedHttpStatus: 400, problems: [], matches: ['payout/merchant_account_invalid'],
    });
  });

  it('reads a Java-style toString with errorCode / errorMessage / statusCode', () => {
    check(only("com.uqpay.sdk.exception.UqpayApiException: UqpayApiException{errorCode='refund_processing', errorMessage='Refund is processing, please try again after', statusCode=400}"), {
      envelope: 'A', code: 'refund_processing', type: null, message: 'Refund is processing, please try again after',
      httpStatus: 400, expectedHttpStatus: 400, problems: [], matches: ['refund/refund_processing'],
    });
  });

  it("reads Go's %+v print of an APIError", () => {
    check(only('&{Type:payment_error Code:invalid_return_url Message:Invalid return url StatusCode:400}'), {
      envelope: 'A', code: 'invalid_return_url', type: 'payment_error', message: 'Invalid return url',
      httpStatus: 400, expectedHttpStatus: 400, problems: [], matches: ['payment/invalid_return_url'],
    });
  });

  it('reads logfmt fields, preferring the error message over the logger msg', () => {
    check(only('level=error msg="uqpay call failed" type=payout_error code=create_payout_failed message="Create payout failed" status=400 request_id=req_77'), {
      envelope: 'A', code: 'create_payout_failed', type: 'payout_error', message: 'Create payout failed',
      httpStatus: 400, expectedHttpStatus: 400, problems: [], requestId: 'req_77', matches: ['payout/create_payout_failed'],
    });
  });

  it('makes one finding of an SDK string and the body logged beside it', () => {
    check(only('ERROR retrieve_payment_intent_failed: Retrieve payment intent failed (HTTP 404) body={"type":"payment_error","code":"retrieve_payment_intent_failed","message":"Retrieve payment intent failed"}'), {
      envelope: 'A', code: 'retrieve_payment_intent_failed', type: 'payment_error', message: 'Retrieve payment intent failed',
      httpStatus: 404, expectedHttpStatus: 400, problems: ['http-status-mismatch'], kind: 'json',
    });
  });

  it('reads `Name: message` alone when the message names exactly one code', () => {
    check(only('IdempotencyError: Idempotency key is invalid'), {
      envelope: 'A', code: 'invalid idempotency key format', type: null, message: 'Idempotency key is invalid',
      httpStatus: null, expectedHttpStatus: 400, problems: [],
    });
  });
});

describe('decode: checks against the catalog', () => {
  it('flags a type from another UQPAY API', () => {
    check(only('{"type":"card_error","code":"card_declined","message":"Card declined"}'), {
      envelope: 'A', code: 'card_declined', type: 'card_error', message: 'Card declined',
      httpStatus: null, expectedHttpStatus: null, problems: ['not-global-acquiring'], known: false, matches: [],
    });
  });

  it('flags an unknown code and suggests the nearest one', () => {
    const f = only('{"type":"payment_error","code":"retrieve_payment_intent_faild","message":"Retrieve payment intent failed"}');
    check(f, {
      envelope: 'A', code: 'retrieve_payment_intent_faild', type: 'payment_error', message: 'Retrieve payment intent failed',
      httpStatus: null, expectedHttpStatus: 400, problems: ['unknown-code'], known: false,
    });
    assert.equal(f.problems[0].suggestions?.[0], 'retrieve_payment_intent_failed');
  });

  it('flags a type outside the section that documents the code', () => {
    check(only('{"type":"payout_error","code":"refund_amount_exceeded","message":"Refund amount exceeded original transaction amount"}'), {
      envelope: 'A', code: 'refund_amount_exceeded', type: 'payout_error', message: 'Refund amount exceeded original transaction amount',
      httpStatus: null, expectedHttpStatus: 400, problems: ['code-type-mismatch'],
    });
  });

  it('flags a type other than the one a general row names', () => {
    check(only('{"type":"payment_error","code":"missing_parameter","message":"Mandatory parameter is missing"}'), {
      envelope: 'A', code: 'missing_parameter', type: 'payment_error', message: 'Mandatory parameter is missing',
      httpStatus: null, expectedHttpStatus: 400, problems: ['code-type-mismatch'],
    });
  });

  it('flags a message that differs from the documented one', () => {
    check(only('{"type":"refund_error","code":"refund_amount_exceeded","message":"Amount too large"}'), {
      envelope: 'A', code: 'refund_amount_exceeded', type: 'refund_error', message: 'Amount too large',
      httpStatus: null, expectedHttpStatus: 400, problems: ['message-mismatch'],
    });
  });

  it('does not flag an unlisted message for a row whose message the seed says varies', () => {
    // The seed gives unauthorized_error's messages only as examples ("例如").
    check(only('HTTP/1.1 401 Unauthorized\n\n{"type":"unauthorized_error","code":"unauthorized_error","message":"auth token is revoked"}'), {
      envelope: 'A', code: 'unauthorized_error', type: 'unauthorized_error', message: 'auth token is revoked',
      httpStatus: 401, expectedHttpStatus: 401, problems: [],
    });
  });

  it('matches a <field> template to any field name', () => {
    check(only('{"type":"invalid_request_error","code":"invalid_parameter","message":"Invalid request parameters: amount"}'), {
      envelope: 'A', code: 'invalid_parameter', type: 'invalid_request_error', message: 'Invalid request parameters: amount',
      httpStatus: null, expectedHttpStatus: 400, problems: [], matches: ['general/invalid_parameter'],
    });
  });

  it('narrows a shared code by its message: api_error from Create a refund', () => {
    check(only('{"type":"api_error","code":"api_error","message":"Please use the payment cancel endpoint"}'), {
      envelope: 'A', code: 'api_error', type: 'api_error', message: 'Please use the payment cancel endpoint',
      httpStatus: null, expectedHttpStatus: 500, problems: [], matches: ['refund/api_error'],
    });
  });

  it('narrows a shared code by type: retrieve_refund_failed with refund_error is the refund row', () => {
    check(only('{"type":"refund_error","code":"retrieve_refund_failed","message":"Retrieve refund failed"}'), {
      envelope: 'A', code: 'retrieve_refund_failed', type: 'refund_error', message: 'Retrieve refund failed',
      httpStatus: null, expectedHttpStatus: 400, problems: [], matches: ['refund/retrieve_refund_failed'],
    });
  });

  it('keeps both rows when the type fits both sections: product_not_found with product_error', () => {
    check(only('{"type":"product_error","code":"product_not_found","message":"Product not found or inactive"}'), {
      envelope: 'A', code: 'product_not_found', type: 'product_error', message: 'Product not found or inactive',
      httpStatus: null, expectedHttpStatus: 400, problems: [], matches: ['payment/product_not_found', 'payout/product_not_found'],
    });
  });
});

describe('decode: nothing to decode', () => {
  it('explains what it accepts when the input is empty', () => {
    const r = decode('', catalog);
    assert.deepEqual(r.findings, []);
    assert.ok(r.notes.some((n) => n.message.includes('curl')), r.notes.map((n) => n.message).join(' | '));
  });

  it('reports a success body as not an error', () => {
    const r = decode('HTTP/1.1 200 OK\n\n{"payment_intent_id":"PI1","intent_status":"SUCCEEDED"}', catalog);
    assert.deepEqual(r.findings, []);
    assert.ok(r.notes.some((n) => /success/i.test(n.message)), r.notes.map((n) => n.message).join(' | '));
  });

  it('finds nothing in ordinary prose', () => {
    const r = decode('The payment went through fine yesterday; nothing to see: all good.', catalog);
    assert.deepEqual(r.findings, []);
    assert.ok(r.notes.length > 0);
  });
});

describe('decode notes', () => {
  it('counts bodies without error fields in proper English plurals, also when the CLI decodes in chunks', () => {
    const one = '{"id":"PI1","amount":"10.00"}';
    const messages = (r: { notes: { message: string }[] }) => r.notes.map((n) => n.message);
    assert.ok(messages(decode(one, catalog)).includes('Found 1 JSON object without error fields (success responses are not errors).'));
    const two = `${one}\n{"id":"PI2","amount":"12.00"}`;
    assert.ok(messages(decode(two, catalog)).includes('Found 2 JSON objects without error fields (success responses are not errors).'));
    assert.ok(messages(decodeLarge(two, catalog)).includes('Found 2 JSON objects without error fields (success responses are not errors).'));
  });
});
