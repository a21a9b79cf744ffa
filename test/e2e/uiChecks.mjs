// Pass 2 of the e2e stage: what a user sees in the workbench, driven with playwright-core (no
// extensionTestsPath: the workbench simply loads the extension under development). Each check is
// counted as a test and leaves a screenshot in test-results/. Waits are on selectors with bounded
// timeouts; retries exist only where the language server may still be starting.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbenchUrl } from '../../scripts/lib/codeServer.mjs';

const STEP_MS = 15_000; // one selector wait
const SERVER_READY_MS = 60_000; // first answer of the language server after the workbench loads
const CHECK_MS = 150_000; // a whole check, whatever it waits on

/** Expected strings come from the official error page (the seed). */
const REFUND_MESSAGE = 'Refund amount exceeded original transaction amount';

async function command(page, title) {
  // Contributed commands appear once the extension host has registered the extension: retry.
  await retry(`the command "${title}" in the palette`, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: STEP_MS });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 3000 });
  });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_MS });
}

async function openFile(page, name) {
  // File search answers only once the workspace has been indexed: retry.
  await retry(`${name} in quick open`, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: STEP_MS });
    await input.fill(name); // without '>' the quick pick searches files
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 3000 });
  });
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"], .tab.active:has-text("${name}")`).first().waitFor({ timeout: STEP_MS });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: STEP_MS });
}

/** The token span holding `text` in the visible editor. */
function token(page, text) {
  return page.locator('.editor-instance .monaco-editor .view-lines .view-line span span', { hasText: text }).first();
}

/** Retries `attempt` (which throws when it did not see what it wants) until the deadline. */
async function retry(what, attempt, timeoutMs = SERVER_READY_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      return await attempt();
    } catch (e) {
      last = e;
    }
  }
  throw new Error(`${what}: ${last instanceof Error ? last.message.split('\n')[0] : last}`);
}

/**
 * A small picture for README: the region of `locators` (united, padded), saved as
 * test-results/readme/NAME.png. With UQPAY_README_IMAGES=1 it also replaces images/NAME.png, the
 * copy README shows (run `UQPAY_README_IMAGES=1 npm run test:e2e -- --ui-only`, then commit).
 */
async function readmeShot(page, ctx, name, locators, pad = 16) {
  const boxes = (await Promise.all(locators.map((l) => l.boundingBox()))).filter(Boolean);
  if (boxes.length === 0) throw new Error(`nothing to photograph for ${name}`);
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + pad;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + pad;
  const dir = join(ctx.shots, 'readme');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, clip: { x, y, width: right - x, height: bottom - y } });
  if (process.env.UQPAY_README_IMAGES === '1') copyFileSync(path, join(ctx.repoRoot, 'images', `${name}.png`));
}

/**
 * Changes user settings the way a user editing settings.json would: the workbench watches the
 * file and the extension follows `onDidChangeConfiguration` (the checks wait for what it shows).
 */
function setUserSettings(ctx, changes) {
  const file = join(ctx.userData, 'User', 'settings.json');
  const settings = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...settings, ...changes }, null, 2));
}

/** The document inside the (last opened) webview panel: an outer iframe holding #active-frame. */
function webview(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

const checks = [
  {
    // First, before any file is open: the command alone must bring the panel up.
    name: 'catalog browser opens from the command palette and its search narrows the list',
    shot: 'ui-catalog-search',
    async run(page, ctx) {
      await command(page, 'Open Error Catalog');
      const view = webview(page);
      const options = view.locator('#list [role="option"]');
      await options.first().waitFor({ timeout: SERVER_READY_MS });
      const all = await options.count();
      await view.locator('#search').fill('refund_amount');
      await retry('the list to narrow', async () => {
        const n = await options.count();
        if (!(n > 0 && n < all)) throw new Error(`${n} of ${all} entries shown`);
      }, STEP_MS);
      const first = await options.first().innerText();
      if (!/refund_amount_(exceeded|invalid)/.test(first)) throw new Error(`first entry after searching is ${JSON.stringify(first)}`);
      await options.first().click();
      await readmeShot(page, ctx, 'catalog', [page.locator('.part.editor')], 0);
    },
  },
  {
    name: 'Look Up ranks the two amount codes first for refund_am, in one row each without the type list',
    shot: 'ui-lookup',
    async run(page) {
      // Its own quick pick replaces the palette's, so `command()` (which waits for it to close) does not fit.
      const input = page.locator('.quick-input-widget input');
      await retry('the Look Up quick pick', async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        await input.fill('>Look Up Error Code', { timeout: STEP_MS });
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Look Up Error Code' }).first().waitFor({ state: 'visible', timeout: 3000 });
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget input[placeholder*="Type a code"]').waitFor({ state: 'visible', timeout: 3000 });
        // The catalog opened by the check before takes focus when its webview is ready; if that lands
        // now, the quick pick closes (as any quick pick does on losing focus): open it again.
        await input.fill('refund_am', { timeout: 3000 });
      });
      const rows = page.locator('.quick-input-widget .monaco-list-row');
      await retry('the amount codes on top', async () => {
        // A row's text runs label and description together: read the code off its start.
        const labels = (await rows.allInnerTexts()).map((t) => /^[a-z0-9_]+/.exec(t.trim())?.[0] ?? t);
        const top = labels.slice(0, 2).sort().join();
        if (top !== 'refund_amount_exceeded,refund_amount_invalid' || labels.length !== 2) throw new Error(`rows: ${labels.join(', ')}`);
      }, STEP_MS);
      const row = await rows.first().innerText();
      if (/refund_error, api_error|payment_error, refund_error/.test(row)) throw new Error(`the row repeats the section's types: ${row}`);
      await page.keyboard.press('Enter');
      // The catalog opens at the entry, selected and in view.
      const view = webview(page);
      await view.locator('#detail-title', { hasText: /refund_amount_(exceeded|invalid)/ }).waitFor({ timeout: SERVER_READY_MS });
      const selected = view.locator('#list [aria-selected="true"]');
      await selected.waitFor({ timeout: STEP_MS });
      await retry('the selected entry in view', async () => {
        const [list, li] = await Promise.all([view.locator('#list').boundingBox(), selected.boundingBox()]);
        if (!list || !li || li.y < list.y || li.y + li.height > list.y + list.height) throw new Error('selected entry is scrolled out of view');
      }, STEP_MS);
    },
  },
  {
    name: 'decode panel decodes a pasted error response',
    shot: 'ui-decode',
    async run(page, ctx) {
      await command(page, 'View: Close All Editors');
      await command(page, 'Decode Response');
      const view = webview(page);
      const input = view.locator('#input');
      await input.waitFor({ timeout: SERVER_READY_MS });
      await input.fill(JSON.stringify({ type: 'payout_error', code: 'insufficient_balance', message: 'Merchant’s available balance is insufficient' }, null, 2));
      const card = view.locator('#cards [role="listitem"]', { hasText: 'insufficient_balance' }).first();
      await card.waitFor({ timeout: STEP_MS });
      const text = await card.innerText();
      if (!/\b400\b/.test(text)) throw new Error(`the card should give HTTP 400: ${text}`);
      await readmeShot(page, ctx, 'decode', [page.locator('.part.editor')], 0);
    },
  },
  {
    name: 'hovering a code literal shows the hover widget with its message',
    shot: 'ui-hover',
    async run(page, ctx) {
      await command(page, 'View: Close All Editors');
      await openFile(page, 'refund.ts');
      const literal = token(page, 'refund_amount_exceeded');
      await literal.waitFor({ timeout: STEP_MS });
      const hover = page.locator('.monaco-hover:visible', { hasText: REFUND_MESSAGE }).first();
      await retry('the UQPAY hover', async () => {
        await page.mouse.move(5, 5);
        await literal.hover();
        await hover.waitFor({ timeout: 3000 });
      });
      const text = await hover.innerText();
      if (!/\b400\b/.test(text)) throw new Error(`the hover should give HTTP 400: ${text}`);
      // Other hover providers (the TypeScript server) may still say "Loading..." below ours.
      await page.locator('.monaco-hover:visible', { hasNotText: 'Loading...' }).first().waitFor({ timeout: 10_000 }).catch(() => {});
      await readmeShot(page, ctx, 'hover', [hover, literal]);
    },
  },
  {
    name: 'the completion list offers codes inside err.code === \'\'',
    shot: 'ui-completion',
    async run(page) {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      const empty = token(page, "''");
      await empty.waitFor({ timeout: STEP_MS });
      // Clicking the middle of '' puts the caret between the quotes.
      await empty.click();
      // refund_processing is written nowhere in the workspace, so VS Code's word-based suggestions
      // cannot be what offers it.
      await page.keyboard.type('refund_pro');
      const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'refund_processing' }).first();
      await retry('the completion list', async () => {
        await page.keyboard.press('Control+Space');
        await row.waitFor({ timeout: 3000 });
      });
    },
  },
  {
    name: 'the quick-fix menu (light bulb) offers the correction of a misspelt code',
    shot: 'ui-quickfix',
    async run(page, ctx) {
      await page.keyboard.press('Escape');
      await openFile(page, 'misspelt.ts');
      const literal = token(page, 'refund_amount_exceded');
      await literal.waitFor({ timeout: STEP_MS });
      await page.locator('.editor-instance .squiggly-warning, .editor-instance .squiggly-error').first().waitFor({ timeout: SERVER_READY_MS });
      await literal.click();
      // The light bulb appears for the line under the caret once the server has offered a fix.
      await page.locator('.editor-instance [class*="codicon-lightbulb"], .editor-instance [class*="codicon-light-bulb"]').first().waitFor({ state: 'visible', timeout: STEP_MS });
      await page.screenshot({ path: join(ctx.shots, 'ui-quickfix-lightbulb.png') });
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'refund_amount_exceeded' }).first();
      await retry('the quick-fix menu', async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+.');
        await item.waitFor({ timeout: 3000 });
      }, STEP_MS * 2);
      await page.screenshot({ path: join(ctx.shots, 'ui-quickfix-menu.png') });
      await page.keyboard.press('Enter');
      await token(page, "'refund_amount_exceeded'").waitFor({ timeout: STEP_MS });
    },
  },
  {
    name: 'the coverage CodeLens, the list its click opens, and the UQPAY Error Coverage view',
    shot: 'ui-coverage',
    async run(page, ctx) {
      await page.keyboard.press('Escape');
      await openFile(page, 'coverage.ts');
      // Create Payout: 9 own catalog errors and 7 general ones; the catch compares two codes
      const lens = page.locator('.editor-instance .codelens-decoration a', { hasText: 'Create Payout · handles 2 of 16 errors' }).first();
      await lens.waitFor({ state: 'visible', timeout: SERVER_READY_MS });
      await page.screenshot({ path: join(ctx.shots, 'ui-coverage-codelens.png') });
      await lens.click();
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'insufficient_balance' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'merchant_account_invalid' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
      await page.screenshot({ path: join(ctx.shots, 'ui-coverage-list.png') });
      await page.keyboard.press('Escape');
      await command(page, 'Focus on UQPAY Error Coverage View');
      await page.locator('.monaco-list-row', { hasText: 'Create Payout' }).first().waitFor({ state: 'visible', timeout: SERVER_READY_MS });
      await page.screenshot({ path: join(ctx.shots, 'ui-coverage-view.png') });
    },
  },
  {
    // Last: it switches the docs language and the theme, and the checks above read English.
    name: 'the catalog browser reads Chinese with docsLanguage zh-CN, in the dark theme',
    shot: 'ui-catalog-zh-dark',
    async run(page, ctx) {
      await page.keyboard.press('Escape');
      await command(page, 'View: Close All Editors');
      setUserSettings(ctx, { 'uqpayErrors.docsLanguage': 'zh-CN' });
      // The theme as a user switches it: VS Code's own light/dark toggle (to Dark Modern by default).
      if ((await page.locator('.monaco-workbench.vs-dark').count()) === 0) await command(page, 'Toggle between Light/Dark Themes');
      await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: STEP_MS });
      await command(page, 'Open Error Catalog');
      const view = webview(page);
      const search = view.locator('#search');
      // The extension hears of the settings file's change through onDidChangeConfiguration.
      await retry('the Chinese catalog', async () => {
        const placeholder = await search.getAttribute('placeholder', { timeout: 3000 });
        if (!/搜索错误码/.test(placeholder ?? '')) throw new Error(`placeholder ${JSON.stringify(placeholder)}`);
      });
      await search.fill('退款金额');
      const options = view.locator('#list [role="option"]');
      await retry('the list for 退款金额', async () => {
        const codes = await options.locator('.code').allInnerTexts();
        if (codes.slice(0, 2).sort().join() !== 'refund_amount_exceeded,refund_amount_invalid') throw new Error(`list: ${codes.join(', ')}`);
      }, STEP_MS);
      const labels = await view.locator('#detail dt').allInnerTexts();
      if (!labels.includes('含义') || !labels.includes('处理建议')) throw new Error(`detail labels: ${labels.join(', ')}`);
      const buttons = await view.locator('#detail .actions button').allInnerTexts();
      if (buttons.map((b) => b.trim()).join('|') !== '复制错误码|插入到光标处|复制处理代码片段|打开文档') throw new Error(`buttons: ${buttons.join('|')}`);
      await readmeShot(page, ctx, 'catalog-zh', [page.locator('.part.editor')], 0);
    },
  },
];

export async function runUiChecks({ browser, server, folder, extensionPath, repoRoot, say, verbose }) {
  const shots = join(repoRoot, 'test-results');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const counts = { passed: 0, failed: 0 };
  try {
    const page = await context.newPage();
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      if (verbose) console.log(`  [host ${type}] ${(Array.isArray(args) ? args : [args]).join(' ')}`);
    });
    await page.exposeFunction('codeAutomationExit', () => {});
    say('UI checks in the workbench');
    await page.goto(workbenchUrl({ port: server.port, folder, extensionPath }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
    for (const check of checks) {
      try {
        let timer;
        await Promise.race([
          check.run(page, { shots, repoRoot, userData: server.dirs.userData }),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no result within ${CHECK_MS / 1000} s`)), CHECK_MS))),
        ]).finally(() => clearTimeout(timer));
        counts.passed += 1;
        console.log(`  ✔ ${check.name}`);
      } catch (e) {
        counts.failed += 1;
        console.log(`  ✘ ${check.name}\n      ${e instanceof Error ? e.message.split('\n').slice(0, 4).join('\n      ') : e}`);
      }
      await page.screenshot({ path: join(shots, `${check.shot}.png`) }).catch(() => {});
    }
  } catch (e) {
    counts.failed += 1;
    console.log(`  ✘ the workbench did not load for the UI checks: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  } finally {
    await context.close();
  }
  say(`UI checks: ${counts.passed} passed, ${counts.failed} failed`);
  return counts;
}
