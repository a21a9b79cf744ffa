import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ShapeTrie } from '../../../server/src/service/shapeTrie';

/** What `walk` answers besides a state: not shaped like a code, or shaped and never added. */
const NOT_SHAPED = -1;
const UNSEEN = 0;

/** The shape validation asks about, written independently of the trie: the code alphabet, and a `_` or space. */
const shaped = (s: string): boolean => /^[a-z0-9_ ]*$/.test(s) && /[_ ]/.test(s);

/** `value` inside other text, as a literal's content sits in a document. */
function inText(value: string): { text: string; s: number; e: number } {
  const text = `x = "${value}"; // Z`;
  return { text, s: 5, e: 5 + value.length };
}

// strings that share prefixes and suffixes, with characters in and out of the alphabet
const word = fc.array(fc.constantFrom('a', 'b', 'z', '0', '9', '_', ' ', 'A', '%', '-', 'é'), { maxLength: 8 }).map((cs) => cs.join(''));

describe('shape trie: what validation remembers per code-shaped value', () => {
  it('agrees with a map of the values added, and tells the shape like a regex', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.integer()), { maxLength: 40 }), (adds) => {
        const trie = new ShapeTrie<number>();
        const model = new Map<string, number>();
        for (const [value, n] of adds) {
          const { text, s, e } = inText(value);
          const state = trie.walk(text, s, e);
          assert.equal(state === NOT_SHAPED, !shaped(value), `shape of ${JSON.stringify(value)}`);
          if (state === NOT_SHAPED) continue;
          if (model.has(value)) assert.equal(trie.get(state), model.get(value), `value of ${JSON.stringify(value)}`);
          else assert.equal(state, UNSEEN, `${JSON.stringify(value)} was never added`);
          trie.add(text, s, e, n);
          model.set(value, n);
        }
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });

  it('keeps apart values that are suffixes or prefixes of each other', () => {
    const trie = new ShapeTrie<string>();
    for (const v of ['not_found', 'card_not_found', 'd_not_found', 'card_not']) trie.add(v, 0, v.length, v);
    for (const v of ['not_found', 'card_not_found', 'd_not_found', 'card_not']) assert.equal(trie.get(trie.walk(v, 0, v.length)), v);
    assert.equal(trie.walk('ot_found', 0, 8), UNSEEN);
    assert.equal(trie.walk('xcard_not_found', 0, 15), UNSEEN);
    assert.equal(trie.walk('card_not_found', 1, 14), UNSEEN, 'a stored value read from its second character is another value');
  });

  it('grows past its first allocation, and starts over when full without answering wrongly', () => {
    const values = Array.from({ length: 3000 }, (_, i) => `code_${i.toString(36)}_${'x'.repeat(i % 20)}`);
    const big = new ShapeTrie<number>();
    values.forEach((v, i) => big.add(v, 0, v.length, i));
    values.forEach((v, i) => assert.equal(big.get(big.walk(v, 0, v.length)), i, v));

    const small = new ShapeTrie<number>(200);
    values.forEach((v, i) => small.add(v, 0, v.length, i));
    let found = 0;
    values.forEach((v, i) => {
      const state = small.walk(v, 0, v.length);
      if (state === UNSEEN) return;
      found++;
      assert.equal(small.get(state), i, v);
    });
    assert.ok(found > 0 && found < values.length, `a full trie forgets older values (${found} of ${values.length} kept)`);
  });
});
