// The project's own npm packages, installed on first use so that `npm start` and `npm test` both
// work on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv } from './npmEnv.mjs';

/** Runs `npm ci` in `repo` when node_modules is missing; returns an error message or undefined. */
export function ensureNodeModules(repo, say) {
  if (existsSync(join(repo, 'node_modules', '.package-lock.json'))) return undefined;
  say('node_modules is missing: npm ci');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repo, stdio: 'inherit', env: cleanEnv() });
  if (r.error) return `could not run npm: ${r.error.message}`;
  return r.status === 0 ? undefined : 'npm ci failed (is the npm registry reachable? by hand: npm ci)';
}
