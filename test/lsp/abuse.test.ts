/**
 * Issue 7 §2 and §3: protocol abuse against the built `dist/server.js` over stdio. Whatever a
 * client sends (unknown documents, impossible positions, malformed params, versions out of order,
 * 10,000 rapid edits, cancellations, closes mid-analysis, broken settings, broken extra catalogs),
 * the server answers with a result, an empty result or an error, keeps serving, and its final
 * diagnostics match the final text. Every server started here is killed by pid.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-types';
import { builtinCatalogData, loadBuiltinCatalog } from '../../catalog/src';
import { createErrorCodeService, DEFAULT_SETTINGS } from '../../server/src/service';
import { initialize, startServer, within, type TestServer } from '../support/lspClient';

const SETTINGS = { ...DEFAULT_SETTINGS, docsLanguage: 'en' as const };
const SAMPLE = `import { UQPayError } from '@uqpay/sdk';
if (err.code === 'refund_amount_exceded') retry();
if (err.code === 'payment_error') retry();
if (err.code === 'refund_processing') wait();
`;

let seq = 0;
const docUri = (name = 'doc', ext = 'ts') => `file:///ws/abuse/${name}${++seq}.${ext}`;

/** What the in-process service says about a text: the expectation for the server's final diagnostics. */
function expected(uri: string, languageId: string, text: string): Diagnostic[] {
  const service = createErrorCodeService({ catalog: loadBuiltinCatalog() });
  return JSON.parse(JSON.stringify(service.doValidation(TextDocument.create(uri, languageId, 1, text), SETTINGS))) as Diagnostic[];
}
const same = (a: Diagnostic[], b: Diagnostic[]) => JSON.stringify(a) === JSON.stringify(b);

async function open(s: TestServer, uri: string, text: string, languageId = 'typescript', version = 1): Promise<void> {
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

/** The built-in catalog still works: a hover on a documented code answers with its docs. */
async function builtinWorks(s: TestServer): Promise<void> {
  const uri = docUri('probe');
  await open(s, uri, SAMPLE);
  const hover = (await within(s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 22 } }), 15_000, 'hover')) as Hover | null;
  assert.ok(hover && JSON.stringify(hover.contents).includes('refund_processing'), `hover: ${JSON.stringify(hover)}`);
  const p = await s.diagnostics(uri, (d) => d.diagnostics.length > 0);
  assert.deepEqual(p.diagnostics.map((d) => d.code), ['unknown-error-code', 'type-used-as-code']);
}

describe('protocol abuse over stdio (dist/server.js)', function () {
  this.timeout(60_000);
  let s: TestServer;
  let workspace: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'uqpay-abuse-'));
    s = startServer({ cwd: workspace });
    await initialize(s, { root: workspace });
  });
  after(() => {
    s?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.error('server stderr:', s.stderr().slice(-3000), '\nlogs:', s.logs.slice(-10).join('\n'));
  });

  it('requests for documents the server never saw answer empty', async () => {
    const textDocument = { uri: 'file:///nowhere/never-opened.ts' };
    const position = { line: 0, character: 0 };
    assert.equal(await s.conn.sendRequest('textDocument/hover', { textDocument, position }), null);
    assert.equal(await s.conn.sendRequest('textDocument/completion', { textDocument, position }), null);
    assert.deepEqual(await s.conn.sendRequest('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
    // didChange / didClose for a document that was never opened: ignored, no crash.
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { ...textDocument, version: 2 }, contentChanges: [{ text: 'x' }] });
    await s.conn.sendNotification('textDocument/didClose', { textDocument });
    await builtinWorks(s);
  });

  it('positions past the end, negative, fractional or huge: an answer, never a crash', async () => {
    const uri = docUri();
    await open(s, uri, SAMPLE);
    const positions = [
      { line: 99, character: 0 }, { line: 1, character: 10_000 }, { line: -1, character: -5 }, { line: 0, character: -1 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }, { line: 1.5, character: 0.5 }, { line: 1e308, character: 0 },
    ];
    for (const position of positions) {
      const hover = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
      if (hover?.range) assert.ok(hover.range.start.line >= 0 && hover.range.end.line <= 4, JSON.stringify(hover.range));
      const list = (await s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList | null;
      assert.ok(list === null || Array.isArray(list.items));
      const range = { start: position, end: { line: 0, character: 0 } }; // inverted too
      const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } })) as CodeAction[];
      assert.ok(Array.isArray(actions));
    }
    await builtinWorks(s);
  });

  it('malformed params are contained: logged, answered empty or with an error, and the server keeps serving', async () => {
    const uri = docUri();
    await open(s, uri, SAMPLE);
    const bad: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: null, position: null }],
      ['textDocument/hover', { textDocument: { uri }, position: 'start' }],
      ['textDocument/completion', { textDocument: { uri: 42 }, position: {} }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: {}, end: {} }, context: { diagnostics: 'no', only: 5 } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, context: { diagnostics: [{ range: null, code: {}, data: 'x' }] } }],
    ];
    for (const [method, params] of bad) {
      try {
        const r = await within(s.conn.sendRequest(method, params), 15_000, `answer to ${method}`);
        assert.ok(r === null || Array.isArray(r) || typeof r === 'object', `${method}: ${JSON.stringify(r)}`);
      } catch (e) {
        assert.ok(e instanceof ResponseError, `${method}: ${String(e)}`);
      }
    }
    // Unknown methods get MethodNotFound, unknown notifications are ignored.
    await assert.rejects(s.conn.sendRequest('uqpay/noSuchMethod', {}), (e: unknown) => e instanceof ResponseError && e.code === -32601);
    await s.conn.sendNotification('uqpay/noSuchNotification', { x: 1 });
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: null });
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 'x' }, contentChanges: null });
    await builtinWorks(s);
  });

  it('didChange with versions out of order: the final diagnostics match the final text', async () => {
    const uri = docUri();
    await open(s, uri, SAMPLE, 'typescript', 10);
    await s.diagnostics(uri, (p) => p.version === 10);
    // Lower version, new text.
    const textA = "import '@uqpay/sdk';\nif (err.code === 'insufficent_balance') {}\n";
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: textA }] });
    const a = await s.diagnostics(uri, (p) => same(p.diagnostics, expected(uri, 'typescript', textA)));
    assert.equal(a.diagnostics[0]?.code, 'unknown-error-code');
  });

  it('didChange that repeats the current version with new text: the diagnostics follow the text', async () => {
    const uri = docUri();
    await open(s, uri, SAMPLE, 'typescript', 5);
    const first = await s.diagnostics(uri, (p) => p.version === 5);
    assert.equal(first.diagnostics.length, 2);
    const clean = "import '@uqpay/sdk';\nif (err.code === 'insufficient_balance') {}\n";
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: clean }] });
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '// ' }] });
    const final = `import '@uqpay/sdk';\n// if (err.code === 'insufficient_balance') {}\n`;
    // Either the server publishes for the final text, or it has published nothing stale: ask for a
    // code action, which uses the server's view of the text, to see what it believes.
    const p = await s.diagnostics(uri, (d) => same(d.diagnostics, expected(uri, 'typescript', final)), 5000).catch(() => undefined);
    const lastForUri = [...s.published].reverse().find((d) => d.uri === uri);
    assert.ok(p, `stale diagnostics after a repeated version: ${JSON.stringify(lastForUri?.diagnostics.map((d) => d.message))}`);
  });

  it('edits with impossible ranges (inverted, past the end, negative) are applied as the protocol library does, without a crash', async () => {
    const uri = docUri();
    let doc = TextDocument.create(uri, 'typescript', 1, SAMPLE);
    await open(s, uri, SAMPLE);
    const changes = [
      { range: { start: { line: 3, character: 5 }, end: { line: 1, character: 2 } }, text: "'x'" },
      { range: { start: { line: 500, character: 0 }, end: { line: 900, character: 4 } }, text: "\nif (e.code === 'expired_ordr') {}\n" },
      { range: { start: { line: -3, character: -1 }, end: { line: 0, character: -9 } }, text: '// head\n' },
      { range: { start: { line: 1, character: 1e6 }, end: { line: 1, character: 1e6 } }, text: '\r\n\r' },
    ];
    let version = 1;
    for (const c of changes) {
      version++;
      doc = TextDocument.update(doc, [c], version);
      await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [c] });
    }
    const p = await s.diagnostics(uri, (d) => d.version === version);
    assert.deepEqual(JSON.parse(JSON.stringify(p.diagnostics)), expected(uri, 'typescript', doc.getText()));
  });

  it('the same document opened twice, an unknown language, and a 5 MB single-line JSON document', async () => {
    const uri = docUri('twice');
    await open(s, uri, SAMPLE);
    await s.diagnostics(uri, (d) => d.diagnostics.length === 2);
    // A second didOpen without a close (a protocol error), same version, other text.
    await open(s, uri, "import '@uqpay/sdk';\nif (err.code === 'expired_ordr') {}\n", 'typescript', 1);
    const p = await s.diagnostics(uri, (d) => d.diagnostics.length === 1);
    assert.match(String(p.diagnostics[0].message), /expired_ordr/);
    const odd = docUri('odd', 'bf');
    await open(s, odd, SAMPLE, 'brainfuck');
    assert.deepEqual((await s.diagnostics(odd)).diagnostics, []);
    const big = docUri('big', 'json');
    const line = `[${Array.from({ length: 60_000 }, (_, i) => `{"type":"payment_error","code":"${i % 1000 === 0 ? 'expired_ordr' : 'expired_order'}","message":"Expired payment intent"}`).join(',')}]`;
    await open(s, big, line, 'json');
    const d = await s.diagnostics(big, () => true, 60_000);
    assert.equal(d.diagnostics.filter((x) => x.code === 'unknown-error-code').length, 60);
    await builtinWorks(s);
  });

  it('10,000 rapid incremental edits: the final diagnostics match the final text', async function () {
    this.timeout(120_000);
    const uri = docUri('rapid');
    let doc = TextDocument.create(uri, 'typescript', 1, SAMPLE);
    await open(s, uri, SAMPLE);
    // Type and erase, line by line: a realistic burst, deterministic so a failure can be replayed.
    const typed = "if (e.code === 'velocity_limit_exceded') {}\n";
    let version = 1;
    let rnd = 12345;
    const next = () => (rnd = (rnd * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 10_000; i++) {
      const text = doc.getText();
      let change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
      if (next() % 3 === 0 && text.length > SAMPLE.length) {
        const at = SAMPLE.length + (next() % (text.length - SAMPLE.length));
        change = { range: { start: doc.positionAt(at), end: doc.positionAt(at + 1) }, text: '' };
      } else {
        const at = text.length;
        change = { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: typed[i % typed.length] };
      }
      version++;
      doc = TextDocument.update(doc, [change], version);
      void s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    }
    const want = expected(uri, 'typescript', doc.getText());
    const p = await s.diagnostics(uri, (d) => d.version === version, 90_000);
    assert.deepEqual(JSON.parse(JSON.stringify(p.diagnostics)), want);
    // And the server's text is the client's: a code action over the whole document sees the same diagnostics.
    const actions = (await s.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) },
      context: { diagnostics: p.diagnostics, only: ['source.fixAll.uqpayErrors'] },
    })) as CodeAction[];
    const fixable = want.filter((d) => d.code === 'unknown-error-code' && (d.data as { suggestions?: string[] }).suggestions?.length === 1).length;
    assert.equal(actions[0]?.edit?.changes?.[uri]?.length ?? 0, fixable);
  });

  it('cancelled requests all settle (result or RequestCancelled) and the server keeps serving', async () => {
    const uri = docUri('big');
    const big = Array.from({ length: 5000 }, (_, i) => `if (err.code === '${i % 2 ? 'expired_ordr' : 'payout_not_found'}') f(${i});`).join('\n');
    await open(s, uri, big);
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      const cts = new CancellationTokenSource();
      const position = { line: i * 50, character: 20 };
      const method = ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction'][i % 3];
      const params = method === 'textDocument/codeAction' ? { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } } : { textDocument: { uri }, position };
      pending.push(
        s.conn.sendRequest(method, params, cts.token).then(
          (r) => r,
          (e: unknown) => {
            assert.ok(e instanceof ResponseError && e.code === -32800, `unexpected error ${String(e)}`);
            return 'cancelled';
          },
        ),
      );
      if (i % 2 === 0) cts.cancel(); // immediately
      else setImmediate(() => cts.cancel()); // while it runs
    }
    await within(Promise.all(pending), 30_000, 'answers to cancelled requests');
    await builtinWorks(s);
  });

  it('didClose during analysis: nothing is published for the document after it is closed', async () => {
    const uri = docUri('closing');
    const big = Array.from({ length: 20_000 }, (_, i) => `if (err.code === 'refund_amount_exceded') f(${i});`).join('\n');
    await open(s, uri, big);
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${big}\n// edit` }] });
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // The close's own "no diagnostics" first; then prove that no validation of the closed document
    // is still waiting: a second document of the same cost, edited after the close, is validated
    // through the same queue (the same debounce), so once its edit is published, anything queued
    // for the closed one before it has run.
    await s.diagnostics(uri, (d) => d.diagnostics.length === 0 && d.version === undefined);
    const witness = docUri('witness');
    await open(s, witness, big);
    await s.diagnostics(witness, (d) => d.version === 1);
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: witness, version: 2 }, contentChanges: [{ text: `${big}\n// edit` }] });
    await s.diagnostics(witness, (d) => d.version === 2);
    const forUri = s.published.filter((p) => p.uri === uri);
    assert.ok(forUri.length > 0, 'the close clears the diagnostics');
    assert.deepEqual(forUri[forUri.length - 1].diagnostics, [], 'the last word about a closed document is "no diagnostics"');
  });
});

describe('protocol abuse: settings', function () {
  this.timeout(60_000);
  let s: TestServer | undefined;
  afterEach(() => s?.kill());

  const cases: [string, (item: unknown) => unknown][] = [
    ['null', () => null],
    ['an array', () => []],
    ['a string', () => 'uqpayErrors'],
    ['wrong types everywhere', () => ({ enable: 'yes', languages: 5, severity: { 'unknown-error-code': 'loud', 'type-used-as-code': 3 }, docsLanguage: 42, extraCatalogs: { a: 1 } })],
    ['nested nonsense', () => ({ severity: [1, 2], languages: [null, 7, 'typescript'], extraCatalogs: [null, 5, ''] })],
  ];
  for (const [name, answer] of cases) {
    it(`workspace/configuration answered with ${name}: defaults apply and diagnostics still come`, async () => {
      s = startServer();
      s.configuration = answer;
      await initialize(s);
      await builtinWorks(s);
    });
  }

  it('workspace/configuration answered with an error: defaults apply', async () => {
    s = startServer();
    s.configuration = () => {
      throw new Error('client cannot answer');
    };
    await initialize(s);
    await builtinWorks(s);
  });

  it('didChangeConfiguration with null, garbage and a valid change: the server follows the valid one', async () => {
    s = startServer();
    await initialize(s, { configuration: false });
    for (const settings of [null, 'x', 42, { uqpayErrors: null }, { uqpayErrors: 'on' }, { uqpayErrors: { severity: 'loud' } }]) {
      await s.conn.sendNotification('workspace/didChangeConfiguration', { settings });
    }
    await builtinWorks(s);
    await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: { uqpayErrors: { severity: { 'unknown-error-code': 'off', 'type-used-as-code': 'off' } } } });
    const uri = docUri('quiet');
    await open(s, uri, SAMPLE);
    const p = await s.diagnostics(uri);
    assert.deepEqual(p.diagnostics, []);
  });
});

describe('protocol abuse: extra catalog files', function () {
  this.timeout(90_000);
  let s: TestServer | undefined;
  let ws: string;
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'uqpay-cat-'));
  });
  afterEach(() => {
    s?.kill();
    rmSync(ws, { recursive: true, force: true });
  });

  async function withCatalog(file: string): Promise<TestServer> {
    s = startServer({ cwd: ws });
    s.configuration = () => ({ extraCatalogs: [file] });
    await initialize(s, { root: ws });
    return s;
  }

  it('invalid JSON: a message naming the file, and the built-in catalog keeps working', async () => {
    writeFileSync(join(ws, 'broken.json'), '{ "name": "extra", "errors": [ { "id": ');
    const server = await withCatalog('broken.json');
    const m = await server.message(/broken\.json/);
    assert.match(m, /invalid JSON|problem/i);
    await builtinWorks(server);
  });

  it('with docsLanguage zh-CN the message about a broken catalog reads Chinese', async () => {
    writeFileSync(join(ws, 'broken.json'), '{ "name": "extra", "errors": [ { "id": ');
    s = startServer({ cwd: ws });
    s.configuration = () => ({ extraCatalogs: ['broken.json'], docsLanguage: 'zh-CN' });
    await initialize(s, { root: ws });
    const m = await s.message(/broken\.json/);
    assert.match(m, /^UQPAY 错误目录 .*broken\.json 有 1 个问题（第一个：.*）。仍在使用内置目录。$/);
    await builtinWorks(s);
  });

  it('a schema violation: a message naming the file; diagnostics on the catalog file', async () => {
    writeFileSync(join(ws, 'bad.json'), JSON.stringify({ ...builtinCatalogData(), name: 'extra', errors: [{ id: 'x', code: 5 }] }, null, 2));
    const server = await withCatalog('bad.json');
    await server.message(/bad\.json/);
    const p = await server.diagnostics(pathToFileURL(join(ws, 'bad.json')).toString());
    assert.ok(p.diagnostics.length > 0);
    await builtinWorks(server);
  });

  it('a missing file and a directory: a message, and the built-in catalog keeps working', async () => {
    mkdirSync(join(ws, 'adir.json'));
    s = startServer({ cwd: ws });
    s.configuration = () => ({ extraCatalogs: ['missing.json', 'adir.json'] });
    await initialize(s, { root: ws });
    await s.message(/missing\.json/);
    await s.message(/adir\.json/);
    await builtinWorks(s);
  });

  it('a file that vanishes after loading: a message once it is gone; the extra codes go, the built-in ones stay', async () => {
    const extra = { ...builtinCatalogData(), name: 'extra', version: '1', types: [], endpoints: [], errors: [{ ...builtinCatalogData().errors[0], id: 'general/team_custom_error', code: 'team_custom_error' }] };
    const file = join(ws, 'extra.json');
    writeFileSync(file, JSON.stringify(extra));
    const server = await withCatalog('extra.json');
    const uri = docUri('custom');
    await open(server, uri, "import '@uqpay/sdk';\nif (err.code === 'team_custom_errr') {}\n");
    // The first publish may come before the catalogs are read; wait for the one that knows the extra code.
    const p = await server.diagnostics(uri, (d) => d.diagnostics.some((x) => /team_custom_error/.test(String(x.message))));
    assert.equal(p.diagnostics.length, 1, 'the extra catalog was loaded');
    unlinkSync(file);
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 3 }] });
    await server.message(/extra\.json/);
    await builtinWorks(server);
  });

  it('a huge file (40 MB): a clear message, and the server still answers', async function () {
    this.timeout(180_000);
    const file = join(ws, 'huge.json');
    writeFileSync(file, JSON.stringify({ ...builtinCatalogData(), name: 'huge', padding: 'x'.repeat(40 << 20) }));
    const server = await withCatalog('huge.json');
    await server.message(/huge\.json/, 150_000);
    await builtinWorks(server);
  });

  it('a named pipe in place of the file does not block the server', async function () {
    const fifo = join(ws, 'pipe.json');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    const server = await withCatalog('pipe.json');
    // Reading a FIFO with no writer blocks a synchronous read forever: the server must not do that.
    // It says the file is no catalog (the event that proves catalog loading ended), then answers.
    assert.match(await server.message(/pipe\.json/), /not a regular file/);
    await builtinWorks(server);
  });
});

describe('protocol abuse: lifecycle', function () {
  this.timeout(60_000);
  let s: TestServer | undefined;
  afterEach(() => s?.kill());

  it('shutdown then exit: the process exits with 0', async () => {
    s = startServer();
    await initialize(s);
    await open(s, docUri(), SAMPLE);
    assert.equal(await s.conn.sendRequest('shutdown'), null);
    await s.conn.sendNotification('exit');
    const { code } = await within(s.exited, 10_000, 'exit after shutdown+exit');
    assert.equal(code, 0);
  });

  it('exit without shutdown: the process exits with 1 (as the protocol says)', async () => {
    s = startServer();
    await initialize(s);
    await s.conn.sendNotification('exit');
    const { code } = await within(s.exited, 10_000, 'exit');
    assert.equal(code, 1);
  });

  it('requests after shutdown are refused, and exit still ends the process', async () => {
    s = startServer();
    await initialize(s);
    await s.conn.sendRequest('shutdown');
    const r = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.ts' }, position: { line: 0, character: 0 } }).then(
      (v) => ({ v }),
      (e: unknown) => ({ e }),
    );
    assert.ok('e' in r || r.v === null, JSON.stringify(r));
    await s.conn.sendNotification('exit');
    assert.equal((await within(s.exited, 10_000, 'exit')).code, 0);
  });

  it('the client disappears (stdin closed): the server exits promptly instead of spinning', async () => {
    s = startServer();
    await initialize(s);
    await open(s, docUri(), SAMPLE);
    s.proc.stdin.end();
    const { code, signal } = await within(s.exited, 10_000, 'exit after stdin closed');
    assert.equal(signal, null);
    assert.notEqual(code, null);
  });

  it('the parent process dies (--clientProcessId): the server exits', async () => {
    // A stand-in for the editor process: the server watches its pid.
    const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const pid = parent.pid as number;
    try {
      s = startServer({ args: [`--clientProcessId=${pid}`] });
      await initialize(s);
      process.kill(pid, 'SIGKILL');
      await within(s.exited, 20_000, 'exit after the client process died');
    } finally {
      if (parent.exitCode === null && parent.signalCode === null) process.kill(pid, 'SIGKILL');
    }
  });

  it('garbage on the wire (a body that is not JSON) does not take the server down', async () => {
    s = startServer();
    await initialize(s);
    const body = '{"jsonrpc":"2.0","id":99,"method":"textDocument/hover","params":{not json}}';
    s.proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await builtinWorks(s);
  });
});
