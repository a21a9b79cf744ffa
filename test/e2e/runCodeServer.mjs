#!/usr/bin/env node
// The `e2e` stage of `npm test`: the extension-host suites and the UI checks in a real VS Code
// (code-server 4.139.1 = VS Code 1.139 for the browser, with the Node extension host) driven by
// Debian's headless chromium. Writes {"passed":N,"failed":N} to $UQPAY_COUNTS_FILE.
//
//   node test/e2e/runCodeServer.mjs [--suites-only | --ui-only] [--grep TEXT] [--verbose]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensurePrereqs } from '../../scripts/e2e-prereqs.mjs';
import { CHROMIUM_ARGS, freePort, startCodeServer, workbenchUrl } from '../../scripts/lib/codeServer.mjs';
import { buildSuites, outDir, repoRoot, testsEntry } from './build.mjs';
import { runUiChecks } from './uiChecks.mjs';

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const suitesOnly = argv.includes('--suites-only');
const uiOnly = argv.includes('--ui-only');
const grep = argv.includes('--grep') ? argv[argv.indexOf('--grep') + 1] : undefined;

const SUITE_TIMEOUT_MS = 300_000;
const TAG = 'UQPAY_E2E '; // prefix of the suite's report lines (test/e2e/index.ts)
const counts = { passed: 0, failed: 0 };
const cleanups = [];
const t0 = Date.now();

function say(msg) {
  console.log(`[e2e] ${msg}`);
}

function writeCounts() {
  const file = process.env.UQPAY_COUNTS_FILE;
  if (file) writeFileSync(file, JSON.stringify(counts));
}

// One shared run of the cleanups, whoever asks first (main's finally, a signal, the watchdog):
// every caller waits for all of it before exiting.
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (e) {
        if (!interrupted) console.error(`[e2e] cleanup: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
      }
    }
  })();
  return cleaning;
}

// A last resort so that a wedged browser or server can never hold `npm test` forever.
const WATCHDOG_MS = 20 * 60_000;
setTimeout(() => {
  console.error(`[e2e] the whole e2e stage exceeded ${WATCHDOG_MS / 60_000} min: stopping`);
  counts.failed += 1;
  writeCounts();
  cleanup().finally(() => process.exit(1));
}, WATCHDOG_MS).unref();

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`[e2e] ${sig}: stopping everything this run started`);
    counts.failed += 1;
    writeCounts();
    cleanup().finally(() => process.exit(130));
  });
}

/**
 * A copy of what the packaged extension holds (the .vsix list in .vscodeignore), so that a rebuild
 * of dist/ in the working tree (watch mode, another build) cannot pull files away mid-run.
 */
function snapshotExtension(dest) {
  const parts = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'images', 'l10n', 'catalog', 'dist'];
  mkdirSync(dest, { recursive: true });
  for (const part of parts) {
    if (existsSync(join(repoRoot, part))) cpSync(join(repoRoot, part), join(dest, part), { recursive: true, filter: (src) => !src.includes(`${join(repoRoot, 'catalog', 'src')}`) });
  }
  // Bundles are self-contained; the link only serves a module resolved at run time, if any.
  symlinkSync(join(repoRoot, 'node_modules'), join(dest, 'node_modules'));
  return dest;
}

/** Pass 1: load the workbench with extensionTestsPath; the suite's exit code ends the pass. */
async function runSuites(browser, server, folder, extensionPath) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const log = [];
  let resolveExit;
  const exit = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    log.push(text);
    // The suite's report lines are tagged; the workbench's own chatter shows only with --verbose.
    if (text.startsWith(TAG)) process.stdout.write(`  ${text.slice(TAG.length)}\n`);
    else if (verbose) process.stdout.write(`  [host ${type}] ${text.slice(0, 500)}\n`);
  });
  page.on('pageerror', (e) => verbose && console.error(`[page] ${e.message}`));
  page.on('crash', () => resolveExit('page-crashed'));
  rmSync(join(outDir, 'results.json'), { force: true });
  const url = workbenchUrl({ port: server.port, folder, extensionPath, testsPath: testsEntry });
  say('running the extension-host suites');
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  let timer;
  const code = await Promise.race([
    exit,
    new Promise((r) => (timer = setTimeout(() => r('timeout'), SUITE_TIMEOUT_MS))),
    server.exitPromise.then(() => 'server-exited'),
  ]);
  clearTimeout(timer);
  if (interrupted) return { passed: 0, failed: 0 }; // the signal handler has counted and is cleaning up
  const resultsFile = join(outDir, 'results.json');
  let result;
  // The activation suite logs the extension's measured activation time; the benchmark reads it.
  const activation = log.find((l) => l.startsWith('UQPAY_E2E_ACTIVATION '));
  if (activation) {
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    writeFileSync(join(repoRoot, 'test-results', 'activation.json'), activation.slice('UQPAY_E2E_ACTIVATION '.length) + '\n');
  }
  if (existsSync(resultsFile)) result = JSON.parse(readFileSync(resultsFile, 'utf8'));
  else {
    const line = log.find((l) => l.startsWith(`${TAG}COUNTS `));
    if (line) result = JSON.parse(line.slice(`${TAG}COUNTS `.length));
  }
  if (code === 'page-crashed') console.error('[e2e] the workbench page crashed during the suites');
  if (code === 'timeout') console.error(`[e2e] the suites did not finish within ${SUITE_TIMEOUT_MS / 1000} s`);
  if (code === 'server-exited') console.error(`[e2e] code-server exited during the suites:\n${server.lines.slice(-20).join('\n')}`);
  if (!result) {
    console.error('[e2e] the extension-host suites reported no counts; last host log lines:');
    console.error(log.slice(-30).map((l) => `  ${l}`).join('\n'));
    result = { passed: 0, failed: 1 };
  } else if (code !== 0 && result.failed === 0) {
    console.error(`[e2e] the suites reported no failure but the test host exited with ${code}`);
    result.failed = 1;
  }
  await context.close();
  say(`extension-host suites: ${result.passed} passed, ${result.failed} failed (exit ${code})`);
  return result;
}

async function main() {
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  let prereqs;
  const tp = Date.now();
  try {
    prereqs = ensurePrereqs({ quiet: true });
  } catch (e) {
    console.error(`[e2e] cannot run the real-VS-Code tests: ${e instanceof Error ? e.message : e}`);
    console.error('[e2e] fix the above (or set SKIP_E2E=1 to skip these tests, with a warning)');
    counts.failed += 1;
    return 1;
  }
  if (Date.now() - tp > 2000) say(`prerequisites installed in ${Math.round((Date.now() - tp) / 1000)} s`);

  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    say('dist/extension.js missing: building');
    if (spawnSync('node', ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) {
      console.error('[e2e] the build failed');
      counts.failed += 1;
      return 1;
    }
  }
  await buildSuites();

  const tmp = mkdtempSync(join(tmpdir(), 'uqpay-e2e-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  // Tests edit documents; they work on copies so the repository's fixture never changes.
  const fixture = join(repoRoot, 'test', 'e2e', 'workspace');
  const suiteFolder = join(tmp, 'ws-suites');
  const uiFolder = join(tmp, 'ws-ui');
  cpSync(fixture, suiteFolder, { recursive: true });
  cpSync(fixture, uiFolder, { recursive: true });
  const extensionPath = snapshotExtension(join(tmp, 'extension'));
  const missing = ['dist/extension.js', 'dist/server.js'].filter((f) => !existsSync(join(extensionPath, f)));
  if (missing.length) {
    console.error(`[e2e] ${missing.join(', ')} missing (was dist/ being rebuilt?): run the build, then the tests again`);
    counts.failed += 1;
    return 1;
  }

  // The extension host inherits code-server's environment: that is how --grep reaches mocha.
  if (grep) process.env.UQPAY_E2E_GREP = grep;
  const port = await freePort();
  const server = await startCodeServer({
    prereqs,
    stateDir: join(tmp, 'state'),
    port,
    log: verbose ? (l) => console.log(`[code-server] ${l}`) : () => {},
  });
  cleanups.push(() => server.stop());
  say(`code-server ${server.url} up after ${Math.round((Date.now() - t0) / 1000)} s`);

  // Playwright's own signal handlers would exit at once on Ctrl-C and orphan code-server: ours stop
  // everything in order instead.
  const browser = await chromium.launch({
    executablePath: prereqs.chromium, headless: true, args: CHROMIUM_ARGS, timeout: 60_000,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  cleanups.push(() => browser.close());

  if (!uiOnly) {
    const ts = Date.now();
    const r = await runSuites(browser, server, suiteFolder, extensionPath);
    say(`suites took ${Math.round((Date.now() - ts) / 1000)} s`);
    counts.passed += r.passed;
    counts.failed += r.failed;
  }
  if (!suitesOnly && !interrupted) {
    const ts = Date.now();
    const r = await runUiChecks({ browser, server, folder: uiFolder, extensionPath, repoRoot, say, verbose });
    say(`UI checks took ${Math.round((Date.now() - ts) / 1000)} s`);
    counts.passed += r.passed;
    counts.failed += r.failed;
  }
  return counts.failed === 0 ? 0 : 1;
}

let status = 1;
try {
  status = await main();
} catch (e) {
  // After Ctrl-C the browser is closed under main's feet; that error is expected, not news.
  if (!interrupted) {
    console.error(`[e2e] ${e instanceof Error ? e.stack : e}`);
    counts.failed += 1;
  }
} finally {
  await cleanup();
}
writeCounts();
say(`${counts.passed} passed, ${counts.failed} failed in ${Math.round((Date.now() - t0) / 1000)} s`);
process.exit(status);
