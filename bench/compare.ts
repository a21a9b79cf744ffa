/**
 * `npm run bench:compare -- --baseline DIR`: the in-process numbers issue 12 holds a refactor to,
 * for this tree and another checkout (DIR, e.g. main) side by side in one process: validation of a
 * fresh 10k-line document against the regex floor, and a one-character edit in the middle of the
 * TypeScript file (TextDocument.update plus validation). The two services take turns sample by
 * sample, so whatever else the machine does weighs on both alike.
 */
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
const SAMPLES = 60;
const EDITS = 60;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const median = (xs: number[]): number => summarize(xs).median;
const ms = (x: number): string => `${x.toFixed(2)} ms`;

async function service(root: string): Promise<BenchService> {
  const { factory, error } = await loadServiceFactory(root);
  if (!factory) throw new Error(`${root}: ${error}`);
  return factory.create();
}

/** Which service goes first changes every round: the second of a pair pays for the first's garbage. */
function order(n: number, round: number): number[] {
  const ks = Array.from({ length: n }, (_, k) => k);
  return round % 2 === 0 ? ks : ks.reverse();
}

/** Fresh-document validation for each service, alternating, after warm-up. */
function validation(services: BenchService[], language: SourceLanguage, text: string): number[][] {
  const out = services.map(() => [] as number[]);
  let n = 0;
  const doc = () => TextDocument.create(`file:///cmp/doc${++n}.${EXTENSIONS[language]}`, language, 1, text);
  for (let w = 0; w < WARMUP; w++) for (const s of services) { const d = doc(); s.doValidation(d); s.forget?.(d.uri); }
  const floor: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    for (const k of order(services.length, i)) {
      const s = services[k]!;
      const d = doc();
      out[k]!.push(time(() => s.doValidation(d)));
      s.forget?.(d.uri);
    }
    floor.push(time(() => regexFloor(text)));
  }
  return [floor, ...out];
}

/** A one-letter insert and its removal, alternating, inside a code literal in the middle of `text`. */
function edits(services: BenchService[], text: string): number[][] {
  const mid = text.indexOf("'", text.length >> 1) + 2;
  const lineStart = text.lastIndexOf('\n', mid - 1) + 1;
  const line = text.slice(0, mid).split('\n').length - 1;
  const at = { line, character: mid - lineStart };
  const insert = { range: { start: at, end: at }, text: 'q' };
  const remove = { range: { start: at, end: { line, character: at.character + 1 } }, text: '' };
  const docs = services.map((s, k) => {
    const d = TextDocument.create(`file:///cmp/edit${k}.ts`, 'typescript', 1, text);
    s.doValidation(d);
    return d;
  });
  const out = services.map(() => [] as number[]);
  for (let i = 0; i < WARMUP + EDITS; i++) {
    // an insert and its removal, then the same pair with the other service first
    for (const k of order(services.length, i >> 1)) {
      const s = services[k]!;
      const change = i % 2 === 0 ? insert : remove;
      const t = time(() => {
        docs[k] = TextDocument.update(docs[k]!, [change], docs[k]!.version + 1);
        s.doValidation(docs[k]!);
      });
      if (i >= WARMUP) out[k]!.push(t);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--baseline');
  const baseline = i >= 0 ? process.argv[i + 1] : undefined;
  if (!baseline) {
    console.error('usage: node --import tsx bench/compare.ts --baseline DIR   (DIR: another checkout, e.g. main)');
    process.exit(2);
  }
  const roots = [resolve(baseline), REPO];
  const services = [await service(roots[0]!), await service(roots[1]!)];
  const codes = loadCorpusCodes(join(REPO, 'catalog', 'global-acquiring.json'));
  console.log(`baseline: ${roots[0]}\ncurrent:  ${roots[1]}\n`);
  console.log('| input | regex floor | baseline | current | current / floor |');
  console.log('|---|---|---|---|---|');
  for (const language of ['typescript', 'python', 'go'] as SourceLanguage[]) {
    const text = generateSource(language, 10_000, SEED, codes);
    const [floor, before, after] = validation(services, language, text).map(median) as [number, number, number];
    console.log(`| ${language} 10k lines, validation | ${ms(floor)} | ${ms(before)} | ${ms(after)} | ${(after / floor).toFixed(1)}× |`);
  }
  const ts = generateSource('typescript', 10_000, SEED, codes);
  const [before, after] = edits(services, ts).map(median) as [number, number];
  console.log(`| typescript 10k lines, one-character edit | | ${ms(before)} | ${ms(after)} | |`);
}

main().catch((e: Error) => {
  console.error(`bench:compare failed: ${e.message}`);
  process.exit(1);
});
