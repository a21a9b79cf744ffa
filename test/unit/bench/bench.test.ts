import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activationCases, bundleCases } from '../../../bench/artifacts';
import { generateJsonl, generateSource, loadCorpusCodes, misspell, SOURCE_LANGUAGES } from '../../../bench/corpus';
import { findDebounce } from '../../../bench/debounce';
import { JsonPeer, regexFloor } from '../../../bench/peers';
import { Prng } from '../../../bench/prng';
import { runBench } from '../../../bench/run';
import { percentile } from '../../../bench/stats';
import { REQUIRED_CASES, TARGETS, type BenchCase } from '../../../bench/targets';
import { ROOT } from '../../support/paths';

const REPO = ROOT;
const codes = loadCorpusCodes(join(REPO, 'catalog', 'global-acquiring.json'));

describe('bench corpus generator', () => {
  it('reads string codes, the numeric envelope-B code and the types from the catalog', () => {
    const strings = new Set(codes.stringCodes.map((c) => c.code));
    // codes exactly as the seed page writes them
    for (const code of ['retrieve_payment_intent_failed', 'invalid idempotency key format', '3ds_required', 'velocity_limit_exceeded']) {
      assert.ok(strings.has(code), code);
    }
    assert.deepEqual(codes.numericCodes.map((c) => c.code), [200]);
    assert.ok(codes.types.includes('not_found') && codes.types.includes('unauthorized_error'));
    // the seed's type table: not_found is HTTP 400, api_error is 429 for velocity_limit_exceeded
    assert.equal(codes.statusFor('not_found', 'not_found_id'), 400);
    assert.equal(codes.statusFor('api_error', 'velocity_limit_exceeded'), 429);
    assert.equal(codes.statusFor('api_error', 'api_error'), 500);
  });

  for (const lang of SOURCE_LANGUAGES) {
    it(`gives the same ${lang} file for the same seed and a different one for another seed`, () => {
      const a = generateSource(lang, 2000, 7, codes);
      assert.equal(generateSource(lang, 2000, 7, codes), a);
      assert.notEqual(generateSource(lang, 2000, 8, codes), a);
    });

    it(`writes exactly the requested number of ${lang} lines, with code literals in comparisons and switches`, () => {
      for (const lines of [1, 37, 1000]) {
        const text = generateSource(lang, lines, 3, codes);
        assert.equal(text.split('\n').length - 1, lines, `${lines} lines`);
      }
      const text = generateSource(lang, 1000, 3, codes);
      const compare = { typescript: /err\.code === '([^']+)'/, python: /e\.code == "([^"]+)"/, go: /apiErr\.Code == "([^"]+)"/ }[lang];
      const switchCase = { typescript: /case '([^']+)':/, python: /case "([^"]+)"/, go: /case "([^"]+)"/ }[lang];
      assert.match(text, compare);
      assert.match(text, switchCase);
    });
  }

  it('uses catalog codes for most literals, and a few misspelt ones', () => {
    const text = generateSource('typescript', 10_000, 11, codes);
    const literals = [...text.matchAll(/err\.code === '([^']+)'|case '([^']+)':/g)].map((m) => m[1] ?? m[2]);
    const known = new Set([...codes.stringCodes.map((c) => c.code), ...codes.types, ...codes.numericCodes.map((c) => String(c.code))]);
    const unknown = literals.filter((l) => !known.has(l));
    assert.ok(literals.length > 200, `${literals.length} literals in 10k lines`);
    assert.ok(unknown.length > 0, 'some misspelt codes');
    assert.ok(unknown.length < literals.length * 0.1, `${unknown.length} of ${literals.length} unknown`);
  });

  it('misspells a code by one edit, never returning it unchanged', () => {
    const rng = new Prng(5);
    for (let i = 0; i < 200; i++) assert.notEqual(misspell(rng, 'refund_processing'), 'refund_processing');
  });

  it('writes a JSON Lines log of at least the requested size whose every line holds a JSON object', () => {
    const text = generateJsonl(200_000, 1, codes);
    assert.equal(generateJsonl(200_000, 1, codes), text);
    assert.ok(Buffer.byteLength(text) >= 200_000);
    const lines = text.split('\n').filter(Boolean);
    let errorsA = 0;
    let errorsB = 0;
    for (const line of lines) {
      const json = JSON.parse(line.slice(line.indexOf('{'))) as { body?: { code?: unknown; type?: unknown }; code?: unknown; type?: unknown };
      const body = json.body ?? json;
      if (typeof body.code === 'string' && typeof body.type === 'string') errorsA++;
      if (typeof body.code === 'number') errorsB++;
    }
    assert.ok(errorsA > lines.length / 5, `${errorsA} envelope-A bodies of ${lines.length}`);
    assert.ok(errorsB > 0, 'some envelope-B bodies');
    assert.ok(lines.some((l) => !l.startsWith('{')), 'some lines carry a text log prefix');
  });

  it('refuses nonsense sizes with a clear message', () => {
    assert.throws(() => generateSource('typescript', 0, 1, codes), /positive integer/);
    assert.throws(() => generateJsonl(-5, 1, codes), /positive/);
    assert.throws(() => loadCorpusCodes(join(REPO, 'no-such-catalog.json')), /cannot read the catalog/);
  });
});

describe('bench helpers', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 200 }, (_, i) => 200 - i); // 200..1, unsorted
    assert.equal(percentile(samples, 50), 100);
    assert.equal(percentile(samples, 99), 198);
    assert.equal(percentile([4], 99), 4);
  });

  it('gives the JSON peer a schema that accepts catalog bodies and rejects a misspelt code or an unknown type', async () => {
    const peer = new JsonPeer(codes);
    const good = [
      '{"type":"payment_error","code":"retrieve_payment_intent_failed","message":"Retrieve payment intent failed"}',
      '{"code":200,"message":"Request is processing, please try again later."}',
      '{"ts":"2026-11-25T08:00:00Z","body":{"type":"api_error","code":"velocity_limit_exceeded","message":"m"}}',
      '{"ts":"2026-11-25T08:00:00Z","body":{"intent_status":"SUCCEEDED"}}',
    ];
    assert.equal(await peer.validateLines(good.join('\n')), 0);
    assert.equal(await peer.validateLines('{"type":"refund_error","code":"refund_procesing","message":"m"}\n'), 1);
    assert.equal(await peer.validateLines('{"ts":"t","body":{"type":"nope","code":"api_error","message":"m"}}\n'), 1);
  });

  it('counts quoted strings of all three quote kinds for the floor, escapes included', () => {
    assert.equal(regexFloor(`a = 'x\\'y' + "z" + \`w\`; // 'c'`), 4);
    assert.equal(regexFloor('no strings here'), 0);
  });

  it('judges the 10k TypeScript target on both the 30 ms limit and 5 × the regex floor', () => {
    const target = TARGETS.find((t) => t.name === 'didOpen.typescript.10k')!;
    const c = (median: number, inProcess: number, floor: number): BenchCase => ({ name: target.name, median, min: median, max: median, unit: 'ms', inProcess, floor, peer: null });
    assert.equal(target.check(c(20, 4, 1)), 'pass');
    assert.equal(target.check(c(31, 4, 1)), 'miss');
    assert.equal(target.check(c(20, 6, 1)), 'miss');
  });

  it('reports activation from test-results/activation.json when the real-VS-Code harness wrote it, else null', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-activation-'));
    const byName = () => Object.fromEntries(activationCases(dir).map((c) => [c.name, c]));
    try {
      assert.deepEqual(activationCases(dir).map((c) => c.median), [null, null, null]);
      mkdirSync(join(dir, 'test-results'));
      writeFileSync(join(dir, 'test-results', 'activation.json'), JSON.stringify({ ms: 240.2, clientReadyMs: 310.7, bundleEvalMs: 6.1, activateCallMs: 4.4 }));
      const cases = byName();
      // activation as VS Code counts it: the bundle's evaluation plus the activate call
      assert.equal(cases.activation.median, 6.1 + 4.4);
      assert.match(cases.activation.note ?? '', /bundle evaluation 6 ms \+ activate\(\) 4 ms/);
      assert.equal(cases['activation.untilActivateReturns'].median, 240.2);
      assert.equal(cases['activation.clientReady'].median, 310.7);
      writeFileSync(join(dir, 'test-results', 'activation.json'), JSON.stringify({ ms: 73.5 }));
      assert.equal(byName().activation.median, 73.5);
      assert.equal(byName()['activation.clientReady'].median, null);
      writeFileSync(join(dir, 'test-results', 'activation.json'), '{not json');
      assert.equal(byName().activation.median, null);
      assert.match(byName().activation.note ?? '', /unreadable/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('weighs bundles in KB and flags one that is not minified', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-dist-'));
    try {
      writeFileSync(join(dir, 'server.js'), 'x'.repeat(2048));
      writeFileSync(join(dir, 'extension.js'), 'let a = 1;\n'.repeat(300));
      const cases = bundleCases(dir);
      const server = cases.find((c) => c.name === 'bundle.server')!;
      const extension = cases.find((c) => c.name === 'bundle.extension')!;
      assert.equal(server.median, 2);
      assert.doesNotMatch(server.note ?? '', /NOT minified/);
      assert.match(extension.note ?? '', /NOT minified/);
      assert.equal(cases.find((c) => c.name === 'bundle.cli')!.median, null);
      // Bundles loaded after activation are weighed too, whatever their name.
      writeFileSync(join(dir, 'languageClient.js'), 'x'.repeat(3072));
      assert.equal(bundleCases(dir).find((c) => c.name === 'bundle.languageClient')!.median, 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a debounce constant from server sources and reports where it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-debounce-'));
    try {
      mkdirSync(join(dir, 'server', 'src'), { recursive: true });
      writeFileSync(join(dir, 'server', 'src', 'a.ts'), 'export const x = 1;\n');
      writeFileSync(join(dir, 'server', 'src', 'b.ts'), '// debounce = 999 is only a comment\nconst VALIDATE_DEBOUNCE_MS = 150;\n');
      assert.deepEqual(findDebounce(join(dir, 'server', 'src'), dir), { ms: 150, where: 'server/src/b.ts:2' });
      rmSync(join(dir, 'server', 'src', 'b.ts'));
      assert.equal(findDebounce(join(dir, 'server', 'src'), dir), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bench tiny run', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'bench-tiny-'));
  const out = join(dir, 'results.json');
  const serverPath = join(REPO, 'dist', 'server.js');
  let ran: Promise<BenchCase[]> | null = null;
  const run = () =>
    (ran ??= runBench({ tiny: true, out, serverPath, distDir: join(REPO, 'dist'), catalogPath: join(REPO, 'catalog', 'global-acquiring.json'), corpusDir: null, vsix: false, log: () => undefined }));

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes results.json as {"cases":[{name,median,min,max,unit,inProcess,floor,peer}]} with every required name', async () => {
    await run();
    const data = JSON.parse(readFileSync(out, 'utf8')) as { cases: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(data), ['cases']);
    for (const c of data.cases) {
      assert.deepEqual(Object.keys(c), ['name', 'median', 'min', 'max', 'unit', 'inProcess', 'floor', 'peer']);
      for (const k of ['median', 'min', 'max', 'inProcess', 'floor', 'peer']) {
        assert.ok(c[k] === null || (typeof c[k] === 'number' && Number.isFinite(c[k])), `${c.name}.${k} = ${c[k]}`);
      }
      assert.ok(['ms', 'MB', 'KB', 'count'].includes(c.unit as string));
    }
    const names = data.cases.map((c) => c.name);
    for (const name of REQUIRED_CASES) assert.ok(names.includes(name), name);
    // the regex floor needs nothing but the corpus, so it is always measured
    const ts10k = data.cases.find((c) => c.name === 'didOpen.typescript.10k')!;
    assert.equal(typeof ts10k.floor, 'number');
  });

  it('measures didOpen, edit, hover and memory over the protocol when dist/server.js is built', async function () {
    if (!existsSync(serverPath)) this.skip();
    const cases = await run();
    const get = (name: string) => cases.find((c) => c.name === name)!;
    for (const name of ['initialize', 'didOpen.typescript.10k', 'didOpen.jsonl.10mb', 'edit.typescript.10k', 'hover.p99', 'completion.p99', 'rss.50x10k']) {
      assert.equal(typeof get(name).median, 'number', `${name}: ${get(name).note}`);
    }
    assert.ok(get('rss.50x10k').median! > 5, 'a node process holds more than 5 MB');
  });
});
