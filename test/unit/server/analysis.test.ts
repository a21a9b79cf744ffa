import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeText, firstMatch, type Analysis, type TextPattern } from '../../../server/src/service/analysis';

/**
 * Whether a document names UQPAY (or another provider) is looked for once per version, and after an
 * edit only in the edited stretch: it must agree with a search of the whole text.
 */
const UQPAY: TextPattern = { re: /uqpay/gi, longest: 5 };
const PROVIDERS: TextPattern = { re: /\b(?:stripe|checkout\.com)\b/gi, longest: 12 };

// with halves of the words throughout, so that edits complete, split and glue them
const filler = Array.from({ length: 300 }, (_, i) => `const v${i} = load('item ${i}'); // uqpa ${i} strip checkout.co`).join('\n');
const halves = [...filler.matchAll(/uqpa|strip|checkout\.co/g)].map((m) => m.index!);
const whole = (text: string, re: RegExp): number => {
  re.lastIndex = 0;
  return re.exec(text)?.index ?? -1;
};

/** Pieces that make, break or move a match, or glue a word onto one (`\b`). */
const piece = fc.constantFrom('uqpay', 'UQPay', 'uq', 'pay', 'y', 'stripe', 'Stripe', 'e', 'checkout.com', 'checkout', '.com', 'm', 'x', '_', ' ', '\n', "'", '');
/** An edit: where (near one of the halves, or anywhere), how much it deletes, what it inserts. */
const edit = fc.tuple(fc.oneof(fc.tuple(fc.nat(halves.length - 1), fc.integer({ min: -2, max: 14 })).map(([k, d]) => halves[k] + d), fc.nat(filler.length + 40)), fc.nat(8), fc.array(piece, { maxLength: 3 }));

describe('first match of a word, carried over edits', () => {
  it('agrees with a whole-text search after each edit of a sequence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(filler, `import { Client } from 'uqpay';\n${filler}`, `${filler}\n// stripe`),
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        (start, edits) => {
          let text = start;
          let a: Analysis = analyzeText('file:///w.ts', 1, 'typescript', text);
          firstMatch(a, UQPAY);
          firstMatch(a, PROVIDERS);
          let version = 1;
          for (const [at, del, ins] of edits) {
            const pos = Math.max(0, Math.min(at, text.length));
            text = text.slice(0, pos) + ins.join('') + text.slice(Math.min(text.length, pos + del));
            a = analyzeText('file:///w.ts', ++version, 'typescript', text, a);
            assert.equal(firstMatch(a, UQPAY), whole(text, UQPAY.re), 'uqpay');
            assert.equal(firstMatch(a, PROVIDERS), whole(text, PROVIDERS.re), 'providers');
            assert.equal(a.mentionsUqpay(), /uqpay/i.test(text));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sees a name typed into, or deleted from, the middle of a large file', () => {
    const big = Array.from({ length: 20 }, () => filler).join('\n');
    const a = analyzeText('file:///w.ts', 1, 'typescript', big);
    assert.equal(a.mentionsUqpay(), false);
    const mid = big.length >> 1;
    const typed = big.slice(0, mid) + ' uqpay ' + big.slice(mid);
    const b = analyzeText('file:///w.ts', 2, 'typescript', typed, a);
    assert.equal(b.mentionsUqpay(), true);
    assert.equal(firstMatch(b, UQPAY), mid + 1);
    const c = analyzeText('file:///w.ts', 3, 'typescript', big, b);
    assert.equal(c.mentionsUqpay(), false);
  });
});

describe('analyses of successive versions', () => {
  it('do not keep the previous version alive (each keystroke used to keep one more)', async () => {
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const text = Array.from({ length: 200 }, (_, i) => `if (err.code === 'invalid_request_${i}') { log('uqpay ${i}'); }`).join('\n');
    let first: Analysis | undefined = analyzeText('file:///a.ts', 1, 'typescript', text);
    first.positionAt(10); // the line table is read from the previous version after an edit
    const edited = `${text.slice(0, 500)}x${text.slice(500)}`;
    const second = analyzeText('file:///a.ts', 2, 'typescript', edited, first);
    second.positionAt(text.length); // the new version's methods in use
    const gone = new WeakRef(first);
    first = undefined;
    // a WeakRef's target stays until the current job ends
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.equal(gone.deref(), undefined, 'version 1 is still reachable from version 2');
    assert.equal(second.positionAt(text.length).line, 199);
  });
});
