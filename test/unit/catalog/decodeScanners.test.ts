// The pieces decode is built from, tested on their own.
import { strict as assert } from 'node:assert';
import { scanHttp } from '../../../catalog/src/httpScan';
import { scanJsonObjects } from '../../../catalog/src/jsonScan';
import { extractKeyValues, findGoErrorStrings } from '../../../catalog/src/sdkText';

const spans = (text: string) => scanJsonObjects(text).objects.map((o) => text.slice(o.start, o.end));

describe('scanJsonObjects', () => {
  it('finds outermost objects in order, with braces and escaped quotes inside strings', () => {
    const a = '{"a":"}{","b":{"c":1}}';
    const b = '{"q":"say \\"{\\" please"}';
    assert.deepEqual(spans(`x ${a} y ${b} z`), [a, b]);
  });

  it('ignores quotes outside objects (apostrophes in log text)', () => {
    assert.deepEqual(spans(`it's "here": {"k":1} and 'there'`), ['{"k":1}']);
  });

  it('reports non-JSON braces as unparsed, and looks inside them for JSON', () => {
    const r = scanJsonObjects(`{ type: 'x', inner: {"k":2} }`);
    assert.deepEqual(r.objects.map((o) => o.value), [{ k: 2 }]);
    assert.equal(r.unparsed.length, 1);
    assert.equal(r.unparsed[0].start, 0);
  });

  it('ends a string at a raw newline, so one stray quote costs one line', () => {
    assert.deepEqual(spans('{"broken": "oops\n{"k":3}'), ['{"k":3}']);
  });

  it('counts a value nested beyond the depth limit once and parses nothing of it', () => {
    const r = scanJsonObjects(`${'{"a":'.repeat(300)}1${'}'.repeat(300)} {"ok":true}`, { maxDepth: 64 });
    assert.equal(r.tooDeep, 1);
    assert.deepEqual(r.objects.map((o) => o.value), [{ ok: true }]);
  });

  it('stops after maxObjects and says it was truncated', () => {
    const r = scanJsonObjects('{"i":1}{"i":2}{"i":3}', { maxObjects: 2 });
    assert.equal(r.objects.length, 2);
    assert.equal(r.truncated, true);
  });
});

describe('scanHttp', () => {
  it('finds status lines of raw responses and curl output, and only the wanted headers', () => {
    const text = 'HTTP/1.1 400 Bad Request\r\nX-Request-Id: a1\r\nServer: nginx\r\n\r\n{}\n< HTTP/2 429\n< x-request-id: b2\n> x-idempotency-key: k\n';
    const r = scanHttp(text);
    assert.deepEqual(r.statusLines.map((s) => s.status), [400, 429]);
    assert.deepEqual(r.headers.map((h) => [h.name, h.value]), [['x-request-id', 'a1'], ['x-request-id', 'b2'], ['x-idempotency-key', 'k']]);
  });

  it('does not take a request line for a status line', () => {
    assert.deepEqual(scanHttp('> POST /api/v2/payment/refunds HTTP/2\n').statusLines, []);
  });
});

describe('findGoErrorStrings', () => {
  const known = (c: string) => ['insufficient_balance', 'invalid idempotency key format'].includes(c);

  it('splits code and message at the known code, even behind a log prefix and with ": " in the message', () => {
    const [g] = findGoErrorStrings('10:00:00 payout: insufficient_balance: Balance: too low (HTTP 400)', known);
    assert.deepEqual([g.code, g.message, g.httpStatus], ['insufficient_balance', 'Balance: too low', 400]);
  });

  it('falls back to a snake_case segment for codes it does not know', () => {
    const [g] = findGoErrorStrings('some_new_code: Something (HTTP 409)', known);
    assert.deepEqual([g.code, g.message, g.httpStatus], ['some_new_code', 'Something', 409]);
  });

  it('finds nothing without a code-like segment', () => {
    assert.deepEqual(findGoErrorStrings('The server said (HTTP 500)', known), []);
  });
});

describe('extractKeyValues', () => {
  it('reads quoted, numeric and bare values', () => {
    const kv = extractKeyValues(`type: 'payment_error', code: "3ds_required", httpStatus: 400, Message:3DS Required StatusCode:400`, 0);
    assert.deepEqual([kv?.type, kv?.code, kv?.httpStatus, kv?.message], ['payment_error', '3ds_required', 400, '3DS Required']);
  });

  it('needs a code or an error type', () => {
    assert.equal(extractKeyValues(`message: 'hello', status: 200`, 0), undefined);
    assert.equal(extractKeyValues(`type: 'card', brand: 'visa'`, 0), undefined);
  });
});
