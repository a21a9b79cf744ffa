import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../../../catalog/src';
import { createErrorCodeService } from '../../../server/src/service';
import { analyzeText, type Analysis } from '../../../server/src/service/analysis';
import type { ErrorObject } from '../../../server/src/service/scanners/types';

/**
 * After an edit, bodies written in code are looked for again only near the edit
 * (codeBodiesAfterEdit): whatever the edit, the bodies must be those of a fresh analysis.
 */

// one stretch of a test file: bodies as object literals, JSON in strings, a legacy numeric code
// beside its status, near misses (a `.code` member, a key in another call), and filler in between
function stretch(i: number): string {
  return [
    `// case ${i}`,
    `const mock${i} = { type: 'invalid_request_error', code: 'invalid_parameter', message: 'Bad field ${i}' };`,
    `reply(400, { code: 200, message: 'The request is being processed' });`,
    `const raw${i} = '{"type": "not_found", "code": "product_not_found", "message": "gone"}';`,
    `if (err.code === 'api_error') retry(${i});`,
    `send({ code: 'account_not_found', type: 'account_error' }, 400);`,
    // the shapes bodyShapes.ts reads: key/value pairs, a builder chain, the Java SDK's constructor
    `const pairs${i} = Map.of('type', 'not_found', 'code', 'product_not_found');`,
    `const built${i} = ErrorBody.builder().type('api_error').code('api_error').message('down').build();`,
    `throw new UqpayApiException('invalid_parameter', 'Rejected ${i}', 400);`,
    `const filler${i} = [${Array.from({ length: 12 }, (_, k) => `'word${k}'`).join(', ')}];`,
    '',
  ].join('\n');
}
// long enough that an edit leaves most bodies far away (a body spans at most a few KB)
const big = Array.from({ length: 60 }, (_, i) => stretch(i)).join('\n');

const plain = (objects: readonly ErrorObject[]) => objects.map((o) => JSON.parse(JSON.stringify(o)) as unknown);

/** Pieces that make, break or change bodies: keys, brackets, quotes, codes, statuses. */
const piece = fc.constantFrom(
  "code: 'api_error', ", "type: 'api_error', ", 'message: 1, ', '{', '}', '(', ')', "'", '"', '`', '/*', '*/', '//', '\n', ';', ' ', '400', '200', 'x', '_',
  '{"code": "invalid_parameter"}', "{ code: 'not_found' }", ".code('api_error')", "Map.of('code', 'x', ", "new UqpayApiException('api_error', 'm', 500)", '.', ',', '',
);

function edit(text: string, at: number, del: number, ins: string): string {
  const pos = Math.min(at, text.length);
  return text.slice(0, pos) + ins + text.slice(Math.min(text.length, pos + del));
}

describe('bodies in code after an edit are those of a fresh analysis', () => {
  it('after random edits anywhere in a large TypeScript file', () => {
    fc.assert(
      fc.property(fc.nat(big.length), fc.nat(8), fc.array(piece, { maxLength: 3 }), (at, del, ins) => {
        const prev = analyzeText('file:///t.ts', 1, 'typescript', big);
        const text = edit(big, at, del, ins.join(''));
        const inc = analyzeText('file:///t.ts', 2, 'typescript', text, prev);
        assert.deepEqual(plain(inc.objects), plain(analyzeText('file:///t.ts', 2, 'typescript', text).objects));
      }),
      { numRuns: 120 },
    );
  });

  it('after a sequence of edits, each analysis made from the one before (Go)', () => {
    const go = big.replace(/'/g, '"').replace(/\/\/ case/g, '// go case');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(go.length), fc.nat(6), fc.array(piece, { maxLength: 2 })), { minLength: 2, maxLength: 6 }), (edits) => {
        let text = go;
        let a: Analysis = analyzeText('file:///t.go', 1, 'go', text);
        let version = 1;
        for (const [at, del, ins] of edits) {
          text = edit(text, at, del, ins.join(''));
          a = analyzeText('file:///t.go', ++version, 'go', text, a);
          assert.deepEqual(plain(a.objects), plain(analyzeText('file:///t.go', version, 'go', text).objects));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('follows a chain whose call, left open, is closed far after it (a counterexample the property found)', () => {
    const go = big.replace(/'/g, '"').replace(/\/\/ case/g, '// go case');
    // `.code("api_error").(message(…` opens a call that a `)` some 1,600 characters on closes
    const edits: [number, number, string][] = [[0, 3, 'message: 1, '], [37944, 0, '('], [39532, 0, ')']];
    let text = go;
    let a: Analysis = analyzeText('file:///t.go', 1, 'go', text);
    edits.forEach(([at, del, ins], k) => {
      text = edit(text, at, del, ins);
      a = analyzeText('file:///t.go', k + 2, 'go', text, a);
      assert.deepEqual(plain(a.objects), plain(analyzeText('file:///t.go', k + 2, 'go', text).objects), `after edit ${k + 1}`);
    });
    const chain = a.objects.find((o) => o.start === text.lastIndexOf('ErrorBody.builder()', 37944));
    assert.ok(chain && chain.end > 39500, 'the chain now runs to the closing parenthesis');
  });

  it('finds a body typed in the middle of the file and drops one whose bracket is deleted', () => {
    const mid = big.indexOf('// case 30');
    const typed = edit(big, mid, 0, "const made = { type: 'api_error', code: 'api_error' };\n");
    const prev = analyzeText('file:///t.ts', 1, 'typescript', big);
    const count = prev.objects.length;
    const withBody = analyzeText('file:///t.ts', 2, 'typescript', typed, prev);
    assert.equal(withBody.objects.length, count + 1);
    const made = withBody.objects.find((o) => o.start === mid + 'const made = '.length);
    assert.equal(made?.code?.value, 'api_error');
    assert.equal(made?.type?.value, 'api_error');
    // the opening bracket of case 30's mock goes: that body is no longer one
    const open = typed.indexOf('{ type', typed.indexOf('const mock30'));
    const broken = analyzeText('file:///t.ts', 3, 'typescript', edit(typed, open, 1, ''), withBody);
    assert.equal(broken.objects.length, count);
    assert.ok(!broken.objects.some((o) => o.message?.value === 'Bad field 30'));
    assert.ok(broken.objects.some((o) => o.message?.value === 'Bad field 31'));
  });

  it('reads the status again when the one written beside a legacy body changes', () => {
    const prev = analyzeText('file:///t.ts', 1, 'typescript', big);
    const at = big.indexOf('reply(400', big.indexOf('// case 30')) + 'reply('.length;
    const next = analyzeText('file:///t.ts', 2, 'typescript', edit(big, at, 3, '404'), prev);
    const statuses = next.objects.filter((o) => o.code?.value === 200).map((o) => o.status?.value);
    assert.equal(statuses.length, 60);
    assert.deepEqual(statuses.filter((s) => s !== 400), [404]);
  });
});

describe('diagnostics follow edits that change what carries over', () => {
  const catalog = loadBuiltinCatalog();
  const uri = 'file:///edits.ts';
  const at = (d: TextDocument, s: string) => d.positionAt(d.getText().indexOf(s));
  const replace = (d: TextDocument, s: string, by: string) =>
    TextDocument.update(d, [{ range: { start: at(d, s), end: d.positionAt(d.getText().indexOf(s) + s.length) }, text: by }], d.version + 1);
  const codes = (service: ReturnType<typeof createErrorCodeService>, d: TextDocument) => service.doValidation(d).map((x) => x.code);

  it('a misspelt code typed into a comparison is reported, and no longer once fixed', () => {
    const service = createErrorCodeService({ catalog });
    let d = TextDocument.create(uri, 'typescript', 1, `import { Client } from 'uqpay';\n${big}`);
    const unknown = () => service.doValidation(d).filter((x) => x.code === 'unknown-error-code').map((x) => x.message);
    assert.deepEqual(unknown(), []);
    d = replace(d, "err.code === 'api_error') retry(30)", "err.code === 'api_eror') retry(30)");
    assert.deepEqual(unknown(), ["'api_eror' is not a UQPAY Global Acquiring error code; did you mean 'api_error'?"]);
    d = replace(d, "'api_eror'", "'api_error'");
    assert.deepEqual(unknown(), []);
  });

  it('a body made wrong by an edit is flagged, and an SDK import of another provider silences the file', () => {
    const service = createErrorCodeService({ catalog });
    // without the Java SDK's exception, whose name names UQPAY
    const named = big.replace(/throw new UqpayApiException[^\n]*\n/g, '');
    let d = TextDocument.create(uri, 'typescript', 1, `import { Client } from 'uqpay';\n${named}`);
    assert.deepEqual(codes(service, d), []);
    // product_not_found does not come with the unauthorized_error type
    d = replace(d, "const mock30 = { type: 'invalid_request_error', code: 'invalid_parameter'", "const mock30 = { type: 'unauthorized_error', code: 'product_not_found'");
    assert.deepEqual(codes(service, d), ['code-type-mismatch']);
    d = replace(d, "import { Client } from 'uqpay';", "import Stripe from 'stripe';");
    assert.deepEqual(service.doValidation(d), []);
  });
});
