import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CodeAction, type TextEdit } from 'vscode-languageserver-types';
import { loadBuiltinCatalog } from '../../../../catalog/src/index';
import type { Lang } from '../../../../catalog/src/types';
import { findNonExhaustiveSwitches, getSwitchCaseActions } from '../../../../server/src/service/switchCases';
import { hasGrammar, syntaxProblems } from '../../../support/treeSitter';
import { FIXTURES } from '../../../support/paths';

// Codes of each section of the official error page, in the page's order (written from the seed).
const GENERAL = ['invalid_parameter', 'missing_parameter', 'unauthorized_error', 'account_not_found',
  'invalid idempotency key format', 'api_error', '200'];
const PAYMENT = ['create_payment_intent_failed', 'create_payment_attempt_failed', 'confirm_payment_intent_failed',
  'retrieve_payment_intent_failed', 'retrieve_payment_attempt_failed', 'update_payment_intent_failed',
  'capture_payment_intent_failed', 'capture_amount_invalid', 'cancel_payment_intent_failed', 'invalid_order_status',
  'expired_order', 'order_cancelled', 'operation_pending', 'repeat_payment_request', 'invalid_payment_method',
  'invalid_return_url', 'invalid_description', 'invalid_order_amount', 'invalid_order_currency', 'invalid_payment_orders',
  'not_found_id', 'product_not_found', '3ds_required', 'require_payment_pii', 'retrieve_refund_failed',
  'payment_link_not_found', 'payment_link_expired', 'payment_link_inactive', 'payment_link_access_number_not_enough',
  'payment_link_parameters_error'];
const REFUND = ['create_refund_failed', 'refund_processing', 'refund_stat_failed', 'refund_amount_exceeded',
  'refund_amount_invalid', 'retrieve_refund_failed', 'api_error', 'invalid_parameter'];
const CUSTOMER = ['create_customer_failed', 'update_customer_failed', 'retrieve_customer_failed'];
const PAYOUT = ['create_payout_failed', 'payout_not_found', 'payout_settlement_account_not_found', 'invalid_currency',
  'insufficient_balance', 'merchant_account_invalid', 'disabled_transfer_type', 'velocity_limit_exceeded',
  'product_not_found', 'bank_account_not_found', 'bank_account_already_exists', 'create_bank_account_failed',
  'update_bank_account_failed', 'internal_error', 'invalid_parameter'];

const without = (all: string[], handled: string[]): string[] => all.filter((c) => !handled.includes(c));

const catalog = loadBuiltinCatalog();
const SWITCH = join(FIXTURES, 'switch');

function fixture(name: string): string {
  return readFileSync(join(SWITCH, name), 'utf8');
}

interface Applied {
  actions: CodeAction[];
  edit: TextEdit;
  inserted: string;
  result: string;
  /** The text right after the inserted block, from the insertion point on. */
  after: string;
}

async function apply(text: string, languageId: string, anchor: string, lang: Lang = 'en'): Promise<Applied> {
  const doc = TextDocument.create(`file:///fixture/${languageId}`, languageId, 1, text);
  const at = text.indexOf(anchor);
  assert.ok(at >= 0, `anchor ${anchor} not in the fixture`);
  const pos = doc.positionAt(at + anchor.length);
  const actions = await getSwitchCaseActions(doc, { start: pos, end: pos }, catalog, lang);
  assert.equal(actions.length, 1, 'one action expected');
  const edits = actions[0]!.edit!.changes![doc.uri]!;
  assert.equal(edits.length, 1, 'exactly one TextEdit');
  const edit = edits[0]!;
  assert.deepEqual(edit.range.start, edit.range.end, 'the edit inserts and replaces nothing');
  const result = TextDocument.applyEdits(doc, edits);
  const offset = doc.offsetAt(edit.range.start);
  return { actions, edit, inserted: edit.newText, result, after: result.slice(offset + edit.newText.length) };
}

/** The code of every case label in the inserted text, in order. */
function labels(inserted: string): { code: string; quote: string; indent: string; line: string }[] {
  const out: { code: string; quote: string; indent: string; line: string }[] = [];
  for (const line of inserted.split(/\r?\n/)) {
    const m = /^([ \t]*)(?:case |when |in )?(["'`])(.*?)\2/.exec(line);
    if (m && !/^\s*(\/\/|#)/.test(line)) out.push({ indent: m[1]!, quote: m[2]!, code: m[3]!, line });
  }
  return out;
}

async function assertParsesClean(text: string, languageId: string, what: string): Promise<void> {
  const problems = await syntaxProblems(text, languageId);
  assert.deepEqual(problems, [], `${what} must parse without ERROR/MISSING nodes`);
}

interface Expectation {
  name: string;
  file: string;
  languageId: string;
  anchor: string;
  codes: string[];
  indent: string;
  quote: string;
  /** The first line after the inserted block (the default branch or the closing brace). */
  next: string | RegExp;
  /** Each inserted label line matches this. */
  shape: RegExp;
  /** Exact inserted text, for the languages without a grammar here. */
  exact?: string;
  /** The statement has no default branch: the action's title says so. */
  noDefault?: true;
}

const CASES: Expectation[] = [
  {
    name: 'TypeScript switch over err.code handling two refund codes gets the other refund codes before default',
    file: 'refund.ts', languageId: 'typescript', anchor: 'switch (err',
    codes: without(REFUND, ['refund_amount_exceeded', 'refund_amount_invalid']),
    indent: '      ', quote: "'", next: '      default:', shape: /^ {6}case '[^']+': \/\/ \S/,
  },
  {
    name: 'TSX switch without default gets the missing customer codes at its end, in double quotes',
    noDefault: true,
    file: 'customer.tsx', languageId: 'typescriptreact', anchor: 'switch (error',
    codes: without(CUSTOMER, ['create_customer_failed']),
    indent: '    ', quote: '"', next: '  }', shape: /^ {4}case "[^"]+": \/\/ \S/,
  },
  {
    name: 'JavaScript switch indented with tabs gets tab-indented payout cases',
    file: 'payout.js', languageId: 'javascript', anchor: 'switch (err',
    codes: without(PAYOUT, ['insufficient_balance', 'velocity_limit_exceeded']),
    indent: '\t\t\t', quote: '"', next: '\t\t\tdefault:', shape: /^\t{3}case "[^"]+": \/\/ \S/,
  },
  {
    name: 'Python match with single quotes gets the payout cases before case _',
    file: 'payout.py', languageId: 'python', anchor: 'match e.code',
    codes: without(PAYOUT, ['insufficient_balance', 'velocity_limit_exceeded']),
    indent: ' '.repeat(12), quote: "'", next: ' '.repeat(12) + 'case _:', shape: /^ {12}case '[^']+':  # \S/,
  },
  {
    name: 'Python match without a wildcard gets the payment cases after its last case',
    noDefault: true,
    file: 'payment_no_default.py', languageId: 'python', anchor: 'match e.code',
    codes: without(PAYMENT, ['payment_link_expired', 'payment_link_inactive', 'payment_link_not_found']),
    indent: ' '.repeat(8), quote: '"', next: '', shape: /^ {8}case "[^"]+":  # \S/,
  },
  {
    name: 'Go switch on apiErr.Code with a multi-value case gets the other general codes',
    file: 'general.go', languageId: 'go', anchor: 'switch apiErr',
    codes: without(GENERAL, ['unauthorized_error', 'api_error', 'invalid_parameter']),
    indent: '\t\t', quote: '"', next: '\t\tdefault:', shape: /^\t\tcase "[^"]+":$/,
  },
  {
    name: 'Java arrow switch statement whose default throws gets arrow cases that throw the same way',
    file: 'PayoutErrors.java', languageId: 'java', anchor: 'switch (e.getCode',
    codes: without(PAYOUT, ['insufficient_balance', 'velocity_limit_exceeded', 'internal_error']),
    indent: ' '.repeat(12), quote: '"', next: /^ {12}default -> throw/, shape: /^ {12}case "[^"]+" -> throw new IllegalStateException\("payout failed: " \+ e\.getCode\(\), e\); \/\/ \S/,
  },
  {
    name: 'Java colon switch statement gets grouped cases that end in break',
    file: 'PaymentErrors.java', languageId: 'java', anchor: 'case "create_payment_intent_failed"',
    codes: without(PAYMENT, ['create_payment_intent_failed', 'create_payment_attempt_failed', 'expired_order']),
    indent: ' '.repeat(12), quote: '"', next: ' '.repeat(12) + 'default:', shape: /^ {12}case "[^"]+": \/\/ \S/,
  },
  {
    name: 'Java switch expression gets arrow cases that yield what its default yields',
    file: 'PaymentErrors.java', languageId: 'java', anchor: 'String message = ',
    codes: ['update_customer_failed'],
    indent: ' '.repeat(12), quote: '"', next: /^ {12}default -> e\.getErrorMessage/,
    shape: /^ {12}case "update_customer_failed" -> e\.getErrorMessage\(\); \/\/ \S/,
  },
  {
    name: 'C# switch statement gets grouped case labels ending in break',
    file: 'CustomerErrors.cs', languageId: 'csharp', anchor: 'switch (ex.Code)',
    codes: without(CUSTOMER, ['create_customer_failed']),
    indent: ' '.repeat(16), quote: '"', next: ' '.repeat(16) + 'default:', shape: /^ {16}case "[^"]+": \/\/ \S/,
  },
  {
    name: 'C# switch expression gets arms that yield what the discard arm yields, before it',
    file: 'CustomerErrors.cs', languageId: 'csharp', anchor: 'ex.Code switch',
    codes: without(REFUND, ['refund_processing', 'refund_amount_exceeded']),
    indent: ' '.repeat(12), quote: '"', next: ' '.repeat(12) + '_ => ex.Message,',
    shape: /^ {12}"[^"]+" => ex\.Message, \/\/ \S/,
  },
  {
    name: 'PHP switch without default gets single-quoted payment cases at its end',
    noDefault: true,
    file: 'payment.php', languageId: 'php', anchor: 'switch ($e',
    codes: without(PAYMENT, ['payment_link_expired', 'payment_link_inactive', 'payment_link_not_found']),
    indent: ' '.repeat(12), quote: "'", next: '        }', shape: /^ {12}case '[^']+': \/\/ \S/,
  },
  {
    name: 'PHP match gets arms that yield what default yields, before it',
    file: 'payment.php', languageId: 'php', anchor: 'match ($e',
    codes: without(PAYOUT, ['insufficient_balance', 'payout_not_found']),
    indent: ' '.repeat(12), quote: "'", next: ' '.repeat(12) + 'default => $e->getMessage(),', shape: /^ {12}'[^']+' => \$e->getMessage\(\), \/\/ \S/,
  },
  {
    name: 'Rust match in statement position gets arms that do what the wildcard does, before it',
    file: 'payout.rs', languageId: 'rust', anchor: 'match err.code',
    codes: without(PAYOUT, ['insufficient_balance', 'velocity_limit_exceeded']),
    indent: ' '.repeat(8), quote: '"', next: /^ {8}_ => eprintln!/, shape: /^ {8}"[^"]+" => eprintln!\("payout failed: \{\}", err\.message\), \/\/ \S/,
  },
  {
    name: 'Rust match used as a value without a wildcard gets todo!() arms and a comma after the last arm',
    noDefault: true,
    file: 'payout.rs', languageId: 'rust', anchor: 'let hint = ',
    codes: without(REFUND, ['refund_amount_exceeded', 'refund_amount_invalid', 'refund_processing']),
    indent: ' '.repeat(8), quote: '"', next: '', shape: /^ {8}"[^"]+" => todo!\("not handled yet"\), \/\/ \S/,
  },
  {
    name: 'Ruby case/when gets when branches with a comment line before else',
    file: 'refund.rb', languageId: 'ruby', anchor: 'case error',
    codes: without(REFUND, ['refund_amount_exceeded', 'refund_amount_invalid', 'refund_processing']),
    indent: ' '.repeat(6), quote: '"', next: ' '.repeat(6) + 'else', shape: /^ {6}when "[^"]+"$/,
  },
  {
    name: 'Kotlin when statement whose else throws gets branches that throw the same (no Kotlin grammar here: exact text)',
    file: 'RefundErrors.kt', languageId: 'kotlin', anchor: 'when (e.code)',
    codes: without(REFUND, ['refund_amount_exceeded', 'refund_amount_invalid', 'refund_processing']),
    indent: ' '.repeat(12), quote: '"', next: ' '.repeat(12) + 'else -> throw e', shape: /^ {12}"[^"]+" -> throw e \/\/ \S/,
    exact: [
      '            "create_refund_failed" -> throw e // Retry with the same x-idempotency-key',
      '            "refund_stat_failed" -> throw e // Check payment_intent_id in the request',
      '            "retrieve_refund_failed" -> throw e // Make sure the refund id belongs to the account you are calling with',
      '            "api_error" -> throw e // Do not retry the refund',
      '            "invalid_parameter" -> throw e // Fix the request, then send it with a new x-idempotency-key',
      '',
    ].join('\n'),
  },
  {
    name: 'Kotlin when expression gets branches that yield what else yields (exact text)',
    file: 'RefundErrors.kt', languageId: 'kotlin', anchor: '= when (e.code)',
    codes: without(CUSTOMER, ['create_customer_failed']),
    indent: ' '.repeat(8), quote: '"', next: ' '.repeat(8) + 'else -> e.errorMessage', shape: /^ {8}"[^"]+" -> e\.errorMessage \/\/ \S/,
    exact: [
      '        "update_customer_failed" -> e.errorMessage // Retry with the same x-idempotency-key',
      '        "retrieve_customer_failed" -> e.errorMessage // Check that the customer id exists and belongs to the authenticated account',
      '',
    ].join('\n'),
  },
  {
    name: 'Dart switch statement gets empty cases that share the default\'s body (no Dart grammar here: the shape says it)',
    file: 'payout.dart', languageId: 'dart', anchor: 'switch (error',
    codes: without(PAYOUT, ['insufficient_balance', 'velocity_limit_exceeded']),
    indent: '    ', quote: "'", next: '    default:', shape: /^ {4}case '[^']+': \/\/ [^\n]+$/,
  },
  {
    name: 'Dart 3 switch expression gets arms that yield what the wildcard yields',
    file: 'payout.dart', languageId: 'dart', anchor: '=> switch (error',
    codes: without(REFUND, ['refund_amount_exceeded', 'refund_amount_invalid', 'refund_processing']),
    indent: ' '.repeat(6), quote: "'", next: ' '.repeat(6) + '_ => error.userMessage,', shape: /^ {6}'[^']+' => error\.userMessage, \/\/ \S/,
  },
  {
    name: 'Swift switch gets a case that falls through into its default (no Swift grammar here: exact text)',
    file: 'CustomerErrors.swift', languageId: 'swift', anchor: 'switch error.code',
    codes: ['retrieve_customer_failed'],
    indent: '    ', quote: '"', next: '    default:', shape: /^ {4}case "[^"]+": \/\/ \S/,
    exact: '    case "retrieve_customer_failed": // Check that the customer id exists and belongs to the authenticated account\n        fallthrough\n',
  },
];

describe('switchCases: "Add N missing UQPAY error cases"', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const text = fixture(c.file);
      if (hasGrammar(c.languageId)) await assertParsesClean(text, c.languageId, `the original ${c.file}`);
      const r = await apply(text, c.languageId, c.anchor);
      const n = c.codes.length;
      assert.equal(r.actions[0]!.title, `Add ${n} missing UQPAY error ${n === 1 ? 'case' : 'cases'}${c.noDefault ? ' (no default branch)' : ''}`);
      assert.equal(r.actions[0]!.kind, 'quickfix');
      const got = labels(r.inserted);
      assert.deepEqual(got.map((l) => l.code), c.codes);
      for (const l of got) {
        assert.equal(l.indent, c.indent, `indentation of ${JSON.stringify(l.line)}`);
        assert.equal(l.quote, c.quote, `quote of ${l.line}`);
        assert.match(l.line, c.shape);
      }
      // Each case carries a one-line comment (on its line or the next).
      const lines = r.inserted.split('\n');
      for (const l of got) {
        const k = lines.indexOf(l.line);
        const comment = /(\/\/|#) \S/.test(l.line) ? l.line : lines[k + 1] ?? '';
        assert.match(comment, /(\/\/|#) \S/, `comment for ${l.code}`);
      }
      const nextLine = r.after.split('\n')[0]!;
      if (typeof c.next === 'string') assert.equal(nextLine, c.next);
      else assert.match(nextLine, c.next);
      if (c.exact !== undefined) assert.equal(r.inserted, c.exact);
      if (hasGrammar(c.languageId)) await assertParsesClean(r.result, c.languageId, `${c.file} after the fix`);
      // The fix is complete: asking again offers nothing for this statement.
      const doc2 = TextDocument.create('file:///fixture/again', c.languageId, 2, r.result);
      const at = r.result.indexOf(c.anchor) + c.anchor.length;
      const again = await getSwitchCaseActions(doc2, { start: doc2.positionAt(at), end: doc2.positionAt(at) }, catalog, 'en');
      assert.deepEqual(again, []);
    });
  }

  it('Python match without a wildcard: the cases go right after the last case body, before the blank line and return', async () => {
    const r = await apply(fixture('payment_no_default.py'), 'python', 'match e.code');
    assert.match(r.result, /message = "Unknown payment link\."\n {8}# TODO: not handled yet\n {8}case "create_payment_intent_failed":/);
    assert.match(r.result, /case "payment_link_parameters_error":  # [^\n]+\n {12}pass\n\n {4}return message\n$/);
  });

  it('Rust: the comma goes right after the last arm, which keeps its text', async () => {
    const r = await apply(fixture('payout.rs'), 'rust', 'let hint = ');
    assert.ok(r.inserted.startsWith(',\n'), r.inserted);
    assert.match(r.result, /"refund_processing" => "wait for the running refund",\n {8}"create_refund_failed" => todo!/);
  });

  it('Go: each new case has its comment on the next line, one level deeper', async () => {
    const r = await apply(fixture('general.go'), 'go', 'switch apiErr');
    const lines = r.inserted.split('\n');
    assert.equal(lines[0], '\t\tcase "missing_parameter":');
    assert.match(lines[1]!, /^\t\t\t\/\/ \S/);
  });

  it('Ruby: each new when branch has its comment line one level deeper', async () => {
    const r = await apply(fixture('refund.rb'), 'ruby', 'case error');
    const lines = r.inserted.split('\n');
    assert.equal(lines[0], '      when "create_refund_failed"');
    assert.match(lines[1]!, /^ {8}# \S/);
  });

  it('TypeScript: before a default the new labels carry no body of their own: they fall into the default, which keeps what the code does', async () => {
    const r = await apply(fixture('refund.ts'), 'typescript', 'switch (err');
    assert.ok(!/break|TODO/.test(r.inserted), r.inserted);
    assert.match(r.after, /^ {6}default:/);
  });

  it('TypeScript: without a default the grouped cases share one "not handled yet" body that ends in break, at the body indentation', async () => {
    const text = "function f(err: { code: string }) {\n  switch (err.code) {\n    case 'create_refund_failed':\n      return 1;\n  }\n  return 0;\n}\n";
    const r = await apply(text, 'typescript', 'switch (err');
    assert.match(r.inserted, /\n {6}\/\/ TODO: not handled yet\n {6}break;\n$/);
    await assertParsesClean(r.result, 'typescript', 'result');
    const zh = await apply(text, 'typescript', 'switch (err', 'zh-CN');
    assert.match(zh.inserted, /\/\/ TODO：尚未处理\n/);
    assert.equal(zh.actions[0]!.title, '添加 7 个缺少的 UQPAY 错误码分支（无默认分支）');
  });

  it('writes the comments in Chinese when the documentation language is zh-CN', async () => {
    const r = await apply(fixture('refund.ts'), 'typescript', 'switch (err', 'zh-CN');
    const caseLines = r.inserted.split('\n').filter((l) => l.includes('case '));
    assert.equal(caseLines.length, 6);
    for (const l of caseLines) assert.match(l, /\/\/ .*[\u4e00-\u9fff]/, l);
    await assertParsesClean(r.result, 'typescript', 'zh-CN result');
  });

  it('keeps CRLF line endings', async () => {
    const text = fixture('refund.ts').replace(/\n/g, '\r\n');
    const r = await apply(text, 'typescript', 'switch (err');
    assert.ok(!/[^\r]\n/.test(r.inserted), 'no bare LF in the inserted text');
    assert.ok(r.inserted.endsWith('\r\n'));
  });

  it('is offered with the cursor at the start of the first line of the statement', async () => {
    const text = fixture('refund.ts');
    const doc = TextDocument.create('file:///x.ts', 'typescript', 1, text);
    const line = doc.positionAt(text.indexOf('switch (err')).line;
    const actions = await getSwitchCaseActions(doc, { start: { line, character: 0 }, end: { line, character: 0 } }, catalog, 'en');
    assert.equal(actions.length, 1);
  });

  it('is not offered outside any switch', async () => {
    const text = fixture('refund.ts');
    const doc = TextDocument.create('file:///x.ts', 'typescript', 1, text);
    assert.deepEqual(await getSwitchCaseActions(doc, { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, catalog, 'en'), []);
  });

  it('names the non-exhaustive-switch diagnostic it fixes when one is in the context', async () => {
    const text = fixture('refund.ts');
    const doc = TextDocument.create('file:///x.ts', 'typescript', 1, text);
    const diags = findNonExhaustiveSwitches(doc, catalog);
    const pos = doc.positionAt(text.indexOf("case 'refund_amount_invalid'"));
    const actions = await getSwitchCaseActions(doc, { start: pos, end: pos }, catalog, 'en', diags);
    assert.equal(actions.length, 1);
    assert.deepEqual(actions[0]!.diagnostics, diags);
    assert.equal(actions[0]!.isPreferred, true);
  });

  it('picks the innermost switch over codes when switches nest', async () => {
    const text = [
      "function f(err: { code: string }, other: { code: string }) {",
      '  switch (err.code) {',
      "    case 'create_customer_failed':",
      '      switch (other.code) {',
      "        case 'refund_processing':",
      '          break;',
      '      }',
      '      break;',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = await apply(text, 'typescript', "case 'refund_processing'");
    assert.deepEqual(labels(r.inserted).map((l) => l.code), without(REFUND, ['refund_processing']));
    const outer = await apply(text, 'typescript', "case 'create_customer_failed'");
    assert.deepEqual(labels(outer.inserted).map((l) => l.code), without(CUSTOMER, ['create_customer_failed']));
    await assertParsesClean(r.result, 'typescript', 'nested result');
  });

  it('a code in several groups takes the group its companions share (retrieve_refund_failed + refund codes = refund)', async () => {
    const text = "switch (err.code) {\n  case 'retrieve_refund_failed':\n  case 'create_refund_failed':\n    break;\n}\n";
    const r = await apply(text, 'typescript', 'switch');
    assert.deepEqual(labels(r.inserted).map((l) => l.code), without(REFUND, ['retrieve_refund_failed', 'create_refund_failed']));
  });

  it('a shared code alone (product_not_found) brings in every group it belongs to', async () => {
    const text = "switch (err.code) {\n  case 'product_not_found':\n    break;\n}\n";
    const r = await apply(text, 'typescript', 'switch');
    const expected = [...without(PAYMENT, ['product_not_found']), ...without(PAYOUT, ['product_not_found'])];
    assert.deepEqual(labels(r.inserted).map((l) => l.code), expected);
  });
});

describe('switchCases: switches that get no action', () => {
  it('a switch over intent statuses gets no action and no diagnostic', async () => {
    const text = fixture('status.ts');
    const doc = TextDocument.create('file:///s.ts', 'typescript', 1, text);
    const pos = doc.positionAt(text.indexOf("case 'SUCCEEDED'"));
    assert.deepEqual(await getSwitchCaseActions(doc, { start: pos, end: pos }, catalog, 'en'), []);
    assert.deepEqual(findNonExhaustiveSwitches(doc, catalog), []);
  });

  it("a switch over err.type holding 'api_error' (a type name there) gets no action", async () => {
    const text = fixture('status.ts');
    const doc = TextDocument.create('file:///s.ts', 'typescript', 1, text);
    const pos = doc.positionAt(text.indexOf("case 'api_error'"));
    assert.deepEqual(await getSwitchCaseActions(doc, { start: pos, end: pos }, catalog, 'en'), []);
  });

  it('a switch that handles every code of its group gets no action and no diagnostic', async () => {
    const text = fixture('complete.ts');
    const doc = TextDocument.create('file:///c.ts', 'typescript', 1, text);
    const pos = doc.positionAt(text.indexOf("case 'retrieve_customer_failed'"));
    assert.deepEqual(await getSwitchCaseActions(doc, { start: pos, end: pos }, catalog, 'en'), []);
    assert.deepEqual(findNonExhaustiveSwitches(doc, catalog), []);
  });

  it('codes inside comments do not count', async () => {
    const text = fixture('complete.ts');
    const doc = TextDocument.create('file:///c.ts', 'typescript', 1, text);
    const pos = doc.positionAt(text.indexOf("case 'x'"));
    assert.deepEqual(await getSwitchCaseActions(doc, { start: pos, end: pos }, catalog, 'en'), []);
  });

  it('codes inside strings that are not case labels do not make a switch', async () => {
    const text = "switch (kind) {\n  case 'a':\n    log('refund_processing');\n    break;\n}\n";
    const doc = TextDocument.create('file:///k.ts', 'typescript', 1, text);
    assert.deepEqual(findNonExhaustiveSwitches(doc, catalog), []);
  });

  it('languages without switch support answer nothing', async () => {
    const doc = TextDocument.create('file:///j.json', 'json', 1, '{"code": "refund_processing"}');
    assert.deepEqual(findNonExhaustiveSwitches(doc, catalog), []);
    assert.deepEqual(await getSwitchCaseActions(doc, { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, catalog, 'en'), []);
  });

  it('unfinished and hostile input ends cleanly without a crash', async () => {
    const inputs = [
      "switch (err.code) { case 'refund_processing",
      "switch (err.code) { case 'refund_processing': `${",
      'switch (err.code) {{{{{{ case "refund_processing": ',
      '\u0000\uffff switch ( ) { } } } ) ) /* ',
      'switch'.repeat(10000),
      '('.repeat(50000) + 'switch (err.code) { case "refund_processing": }',
    ];
    for (const text of inputs) {
      for (const languageId of ['typescript', 'python', 'ruby', 'rust', 'kotlin', 'swift', 'php', 'csharp', 'go', 'java', 'dart']) {
        const doc = TextDocument.create('file:///h', languageId, 1, text);
        findNonExhaustiveSwitches(doc, catalog);
        await getSwitchCaseActions(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, catalog, 'en');
      }
    }
  });
});

describe('switchCases: non-exhaustive-switch diagnostic', () => {
  it('reports a hint on the switch keyword naming the count and the missing codes', () => {
    const text = fixture('refund.ts');
    const doc = TextDocument.create('file:///x.ts', 'typescript', 1, text);
    const diags = findNonExhaustiveSwitches(doc, catalog);
    assert.equal(diags.length, 1);
    const d = diags[0]!;
    assert.equal(d.code, 'non-exhaustive-switch');
    assert.equal(d.source, 'uqpay-errors');
    assert.equal(d.severity, DiagnosticSeverity.Hint);
    const kw = text.indexOf('switch (err');
    assert.deepEqual(d.range, { start: doc.positionAt(kw), end: doc.positionAt(kw + 'switch'.length) });
    assert.match(String(d.message), /handles 2 of the 8 UQPAY refund error codes; 6 missing: create_refund_failed, refund_processing/);
    assert.deepEqual((d.data as { missing: string[] }).missing, without(REFUND, ['refund_amount_exceeded', 'refund_amount_invalid']));
  });

  it('reports each incomplete switch of a file, in every supported language', () => {
    const expected: [string, string, number][] = [
      ['CustomerErrors.cs', 'csharp', 2],
      ['RefundErrors.kt', 'kotlin', 2],
      ['payout.rs', 'rust', 2],
      ['payment.php', 'php', 2],
      ['PaymentErrors.java', 'java', 2],
      ['general.go', 'go', 1],
      ['refund.rb', 'ruby', 1],
      ['payout.py', 'python', 1],
      ['CustomerErrors.swift', 'swift', 1],
      ['customer.tsx', 'typescriptreact', 1],
      ['payout.js', 'javascript', 1],
      ['payout.dart', 'dart', 2],
    ];
    for (const [file, languageId, count] of expected) {
      const doc = TextDocument.create(`file:///${file}`, languageId, 1, fixture(file));
      assert.equal(findNonExhaustiveSwitches(doc, catalog).length, count, file);
    }
  });

  it('can word the message in Chinese', () => {
    const doc = TextDocument.create('file:///x.ts', 'typescript', 1, fixture('refund.ts'));
    assert.match(String(findNonExhaustiveSwitches(doc, catalog, 'zh-CN')[0]!.message), /缺少 6 个/);
  });
});
