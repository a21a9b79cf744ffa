/**
 * The error-coverage cases (issue 15): the cold workspace index of a generated 5,000-file project
 * beside its floor (reading every file and running the bare string regex over it), re-indexing
 * one edited file, the server's RSS with the project indexed, and the CLI `coverage` over this
 * repository's node_modules (wall time and peak RSS of the process).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadBuiltinCatalog } from '../catalog/src/builtin';
import { collectFiles } from '../cli/src/files';
import { CoverageIndex } from '../server/src/coverageIndex';
import { createErrorCodeService, DEFAULT_SETTINGS } from '../server/src/service/index';
import { LspClient } from './lspClient';
import { regexFloor } from './peers';
import { Prng } from './prng';
import { emptyCase, type BenchCase } from './targets';

const REPO = join(__dirname, '..');

/** One generated source file: helpers and constants, and every third file an SDK call with a catch. */
function sourceFile(i: number, rng: Prng): { path: string; text: string } {
  const lang = ['ts', 'py', 'go', 'java'][i % 4];
  const dir = `pkg${i % 50}`;
  const lines: string[] = [];
  const n = 30 + rng.int(0, 60);
  const call = i % 3 === 0;
  if (lang === 'ts') {
    lines.push("import { UQPayError } from '@uqpay/sdk';");
    for (let k = 0; k < n; k++) lines.push(`export const value${k} = 'item-${k}-${rng.int(0, 1000)}'; // helper ${k}`);
    if (call) lines.push('export async function pay(client: any) {', '  try {', '    return await client.payment.payouts.create({});', '  } catch (err) {',
      "    if (err instanceof UQPayError && err.code === 'insufficient_balance') return null;", '    throw err;', '  }', '}');
  } else if (lang === 'py') {
    lines.push('from uqpay import UQPayError');
    for (let k = 0; k < n; k++) lines.push(`VALUE_${k} = "item-${k}-${rng.int(0, 1000)}"  # helper ${k}`);
    if (call) lines.push('def pay(client):', '    try:', '        return client.payment.refunds.create({})', '    except UQPayError as e:',
      '        if e.code == "refund_amount_exceeded":', '            return None', '        raise');
  } else if (lang === 'go') {
    lines.push('package p', '');
    for (let k = 0; k < n; k++) lines.push(`const Value${k} = "item-${k}-${rng.int(0, 1000)}" // helper ${k}`);
    if (call) lines.push('func Pay() error {', '\t_, err := client.Payment.Balances.Get(ctx, "SGD")', '\tif err != nil {', '\t\treturn err', '\t}', '\treturn nil', '}');
  } else {
    lines.push('class P' + i + ' {');
    for (let k = 0; k < n; k++) lines.push(`    static final String VALUE_${k} = "item-${k}-${rng.int(0, 1000)}"; // helper ${k}`);
    if (call) lines.push('    Object pay() throws Exception {', '        try { return client.payment().getRefunds().get("RF1"); }',
      '        catch (UqpayApiException e) { if ("retrieve_refund_failed".equals(e.getCode())) return null; throw e; }', '    }');
    lines.push('}');
  }
  return { path: join(dir, `f${i}.${lang}`), text: lines.join('\n') + '\n' };
}

function generateProject(files: number, seed: number): string {
  const root = mkdtempSync(join(tmpdir(), 'uqpay-bench-coverage-'));
  const rng = new Prng(seed);
  for (let i = 0; i < files; i++) {
    const f = sourceFile(i, rng);
    mkdirSync(join(root, f.path, '..'), { recursive: true });
    writeFileSync(join(root, f.path), f.text);
  }
  return root;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function coverageCases(opts: { serverPath: string; tiny: boolean; log: (s: string) => void }): Promise<BenchCase[]> {
  const count = opts.tiny ? 200 : 5000;
  const root = generateProject(count, 15);
  const cold = emptyCase('index.workspace.5k', 'ms', `${count} generated files (ts/py/go/java, a third with an SDK call); in-process: CoverageIndex.build (no index before it; one warm-up round); floor: the same walk, reading every file and the bare string regex; over the protocol: server start → first report`);
  const reindex = emptyCase('reindex.one-file', 'ms', 'CoverageIndex.update of one open file after an edit, in process');
  const rss = emptyCase('rss.index.5k', 'MB');
  const cli = emptyCase('cli.coverage.node_modules', 'ms');
  try {
    const service = createErrorCodeService({ catalog: loadBuiltinCatalog() });
    const catalog = loadBuiltinCatalog();
    const runs = opts.tiny ? 2 : 3;
    const svc: number[] = [];
    const floor: number[] = [];
    let index: CoverageIndex | undefined;
    // one round of each to warm the JIT and the file cache, then rounds that count
    for (let r = 0; r < runs + 1; r++) {
      // floor and index alternate, so both run under the same conditions
      let t = performance.now();
      const { files } = collectFiles([root], root, () => true);
      let sink = 0;
      for (const f of files) sink += regexFloor(readFileSync(f, 'utf8'));
      if (r > 0) floor.push(performance.now() - t);
      if (sink < 0) opts.log('');
      index = new CoverageIndex(service, () => catalog, () => DEFAULT_SETTINGS, () => undefined);
      t = performance.now();
      await index.build([root]);
      if (r > 0) svc.push(performance.now() - t);
    }
    Object.assign(cold, { inProcess: median(svc), floor: median(floor) });

    const file = join(root, sourceFile(0, new Prng(15)).path);
    const uri = pathToFileURL(file).toString();
    const base = readFileSync(file, 'utf8');
    const samples: number[] = [];
    for (let k = 0; k < (opts.tiny ? 10 : 60); k++) {
      const text = base.replace("'insufficient_balance'", k % 2 ? "'velocity_limit_exceeded'" : "'insufficient_balance'");
      const t = performance.now();
      index!.update(uri, text);
      samples.push(performance.now() - t);
    }
    Object.assign(reindex, { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), inProcess: median(samples) });

    // the server, started on the project: time to its first report, then its RSS
    let client: LspClient | null = null;
    try {
      const t = performance.now();
      client = (await LspClient.start(opts.serverPath, root)).client;
      for (;;) {
        const r = await client.connection.request('uqpayErrors/coverageReport', {});
        if (r) break;
        await new Promise((res) => setTimeout(res, 20));
      }
      const ms = performance.now() - t;
      Object.assign(cold, { median: ms, min: ms, max: ms });
      const mb = client.rssMb();
      if (mb !== null) Object.assign(rss, { median: mb, min: mb, max: mb });
      rss.note = `server VmRSS once ${count} files are indexed; peak (VmHWM) ${client.rssMb('VmHWM')?.toFixed(1) ?? '?'} MB`;
    } finally {
      await client?.stop();
    }
  } catch (e) {
    cold.note = `failed: ${(e as Error).message.slice(0, 300)}`;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }

  // node_modules through a link outside the repository: its .gitignore would skip it all
  if (!opts.tiny) {
    const dir = mkdtempSync(join(tmpdir(), 'uqpay-bench-nm-'));
    try {
      const link = join(dir, 'node_modules');
      symlinkSync(join(REPO, 'node_modules'), link);
      const probe = join(dir, 'peak.js');
      writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");
      const t = performance.now();
      const r = spawnSync(process.execPath, ['-r', probe, join(REPO, 'dist', 'cli.js'), 'coverage', link, '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const ms = performance.now() - t;
      const peak = /PEAK_RSS_KB (\d+)/.exec(r.stderr)?.[1];
      const report = JSON.parse(r.stdout) as { summary: { files: number; calls: number }; timeMs: number };
      Object.assign(cli, { median: ms, min: ms, max: ms });
      cli.note = `${report.summary.files} files, ${report.summary.calls} calls found; the CLI's own time ${report.timeMs} ms; peak RSS ${peak ? (Number(peak) / 1024).toFixed(0) : '?'} MB`;
    } catch (e) {
      cli.note = `failed: ${(e as Error).message.slice(0, 300)}`;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const c of [cold, reindex, rss, cli]) opts.log(`${c.name}: ${c.median?.toFixed(1) ?? 'n/a'} ${c.unit} (in-process ${c.inProcess?.toFixed(1) ?? '-'}, floor ${c.floor?.toFixed(1) ?? '-'}) ${c.note ?? ''}`);
  return [cold, reindex, rss, cli];
}
