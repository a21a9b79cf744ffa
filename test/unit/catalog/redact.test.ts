import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decode, loadBuiltinCatalog, redact } from '../../../catalog/src/index';

const catalog = loadBuiltinCatalog();
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZXJjaGFudCJ9.c2lnbmF0dXJlX3NlY3JldA';
// Luhn-valid test numbers (the UQPAY sandbox card and well-known test cards).
const CARDS = ['5346930100108117', '4111111111111111', '378282246310005', '6011111111111117', '4000056655665556'];

describe('redact', () => {
  it('hides bearer tokens in x-auth-token headers', () => {
    assert.equal(redact(`x-auth-token: Bearer ${JWT}`), 'x-auth-token: Bearer [REDACTED]');
  });

  it('hides API keys, client secrets and authorization values in headers, JSON and query strings', () => {
    assert.equal(redact('x-api-key: ak_live_123456'), 'x-api-key: [REDACTED]');
    assert.equal(redact('X-Client-Secret: cs_abc'), 'X-Client-Secret: [REDACTED]');
    assert.equal(redact('{"client_secret":"PI123_secret_abc","amount":"10.00"}'), '{"client_secret":"[REDACTED]","amount":"10.00"}');
    assert.equal(redact('{"apiKey": "k-999"}'), '{"apiKey": "[REDACTED]"}');
    assert.equal(redact('GET /x?api_key=abc123&page_size=10'), 'GET /x?api_key=[REDACTED]&page_size=10');
    assert.equal(redact('Authorization: Basic dXNlcjpwYXNz'), 'Authorization: Basic [REDACTED]');
  });

  it('leaves the idempotency key, client id and ordinary text alone', () => {
    for (const s of ['x-idempotency-key: 6f1f9d0e-8c1a-4c5e-9a57-2b8f3c1d4e5f', 'x-client-id: cli_demo', 'invalid auth token format', 'auth token is expired', 'amount 12.50 USD']) {
      assert.equal(redact(s), s);
    }
  });

  it('masks Luhn-valid card numbers, keeping the last four digits', () => {
    assert.equal(redact('card 5346930100108117 declined'), 'card [CARD ••••8117] declined');
    assert.equal(redact('4111 1111 1111 1111'), '[CARD ••••1111]');
    assert.equal(redact('4111-1111-1111-1111'), '[CARD ••••1111]');
    assert.equal(redact('"number":378282246310005'), '"number":[CARD ••••0005]');
  });

  it('leaves digit runs that fail Luhn or have the wrong length', () => {
    for (const s of ['4111111111111112', '123456789012', '12345678901234567890123', 'order 20261125100000']) assert.equal(redact(s), s);
  });

  it('finds a card inside a longer run of digit groups', () => {
    assert.equal(redact('ref 12 4111 1111 1111 1111 end'), 'ref 12 [CARD ••••1111] end');
  });
});

describe('redaction inside decode', () => {
  const wrap = (secret: string) => [
    `{"type":"payment_error","code":"invalid_payment_method","message":"invalid pay method ${secret}"}`,
    `HTTP/1.1 400 Bad Request\nx-request-id: ${secret}\n\n{"type":"payment_error","code":"invalid_payment_method","message":"invalid pay method"}`,
    `> x-idempotency-key: ${secret}\n< HTTP/2 400\n\n{"type":"payment_error","code":"invalid_payment_method","message":"invalid pay method"}`,
    `invalid_payment_method: invalid pay method ${secret} (HTTP 400)`,
    `UQPayError(type='payment_error', code='invalid_payment_method', message='${secret}', http_status=400)`,
    `{"type":"payment_error","code":"${secret}","message":"x"}`,
    `{"type":"${secret}","code":"invalid_payment_method","message":"x"}`,
    `HTTP/1.1 502 Bad Gateway\n\n<html><title>${secret}</title></html>`,
    `HTTP/1.1 503 Service Unavailable\n\n${secret}\n`,
  ];

  it('keeps bearer tokens and cards out of every finding', () => {
    const secrets = [`Bearer ${JWT}`, `x-auth-token: Bearer ${JWT}`, JWT, ...CARDS, '4111 1111 1111 1111'];
    for (const secret of secrets) {
      for (const input of wrap(secret)) {
        const out = JSON.stringify(decode(input, catalog));
        assert.ok(!out.includes(JWT), `token leaked for ${input}`);
        for (const card of CARDS) assert.ok(!out.includes(card), `card leaked for ${input}`);
        assert.ok(!out.includes('4111 1111 1111 1111'), `spaced card leaked for ${input}`);
      }
    }
  });

  it('keeps a card placed anywhere in a response out of the result (property)', () => {
    const body = '{"type":"payment_error","code":"invalid_payment_method","message":"invalid pay method"}';
    const input = `HTTP/1.1 400 Bad Request\nx-request-id: r1\n\n${body}`;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: input.length }), fc.constantFrom(...CARDS), (at, card) => {
        const text = `${input.slice(0, at)} ${card} ${input.slice(at)}`;
        assert.ok(!JSON.stringify(decode(text, catalog)).includes(card));
      }),
      { numRuns: 300 },
    );
  });
});
