// One entry list for every bundle. `--watch` rebuilds on change, `--production` minifies.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, cpSync, rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production') || process.env.NODE_ENV === 'production';

/** @type {{ in: string, out: string, platform: 'node' | 'browser', banner?: string }[]} */
const entries = [
  { in: 'cli/src/main.ts', out: 'dist/cli.js', platform: 'node', banner: '#!/usr/bin/env node' },
  { in: 'server/src/node/main.ts', out: 'dist/server.js', platform: 'node', banner: '#!/usr/bin/env node' },
  // The banner marks when the bundle starts evaluating, so activation time includes loading it.
  { in: 'client/src/extension.ts', out: 'dist/extension.js', platform: 'node', banner: 'globalThis.__uqpayLoadStart = performance.now();' },
  // Loaded by extension.js at run time, not at activation: the language client just after it,
  // the user-catalog validator only when a user catalog is configured.
  { in: 'client/src/languageClient.ts', out: 'dist/languageClient.js', platform: 'node' },
  { in: 'catalog/src/validate.ts', out: 'dist/validateCatalog.js', platform: 'node' },
  { in: 'client/src/webview/catalog/main.ts', out: 'dist/webview/catalog.js', platform: 'browser' },
  { in: 'client/src/webview/decode/main.ts', out: 'dist/webview/decode.js', platform: 'browser' },
  { in: 'client/src/decodeWorker.ts', out: 'dist/decodeWorker.js', platform: 'node' },
];

/** Static files copied as they are: webview styles, codicons, tree-sitter grammars. */
const copies = [
  { from: 'client/src/webview/styles', to: 'dist/webview/styles' },
  { from: 'node_modules/@vscode/codicons/dist/codicon.css', to: 'dist/webview/codicons/codicon.css' },
  { from: 'node_modules/@vscode/codicons/dist/codicon.ttf', to: 'dist/webview/codicons/codicon.ttf' },
];

const present = entries.filter((e) => existsSync(e.in));

function options(e) {
  return {
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: e.platform,
    format: e.platform === 'node' ? 'cjs' : 'iife',
    target: e.platform === 'node' ? 'node18' : 'chrome114',
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    banner: e.banner ? { js: e.banner } : undefined,
    logLevel: 'warning',
    mainFields: e.platform === 'node' ? ['module', 'main'] : ['browser', 'module', 'main'],
  };
}

function copyStatic() {
  for (const c of copies) {
    if (!existsSync(c.from)) continue;
    mkdirSync(c.to.replace(/\/[^/]*$/, ''), { recursive: true });
    cpSync(c.from, c.to, { recursive: true });
  }
}

if (!watch) rmSync('dist', { recursive: true, force: true });
copyStatic();
if (watch) {
  for (const e of present) await (await esbuild.context(options(e))).watch();
  console.log(`watching ${present.length} bundles`);
} else {
  await Promise.all(present.map((e) => esbuild.build(options(e))));
  console.log(`built ${present.map((e) => e.out).join(', ')}`);
}
