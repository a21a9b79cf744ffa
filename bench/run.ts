/**
 * The benchmark's cases: drives dist/server.js over stdio on generated corpora, measures the
 * service in process on the same text beside a regex floor and two peers, and writes
 * bench/results.json. The command line is bench/main.ts; `tiny` runs a seconds-long version (for
 * the unit test).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXTENSIONS, SOURCE_LANGUAGES, generateJsonl, generateSource, loadCorpusCodes, type CorpusCodes, type SourceLanguage } from './corpus';
import { findDebounce, type DebounceInfo } from './debounce';
import { LspClient, type LspRange } from './lspClient';
import { coverageCases } from './coverage';
import { JsonPeer, TreeSitterPeer, regexFloor } from './peers';
import { loadServiceFactory, type BenchService, type ServiceFactory } from './service';
import { percentile, summarize } from './stats';
import { emptyCase, REQUIRED_CASES, type BenchCase } from './targets';
import { activationCases, bundleCases, vsixCase } from './artifacts';

export const REPO = join(__dirname, '..');
const SEED = 20261125;
/**
 * Unmeasured edits before the measured ones, on both sides (an even number: the text returns to its
 * start). The edit path settles after about as many calls as a validation (see WARMUP_VALIDATIONS);
 * a developer typing gives the server hundreds of them.
 */
const EDIT_WARMUP = 16;

export interface BenchOptions {
  tiny: boolean;
  out: string;
  serverPath: string;
  /** The built bundles whose sizes are reported. */
  distDir: string;
  catalogPath: string;
  /** Where the generated corpus is written for inspection; null writes nothing. */
  corpusDir: string | null;
  /** Run `npm run package` for the .vsix size when that script exists. */
  vsix: boolean;
  log: (line: string) => void;
}

interface Plan {
  sizes: { label: string; lines: number; runs: number }[];
  logs: { label: string; bytes: number; runs: number }[];
  edits: number;
  requests: number;
  rounds: number;
  rssFiles: number;
  rssLines: number;
  /** Keystrokes in one open 10k-line file for rss.edits: untimed ones first (the heap settles), then the counted ones. */
  rssEditsWarmup: number;
  rssEdits: number;
  initRuns: number;
}

const FULL: Plan = {
  sizes: [
    { label: '1k', lines: 1_000, runs: 9 },
    { label: '10k', lines: 10_000, runs: 9 },
    { label: '100k', lines: 100_000, runs: 5 },
  ],
  logs: [
    { label: '1mb', bytes: 1 << 20, runs: 5 },
    { label: '10mb', bytes: 10 << 20, runs: 3 },
  ],
  edits: 40,
  requests: 250,
  rounds: 3,
  rssFiles: 50,
  rssLines: 10_000,
  rssEditsWarmup: 1000,
  rssEdits: 400,
  initRuns: 5,
};

// Same case names, toy sizes: proves the harness end to end in a few seconds.
const TINY: Plan = {
  sizes: [
    { label: '1k', lines: 60, runs: 2 },
    { label: '10k', lines: 200, runs: 2 },
    { label: '100k', lines: 400, runs: 1 },
  ],
  logs: [
    { label: '1mb', bytes: 4_000, runs: 1 },
    { label: '10mb', bytes: 16_000, runs: 1 },
  ],
  edits: 2,
  requests: 10,
  rounds: 1,
  rssFiles: 3,
  rssLines: 200,
  rssEditsWarmup: 4,
  rssEdits: 4,
  initRuns: 1,
};


/** Process CPU time of the samples taken with `timeSync`, by label: a contention-free view. */
const cpuSamples = new Map<string, number[]>();

/** Untimed validations before the in-process samples of each input. */
const WARMUP_VALIDATIONS = 15;

function timeSync(fn: () => void, cpuLabel?: string): number {
  const c0 = cpuLabel ? process.cpuUsage() : undefined;
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  if (c0 && cpuLabel) {
    const c = process.cpuUsage(c0);
    const list = cpuSamples.get(cpuLabel) ?? [];
    list.push((c.user + c.system) / 1000);
    cpuSamples.set(cpuLabel, list);
  }
  return wall;
}

function cpuMedian(label: string): string {
  const m = med(cpuSamples.get(label) ?? []);
  return m === null ? '?' : m.toFixed(m >= 10 ? 1 : 2);
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function med(samples: number[]): number | null {
  return samples.length ? summarize(samples).median : null;
}

/** Positions of the known code literals in a text: (line, character of the literal's first letter). */
function literalPositions(text: string, codes: CorpusCodes, max: number): { line: number; character: number; offset: number; length: number }[] {
  const known = new Set(codes.stringCodes.map((c) => c.code));
  const found: { line: number; character: number; offset: number; length: number }[] = [];
  const lines = text.split('\n');
  let offset = 0;
  for (let line = 0; line < lines.length; line++) {
    const re = /(['"])([^'"\n]+)\1/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lines[line])) !== null) {
      if (known.has(m[2]) && m[2].length >= 4) found.push({ line, character: m.index + 1, offset: offset + m.index + 1, length: m[2].length });
    }
    offset += lines[line].length + 1;
  }
  if (found.length <= max) return found;
  const step = found.length / max;
  return Array.from({ length: max }, (_, i) => found[Math.floor(i * step)]);
}

class Bench {
  private readonly cases: BenchCase[] = [];
  private client: LspClient | null = null;
  private serverError: string | null = null;
  private service: BenchService | null = null;
  private debounce: DebounceInfo | null = null;
  private uriCounter = 0;

  constructor(
    private readonly opts: BenchOptions,
    private readonly plan: Plan,
    private readonly codes: CorpusCodes,
    private readonly factory: ServiceFactory | null,
    private readonly jsonPeer: JsonPeer,
    private readonly treePeer: TreeSitterPeer | null,
  ) {}

  private uri(ext: string): string {
    return `file:///bench/doc${++this.uriCounter}.${ext}`;
  }

  private log(s: string): void {
    this.opts.log(s);
  }

  async run(): Promise<BenchCase[]> {
    this.debounce = findDebounce(join(REPO, 'server', 'src'));
    if (this.factory) {
      try {
        this.service = this.factory.create();
      } catch (e) {
        this.log(`in-process service failed to start: ${(e as Error).message}`);
      }
    }
    await this.initialize();
    if (existsSync(this.opts.serverPath)) {
      try {
        this.client = (await LspClient.start(this.opts.serverPath, REPO)).client;
      } catch (e) {
        this.serverError = (e as Error).message;
      }
    } else {
      this.serverError = `${relative(REPO, this.opts.serverPath)} does not exist (build first)`;
    }
    if (this.serverError) this.log(`server: ${this.serverError}`);
    try {
      await this.didOpenSources();
      await this.didOpenLogs();
      await this.edit();
      await this.requests();
    } finally {
      await this.client?.stop();
      this.client = null;
    }
    await this.rss();
    await this.rssEdits();
    this.cases.push(...(await coverageCases({ serverPath: this.opts.serverPath, tiny: this.opts.tiny, log: (m) => this.log(m) })));
    this.cases.push(...bundleCases(this.opts.distDir), vsixCase(REPO, this.opts.vsix), ...activationCases(REPO));
    return this.cases;
  }

  private async initialize(): Promise<void> {
    const c = emptyCase('initialize', 'ms', 'spawn → initialize result; in-process = build catalog + service');
    const samples: number[] = [];
    const cpuAtInit: number[] = [];
    if (existsSync(this.opts.serverPath)) {
      for (let i = 0; i < this.plan.initRuns; i++) {
        try {
          const { client, initializeMs } = await LspClient.start(this.opts.serverPath, REPO);
          samples.push(initializeMs);
          const cpu = client.cpuMs();
          if (cpu !== null) cpuAtInit.push(cpu);
          await client.stop();
        } catch (e) {
          c.note = `server failed: ${(e as Error).message.slice(0, 200)}`;
          break;
        }
      }
    }
    if (samples.length) Object.assign(c, summarize(samples));
    if (cpuAtInit.length) c.note += `; server CPU time used by the initialize result ${med(cpuAtInit)} ms (/proc, 10 ms ticks)`;
    if (this.factory) {
      const factory = this.factory;
      c.inProcess = med(Array.from({ length: Math.max(3, this.plan.initRuns) }, () => timeSync(() => factory.create())));
    }
    this.cases.push(c);
    this.log(`initialize: ${c.median?.toFixed(1) ?? 'n/a'} ms`);
  }

  /** In-process medians for a text: service, regex floor, and a peer. */
  private async inProcess(label: string, text: string, languageId: string, runs: number, peer: (() => Promise<unknown>) | null): Promise<Pick<BenchCase, 'inProcess' | 'floor' | 'peer'> & { diagnostics: number | null; cpu: string }> {
    const svc: number[] = [];
    const floor: number[] = [];
    let diagnostics: number | null = null;
    // in process is cheap for small inputs: more samples make its median steadier
    const samples = text.length < 1_000_000 ? Math.max(runs, 25) : runs;
    regexFloor(text);
    if (this.service) {
      const service = this.service;
      const ext = languageId === 'jsonl' ? 'jsonl' : EXTENSIONS[languageId as SourceLanguage] ?? 'txt';
      try {
        // untimed passes to warm the JIT, as a server is warm after its first documents: measured
        // here, a 10k-line validation settles at its steady time after 13 to 15 calls (the first
        // ones take 5 to 20 times longer while V8 optimises)
        for (let w = 0; w < WARMUP_VALIDATIONS; w++) {
          const warm = TextDocument.create(this.uri(ext), languageId, 1, text);
          diagnostics = service.doValidation(warm).length;
          service.forget?.(warm.uri);
        }
        // service and floor samples alternate, so the ratio compares them under the same conditions
        for (let i = 0; i < samples; i++) {
          const doc = TextDocument.create(this.uri(ext), languageId, 1, text);
          svc.push(timeSync(() => service.doValidation(doc), `${label}.service`));
          service.forget?.(doc.uri); // as the server does on didClose
          floor.push(timeSync(() => regexFloor(text), `${label}.floor`));
        }
      } catch (e) {
        this.log(`in-process doValidation(${languageId}) threw: ${(e as Error).message}`);
      }
    }
    while (floor.length < samples) floor.push(timeSync(() => regexFloor(text), `${label}.floor`));
    const peers: number[] = [];
    if (peer) {
      await peer();
      for (let i = 0; i < runs; i++) peers.push(await timeAsync(peer));
    }
    // wall time is what the case reports; CPU time shows how much of it the machine's load added
    const cpu = `in-process CPU time (all threads, JIT and GC included): service ${cpuMedian(`${label}.service`)} ms, floor ${cpuMedian(`${label}.floor`)} ms`;
    return { inProcess: med(svc), floor: med(floor), peer: med(peers), diagnostics, cpu };
  }

  private async openRuns(languageId: string, ext: string, text: string, runs: number): Promise<{ samples: number[]; count: number | null; error?: string; serverCpu?: string }> {
    const client = this.client;
    if (!client) return { samples: [], count: null, error: this.serverError ?? 'no server' };
    const samples: number[] = [];
    let count: number | null = null;
    let cpu0: number | null = null;
    try {
      // the first open of each kind warms the server's JIT; it is not counted
      for (let i = 0; i <= runs; i++) {
        if (i === 1) cpu0 = client.cpuMs();
        const uri = this.uri(ext);
        const r = await client.openAndWait(uri, languageId, text);
        client.close(uri);
        if (i > 0) samples.push(r.ms);
        count = r.count;
      }
    } catch (e) {
      return { samples, count, error: (e as Error).message.slice(0, 300) };
    }
    const cpu1 = client.cpuMs();
    const serverCpu = cpu0 !== null && cpu1 !== null && runs > 0 ? `server CPU time per open ${((cpu1 - cpu0) / runs).toFixed(1)} ms (/proc, 10 ms ticks)` : undefined;
    return { samples, count, serverCpu };
  }

  private async didOpenSources(): Promise<void> {
    for (const lang of SOURCE_LANGUAGES) {
      for (const size of this.plan.sizes) {
        const name = `didOpen.${lang}.${size.label}`;
        const text = generateSource(lang, size.lines, SEED, this.codes);
        this.writeCorpus(`${lang}-${size.label}.${EXTENSIONS[lang]}`, text);
        const c = emptyCase(name, 'ms');
        const e2e = await this.openRuns(lang, EXTENSIONS[lang], text, size.runs);
        if (e2e.samples.length) Object.assign(c, summarize(e2e.samples));
        const tree = this.treePeer;
        const ip = await this.inProcess(name, text, lang, size.runs, tree ? async () => tree.parse(lang, text).delete() : null);
        Object.assign(c, { inProcess: ip.inProcess, floor: ip.floor, peer: ip.peer });
        c.note = [e2e.error, `${e2e.count ?? ip.diagnostics ?? '?'} diagnostics`, 'peer = tree-sitter parse', e2e.serverCpu, ip.cpu].filter(Boolean).join('; ');
        this.cases.push(c);
        this.log(`${name}: ${c.median?.toFixed(2) ?? 'n/a'} ms e2e, ${c.inProcess?.toFixed(2) ?? 'n/a'} ms in process (${c.note})`);
      }
    }
  }

  private async didOpenLogs(): Promise<void> {
    for (const size of this.plan.logs) {
      const name = `didOpen.jsonl.${size.label}`;
      const text = generateJsonl(size.bytes, SEED, this.codes);
      this.writeCorpus(`responses-${size.label}.jsonl`, text);
      const c = emptyCase(name, 'ms');
      const e2e = await this.openRuns('jsonl', 'jsonl', text, size.runs);
      if (e2e.samples.length) Object.assign(c, summarize(e2e.samples));
      const ip = await this.inProcess(name, text, 'jsonl', size.runs, () => this.jsonPeer.validateLines(text));
      Object.assign(c, { inProcess: ip.inProcess, floor: ip.floor, peer: ip.peer });
      c.note = [e2e.error, `${e2e.count ?? ip.diagnostics ?? '?'} diagnostics`, 'peer = vscode-json-languageservice per line', e2e.serverCpu, ip.cpu].filter(Boolean).join('; ');
      this.cases.push(c);
      this.log(`${name}: ${c.median?.toFixed(1) ?? 'n/a'} ms e2e, ${c.inProcess?.toFixed(1) ?? 'n/a'} ms in process, peer ${c.peer?.toFixed(1) ?? 'n/a'} ms`);
    }
  }

  /** One-character edits inside a code literal near the middle: insert a letter, then delete it. */
  private async edit(): Promise<void> {
    const size = this.plan.sizes.find((s) => s.label === '10k') ?? this.plan.sizes[0];
    const text = generateSource('typescript', size.lines, SEED, this.codes);
    const raw = emptyCase('edit.typescript.10k', 'ms');
    const minus = emptyCase('edit.typescript.10k.minusDebounce', 'ms');
    // a plain identifier-like code, so the inserted letter surely makes it unknown
    const all = literalPositions(text, this.codes, Number.MAX_SAFE_INTEGER).filter((p) => /^[a-z][a-z0-9_]+$/.test(text.substr(p.offset, p.length)));
    if (all.length === 0) {
      raw.note = minus.note = 'no code literal in the corpus to edit';
      this.cases.push(raw, minus);
      return;
    }
    const middle = size.lines / 2;
    const target = all.reduce((best, p) => (Math.abs(p.line - middle) < Math.abs(best.line - middle) ? p : best));
    const at = { line: target.line, character: target.character + 1 };
    const insert: LspRange = { start: at, end: at };
    const remove: LspRange = { start: at, end: { line: at.line, character: at.character + 1 } };

    const samples: number[] = [];
    const counts: number[] = [];
    let error: string | undefined;
    if (this.client) {
      const uri = this.uri('ts');
      try {
        await this.client.openAndWait(uri, 'typescript', text);
        let version = 1;
        // the first few edits warm the server's edit path (JIT); they are not counted
        for (let i = 0; i < EDIT_WARMUP + this.plan.edits; i++) {
          const r = i % 2 === 0 ? await this.client.changeAndWait(uri, ++version, insert, 'q') : await this.client.changeAndWait(uri, ++version, remove, '');
          if (i < EDIT_WARMUP) continue;
          samples.push(r.ms);
          counts.push(r.count);
        }
        this.client.close(uri);
      } catch (e) {
        error = (e as Error).message.slice(0, 300);
      }
    } else error = this.serverError ?? 'no server';

    // in process: the same edits applied to a TextDocument, then a whole validation
    const svc: number[] = [];
    if (this.service) {
      const service = this.service;
      let doc = TextDocument.create(this.uri('ts'), 'typescript', 1, text);
      service.doValidation(doc);
      for (let i = 0; i < EDIT_WARMUP + Math.max(this.plan.edits, 4); i++) {
        const change = i % 2 === 0 ? { range: insert, text: 'q' } : { range: remove, text: '' };
        const apply = () => {
          doc = TextDocument.update(doc, [change], doc.version + 1);
          service.doValidation(doc);
        };
        if (i < EDIT_WARMUP) apply();
        else svc.push(timeSync(apply, 'edit.service'));
      }
    }
    regexFloor(text);
    const floor = Array.from({ length: 25 }, () => timeSync(() => regexFloor(text)));
    let peer: number | null = null;
    if (this.treePeer) {
      const tp = this.treePeer;
      const offset = target.offset + 1;
      const peers = Array.from({ length: 5 }, () => {
        const tree = tp.parse('typescript', text);
        const t = timeSync(() => tp.reparseAfterInsert('typescript', text, tree, offset, 'q').delete());
        tree.delete();
        return t;
      });
      peer = med(peers);
    }
    // The server skips its debounce for documents that validate cheaply: subtract it only when
    // the samples show it was applied (every sample at least that long).
    const applied = samples.length > 0 && Math.min(...samples) >= (this.debounce?.ms ?? 0);
    const debounceMs = applied ? this.debounce?.ms ?? 0 : 0;
    const changed = counts.length >= 2 && counts.some((n, i) => i > 0 && n !== counts[i - 1]);
    if (samples.length) {
      Object.assign(raw, summarize(samples));
      Object.assign(minus, summarize(samples.map((s) => s - debounceMs)));
    }
    for (const c of [raw, minus]) Object.assign(c, { inProcess: med(svc), floor: med(floor), peer });
    const where = this.debounce ? `debounce ${this.debounce.ms} ms read from ${this.debounce.where}` : 'no debounce found in server/src';
    raw.note = [error, `raw, includes any debounce (${where})`, `edit at line ${target.line + 1}`, changed ? 'diagnostics changed with each edit' : samples.length ? 'WARNING: diagnostic count did not change between edits' : undefined, 'peer = tree-sitter incremental reparse', `in-process CPU time (all threads): ${cpuMedian('edit.service')} ms`].filter(Boolean).join('; ');
    minus.note = applied ? `raw minus ${debounceMs} ms (${where})` : `same as raw: the server did not wait for its debounce here (${where} applies only to documents whose validation is costly)`;
    this.cases.push(raw, minus);
    this.log(`edit: raw ${raw.median?.toFixed(2) ?? 'n/a'} ms, minus debounce ${minus.median?.toFixed(2) ?? 'n/a'} ms (${where})`);
  }

  private async requests(): Promise<void> {
    const size = this.plan.sizes.find((s) => s.label === '10k') ?? this.plan.sizes[0];
    const text = generateSource('typescript', size.lines, SEED + 1, this.codes);
    const positions = literalPositions(text, this.codes, 64);
    const kinds = [
      { name: 'hover', method: 'textDocument/hover', shift: 2, call: (s: BenchService, d: TextDocument, p: { line: number; character: number }) => s.doHover(d, p) },
      { name: 'completion', method: 'textDocument/completion', shift: 1, call: (s: BenchService, d: TextDocument, p: { line: number; character: number }) => s.doComplete(d, p) },
    ];
    const uri = this.uri('ts');
    let opened = false;
    let error: string | undefined = positions.length === 0 ? 'no code literal in the corpus' : undefined;
    if (this.client && positions.length) {
      try {
        await this.client.openAndWait(uri, 'typescript', text);
        opened = true;
      } catch (e) {
        error = (e as Error).message.slice(0, 300);
      }
    } else error ??= this.serverError ?? 'no server';
    const doc = TextDocument.create(this.uri('ts'), 'typescript', 1, text);
    // the server has validated the document before the first request; so does the in-process side
    if (this.service && positions.length) this.service.doValidation(doc);
    for (const kind of kinds) {
      const p50s: number[] = [];
      const p99s: number[] = [];
      let answered = 0;
      let total = 0;
      let bytes = 0;
      if (opened && this.client) {
        try {
          for (let round = 0; round < this.plan.rounds; round++) {
            const samples: number[] = [];
            for (let i = 0; i < this.plan.requests; i++) {
              const p = positions[i % positions.length];
              const r = await this.client.timedRequest(kind.method, { textDocument: { uri }, position: { line: p.line, character: p.character + kind.shift } });
              samples.push(r.ms);
              total++;
              if (r.result !== null && r.result !== undefined) answered++;
              bytes += JSON.stringify(r.result ?? null).length;
            }
            p50s.push(percentile(samples, 50));
            p99s.push(percentile(samples, 99));
          }
        } catch (e) {
          error = (e as Error).message.slice(0, 300);
        }
      }
      const ip50: number[] = [];
      const ip99: number[] = [];
      if (this.service && positions.length) {
        const service = this.service;
        try {
          for (let round = 0; round < this.plan.rounds; round++) {
            const samples = Array.from({ length: this.plan.requests }, (_, i) => {
              const p = positions[i % positions.length];
              return timeSync(() => kind.call(service, doc, { line: p.line, character: p.character + kind.shift }), `${kind.name}.service`);
            });
            ip50.push(percentile(samples, 50));
            ip99.push(percentile(samples, 99));
          }
        } catch (e) {
          this.log(`in-process ${kind.name} threw: ${(e as Error).message}`);
        }
      }
      for (const [label, rounds, inProc] of [
        ['p50', p50s, ip50],
        ['p99', p99s, ip99],
      ] as const) {
        const c = emptyCase(`${kind.name}.${label}`, 'ms');
        if (rounds.length) Object.assign(c, summarize(rounds));
        c.inProcess = med(inProc);
        const cpu = cpuSamples.get(`${kind.name}.service`) ?? [];
        const cpuNote = cpu.length ? `in-process CPU time ${label}: ${percentile(cpu, label === 'p50' ? 50 : 99).toFixed(2)} ms` : undefined;
        c.note = [error, `${label} of ${this.plan.requests} requests, median of ${this.plan.rounds} rounds`, total ? `${answered}/${total} answered non-null, ${(bytes / total / 1024).toFixed(1)} KB of JSON per answer` : undefined, cpuNote].filter(Boolean).join('; ');
        this.cases.push(c);
      }
      this.log(`${kind.name}: p50 ${med(p50s)?.toFixed(2) ?? 'n/a'} ms, p99 ${med(p99s)?.toFixed(2) ?? 'n/a'} ms (${answered}/${total} answered)`);
    }
    if (opened) this.client?.close(uri);
  }

  /**
   * Runs `measure` on a server of its own (started and stopped here), then records case `c` and
   * logs it: the memory cases must not inherit what other cases left in the shared server.
   */
  private async onFreshServer(c: BenchCase, label: string, measure: (client: LspClient) => Promise<void>): Promise<void> {
    if (!existsSync(this.opts.serverPath)) c.note = this.serverError ?? 'no server';
    else {
      let client: LspClient | null = null;
      try {
        client = (await LspClient.start(this.opts.serverPath, REPO)).client;
        await measure(client);
      } catch (e) {
        c.note = `failed: ${(e as Error).message.slice(0, 300)}`;
      } finally {
        await client?.stop();
      }
    }
    this.cases.push(c);
    this.log(`${label}: ${c.median?.toFixed(1) ?? 'n/a'} MB (${c.note})`);
  }

  /** A fresh server, 50 files of 10k lines open (the three languages in turn), then VmRSS. */
  private async rss(): Promise<void> {
    const c = emptyCase('rss.50x10k', 'MB');
    await this.onFreshServer(c, 'rss', async (client) => {
      const idle = client.rssMb();
      for (let i = 0; i < this.plan.rssFiles; i++) {
        const lang = SOURCE_LANGUAGES[i % SOURCE_LANGUAGES.length];
        const text = generateSource(lang, this.plan.rssLines, SEED + 100 + i, this.codes);
        await client.openAndWait(this.uri(EXTENSIONS[lang]), lang, text);
      }
      const rss = client.rssMb();
      if (rss !== null) Object.assign(c, { median: rss, min: rss, max: rss });
      c.note = `${this.plan.rssFiles} files × ${this.plan.rssLines} lines (ts/py/go in turn); VmRSS once, after the last diagnostics; peak (VmHWM) ${client.rssMb('VmHWM')?.toFixed(1) ?? '?'} MB; idle after initialize ${idle?.toFixed(1) ?? '?'} MB`;
    });
  }

  /**
   * A fresh server, one 10k-line file open, then keystrokes in it (a letter typed and deleted in
   * turn, each waited for): how much VmRSS grew over the last ones. The first ones are not counted:
   * the heap grows to its working size over about a thousand of them. A server that keeps anything
   * per version grows with every keystroke (before the fix in analysis.ts, 0.7 MB each here).
   */
  private async rssEdits(): Promise<void> {
    const c = emptyCase('rss.edits', 'MB');
    await this.onFreshServer(c, 'rss.edits', async (client) => {
      const text = generateSource('typescript', this.plan.rssLines, SEED, this.codes);
      const uri = this.uri('ts');
      await client.openAndWait(uri, 'typescript', text);
      const middle = text.split('\n', this.plan.rssLines >> 1).length;
      const at = { line: middle, character: 0 };
      let version = 1;
      const type = async (n: number) => {
        for (let i = 0; i < n; i++) {
          if (i % 2 === 0) await client.changeAndWait(uri, ++version, { start: at, end: at }, 'q');
          else await client.changeAndWait(uri, ++version, { start: at, end: { line: at.line, character: 1 } }, '');
        }
      };
      await type(this.plan.rssEditsWarmup);
      const before = client.rssMb();
      await type(this.plan.rssEdits);
      const after = client.rssMb();
      if (before !== null && after !== null) {
        const growth = Math.max(0, after - before);
        Object.assign(c, { median: growth, min: growth, max: growth });
      }
      c.note = `VmRSS growth over ${this.plan.rssEdits} keystrokes in a ${this.plan.rssLines}-line TypeScript file (after ${this.plan.rssEditsWarmup} uncounted ones): ${before?.toFixed(1) ?? '?'} → ${after?.toFixed(1) ?? '?'} MB`;
    });
  }

  private writeCorpus(file: string, text: string): void {
    if (!this.opts.corpusDir) return;
    mkdirSync(this.opts.corpusDir, { recursive: true });
    writeFileSync(join(this.opts.corpusDir, file), text);
  }
}

/**
 * Other work in the same tree rebuilds dist/ at any time (npm test starts by deleting it): run the
 * server and weigh the bundles from a private copy taken at the start.
 */
function snapshotDist(opts: BenchOptions): { opts: BenchOptions; cleanup: () => void } {
  if (!existsSync(opts.distDir) || relative(opts.distDir, opts.serverPath).startsWith('..')) return { opts, cleanup: () => undefined };
  const copy = mkdtempSync(join(tmpdir(), 'uqpay-bench-dist-'));
  cpSync(opts.distDir, copy, { recursive: true });
  return {
    opts: { ...opts, distDir: copy, serverPath: join(copy, relative(opts.distDir, opts.serverPath)) },
    cleanup: () => rmSync(copy, { recursive: true, force: true }),
  };
}

/** Runs the whole benchmark and writes results.json; returns the cases. */
export async function runBench(options: BenchOptions): Promise<BenchCase[]> {
  const { opts, cleanup } = snapshotDist(options);
  try {
    return await runOn(opts);
  } finally {
    cleanup();
  }
}

async function runOn(opts: BenchOptions): Promise<BenchCase[]> {
  const plan = opts.tiny ? TINY : FULL;
  const codes = loadCorpusCodes(opts.catalogPath);
  const { factory, error } = await loadServiceFactory(REPO);
  if (error) opts.log(`in-process service unavailable: ${error}`);
  let treePeer: TreeSitterPeer | null = null;
  try {
    treePeer = await TreeSitterPeer.create();
  } catch (e) {
    opts.log(`tree-sitter peer unavailable: ${(e as Error).message}`);
  }
  const bench = new Bench(opts, plan, codes, factory, new JsonPeer(codes), treePeer);
  let cases: BenchCase[];
  try {
    cases = await bench.run();
  } finally {
    treePeer?.dispose();
  }
  for (const name of REQUIRED_CASES) {
    if (!cases.some((c) => c.name === name)) throw new Error(`internal: case ${name} was not produced`);
  }
  const results = { cases: cases.map(({ name, median, min, max, unit, inProcess, floor, peer }) => ({ name, median, min, max, unit, inProcess, floor, peer })) };
  writeFileSync(opts.out, JSON.stringify(results, null, 2) + '\n');
  return cases;
}
