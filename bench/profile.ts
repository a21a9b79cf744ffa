/**
 * Where the time goes when a target is missed. Two modes, both writing a .cpuprofile (open it in
 * Chrome DevTools or VS Code) and printing the functions with the most self time:
 *   node --import tsx bench/profile.ts service <typescript|python|go|jsonl> [lines|bytes] [validate|edit|hover|complete]
 *     the service in process (a child under `node --cpu-prof` runs only the calls being profiled);
 *   node --import tsx bench/profile.ts server <typescript|python|go|jsonl|startup> [lines|bytes]
 *     dist/server.js started with `node --cpu-prof`, driven over stdio, profile written at exit.
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXTENSIONS, generateJsonl, generateSource, loadCorpusCodes, type SourceLanguage } from './corpus';
import { LspClient } from './lspClient';
import { loadServiceFactory } from './service';

const REPO = join(__dirname, '..');
const OUT = join(REPO, 'bench', 'corpus', 'profiles');
const SEED = 20261125;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (summed over its call sites), largest first. */
export function topSelfTime(profile: CpuProfile, n = 25): { fn: string; ms: number; share: number }[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) continue;
    total += dt;
    const f = node.callFrame;
    const where = f.url ? `${relative(REPO, f.url.replace(/^file:\/\//, ''))}:${f.lineNumber + 1}` : '(native)';
    const key = `${f.functionName || '(anonymous)'} ${where}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, ms]) => ({ fn, ms, share: total ? ms / total : 0 }));
}

/** Frames that are the harness rather than the code under test. */
const NOISE = /node:internal|node_modules\/(tsx|esbuild)\/|^\((idle|program)\)/;

function printTop(title: string, profile: CpuProfile): void {
  console.log(`\n${title}\n   self ms  share  function`);
  for (const r of topSelfTime(profile, 200).filter((x) => !NOISE.test(x.fn)).slice(0, 25)) console.log(`${r.ms.toFixed(1).padStart(10)}  ${(100 * r.share).toFixed(1).padStart(4)}%  ${r.fn}`);
}

function corpus(kind: string, size: number | undefined): { text: string; languageId: string; ext: string } {
  const codes = loadCorpusCodes();
  if (kind === 'jsonl') return { text: generateJsonl(size ?? 10 << 20, SEED, codes), languageId: 'jsonl', ext: 'jsonl' };
  if (kind !== 'typescript' && kind !== 'python' && kind !== 'go') throw new Error(`unknown corpus ${kind}: typescript, python, go or jsonl`);
  return { text: generateSource(kind, size ?? 10_000, SEED, codes), languageId: kind, ext: EXTENSIONS[kind as SourceLanguage] };
}

/** Runs in a child started with `--cpu-prof`: the measured calls, then a normal exit. */
async function serviceChild(kind: string, size: number | undefined, op: string): Promise<void> {
  const { factory, error } = await loadServiceFactory(REPO);
  if (!factory) throw new Error(error ?? 'no service');
  const service = factory.create();
  const { text, languageId, ext } = corpus(kind, size);
  const doc = (i: number) => TextDocument.create(`file:///profile/${i}.${ext}`, languageId, 1, text);
  const first = doc(0);
  const positions = [...text.matchAll(/['"]([a-z0-9_]{4,})['"]/g)].slice(0, 64).map((m) => first.positionAt((m.index ?? 0) + 2));
  const rounds = op === 'validate' ? 12 : op === 'edit' ? 60 : 40;
  const times: number[] = [];
  // `edit`: one letter typed into, then removed from, a code literal in the middle, each revalidated
  let edited = first;
  const mid = positions[positions.length >> 1] ?? { line: 0, character: 0 };
  if (op === 'edit') service.doValidation(edited);
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    if (op === 'validate') service.doValidation(doc(i + 1));
    else if (op === 'edit') {
      const range = i % 2 === 0 ? { start: mid, end: mid } : { start: mid, end: { line: mid.line, character: mid.character + 1 } };
      edited = TextDocument.update(edited, [{ range, text: i % 2 === 0 ? 'q' : '' }], edited.version + 1);
      service.doValidation(edited);
    } else for (const p of positions) op === 'hover' ? service.doHover(first, p) : service.doComplete(first, p);
    times.push(performance.now() - t0);
  }
  console.log(`${op} on ${kind} (${text.length} chars), ms per round: ${times.map((t) => t.toFixed(1)).join(' ')}`);
}

async function profileService(kind: string, size: number | undefined, op: string): Promise<void> {
  const dir = join(OUT, `service-${kind}-${op}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const args = ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', __filename, 'service-child', kind, String(size ?? ''), op];
  const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`profiled child failed (exit ${r.status}): ${r.stderr.slice(-800)}`);
  process.stdout.write(r.stdout);
  // tsx compiles in a worker that writes its own profile; the main thread's is the largest
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
  const main = files.map((f) => ({ f, p: JSON.parse(readFileSync(f, 'utf8')) as CpuProfile })).sort((a, b) => b.p.samples.length - a.p.samples.length)[0];
  if (!main) throw new Error(`no profile written into ${relative(REPO, dir)}`);
  printTop(`profile ${relative(REPO, main.f)} (loading included; node internals, tsx and idle left out)`, main.p);
}

async function profileServer(kind: string, size: number | undefined): Promise<void> {
  // `startup`: initialize only, to see what the server does before it can answer
  const { text, languageId, ext } = kind === 'startup' ? { text: '', languageId: '', ext: '' } : corpus(kind, size);
  const dir = join(OUT, `server-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  // a non-minified build (`node esbuild.mjs`) gives readable names; UQPAY_BENCH_SERVER picks another bundle
  const serverPath = process.env.UQPAY_BENCH_SERVER ?? join(REPO, 'dist', 'server.js');
  const { client, initializeMs } = await LspClient.start(serverPath, REPO, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const times: number[] = [];
  for (let i = 0; i < (kind === 'startup' ? 0 : 6); i++) {
    const uri = `file:///profile/${i}.${ext}`;
    times.push((await client.openAndWait(uri, languageId, text)).ms);
    client.close(uri);
  }
  await client.stop();
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the server wrote no profile into ${relative(REPO, dir)} (did it exit cleanly?)`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  printTop(`server (initialize ${initializeMs.toFixed(0)} ms) didOpen on ${kind}: ${times.map((t) => t.toFixed(0)).join(', ')} ms; profile ${relative(REPO, join(dir, file))} (whole process life)`, profile);
}

if (require.main === module) {
  const [mode, kind = 'typescript', sizeArg, op = 'validate'] = process.argv.slice(2);
  const size = sizeArg ? Number(sizeArg) : undefined;
  const job =
    mode === 'service' ? profileService(kind, size, op) : mode === 'service-child' ? serviceChild(kind, size, op) : mode === 'server' ? profileServer(kind, size) : Promise.reject(new Error('usage: profile.ts service|server <typescript|python|go|jsonl> [size] [validate|edit|hover|complete]'));
  job.catch((e: Error) => {
    console.error(`profile failed: ${e.message}`);
    process.exit(1);
  });
}
