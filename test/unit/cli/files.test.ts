// Which files `uqpay-errors check` reads: .gitignore rules (also those above the folder given,
// up to the repository root), re-includes, always-skipped folders, symlinked folders, binaries.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { collectFiles, looksBinary } from '../../../cli/src/files';

describe('CLI check: file collection', () => {
  let repo: string;
  const touch = (rel: string, text = 'x') => {
    mkdirSync(dirname(join(repo, rel)), { recursive: true });
    writeFileSync(join(repo, rel), text);
  };
  const rel = (files: string[]) => files.map((f) => relative(repo, f).split('\\').join('/'));
  const all = () => true;

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'uqpay-files-'));
    mkdirSync(join(repo, '.git'));
    touch('.git/config');
    touch('.gitignore', '# build output\ndist/\n*.min.js\n/top-only.ts\n');
    touch('src/a.ts');
    touch('src/b.min.js');
    touch('src/top-only.ts'); // the rule is anchored to the root: this one stays
    touch('top-only.ts');
    touch('dist/out.js');
    touch('src/dist/also-ignored.ts');
    touch('src/gen/.gitignore', '*\n!.gitignore\n!keep.ts\n');
    touch('src/gen/keep.ts');
    touch('src/gen/drop.ts');
    touch('node_modules/x/index.ts');
    touch('src/node_modules/y.ts');
    symlinkSync(join(repo, 'src'), join(repo, 'loop'), 'dir');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('walks the tree in order, honouring .gitignore files and never entering node_modules or .git', () => {
    const { files, missing } = collectFiles([], repo, all);
    assert.deepEqual(missing, []);
    assert.deepEqual(rel(files), ['.gitignore', 'src/a.ts', 'src/gen/.gitignore', 'src/gen/keep.ts', 'src/top-only.ts']);
  });

  it('applies the repository root .gitignore when only a subfolder is given', () => {
    const { files } = collectFiles(['.'], join(repo, 'src'), all);
    assert.deepEqual(rel(files), ['src/a.ts', 'src/gen/.gitignore', 'src/gen/keep.ts', 'src/top-only.ts']);
    // `./src` from the root gives the same set, named relative to a different cwd.
    assert.deepEqual(rel(collectFiles(['./src'], repo, all).files), rel(files));
  });

  it('keeps explicitly named files even when ignored, reports missing paths, and filters by the accept test', () => {
    const r = collectFiles(['dist/out.js', 'nope', 'src'], repo, (f) => f.endsWith('.ts'));
    assert.deepEqual(r.missing, ['nope']);
    assert.deepEqual(rel(r.files), ['dist/out.js', 'src/a.ts', 'src/gen/keep.ts', 'src/top-only.ts']);
  });

  it('tells binary content from text by NUL bytes', () => {
    assert.equal(looksBinary(Buffer.from('const a = "api_error";\n')), false);
    assert.equal(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])), true);
    assert.equal(looksBinary(Buffer.from('错误码 api_error')), false);
  });
});
