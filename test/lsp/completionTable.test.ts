/**
 * Issue 13 items 5 and 2 over the real protocol (dist/server.js over stdio): completion wherever
 * the hover answers, one row per construct and language, and the error-body shapes that are not
 * `key: value` lists (Java `Map.of`, Kotlin `mapOf`, builder chains, the Java SDK's positional
 * `UqpayApiException(code, message, statusCode)`, read from its source). Each row is our own code
 * in the shape the SDKs' users write; expectations come from the catalog page (seed):
 * - the customer section has one type, `customer_error`, and three codes: `create_customer_failed`,
 *   `update_customer_failed`, `retrieve_customer_failed` — a body or comparison that names
 *   `customer_error` must offer exactly those three first;
 * - `refund_amount_exceeded` is a refund code ("Refund amount exceeded original transaction
 *   amount"), `velocity_limit_exceeded` comes back as HTTP 429 (so it reaches the Node SDK's
 *   RateLimitError), the customer codes as 400;
 * - `invalid_parameter` with `payout_error` is the payout row (Update Bank Account), not the general one;
 * - `refund_error`'s section has no `payment_link_expired` (code-type-mismatch), and
 *   `invalid_request_error` is a type (type-used-as-code).
 * A row's text holds `«»` where the code is typed: hover reads the whole code there, completion
 * runs with `retri` (or `refund`) typed (`‸` marks the cursor) and the closing quote in place, and, where a developer
 * types with the literal still open at the end of the line, once more without it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { initialize, startServer, within, type TestServer } from '../support/lspClient';

const CUSTOMER = ['create_customer_failed', 'retrieve_customer_failed', 'update_customer_failed'];

const TS = "import { UQPayClient } from '@uqpay/sdk';\n";
const JS = "const { UQPayClient } = require('@uqpay/sdk');\n";
const PY = 'from uqpay import UQPayClient\n';
const GO = 'package shop\n\nimport "github.com/uqpay/uqpay-sdk-go/v2/common"\n\n';
const JAVA = 'import com.uqpay.sdk.common.UqpayApiException;\n\n';
const KT = 'import com.uqpay.sdk.common.UqpayApiException\n\n';
const PHP = '<?php\n// UQPAY gateway errors\n';
const DART = "import 'package:uqpay_sdk_flutter/uqpay_sdk_flutter.dart';\n\n";
const RB = "# UQPAY gateway errors\nrequire 'uqpay_client'\n";
const RS = '// UQPAY gateway errors\n';
const CS = '// UQPAY gateway errors\n';
const SWIFT = '// UQPAY gateway errors\n';

interface Row {
  name: string;
  lang: string;
  /** The text, with `«»` where the code goes (between its quotes). */
  text: string;
  /** The sibling type narrows the completion to the customer codes. */
  customer?: boolean;
  /** Also complete with the literal left open at the end of its line. */
  open?: boolean;
}

const rows: Row[] = [
  // when branches and match arms
  { name: 'Kotlin when branch', lang: 'kotlin', text: `${KT}fun f(e: UqpayApiException) = when (e.code) {\n    "«»" -> 1\n    else -> 0\n}\n`, open: true },
  { name: 'Dart switch-expression arm', lang: 'dart', text: `${DART}int f(UqpayError e) => switch (e.code) {\n  '«»' => 1,\n  _ => 0,\n};\n`, open: true },
  { name: 'PHP match arm', lang: 'php', text: `${PHP}$r = match ($body['code']) {\n    '«»' => 1,\n    default => 0,\n};\n`, open: true },
  { name: 'Rust match arm', lang: 'rust', text: `${RS}fn f(e: &ApiError) -> u8 {\n    match e.code.as_str() {\n        "«»" => 1,\n        _ => 0,\n    }\n}\n`, open: true },
  { name: 'Rust Some("…") arm', lang: 'rust', text: `${RS}fn f(e: &ApiError) -> u8 {\n    match e.code.as_deref() {\n        Some("refund_processing") | Some("«»") => 1,\n        _ => 0,\n    }\n}\n` },
  { name: 'Dart `||` pattern arm', lang: 'dart', text: `${DART}int f(UqpayError e) => switch (e.code) {\n  'refund_processing' || '«»' => 1,\n  _ => 0,\n};\n`, open: true },
  { name: 'Kotlin when branch with two labels', lang: 'kotlin', text: `${KT}fun f(e: UqpayApiException) = when (e.code) {\n    "refund_processing", "«»" -> 1\n    else -> 0\n}\n`, open: true },
  { name: 'C# switch-expression arm', lang: 'csharp', text: `${CS}var r = e.Code switch {\n    "«»" => 1,\n    _ => 0,\n};\n`, open: true },
  { name: 'Swift case', lang: 'swift', text: `${SWIFT}switch e.code {\ncase "«»": break\ndefault: break\n}\n`, open: true },
  // assertion arguments
  { name: 'TypeScript expect(…).toBe', lang: 'typescript', text: `${TS}expect(err.code).toBe('«»');\n`, open: true },
  { name: 'JavaScript expect(…).toEqual', lang: 'javascript', text: `${JS}expect(err.code).toEqual('«»');\n`, open: true },
  { name: 'Python assert ==', lang: 'python', text: `${PY}def test_refund(err):\n    assert err.code == "«»"\n`, open: true },
  { name: 'Python assertEqual', lang: 'python', text: `${PY}class T:\n    def test_refund(self, err):\n        self.assertEqual(err.code, "«»")\n`, open: true },
  { name: 'Go require.Equal', lang: 'go', text: `${GO}func TestRefund(t *testing.T) {\n\trequire.Equal(t, "«»", apiErr.Code)\n}\n` },
  { name: 'Java assertEquals', lang: 'java', text: `${JAVA}class T { void t(UqpayApiException e) { assertEquals("«»", e.getCode()); } }\n` },
  { name: 'Java assertThat(…).isEqualTo', lang: 'java', text: `${JAVA}class T { void t(UqpayApiException e) {\n  assertThat(e.getCode()).isEqualTo("«»");\n} }\n`, open: true },
  { name: 'Kotlin assertEquals', lang: 'kotlin', text: `${KT}fun t(e: UqpayApiException) {\n    assertEquals("«»", e.code)\n}\n` },
  { name: 'Python `in` tuple', lang: 'python', text: `${PY}if err.code in ("refund_processing", "«»"):\n    pass\n`, open: true },
  { name: 'TypeScript [...].includes(err.code)', lang: 'typescript', text: `${TS}if (['refund_processing', '«»'].includes(err.code)) {}\n` },
  { name: 'Kotlin `in setOf(…)`', lang: 'kotlin', text: `${KT}fun f(e: UqpayApiException) = e.code in setOf("refund_processing", "«»")\n` },
  { name: 'PHP in_array', lang: 'php', text: `${PHP}if (in_array($e->getCode(), ['refund_processing', '«»'], true)) {}\n` },
  { name: 'PHP assertSame', lang: 'php', text: `${PHP}$this->assertSame('«»', $e->getCode());\n` },
  { name: 'Dart expect(…, equals(…))', lang: 'dart', text: `${DART}void t(UqpayError e) {\n  expect(e.code, equals('«»'));\n}\n`, open: true },
  { name: 'Ruby expect(…).to eq', lang: 'ruby', text: `${RB}expect(error.code).to eq('«»')\n`, open: true },
  { name: 'Ruby assert_equal without parentheses', lang: 'ruby', text: `${RB}assert_equal '«»', error.code\n` },
  { name: 'Rust assert_eq!', lang: 'rust', text: `${RS}fn t(e: ApiError) {\n    assert_eq!(e.code, "«»");\n}\n`, open: true },
  { name: 'C# Assert.Equal', lang: 'csharp', text: `${CS}Assert.Equal("«»", e.Code);\n` },
  { name: 'Swift XCTAssertEqual', lang: 'swift', text: `${SWIFT}XCTAssertEqual(error.code, "«»")\n`, open: true },
  // items and keys among codes, and lists named like codes
  { name: 'TypeScript array of codes', lang: 'typescript', text: `${TS}const RETRYABLE = ['refund_processing', '«»'];\n`, open: true },
  { name: 'Python set of codes', lang: 'python', text: `${PY}RETRYABLE = {"refund_processing", "«»"}\n`, open: true },
  { name: 'PHP map keyed by codes', lang: 'php', text: `${PHP}$advice = [\n    'refund_processing' => 'wait for the first refund',\n    '«»' => 'lower the amount',\n];\n`, open: true },
  { name: 'Go slice named like codes, first item', lang: 'go', text: `${GO}var fatalCodes = []string{"«»"}\n`, open: true },
  // assignments to an error's code
  { name: 'TypeScript err.code = …', lang: 'typescript', text: `${TS}err.code = '«»';\n`, open: true },
  { name: 'Python body["code"] = …', lang: 'python', text: `${PY}body["code"] = "«»"\n`, open: true },
  // object-literal `code:` values, narrowed by the sibling type
  { name: 'TypeScript object literal', lang: 'typescript', text: `${TS}const body = {\n  type: 'customer_error',\n  code: '«»',\n};\n`, customer: true, open: true },
  { name: 'JavaScript object literal, code before type', lang: 'javascript', text: `${JS}const body = {\n  code: '«»',\n  type: 'customer_error',\n};\n`, customer: true, open: true },
  { name: 'Python dict', lang: 'python', text: `${PY}body = {\n    "type": "customer_error",\n    "code": "«»",\n}\n`, customer: true, open: true },
  { name: 'Python keyword arguments', lang: 'python', text: `${PY}err = make_error(\n    type="customer_error",\n    code="«»",\n)\n`, customer: true, open: true },
  { name: 'Go map literal', lang: 'go', text: `${GO}var body = map[string]string{\n\t"type": "customer_error",\n\t"code": "«»",\n}\n`, customer: true, open: true },
  { name: 'Go struct literal', lang: 'go', text: `${GO}var apiErr = &common.APIError{\n\tType: "customer_error",\n\tCode: "«»",\n}\n`, customer: true, open: true },
  { name: 'Kotlin named arguments', lang: 'kotlin', text: `${KT}val body = ErrorBody(\n    type = "customer_error",\n    code = "«»",\n)\n`, customer: true, open: true },
  { name: 'PHP array', lang: 'php', text: `${PHP}$body = [\n    'type' => 'customer_error',\n    'code' => '«»',\n];\n`, customer: true, open: true },
  { name: 'Dart map literal', lang: 'dart', text: `${DART}final body = {\n  'type': 'customer_error',\n  'code': '«»',\n};\n`, customer: true, open: true },
  { name: 'Ruby hash', lang: 'ruby', text: `${RB}body = {\n  type: 'customer_error',\n  code: '«»',\n}\n`, customer: true, open: true },
  { name: 'Rust json! object', lang: 'rust', text: `${RS}let body = json!({\n    "type": "customer_error",\n    "code": "«»",\n});\n`, customer: true, open: true },
  { name: 'C# anonymous object', lang: 'csharp', text: `${CS}var body = new {\n    type = "customer_error",\n    code = "«»",\n};\n`, customer: true, open: true },
  { name: 'Swift dictionary', lang: 'swift', text: `${SWIFT}let body = [\n    "type": "customer_error",\n    "code": "«»",\n]\n`, customer: true, open: true },
  // a type compared before the code
  { name: 'TypeScript: the type compared first in the condition', lang: 'typescript', text: `${TS}if (err.type === 'customer_error' && err.code === '«»') {}\n`, customer: true, open: true },
  { name: 'Python: the type asserted on the line above', lang: 'python', text: `${PY}def test_customer(err):\n    assert err.type == "customer_error"\n    assert err.code == "«»"\n`, customer: true, open: true },
  // JSON inside string literals
  { name: 'TypeScript template literal', lang: 'typescript', text: `${TS}const raw = \`{\n  "type": "customer_error",\n  "code": "«»"\n}\`;\n`, customer: true, open: true },
  { name: 'Python triple-quoted string', lang: 'python', text: `${PY}raw = """{\n  "type": "customer_error",\n  "code": "«»"\n}"""\n`, customer: true, open: true },
  { name: 'Go raw string', lang: 'go', text: `${GO}const raw = \`{\n\t"type": "customer_error",\n\t"code": "«»"\n}\`\n`, customer: true, open: true },
  { name: 'Java text block', lang: 'java', text: `${JAVA}class T { String raw = """\n    {"type": "customer_error",\n     "code": "«»"}\n    """; }\n`, customer: true, open: true },
  { name: 'Java escaped string', lang: 'java', text: `${JAVA}class T { String raw = "{\\"type\\":\\"customer_error\\",\\"code\\":\\"«»\\"}"; }\n`, customer: true },
  { name: 'Kotlin raw string', lang: 'kotlin', text: `${KT}val raw = """\n    {"type": "customer_error",\n     "code": "«»"}\n"""\n`, customer: true, open: true },
  { name: 'PHP heredoc', lang: 'php', text: `${PHP}$raw = <<<JSON\n{"type": "customer_error",\n "code": "«»"}\nJSON;\n`, customer: true, open: true },
  { name: 'Dart raw triple-quoted string', lang: 'dart', text: `${DART}final raw = r'''\n{"type": "customer_error",\n "code": "«»"}\n''';\n`, customer: true, open: true },
  { name: 'Ruby heredoc', lang: 'ruby', text: `${RB}raw = <<~JSON\n  {"type": "customer_error",\n   "code": "«»"}\nJSON\n`, customer: true, open: true },
  { name: 'Rust raw string', lang: 'rust', text: `${RS}let raw = r#"{"type": "customer_error",\n  "code": "«»"\n}"#;\n`, customer: true, open: true },
  { name: 'C# raw string', lang: 'csharp', text: `${CS}var raw = """\n    {"type": "customer_error",\n     "code": "«»"}\n    """;\n`, customer: true, open: true },
  { name: 'C# verbatim string (doubled quotes)', lang: 'csharp', text: `${CS}var raw = @"{""type"": ""customer_error"", ""code"": ""«»""}";\n`, customer: true },
  { name: 'Swift multi-line string', lang: 'swift', text: `${SWIFT}let raw = """\n    {"type": "customer_error",\n     "code": "«»"}\n    """\n`, customer: true, open: true },
  // item 2: bodies that are not key: value lists
  { name: 'Java Map.of pairs', lang: 'java', text: `${JAVA}class T { Map<String, String> body = Map.of(\n    "type", "customer_error",\n    "code", "«»",\n    "message", "x"); }\n`, customer: true, open: true },
  { name: 'Kotlin mapOf with to', lang: 'kotlin', text: `${KT}val body = mapOf(\n    "type" to "customer_error",\n    "code" to "«»",\n)\n`, customer: true, open: true },
  { name: 'Java builder chain', lang: 'java', text: `${JAVA}class T { ErrorBody body = ErrorBody.builder()\n    .type("customer_error")\n    .code("«»")\n    .build(); }\n`, customer: true, open: true },
  { name: 'Java setter chain', lang: 'java', text: `${JAVA}class T { ErrorBody body = new ErrorBody().setType("customer_error")\n    .setCode("«»"); }\n`, customer: true, open: true },
  { name: 'Java put("code", …) after put("type", …)', lang: 'java', text: `${JAVA}class T { void f(Map<String, String> body) {\n  body.put("type", "customer_error");\n  body.put("code", "«»");\n} }\n`, customer: true, open: true },
  { name: 'Java new UqpayApiException(code, message, status)', lang: 'java', text: `${JAVA}class T { void f() throws Exception {\n  throw new UqpayApiException("«»", "Refund amount exceeded original transaction amount", 400);\n} }\n` },
  { name: 'Kotlin UqpayApiException(code, message, status)', lang: 'kotlin', text: `${KT}fun f(): Nothing = throw UqpayApiException("«»", "x", 400)\n` },
];

const EXT: Record<string, string> = {
  typescript: 'ts', javascript: 'js', python: 'py', go: 'go', java: 'java', kotlin: 'kt', php: 'php', dart: 'dart', ruby: 'rb', rust: 'rs', csharp: 'cs', swift: 'swift',
};

describe('completion wherever the hover answers, over stdio (issue 13 items 5 and 2)', function () {
  this.timeout(120_000);
  let s: TestServer;
  let workspace: string;
  let n = 0;

  /** Open `text` with one `‸` cursor (removed); the uri and the cursor's position. */
  async function open(lang: string, marked: string): Promise<{ uri: string; text: string; position: { line: number; character: number } }> {
    const at = marked.indexOf('‸');
    const text = marked.slice(0, at) + marked.slice(at + 1);
    const before = text.slice(0, at).split('\n');
    const uri = pathToFileURL(join(workspace, `doc${n++}.${EXT[lang]}`)).toString();
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: lang, version: 1, text } });
    return { uri, text, position: { line: before.length - 1, character: before[before.length - 1].length } };
  }
  async function hover(lang: string, marked: string): Promise<string | null> {
    const d = await open(lang, marked);
    const h = (await within(s.conn.sendRequest('textDocument/hover', { textDocument: { uri: d.uri }, position: d.position }), 15_000, 'hover')) as Hover | null;
    return h ? (h.contents as MarkupContent).value : null;
  }
  async function complete(lang: string, marked: string): Promise<CompletionList | null> {
    const d = await open(lang, marked);
    return (await within(s.conn.sendRequest('textDocument/completion', { textDocument: { uri: d.uri }, position: d.position }), 15_000, 'completion')) as CompletionList | null;
  }
  async function diagnostics(lang: string, text: string): Promise<string[]> {
    const d = await open(lang, `‸${text}`);
    const p = await s.diagnostics(d.uri);
    return p.diagnostics.map((x) => `${x.code}:${d.text.split('\n')[x.range.start.line].slice(x.range.start.character, x.range.end.character)}`).sort();
  }
  /** Labels of the best-ranked items. */
  function best(list: CompletionList | null): string[] {
    assert.ok(list && list.items.length, 'no completion');
    const top = list.items.map((i) => i.sortText!.split('_')[0]).sort()[0];
    return list.items.filter((i) => i.sortText!.startsWith(`${top}_`)).map((i) => i.label).sort();
  }
  /** The row's text open at the end of the code's line: the closing quote and the rest of the line gone. */
  function leftOpen(text: string, typed: string): string {
    const at = text.indexOf('«»');
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    return `${text.slice(0, at)}${typed}‸${text.slice(eol)}`;
  }

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'uqpay-complete-'));
    s = startServer({ cwd: workspace });
    await initialize(s, { root: workspace });
  });
  after(() => {
    s?.kill();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  for (const row of rows) {
    const code = row.customer ? 'retrieve_customer_failed' : 'refund_amount_exceeded';
    const typed = row.customer ? 'retri' : 'refund';
    it(`${row.name}: hover names the code, completion offers ${row.customer ? 'the customer_error codes first' : 'the codes'}${row.open ? ', with the literal open too' : ''}`, async () => {
      const md = await hover(row.lang, row.text.replace('«»', `${code.slice(0, 4)}‸${code.slice(4)}`));
      assert.ok(md?.startsWith(`**\`${code}\`** · UQPAY error code`), `hover: ${md}`);

      const list = await complete(row.lang, row.text.replace('«»', `${typed}‸`));
      assert.ok(list, 'no completion');
      assert.ok(list.items.some((i) => i.label === code), `${code} offered`);
      const item = list.items.find((i) => i.label === code)!;
      const edit = item.textEdit as { range: { start: { character: number }; end: { character: number } }; newText: string };
      assert.equal(edit.newText, code);
      assert.equal(edit.range.end.character - edit.range.start.character, typed.length, 'replaces what was typed');
      if (row.customer) assert.deepEqual(best(list), CUSTOMER);

      if (row.open) {
        const openList = await complete(row.lang, leftOpen(row.text, typed));
        assert.ok(openList?.items.some((i) => i.label === code), `left open: ${code} offered`);
        if (row.customer) assert.deepEqual(best(openList), CUSTOMER, 'left open: narrowed by the sibling type');
      }
    });
  }

  it('TypeScript: inside `instanceof RateLimitError` the codes that come back as HTTP 429 come first', async () => {
    const list = await complete('typescript', `${TS}import { RateLimitError } from '@uqpay/sdk';\ntry { await pay(); } catch (e) {\n  if (e instanceof RateLimitError && e.code === 'vel‸') {}\n}\n`);
    const top = best(list);
    assert.ok(top.includes('velocity_limit_exceeded'), String(top));
    assert.ok(!top.some((c) => CUSTOMER.includes(c)), 'a 400 code is not a RateLimitError');
  });

  it('lists of other things get no completion: names, HTTP status codes', async () => {
    assert.equal(await complete('typescript', `${TS}const names = ['alice', 'bo‸'];\n`), null);
    assert.equal(await complete('typescript', `${TS}const statusCodes = ['4‸'];\n`), null);
    assert.equal(await complete('python', `${PY}labels = {"refund": "Refund", "pay‸": "Pay"}\n`), null);
  });

  describe('literals still being typed (item 5): the quote, the actual or the call not written yet', () => {
    /** Typed `refund` (6 characters): `refund_amount_exceeded` is offered and replaces just that. */
    const offersRefundCode = (list: CompletionList | null, label: string) => {
      const item = list?.items.find((i) => i.label === 'refund_amount_exceeded');
      assert.ok(item, `${label}: refund_amount_exceeded offered`);
      const edit = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } } };
      assert.equal(edit.range.start.line, edit.range.end.line, `${label}: one line`);
      assert.equal(edit.range.end.character - edit.range.start.character, 'refund'.length, `${label}: replaces what was typed`);
    };
    const expectedFirst: [string, string, string][] = [
      ['Java assertEquals, quote open', 'java', `${JAVA}class T { void t(UqpayApiException e) {\n  assertEquals("refund‸\n} }\n`],
      ['Java assertEquals, actual being typed', 'java', `${JAVA}class T { void t(UqpayApiException e) {\n  assertEquals("refund‸", e.\n} }\n`],
      ['Kotlin assertEquals, quote open', 'kotlin', `${KT}fun t(e: UqpayApiException) {\n    assertEquals("refund‸\n}\n`],
      ['Kotlin assertEquals, actual being typed', 'kotlin', `${KT}fun t(e: UqpayApiException) {\n    assertEquals("refund‸", e.\n}\n`],
      ['Rust assert_eq!, quote open', 'rust', `${RS}fn t(e: ApiError) {\n    assert_eq!("refund‸\n}\n`],
      ['Rust assert_eq!, actual being typed', 'rust', `${RS}fn t(e: ApiError) {\n    assert_eq!("refund‸", e.\n}\n`],
      ['Swift XCTAssertEqual, quote open', 'swift', `${SWIFT}XCTAssertEqual("refund‸\n`],
      ['Go require.Equal after t, quote open', 'go', `${GO}func TestRefund(t *testing.T) {\n\trequire.Equal(t, "refund‸\n}\n`],
      ['C# Assert.Equal, quote open', 'csharp', `${CS}Assert.Equal("refund‸\n`],
      ['PHP assertSame, quote open', 'php', `${PHP}$this->assertSame('refund‸\n`],
      ['Python assertEqual, quote open', 'python', `${PY}class T:\n    def test_refund(self, err):\n        self.assertEqual("refund‸\n`],
      ['Rust Some("… left open in a match over a code', 'rust', `${RS}fn f(e: &ApiError) -> u8 {\n    match e.code.as_deref() {\n        Some("refund‸\n        _ => 0,\n    }\n}\n`],
      ['Rust Some("… left open after another arm pattern', 'rust', `${RS}fn f(e: &ApiError) -> u8 {\n    match e.code.as_deref() {\n        Some("refund_processing") | Some("refund‸\n        _ => 0,\n    }\n}\n`],
    ];
    for (const [name, lang, text] of expectedFirst) {
      it(`${name}: offers the codes`, async () => offersRefundCode(await complete(lang, text), name));
    }

    it('the expected value typed first is ranked as usual: a type asserted just above puts its codes first', async () => {
      assert.deepEqual(best(await complete('java', `${JAVA}class T { void t(UqpayApiException e) {\n  assertEquals("customer_error", e.getType());\n  assertEquals("retri‸\n} }\n`)), CUSTOMER);
      assert.deepEqual(best(await complete('kotlin', `${KT}fun t(e: UqpayApiException) {\n    assertEquals("customer_error", e.type)\n    assertEquals("retri‸", e.\n}\n`)), CUSTOMER);
    });

    const openJson: [string, string, string][] = [
      ['TypeScript single quotes', 'typescript', `${TS}const raw = '{"type": "customer_error", "code": "retri‸\n`],
      ['JavaScript backtick left open', 'javascript', `${JS}const raw = \`{"type": "customer_error", "code": "retri‸\n`],
      ['Python single quotes', 'python', `${PY}raw = '{"type": "customer_error", "code": "retri‸\n`],
      ['PHP single quotes', 'php', `${PHP}$raw = '{"type": "customer_error", "code": "retri‸\n`],
      ['Ruby single quotes', 'ruby', `${RB}raw = '{"type": "customer_error", "code": "retri‸\n`],
      ['Java escaped quotes', 'java', `${JAVA}class T { String raw = "{\\"type\\":\\"customer_error\\",\\"code\\":\\"retri‸\n}\n`],
      ['Kotlin escaped quotes', 'kotlin', `${KT}val raw = "{\\"type\\":\\"customer_error\\",\\"code\\":\\"retri‸\n`],
      ['Go escaped quotes', 'go', `${GO}func f() {\n\traw := "{\\"type\\":\\"customer_error\\",\\"code\\":\\"retri‸\n}\n`],
      ['Go backtick left open', 'go', `${GO}func f() {\n\traw := \`{"type": "customer_error", "code": "retri‸\n}\n`],
      ['C# escaped quotes', 'csharp', `${CS}var raw = "{\\"type\\":\\"customer_error\\",\\"code\\":\\"retri‸\n`],
    ];
    for (const [name, lang, text] of openJson) {
      it(`JSON in a string left open, ${name}: the customer_error codes only`, async () => {
        const list = await complete(lang, text);
        assert.deepEqual(list?.items.map((i) => i.label).sort(), CUSTOMER);
        const edit = list.items[0].textEdit as { range: { start: { character: number }; end: { character: number } } };
        assert.equal(edit.range.end.character - edit.range.start.character, 'retri'.length, 'replaces what was typed');
      });
    }

    it('JSON in a string left open without a type: every code, where UQPAY is in play', async () => {
      const list = await complete('typescript', `${TS}const raw = '{"code": "refund‸\n`);
      offersRefundCode(list, 'no type');
      assert.ok(list!.items.some((i) => i.label === 'retrieve_customer_failed'), 'not narrowed');
    });

    it('stays silent: the same text without UQPAY, calls that are no assertion, keys that are no code', async () => {
      assert.equal(await complete('java', 'class T { void t(Object e) {\n  assertEquals("refund‸\n} }\n'), null);
      assert.equal(await complete('rust', 'fn t(e: Thing) {\n    assert_eq!("refund‸", e.\n}\n'), null);
      assert.equal(await complete('go', 'package shop\n\nfunc TestX(t *testing.T) {\n\trequire.Equal(t, "refund‸\n}\n'), null);
      assert.equal(await complete('typescript', `const raw = '{"code": "refund‸\n`), null);
      assert.equal(await complete('java', `${JAVA}class T { void t(UqpayApiException e) {\n  System.out.println("refund‸\n} }\n`), null);
      assert.equal(await complete('java', `${JAVA}class T { void t(UqpayApiException e) {\n  assertTrue("refund‸\n} }\n`), null);
      assert.equal(await complete('typescript', `${TS}expect('refund‸\n`), null, 'expect takes the actual value');
      assert.equal(await complete('java', `${JAVA}class T { void t(UqpayApiException e) {\n  assertEquals(a, b, "refund‸\n} }\n`), null, 'a message after two arguments');
      assert.equal(await complete('typescript', `${TS}const raw = '{"type": "customer_error", "label": "retri‸\n`), null);
    });

    it('no diagnostics from these positions, while a finished assertion is still judged', async () => {
      assert.deepEqual(await diagnostics('java', `${JAVA}class T { void t(UqpayApiException e) {\n  assertEquals("refund_amount_exceded", e.\n} }\n`), []);
      assert.deepEqual(await diagnostics('kotlin', `${KT}fun t(e: UqpayApiException) {\n    assertEquals("refund_amount_exceded\n}\n`), []);
      assert.deepEqual(await diagnostics('typescript', `${TS}const raw = '{"type": "refund_error", "code": "invalid_request_error\n`), []);
      assert.deepEqual(await diagnostics('rust', `${RS}fn f(e: &ApiError) -> u8 {\n    match e.code.as_deref() {\n        Some("refund_amount_exceded\n        _ => 0,\n    }\n}\n`), []);
      assert.deepEqual(await diagnostics('java', `${JAVA}class T { void t(UqpayApiException e) {\n  assertEquals("refund_amount_exceded", e.getCode());\n} }\n`),
        ['unknown-error-code:"refund_amount_exceded"']);
    });
  });

  describe('error bodies as pairs, chains and SDK constructors (item 2)', () => {
    it('hover on the code of a Map.of / mapOf / builder body is narrowed by its sibling type', async () => {
      const payout = (md: string | null) => {
        assert.ok(md, 'no hover');
        assert.ok(md.includes('Update Bank Account'), md);
        assert.ok(!md.includes('General errors'), 'the payout row, not the general one');
      };
      payout(await hover('java', `${JAVA}class T { Object b = Map.of("type", "payout_error", "code", "invalid_p‸arameter", "message", "Invalid request parameters: amount"); }\n`));
      payout(await hover('kotlin', `${KT}val b = mapOf("type" to "payout_error", "code" to "invalid_p‸arameter")\n`));
      payout(await hover('java', `${JAVA}class T { Object b = ErrorBody.builder().type("payout_error").code("invalid_p‸arameter").build(); }\n`));
    });

    it('Java Map.of: type-used-as-code and code-type-mismatch, as in a JSON body', async () => {
      assert.deepEqual(await diagnostics('java', `${JAVA}class T {\n  Object a = Map.of("type", "refund_error", "code", "payment_link_expired", "message", "expired");\n  Object b = Map.of("type", "refund_error", "code", "invalid_request_error", "message", "bad");\n  Object ok = Map.of("type", "customer_error", "code", "retrieve_customer_failed", "message", "Retrieve customer failed");\n}\n`),
        ['code-type-mismatch:"refund_error"', 'type-used-as-code:"invalid_request_error"']);
    });

    it('Kotlin mapOf with `to`: the same', async () => {
      assert.deepEqual(await diagnostics('kotlin', `${KT}val a = mapOf("type" to "refund_error", "code" to "payment_link_expired", "message" to "expired")\nval b = mapOf("type" to "refund_error", "code" to "invalid_request_error")\n`),
        ['code-type-mismatch:"refund_error"', 'type-used-as-code:"invalid_request_error"']);
    });

    it('builder and setter chains: the same; OkHttp\'s `.code(400).message(…)` is an HTTP status, not a body', async () => {
      assert.deepEqual(await diagnostics('java', `${JAVA}class T {\n  Object a = ErrorBody.builder().type("refund_error").code("payment_link_expired").message("expired").build();\n  Object b = new ErrorBody().setType("refund_error").setCode("invalid_request_error");\n  Object r = new Response.Builder().code(400).message("Bad Request").build();\n}\n`),
        ['code-type-mismatch:"refund_error"', 'type-used-as-code:"invalid_request_error"']);
    });

    it('new UqpayApiException(code, message, status): a type in the code argument is reported; a null code is no body', async () => {
      assert.deepEqual(await diagnostics('java', `${JAVA}class T { void f(int k) throws Exception {\n  if (k == 1) throw new UqpayApiException("invalid_request_error", "bad", 400);\n  if (k == 2) throw new UqpayApiException("retrieve_customer_failed", "Retrieve customer failed", 400);\n  throw new UqpayApiException(null, "Request failed", 401);\n} }\n`),
        ['type-used-as-code:"invalid_request_error"']);
      assert.deepEqual(await diagnostics('kotlin', `${KT}fun f(): Nothing = throw UqpayApiException("invalid_request_error", "bad", 400)\n`), ['type-used-as-code:"invalid_request_error"']);
    });

    it('C# verbatim JSON: the doubled quotes are read as one, and the body judged', async () => {
      assert.deepEqual(await diagnostics('csharp', `${CS}var a = @"{""type"": ""refund_error"", ""code"": ""payment_link_expired"", ""message"": ""expired""}";\n`),
        ['code-type-mismatch:""refund_error""']);
    });

    it('only where UQPAY is in play: the same shapes in a file that never names it get nothing', async () => {
      assert.deepEqual(await diagnostics('java', 'class T {\n  Object a = Map.of("type", "refund_error", "code", "invalid_request_error", "message", "bad");\n  Object b = ErrorBody.builder().type("refund_error").code("invalid_request_error").build();\n}\n'), []);
      assert.deepEqual(await diagnostics('kotlin', 'val a = mapOf("type" to "refund_error", "code" to "invalid_request_error")\n'), []);
    });
  });
});
