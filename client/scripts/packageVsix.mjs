// `npm run package`: builds the .vsix with vsce (which runs `vscode:prepublish`, the production
// build) and prints what went in and how big it is. README's pictures are relative links into
// images/, which the .vsix carries; with no repository URL to point them at, vsce must leave them
// as they are (--no-rewrite-relative-links).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const out = `${pkg.name}-${pkg.version}.vsix`;
const vsce = 'node_modules/@vscode/vsce/vsce';
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], { stdio: 'inherit' });
if (r.status !== 0) {
  console.error(`vsce package failed (exit ${r.status})`);
  process.exit(r.status ?? 1);
}
const ls = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { encoding: 'utf8' });
if (ls.status === 0) console.log(`files:\n${ls.stdout.trim().split('\n').map((l) => `  ${l}`).join('\n')}`);
const bytes = statSync(out).size;
console.log(`${out}: ${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`);
