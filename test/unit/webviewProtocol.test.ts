// Message validation both ways, the page's HTML/CSP, and the hosts' answers with a fake VS Code.
import assert from 'node:assert/strict';
import { loadBuiltinCatalog } from '../../catalog/src/builtin';
import { contentSecurityPolicy, makeNonce, webviewHtml } from '../../client/src/panels/html';
import { CatalogHost, DecodeHost, englishT, isWebUrl, relevantHits, type HostEnv } from '../../client/src/panels/hosts';
import {
  isToCatalogWebview, isToDecodeWebview, parseFromCatalogWebview, parseFromDecodeWebview, type ToCatalogWebview, type ToDecodeWebview,
} from '../../client/src/webview/protocol';

describe('webview protocol: validation', () => {
  it('accepts each catalog message shape and rejects unknown or malformed ones', () => {
    assert.deepEqual(parseFromCatalogWebview({ type: 'ready' }).message, { type: 'ready' });
    assert.deepEqual(parseFromCatalogWebview({ type: 'search', seq: 3, query: 'refund', extra: 1 }).message, { type: 'search', seq: 3, query: 'refund' });
    assert.deepEqual(parseFromCatalogWebview({ type: 'action', action: 'copyCode', id: 'refund/api_error' }).message, { type: 'action', action: 'copyCode', id: 'refund/api_error' });
    for (const bad of [null, 'ready', [], { type: 'nope' }, { type: 'search', seq: -1, query: 'x' }, { type: 'search', seq: 1.5, query: 'x' },
      { type: 'search', seq: 1 }, { type: 'action', action: 'rm -rf', id: 'x' }, { type: 'action', action: 'copyCode', id: 'x'.repeat(20_000) },
      { type: 'decode', seq: 1, text: 'x' }]) {
      const r = parseFromCatalogWebview(bad);
      assert.equal(r.message, undefined, JSON.stringify(bad)?.slice(0, 60));
      assert.ok(r.error);
    }
  });

  it('accepts each decode message shape and rejects the catalog ones', () => {
    assert.deepEqual(parseFromDecodeWebview({ type: 'decode', seq: 0, text: '{}' }).message, { type: 'decode', seq: 0, text: '{}' });
    assert.deepEqual(parseFromDecodeWebview({ type: 'copyReport' }).message, { type: 'copyReport' });
    assert.deepEqual(parseFromDecodeWebview({ type: 'openEntry', id: 'general/200' }).message, { type: 'openEntry', id: 'general/200' });
    assert.equal(parseFromDecodeWebview({ type: 'search', seq: 1, query: 'x' }).message, undefined);
    assert.equal(parseFromDecodeWebview({ type: 'decode', seq: 1, text: 42 }).message, undefined);
    assert.equal(parseFromDecodeWebview({ type: 'openEntry' }).message, undefined);
  });

  it('lets the pages ignore host messages of the wrong shape', () => {
    assert.equal(isToCatalogWebview({ type: 'searchResult', seq: 1, query: 'a', ids: ['x'] }), true);
    assert.equal(isToCatalogWebview({ type: 'searchResult', seq: 1, query: 'a', ids: [1] }), false);
    assert.equal(isToCatalogWebview({ type: 'init', lang: 'fr', strings: {}, retryLabels: {}, catalog: { entries: [] } }), false);
    assert.equal(isToCatalogWebview({ type: 'decodeResult' }), false);
    assert.equal(isToDecodeWebview({ type: 'decodeResult', seq: 2, result: { findings: [], notes: [] }, inputLength: 0 }), true);
    assert.equal(isToDecodeWebview({ type: 'decodeResult', seq: 2, result: { findings: 'x', notes: [] }, inputLength: 0 }), false);
    assert.equal(isToDecodeWebview({ type: 'setInput', text: 5 }), false);
  });
});

describe('webview HTML', () => {
  it('has a CSP with default-src none, a nonce for scripts and cspSource for styles, fonts and images', () => {
    assert.equal(contentSecurityPolicy('https://x.vscode-cdn.net', 'abc'),
      "default-src 'none'; script-src 'nonce-abc'; style-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net");
  });

  it('loads one nonce\'d script from the webview folder and carries no data inline', () => {
    const nonce = makeNonce();
    const html = webviewHtml({ kind: 'decode', cspSource: 'https://c', nonce, base: 'https://c/dist/webview', lang: 'en', title: 'T <b>' });
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0]![1], '');
    assert.match(scripts[0]![0], new RegExp(`nonce="${nonce}" src="https://c/dist/webview/decode.js"`));
    assert.match(html, /<title>T &lt;b&gt;<\/title>/);
    assert.notEqual(makeNonce(), nonce);
    assert.throws(() => webviewHtml({ kind: 'catalog', cspSource: 'c', nonce: 'short', base: 'b', lang: 'en', title: 't' }));
  });
});

function fakeEnv<Out>(editorLanguage?: string) {
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
    },
    t: englishT,
    log: (m) => logs.push(m),
  };
  return { env, posted, copied, logs };
}

describe('webview hosts', () => {
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
    assert.match(py.copied[0]!, /^match e\.code:\n {4}case "insufficient_balance":\n {8}# /);
    await host.handle({ type: 'action', action: 'copyCode', id: 'general/200' });
    assert.equal(py.copied[1], '200');
    const none = fakeEnv<ToCatalogWebview>();
    const h2 = new CatalogHost(() => catalog, settings, none.env);
    await h2.handle({ type: 'action', action: 'insertCode', id: 'general/api_error' });
    assert.deepEqual(none.posted[0], { type: 'actionResult', ok: false, message: 'Open a text editor first: there is no cursor to insert at.' });
    await h2.handle({ type: 'action', action: 'openDocs', id: 'general/api_error' });
    assert.match(none.copied[0]!, /^open:https:\/\/developers\.uqpay\.com\//);
  });

  it('drops the long tail of fuzzy hits but keeps the relevant ones first', () => {
    const all = catalog.search('refund_amount', { limit: 200 });
    const kept = relevantHits(catalog, 'refund_amount');
    assert.ok(kept.length < all.length, `${kept.length} of ${all.length}`);
    assert.deepEqual(kept.slice(0, 2).map((h) => h.entry.code).sort(), ['refund_amount_exceeded', 'refund_amount_invalid']);
    // An exact code is never dropped, and Chinese still finds the balance entry.
    assert.equal(relevantHits(catalog, 'api_error')[0]!.entry.code, 'api_error');
    assert.ok(relevantHits(catalog, '余额').some((h) => h.entry.code === 'insufficient_balance'));
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
