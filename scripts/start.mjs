#!/usr/bin/env node
// `npm start`: from a fresh clone, install what is missing, build, and open VS Code with the
// extension under development on the demo/ workspace. Uses the desktop `code` when it is on PATH;
// otherwise starts a local code-server on 127.0.0.1 and prints the URL to open.
//
//   npm start [-- --code-server] [-- --port 8080]
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules } from './lib/deps.mjs';
import { cleanEnv } from './lib/npmEnv.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demo = join(repo, 'demo');
const argv = process.argv.slice(2);
const forceCodeServer = argv.includes('--code-server');
const wantedPort = argv.includes('--port') ? Number(argv[argv.indexOf('--port') + 1]) : 8080;

function say(msg) {
  console.log(`[start] ${msg}`);
}

function fail(msg) {
  console.error(`[start] ${msg}`);
  process.exit(1);
}

function run(cmd, args) {
  // A clean environment: `npm start`'s own npm settings are not meant for the commands it runs.
  const r = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit', env: cleanEnv() });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

const depsProblem = ensureNodeModules(repo, say);
if (depsProblem) fail(depsProblem);
say('building');
if (run('node', ['esbuild.mjs']) !== 0) fail('the build failed; see the errors above');

const code = forceCodeServer ? undefined : onPath('code');
if (code) {
  say(`opening VS Code (${code}) on demo/ with the extension under development`);
  const status = run(code, [`--extensionDevelopmentPath=${repo}`, demo]);
  process.exit(status);
}

// No desktop VS Code: code-server (installed once into a cache folder outside the repo).
const { ensurePrereqs } = await import('./e2e-prereqs.mjs');
const { freePort, startCodeServer, workbenchUrl } = await import('./lib/codeServer.mjs');
let prereqs;
try {
  prereqs = ensurePrereqs();
} catch (e) {
  fail(`cannot start code-server: ${e instanceof Error ? e.message : e}`);
}
const port = Number.isInteger(wantedPort) && wantedPort > 0 ? await freePort(wantedPort) : await freePort();
const state = mkdtempSync(join(tmpdir(), 'uqpay-start-'));
let server;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  say('stopping code-server');
  await server?.stop();
  rmSync(state, { recursive: true, force: true });
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void stop(0));

try {
  server = await startCodeServer({ prereqs, stateDir: state, port });
} catch (e) {
  rmSync(state, { recursive: true, force: true });
  fail(e instanceof Error ? e.message : String(e));
}
const url = workbenchUrl({ port, folder: demo, extensionPath: repo });
console.log(`
  VS Code (code-server) is running with the UQPAY Error Codes extension loaded on demo/.
  Open this URL in a browser on this machine:

    ${url}

  (From another machine, forward port ${port} first, e.g. ssh -L ${port}:127.0.0.1:${port} host.)
  demo/README.md says what to try. Press Ctrl-C to stop.
`);
server.exitPromise.then((r) => {
  if (stopping) return;
  console.error(`[start] code-server exited (${JSON.stringify(r)}):\n${server.lines.slice(-15).join('\n')}`);
  void stop(1);
});
// Keep the process alive until a signal or code-server's exit.
setInterval(() => {}, 1 << 30);
