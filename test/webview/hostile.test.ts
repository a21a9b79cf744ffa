/**
 * Issue 7 §4, what decode.test.ts / catalog.test.ts do not cover yet: `javascript:` links and CSS
 * injection in pasted text, a 10 MB paste of hostile markup, messages of unknown type or bad shape
 * in both directions, and documentation links of a user's catalog that are not web pages. Runs the
 * real pages in headless chromium through harness.ts (a fake acquireVsCodeApi stands in for VS Code).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { builtinCatalogData } from '../../catalog/src/builtin';
import { createCatalog } from '../../catalog/src/catalog';
import { CatalogHost } from '../../client/src/panels/catalogHost';
import { DecodeHost } from '../../client/src/panels/decodeHost';
import type { ToCatalogWebview, ToDecodeWebview } from '../../client/src/webview/protocol';
import { Harness, until } from './harness';

const catalog = createCatalog([builtinCatalogData()]);
const cards = (page: Page) => page.locator('#cards article');
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

/** Paste as Ctrl+V does. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const input = document.getElementById('input') as HTMLTextAreaElement;
    input.focus();
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Attributes and elements that could run script or restyle the page, inside the panel's root. */
async function activeContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('#root *'))) {
      if (/^(script|style|iframe|object|embed|img|svg|link|meta|base|form)$/i.test(el.tagName)) bad.push(`<${el.tagName.toLowerCase()}>`);
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) bad.push(`${a.name}=`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) bad.push(`${a.name}=${a.value}`);
      }
    }
    return bad;
  });
}

describe('hostile content in the panels (chromium)', function () {
  this.timeout(120_000);
  const harness = new Harness();
  let page: Page;
  let errors: string[];
  let warnings: string[];

  before(async () => {
    await harness.start();
  });
  after(async () => {
    await harness.stop();
  });
  afterEach(async () => {
    await page?.context().close();
  });

  async function openDecode(): Promise<void> {
    const env = harness.env<ToDecodeWebview>(() => page);
    const host = new DecodeHost(() => catalog, () => ({ lang: 'en' }), env, () => undefined, '0.1.0');
    const o = await harness.open('decode', (m) => host.handle(m), 'dark', (p) => {
      page = p;
      warnings = [];
      p.on('console', (m) => {
        if (m.type() === 'warning') warnings.push(m.text());
      });
    });
    page = o.page;
    errors = o.errors;
    await page.locator('#input').waitFor();
  }

  it('decode panel: javascript: links and CSS injection in a paste stay text and change nothing', async () => {
    await openDecode();
    const before = await page.evaluate(() => ({ display: getComputedStyle(document.body).display, bg: getComputedStyle(document.body).backgroundColor, sheets: document.styleSheets.length }));
    const payload = [
      '<a href="javascript:window.__pwned=1">docs</a>',
      '</textarea><style>body{display:none!important}</style>',
      '<link rel=stylesheet href="data:text/css,body{background:red}">',
      'HTTP/1.1 400 Bad Request',
      '',
      JSON.stringify({
        type: 'payment_error',
        code: 'expired_order',
        message: '<style>*{visibility:hidden}</style><a href="javascript:window.__pwned=2">x</a>',
        docs: 'javascript:window.__pwned=3',
        request_id: '" style="background:url(javascript:window.__pwned=4)',
      }),
      JSON.stringify({ type: 'payment_error', code: 'x" onmouseover="window.__pwned=5', message: 'url(javascript:window.__pwned=6) @import "data:text/css,*{color:red}";' }),
    ].join('\n');
    await page.fill('#input', payload);
    await page.waitForFunction(() => document.querySelectorAll('#cards article').length === 2);
    // Hover and click everything the cards hold.
    for (const el of await page.locator('#cards a, #cards button, #cards [title]').all()) {
      await el.hover().catch(() => undefined);
    }
    for (const el of await page.locator('#cards a').all()) await el.click({ trial: false }).catch(() => undefined);
    assert.equal(await pwned(page), undefined);
    assert.deepEqual(await activeContent(page), []);
    const after = await page.evaluate(() => ({ display: getComputedStyle(document.body).display, bg: getComputedStyle(document.body).backgroundColor, sheets: document.styleSheets.length }));
    assert.deepEqual(after, before, 'the page looks the same');
    assert.match(await cards(page).first().textContent() ?? '', /<style>\*\{visibility:hidden\}<\/style>/);
    assert.deepEqual(errors, []);
  });

  it('decode panel: 10 MB of hostile markup never runs and the page keeps answering', async () => {
    await openDecode();
    const unit = '<img src=x onerror="window.__pwned=7"><script>window.__pwned=8</script><svg onload="window.__pwned=9"></svg>\n';
    const big = unit.repeat(Math.ceil((10 << 20) / unit.length)) + '{"type":"refund_error","code":"refund_amount_invalid","message":"<img src=x onerror=window.__pwned=10>"}';
    await paste(page, big);
    // The page answers while the host decodes: a round trip through the event loop.
    assert.equal(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(1)))), 1);
    await cards(page).first().waitFor({ timeout: 90_000 });
    assert.equal(await pwned(page), undefined);
    assert.deepEqual(await activeContent(page), []);
    assert.deepEqual(errors, []);
  });

  it('decode panel: host messages of unknown type or bad shape are ignored and logged; the panel keeps working', async () => {
    await openDecode();
    const junk: unknown[] = [
      null, 42, 'init', [], { type: 'nope' }, { type: 'init', strings: null }, { type: 'setInput', text: { a: 1 } },
      { type: 'actionResult', ok: 'yes', message: 5 },
      { type: 'decodeResult', seq: 'x', result: null },
      { type: 'decodeResult', seq: 1e9, result: { findings: [null, 5, 'x', { problems: 'x', matches: null, source: null }], notes: [null, 7] }, inputLength: 1 },
      { type: 'decodeResult', seq: 1e9 + 1, result: { findings: [{ envelope: 'A', code: { toString: 1 }, type: [], message: 9, problems: [{ code: null, message: null }], matches: [null], retry: 'x', source: {} }], notes: [] }, inputLength: -1 },
    ];
    for (const m of junk) await page.evaluate((msg) => window.postMessage(msg, '*'), m);
    // console messages reach us asynchronously: wait for them, not for a fixed time
    await until(() => warnings.length >= 5);
    assert.deepEqual(errors, [], 'no page errors');
    assert.ok(warnings.length >= 5, `ignored messages are logged (${warnings.length} warnings)`);
    await page.fill('#input', '{"type":"payment_error","code":"expired_order","message":"Expired payment intent"}');
    await page.waitForFunction(() => /expired_order/.test(document.querySelector('#cards')?.textContent ?? ''));
    assert.deepEqual(errors, []);
  });

  it('decode and catalog hosts: webview messages of unknown type or bad shape are ignored and logged', async () => {
    const denv = harness.env<ToDecodeWebview>(() => undefined);
    const dhost = new DecodeHost(() => catalog, () => ({ lang: 'en' }), denv, () => undefined);
    const cenv = harness.env<ToCatalogWebview>(() => undefined);
    const chost = new CatalogHost(() => catalog, () => ({ lang: 'en' }), cenv);
    const junk: unknown[] = [
      undefined, null, 0, 'ready', [], { type: 'nope' }, { type: 'decode', seq: 'a', text: 5 }, { type: 'decode', seq: 1, text: null },
      { type: 'search', seq: 1, query: { length: 1e9 } }, { type: 'action', action: 'rm -rf', id: 'general/api_error' },
      { type: 'action', action: 'openDocs', id: 5 }, { type: 'openEntry', id: null }, JSON.parse('{"__proto__":{"polluted":1},"type":"ready"}'),
    ];
    for (const m of junk) {
      await dhost.handle(m);
      await chost.handle(m);
    }
    assert.equal(({} as { polluted?: unknown }).polluted, undefined, 'no prototype pollution');
    assert.ok(denv.logs.length >= 10 && cenv.logs.length >= 10, `logged: ${denv.logs.length} / ${cenv.logs.length}`);
  });

  it('catalog host: a user catalog\'s documentation link opens only if it is a web page', async () => {
    const base = builtinCatalogData();
    const bad = ['javascript:alert(1)', 'file:///etc/passwd', 'command:workbench.action.terminal.new', 'vscode://settings', 'data:text/html,<script>alert(1)</script>'];
    const user = createCatalog([base, {
      ...base, name: 'team',
      errors: bad.map((docs, i) => ({ ...base.errors[0], id: `general/team_${i}`, code: `team_${i}`, docs })),
    }]);
    const env = harness.env<ToCatalogWebview>(() => undefined);
    const opened: string[] = [];
    env.openExternal = async (u: string) => {
      opened.push(u);
      return true;
    };
    const host = new CatalogHost(() => user, () => ({ lang: 'en' }), env);
    for (let i = 0; i < bad.length; i++) await host.handle({ type: 'action', action: 'openDocs', id: `general/team_${i}` });
    await host.handle({ type: 'action', action: 'openDocs', id: base.errors[0].id });
    assert.ok(opened.every((u) => /^https:\/\//.test(u)), `opened: ${opened.join(', ')}`);
    assert.equal(opened.length >= 1, true, 'a built-in entry still opens its docs');
  });
});
