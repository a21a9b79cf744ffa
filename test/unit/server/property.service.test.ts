/**
 * Issue 7 §1, language-service half: every call of the service (`createErrorCodeService`) over
 * hostile, mutated and huge documents in every language of the contract. Properties:
 * - no call throws, each ends within a generous bound;
 * - every range returned (diagnostics and their data, hover, completion edits, code-action edits)
 *   lies inside the document;
 * - every code-action edit applies cleanly, stays near the diagnostics it fixes, removes them, and a
 *   document that parsed before (tree-sitter or JSON.parse) still parses after;
 * - incremental sync: random edits applied with `TextDocument.update` give the same diagnostics as
 *   a fresh document with the final text.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { loadBuiltinCatalog } from '../../../catalog/src';
import { createErrorCodeService, DEFAULT_SETTINGS, LANGUAGE_IDS, languageIdForPath, type ErrorCodeService, type ServiceSettings } from '../../../server/src/service';
import {
  applyMutation, count, deepJson, frame, framing, hostileUnicode, megaLine, mutatedFrom, mutation, params, PASTES, randomBytesUtf8, SAMPLES, UNTERMINATED,
  blockTimeout,
} from '../../support/arbitraries';
import { hasGrammar, syntaxProblems } from '../../support/treeSitter';
import { FIXTURES } from '../../support/paths';

const catalog = loadBuiltinCatalog();
const FIX_ALL = 'source.fixAll.uqpayErrors';

/** Every diagnostic on, the switch one included, so every code path runs. */
const ALL_ON: ServiceSettings = {
  ...DEFAULT_SETTINGS,
  severity: { 'unknown-error-code': 'error', 'type-used-as-code': 'warning', 'code-type-mismatch': 'warning', 'http-status-mismatch': 'hint', 'envelope-b-pending': 'information', 'non-exhaustive-switch': 'hint' },
};
const settingsArb = fc.constantFrom<ServiceSettings>(DEFAULT_SETTINGS, ALL_ON, { ...ALL_ON, docsLanguage: 'zh-CN' });

let uriSeq = 0;
const newUri = (lang: string) => `file:///ws/doc${++uriSeq}.${lang}`;

/** Line lengths without their line break, as TextDocument splits lines (\r\n, \r, \n). */
function lineLengths(doc: TextDocument): number[] {
  const out: number[] = [];
  const text = doc.getText();
  for (let line = 0; line < doc.lineCount; line++) {
    const start = doc.offsetAt({ line, character: 0 });
    let end = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : text.length;
    if (end > start && text[end - 1] === '\n') end--;
    if (end > start && text[end - 1] === '\r') end--;
    out.push(end - start);
  }
  return out;
}

function assertPosition(p: Position, lens: number[], what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < lens.length, `${what}: line ${p.line} outside 0..${lens.length - 1}`);
  assert.ok(p.character >= 0 && p.character <= lens[p.line], `${what}: character ${p.character} outside line ${p.line} (length ${lens[p.line]})`);
}

function assertRange(r: Range, lens: number[], what: string): void {
  assertPosition(r.start, lens, `${what} start`);
  assertPosition(r.end, lens, `${what} end`);
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: start after end ${JSON.stringify(r)}`);
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edits: TextEdit[] = [];
  if (action.edit?.changes) {
    for (const [u, list] of Object.entries(action.edit.changes)) {
      assert.equal(u, uri, `action "${action.title}" edits another document`);
      edits.push(...list);
    }
  }
  for (const dc of action.edit?.documentChanges ?? []) {
    assert.ok('textDocument' in dc, `action "${action.title}" creates/renames/deletes files`);
    assert.equal(dc.textDocument.uri, uri);
    for (const e of dc.edits) edits.push(e as TextEdit);
  }
  return edits;
}

async function parses(text: string, languageId: string): Promise<boolean | undefined> {
  if (languageId === 'json') {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  }
  if (!hasGrammar(languageId) || !['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'java'].includes(languageId)) return undefined;
  return (await syntaxProblems(text, languageId)).length === 0;
}

interface Exercise {
  service?: ErrorCodeService;
  settings: ServiceSettings;
  positions?: number[];
  /** Check edits for locality, parse preservation and effect (only for documents worth it). */
  deep?: boolean;
  /** Ask for code actions over each diagnostic's range (off for documents with thousands of them). */
  perDiagnostic?: boolean;
}

/** Every service call on one document, with every invariant checked. Returns the diagnostics. */
async function exercise(text: string, languageId: string, opts: Exercise, name: string): Promise<Diagnostic[]> {
  count(name);
  const service = opts.service ?? createErrorCodeService({ catalog });
  const uri = newUri(languageId);
  const doc = TextDocument.create(uri, languageId, 1, text);
  const lens = lineLengths(doc);
  const s = opts.settings;

  const diags = service.doValidation(doc, s);
  for (const d of diags) {
    assertRange(d.range, lens, `diagnostic ${String(d.code)}`);
    assert.equal(d.source, 'uqpay-errors');
    const data = d.data as { content?: Range; member?: { range: Range } } | undefined;
    if (data?.content) assertRange(data.content, lens, `diagnostic ${String(d.code)} data.content`);
    if (data?.member) assertRange(data.member.range, lens, `diagnostic ${String(d.code)} data.member`);
  }

  // Hover and completion at the given offsets and at positions outside the document.
  const positions: Position[] = (opts.positions ?? []).map((o) => doc.positionAt(o % (text.length + 1)));
  positions.push({ line: 0, character: 0 }, { line: doc.lineCount + 5, character: 3 }, { line: 0, character: 1e6 }, { line: -1, character: -1 });
  for (const p of positions) {
    const hover = service.doHover(doc, p, s);
    if (hover?.range) assertRange(hover.range, lens, 'hover');
    const list = service.doComplete(doc, p, s);
    for (const item of list?.items ?? []) {
      const te = item.textEdit;
      if (!te) continue;
      if ('range' in te) assertRange(te.range, lens, `completion ${item.label}`);
      else {
        assertRange(te.insert, lens, `completion ${item.label} insert`);
        assertRange(te.replace, lens, `completion ${item.label} replace`);
      }
      for (const e of item.additionalTextEdits ?? []) assertRange(e.range, lens, `completion ${item.label} additional edit`);
    }
  }

  // Code actions over each diagnostic's range, over the whole document, and fix-all.
  const requests: { range: Range; context: CodeActionContext }[] = (opts.perDiagnostic === false ? diags.slice(0, 20) : diags).map((d) => ({ range: d.range, context: { diagnostics: [d] } }));
  // For documents with thousands of diagnostics, the first 50 lines stand for the whole.
  const whole: Range = { start: { line: 0, character: 0 }, end: opts.perDiagnostic === false ? { line: 50, character: 0 } : doc.positionAt(text.length) };
  const sent = opts.perDiagnostic === false ? diags.slice(0, 20) : diags;
  requests.push({ range: whole, context: { diagnostics: sent } }, { range: whole, context: { diagnostics: sent, only: [FIX_ALL] } });
  for (const p of positions.slice(0, 3)) requests.push({ range: { start: p, end: p }, context: { diagnostics: [] } });
  const parsedBefore = opts.deep ? await parses(text, languageId) : undefined;
  for (const req of requests) {
    const actions = await service.doCodeActions(doc, req.range, req.context, s);
    for (const a of actions) {
      const edits = editsOf(a, uri);
      for (const e of edits) assertRange(e.range, lens, `action "${a.title}" edit`);
      // Applies cleanly: applyEdits throws on overlapping edits.
      let after: string;
      try {
        after = TextDocument.applyEdits(doc, edits);
      } catch (err) {
        assert.fail(`action "${a.title}" does not apply: ${String(err)}`);
      }
      if (!opts.deep) continue;
      await checkEffect(service, s, doc, a, edits, after, parsedBefore);
    }
  }
  return diags;
}

/** Locality, parse preservation and effect of one action's edits. */
async function checkEffect(service: ErrorCodeService, s: ServiceSettings, doc: TextDocument, a: CodeAction, edits: TextEdit[], after: string, parsedBefore: boolean | undefined): Promise<void> {
  const fixes = (a.diagnostics ?? []).filter((d) => d.code === 'unknown-error-code' || d.code === 'type-used-as-code');
  if (fixes.length) {
    // Touches only its target: each edit stays on the lines of a diagnostic it fixes.
    for (const e of edits) {
      assert.ok(
        fixes.some((d) => e.range.start.line >= d.range.start.line - 1 && e.range.end.line <= d.range.end.line + 1),
        `action "${a.title}" edits line ${e.range.start.line}, away from its diagnostics`,
      );
      assert.ok(!/[\r\n]/.test(e.newText), `action "${a.title}" inserts a line break into a literal`);
    }
    // And it fixes them: fewer diagnostics of that code afterwards.
    const next = TextDocument.create(newUri(doc.languageId), doc.languageId, 1, after);
    const nextDiags = service.doValidation(next, s);
    for (const code of new Set(fixes.map((d) => d.code))) {
      const before = service.doValidation(doc, s).filter((d) => d.code === code).length;
      const now = nextDiags.filter((d) => d.code === code).length;
      assert.ok(now < before, `action "${a.title}" left ${now} of ${before} ${String(code)} diagnostics`);
    }
  }
  if (parsedBefore === true) {
    const ok = await parses(after, doc.languageId);
    assert.notEqual(ok, false, `action "${a.title}" broke the ${doc.languageId} syntax:\n${after}`);
  }
}

// ------------------------------------------------------------------------------------------------

const CODES = [...catalog.codes];
const TYPES = catalog.types.map((t) => t.name);
/** Literal contents that keep any language's quoting valid: codes, types, misspellings, words. */
const literalContent = fc.oneof(
  fc.constantFrom(...CODES, ...TYPES),
  fc.constantFrom(...CODES).chain((c) =>
    fc.tuple(fc.nat({ max: c.length }), fc.constantFrom('', 'x', 'e', '_', 'aa')).map(([i, ins]) => c.slice(0, i) + ins + c.slice(i + 1)),
  ),
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_0123456789 '), maxLength: 30 }),
);

// The server helper's realistic integration code (SDK style, every language), when present.
const INTEGRATION = join(FIXTURES, 'service', 'integration');
const integrationSamples = existsSync(INTEGRATION)
  ? readdirSync(INTEGRATION)
    .filter((f) => !f.endsWith('.expect.json'))
    .map((f) => ({ lang: languageIdForPath(f) ?? '', text: readFileSync(join(INTEGRATION, f), 'utf8') }))
    .filter((x) => x.lang && x.text.length < 200_000)
  : [];
const samplePool = [...Object.entries(SAMPLES).flatMap(([lang, list]) => list.map((text) => ({ lang, text }))), ...integrationSamples];

/** A sample whose code-like string literals got new contents: the structure (and so the parse) is kept. */
const relabelled = fc
  .tuple(fc.constantFrom(...samplePool), fc.infiniteStream(literalContent))
  .map(([{ lang, text }, contents]) => {
    const quote = lang === 'json' || lang === 'jsonl' || lang === 'jsonc' ? /(")([A-Za-z0-9_ ]{2,60})"/g : /(["'])([A-Za-z0-9_ ]{2,60})\1/g;
    const it = contents[Symbol.iterator]();
    return { lang, text: text.replace(quote, (_m, q: string) => `${q}${it.next().value as string}${q}`) };
  });

const offsets = fc.array(fc.nat(), { minLength: 1, maxLength: 6 });

describe('property: service calls never throw and stay inside the document', function () {
  this.timeout(blockTimeout(120_000));

  it('relabelled samples in every language: ranges inside, edits apply, fixes fix, parses stay clean', async () => {
    await fc.assert(
      fc.asyncProperty(relabelled, settingsArb, offsets, async ({ lang, text }, s, pos) => {
        await exercise(text, lang, { settings: s, positions: pos, deep: true }, 'service/relabelled');
      }),
      params(100),
    );
  });

  it('relabelled samples, then mutated and reframed: quick fixes stay local and fix what they claim', async () => {
    await fc.assert(
      fc.asyncProperty(relabelled, fc.array(mutation(fc.constantFrom('\n', "'", '"', '`', '{', '}', '(', ')', '//', '#', ' ')), { maxLength: 3 }), framing, settingsArb, offsets, async ({ lang, text }, ms, f, s, pos) => {
        await exercise(frame(ms.reduce(applyMutation, text), f), lang, { settings: s, positions: pos, deep: true }, 'service/relabelled-mutated');
      }),
      params(100),
    );
  });

  it('mutated samples and pastes, any language id, CRLF / CR / BOM', async () => {
    const pool = [...Object.values(SAMPLES).flat(), ...PASTES];
    await fc.assert(
      fc.asyncProperty(mutatedFrom(pool), fc.constantFrom(...LANGUAGE_IDS), framing, settingsArb, offsets, async (text, lang, f, s, pos) => {
        await exercise(frame(text, f), lang, { settings: s, positions: pos }, 'service/mutated');
      }),
      params(150),
    );
  });

  it('random bytes and hostile Unicode in every language', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileUnicode(300), randomBytesUtf8(400)), fc.constantFrom(...LANGUAGE_IDS), offsets, async (text, lang, pos) => {
        await exercise(text, lang, { settings: ALL_ON, positions: pos }, 'service/unicode');
      }),
      params(150),
    );
  });

  it('an unterminated string, comment or template literal at the end of each language sample', async () => {
    const cases = Object.entries(UNTERMINATED).flatMap(([lang, opens]) => opens.map((o) => ({ lang, o })));
    for (const { lang, o } of cases) {
      const host = (SAMPLES[lang] ?? SAMPLES.plaintext)[0];
      for (const text of [`${host}\n${o}`, `${o}\n${host}`, o]) await exercise(text, lang, { settings: ALL_ON, positions: [text.length, text.length - 1, 3] }, 'service/unterminated');
    }
  });
});

describe('property: service on huge and deep documents', function () {
  this.timeout(blockTimeout(300_000));

  it('100k-deep JSON nesting as json, jsonl, plaintext, markdown and typescript', async () => {
    for (const text of [deepJson(100_000), deepJson(100_000, '[{"code":', '}]')]) {
      for (const lang of ['json', 'jsonl', 'plaintext', 'markdown', 'typescript']) {
        const body = lang === 'markdown' ? `\`\`\`json\n${text}\n\`\`\`` : text;
        await exercise(body, lang, { settings: ALL_ON, positions: [50_000, body.length] }, 'service/deep');
      }
    }
  });

  it('a 1 MB single line in every language', async () => {
    const line = megaLine();
    const tsLine = `const x = ${JSON.stringify(line)}; if (e.code === 'expired_ordr') {}`;
    for (const lang of LANGUAGE_IDS) {
      await exercise(lang.startsWith('json') ? line.slice(line.indexOf('{'), line.indexOf('}') + 1).padEnd(1 << 20, ' ') : lang === 'typescript' ? tsLine : line, lang, { settings: ALL_ON, positions: [1 << 19] }, 'service/mega-line');
    }
  });

  it('10,000 lines of error checks (a generated handler)', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `if (err.code === '${CODES[i % CODES.length]}${i % 7 === 0 ? 'x' : ''}') handle(${i});`);
    const diags = await exercise(lines.join('\n'), 'typescript', { settings: DEFAULT_SETTINGS, positions: [5000, 100_000], perDiagnostic: false }, 'service/10k-lines');
    // One unknown-code warning per misspelt line: exactly the lines with a trailing x (and a real code before it).
    const expected = lines.filter((_, i) => i % 7 === 0).length;
    assert.equal(diags.filter((d) => d.code === 'unknown-error-code').length, expected);
  });
});

// ------------------------------------------------------------------------------------------------
// Incremental sync

interface Edit {
  at: number;
  remove: number;
  text: string;
}
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
  text: fc.oneof(
    fc.constantFrom('', '\n', '\r\n', '\r', "'", '"', '`', '{', '}', '/*', '*/', '//', '#', '\\', "err.code === '", "' ", 'switch (e.code) {\ncase "'),
    fc.constantFrom(...CODES).map((c) => `'${c}'`),
    literalContent,
    hostileUnicode(8),
  ),
});

describe('property: incremental sync — random edits give the diagnostics of a fresh open', function () {
  this.timeout(blockTimeout(120_000));

  it('edits applied one by one (validating on the way) equal a fresh document with the final text', () => {
    const pool = samplePool;
    fc.assert(
      fc.property(fc.constantFrom(...pool), fc.array(fc.tuple(editArb, fc.boolean()), { minLength: 1, maxLength: 25 }), framing, settingsArb, ({ lang, text }, edits, f, s) => {
        count('service/incremental');
        const service = createErrorCodeService({ catalog });
        const uri = newUri(lang);
        let doc = TextDocument.create(uri, lang, 1, frame(text, f));
        service.doValidation(doc, s);
        for (const [e, validateNow] of edits) {
          const cur = doc.getText();
          const at = e.at % (cur.length + 1);
          const range = { start: doc.positionAt(at), end: doc.positionAt(Math.min(cur.length, at + e.remove)) };
          doc = TextDocument.update(doc, [{ range, text: e.text }], doc.version + 1);
          if (validateNow) service.doValidation(doc, s);
        }
        const incremental = service.doValidation(doc, s);
        const fresh = createErrorCodeService({ catalog }).doValidation(TextDocument.create(uri, lang, doc.version, doc.getText()), s);
        assert.deepEqual(incremental, fresh);
      }),
      params(200),
    );
  });

  it('a document closed (forget) and reopened with version 1 and other text gets fresh diagnostics', () => {
    fc.assert(
      fc.property(relabelled, relabelled, ({ lang, text: a }, { text: b }) => {
        count('service/reopen');
        const service = createErrorCodeService({ catalog });
        const uri = newUri(lang);
        service.doValidation(TextDocument.create(uri, lang, 1, a), ALL_ON);
        service.forget(uri); // what the LSP layer does on didClose
        const reopened = service.doValidation(TextDocument.create(uri, lang, 1, b), ALL_ON);
        const fresh = createErrorCodeService({ catalog }).doValidation(TextDocument.create(uri, lang, 1, b), ALL_ON);
        assert.deepEqual(reopened, fresh);
      }),
      params(60),
    );
  });
});
