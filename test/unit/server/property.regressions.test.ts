/**
 * Issue 7: every failing case the property tests found, kept as a named regression test.
 * Inputs live in test/fixtures/reliability/; the expectations come from the issue (a secret never
 * comes back; redaction is stable; a bad catalog file is answered promptly), not from the code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinCatalogData, decode, loadBuiltinCatalog, parseCatalogFile, redact } from '../../../catalog/src';
import { FIXTURES } from '../../support/paths';

const RELIABILITY = join(FIXTURES, 'reliability');
const catalog = loadBuiltinCatalog();

interface RedactionCase {
  name: string;
  via: 'decode' | 'redact';
  input: string;
  secret: string;
}

describe('regressions: redaction', () => {
  const { cases } = JSON.parse(readFileSync(join(RELIABILITY, 'redaction.json'), 'utf8')) as { cases: RedactionCase[] };
  for (const c of cases) {
    it(`${c.via}: ${c.name}`, () => {
      const out = c.via === 'decode' ? JSON.stringify(decode(c.input, catalog)) : redact(c.input);
      assert.ok(!out.includes(c.secret), `the secret came back: ${out.slice(Math.max(0, out.indexOf(c.secret) - 80), out.indexOf(c.secret) + 40)}`);
    });
  }
});

describe('regressions: redaction is stable (redacting a redacted text changes nothing)', () => {
  // Decode redacts its findings and the panel's "Copy report" redacts again: the markers must survive.
  for (const text of ['x-auth-token: abcdef123456', '{"client_secret":"abc123def456"}', "'apiKey': 'k3y-v4lue-zz'", '> x-auth-token: Bearer abcdefghijklmnop.qrstuvwx']) {
    it(JSON.stringify(text), () => {
      const once = redact(text);
      assert.ok(once.includes('[REDACTED]'), once);
      assert.equal(redact(once), once);
      assert.ok(!/\[REDACTED\]\]/.test(redact(once)), 'no doubled bracket');
    });
  }
});

describe('regressions: catalog files', function () {
  // Generous: a linear validation of this file takes well under a second even on a loaded machine.
  this.timeout(20_000);

  it('an extra catalog of 5000 entries that all violate the schema gets its problems without a long stall', () => {
    // ajv with allErrors grows its error list quadratically here (2000 entries: seconds; 20000: minutes),
    // blocking the language server's only thread.
    const text = JSON.stringify({ ...builtinCatalogData(), name: 'extra', errors: Array.from({ length: 5000 }, () => ({})) });
    const { data, problems } = parseCatalogFile(text, 'extra.json');
    assert.equal(data, null);
    assert.ok(problems.length > 0 && problems.length <= 50, `${problems.length} problems`);
    assert.match(problems[0].message, /\/errors\/0/);
  });

  it('100k-deep nesting in a catalog file is reported as such, not as an internal error', () => {
    const { data, problems } = parseCatalogFile(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, 'deep.json');
    assert.equal(data, null);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, 'deep.json');
    assert.doesNotMatch(problems[0].message, /call stack/i, problems[0].message);
    assert.match(problems[0].message, /deep|nest/i);
  });
});

describe('regressions: quick fixes never rewrite a subject shared by other labels', () => {
  // Imported lazily so the catalog regressions above still run while the service is being written.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createErrorCodeService } = require('../../../server/src/service') as typeof import('../../../server/src/service');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
  const service = createErrorCodeService({ catalog });
  const { cases } = JSON.parse(readFileSync(join(RELIABILITY, 'type-as-code-shared-subject.json'), 'utf8')) as { cases: { languageId: string; keep: string; text: string }[] };
  let n = 0;

  for (const c of cases) {
    it(`${c.languageId}: ${c.keep} …`, async () => {
      const doc = TextDocument.create(`file:///ws/shared${n++}.${c.languageId}`, c.languageId, 1, c.text);
      const diags = service.doValidation(doc).filter((d) => d.code === 'type-used-as-code');
      assert.equal(diags.length, 1, 'the type among codes is still reported');
      const actions = await service.doCodeActions(doc, diags[0].range, { diagnostics: diags });
      for (const a of actions) {
        const after = TextDocument.applyEdits(doc, a.edit?.changes?.[doc.uri] ?? []);
        assert.ok(after.includes(c.keep), `"${a.title}" rewrote the shared subject:\n${after}`);
      }
    });
  }

  it('control: a lone comparison still gets its fix (err.code === type → err.type === type)', async () => {
    const doc = TextDocument.create('file:///ws/lone.ts', 'typescript', 1, "import '@uqpay/sdk';\nif (err.code === 'payment_error') retry();\n");
    const diags = service.doValidation(doc).filter((d) => d.code === 'type-used-as-code');
    assert.equal(diags.length, 1);
    const actions = await service.doCodeActions(doc, diags[0].range, { diagnostics: diags });
    const fix = actions.find((a) => /type field/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.equal(TextDocument.applyEdits(doc, fix.edit?.changes?.[doc.uri] ?? []), "import '@uqpay/sdk';\nif (err.type === 'payment_error') retry();\n");
  });
});

describe('regressions: an extra catalog cannot inject links or markup into hovers', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createErrorCodeService } = require('../../../server/src/service') as typeof import('../../../server/src/service');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createCatalog } = require('../../../catalog/src') as typeof import('../../../catalog/src');
  const { cases } = JSON.parse(readFileSync(join(RELIABILITY, 'hostile-catalog-strings.json'), 'utf8')) as { cases: { name: string; field: 'message' | 'summary' | 'advice' | 'docs'; value: string }[] };

  /** Every link target in a Markdown text: `[label](target)` and autolinks `<scheme:…>`. */
  const targets = (md: string) => {
    const text = md.replace(/`[^`\n]*`/g, '``').replace(/\\./g, ''); // code spans and escapes render literally
    return [...text.matchAll(/\]\(([^)\s]*)/g), ...text.matchAll(/<([a-z][\w+.-]*:[^>\s]*)>/gi)].map((m) => m[1]);
  };

  for (const c of cases) {
    it(`${c.field}: ${c.name}`, () => {
      const base = builtinCatalogData();
      const entry = { ...base.errors[0], id: 'general/team_error', code: 'team_error' };
      if (c.field === 'summary' || c.field === 'advice') entry[c.field] = { en: c.value, 'zh-CN': c.value };
      else entry[c.field] = c.value;
      const service = createErrorCodeService({ catalog: createCatalog([base, { ...base, name: 'team', errors: [entry] }]) });
      const doc = TextDocument.create('file:///ws/team.ts', 'typescript', 1, "import '@uqpay/sdk';\nif (err.code === 'team_error') {}\n");
      const hover = service.doHover(doc, { line: 1, character: 20 });
      assert.ok(hover, 'the extra entry has a hover');
      const md = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover.contents);
      for (const t of targets(md)) {
        assert.ok(/^command:uqpayErrors\.openCatalog\?/.test(t) || /^https:\/\//.test(t), `hover links to ${t}:\n${md}`);
      }
      assert.doesNotMatch(md.replace(/`[^`\n]*`/g, '``').replace(/\\./g, ''), /<(script|img|iframe|svg|a)\b/i, `raw HTML in the hover:\n${md}`);
    });
  }
});

describe('regressions: completion ranges stay inside the document', () => {
  // Found by `npm run fuzz` (seed 364800358): a YAML completion asked for past the last line
  // returned an edit ending at the requested position, outside the text.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createErrorCodeService } = require('../../../server/src/service') as typeof import('../../../server/src/service');
  const text = 'errors:\n  - type: payout_error\n    code: ';
  for (const position of [{ line: 10, character: 0 }, { line: 2, character: 99 }]) {
    it(`YAML code value, asked at ${position.line}:${position.character}`, () => {
      const service = createErrorCodeService({ catalog });
      const doc = TextDocument.create('file:///ws/errors.yaml', 'yaml', 1, text);
      const list = service.doComplete(doc, position);
      assert.ok(list && list.items.length > 0, 'codes are offered for the code value');
      const last = doc.positionAt(text.length);
      for (const item of list?.items ?? []) {
        const range = item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined;
        if (!range) continue;
        for (const p of [range.start, range.end]) {
          assert.ok(p.line < last.line || (p.line === last.line && p.character <= last.character), `${item.label}: ${JSON.stringify(range)} is past ${JSON.stringify(last)}`);
          assert.ok(p.character <= doc.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }).length, `${item.label}: character past its line`);
        }
      }
    });
  }
});
