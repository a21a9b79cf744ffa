/**
 * A code spelt with escapes is the same code to every feature: hover, diagnostics and the switch
 * fix all read the scanners' literal values, decoded with each language's own escape rules
 * (catalog/src/unescape.ts). Literals are generated with the escape forms each language defines
 * (written here from the language references, not from our decoder).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { loadBuiltinCatalog } from '../../../catalog/src/index';
import { ESCAPES, unescape } from '../../../catalog/src/unescape';
import { createErrorCodeService, DEFAULT_SETTINGS } from '../../../server/src/service/index';
import { params } from '../../support/arbitraries';

const catalog = loadBuiltinCatalog();
const service = createErrorCodeService({ catalog });
const settings = { ...DEFAULT_SETTINGS, severity: { ...DEFAULT_SETTINGS.severity, 'non-exhaustive-switch': 'hint' as const } };

const hex = (cp: number, width: number): string => cp.toString(16).padStart(width, '0');
const oct = (cp: number): string => cp.toString(8).padStart(3, '0');

/** Escape spellings of one ASCII character in a double-quoted string, per language reference. */
const FORMS: Record<string, ((cp: number) => string)[]> = {
  // ECMAScript: \xHH, \uHHHH, \u{H…}
  typescript: [(c) => `\\x${hex(c, 2)}`, (c) => `\\u${hex(c, 4)}`, (c) => `\\u{${hex(c, 1)}}`],
  // Java: unicode escapes (any number of u's), octal
  java: [(c) => `\\u${hex(c, 4)}`, (c) => `\\uu${hex(c, 4)}`, (c) => `\\${oct(c)}`],
  // C#: \x with 1-4 digits (4 here: a shorter one would swallow a following hex digit), \u, \U
  csharp: [(c) => `\\x${hex(c, 4)}`, (c) => `\\u${hex(c, 4)}`, (c) => `\\U${hex(c, 8)}`],
  // Go: \xHH, \uHHHH, \UHHHHHHHH, three octal digits
  go: [(c) => `\\x${hex(c, 2)}`, (c) => `\\u${hex(c, 4)}`, (c) => `\\U${hex(c, 8)}`, (c) => `\\${oct(c)}`],
  // Kotlin: \uHHHH only
  kotlin: [(c) => `\\u${hex(c, 4)}`],
  // Swift: \u{H…} only
  swift: [(c) => `\\u{${hex(c, 1)}}`],
  // Rust: \xHH (ASCII), \u{H…}
  rust: [(c) => `\\x${hex(c, 2)}`, (c) => `\\u{${hex(c, 4)}}`],
  // PHP double quotes: \xHH, \u{H…}, octal
  php: [(c) => `\\x${hex(c, 2)}`, (c) => `\\u{${hex(c, 2)}}`, (c) => `\\${oct(c)}`],
  // Python: \xHH, \uHHHH, \UHHHHHHHH, octal
  python: [(c) => `\\x${hex(c, 2)}`, (c) => `\\u${hex(c, 4)}`, (c) => `\\U${hex(c, 8)}`, (c) => `\\${oct(c)}`],
  // Ruby double quotes: \xHH, \uHHHH, \u{H…}, octal
  ruby: [(c) => `\\x${hex(c, 2)}`, (c) => `\\u${hex(c, 4)}`, (c) => `\\u{${hex(c, 2)}}`, (c) => `\\${oct(c)}`],
};

/** A switch over the error code in each language, with `@A@` and `@B@` as two case labels. */
const TEMPLATES: Record<string, string> = {
  typescript: '// UQPAY\nswitch (err.code) {\n  case @A@:\n    break;\n  case @B@:\n    break;\n}\n',
  java: '// UQPAY\nswitch (e.getCode()) {\n  case @A@:\n    break;\n  case @B@:\n    break;\n}\n',
  csharp: '// UQPAY\nswitch (e.Code)\n{\n  case @A@:\n    break;\n  case @B@:\n    break;\n}\n',
  go: '// UQPAY\nswitch apiErr.Code {\ncase @A@:\n\treturn nil\ncase @B@:\n\treturn nil\n}\n',
  kotlin: '// UQPAY\nwhen (e.code) {\n    @A@ -> {}\n    @B@ -> {}\n}\n',
  swift: '// UQPAY\nswitch error.code {\ncase @A@:\n    break\ncase @B@:\n    break\ndefault:\n    break\n}\n',
  rust: '// UQPAY\nmatch err.code.as_str() {\n    @A@ => {}\n    @B@ => {}\n    _ => {}\n}\n',
  php: '<?php\n// UQPAY\nswitch ($e->code) {\n    case @A@:\n        break;\n    case @B@:\n        break;\n}\n',
  python: '# UQPAY\nmatch e.code:\n    case @A@:\n        pass\n    case @B@:\n        pass\n',
  ruby: '# UQPAY\ncase error.code\nwhen @A@\n  nil\nwhen @B@\n  nil\nend\n',
};

/** Snake-case codes of one group each, of groups with more than three codes (a switch holding two leaves some missing). */
const CODES = [...new Set(catalog.entries.filter((e) => typeof e.code === 'string' && /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(e.code) && catalog.byCode(e.code).length === 1
  && catalog.entries.filter((o) => o.group === e.group).length > 3).map((e) => String(e.code)))];

function hoverText(h: Hover | null): string {
  return h ? (h.contents as MarkupContent).value : '';
}

/** `code` with each character plain or escaped by one of the language's forms (picks from `choice`). */
function spell(code: string, forms: ((cp: number) => string)[], choice: number[]): string {
  return [...code].map((ch, k) => {
    const pick = choice[k % choice.length]!;
    return pick === 0 ? ch : forms[(pick - 1) % forms.length]!(ch.codePointAt(0)!);
  }).join('');
}

describe('escaped codes read the same in hover, diagnostics and the switch fix', () => {
  for (const languageId of Object.keys(TEMPLATES)) {
    it(languageId, async () => {
      const forms = FORMS[languageId]!;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...CODES),
          fc.array(fc.nat(forms.length), { minLength: 1, maxLength: 8 }),
          async (code, choice) => {
            const sibling = CODES.find((c) => c !== code && catalog.byCode(c)[0]!.group === catalog.byCode(code)[0]!.group)!;
            const escaped = `"${spell(code, forms, choice)}"`;
            // a near miss: the code with a letter doubled, escaped the same way
            const typo = code.replace(/([a-z])/, '$1$1');
            const typoEscaped = `"${spell(typo, forms, choice)}"`;
            const text = TEMPLATES[languageId]!.replace('@A@', escaped).replace('@B@', `"${sibling}"`);
            const doc = TextDocument.create(`file:///esc/${languageId}`, languageId, 1, text);
            const at = doc.positionAt(text.indexOf(escaped) + 1);

            assert.match(hoverText(service.doHover(doc, at, settings)), new RegExp(`\\b${code}\\b`), `hover names the code in ${text}`);
            const diags = service.doValidation(doc, settings);
            assert.deepEqual(diags.filter((d) => d.code === 'unknown-error-code'), [], 'no unknown-code diagnostic');
            const hint = diags.find((d) => d.code === 'non-exhaustive-switch');
            assert.ok(hint, 'the switch is seen as one over error codes');
            const missing = (hint.data as { missing: string[] }).missing;
            assert.ok(!missing.includes(code) && !missing.includes(sibling), 'the escaped code counts as handled');
            const actions = await service.doCodeActions(doc, { start: at, end: at }, { diagnostics: [hint] }, settings);
            const inserted = actions.find((a) => a.title.startsWith('Add '))?.edit?.changes?.[doc.uri]?.[0]?.newText ?? '';
            assert.ok(inserted.length > 0, 'the fix is offered');
            assert.ok(!new RegExp(`["']${code}["']`).test(inserted), 'the fix does not add the escaped code again');

            const typoDoc = TextDocument.create(`file:///esc/typo-${languageId}`, languageId, 1, text.replace(escaped, typoEscaped));
            const unknown = service.doValidation(typoDoc, settings).filter((d) => d.code === 'unknown-error-code');
            assert.equal(unknown.length, 1, 'the escaped misspelling is reported');
            assert.match(String(unknown[0]!.message), new RegExp(typo), 'the diagnostic names the decoded value');
          },
        ),
        params(40),
      );
    });
  }
});

describe('escape rules per language', () => {
  it('decodes the forms each language defines and leaves alone what it does not', () => {
    assert.equal(unescape('a\\x5fb\\u005fc\\u{5f}d', ESCAPES.js), 'a_b_c_d');
    assert.equal(unescape('\\137\\uuu005f', ESCAPES.java), '__');
    assert.equal(unescape('\\x5fa', ESCAPES.csharp), '\u05fa'); // C# \x takes up to four digits
    assert.equal(unescape('\\U0001F600', ESCAPES.go), '😀');
    // PHP: \u without braces and unknown escapes keep their backslash
    assert.equal(unescape('\\u005f\\q\\u{5f}', ESCAPES.php), '\\u005f\\q_');
    // Python: unknown escapes keep the backslash; \N{…} is not decoded (no Unicode name table)
    assert.equal(unescape('a\\_b\\N{LOW LINE}', ESCAPES.python), 'a\\_b\\N{LOW LINE}');
    assert.equal(unescape('a\\_b', ESCAPES.ruby), 'a_b');
    assert.equal(unescape('\\u{110000}', ESCAPES.rust), 'u{110000}');
  });
});
