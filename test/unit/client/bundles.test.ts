// The pieces the extension loads after activation (client/src/catalogFiles.ts,
// client/src/deferredServer.ts), with their bundles built the way esbuild.mjs builds
// dist/validateCatalog.js and dist/languageClient.js. That the language client really starts from
// its bundle is checked in real VS Code (test/e2e/suite/01-activation.test.ts).
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCatalogData } from '../../../catalog/src/builtin';
import { builtinCatalogReader, catalogValidator } from '../../../client/src/catalogFiles';
import { ROOT } from '../../support/paths';


/** Builds one bundle; returns the modules it leaves for `require` to find when it runs. */
async function bundle(entry: string, outfile: string): Promise<string[]> {
  const r = await esbuild.build({
    entryPoints: [join(ROOT, entry)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node18',
    external: ['vscode'], logLevel: 'warning', mainFields: ['module', 'main'], metafile: true,
  });
  return [...new Set(Object.values(r.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))].sort();
}

describe('bundles loaded after activation', function () {
  this.timeout(60_000);
  let dir = '';
  const externals: Record<string, string[]> = {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'uqpay-bundles-'));
    externals['validateCatalog.js'] = await bundle('catalog/src/validate.ts', join(dir, 'validateCatalog.js'));
    externals['languageClient.js'] = await bundle('client/src/languageClient.ts', join(dir, 'languageClient.js'));
    externals['extension.js'] = await bundle('client/src/extension.ts', join(dir, 'extension.js'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the user-catalog validator loads from its own bundle and points at problems by line and column', () => {
    const parse = catalogValidator(join(dir, 'validateCatalog.js'))();
    const broken = parse(readFileSync(join(ROOT, 'test/fixtures/catalog/broken-json.json'), 'utf8'), 'team/broken.json');
    assert.equal(broken.data, null);
    assert.equal(broken.problems[0]!.file, 'team/broken.json');
    assert.ok(broken.problems[0]!.line! > 0 && broken.problems[0]!.column! > 0, JSON.stringify(broken.problems[0]));
    const valid = parse(readFileSync(join(ROOT, 'test/fixtures/catalog/extra-valid.json'), 'utf8'), 'extra.json');
    assert.deepEqual(valid.problems, []);
    assert.ok(valid.data);
  });

  it('the client reads the built-in catalog file once, and it is the data the server inlines', () => {
    const read = builtinCatalogReader(join(ROOT, 'catalog/global-acquiring.json'));
    const first = read();
    assert.deepEqual(first, builtinCatalogData());
    assert.equal(read(), first);
  });

  it('the extension, its language client and its validator need only Node and vscode when they run', () => {
    const allowed = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'vscode']);
    for (const [name, modules] of Object.entries(externals)) assert.deepEqual(modules.filter((m) => !allowed.has(m)), [], name);
    assert.ok(externals['languageClient.js']!.includes('vscode'));
  });

  it('the extension bundle requires the language client and the validator at run time instead of holding them', () => {
    const text = readFileSync(join(dir, 'extension.js'), 'utf8');
    assert.doesNotMatch(text, /new LanguageClient\(|\bAjv2020\b|"refund_amount_exceeded"/);
    const source = readFileSync(join(ROOT, 'client/src/extension.ts'), 'utf8');
    assert.match(source, /asAbsolutePath\('dist\/languageClient\.js'\)/);
    assert.match(source, /asAbsolutePath\('dist\/validateCatalog\.js'\)/);
    const build = readFileSync(join(ROOT, 'esbuild.mjs'), 'utf8');
    assert.match(build, /out: 'dist\/languageClient\.js'/);
    assert.match(build, /out: 'dist\/validateCatalog\.js'/);
  });
});
