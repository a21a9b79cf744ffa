// Extra catalogs over the protocol: each workspace folder's `extraCatalogs` resolves against that
// folder, and a folder leaving the workspace takes its catalog with it.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { initialize, startServer, type TestServer } from '../support/lspClient';

function catalogWith(code: string): string {
  return JSON.stringify({
    name: `team ${code}`, version: '1', docs: 'https://example.invalid/docs', types: [],
    errors: [{
      id: `payment/${code}`, group: 'payment', envelope: 'A', code, types: ['payment_error'], typeCertain: true,
      message: 'Team custom failure', httpStatus: [400], endpoints: [], retry: 'no',
      summary: { en: 'A code our gateway proxy adds.', 'zh-CN': '我们的网关代理添加的错误码。' },
      advice: { en: 'Ask the platform team.', 'zh-CN': '联系平台团队。' }, docs: 'https://example.invalid/docs',
    }],
  });
}

describe('extra catalogs per workspace folder', function () {
  this.timeout(30000);
  let server: TestServer;
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'uqpay-folders-'));
    mkdirSync(join(root, 'alpha'));
    mkdirSync(join(root, 'beta', 'catalogs'), { recursive: true });
    writeFileSync(join(root, 'alpha', 'extra.json'), catalogWith('team_alpha_code'));
    writeFileSync(join(root, 'beta', 'catalogs', 'extra.json'), catalogWith('team_beta_code'));
  });
  after(() => {
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('reads each folder\'s relative paths against that folder, and forgets a removed folder\'s catalog', async () => {
    const alpha = pathToFileURL(join(root, 'alpha')).toString();
    const beta = pathToFileURL(join(root, 'beta')).toString();
    server = startServer();
    server.configuration = (item) =>
      item.scopeUri === alpha ? { extraCatalogs: ['extra.json'] } : item.scopeUri === beta ? { extraCatalogs: ['catalogs/extra.json'] } : {};
    await initialize(server, { folders: [join(root, 'alpha'), join(root, 'beta')] });
    const uri = `${alpha}/app.ts`;
    // misspellings of both teams' codes: each is reported against its own catalog's code
    const text = "// uqpay\nif (err.code === 'team_alpha_cod' || err.code === 'team_beta_cod') {}\n";
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const both = await server.diagnostics(uri, (d) => d.diagnostics.length === 2 && d.diagnostics.every((x) => /did you mean 'team_/.test(String(x.message))));
    assert.deepEqual(both.diagnostics.map((d) => String(d.message).match(/did you mean '(\w+)'/)?.[1]).sort(), ['team_alpha_code', 'team_beta_code']);

    await server.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: beta, name: 'ws1' }] } });
    // beta's code is gone, so 'team_beta_cod' is close to no catalog code: unknown-error-code, a typo
    // detector since issue 13, leaves it alone
    const one = await server.diagnostics(uri, (d) => d.diagnostics.length === 1);
    assert.match(String(one.diagnostics[0].message), /did you mean 'team_alpha_code'/, 'alpha still loaded');
  });
});
