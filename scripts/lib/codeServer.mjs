// Starting and stopping a local code-server (VS Code for the browser with a real Node extension
// host) on loopback, shared by the e2e runner and `npm start`.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cleanEnv } from './npmEnv.mjs';

/** A free TCP port on 127.0.0.1 (or `preferred` when it is free). */
export function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', (e) => {
      if (preferred) freePort(0).then(resolve, reject);
      else reject(e);
    });
    srv.listen(preferred, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Fresh user data for a run: default settings that keep the workbench quiet and offline. */
export function prepareUserData(stateDir, extraSettings = {}) {
  const dirs = {
    userData: join(stateDir, 'user-data'),
    extensions: join(stateDir, 'extensions'),
    xdgConfig: join(stateDir, 'xdg-config'),
    xdgData: join(stateDir, 'xdg-data'),
    xdgCache: join(stateDir, 'xdg-cache'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    ...extraSettings,
  };
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dirs;
}

/**
 * Starts code-server detached (its own process group, so that it and every child it spawns —
 * extension host, language server — can be stopped together). Resolves once /healthz answers.
 */
export async function startCodeServer({ prereqs, stateDir, port, log = () => {}, timeoutMs = 60000, extraSettings }) {
  const dirs = prepareUserData(stateDir, extraSettings);
  const args = [
    prereqs.codeServer,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  // Node 24 runs code-server and the extension host: nothing of the npm that started us (its
  // Node, its settings) may reach them.
  const env = cleanEnv({
    prependPath: prereqs.nodeBinDir,
    extra: {
      XDG_CONFIG_HOME: dirs.xdgConfig,
      XDG_DATA_HOME: dirs.xdgData,
      XDG_CACHE_HOME: dirs.xdgCache,
      // code-server would otherwise reuse a session from another instance of the same user.
      CODE_SERVER_PARENT_PID: undefined,
      VSCODE_IPC_HOOK_CLI: undefined,
    },
  });
  const child = spawn(prereqs.node, args, { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const onData = (buf) => {
    for (const line of buf.toString().split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 400) lines.shift();
      log(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));
  const server = {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    dirs,
    lines,
    exited: () => exited,
    exitPromise,
    stop: () => stopGroup(child, exitPromise),
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${lines.slice(-20).join('\n')}`);
    try {
      const r = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms:\n${lines.slice(-20).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** SIGTERM to the whole process group, SIGKILL if it is still there after a bounded wait. */
export async function stopGroup(child, exitPromise, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child.pid, 'SIGKILL'); // children may outlive the leader
    return;
  }
  killGroup(child.pid, 'SIGTERM');
  const timer = new Promise((r) => setTimeout(() => r('timeout'), graceMs));
  const res = await Promise.race([exitPromise, timer]);
  killGroup(child.pid, 'SIGKILL');
  return res;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/**
 * The workbench URL that opens `folder` with the extension at `extensionPath` under development,
 * and optionally runs the tests at `testsPath` (the smoke-test driver option honours `payload`).
 */
export function workbenchUrl({ port, folder, extensionPath, testsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
