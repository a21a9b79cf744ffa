/** What the benchmark weighs rather than times: bundles, the .vsix, and activation from issue 5. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { emptyCase, type BenchCase } from './targets';

/** Sizes of the built bundles in KB, with a warning when a bundle is not minified. */
export function bundleCases(dist: string): BenchCase[] {
  const cases: BenchCase[] = [];
  const kb = (file: string): number | null => (existsSync(file) ? statSync(file).size / 1024 : null);
  const add = (name: string, file: string) => {
    const size = kb(file);
    const c = emptyCase(name, 'KB', size === null ? `${relative(dist, file)} not built` : relative(dist, file));
    if (size !== null) {
      Object.assign(c, { median: size, min: size, max: size });
      // a non-minified build makes the size target meaningless; say so
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n').length;
      if (text.length / lines < 200) c.note += ' (NOT minified: run `node esbuild.mjs --production` first)';
    }
    cases.push(c);
  };
  add('bundle.extension', join(dist, 'extension.js'));
  add('bundle.server', join(dist, 'server.js'));
  add('bundle.cli', join(dist, 'cli.js'));
  // The bundles extension.js loads after activation (language client, validator, decode worker).
  const named = new Set(['extension.js', 'server.js', 'cli.js']);
  if (existsSync(dist)) {
    for (const f of readdirSync(dist).filter((f) => f.endsWith('.js') && !named.has(f)).sort()) add(`bundle.${f.replace(/\.js$/, '')}`, join(dist, f));
  }
  const web = join(dist, 'webview');
  if (existsSync(web)) {
    for (const f of readdirSync(web).filter((f) => f.endsWith('.js')).sort()) add(`bundle.webview.${f.replace(/\.js$/, '')}`, join(web, f));
  }
  return cases;
}

/** The .vsix from `npm run package` (which rebuilds dist/ in production mode), when that script exists. */
export function vsixCase(repo: string, run: boolean): BenchCase {
  const c = emptyCase('bundle.vsix', 'KB');
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (!pkg.scripts?.package) {
    c.note = 'no `npm run package` script';
    return c;
  }
  if (!run) {
    c.note = 'skipped (--no-vsix)';
    return c;
  }
  const before = Date.now();
  const r = spawnSync('npm', ['run', 'package'], { cwd: repo, encoding: 'utf8', timeout: 240_000 });
  const built = readdirSync(repo)
    .filter((f) => f.endsWith('.vsix'))
    .map((f) => ({ f, st: statSync(join(repo, f)) }))
    .filter((x) => x.st.mtimeMs >= before - 1000)
    .sort((a, b) => b.st.mtimeMs - a.st.mtimeMs)[0];
  if (r.status !== 0 || !built) {
    c.note = `npm run package failed (exit ${r.status}): ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`;
    return c;
  }
  const size = built.st.size / 1024;
  Object.assign(c, { median: size, min: size, max: size, note: built.f });
  return c;
}

/**
 * Written by the real-VS-Code harness (issue 5) when it ran; null otherwise. `activation` is what
 * VS Code's Running Extensions view calls activation: loading the bundle plus the `activate` call.
 * The time VS Code spends between the two (readying the extension's context while other
 * extensions start) and the language client's start are reported beside it.
 */
export function activationCases(repo: string): BenchCase[] {
  const c = emptyCase('activation', 'ms');
  const total = emptyCase('activation.untilActivateReturns', 'ms');
  const ready = emptyCase('activation.clientReady', 'ms');
  const all = [c, total, ready];
  const file = join(repo, 'test-results', 'activation.json');
  const fail = (note: string) => {
    for (const x of all) x.note = note;
    return all;
  };
  if (!existsSync(file)) return fail('test-results/activation.json absent (real-VS-Code harness not run)');
  let o: Record<string, unknown>;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    o = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  } catch (e) {
    return fail(`test-results/activation.json unreadable: ${(e as Error).message}`);
  }
  const num = (k: string): number | null => (typeof o[k] === 'number' && Number.isFinite(o[k]) ? (o[k] as number) : null);
  const set = (x: BenchCase, v: number | null, note: string) => {
    if (v === null) x.note = `test-results/activation.json has no ${note}`;
    else Object.assign(x, { median: v, min: v, max: v, note });
  };
  const bundle = num('bundleEvalMs');
  const call = num('activateCallMs');
  const until = num('ms') ?? num('activationMs');
  if (bundle !== null && call !== null) {
    set(c, bundle + call, `bundle evaluation ${bundle.toFixed(0)} ms + activate() ${call.toFixed(0)} ms (what VS Code counts as activation), from test-results/activation.json`);
  } else set(c, until, 'bundle start → activate returns (no split recorded)');
  set(total, until, 'bundle start → activate returns, VS Code readying the extension context in between included');
  set(ready, num('clientReadyMs'), 'bundle start → language client running (it loads from dist/languageClient.js after activate returns)');
  return all;
}
