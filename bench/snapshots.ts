/** Reading a repository snapshot fetched under /work/.mirror (`owner+name/repo`, a bare git directory). */
import { execFileSync } from 'node:child_process';

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
