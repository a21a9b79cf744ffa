// The hosts behind the two panels (catalogHost.ts, decodeHost.ts), answered with a fake VS Code.
import assert from 'node:assert/strict';
import { loadBuiltinCatalog } from '../../../../catalog/src/builtin';
import { CatalogHost, isWebUrl } from '../../../../client/src/panels/catalogHost';
import { DecodeHost } from '../../../../client/src/panels/decodeHost';
import type { HostEnv } from '../../../../client/src/panels/hostEnv';
import type { ToCatalogWebview, ToDecodeWebview } from '../../../../client/src/webview/protocol';

function fakeEnv<Out>(editorLanguage?: string, opens = true) {
  const posted: Out[] = [];
  const copied: string[] = [];
  const logs: string[] = [];
  const env: HostEnv<Out> = {
    post: (m) => posted.push(m),
    copy: async (t) => {
      copied.push(t);
    },
    insertText: async () => editorLanguage !== undefined,
    editorLanguage: () => editorLanguage,
    openExternal: async (u) => {
      copied.push(`open:${u}`);
      return opens;
    },
    log: (m) => logs.push(m),
  };
  return { env, posted, copied, logs };
}

describe('panel hosts', () => {
  const catalog = loadBuiltinCatalog();
  const settings = () => ({ lang: 'en' as const });

  it('answers ready with the whole catalog and a pending selection, then searches with exact code first', async () => {
    const f = fakeEnv<ToCatalogWebview>();
    const host = new CatalogHost(() => catalog, settings, f.env);
    host.select('refund/api_error');
    assert.equal(f.posted.length, 0, 'nothing is posted before the page is ready');
    await host.handle({ type: 'ready' });
    assert.equal(host.ready, true);
    const init = f.posted[0]!;
    assert.equal(init.type, 'init');
    if (init.type !== 'init') return;
    assert.equal(init.catalog.entries.length, 63);
    assert.equal(init.select, 'refund/api_error');
    assert.equal(init.retryLabels.same_key, 'Retry with the same x-idempotency-key');
    await host.handle({ type: 'search', seq: 7, query: 'insufficient_balance' });
    const res = f.posted[1]!;
    assert.equal(res.type, 'searchResult');
    if (res.type !== 'searchResult') return;
    assert.equal(res.seq, 7);
    assert.equal(res.ids[0], 'payout/insufficient_balance');
    host.select('general/200');
    assert.deepEqual(f.posted[2], { type: 'select', id: 'general/200' });
  });

  it('copies a handler snippet in the last editor\'s language and reports when there is no editor to insert into', async () => {
    const py = fakeEnv<ToCatalogWebview>('python');
    const host = new CatalogHost(() => catalog, settings, py.env);
    await host.handle({ type: 'ready' });
    await host.handle({ type: 'action', action: 'copySnippet', id: 'payout/insufficient_balance' });
    assert.match(py.copied[0]!, /^match e\.code:\n {4}case "insufficient_balance":  # .+\n {8}raise\n/);
    await host.handle({ type: 'action', action: 'copyCode', id: 'general/200' });
    assert.equal(py.copied[1], '200');
    const none = fakeEnv<ToCatalogWebview>();
    const h2 = new CatalogHost(() => catalog, settings, none.env);
    await h2.handle({ type: 'action', action: 'insertCode', id: 'general/api_error' });
    assert.deepEqual(none.posted[0], { type: 'actionResult', ok: false, message: 'Open a text editor first: there is no cursor to insert at.' });
    await h2.handle({ type: 'action', action: 'openDocs', id: 'general/api_error' });
    assert.match(none.copied[0]!, /^open:https:\/\/developers\.uqpay\.com\//);
  });

  it('answers a search with the catalog\'s one ranking: the two amount codes for refund_amount, nothing else', async () => {
    const f = fakeEnv<ToCatalogWebview>();
    const host = new CatalogHost(() => catalog, settings, f.env);
    await host.handle({ type: 'search', seq: 1, query: 'refund_amount' });
    const res = f.posted[0]!;
    assert.equal(res.type === 'searchResult' && [...res.ids].sort().join(), 'refund/refund_amount_exceeded,refund/refund_amount_invalid');
  });

  it('says the docs opened only when VS Code opened them', async () => {
    const declined = fakeEnv<ToCatalogWebview>(undefined, false);
    await new CatalogHost(() => catalog, settings, declined.env).handle({ type: 'action', action: 'openDocs', id: 'general/api_error' });
    const no = declined.posted[0]!;
    assert.equal(no.type === 'actionResult' && no.ok, false);
    assert.match(no.type === 'actionResult' ? no.message : '', /^The documentation was not opened: https:\/\//);
    const opened = fakeEnv<ToCatalogWebview>();
    await new CatalogHost(() => catalog, settings, opened.env).handle({ type: 'action', action: 'openDocs', id: 'general/api_error' });
    const yes = opened.posted[0]!;
    assert.equal(yes.type === 'actionResult' && yes.ok, true);
    assert.match(yes.type === 'actionResult' ? yes.message : '', /^Opened https:\/\//);
  });

  it('speaks the docs language, not VS Code\'s: strings and action results in Chinese for zh-CN', async () => {
    const f = fakeEnv<ToCatalogWebview>();
    const host = new CatalogHost(() => catalog, () => ({ lang: 'zh-CN' as const }), f.env);
    await host.handle({ type: 'ready' });
    const init = f.posted[0]!;
    assert.equal(init.type === 'init' && init.strings.searchLabel, '搜索错误码');
    assert.equal(init.type === 'init' && init.strings.fieldAdvice, '处理建议');
    await host.handle({ type: 'action', action: 'copyCode', id: 'general/api_error' });
    assert.deepEqual(f.posted[1], { type: 'actionResult', ok: true, message: '已复制 api_error。' });
  });

  it('fills the decode panel from the clipboard only with an error response, marked as from the clipboard', async () => {
    const f = fakeEnv<ToDecodeWebview>();
    const host = new DecodeHost(() => catalog, settings, f.env, () => undefined);
    await host.handle({ type: 'ready' });
    assert.equal(await host.offerClipboard('export function refund(amount: number) { return amount * 2; }'), false);
    assert.equal(await host.offerClipboard('{"type":"refund_error","code":"refund_amount_invalid","message":"Refund amount invalid"}'), true);
    assert.deepEqual(f.posted.slice(1), [{ type: 'setInput', text: '{"type":"refund_error","code":"refund_amount_invalid","message":"Refund amount invalid"}', origin: 'clipboard' }]);
  });

  it('treats only http(s) links as documentation to open', () => {
    assert.equal(isWebUrl('https://developers.uqpay.com/global-acquiring/v1.6/api-reference/error-codes'), true);
    for (const bad of ['javascript:alert(1)', 'command:workbench.action.terminal.new', 'file:///etc/passwd', 'vscode://settings', 'https://', '', undefined]) {
      assert.equal(isWebUrl(bad), false, String(bad));
    }
  });

  it('ignores and logs a malformed message without answering', async () => {
    const f = fakeEnv<ToCatalogWebview>();
    const host = new CatalogHost(() => catalog, settings, f.env);
    await host.handle({ type: 'search', query: 'x' });
    await host.handle({ type: '__proto__' });
    assert.equal(f.posted.length, 0);
    assert.equal(f.logs.length, 2);
  });

  it('decodes with the seq of the request, copies a report, and opens entries it knows', async () => {
    const f = fakeEnv<ToDecodeWebview>();
    const opened: string[] = [];
    const host = new DecodeHost(() => catalog, settings, f.env, (id) => opened.push(id), '0.1.0');
    host.setInput('{"code":200,"message":"Request is processing, please try again later."}');
    await host.handle({ type: 'ready' });
    const init = f.posted[0]!;
    assert.equal(init.type === 'init' && init.text, '{"code":200,"message":"Request is processing, please try again later."}');
    await host.handle({ type: 'copyReport' });
    assert.deepEqual(f.posted[1], { type: 'actionResult', ok: false, message: 'Nothing decoded yet: paste a response first.' });
    await host.handle({ type: 'decode', seq: 4, text: '{"code":200,"message":"Request is processing, please try again later."}' });
    const res = f.posted[2]!;
    assert.equal(res.type, 'decodeResult');
    if (res.type !== 'decodeResult') return;
    assert.equal(res.seq, 4);
    assert.equal(res.result.findings[0]!.envelope, 'B');
    assert.equal(res.result.findings[0]!.code, 200);
    await host.handle({ type: 'copyReport' });
    assert.match(f.copied[0]!, /## Response 1: `200`/);
    await host.handle({ type: 'openEntry', id: 'general/200' });
    await host.handle({ type: 'openEntry', id: 'nope/nope' });
    assert.deepEqual(opened, ['general/200']);
  });
});
