/** Reading code trees: a repository snapshot fetched under /work/.mirror (`owner+name/repo`, a bare git directory), or a plain folder. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const MIRRORS = process.env.UQPAY_SDK_MIRRORS ?? '/work/.mirror';

export const git = (repo: string, ...args: string[]): string => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The files of a snapshot's HEAD, and a reader that answers undefined for what it cannot read. */
export function snapshot(repo: string): { files: string[]; read(path: string): string | undefined } {
  return {
    files: git(repo, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter(Boolean),
    read: (path) => {
      try {
        return git(repo, 'show', `HEAD:${path}`);
      } catch {
        return undefined;
      }
    },
  };
}

/** The files under `dir` (recursively, sorted) that `keep` accepts; entries that cannot be read (broken links) are skipped. */
export function filesUnder(dir: string, keep: (path: string, size: number) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const st = statSync(path, { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(path);
      else if (st && keep(path, st.size)) out.push(path);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}
