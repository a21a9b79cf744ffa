/**
 * `npm run bench:compare -- --baseline DIR`: the in-process numbers issue 12 holds a refactor to,
 * for this tree and another checkout (DIR, e.g. main) side by side in one run: validation of a
 * fresh 10k-line document against the regex floor, and a one-character edit in the middle of the
 * TypeScript file (TextDocument.update plus validation). Each tree is measured in a fresh worker
 * process (two services in one process share V8's feedback: the one loaded second measured 10-25%
 * slower with identical code), and the workers take turns over several rounds, so whatever else
 * the machine does weighs on both alike. Two tables: wall time, which the targets are stated in,
 * and the process's CPU time (all threads), which other work on the cores disturbs less.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXTENSIONS, generateSource, loadCorpusCodes, type SourceLanguage } from './corpus';
import { regexFloor } from './peers';
import { loadServiceFactory, type BenchService } from './service';
import { summarize } from './stats';

const REPO = join(__dirname, '..');
const SEED = 20261125;
const WARMUP = 15;
const SAMPLES = 30;
const EDITS = 30;
/** Rounds by default; `--rounds N` for more on a busy machine. */
const ROUNDS = 4;
const LANGUAGES: SourceLanguage[] = ['typescript', 'python', 'go'];

/** Process CPU time (all threads, ms) of each timed call, by the wall-time list it belongs to: on a busy machine it is the steadier view. */
const cpu = new Map<number[], number[]>();

/** Times `fn` into `wall` (and its CPU time into `cpu`). */
function time(wall: number[], fn: () => void): void {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  let list = cpu.get(wall);
  if (!list) cpu.set(wall, (list = []));
  list.push((c.user + c.system) / 1000);
}

const median = (xs: number[]): number => summarize(xs).median;
const ms = (x: number): string => `${x.toFixed(2)} ms`;

async function service(root: string): Promise<BenchService> {
  const { factory, error } = await loadServiceFactory(root);
  if (!factory) throw new Error(`${root}: ${error}`);
  return factory.create();
}

/** Fresh-document validations of `text` after warm-up, beside the regex floor. */
function validation(s: BenchService, language: SourceLanguage, text: string): { floor: number[]; service: number[] } {
  let n = 0;
  const doc = () => TextDocument.create(`file:///cmp/doc${++n}.${EXTENSIONS[language]}`, language, 1, text);
  for (let w = 0; w < WARMUP; w++) {
    const d = doc();
    s.doValidation(d);
    s.forget?.(d.uri);
  }
  const floor: number[] = [];
  const service: number[] = [];
  regexFloor(text);
  for (let i = 0; i < SAMPLES; i++) {
    const d = doc();
    time(service, () => s.doValidation(d));
    s.forget?.(d.uri);
    time(floor, () => regexFloor(text));
  }
  return { floor, service };
}

/** A one-letter insert and its removal, alternating, inside a code literal in the middle of `text`. */
function edits(s: BenchService, text: string): number[] {
  const mid = text.indexOf("'", text.length >> 1) + 2;
  const lineStart = text.lastIndexOf('\n', mid - 1) + 1;
  const line = text.slice(0, mid).split('\n').length - 1;
  const at = { line, character: mid - lineStart };
  const insert = { range: { start: at, end: at }, text: 'q' };
  const remove = { range: { start: at, end: { line, character: at.character + 1 } }, text: '' };
  let d = TextDocument.create('file:///cmp/edit.ts', 'typescript', 1, text);
  s.doValidation(d);
  const out: number[] = [];
  for (let i = 0; i < WARMUP + EDITS; i++) {
    const change = i % 2 === 0 ? insert : remove;
    const edit = () => {
      d = TextDocument.update(d, [change], d.version + 1);
      s.doValidation(d);
    };
    if (i >= WARMUP) time(out, edit);
    else edit();
  }
  return out;
}

type Samples = Record<string, number[]>;

/** The worker: every measurement of one tree, as JSON on stdout. */
async function worker(root: string): Promise<void> {
  const s = await service(root);
  const codes = loadCorpusCodes(join(REPO, 'catalog', 'global-acquiring.json'));
  const out: Samples = {};
  for (const language of LANGUAGES) {
    const { floor, service: svc } = validation(s, language, generateSource(language, 10_000, SEED, codes));
    out[`${language}.floor`] = floor;
    out[`${language}.validation`] = svc;
  }
  out.edit = edits(s, generateSource('typescript', 10_000, SEED, codes));
  for (const key of Object.keys(out)) out[`cpu:${key}`] = cpu.get(out[key]!) ?? [];
  process.stdout.write(JSON.stringify(out));
}

/**
 * The core every worker runs on (`--cpu N`, `--cpu none` to let the OS choose), through taskset
 * when the machine has it. The cores of a shared VM are not alike: on ours a process on one core
 * ran 1.7× slower than on the other, which by itself swung a tree's median by more than the
 * difference being measured. Pinned, both trees run on the same core, JIT and GC threads included.
 */
function pinning(): string[] {
  const k = process.argv.indexOf('--cpu');
  const cpu = k >= 0 ? process.argv[k + 1] : '0';
  if (cpu === 'none' || !/^\d+$/.test(cpu ?? '')) return [];
  return spawnSync('taskset', ['-c', cpu, 'true']).status === 0 ? ['taskset', '-c', cpu] : [];
}

function measure(root: string, pin: readonly string[]): Samples {
  const [command, ...args] = [...pin, process.execPath, '--import', 'tsx', __filename, '--worker', root];
  const r = spawnSync(command!, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`worker for ${root} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as Samples;
}

async function main(): Promise<void> {
  const w = process.argv.indexOf('--worker');
  if (w >= 0) return worker(process.argv[w + 1]!);
  const i = process.argv.indexOf('--baseline');
  const baseline = i >= 0 ? process.argv[i + 1] : undefined;
  if (!baseline) {
    console.error('usage: node --import tsx bench/compare.ts --baseline DIR [--rounds N] [--cpu N|none]   (DIR: another checkout, e.g. main)');
    process.exit(2);
  }
  const r = process.argv.indexOf('--rounds');
  const rounds = r >= 0 ? Math.max(1, Number(process.argv[r + 1]) || ROUNDS) : ROUNDS;
  const roots = [resolve(baseline), REPO];
  const pin = pinning();
  const all: Samples[] = [{}, {}];
  for (let round = 0; round < rounds; round++) {
    // the order changes every round
    for (const k of round % 2 === 0 ? [0, 1] : [1, 0]) {
      for (const [key, xs] of Object.entries(measure(roots[k]!, pin))) (all[k]![key] ??= []).push(...xs);
    }
  }
  const m = (k: number, key: string): number => median(all[k]![key]!);
  console.log(`baseline: ${roots[0]}\ncurrent:  ${roots[1]}\n(${rounds} rounds of a fresh process per tree; medians; ${pin.length ? `every worker on core ${pin[2]}` : 'cores as the OS chose'}; load average ${loadavg()[0].toFixed(1)} at the end)`);
  // wall time is what the targets are stated in; CPU time (all threads) is steadier when other work shares the cores
  for (const [title, prefix] of [['wall time', ''], ['CPU time (process, all threads)', 'cpu:']] as const) {
    console.log(`\n${title}\n`);
    console.log('| input | regex floor | baseline | current | baseline / floor | current / floor |');
    console.log('|---|---|---|---|---|---|');
    for (const language of LANGUAGES) {
      const floor = median([...all[0]![`${prefix}${language}.floor`]!, ...all[1]![`${prefix}${language}.floor`]!]);
      const [before, after] = [m(0, `${prefix}${language}.validation`), m(1, `${prefix}${language}.validation`)];
      console.log(`| ${language} 10k lines, validation | ${ms(floor)} | ${ms(before)} | ${ms(after)} | ${(before / floor).toFixed(1)}× | ${(after / floor).toFixed(1)}× |`);
    }
    console.log(`| typescript 10k lines, one-character edit | | ${ms(m(0, `${prefix}edit`))} | ${ms(m(1, `${prefix}edit`))} | | |`);
  }
}

main().catch((e: Error) => {
  console.error(`bench:compare failed: ${e.message}`);
  process.exit(1);
});
