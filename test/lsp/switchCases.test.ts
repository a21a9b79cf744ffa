import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction } from 'vscode-languageserver-types';
import { initialize, positionAfter, startServer, type TestServer } from '../support/lspClient';

// "Add missing cases" over the real protocol: the new branches do what the default does (Kotlin
// `when` expression, Dart 3 switch expression), and without a default the title says so in the
// documentation language.

describe('missing-cases quick fix over stdio (dist/server.js)', function () {
  this.timeout(30000);
  let server: TestServer;
  let workspace: string;
  let config: Record<string, unknown> = {};

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'uqpay-lsp-cases-'));
    server = startServer({ cwd: workspace });
    server.configuration = () => config;
    await initialize(server);
  });

  after(() => {
    server?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  async function fixAt(uri: string, languageId: string, text: string, needle: string): Promise<{ action: CodeAction; inserted: string }> {
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await server.diagnostics(uri, (d) => d.version === 1);
    const at = positionAfter(text, needle, needle.length);
    const actions = await server.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] },
    }) as CodeAction[];
    const action = actions.find((a) => /missing UQPAY|缺少的 UQPAY/.test(a.title));
    assert.ok(action?.edit, JSON.stringify(actions.map((a) => a.title)));
    const edits = action.edit.changes![uri]!;
    assert.equal(edits.length, 1);
    return { action, inserted: edits[0]!.newText };
  }

  it('a Kotlin when expression gets a branch that yields what else yields', async () => {
    const text = 'import com.uqpay.sdk.UqpayApiException\n\nfun f(e: UqpayApiException): String = when (e.code) {\n    "create_customer_failed", "update_customer_failed" -> "retry"\n    else -> e.message ?: "unknown"\n}\n';
    const { action, inserted } = await fixAt('file:///work/app/Errors.kt', 'kotlin', text, '"retry"');
    assert.equal(action.title, 'Add 1 missing UQPAY error case');
    assert.equal(inserted, '    "retrieve_customer_failed" -> e.message ?: "unknown" // Check that the customer id exists and belongs to the authenticated account\n');
  });

  it('a Dart 3 switch expression gets an arm that yields what the wildcard yields', async () => {
    const text = "import 'package:uqpay_sdk_flutter/uqpay_sdk_flutter.dart';\n\nString f(UqpayError e) => switch (e.serverCode) {\n      'create_customer_failed' || 'update_customer_failed' => 'retry',\n      _ => e.userMessage,\n    };\n";
    const { inserted } = await fixAt('file:///work/app/errors.dart', 'dart', text, "'retry'");
    assert.equal(inserted, "      'retrieve_customer_failed' => e.userMessage, // Check that the customer id exists and belongs to the authenticated account\n");
  });

  it('without a default the title says so in Chinese and the case is marked not handled yet', async () => {
    config = { docsLanguage: 'zh-CN' };
    await server.conn.sendNotification('workspace/didChangeConfiguration', { settings: { uqpayErrors: config } });
    const text = "import { UQPayError } from '@uqpay/sdk';\n\nexport function f(err: UQPayError): number {\n  switch (err.code) {\n    case 'create_customer_failed':\n    case 'update_customer_failed':\n      return 1;\n  }\n  return 0;\n}\n";
    const { action, inserted } = await fixAt('file:///work/app/zh.ts', 'typescript', text, 'return 1;');
    assert.equal(action.title, '添加 1 个缺少的 UQPAY 错误码分支（无默认分支）');
    assert.match(inserted, /^ {4}case 'retrieve_customer_failed': \/\/ [^\n]*[\u4e00-\u9fff][^\n]*\n {6}\/\/ TODO：尚未处理\n {6}break;\n$/);
  });
});
