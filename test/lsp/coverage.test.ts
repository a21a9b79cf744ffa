// Error coverage over the real protocol: the CodeLens on endpoint calls (and its setting), and the
// workspace index behind the coverage view, built after start-up and updated when a document is
// edited or a file changes on disk. Expectations come from the fixture project's files.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens } from 'vscode-languageserver-types';
import { COVERAGE_CHANGED_NOTIFICATION, COVERAGE_REPORT_REQUEST, type CoverageReportResult } from '../../server/src/protocol/coverage';
import { initialize, startServer, within, type TestServer } from '../support/lspClient';

const FIXTURE = resolve(__dirname, '../fixtures/coverage/project');

describe('coverage over LSP: CodeLens and the workspace index', function () {
  this.timeout(30_000);
  let server: TestServer;
  let root: string;
  let changes = 0;
  let changeWaiters: (() => void)[] = [];

  /** Resolves at the next coverageChanged notification. */
  function nextChange(): Promise<void> {
    return within(new Promise<void>((r) => changeWaiters.push(r)), 15_000, 'coverageChanged');
  }

  async function report(): Promise<CoverageReportResult> {
    const r = await server.conn.sendRequest<CoverageReportResult | null>(COVERAGE_REPORT_REQUEST, {});
    assert.ok(r, 'the index is built');
    return r;
  }

  const handledOf = (r: CoverageReportResult, endpoint: string) => r.report.endpoints.find((e) => e.endpoint === endpoint);

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'uqpay-coverage-lsp-'));
    cpSync(FIXTURE, root, { recursive: true });
    writeFileSync(join(root, '.gitignore'), 'generated/\n');
    cpSync(join(FIXTURE, 'node'), join(root, 'generated'), { recursive: true });
    server = startServer({ cwd: root });
    const first = new Promise<void>((r) => changeWaiters.push(r));
    server.conn.onNotification(COVERAGE_CHANGED_NOTIFICATION, () => {
      changes++;
      const w = changeWaiters;
      changeWaiters = [];
      for (const f of w) f();
    });
    await initialize(server, { root });
    await within(first, 15_000, 'the first index');
  });

  after(() => {
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes the folder once started, honouring .gitignore', async () => {
    const r = await report();
    assert.equal(r.root, pathToFileURL(root).toString());
    const payout = handledOf(r, 'Create Payout');
    assert.deepEqual(payout?.calls.map((c) => `${c.file}:${c.line}`), ['node/payouts.ts:5', 'php/payout.php:6']);
    assert.equal(payout?.handled, 2);
    assert.equal(r.report.summary.endpoints, 8);
  });

  it('puts a lens on each call: "<endpoint> · handles N of M errors", with the errors to list', async () => {
    const uri = pathToFileURL(join(root, 'node/payouts.ts')).toString();
    const { readFileSync } = await import('node:fs');
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: readFileSync(join(root, 'node/payouts.ts'), 'utf8') } });
    const lenses = await server.conn.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line + 1, l.command?.title]), [
      [5, 'Create Payout · handles 2 of 16 errors'],
      [16, 'Create a refund · handles 2 of 18 errors'],
      [34, 'Retrieve Balance · handles 0 of 8 errors'],
    ]);
    const arg = lenses[0].command!.arguments![0] as { errors: { code: string; handled: { line: number }[]; retry: string }[] };
    assert.deepEqual(arg.errors.find((e) => e.code === 'insufficient_balance')?.handled.map((h) => h.line + 1), [9]);
    assert.equal(arg.errors.find((e) => e.code === 'merchant_account_invalid')?.retry, 'do not retry');
  });

  it('the setting uqpayErrors.coverage.codeLens turns the lenses off', async () => {
    const uri = pathToFileURL(join(root, 'node/payouts.ts')).toString();
    server.configuration = () => ({ coverage: { codeLens: false } });
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const lenses = await server.conn.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses, []);
    server.configuration = () => ({});
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });

  it('an edit to an open document reaches the index (after a pause in typing)', async () => {
    const uri = pathToFileURL(join(root, 'node/payouts.ts')).toString();
    const changed = nextChange();
    // line 10 (`throw err;`) becomes a check for merchant_account_invalid
    await server.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 9, character: 4 }, end: { line: 9, character: 14 } }, text: "if ((err as UQPayError).code === 'merchant_account_invalid') throw err;" }],
    });
    await changed;
    const payout = handledOf(await report(), 'Create Payout');
    assert.equal(payout?.handled, 3);
    assert.deepEqual(payout?.errors.find((e) => e.id === 'payout/merchant_account_invalid')?.handled.map((h) => `${h.file}:${h.line}`), ['node/payouts.ts:10']);
  });

  it('a file created on disk and reported by the client is indexed; an ignored one is not', async () => {
    const file = join(root, 'python/payouts.py');
    writeFileSync(file, 'def go(client):\n    client.payment.payouts.list()\n');
    writeFileSync(join(root, 'generated/more.ts'), "import '@uqpay/sdk';\nclient.payment.payouts.list();\n");
    const changed = nextChange();
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [
      { uri: pathToFileURL(join(root, 'generated/more.ts')).toString(), type: 1 },
      { uri: pathToFileURL(file).toString(), type: 1 },
    ] });
    await changed;
    const list = handledOf(await report(), 'List all Payouts');
    assert.deepEqual(list?.calls.map((c) => `${c.file}:${c.line}`), ['python/payouts.py:2']);
    assert.ok(changes >= 3);
  });
});
