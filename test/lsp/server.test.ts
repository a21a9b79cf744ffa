import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { initialize, startServer, type TestServer } from '../support/lspClient';

// The real server bundle over stdio, spoken to with JSON-RPC as an editor would (test/support/lspClient.ts).

describe('language server over stdio (dist/server.js)', function () {
  this.timeout(30000);
  let server: TestServer;
  let workspace: string;
  let config: Record<string, unknown> = {};
  const configRequests: unknown[] = [];

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'uqpay-lsp-'));
    server = startServer({ cwd: workspace });
    server.configuration = (item) => {
      configRequests.push(item);
      return config;
    };
  });

  after(() => {
    server?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  const diagnostics: TestServer['diagnostics'] = (uri, pred, waitMs) => server.diagnostics(uri, pred, waitMs);

  const uri = 'file:///work/app/refunds.ts';
  const text = `import { UQPayError } from '@uqpay/sdk';\nif (err.code === 'refund_amount_exceded') {}\n`;

  it('initializes with incremental sync, hover, completion triggers and code action kinds', async () => {
    const result = await initialize(server, { root: workspace }) as { capabilities: Record<string, any> };
    const caps = result.capabilities;
    assert.equal(caps.textDocumentSync.change, 2);
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.completionProvider.triggerCharacters, ['"', "'", '`']);
    assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.uqpayErrors']);
  });

  it('publishes diagnostics on didOpen, pulling the settings with workspace/configuration', async () => {
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const p = await diagnostics(uri, (d) => d.version === 1);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.source, d.range.start.line]), [['unknown-error-code', 'uqpay-errors', 1]]);
    assert.ok(String(p.diagnostics[0].message).includes("did you mean 'refund_amount_exceeded'?"));
    assert.ok(configRequests.some((r) => (r as { section?: string }).section === 'uqpayErrors'));
  });

  it('follows incremental didChange edits', async () => {
    // line 1: if (err.code === 'refund_amount_exceded') {}  — insert the missing "e"
    const col = "if (err.code === 'refund_amount_exce".length;
    await server.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: col }, end: { line: 1, character: col } }, text: 'e' }],
    });
    const fixed = await diagnostics(uri, (d) => d.version === 2);
    assert.deepEqual(fixed.diagnostics, []);
    await server.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: "if (err.code === 'payment_error') {}\n" }],
    });
    const p = await diagnostics(uri, (d) => d.version === 3);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range.start.line]), [['type-used-as-code', 2]]);
  });

  it('answers hover and completion on the edited text', async () => {
    const hover = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 22 } }) as Hover;
    const md = (hover.contents as MarkupContent).value;
    assert.ok(md.includes('Refund amount exceeded original transaction amount'));
    assert.ok(md.includes('command:uqpayErrors.openCatalog?'));
    await server.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 4 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: "if (err.code === '') {}\n" }],
    });
    const list = await server.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 18 }, context: { triggerKind: 2, triggerCharacter: "'" } }) as CompletionList;
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('refund_amount_exceeded') && labels.includes('insufficient_balance'));
    // documentation is left out of the list and comes with completionItem/resolve
    const item = list.items.find((i) => i.label === 'insufficient_balance')!;
    assert.equal(item.documentation, undefined);
    const resolved = await server.conn.sendRequest('completionItem/resolve', item) as CompletionItem;
    const doc = resolved.documentation as MarkupContent;
    assert.equal(doc.kind, 'markdown');
    assert.ok(doc.value.includes('Merchant’s available balance is insufficient'), doc.value);
  });

  it('returns the quick fix for type-used-as-code through codeAction', async () => {
    const p = await diagnostics(uri, (d) => d.version === 4);
    const d = p.diagnostics.find((x) => x.code === 'type-used-as-code')!;
    const actions = await server.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.edit!.changes![uri].map((e) => e.newText), ['type']);
  });

  it('re-validates with new severities and language after didChangeConfiguration', async () => {
    config = { severity: { 'type-used-as-code': 'error' }, docsLanguage: 'zh-CN' };
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: { uqpayErrors: config } });
    const p = await diagnostics(uri, (d) => d.diagnostics.some((x) => x.severity === 1));
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.severity]), [['type-used-as-code', 1]]);
    const hover = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 22 } }) as Hover;
    assert.ok((hover.contents as MarkupContent).value.includes('处理建议'));
    config = { severity: { 'type-used-as-code': 'off' } };
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: { uqpayErrors: config } });
    await diagnostics(uri, (d) => d.diagnostics.length === 0);
  });

  it('reports a broken extra catalog as a message and as diagnostics on the file, and keeps the built-in catalog', async () => {
    writeFileSync(join(workspace, 'broken.json'), '{ "name": "x", ');
    config = { extraCatalogs: ['broken.json'] };
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: { uqpayErrors: config } });
    const brokenUri = pathToFileURL(join(workspace, 'broken.json')).toString();
    const p = await diagnostics(brokenUri);
    assert.ok(p.diagnostics.length >= 1);
    assert.ok(server.messages.some((m) => m.includes('broken.json')));
    const hover = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 22 } }) as Hover;
    assert.ok((hover.contents as MarkupContent).value.includes('refund_amount_exceeded'));
  });

  it('loads a valid extra catalog: its codes are known, hovered and not flagged', async () => {
    const extra = {
      name: 'team additions', version: '1', docs: 'https://example.invalid/docs', types: [],
      errors: [{
        id: 'payment/team_custom_code', group: 'payment', envelope: 'A', code: 'team_custom_code', types: ['payment_error'], typeCertain: true,
        message: 'Team custom failure', httpStatus: [400], endpoints: [], retry: 'no',
        summary: { en: 'A code our gateway proxy adds.', 'zh-CN': '我们的网关代理添加的错误码。' },
        advice: { en: 'Ask the platform team.', 'zh-CN': '联系平台团队。' }, docs: 'https://example.invalid/docs',
      }],
    };
    writeFileSync(join(workspace, 'extra.json'), JSON.stringify(extra));
    config = { extraCatalogs: ['extra.json'] };
    const other = 'file:///work/app/custom.ts';
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: { uqpayErrors: config } });
    const cleared = pathToFileURL(join(workspace, 'broken.json')).toString();
    await diagnostics(cleared, (d) => d.diagnostics.length === 0);
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'typescript', version: 1, text: `// uqpay\nif (err.code === 'team_custom_code' || err.code === 'team_custom_cod') {}\n` } });
    const p = await diagnostics(other, (d) => d.version === 1);
    assert.deepEqual(p.diagnostics.map((d) => String(d.message).includes("did you mean 'team_custom_code'?")), [true]);
    const hover = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri: other }, position: { line: 1, character: 20 } }) as Hover;
    assert.ok((hover.contents as MarkupContent).value.includes('Team custom failure'));
  });

  it('clears diagnostics when a document closes', async () => {
    await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await diagnostics(uri, (d) => d.diagnostics.length === 0 && d.version === undefined);
  });

  it('shuts down and exits cleanly', async () => {
    await server.conn.sendRequest('shutdown');
    await server.conn.sendNotification('exit');
    assert.equal((await server.exited).code, 0, server.stderr());
  });
});
