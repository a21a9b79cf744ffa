/**
 * The C-like lexer jumps from one stop character to the next and reads a regex's chances
 * backwards; the reference lexer (test/support/clikeReference.ts) walks every character through
 * one state machine. Both must find exactly the same literals: on every fixture, on the benchmark's
 * kind of code, and on random text built from the pieces that switch the lexer's state.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DIALECTS, scanCLike, type Dialect } from '../../../../server/src/service/scanners/clike';
import { fullScan, rescan } from '../../../../server/src/service/scanners/incremental';
import type { Literal } from '../../../../server/src/service/scanners/types';
import { scanCLike as referenceScan } from '../../../support/clikeReference';
import { scanPython } from '../../../../server/src/service/scanners/python';
import { scanPython as referencePython } from '../../../support/pythonReference';
import { params } from '../../../support/arbitraries';
import { FIXTURES } from '../../../support/paths';

type DialectName = keyof typeof DIALECTS;

const plain = (lits: readonly Literal[]) =>
  lits.map((l) => ({ start: l.start, end: l.end, cStart: l.cStart, cEnd: l.cEnd, value: l.value, terminated: l.terminated, interpolated: l.interpolated, brace: l.brace }));

function same(text: string, d: Dialect, what: string): void {
  assert.deepEqual(plain(scanCLike(text, d)), plain(referenceScan(text, d)), what);
}

const DIALECT_OF_EXT: Record<string, DialectName> = {
  ts: 'js', tsx: 'js', js: 'js', java: 'java', cs: 'csharp', go: 'go', kt: 'kotlin', swift: 'swift', rs: 'rust', php: 'php', dart: 'dart',
};

const FIXTURE_DIRS = ['service/integration', 'switch', 'sdk'].map((d) => join(FIXTURES, d));

/** Pieces that change a C-like lexer's state, for every dialect at once. */
const PIECES = [
  "'", '"', '`', '"""', '/*', '*/', '//', '/', '{', '}', '(', ')', '[', ']', '${', '$', '@', '#', '\\', '\n', '\r\n', ' ', '\t',
  'x', 'return', 'in', 'typeof', '1.5', '0x1F', '.', ';', '=', '<', '<<<EOT\n', 'EOT;', 'r#"', '"#', 'br"', 'b\'', "'a'", 'r"',
  '@"', '$"', '$@"', '"""\n', '\\(', "'api_error'", '"invalid_request_error"', '/re/g', 'é', '\u00a0', '\u2028', '😀',
];

/** What decides whether a JS `/` divides or starts a regex: the token before it, comments between. */
const JS_SLASH_PIECES = [
  '/', '/', ' ', '\n', 'x', '1', '1.5', '1.', 'a1.', 'return', 'in', 'typeof', ')', ']', '}', '{', '(', '.', '=',
  "'a'", '"b"', '`t`', '`a${', '/*c*/', '//c\n', '/re/', '/re/g', "'open\n", "'p(\n", '<', '#p', '\u00a0',
];

describe('fast C-like lexer equals the reference lexer', () => {
  it('on what comes before a JS slash (regex or division)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...JS_SLASH_PIECES), { maxLength: 30 }), (pieces) => {
        same(pieces.join(''), DIALECTS.js, JSON.stringify(pieces.join('')));
      }),
      params(1500),
    );
  });

  it('on every fixture of the service and switch tests', () => {
    let files = 0;
    for (const dir of FIXTURE_DIRS) {
      for (const name of readdirSync(dir)) {
        const d = DIALECT_OF_EXT[name.replace(/^.*\./, '')];
        if (!d) continue;
        same(readFileSync(join(dir, name), 'utf8'), DIALECTS[d], name);
        files++;
      }
    }
    assert.ok(files >= 20, `only ${files} fixtures read`);
  });

  for (const name of Object.keys(DIALECTS) as DialectName[]) {
    it(`on random text from state-changing pieces (${name})`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
          same(pieces.join(''), DIALECTS[name], JSON.stringify(pieces.join('')));
        }),
        params(400),
      );
    });
  }

  it('a rescan after random edits equals a full scan of the edited text (every dialect)', () => {
    const base = readFileSync(join(FIXTURE_DIRS[0], 'refunds.ts'), 'utf8');
    const big = Array.from({ length: 20 }, () => base).join('\n');
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(DIALECTS) as DialectName[])),
        fc.array(fc.tuple(fc.nat(big.length), fc.nat(5), fc.array(fc.constantFrom(...PIECES), { maxLength: 3 })), { minLength: 1, maxLength: 4 }),
        (name, edits) => {
          const d = DIALECTS[name];
          let text = big;
          let scan = fullScan(text, d);
          for (const [at, del, ins] of edits) {
            const pos = Math.min(at, text.length);
            text = text.slice(0, pos) + ins.join('') + text.slice(Math.min(text.length, pos + del));
            scan = rescan(scan, text, d);
          }
          assert.deepEqual(plain(scan.lits), plain(referenceScan(text, d)));
        },
      ),
      params(150),
    );
  });

  it('Python: on every fixture, and on random text from prefixes, quotes, holes and comments', () => {
    let files = 0;
    for (const dir of FIXTURE_DIRS) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.py'))) {
        const text = readFileSync(join(dir, name), 'utf8');
        assert.deepEqual(plain(scanPython(text)), plain(referencePython(text)), name);
        files++;
      }
    }
    assert.ok(files >= 3, `only ${files} Python fixtures read`);
    const pieces = ["'", '"', "'''", '"""', 'r', 'f', 'b', 'rb', 'Fr', 'u', 't', 'x', 'x1', '1', '12r', 'é', '_', '{', '}', '{{', '#', '# c\n',
      '\n', ' ', '\\', "'a'", '"b"', 'f"{x}"', "f'{d[\"k\"]}'", 'rf"{y}"', '.', '(', ')', '=', 'code'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), (p) => {
        const text = p.join('');
        assert.deepEqual(plain(scanPython(text)), plain(referencePython(text)), JSON.stringify(text));
      }),
      params(1500),
    );
  });
});
