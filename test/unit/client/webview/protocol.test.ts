// Message validation both ways, and the page's HTML/CSP.
import assert from 'node:assert/strict';
import { contentSecurityPolicy, makeNonce, webviewHtml } from '../../../../client/src/panels/html';
import {
  isToCatalogWebview, isToDecodeWebview, parseFromCatalogWebview, parseFromDecodeWebview,
} from '../../../../client/src/webview/protocol';

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
