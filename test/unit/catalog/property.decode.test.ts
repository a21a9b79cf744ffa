/**
 * Issue 7 §1, catalog library half: `decode`, `redact`, `parseCatalogFile` and `createCatalog`
 * searched for failures with fast-check (fixed seed here; `npm run fuzz` runs many more) and with
 * the big/deep/unterminated inputs of the issue. Properties, not examples: each test states what
 * must hold for every input.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { builtinCatalogData, createCatalog, decode, loadBuiltinCatalog, parseCatalogFile, redact, type DecodeResult } from '../../../catalog/src';
import {
  count, deepArray, deepJson, frame, framing, hostileUnicode, leaks, megaLine, mutatedFrom, params, PASTES, place, placement,
  randomBytesText, randomBytesUtf8, SAMPLES, secretArb, UNTERMINATED,
  blockTimeout,
} from '../../support/arbitraries';
import { ROOT } from '../../support/paths';

const catalog = loadBuiltinCatalog();

/** decode plus the invariants every result must satisfy, whatever the input. */
function checkedDecode(text: string, name: string): DecodeResult {
  count(name);
  const r = decode(text, catalog);
  assert.ok(Array.isArray(r.findings) && Array.isArray(r.notes), 'result shape');
  for (const f of r.findings) {
    assert.ok(f.source.start >= 0 && f.source.start <= f.source.end && f.source.end <= text.length, `source ${f.source.start}-${f.source.end} outside 0-${text.length}`);
    assert.ok(f.envelope === null || f.envelope === 'A' || f.envelope === 'B');
    assert.equal(f.known, f.matches.length > 0);
  }
  if (r.findings.length === 0) assert.ok(r.notes.length > 0, 'an empty result explains itself');
  // The result must survive the trip to a webview (postMessage) and to JSON output.
  JSON.stringify(r);
  return r;
}

const allSamples = Object.values(SAMPLES).flat();

describe('property: decode never throws, stays in bounds, explains itself', function () {
  this.timeout(blockTimeout(60_000));

  it('random bytes (latin1 and UTF-8)', () => {
    fc.assert(fc.property(fc.oneof(randomBytesText(2000), randomBytesUtf8(2000)), (s) => void checkedDecode(s, 'decode/bytes')), params(200));
  });

  it('random Unicode: lone surrogates, NUL, RTL marks, emoji, combining marks', () => {
    fc.assert(fc.property(hostileUnicode(400), (s) => void checkedDecode(s, 'decode/unicode')), params(200));
  });

  it('truncated and mutated pasted responses, with CRLF / CR / BOM framings', () => {
    fc.assert(
      fc.property(mutatedFrom(PASTES), framing, (s, f) => void checkedDecode(frame(s, f), 'decode/mutated-paste')),
      params(300),
    );
  });

  it('truncated and mutated code samples in every language', () => {
    fc.assert(fc.property(mutatedFrom(allSamples), framing, (s, f) => void checkedDecode(frame(s, f), 'decode/mutated-sample')), params(150));
  });

  it('several pastes glued together in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PASTES), { minLength: 2, maxLength: 8 }), fc.constantFrom('\n', '', '\r\n\r\n', ' '), (parts, sep) => {
        const r = checkedDecode(parts.join(sep), 'decode/glued');
        // Every part with a recognisable error is one response: never more findings than parts × 2.
        assert.ok(r.findings.length <= parts.length * 2, `${r.findings.length} findings from ${parts.length} parts`);
      }),
      params(150),
    );
  });

  it('an unterminated string, comment or template literal at the end of any sample', () => {
    const cases = Object.entries(UNTERMINATED).flatMap(([lang, opens]) => opens.map((o) => ({ lang, o })));
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.constantFrom(...allSamples, ...PASTES), ({ o }, host) => void checkedDecode(`${host}\n${o}`, 'decode/unterminated')),
      params(100),
    );
  });
});

describe('property: huge and deep inputs end cleanly', function () {
  this.timeout(blockTimeout(60_000));

  it('100k-deep JSON nesting (objects, arrays, mixed) reports depth, not a stack overflow', () => {
    for (const text of [deepJson(100_000), deepArray(100_000), deepJson(100_000, '[{"a":', '}]'), `${'{"a":'.repeat(100_000)}`]) {
      const r = checkedDecode(text, 'decode/deep');
      assert.equal(r.findings.length, 0);
    }
    // An error body right after the deep value is still found.
    const r = checkedDecode(`${deepJson(100_000)}\n{"type":"payout_error","code":"payout_not_found","message":"payout not found"}`, 'decode/deep');
    assert.deepEqual(r.findings.map((f) => f.code), ['payout_not_found']);
  });

  it('a 1 MB single line with an error body in the middle is decoded', () => {
    for (const f of ['lf', 'crlf', 'cr', 'bom'] as const) {
      const r = checkedDecode(frame(megaLine(), f), 'decode/mega-line');
      assert.deepEqual(r.findings.map((x) => [x.code, x.type]), [['expired_order', 'payment_error']]);
    }
  });

  it('1 MB of unterminated string, of open braces, and of quotes ends cleanly', () => {
    for (const text of ['{"message":"' + 'a'.repeat(1 << 20), '{'.repeat(1 << 20), '"'.repeat(1 << 20), '\\'.repeat(1 << 20), '{"a":"\\'.repeat(1 << 17)]) {
      checkedDecode(text, 'decode/mega-unterminated');
    }
  });

  it('a 10 MB paste of many responses ends, and the result is capped with a note', () => {
    const one = 'HTTP/1.1 400 Bad Request\r\n\r\n{"type":"payment_error","code":"expired_order","message":"Expired payment intent"}\r\n';
    const text = one.repeat(Math.ceil((10 << 20) / one.length));
    count('decode/10mb');
    const r = decode(text, catalog);
    assert.equal(r.findings.length, 200);
    assert.ok(r.notes.some((n) => /skipped/.test(n.message)), r.notes.map((n) => n.message).join(' | '));
  });
});

describe('property: redaction — a secret placed anywhere never comes back', function () {
  this.timeout(blockTimeout(60_000));
  const hosts = [...PASTES, ...allSamples, ''];

  it('decode output never contains the token or card number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...hosts), secretArb, placement, (host, secret, p) => {
        const text = place(host, secret, p);
        const out = JSON.stringify(checkedDecode(text, 'redact/decode'));
        assert.ok(!leaks(out, secret), `decode leaked ${secret.kind} ${JSON.stringify(secret.text)}`);
      }),
      params(300),
    );
  });

  it('decode output never contains the secret when it sits inside the error message itself', () => {
    fc.assert(
      fc.property(secretArb, fc.constantFrom('"', ''), (secret, q) => {
        const msg = JSON.stringify(`auth failed for ${secret.text}`).slice(1, -1);
        const text = `HTTP/1.1 401 Unauthorized\n\n{"type":"unauthorized_error","code":"unauthorized_error","message":"${msg}","request_id":"${q}${secret.text.replace(/"/g, '')}"}`;
        const out = JSON.stringify(checkedDecode(text, 'redact/in-message'));
        assert.ok(!leaks(out, secret), `decode leaked ${secret.kind} ${JSON.stringify(secret.text)}`);
      }),
      params(200),
    );
  });

  it('redact() output never contains the token or card number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...hosts), secretArb, placement, (host, secret, p) => {
        count('redact/text');
        const out = redact(place(host, secret, p));
        assert.ok(!leaks(out, secret), `redact leaked ${secret.kind} ${JSON.stringify(secret.text)}`);
      }),
      params(300),
    );
  });

  it('a card number among other space-separated digit groups is still masked', () => {
    // Tables of amounts and ids are long runs of digits and separators: the card must not hide in them.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 0, maxLength: 150 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 0, maxLength: 150 }),
        secretArb.filter((s) => s.kind === 'card'),
        (before, after, secret) => {
          count('redact/digit-run');
          const text = [...before, secret.text, ...after].join(' ');
          const out = redact(text);
          assert.ok(!leaks(out, secret), `redact leaked card ${secret.text} inside a run of ${before.length + after.length} digit groups`);
        },
      ),
      params(300),
    );
  });

  it('redact never throws and is stable: redacting twice changes nothing more', () => {
    fc.assert(
      fc.property(fc.oneof(hostileUnicode(300), mutatedFrom(PASTES)), (s) => {
        count('redact/idempotent');
        const once = redact(s);
        assert.equal(redact(once), once);
      }),
      params(200),
    );
  });
});

describe('property: catalog files — any mutation gives problems, never a crash; the built-in catalog keeps working', function () {
  this.timeout(blockTimeout(60_000));
  const builtinText = readFileSync(join(ROOT, 'catalog', 'global-acquiring.json'), 'utf8');
  const small = JSON.stringify({ ...builtinCatalogData(), name: 'extra', errors: builtinCatalogData().errors.slice(0, 3) }, null, 2);

  it('parseCatalogFile on mutated catalogs: data or named problems, and createCatalog still works', () => {
    fc.assert(
      fc.property(mutatedFrom([small, builtinText.slice(0, 4000), '{}', '[]', 'null'], fc.constantFrom('{', '}', '"', ',', '[', ']', ':', '1', 'null', '\u0000', '\uD800', '/*')), (text) => {
        count('catalog/mutated');
        const { data, problems } = parseCatalogFile(text, '/ws/extra.json');
        assert.ok(Array.isArray(problems));
        for (const p of problems) {
          assert.equal(p.file, '/ws/extra.json');
          assert.equal(typeof p.message, 'string');
          assert.ok(p.message.length > 0);
          if (p.line !== undefined) assert.ok(p.line >= 1 && (p.column ?? 1) >= 1);
        }
        assert.ok(data !== null || problems.length > 0, 'a rejected file says why');
        const merged = createCatalog(data ? [builtinCatalogData(), data] : [builtinCatalogData()]);
        // The built-in codes survive whatever the extra file held.
        assert.ok(merged.isCode('retrieve_payment_intent_failed'));
        assert.ok(merged.byCode(200).length >= 1);
      }),
      params(200),
    );
  });

  // A file of thousands of schema-violating entries is in property.regressions.test.ts (it found a slow path).
  it('hostile catalog texts: random bytes, deep nesting, a 1 MB line', () => {
    const texts = [deepJson(100_000), deepArray(100_000), `{"errors":[${'{},'.repeat(200)}{}]}`, 'x'.repeat(1 << 20), '\uFEFF{}'];
    fc.assert(
      fc.property(fc.oneof(randomBytesUtf8(500), hostileUnicode(200), fc.constantFrom(...texts)), (text) => {
        count('catalog/hostile');
        const { data, problems } = parseCatalogFile(text, 'x.json');
        assert.ok(data !== null || problems.length > 0);
        assert.ok(problems.length <= 1000, `${problems.length} problems`);
      }),
      params(60),
    );
  });

  it('a catalog whose entries clash with built-in ids: the later one wins, nothing throws', () => {
    fc.assert(
      fc.property(fc.subarray([...builtinCatalogData().errors], { minLength: 1, maxLength: 5 }), hostileUnicode(20), (entries, text) => {
        count('catalog/override');
        const extra = { ...builtinCatalogData(), name: 'x', errors: entries.map((e) => ({ ...e, summary: { en: text, 'zh-CN': text } })) };
        const merged = createCatalog([builtinCatalogData(), extra]);
        for (const e of entries) assert.equal(merged.byId(e.id)?.summary.en, text);
        assert.ok(merged.search(text).length >= 0);
      }),
      params(60),
    );
  });
});

describe('property: catalog lookups never throw on hostile strings', function () {
  this.timeout(blockTimeout(30_000));
  it('isCode/isType/byCode/suggest/search/narrow/endpointIn', () => {
    fc.assert(
      fc.property(fc.oneof(hostileUnicode(60), fc.constantFrom(...catalog.codes).chain((c) => mutatedFrom([c]))), (s) => {
        count('catalog/lookups');
        catalog.isCode(s);
        catalog.isType(s);
        catalog.byCode(s);
        catalog.narrow(s, { type: s, endpoint: s });
        catalog.endpointIn(s);
        const sug = catalog.suggest(s, 3);
        assert.ok(!sug.includes(s), 'suggest never proposes the value itself');
        const hits = catalog.search(s, { limit: 10 });
        assert.ok(hits.length <= 10);
      }),
      params(300),
    );
  });
});
