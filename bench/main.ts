/**
 * `npm run bench`: the benchmark's command line. Runs every case (run.ts), prints the table with
 * the targets and how busy the machine was, and writes bench/results.json.
 */
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO, runBench, type BenchOptions } from './run';
import { formatTable } from './table';
import { TARGETS } from './targets';

const USAGE = `usage: node --import tsx bench/main.ts [options]   (npm run bench builds dist first)
  --tiny            seconds-long run on toy inputs under the real case names (targets not judged)
  --out FILE        where to write the results (default bench/results.json)
  --server FILE     the server bundle to drive (default dist/server.js)
  --catalog FILE    the catalog the corpus takes its codes from (default catalog/global-acquiring.json)
  --no-vsix         do not run \`npm run package\` for the .vsix size
  --no-corpus       do not write the generated corpus to bench/corpus/`;

function parseArgs(argv: string[]): BenchOptions {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const known = new Set(['--tiny', '--out', '--server', '--catalog', '--no-vsix', '--no-corpus', '--help']);
  for (const a of argv) if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a} (known: ${[...known].join(', ')})`);
  const tiny = argv.includes('--tiny');
  return {
    tiny,
    out: value('--out') ?? join(REPO, 'bench', 'results.json'),
    serverPath: value('--server') ?? join(REPO, 'dist', 'server.js'),
    distDir: join(REPO, 'dist'),
    catalogPath: value('--catalog') ?? join(REPO, 'catalog', 'global-acquiring.json'),
    corpusDir: argv.includes('--no-corpus') || tiny ? null : join(REPO, 'bench', 'corpus'),
    vsix: !argv.includes('--no-vsix') && !tiny,
    log: (line) => console.error(line),
  };
}

if (require.main === module) {
  (async () => {
    if (process.argv.includes('--help')) {
      console.log(USAGE);
      return;
    }
    let opts: BenchOptions;
    try {
      opts = parseArgs(process.argv.slice(2));
    } catch (e) {
      console.error(`bench: ${(e as Error).message}`);
      process.exit(2);
    }
    const t0 = performance.now();
    const loadBefore = loadavg()[0];
    const cases = await runBench(opts);
    // other work on the machine skews every number: say how busy it was
    console.log(`machine: ${cpus().length} cores, Node ${process.version}, load average ${loadBefore.toFixed(1)} at start and ${loadavg()[0].toFixed(1)} at end\n`);
    console.log(formatTable(cases, TARGETS, opts.tiny));
    console.log(`\nwrote ${relative(process.cwd(), opts.out) || opts.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  })().catch((e: Error) => {
    console.error(`bench failed: ${e.message}`);
    process.exit(1);
  });
}
