import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../../../../catalog/src';
import { createErrorCodeService } from '../../../../server/src/service';
import { DIALECTS } from '../../../../server/src/service/scanners/clike';
import { fullScan, rescan } from '../../../../server/src/service/scanners/incremental';
import { FIXTURES } from '../../../support/paths';

const INTEGRATION = join(FIXTURES, 'service/integration');
const base = readFileSync(join(INTEGRATION, 'refunds.ts'), 'utf8');
// long enough to have many checkpoints, with templates, regexes and comments throughout
const big = Array.from({ length: 40 }, (_, i) => base.replace(/refund\(/g, `refund${i}(`)).join('\n');

const plain = (lits: ReturnType<typeof fullScan>['lits']) =>
  lits.map((l) => ({ start: l.start, end: l.end, cStart: l.cStart, cEnd: l.cEnd, value: l.value, terminated: l.terminated, interpolated: l.interpolated, brace: l.brace }));

/** Pieces that change the lexer state the most: quotes, comment and template openers, braces. */
const piece = fc.constantFrom("'", '"', '`', '/*', '*/', '//', '{', '}', '${', '\n', 'x', "'api_error'", '/re/', ' ', '');

describe('incremental rescan gives exactly what a full scan gives', () => {
  it('after random edits anywhere in a large TypeScript file', () => {
    fc.assert(
      fc.property(fc.nat(big.length), fc.nat(6), fc.array(piece, { maxLength: 3 }), (at, del, ins) => {
        const prev = fullScan(big, DIALECTS.js);
        const edited = big.slice(0, at) + ins.join('') + big.slice(Math.min(big.length, at + del));
        const inc = rescan(prev, edited, DIALECTS.js);
        const full = fullScan(edited, DIALECTS.js);
        assert.deepEqual(plain(inc.lits), plain(full.lits));
      }),
      { numRuns: 300 },
    );
  });

  it('after a sequence of edits, each rescanning the previous result', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(big.length), fc.nat(4), fc.array(piece, { maxLength: 2 })), { minLength: 2, maxLength: 6 }), (edits) => {
        let text = big;
        let scan = fullScan(text, DIALECTS.go);
        for (const [at, del, ins] of edits) {
          const pos = Math.min(at, text.length);
          text = text.slice(0, pos) + ins.join('') + text.slice(Math.min(text.length, pos + del));
          scan = rescan(scan, text, DIALECTS.go);
        }
        assert.deepEqual(plain(scan.lits), plain(fullScan(text, DIALECTS.go).lits));
      }),
      { numRuns: 150 },
    );
  });

  it('rescans only near a one-character edit in the middle of the file', () => {
    const prev = fullScan(big, DIALECTS.js);
    const at = big.indexOf("'refund_processing'", big.length >> 1) + 3;
    const edited = big.slice(0, at) + 'x' + big.slice(at);
    const reused = new Set(prev.lits);
    const inc = rescan(prev, edited, DIALECTS.js);
    const fresh = inc.lits.filter((l) => !reused.has(l)).length;
    assert.ok(fresh > 0 && fresh < 60, `${fresh} literals scanned again of ${inc.lits.length}`);
  });
});

describe('service after edits equals a fresh service on the same text', () => {
  it('diagnostics, version after version', () => {
    const catalog = loadBuiltinCatalog();
    const codes = fc.constantFrom("'refund_amount_exceded'", "'payment_error'", "err.code === ", 'case ', "'api_error'", '\n', '{', '}', "'");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(big.length), fc.nat(3), fc.array(fc.oneof(piece, codes), { maxLength: 3 })), { minLength: 1, maxLength: 5 }), (edits) => {
        const live = createErrorCodeService({ catalog });
        let doc = TextDocument.create('file:///live.ts', 'typescript', 1, big);
        live.doValidation(doc);
        for (const [at, del, ins] of edits) {
          const text = doc.getText();
          const start = doc.positionAt(Math.min(at, text.length));
          const end = doc.positionAt(Math.min(text.length, Math.min(at, text.length) + del));
          doc = TextDocument.update(doc, [{ range: { start, end }, text: ins.join('') }], doc.version + 1);
          const got = live.doValidation(doc);
          const fresh = createErrorCodeService({ catalog }).doValidation(TextDocument.create('file:///fresh.ts', 'typescript', 1, doc.getText()));
          assert.deepEqual(got, fresh);
        }
      }),
      { numRuns: 60 },
    );
  });
});
