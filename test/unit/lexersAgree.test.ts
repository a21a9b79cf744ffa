/**
 * Two lexers read the same languages: the service's string scanners (fast, strings only, on every
 * keystroke) and the switch action's tokenizer (a full token stream, only for code actions). They
 * must agree on where every plain string is and what it holds, or the fix would misread a
 * statement the diagnostics read correctly. Checked on every fixture of both features.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { familyOf, languageIdForPath } from '../../server/src/service/languages';
import { scanCode } from '../../server/src/service/scanners';
import type { Family } from '../../server/src/service/scanners/types';
import { FAMILY_BY_LANGUAGE, lex } from '../../server/src/service/switch/lexer';
import { params } from '../support/arbitraries';

const DIRS = ['../fixtures/service/integration', '../fixtures/switch'].map((d) => join(__dirname, d));

describe('the string scanner and the switch tokenizer agree on plain strings', () => {
  for (const dir of DIRS) {
    for (const name of readdirSync(dir)) {
      const languageId = languageIdForPath(name);
      const switchFamily = languageId ? FAMILY_BY_LANGUAGE[languageId] : undefined;
      const family = languageId ? familyOf(languageId) : undefined;
      if (!switchFamily || !family || family === 'markdown') continue;
      it(name, () => {
        const text = readFileSync(join(dir, name), 'utf8');
        const fromScanner = scanCode(family as Family, text)
          .filter((l) => l.terminated && !l.interpolated)
          .map((l) => `${l.start}-${l.end} ${JSON.stringify(l.value)}`);
        const fromTokens = lex(text, switchFamily)
          .filter((t) => t.kind === 'str' && t.value !== undefined)
          .map((t) => `${t.start}-${t.end} ${JSON.stringify(t.value)}`);
        assert.ok(fromTokens.length > 0, 'the fixture has strings');
        assert.deepEqual(fromTokens.filter((s) => !fromScanner.includes(s)), [], 'strings only the tokenizer found');
        assert.deepEqual(fromScanner.filter((s) => !fromTokens.includes(s)), [], 'strings only the scanner found');
      });
    }
  }
});

describe('the string scanner and the switch tokenizer agree on generated code', () => {
  // valid pieces of each language: the two may differ on broken code, not on code that compiles
  const common = ['switch (err.code) {', 'case "api_error":', 'break;', '}', '// note\n', '/* c */', '"q\\"r"', '\n', ' ', 'x = 1 / 2;', 'if (e.code == "refund_failed") {'];
  const quoted = ["case 'card_declined':", "'a\\'b'", "if (e.code === 'refund_failed') {"];
  const languages = [
    ['typescript', 'js', [...common, ...quoted, '`t ${x} u`']],
    ['java', 'java', common],
    ['go', 'go', [...common, '`raw \\ q`']],
    ['csharp', 'csharp', [...common, '@"v ""q"""']],
    ['php', 'php', [...common, ...quoted]],
  ] as const;
  for (const [languageId, family, pieces] of languages) {
    it(languageId, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (p) => {
          // pieces apart, as tokens of real code are; PHP code starts after its open tag
          const text = (languageId === 'php' ? '<?php\n' : '') + p.join(' ');
          const a = scanCode(family, text).filter((l) => l.terminated && !l.interpolated).map((l) => `${l.start}-${l.end} ${JSON.stringify(l.value)}`);
          const b = lex(text, FAMILY_BY_LANGUAGE[languageId]).filter((t) => t.kind === 'str' && t.value !== undefined).map((t) => `${t.start}-${t.end} ${JSON.stringify(t.value)}`);
          assert.deepEqual(b, a);
        }),
        params(300),
      );
    });
  }
});
