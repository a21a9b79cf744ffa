// The decode panel page in headless chromium, answered by the real host logic (see harness.ts).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadBuiltinCatalog } from '../../catalog/src/builtin';
import { DecodeHost } from '../../client/src/panels/decodeHost';
import type { HostEnv } from '../../client/src/panels/hostEnv';
import type { ToDecodeWebview } from '../../client/src/webview/protocol';
import { Harness, RESULTS, until } from './harness';

const catalog = loadBuiltinCatalog();
const cards = (page: Page) => page.locator('#cards article');

describe('decode panel in chromium', function () {
  const harness = new Harness();
  let page: Page;
  let errors: string[];
  let host: DecodeHost;
  let env: HostEnv<ToDecodeWebview> & { copied: string[]; logs: string[] };
  let opened: string[];
  /** Holds big decode requests until the test lets them through. */
  let gate: Promise<void> | undefined;
  let decodeRequests: number[];

  before(async () => {
    await harness.start();
  });
  after(async () => {
    await harness.stop();
  });

  async function openPage(lang: 'en' | 'zh-CN' = 'en', before: (h: DecodeHost) => unknown = () => undefined): Promise<void> {
    env = harness.env<ToDecodeWebview>(() => page);
    opened = [];
    decodeRequests = [];
    host = new DecodeHost(() => catalog, () => ({ lang }), env, (id) => opened.push(id), '0.1.0');
    await before(host);
    const o = await harness.open('decode', async (m) => {
      const msg = m as { type?: string; text?: string };
      if (msg.type === 'decode' && typeof msg.text === 'string') {
        decodeRequests.push(msg.text.length);
        if (gate && msg.text.length > 1_000_000) await gate;
      }
      await host.handle(m);
    }, 'dark', (p) => (page = p));
    page = o.page;
    errors = o.errors;
    await page.locator('#input').waitFor();
  }

  afterEach(async () => {
    assert.deepEqual(errors, [], 'page errors');
    await page?.context().close();
  });

  it('decodes a pasted HTTP response into a card, problems highlighted', async () => {
    await openPage();
    assert.equal(host.ready, true);
    await page.fill('#input', 'HTTP/1.1 404 Not Found\nx-request-id: req_42\n\n{"type":"not_found","code":"not_found_id","message":"Not Found ID"}');
    await cards(page).first().waitFor();
    assert.equal(await cards(page).count(), 1);
    assert.equal(await cards(page).first().locator('h2').textContent(), 'Response 1: not_found_id');
    // The seed's type table maps not_found to HTTP 400.
    assert.equal(await page.locator('#cards dd.row-status').textContent(), '404 (expected 400)');
    assert.ok(await page.locator('#cards dd.row-status').evaluate((e) => e.classList.contains('problem')));
    assert.equal(await page.locator('#cards dd.row-requestId').textContent(), 'req_42');
    assert.equal(await page.locator('#status').textContent(), '1 response found');
    await page.screenshot({ path: join(RESULTS, 'decode-card.png'), fullPage: true });
  });

  // Issue 14: the SDKs trust the HTTP status over a legacy body's code 200 (SDK facts §2, §3.4);
  // "Invalid parameter" is the seed's invalid_parameter: fix the request, new idempotency key.
  const LEGACY_400 = 'HTTP/1.1 400 Bad Request\ncontent-type: application/json\n\n{"code":200,"message":"Invalid parameter"}';

  it('explains that the status and the body disagree, and which one it trusted', async () => {
    await openPage();
    await page.fill('#input', LEGACY_400);
    await cards(page).first().waitFor();
    const disagree = page.locator('#cards dd.row-disagree');
    assert.equal(await disagree.textContent(), 'HTTP 400 is a failure, but the body\'s code 200 says success or "still processing". The status was trusted, as the SDKs do: the request failed, so do not keep resending it with the same key. Read as invalid_parameter.');
    assert.ok(await disagree.evaluate((e) => e.classList.contains('problem')));
    assert.equal(await page.locator('#cards dt.row-disagree').textContent(), 'Status and body disagree');
    assert.equal(await page.locator('#cards dd.row-retry').textContent(), 'Fix the request, then send it with a new x-idempotency-key');
    assert.equal(await page.locator('#cards button[data-entry]').getAttribute('data-entry'), 'general/invalid_parameter');
    // said once: the disagreement has its own row, not a second line under Problems
    assert.equal(await page.locator('#cards dd.row-problems').count(), 0);
    await page.screenshot({ path: join(RESULTS, 'decode-disagree.png'), fullPage: true });
  });

  it('explains the disagreement in Chinese when the docs language is zh-CN', async () => {
    await openPage('zh-CN');
    await page.fill('#input', LEGACY_400);
    await cards(page).first().waitFor();
    assert.equal(await page.locator('#cards dt.row-disagree').textContent(), '状态码与响应体不一致');
    assert.equal(await page.locator('#cards dd.row-disagree').textContent(), 'HTTP 400 表示失败，但响应体的 code 200 表示成功或“仍在处理”。这里以状态码为准（SDK 也是如此）：请求已失败，不要用同一个 key 反复重发。 按 invalid_parameter 解读。');
  });

  it('reads an HTML 502 by its status and shows what that means', async () => {
    await openPage();
    await page.fill('#input', 'HTTP/1.1 502 Bad Gateway\ncontent-type: text/html\nRetry-After: 5\n\n<html><head><title>502 Bad Gateway</title></head></html>');
    await cards(page).first().waitFor();
    assert.equal(await page.locator('#cards dd.row-readAs').textContent(), 'api_error, from HTTP 502; the body names no usable code');
    assert.equal(await page.locator('#cards dd.row-retry').textContent(), 'Check the resource status before retrying');
    assert.equal(await page.locator('#cards dd.row-retryAfter').textContent(), '5');
    // the seed's api_error row: "gateway failures and risk-control rejections"
    assert.match(await page.locator('#cards dd.row-meaning').textContent() ?? '', /gateway failures/);
  });

  it('names values an SDK made up', async () => {
    await openPage();
    await page.fill('#input', "AuthenticationError(type='unauthorized_error', code='authentication_error', message='Invalid authorization header', http_status=401)");
    await cards(page).first().waitFor();
    assert.deepEqual(await page.locator('#cards dd.row-sdkMade li').allTextContents(), [
      '"authentication_error" was made by the SDK (Node, Python) from HTTP 401',
      '"unauthorized_error" was made by the SDK (Node, Python) from HTTP 401',
    ]);
  });

  it('shows several responses in one paste as several cards, and opens an entry in the catalog', async () => {
    await openPage();
    await page.fill('#input', [
      '2026-11-25T10:00:00Z ERROR uqpay: {"type":"api_error","code":"api_error","message":"An internal error occurred, please try again."}',
      '2026-11-25T10:00:01Z WARN uqpay: {"code":200,"message":"Request is processing, please try again later."}',
    ].join('\n'));
    await page.waitForFunction(() => document.querySelectorAll('#cards article').length === 2);
    assert.deepEqual(await cards(page).locator('h2').allTextContents(), ['Response 1: api_error', 'Response 2: 200']);
    await cards(page).nth(1).locator('button[data-entry]').first().click();
    await until(() => opened.length > 0);
    assert.deepEqual(opened, ['general/200']);
  });

  it('says plainly that it filled itself from the clipboard, and Escape puts the area back', async () => {
    const body = '{"type":"refund_error","code":"refund_amount_invalid","message":"Refund amount invalid"}';
    await openPage('en', (h) => h.offerClipboard(body));
    await cards(page).first().waitFor();
    assert.equal(await page.inputValue('#input'), body);
    assert.equal(await page.isVisible('#from-clipboard'), true);
    assert.match(await page.locator('#from-clipboard').textContent() ?? '', /Filled in from the clipboard\. Press Escape to undo\./);
    await page.keyboard.press('Escape');
    assert.equal(await page.inputValue('#input'), '');
    assert.equal(await page.isVisible('#from-clipboard'), false);
    await page.waitForFunction(() => document.querySelectorAll('#cards article').length === 0);
  });

  it('keeps unrelated clipboard text out of the panel', async () => {
    await openPage('en', async (h) => assert.equal(await h.offerClipboard('const total = items.reduce((a, b) => a + b, 0);'), false));
    assert.equal(await page.inputValue('#input'), '');
    assert.equal(await page.isVisible('#from-clipboard'), false);
  });

  it('says which form each response came in, and speaks Chinese for zh-CN', async () => {
    await openPage('zh-CN');
    await page.fill('#input', [
      '2026-11-25T10:00:00Z ERROR refunds: {"type":"refund_error","code":"refund_amount_invalid","message":"Refund amount invalid"}',
      'HTTP/1.1 404 Not Found',
      '',
      '{"type":"not_found","code":"not_found_id","message":"Not Found ID"}',
    ].join('\n'));
    await page.waitForFunction(() => document.querySelectorAll('#cards article').length === 2);
    assert.deepEqual(await page.locator('#cards dd.row-source').allTextContents(), ['日志行', 'HTTP 响应']);
    assert.equal(await page.locator('#status').textContent(), '找到 2 个响应');
    assert.deepEqual(await cards(page).locator('h2').allTextContents(), ['响应 1: refund_amount_invalid', '响应 2: not_found_id'].map((t) => t.replace(': ', '：')));
    const problems = await page.locator('#cards dd.row-problems li').allTextContents();
    // The library's Chinese sentence for the status problem (catalog/src/problemText.ts), not decode's English one.
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^HTTP 404 .*[\u4e00-\u9fff].*HTTP 400/);
    const labels = await page.locator('#cards dt').allTextContents();
    for (const l of labels) assert.match(l, /[\u4e00-\u9fff]|^HTTP/, `untranslated label ${l}`);
    assert.equal(await page.locator('#copy-report').textContent(), '复制报告');
  });

  // Issue 16: the library's notes (decodeNotes.ts) in the docs language, not decode's English.
  it('shows the library\'s notes in Chinese for zh-CN: skipped responses, and bodies that are not errors', async () => {
    await openPage('zh-CN');
    const body = '{"type":"payment_error","code":"invalid_order_amount","message":"Invalid order amount"}';
    // decode shows at most 200 responses (catalog/src/decode.ts); 3 more are counted in a note.
    await page.fill('#input', Array(203).fill(body).join('\n'));
    await page.waitForFunction(() => document.querySelectorAll('#cards article').length === 200);
    const notes = await page.locator('#explain p').allTextContents();
    assert.deepEqual(notes, ['只显示前 200 个错误响应，另有 3 个被略过。']);
    assert.doesNotMatch(notes.join(' '), /Showing|skipped/);

    await page.fill('#input', '{"payment_intent_id":"PI1","intent_status":"SUCCEEDED"}');
    await page.waitForFunction(() => document.querySelectorAll('#cards article').length === 0);
    await page.waitForFunction(() => (document.querySelector('#explain')?.textContent ?? '').includes('找到 1 个'));
    const explained = await page.locator('#explain p').allTextContents();
    assert.ok(explained.includes('找到 1 个不含错误字段的 JSON 对象（成功响应不是错误）。'), explained.join(' | '));
    assert.doesNotMatch(explained.join(' '), /Found|No UQPAY error response found/);
  });

  it('explains what it accepts when nothing decodes', async () => {
    await openPage();
    await page.fill('#input', 'hello, is this a response?');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'Nothing to decode here.');
    assert.match(await page.locator('#explain').textContent() ?? '', /JSON error bodies/);
    assert.equal(await cards(page).count(), 0);
  });

  it('never runs pasted markup: <img onerror>, <script> and markup inside JSON fields stay text', async () => {
    await openPage();
    const payload = [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=2</script>',
      'HTTP/1.1 400 Bad Request',
      '',
      '{"type":"payment_error","code":"<img src=x onerror=window.__pwned=3>","message":"<script>window.__pwned=4</script><svg onload=window.__pwned=5>"}',
    ].join('\n');
    await page.fill('#input', payload);
    await cards(page).first().waitFor();
    await page.hover('#cards');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('#root img, #root script, #root svg, #root iframe').count(), 0);
    assert.match(await page.locator('#cards').textContent() ?? '', /<script>window\.__pwned=4<\/script>/);
    await page.screenshot({ path: join(RESULTS, 'decode-hostile.png'), fullPage: true });
  });

  it('redacts secrets in the cards and in the copied report', async () => {
    await openPage();
    const token = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2VuLXZhbHVl.sig';
    await page.fill('#input', [
      '> POST /api/v2/payment/payout/create HTTP/2',
      `> x-auth-token: Bearer ${token}`,
      '< HTTP/2 429',
      '<',
      '{"type":"api_error","code":"velocity_limit_exceeded","message":"Transaction frequency/amount exceeds risk control thresholds (HTTP 429)","card":"5346 9301 0010 8117"}',
    ].join('\n'));
    await cards(page).first().waitFor();
    assert.ok(!(await page.locator('#cards').textContent() ?? '').includes(token));
    await page.click('#copy-report');
    await page.waitForFunction(() => /report/.test(document.querySelector('#toast')?.textContent ?? ''));
    const md = env.copied[0]!;
    assert.match(md, /## Response 1: `velocity_limit_exceeded`/);
    assert.ok(!md.includes(token));
    assert.ok(!md.replace(/\D/g, '').includes('5346930100108117'));
  });

  it('stays responsive while a 10 MB paste is decoded, showing progress, then shows the card', async () => {
    await openPage();
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const size = await page.evaluate(() => {
      const filler = '2026-11-25T10:00:00Z INFO request ok path=/api/v2/payment_intents status=200\n';
      const big = filler.repeat(Math.ceil((10 * 1024 * 1024) / filler.length)) + '{"type":"refund_error","code":"refund_amount_exceeded","message":"Refund amount exceeded original transaction amount"}\n';
      // A real paste event, as Ctrl+V produces it.
      const data = new DataTransfer();
      data.setData('text/plain', big);
      const input = document.getElementById('input') as HTMLTextAreaElement;
      input.focus();
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      return big.length;
    });
    assert.ok(size > 10 * 1024 * 1024);
    // While the host works, the page shows progress and still reacts: frames render, buttons work.
    await page.waitForFunction(() => !(document.getElementById('progress') as HTMLProgressElement).hidden);
    assert.match(await page.locator('#status').textContent() ?? '', /^Decoding 10\.0 MB…$/);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // The text area shows the beginning of the paste, not 10 MB.
    const shown = await page.inputValue('#input');
    assert.ok(shown.length < 10_000, `text area holds ${shown.length} chars`);
    assert.match(shown, /\[10\.0 MB pasted: showing the first 3\.9 KB; all of it is decoded\. Clear to edit\.\]$/);
    await until(() => decodeRequests.length > 0);
    assert.deepEqual(decodeRequests, [size], 'one debounced request with the whole paste');
    release();
    gate = undefined;
    await cards(page).first().waitFor({ timeout: 60_000 });
    assert.equal(await cards(page).first().locator('h2').textContent(), 'Response 1: refund_amount_exceeded');
    assert.ok(await page.locator('#progress').evaluate((e) => (e as HTMLProgressElement).hidden));
  });

  it('keeps the pasted text across a reload', async () => {
    await openPage();
    await page.fill('#input', '{"code":200,"message":"Request is processing, please try again later."}');
    await cards(page).first().waitFor();
    await page.reload();
    await cards(page).first().waitFor();
    assert.equal(await page.inputValue('#input'), '{"code":200,"message":"Request is processing, please try again later."}');
  });
});
