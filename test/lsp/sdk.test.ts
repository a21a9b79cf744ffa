/**
 * Issue 13 over the real protocol (dist/server.js over stdio): hover on the SDKs' error classes,
 * predicates and code constants; completion inside an SDK class's branch; assertions as error-code
 * contexts; Dart; UQPAY in play per file and per project; Stripe-only and non-payment files get
 * nothing; unknown-error-code as a typo detector. The fixtures (test/fixtures/sdk/) are our own
 * code shaped like the SDKs' users; expectations come from the SDK facts and the catalog.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { initialize, positionAfter, startServer, within, type TestServer } from '../support/lspClient';

const FIXTURES = join(__dirname, '..', 'fixtures', 'sdk');
const LANG: Record<string, string> = { ts: 'typescript', py: 'python', go: 'go', java: 'java', kt: 'kotlin', dart: 'dart' };

describe('SDK-level integration code over stdio (issue 13)', function () {
  this.timeout(60_000);
  let s: TestServer;
  let workspace: string;
  const texts = new Map<string, string>();

  /** Open a fixture (once) and return its uri. */
  async function open(name: string, text = readFileSync(join(FIXTURES, name), 'utf8'), dir = 'app'): Promise<string> {
    const uri = pathToFileURL(join(workspace, dir, name)).toString();
    if (texts.get(uri) === text) return uri;
    texts.set(uri, text);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: LANG[name.replace(/.*\./, '')], version: 1, text } });
    return uri;
  }
  /** The position `k` characters into the first occurrence of `needle`. */
  const at = (uri: string, needle: string, k = 1) => positionAfter(texts.get(uri)!, needle, k);
  async function hover(uri: string, needle: string, k = 1): Promise<string | null> {
    const h = (await within(s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(uri, needle, k) }), 15_000, 'hover')) as Hover | null;
    return h ? (h.contents as MarkupContent).value : null;
  }
  async function complete(uri: string, needle: string, k: number): Promise<CompletionList | null> {
    return (await within(s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(uri, needle, k) }), 15_000, 'completion')) as CompletionList | null;
  }
  async function diagnostics(uri: string): Promise<string[]> {
    const p = await s.diagnostics(uri);
    return p.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}:${texts.get(uri)!.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`);
  }
  /** Labels of the best-ranked completion items. */
  function best(list: CompletionList | null): string[] {
    assert.ok(list && list.items.length, 'no completion');
    const top = list.items.map((i) => i.sortText!.split('_')[0]).sort()[0];
    return list.items.filter((i) => i.sortText!.startsWith(`${top}_`)).map((i) => i.label);
  }

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'uqpay-sdk-'));
    // a Go module that depends on the SDK: its files count as UQPAY code without importing it
    writeFileSync(join(workspace, 'go.mod'), 'module example.com/shop\n\ngo 1.22\n\nrequire github.com/uqpay/uqpay-sdk-go/v2 v2.0.0\n');
    s = startServer({ cwd: workspace });
    await initialize(s, { root: workspace });
  });
  after(() => {
    s?.kill();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  describe('hover on the SDK error surface', () => {
    it('Node: RateLimitError is HTTP 429, reached by velocity_limit_exceeded, and retried by the SDK', async () => {
      const uri = await open('payments.ts');
      const md = (await hover(uri, 'instanceof RateLimitError', 14))!;
      assert.match(md, /^\*\*`RateLimitError`\*\* · UQPAY Node SDK/);
      assert.match(md, /HTTP status:\*\* 429/);
      assert.ok(md.includes('[`velocity_limit_exceeded`](command:uqpayErrors.openCatalog?'), md);
      assert.match(md, /retries it by itself/);
    });

    it('Node: NotFoundError gets no Global Acquiring code (not_found comes with HTTP 400, a ValidationError there)', async () => {
      const uri = await open('payments.ts');
      const md = (await hover(uri, 'instanceof NotFoundError', 14))!;
      assert.match(md, /HTTP status:\*\* 404/);
      assert.match(md, /Catalog codes \(0\)/);
      assert.match(md, /ValidationError/);
    });

    it('Node: ValidationError in the import list names the 400 codes, envelope B\'s 200 among them', async () => {
      const uri = await open('payments.ts');
      const md = (await hover(uri, 'ValidationError }', 3))!;
      assert.match(md, /UQPAY Node SDK/);
      assert.ok(md.includes('`capture_amount_invalid`'), md);
      assert.ok(!md.includes('`velocity_limit_exceeded`') || /depending on the type/.test(md));
    });

    it('Node: AuthenticationError names the code the SDK makes up for a 401 {error} body (sdkSynth)', async () => {
      const uri = await open('payments.ts', "import { AuthenticationError } from '@uqpay/sdk';\nif (e instanceof AuthenticationError && e.code === 'authentication_error') {}\n", 'made');
      const md = (await hover(uri, 'instanceof AuthenticationError', 14))!;
      assert.ok(md.includes('`unauthorized_error`') && md.includes('`authentication_error` (code)'), md);
      const value = (await hover(uri, "'authentication_error", 3))!;
      assert.match(value, /made up by the SDK, not sent by the gateway/);
      assert.match(value, /Node, Python/);
    });

    it('Python: NotFoundError takes not_found bodies at any status, so the payment codes can reach it', async () => {
      const uri = await open('refunds.py');
      const md = (await hover(uri, 'except NotFoundError', 10))!;
      assert.match(md, /UQPAY Python SDK/);
      assert.ok(md.includes('`not_found`') && md.includes('`not_found_id`'), md);
    });

    it('Go: APIError, IsNotFound() (404 or type not_found) and the errors.As advice', async () => {
      const uri = await open('payout.go');
      const cls = (await hover(uri, 'common.APIError', 9))!;
      assert.match(cls, /UQPAY Go SDK/);
      assert.match(cls, /errors\.As/);
      const pred = (await hover(uri, 'IsNotFound()', 3))!;
      assert.match(pred, /error predicate/);
      assert.ok(pred.includes('`not_found_id`'), pred);
    });

    it('Java: UqpayApiException drops the body type; isNotFound() is 404 only and gets no catalog code', async () => {
      const uri = await open('Refunds.java');
      assert.match((await hover(uri, 'catch (UqpayApiException', 10))!, /type` is dropped/);
      const pred = (await hover(uri, 'isNotFound', 3))!;
      assert.match(pred, /404 only/);
      assert.match(pred, /Catalog codes \(0\)/);
    });

    it('Android (Kotlin): UQPayErrorCode.INTENT_NOT_PAYABLE names the gateway codes ErrorMapper maps to it', async () => {
      const uri = await open('Checkout.kt');
      const md = (await hover(uri, 'INTENT_NOT_PAYABLE', 3))!;
      assert.match(md, /Value:\*\* `intent_not_payable`/);
      for (const code of ['expired_order', 'order_cancelled', 'invalid_order_status', 'repeat_payment_request']) assert.ok(md.includes(`\`${code}\``), code);
    });

    it('Android (Kotlin): ErrorMapper names the gateway codes its table maps, before the HTTP status', async () => {
      const uri = await open('Checkout.kt');
      const md = (await hover(uri, 'ErrorMapper.map', 3))!;
      assert.match(md, /gateway `code` table first/);
      for (const code of ['unauthorized_error', 'api_error', 'not_found_id', '3ds_required']) assert.ok(md.includes(`\`${code}\``), code);
    });

    it('Flutter (Dart): UqpayErrorCode.rateLimited and the UqpayError result type', async () => {
      const uri = await open('checkout.dart');
      const code = (await hover(uri, 'rateLimited', 3))!;
      assert.match(code, /Value:\*\* `rate_limited`/);
      assert.ok(code.includes('`velocity_limit_exceeded`'), code);
      assert.match((await hover(uri, 'UqpayError error', 3))!, /returned, never thrown/);
    });

    it('in Chinese when the docs language is zh-CN', async () => {
      const prev = s.configuration;
      s.configuration = () => ({ docsLanguage: 'zh-CN' });
      try {
        await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: { uqpayErrors: { docsLanguage: 'zh-CN' } } });
        const uri = await open('payments.ts');
        const md = (await hover(uri, 'instanceof RateLimitError', 14))!;
        assert.match(md, /错误类/);
        assert.match(md, /SDK 会自动重试/);
      } finally {
        s.configuration = prev;
        await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: { uqpayErrors: {} } });
      }
    });

    it('a project whose go.mod requires the SDK: APIError hovers in a file that does not import it', async () => {
      const uri = await open('errors_local.go', 'package shop\n\nfunc handle(apiErr *APIError) bool {\n\treturn apiErr.IsNotFound()\n}\n');
      assert.match((await hover(uri, '*APIError', 2))!, /UQPAY Go SDK/);
    });

    it('another project\'s NotFoundError stays silent', async () => {
      const uri = await open('other.ts', "import { NotFoundError } from './errors';\nif (e instanceof NotFoundError) {}\n");
      assert.equal(await hover(uri, 'instanceof NotFoundError', 14), null);
    });
  });

  describe('completion inside an SDK class branch', () => {
    it('Python `except NotFoundError`: the codes that can reach NotFoundError come first', async () => {
      const uri = await open('refunds.py');
      const list = await complete(uri, 'e.code == ""', 11);
      const rank = (label: string) => Number(list!.items.find((i) => i.label === label)!.sortText!.split('_')[0]);
      // not_found bodies (the payment section lists that type) become a NotFoundError at any status
      for (const code of best(list)) assert.ok(rank(code) < rank('account_not_found'), code);
      assert.ok(rank('not_found_id') < rank('account_not_found') && rank('not_found_id') < rank('refund_amount_exceeded'));
      // account_error and refund_error codes come as a ValidationError, not a NotFoundError
      assert.ok(rank('refund_amount_exceeded') >= 5 && rank('account_not_found') >= 5);
    });
  });

  describe('types as types, assertions as error-code contexts', () => {
    it('expect(err.type).toBe(\'api_error\') hovers as the type; expect(err.code).toBe(…) as the code', async () => {
      const uri = await open('payments.ts');
      assert.match((await hover(uri, "toBe('api_error", 7))!, /· UQPAY error type/);
      assert.match((await hover(uri, "toBe('capture_amount_invalid", 7))!, /· UQPAY error code/);
    });

    it('misspelt codes in assertions are reported in TS, Python, Go and Java', async () => {
      assert.deepEqual(await diagnostics(await open('payments.ts')), ["28:unknown-error-code:'capture_amount_invlid'"]);
      assert.deepEqual(await diagnostics(await open('refunds.py')), ['20:unknown-error-code:"refund_amount_exceded"']);
      assert.deepEqual(await diagnostics(await open('payout.go')), ['28:unknown-error-code:"velocity_limit_exceded"']);
      assert.deepEqual(await diagnostics(await open('Refunds.java')), ['21:unknown-error-code:"refund_procesing"']);
    });

    it('Python: `assert err.type == "not_found"` hovers as the type', async () => {
      const uri = await open('refunds.py');
      assert.match((await hover(uri, 'err.type == "not_found', 15))!, /`not_found`\*\* · UQPAY error type/);
    });
  });

  describe('Dart', () => {
    it('reads case labels, Dart 3 switch-expression arms, raw and triple-quoted strings', async () => {
      const uri = await open('checkout.dart');
      assert.match((await hover(uri, "'invalid_payment_method", 3))!, /`invalid_payment_method`\*\* · UQPAY error code/);
      assert.match((await hover(uri, "'expired_order'", 3))!, /Expired payment intent/);
      assert.deepEqual(await diagnostics(uri), ["13:unknown-error-code:'invalid_order_amont'"]);
      const list = await complete(uri, "'expired_order'", 1);
      assert.ok(list?.items.some((i) => i.label === 'expired_order'));
    });
  });

  describe('precision', () => {
    it('a Stripe-only file gets no hover, completion or diagnostic', async () => {
      const uri = await open('stripe_charge.ts');
      for (const needle of ["'api_error", "'invalid_request_error", "'idempotency_error", "'card_declined"]) assert.equal(await hover(uri, needle, 3), null, needle);
      assert.equal(await complete(uri, "'resource_missing", 2), null);
      assert.deepEqual(await diagnostics(uri), []);
    });

    it('a non-payment file whose strings spell two-word catalog codes gets nothing', async () => {
      const uri = await open('logger.ts');
      for (const needle of ["'internal_error'", "'invalid_parameter", "'api_error'"]) assert.equal(await hover(uri, needle, 3), null, needle);
      assert.deepEqual(await diagnostics(uri), []);
    });

    it('a non-payment file whose provider shares the error types (an LLM client) gets no type hover or completion; the same code importing the SDK gets type hovers', async () => {
      const text = readFileSync(join(FIXTURES, 'llm_client.ts'), 'utf8');
      const uri = await open('llm_client.ts', text);
      for (const [needle, k] of [["=== 'invalid_request_error", 6], ["=== 'api_error", 6], ["type: 'invalid_request_error", 8], ['"type": "api_error', 10]] as const) {
        assert.equal(await hover(uri, needle, k), null, needle);
      }
      assert.equal(await complete(uri, "=== 'invalid_request_error", 5), null);
      assert.deepEqual(await diagnostics(uri), []);
      const uqpay = await open('llm_client_uqpay.ts', text.replace("import OpenAI from 'openai';", "import { UQPayError } from '@uqpay/sdk';"));
      for (const [needle, k] of [["=== 'invalid_request_error", 6], ["type: 'invalid_request_error", 8], ['"type": "api_error', 10]] as const) {
        assert.match((await hover(uqpay, needle, k)) ?? '', /^\*\*`(?:invalid_request_error|api_error)`\*\* · UQPAY error type/, needle);
      }
    });

    it("a class the file imports from another library is that library's, not the SDK's, even beside the SDK; an SDK class imported under another name is the SDK's", async () => {
      const py = await open('forms.py', [
        'from django.core.exceptions import ValidationError',
        'from uqpay import (',
        '    UQPayClient,',
        '    RateLimitError,',
        '    ValidationError as UqpayValidationError,',
        ')',
        '',
        'def save(form):',
        '    try:',
        '        form.full_clean()',
        '    except ValidationError:',
        '        return None',
        '    except RateLimitError:',
        '        return "later"',
        '    except UqpayValidationError:',
        '        return "fix the request"',
        '',
      ].join('\n'));
      assert.equal(await hover(py, 'except ValidationError', 9), null);
      assert.match((await hover(py, 'except RateLimitError', 9)) ?? '', /^\*\*`RateLimitError`\*\* · UQPAY Python SDK/);
      // the SDK's class under the name the file gives it
      assert.match((await hover(py, 'except UqpayValidationError', 9)) ?? '', /^\*\*`ValidationError`\*\* · UQPAY Python SDK/);
      const ts = await open('dto.ts', [
        "import { ValidationError } from 'class-validator';",
        "import { NotFoundError } from './errors';",
        "import { RateLimitError } from '@uqpay/sdk';",
        '',
        'export function kind(e: unknown): string {',
        "  if (e instanceof ValidationError) return 'input';",
        "  if (e instanceof NotFoundError) return 'ours';",
        "  return e instanceof RateLimitError ? 'later' : 'other';",
        '}',
        '',
      ].join('\n'));
      assert.equal(await hover(ts, 'instanceof ValidationError', 13), null);
      assert.equal(await hover(ts, 'instanceof NotFoundError', 13), null);
      assert.match((await hover(ts, 'instanceof RateLimitError', 13)) ?? '', /^\*\*`RateLimitError`\*\* · UQPAY Node SDK/);
    });

    it('a misspelt catalog code compared with .code is reported in a file with no other UQPAY sign; other APIs\' codes are not', async () => {
      const uri = await open('typo.ts', "if (e.code === 'refund_amount_exceded') {}\nif (e.code === 'card_not_found') {}\nif (e.code === 'virtual_account_application_not_found') {}\n");
      assert.deepEqual(await diagnostics(uri), ["1:unknown-error-code:'refund_amount_exceded'"]);
    });
  });
});
