// The catalog browser page in headless chromium, answered by the real host logic (see harness.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { builtinCatalogData } from '../../catalog/src/builtin';
import { createCatalog, type Catalog } from '../../catalog/src/catalog';
import type { CatalogData } from '../../catalog/src/types';
import { CatalogHost } from '../../client/src/panels/catalogHost';
import type { HostEnv } from '../../client/src/panels/hostEnv';
import type { ToCatalogWebview } from '../../client/src/webview/protocol';
import { Harness, RESULTS } from './harness';

const zhBundle = JSON.parse(readFileSync(join(__dirname, '../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const options = (page: Page) => page.locator('#list [role="option"]');
const codes = (page: Page) => page.locator('#list [role="option"] .code').allTextContents();

/** A user catalog whose strings are hostile markup: it must show up as text and never run. */
const hostile: CatalogData = {
  name: 'hostile', version: '1', docs: 'https://example.invalid/docs', types: [],
  errors: [{
    id: 'payment/x_hostile', group: 'payment', envelope: 'A', code: '<img src=x onerror="window.__pwned=1">', types: ['payment_error'],
    typeCertain: true, message: '<script>window.__pwned=2</script>', httpStatus: [400], endpoints: [], retry: 'no',
    summary: { en: '<b onmouseover="window.__pwned=3">bold?</b>', 'zh-CN': 'x' }, advice: { en: '<iframe src="javascript:window.__pwned=4"></iframe>', 'zh-CN': 'x' },
    docs: 'https://example.invalid/docs',
  }],
};

describe('catalog browser in chromium', function () {
  const harness = new Harness();
  let page: Page;
  let errors: string[];
  let host: CatalogHost;
  let env: HostEnv<ToCatalogWebview> & { copied: string[]; logs: string[] };
  let catalog: Catalog = createCatalog([builtinCatalogData()]);

  before(async () => {
    await harness.start();
  });
  after(async () => {
    await harness.stop();
  });

  async function openPage(theme: 'light' | 'dark' | 'hc' = 'dark', language = 'go', lang: 'en' | 'zh-CN' = 'en'): Promise<void> {
    env = harness.env<ToCatalogWebview>(() => page, { editorLanguage: () => language });
    host = new CatalogHost(() => catalog, () => ({ lang }), env);
    const opened = await harness.open('catalog', (m) => host.handle(m), theme, (p) => (page = p));
    page = opened.page;
    errors = opened.errors;
    await options(page).first().waitFor();
  }

  afterEach(async () => {
    assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), [], 'page errors');
    await page?.context().close();
  });

  it('answers the ready handshake and lists every entry', async () => {
    catalog = createCatalog([builtinCatalogData()]);
    await openPage();
    assert.equal(host.ready, true);
    assert.equal(await options(page).count(), 63);
    assert.equal(await page.locator('#count').textContent(), '63 of 63 entries');
    await page.screenshot({ path: join(RESULTS, 'catalog-dark.png') });
  });

  it('narrows the list as you type, exact code first, with typos and Chinese', async () => {
    await openPage();
    await page.fill('#search', 'insufficient_balance');
    await page.waitForFunction(() => document.querySelectorAll('#list [role="option"]').length < 63);
    assert.equal((await codes(page))[0], 'insufficient_balance');
    await page.fill('#search', 'retreive_refund_faild');
    await page.waitForFunction(() => document.querySelector('#list [role="option"] .code')?.textContent === 'retrieve_refund_failed');
    await page.fill('#search', '余额');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('#list .code')).some((e) => e.textContent === 'insufficient_balance'));
    assert.ok((await options(page).count()) < 63);
    await page.screenshot({ path: join(RESULTS, 'catalog-search.png') });
  });

  it('filters by group and type, with counts per value that follow the other filters', async () => {
    await openPage();
    const groupOptions = await page.locator('#filter-group option').allTextContents();
    // Seed tables: general 6 + 1 envelope-B row, payment 30, refund 8, customer 3, payout 15.
    assert.deepEqual(groupOptions, ['All (63)', 'General (7)', 'Payment (30)', 'Refund (8)', 'Customer (3)', 'Payout (15)']);
    await page.selectOption('#filter-group', 'refund');
    await page.waitForFunction(() => document.querySelectorAll('#list [role="option"]').length === 8);
    assert.deepEqual((await codes(page)).slice(0, 2), ['create_refund_failed', 'refund_processing']);
    // Every refund row can come back as 400 (its section's types all map to 400).
    const statusTexts = await page.locator('#filter-status option').allTextContents();
    assert.ok(statusTexts.includes('400 (8)'), statusTexts.join('|'));
    await page.selectOption('#filter-endpoint', 'Retrieve a refund');
    await page.waitForFunction(() => document.querySelectorAll('#list [role="option"]').length === 1);
    assert.deepEqual(await codes(page), ['retrieve_refund_failed']);
    await page.click('#clear-filters');
    await page.waitForFunction(() => document.querySelectorAll('#list [role="option"]').length === 63);
  });

  it('is usable from the keyboard: / focuses search, arrows move, Enter opens, Esc clears', async () => {
    await openPage();
    await page.locator('body').click({ position: { x: 900, y: 700 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
    await page.keyboard.type('refund');
    await page.waitForFunction(() => document.querySelectorAll('#list [role="option"]').length < 63);
    const first = await page.locator('#list [aria-selected="true"]').getAttribute('data-id');
    await page.keyboard.press('ArrowDown');
    const second = await page.locator('#list [aria-selected="true"]').getAttribute('data-id');
    assert.notEqual(first, second);
    assert.equal(await page.locator('#list').getAttribute('aria-activedescendant'), await page.locator('#list [aria-selected="true"]').getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.locator('#list [aria-selected="true"]').getAttribute('data-id'), first);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'detail-title');
    // Tab reaches the actions; focus stays visible (an outline is drawn).
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.action), 'copyCode');
    assert.notEqual(outline, 'none');
    await page.keyboard.press('Escape');
    assert.equal(await page.inputValue('#search'), '');
    await page.waitForFunction(() => document.querySelectorAll('#list [role="option"]').length === 63);
  });

  it('keeps query, filters and selection across a reload (getState/setState)', async () => {
    await openPage();
    await page.fill('#search', 'payout');
    await page.selectOption('#filter-group', 'payout');
    await page.locator('#list [data-id="payout/insufficient_balance"]').click();
    await page.reload();
    await options(page).first().waitFor();
    assert.equal(await page.inputValue('#search'), 'payout');
    assert.equal(await page.inputValue('#filter-group'), 'payout');
    await page.waitForFunction(() => document.querySelector('#list [aria-selected="true"]')?.getAttribute('data-id') === 'payout/insufficient_balance');
    assert.equal(await page.locator('#detail-title').textContent(), 'insufficient_balance');
  });

  it('selects the entry a hover link asks for, and shows shared codes together', async () => {
    await openPage();
    await page.fill('#search', 'payout');
    host.select('refund/retrieve_refund_failed');
    await page.waitForFunction(() => document.querySelector('#detail-title')?.textContent === 'retrieve_refund_failed');
    // The query hid the entry, so it was cleared.
    assert.equal(await page.inputValue('#search'), '');
    const headings = await page.locator('#detail h3').allTextContents();
    assert.deepEqual(headings, ['Refund', 'The same code in other groups: Payment']);
    await page.screenshot({ path: join(RESULTS, 'catalog-detail.png') });
  });

  it('runs the actions on the host: copy code, copy a handler snippet in the editor\'s language, open docs', async () => {
    await openPage('dark', 'go');
    host.select('payout/velocity_limit_exceeded');
    await page.waitForFunction(() => document.querySelector('#detail-title')?.textContent === 'velocity_limit_exceeded');
    await page.click('[data-action="copyCode"]');
    await page.waitForFunction(() => /Copied/.test(document.querySelector('#status')?.textContent ?? ''));
    await page.click('[data-action="copySnippet"]');
    await page.waitForFunction(() => /handler/.test(document.querySelector('#status')?.textContent ?? ''));
    await page.click('[data-action="insertCode"]');
    await page.waitForFunction(() => /Open a text editor first/.test(document.querySelector('#status')?.textContent ?? ''));
    assert.equal(env.copied[0], 'velocity_limit_exceeded');
    assert.match(env.copied[1]!, /^switch apiErr\.Code \{\ncase "velocity_limit_exceeded":\n\t\/\/ /);
  });

  it('shows hostile catalog strings as text and never runs them', async () => {
    catalog = createCatalog([builtinCatalogData(), hostile]);
    await openPage();
    host.select('payment/x_hostile');
    await page.waitForFunction(() => (document.querySelector('#detail-title')?.textContent ?? '').startsWith('<img'));
    await page.hover('#detail');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('#root img, #root script, #root iframe, #root b').count(), 0);
    assert.match(await page.locator('#detail').textContent() ?? '', /<script>window\.__pwned=2<\/script>/);
    catalog = createCatalog([builtinCatalogData()]);
  });

  it('speaks Chinese when the docs language is zh-CN: UI strings, filters and entry text', async () => {
    await openPage('dark', 'go', 'zh-CN');
    assert.equal(await page.getAttribute('#search', 'aria-label'), '搜索错误码');
    assert.equal(await page.locator('#count').textContent(), '显示 63 / 共 63 条');
    assert.equal((await page.locator('#filter-group option').allTextContents())[0], '全部（63）');
    host.select('payout/insufficient_balance');
    await page.waitForFunction(() => document.querySelector('#detail-title')?.textContent === 'insufficient_balance');
    const detail = await page.locator('#detail').textContent() ?? '';
    assert.match(detail, /处理建议/);
    assert.match(detail, /[\u4e00-\u9fff]{4,}/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  });

  /** Waits until the list shows exactly these codes, in this order. */
  async function listIs(expected: string[]): Promise<void> {
    await page.waitForFunction((want) => {
      const got = Array.from(document.querySelectorAll('#list [role="option"] .code')).map((e) => e.textContent);
      return got.join('|') === want.join('|');
    }, expected);
  }

  it('ranks like the issue asks: what the query names, in tiers, without a fuzzy tail', async () => {
    await openPage();
    await page.fill('#search', 'refund_amount');
    await listIs(['refund_amount_invalid', 'refund_amount_exceeded'].sort((a, b) => a.length - b.length || a.localeCompare(b)));
    await page.fill('#search', 'refund_amount_exceeded');
    await listIs(['refund_amount_exceeded']);
    await page.fill('#search', 'insufficient_balance');
    await listIs(['insufficient_balance']);
    await page.fill('#search', 'refnd_amount_exceded');
    await listIs(['refund_amount_exceeded']);
    await page.fill('#search', '退款金额');
    await page.waitForFunction(() => {
      const got = Array.from(document.querySelectorAll('#list [role="option"] .code')).map((e) => e.textContent);
      return got.length <= 3 && got.slice(0, 2).sort().join() === 'refund_amount_exceeded,refund_amount_invalid';
    });
  });

  it('selects the best hit of each new search, so Copy code copies the entry the user sees', async () => {
    await openPage();
    host.select('payment/retrieve_payment_intent_failed');
    await page.waitForFunction(() => document.querySelector('#detail-title')?.textContent === 'retrieve_payment_intent_failed');
    await page.fill('#search', 'refund_amount_exceeded');
    await listIs(['refund_amount_exceeded']);
    assert.equal(await page.locator('#list [aria-selected="true"]').getAttribute('data-id'), 'refund/refund_amount_exceeded');
    assert.equal(await page.locator('#detail-title').textContent(), 'refund_amount_exceeded');
    await page.click('[data-action="copyCode"]');
    await page.waitForFunction(() => /Copied/.test(document.querySelector('#status')?.textContent ?? ''));
    assert.deepEqual(env.copied, ['refund_amount_exceeded']);
  });

  /** Waits until the entry is inside the list's visible box, not just selected somewhere below it. */
  async function inView(id: string): Promise<void> {
    await page.waitForFunction((want) => {
      const list = document.getElementById('list')!.getBoundingClientRect();
      const li = document.querySelector(`#list [data-id="${want}"]`)!.getBoundingClientRect();
      return li.top >= list.top && li.bottom <= list.bottom;
    }, id);
  }

  it('reveals the entry a jump selects, even far down the list', async () => {
    await openPage();
    const last = catalog.entries[catalog.entries.length - 1]!;
    host.select(last.id);
    await page.waitForFunction((code) => document.querySelector('#detail-title')?.textContent === code, String(last.code));
    await inView(last.id);
  });

  it('reveals a jump that arrived while the panel was hidden once it is shown again', async () => {
    await openPage();
    const target = catalog.entries[catalog.entries.length - 2]!;
    // A hidden panel's page has no layout: nothing can be scrolled until VS Code shows it again.
    await page.evaluate(() => document.getElementById('root')!.style.setProperty('display', 'none'));
    host.select(target.id);
    await page.waitForFunction((id) => document.querySelector('#list [aria-selected="true"]')?.getAttribute('data-id') === id, target.id);
    // Showing it again gives the list its size; no window resize is needed to reveal the entry.
    await page.evaluate(() => document.getElementById('root')!.style.removeProperty('display'));
    await inView(target.id);
  });

  it('opens with the search box focused; Esc with nothing to clear keeps the selection', async () => {
    await openPage();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
    await page.locator('#list [data-id="refund/refund_processing"]').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#list [aria-selected="true"]').getAttribute('data-id'), 'refund/refund_processing');
    assert.equal(await page.locator('#detail-title').textContent(), 'refund_processing');
  });

  it('shows filter values with no entry in the current list as disabled', async () => {
    await openPage();
    await page.fill('#search', 'refund_amount');
    await listIs(['refund_amount_invalid', 'refund_amount_exceeded'].sort((a, b) => a.length - b.length || a.localeCompare(b)));
    const groups = await page.locator('#filter-group option').evaluateAll((os) => os.map((o) => [o.textContent, (o as HTMLOptionElement).disabled]));
    assert.deepEqual(groups, [['All (2)', false], ['General (0)', true], ['Payment (0)', true], ['Refund (2)', false], ['Customer (0)', true], ['Payout (0)', true]]);
  });

  it('reads Chinese everywhere for zh-CN: placeholder, filters, buttons, field labels and rows', async () => {
    await openPage('dark', 'go', 'zh-CN');
    assert.equal(await page.getAttribute('#search', 'placeholder'), zhBundle['Search codes, messages, meanings (English or 中文) — press / to focus']);
    const filterLabels = await page.locator('.filter > span').allTextContents();
    assert.deepEqual(filterLabels, ['分组', '类型', 'HTTP 状态码', '重试', '接口']);
    assert.equal(await page.locator('#clear-filters').textContent(), '清除筛选');
    host.select('refund/refund_amount_exceeded');
    await page.waitForFunction(() => document.querySelector('#detail-title')?.textContent === 'refund_amount_exceeded');
    assert.deepEqual(await page.locator('#detail .actions button').allTextContents(), ['复制错误码', '插入到光标处', '复制处理代码片段', '打开文档']);
    const labels = await page.locator('#detail dt').allTextContents();
    for (const l of labels) assert.match(l, /[\u4e00-\u9fff]|^HTTP/, `untranslated label ${l}`);
    assert.ok(labels.includes('含义') && labels.includes('处理建议'), labels.join('|'));
    // A row's group badge is Chinese too; the code and the API's own message stay as the API sends them.
    assert.equal(await page.locator('#list [data-id="refund/refund_amount_exceeded"] .badge').textContent(), '退款');
    // Chinese text takes Chinese punctuation: no ASCII comma or colon next to a Han character.
    const text = await page.locator('#root').innerText();
    assert.doesNotMatch(text.replace(/`[^`]*`/g, ''), /[\u4e00-\u9fff][,:;()]|[,:;(][\u4e00-\u9fff]/);
    await page.click('[data-action="copyCode"]');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === '已复制 refund_amount_exceeded。');
    await page.screenshot({ path: join(RESULTS, 'catalog-zh-dark.png') });
  });

  for (const theme of ['light', 'hc'] as const) {
    it(`draws with the ${theme === 'hc' ? 'high-contrast' : 'light'} theme's colours`, async () => {
      await openPage(theme);
      host.select('general/api_error');
      await page.waitForFunction(() => document.querySelector('#detail-title')?.textContent === 'api_error');
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(0, 0, 0)');
      await page.screenshot({ path: join(RESULTS, `catalog-${theme}.png`) });
    });
  }
});
