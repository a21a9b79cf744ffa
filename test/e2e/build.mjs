// Bundles the extension-host suites and their mocha entry into out/test/e2e/ (CommonJS, `vscode`
// and mocha left to the host's require). Used by both runners.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
export const outDir = join(repoRoot, 'out', 'test', 'e2e');
export const testsEntry = join(outDir, 'index.js');

export async function buildSuites() {
  rmSync(outDir, { recursive: true, force: true });
  const suites = readdirSync(join(here, 'suite')).filter((f) => f.endsWith('.test.ts'));
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: 'inline',
    external: ['vscode', 'mocha', 'mocha/*'],
    logLevel: 'warning',
  };
  await esbuild.build({ ...common, entryPoints: [join(here, 'index.ts')], outfile: testsEntry });
  await esbuild.build({ ...common, entryPoints: suites.map((f) => join(here, 'suite', f)), outdir: join(outDir, 'suite') });
  return { outDir, testsEntry, suites: suites.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await buildSuites();
  console.log(`built ${r.suites} e2e suites into ${r.outDir}`);
}
