/**
 * Issue 13 item 2 over the real protocol (dist/server.js over stdio): error bodies written in code
 * (object literals, dicts, keyword and named arguments, Go maps and structs, PHP arrays, Ruby
 * hashes, JSON inside string literals) get what a `.json` body gets: hover narrowed by the sibling
 * `type`, completion, `type-used-as-code`, `code-type-mismatch`, envelope B. The fixtures
 * (test/fixtures/bodies/) are our own tests shaped like the SDKs' users'; expectations come from
 * the catalog page (seed): `payment_link_expired` is a payment-group code (payment_error,
 * invalid_request_error, product_error, not_found), `invalid_parameter` with `payout_error` is the
 * payout row (Update Bank Account), the customer group has three codes, and envelope B's code 200
 * comes with "Request is processing, please try again later.".
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { initialize, positionAfter, startServer, within, type TestServer } from '../support/lspClient';

const FIXTURES = join(__dirname, '..', 'fixtures', 'bodies');
const LANG: Record<string, string> = { ts: 'typescript', py: 'python', go: 'go', java: 'java', kt: 'kotlin', php: 'php', rb: 'ruby' };

describe('error bodies written in code, over stdio (issue 13 item 2)', function () {
  this.timeout(60_000);
  let s: TestServer;
  let workspace: string;
  const texts = new Map<string, string>();

  async function open(name: string): Promise<string> {
    const uri = pathToFileURL(join(workspace, name)).toString();
    if (texts.has(uri)) return uri;
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    texts.set(uri, text);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: LANG[name.replace(/.*\./, '')], version: 1, text } });
    return uri;
  }
  const at = (uri: string, needle: string, k: number) => positionAfter(texts.get(uri)!, needle, k);
  async function hover(uri: string, needle: string, k = 2): Promise<string | null> {
    const h = (await within(s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(uri, needle, k) }), 15_000, 'hover')) as Hover | null;
    return h ? (h.contents as MarkupContent).value : null;
  }
  /** Diagnostics as `line:code:text under the range`. */
  async function diagnostics(uri: string): Promise<string[]> {
    const lines = texts.get(uri)!.split('\n');
    const p = await s.diagnostics(uri);
    return p.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}:${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`).sort();
  }
  /** The 1-based line of the first occurrence of `needle`. */
  function lineOf(uri: string, needle: string): number {
    return at(uri, needle, 0).line + 1;
  }
  /** The payout row of invalid_parameter, not the general one. */
  function assertPayoutRow(md: string | null): void {
    assert.ok(md, 'no hover');
    assert.match(md, /invalid_parameter/);
    assert.ok(md.includes('Update Bank Account'), md);
    assert.ok(!md.includes('General errors'), 'narrowed by the sibling type');
  }

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'uqpay-bodies-'));
    s = startServer({ cwd: workspace });
    await initialize(s, { root: workspace });
  });
  after(() => {
    s?.kill();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('TypeScript: object literals and JSON in a template literal', async () => {
    const uri = await open('payouts.test.ts');
    assertPayoutRow(await hover(uri, "'invalid_parameter'"));
    const pending = await hover(uri, 'code: 200', 7);
    assert.ok(pending?.includes('Request is processing, please try again later.'), String(pending));
    // the SDK facts: the Node and Python SDKs make this value up, the gateway never sends it
    assert.match((await hover(uri, "'rate_limit_error'"))!, /made up by the SDK/);
    const raw = await hover(uri, '"retrieve_customer_failed"');
    assert.ok(raw?.includes('Get a customer'), String(raw));
    assert.deepEqual(await diagnostics(uri), [
      `${lineOf(uri, 'const swapped')}:type-used-as-code:'invalid_request_error'`,
      `${lineOf(uri, 'const crossed')}:code-type-mismatch:'refund_error'`,
      `${lineOf(uri, 'const pending')}:envelope-b-pending:200`,
    ].sort());
  });

  it('TypeScript: SDK-test shapes stay silent (a legacy body beside its 400, a type repeated as the code, the SDK\'s stringified \'200\')', async () => {
    const uri = await open('payouts.test.ts');
    const quirkLines = [lineOf(uri, 'const quirk'), lineOf(uri, 'const repeated'), lineOf(uri, 'const stringified')];
    const found = (await diagnostics(uri)).filter((d) => quirkLines.includes(Number(d.split(':')[0])));
    assert.deepEqual(found, []);
    // still hovers: the legacy code as envelope B
    assert.ok((await hover(uri, '{ code: 200, message', 9))?.includes('Request is processing, please try again later.'));
  });

  it('TypeScript: completion in a `code` value offers the codes of the sibling type', async () => {
    const uri = await open('payouts.test.ts');
    const list = (await within(s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(uri, "code: '' }", 7) }), 15_000, 'completion')) as CompletionList | null;
    assert.ok(list, 'no completion');
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['create_customer_failed', 'retrieve_customer_failed', 'update_customer_failed']);
  });

  it('Python: dicts, keyword arguments and JSON in a triple-quoted string', async () => {
    const uri = await open('test_refunds.py');
    assertPayoutRow(await hover(uri, '"invalid_parameter"'));
    assert.deepEqual(await diagnostics(uri), [
      `${lineOf(uri, 'json={')}:code-type-mismatch:"refund_error"`,
      `${lineOf(uri, 'err = APIError')}:type-used-as-code:"invalid_request_error"`,
      `${lineOf(uri, 'pending = ')}:envelope-b-pending:200`,
    ].sort());
  });

  it('Go: map and struct literals, and JSON in a back-quoted string', async () => {
    const uri = await open('payout_test.go');
    assertPayoutRow(await hover(uri, '"invalid_parameter"'));
    assert.deepEqual(await diagnostics(uri), [
      `${lineOf(uri, 'apiErr :=')}:code-type-mismatch:"refund_error"`,
      `${lineOf(uri, 'raw :=')}:type-used-as-code:"not_found"`,
    ].sort());
  });

  it('Java: JSON in an escaped string and in a text block', async () => {
    const uri = await open('PayoutsTest.java');
    assertPayoutRow(await hover(uri, '"invalid_parameter"'));
    const crossed = await hover(uri, 'payment_link_expired', 3);
    assert.ok(crossed?.includes('payment_link_expired'), String(crossed));
    assert.deepEqual(await diagnostics(uri), [`${lineOf(uri, '.setBody("{')}:code-type-mismatch:\\"refund_error\\"`]);
  });

  it('Kotlin: named arguments', async () => {
    const uri = await open('CheckoutTest.kt');
    assertPayoutRow(await hover(uri, '"invalid_parameter"'));
    assert.deepEqual(await diagnostics(uri), [`${lineOf(uri, 'type = "refund_error"')}:code-type-mismatch:"refund_error"`]);
  });

  it('PHP: short and long arrays, and JSON in a heredoc', async () => {
    const uri = await open('PayoutsTest.php');
    assertPayoutRow(await hover(uri, '"invalid_parameter"'));
    assert.deepEqual(await diagnostics(uri), [
      `${lineOf(uri, '$crossed =')}:code-type-mismatch:'refund_error'`,
      `${lineOf(uri, "array('type'")}:type-used-as-code:'invalid_request_error'`,
    ].sort());
  });

  it('Ruby: hashes with symbol and string keys', async () => {
    const uri = await open('refunds_spec.rb');
    assertPayoutRow(await hover(uri, "'invalid_parameter'"));
    assert.deepEqual(await diagnostics(uri), [`${lineOf(uri, "body: { type: 'refund_error'")}:code-type-mismatch:'refund_error'`]);
  });

  it('a file that never deals with UQPAY: other systems\' bodies get no diagnostic and no envelope-B hover', async () => {
    const uri = await open('other_api.ts');
    assert.deepEqual(await diagnostics(uri), []);
    assert.equal(await hover(uri, 'code: 200', 7), null);
    assert.equal(await hover(uri, "'missing_field'"), null);
    assert.equal(await hover(uri, '"token_expired"'), null);
  });
});
