// Hostile input must end cleanly: no exception, no hang, a result with findings and/or notes.
// There are no timed assertions; mocha's timeout is the backstop.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decode, loadBuiltinCatalog, type DecodeResult } from '../../../catalog/src/index';

const catalog = loadBuiltinCatalog();
const ERROR_BODY = '{"type":"payment_error","code":"invalid_order_currency","message":"Invalid order currency"}';

function wellFormed(r: DecodeResult): void {
  assert.ok(Array.isArray(r.findings));
  assert.ok(Array.isArray(r.notes));
  assert.ok(r.findings.length > 0 || r.notes.length > 0, 'an empty result must explain itself');
  JSON.stringify(r); // serialisable, no cycles
}

describe('decode: hostile input', () => {
  it('handles 10 MB of NDJSON error lines, capping the findings and saying so', () => {
    const line = `${ERROR_BODY}\n`;
    const text = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
    const r = decode(text, catalog);
    wellFormed(r);
    assert.equal(r.findings.length, 200);
    assert.equal(r.findings[0].code, 'invalid_order_currency');
    assert.ok(r.notes.some((n) => n.message.includes('more were skipped')), r.notes.map((n) => n.message).join(' | '));
  });

  it('handles 10 MB of text with one error at the very end', () => {
    const filler = 'lorem ipsum dolor sit amet {not json} "quoted \' text\n'.repeat(200_000);
    const r = decode(`${filler}HTTP/1.1 400 Bad Request\n\n${ERROR_BODY}`, catalog);
    wellFormed(r);
    assert.deepEqual(r.findings.map((f) => [f.code, f.httpStatus]), [['invalid_order_currency', 400]]);
  });

  it('skips 100k-deep object nesting with a note', () => {
    const depth = 100_000;
    const r = decode('{"a":'.repeat(depth) + '1' + '}'.repeat(depth), catalog);
    wellFormed(r);
    assert.deepEqual(r.findings, []);
    assert.ok(r.notes.some((n) => n.message.includes('nested too deeply')), r.notes.map((n) => n.message).join(' | '));
  });

  it('skips 100k-deep array nesting inside an error body and still reads a later body', () => {
    const depth = 100_000;
    const deep = `{"type":"payment_error","code":"x","message":"m","data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const r = decode(`${deep}\n${ERROR_BODY}`, catalog);
    wellFormed(r);
    assert.deepEqual(r.findings.map((f) => f.code), ['invalid_order_currency']);
  });

  it('handles 100k unclosed braces', () => {
    const r = decode('{'.repeat(100_000), catalog);
    wellFormed(r);
    assert.deepEqual(r.findings, []);
  });

  it('still finds a complete body after an unclosed brace', () => {
    const r = decode(`{ [118 bytes data]\n${ERROR_BODY}\n`, catalog);
    assert.deepEqual(r.findings.map((f) => f.code), ['invalid_order_currency']);
  });

  it('reads what it can from a body cut off inside a string', () => {
    const r = decode('{"type":"payment_error","code":"invalid_order_currency","message":"Invalid order', catalog);
    wellFormed(r);
    assert.deepEqual(
      r.findings.map((f) => [f.type, f.code, f.message]),
      [['payment_error', 'invalid_order_currency', null]],
    );
  });

  it('recovers from a stray quote on an earlier line', () => {
    const r = decode(`{"note": "unterminated\n${ERROR_BODY}`, catalog);
    assert.deepEqual(r.findings.map((f) => f.code), ['invalid_order_currency']);
  });

  it('handles binary junk and still finds a body embedded in it', () => {
    let junk = '';
    let seed = 12345;
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      junk += String.fromCharCode(seed % 0x10000);
    }
    wellFormed(decode(junk, catalog));
    const r = decode(`${junk}\n${ERROR_BODY}\n${junk}`, catalog);
    wellFormed(r);
    assert.ok(r.findings.some((f) => f.code === 'invalid_order_currency'));
  });

  it('handles NUL bytes, lone surrogates and a megabyte of digits', () => {
    wellFormed(decode('\u0000\ud800{"code":\udfff}\u0000', catalog));
    wellFormed(decode('4'.repeat(1024 * 1024), catalog));
  });

  it('handles 10 MB of braces and quotes without a body', () => {
    wellFormed(decode('{"}{"'.repeat(2 * 1024 * 1024), catalog));
    wellFormed(decode('{}'.repeat(5 * 1024 * 1024), catalog));
  });

  it('handles many status lines without bodies', () => {
    const r = decode('HTTP/1.1 500 Internal Server Error\n'.repeat(50_000), catalog);
    wellFormed(r);
    assert.equal(r.findings.length, 200);
    assert.equal(r.findings[0].httpStatus, 500);
  });

  it('returns a note instead of throwing for input that is not a string', () => {
    wellFormed(decode(undefined as unknown as string, catalog));
    wellFormed(decode(42 as unknown as string, catalog));
  });

  it('never throws on arbitrary text (property)', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('{', '}', '[', ']', '"', '\\', '\n', ': ', '(HTTP 400)', 'HTTP/1.1 400\n', 'code=', ERROR_BODY, 'x-request-id: r\n'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        wellFormed(decode(parts.join(''), catalog));
      }),
      { numRuns: 300 },
    );
  });
});
