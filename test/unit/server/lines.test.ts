import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lineStarts, positionIn, updatedLineStarts } from '../../../server/src/service/lines';
import { params } from '../../support/arbitraries';

const text = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\n\n', '\r\n', '\r', 'é', '😀'), { maxLength: 40 }).map((p) => p.join(''));

describe('line index of the analysis', () => {
  it('gives the positions vscode-languageserver-textdocument gives, for every offset', () => {
    fc.assert(
      fc.property(text, (t) => {
        const doc = TextDocument.create('file:///t', 'plaintext', 1, t);
        const starts = lineStarts(t);
        for (let o = -1; o <= t.length + 1; o++) assert.deepEqual(positionIn(starts, t, o), doc.positionAt(o), `offset ${o} of ${JSON.stringify(t)}`);
      }),
      params(300),
    );
  });

  it('after an edit, equals the line index of the edited text counted again', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(6), fc.constantFrom('', 'x', '\n', 'a\nb', '\n\n'), (t, at, del, ins) => {
        if (t.includes('\r')) return; // counted again by design: a \r\n may straddle the edit
        const start = at % (t.length + 1);
        const oldEnd = Math.min(t.length, start + del);
        const edited = t.slice(0, start) + ins + t.slice(oldEnd);
        assert.deepEqual(updatedLineStarts(lineStarts(t), edited, start, oldEnd, start + ins.length), lineStarts(edited));
      }),
      params(500),
    );
  });

  it('counts again when the text has a carriage return', () => {
    assert.equal(updatedLineStarts([0, 2], 'a\r\nb', 0, 1, 1), undefined);
  });
});
