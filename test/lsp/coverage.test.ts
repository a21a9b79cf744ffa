// Error coverage over the real protocol: the CodeLens on endpoint calls (and its setting), and the
// workspace index behind the coverage view, built after start-up and updated when a document is
// edited or a file changes on disk. Expectations come from the fixture project's files.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CodeLens } from 'vscode-languageserver-types';
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
    assert.equal(arg.errors.find((e) => e.code === 'merchant_account_invalid')?.retry, 'Do not retry');
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

  it('with docsLanguage zh-CN the lenses, what they list and the handle-errors fix read Chinese; endpoint names stay the catalog\'s', async () => {
    const uri = pathToFileURL(join(root, 'node/payouts.ts')).toString();
    server.configuration = () => ({ docsLanguage: 'zh-CN' });
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    try {
      const lenses = await server.conn.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(lenses.map((l) => l.command?.title), [
        'Create Payout · 处理了 16 个错误中的 2 个',
        'Create a refund · 处理了 18 个错误中的 2 个',
        'Retrieve Balance · 处理了 8 个错误中的 0 个',
      ]);
      const arg = lenses[0].command!.arguments![0] as { errors: { code: string; retry: string }[] };
      assert.equal(arg.errors.find((e) => e.code === 'merchant_account_invalid')?.retry, '不要重试');
      // on line 10 (`throw err;`): 14 unhandled errors, 13 codes (payout/ and general/invalid_parameter share one case)
      const at = { line: 9, character: 4 };
      const actions = await server.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
      assert.ok(actions.some((a) => a.title === '处理 Create Payout 尚未处理的 13 个错误'), JSON.stringify(actions.map((a) => a.title)));
    } finally {
      server.configuration = () => ({});
      await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    }
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

/** A file that retrieves a balance and rethrows every error: Retrieve Balance handles none of its errors. */
const BALANCE = [
  "import { UQPayClient } from '@uqpay/sdk';",
  '',
  'export async function balance(client: UQPayClient) {',
  '  try {',
  "    return await client.payment.balances.retrieve('SGD');",
  '  } catch (err) {',
  '    throw err;',
  '  }',
  '}',
  '',
].join('\n');
/** The same file with its catch checking invalid_currency (the seed's Retrieve Balance error), line 7. */
const BALANCE_HANDLED = BALANCE.replace('    throw err;', "    if ((err as { code?: string }).code === 'invalid_currency') return null;\n    throw err;");

/** A coverageChanged listener: `next()` resolves at the next notification. */
function changeWatcher(server: TestServer): { next(): Promise<void> } {
  let waiters: (() => void)[] = [];
  server.conn.onNotification(COVERAGE_CHANGED_NOTIFICATION, () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  });
  return { next: () => within(new Promise<void>((r) => waiters.push(r)), 20_000, 'coverageChanged') };
}

async function reportOf(server: TestServer): Promise<CoverageReportResult> {
  const r = await server.conn.sendRequest<CoverageReportResult | null>(COVERAGE_REPORT_REQUEST, {});
  assert.ok(r, 'the index is built');
  return r;
}

function balanceErrors(r: CoverageReportResult): string[] {
  const ep = r.report.endpoints.find((e) => e.endpoint === 'Retrieve Balance');
  return (ep?.errors ?? []).flatMap((e) => e.handled.map((h) => `${e.code} ${h.file}:${h.line}`));
}

describe('coverage over LSP: edits while the index builds, and rebuilds', function () {
  this.timeout(60_000);
  let server: TestServer;
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'uqpay-coverage-race-'));
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'a', 'balance.ts'), BALANCE);
    // enough files with calls that the build takes many slices: the edit lands between two of them
    mkdirSync(join(root, 'gen'));
    for (let i = 0; i < 600; i++) {
      writeFileSync(join(root, 'gen', `p${String(i).padStart(4, '0')}.ts`), [
        "import { UQPayClient } from '@uqpay/sdk';",
        `export async function p${i}(client: UQPayClient) {`,
        "  try { return await client.payment.payouts.create({ payout_currency: 'SGD' }); } catch (err) { throw err; }",
        '}',
        '',
      ].join('\n'));
    }
    writeFileSync(join(root, 'extra.json'), JSON.stringify({
      name: 'team', version: '1', docs: 'https://example.invalid/docs', types: [],
      errors: [{
        id: 'payment/team_code', group: 'payment', envelope: 'A', code: 'team_code', types: ['payment_error'], typeCertain: true,
        message: 'Team custom failure', httpStatus: [400], endpoints: [], retry: 'no',
        summary: { en: 'A code our proxy adds.', 'zh-CN': '我们的代理添加的错误码。' },
        advice: { en: 'Ask the platform team.', 'zh-CN': '联系平台团队。' }, docs: 'https://example.invalid/docs',
      }],
    }));
  });

  after(() => {
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('an edit that arrives while the index is being built is in the report when the build ends', async () => {
    server = startServer({ cwd: root });
    const changes = changeWatcher(server);
    // the server builds the index once the client has answered its request to watch source files:
    // hold that answer, then send the edit right behind it, so it arrives while the build runs
    let release!: () => void;
    const asked = new Promise<void>((askedResolve) => {
      server.conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: { watchers?: { globPattern: string }[] } }[] }) => {
        const sources = p.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles' && r.registerOptions?.watchers?.some((w) => w.globPattern.includes('.{ts,')));
        if (!sources) return null;
        askedResolve();
        return new Promise<null>((r) => (release = () => r(null)));
      });
    });
    await initialize(server, { root });
    await within(asked, 15_000, 'the request to watch source files');
    const built = changes.next();
    const uri = pathToFileURL(join(root, 'a', 'balance.ts')).toString();
    // a/balance.ts is walked first (paths in order), from disk, before these arrive
    release();
    void server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: BALANCE } });
    void server.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: BALANCE_HANDLED }],
    });
    await built;
    const r = await reportOf(server);
    assert.deepEqual(balanceErrors(r), ['invalid_currency a/balance.ts:7']);
    assert.equal(r.report.endpoints.find((e) => e.endpoint === 'Create Payout')?.calls.length, 600);
  });

  it('a rebuild (the catalog changed) takes the open document\'s text, not the disk\'s', async () => {
    const changes = changeWatcher(server);
    const rebuilt = changes.next();
    server.configuration = () => ({ extraCatalogs: [join(root, 'extra.json')] });
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await rebuilt;
    // the disk still rethrows everything; the open document handles invalid_currency
    assert.deepEqual(balanceErrors(await reportOf(server)), ['invalid_currency a/balance.ts:7']);
  });

  it('closing the document without saving brings back the disk\'s text', async () => {
    const changes = changeWatcher(server);
    const closed = changes.next();
    await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri: pathToFileURL(join(root, 'a', 'balance.ts')).toString() } });
    await closed;
    assert.deepEqual(balanceErrors(await reportOf(server)), []);
  });
});

describe('coverage over LSP: every workspace folder', function () {
  this.timeout(30_000);
  let server: TestServer;
  let root: string;
  const payoutCalls = (r: CoverageReportResult) => r.report.endpoints.find((e) => e.endpoint === 'Create Payout')?.calls.map((c) => `${c.file}:${c.line}`);

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'uqpay-coverage-folders-'));
    for (const f of ['alpha', 'beta', 'gamma']) mkdirSync(join(root, f));
    writeFileSync(join(root, 'alpha', 'pay.ts'), "import '@uqpay/sdk';\n\nclient.payment.payouts.create({});\n");
    writeFileSync(join(root, 'beta', 'pay.py'), 'import uqpay\n\nclient.payment.payouts.create({})\n');
    writeFileSync(join(root, 'gamma', 'Pay.java'), 'class Pay {\n  void go() throws Exception {\n    client.payment().getPayouts().create(req);\n  }\n}\n');
    // a .gitignore in beta applies to beta's walk
    writeFileSync(join(root, 'beta', '.gitignore'), 'skip/\n');
    mkdirSync(join(root, 'beta', 'skip'));
    writeFileSync(join(root, 'beta', 'skip', 'pay.py'), 'import uqpay\nclient.payment.payouts.create({})\n');
  });

  after(() => {
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes each folder; paths are relative to the folder that holds them all', async () => {
    server = startServer({ cwd: root });
    const changes = changeWatcher(server);
    const built = changes.next();
    await initialize(server, { folders: [join(root, 'alpha'), join(root, 'beta')] });
    await built;
    const r = await reportOf(server);
    assert.equal(r.root, pathToFileURL(root).toString());
    assert.deepEqual(payoutCalls(r), ['alpha/pay.ts:3', 'beta/pay.py:3']);
  });

  it('follows folders added and removed (workspace/didChangeWorkspaceFolders)', async () => {
    const changes = changeWatcher(server);
    const changed = changes.next();
    await server.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: {
      added: [{ uri: pathToFileURL(join(root, 'gamma')).toString(), name: 'gamma' }],
      removed: [{ uri: pathToFileURL(join(root, 'alpha')).toString(), name: 'alpha' }],
    } });
    await changed;
    const r = await reportOf(server);
    assert.equal(r.root, pathToFileURL(root).toString());
    assert.deepEqual(payoutCalls(r), ['beta/pay.py:3', 'gamma/Pay.java:3']);
  });

  it('a file changed on disk in any folder is indexed; a file outside every folder is not', async () => {
    writeFileSync(join(root, 'gamma', 'More.java'), 'class More {\n  void go() throws Exception {\n    client.payment().getPayouts().create(req);\n  }\n}\n');
    writeFileSync(join(root, 'alpha', 'more.ts'), "import '@uqpay/sdk';\nclient.payment.payouts.create({});\n");
    const changes = changeWatcher(server);
    const changed = changes.next();
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [
      { uri: pathToFileURL(join(root, 'alpha', 'more.ts')).toString(), type: 1 },
      { uri: pathToFileURL(join(root, 'gamma', 'More.java')).toString(), type: 1 },
    ] });
    await changed;
    assert.deepEqual(payoutCalls(await reportOf(server)), ['beta/pay.py:3', 'gamma/More.java:3', 'gamma/Pay.java:3']);
  });
});
