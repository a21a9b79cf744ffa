#!/usr/bin/env node
// `npm run test:electron`: the same extension-host suites in the desktop (Electron) VS Code, through
// @vscode/test-electron. It downloads VS Code, so it needs internet access (update.code.visualstudio.com);
// on Linux without a display run it under `xvfb-run -a`. Offline machines use `npm test`, whose e2e
// stage runs these suites in code-server instead.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareUserData } from '../../scripts/lib/codeServer.mjs';
import { buildSuites, repoRoot, testsEntry } from './build.mjs';

// Pinned to the VS Code release that code-server 4.139.1 is built from, so both runners agree.
const VSCODE_VERSION = '1.139.1';

const tmp = mkdtempSync(join(tmpdir(), 'uqpay-electron-'));
let status = 1;
try {
  if (spawnSync('node', ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) throw new Error('the build failed');
  await buildSuites();
  const folder = join(tmp, 'workspace');
  cpSync(join(repoRoot, 'test', 'e2e', 'workspace'), folder, { recursive: true });
  const dirs = prepareUserData(join(tmp, 'state'));
  status = await runTests({
    version: VSCODE_VERSION,
    timeout: 30_000, // idle timeout of the download: fail rather than hang when offline
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsEntry,
    launchArgs: [
      folder,
      '--disable-extensions', // other installed extensions stay out; built-in ones still load
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${dirs.userData}`,
      `--extensions-dir=${dirs.extensions}`,
    ],
  });
} catch (e) {
  const msg = e instanceof Error ? e.message : String(e);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|timeout|socket hang up|Failed to get JSON/i.test(msg)) {
    console.error(`\ntest:electron could not download VS Code ${VSCODE_VERSION} (${msg.split('\n')[0]}).`);
    console.error('This runner needs internet access to update.code.visualstudio.com. On this machine use');
    console.error('`npm test` (or `node test/e2e/runCodeServer.mjs`): it runs the same suites in code-server.');
  } else {
    console.error(`\ntest:electron failed: ${msg}`);
  }
  status = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(status);
