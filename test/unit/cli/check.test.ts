// `uqpay-errors check`: the language service's diagnostics over a folder tree, as text, JSON and
// SARIF 2.1.0, run from the built dist/cli.js. The tree is made in a temp folder per run (a
// committed fixture could not hold the .gitignore'd files this needs).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ANSI, ensureBuilt, runCli } from '../../fixtures/cli/runCli';

const MISSPELT = 'retrieve_refund_faild';

/** A TypeScript file comparing an SDK error's code with a misspelt catalog code on line 4. */
const APP_TS = `import { UQPayError } from '@uqpay/sdk';

export function onRefundError(err: unknown): string {
  if (err instanceof UQPayError && err.code === '${MISSPELT}') {
    return 'retry later';
  }
  return 'give up';
}
`;

const OK_PY = `from uqpay import UQPayError


def on_payout_error(e: UQPayError) -> str:
    if e.code == "insufficient_balance":
        return "top up first"
    return "unknown"
`;

/** The 1-based column where the misspelt literal (with its opening quote) starts on its line. */
function literalColumn(text: string, line: number): number {
  return text.split('\n')[line - 1].indexOf(`'${MISSPELT}'`) + 1;
}

function write(root: string, rel: string, content: string | Buffer): void {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

describe('uqpay-errors check', function () {
  this.timeout(60_000);
  let root: string;
  let clean: string;

  before(async function () {
    this.timeout(120_000);
    await ensureBuilt();
    root = mkdtempSync(join(tmpdir(), 'uqpay-check-'));
    write(root, '.gitignore', 'generated/\n*.log\n');
    write(root, 'src/app.ts', APP_TS);
    write(root, 'src/ok.py', OK_PY);
    // Ignored by the root .gitignore, by a nested one, or always skipped: none may be reported.
    write(root, 'generated/bad.ts', APP_TS);
    write(root, 'debug.log', `ERROR {"type":"refund_error","code":"${MISSPELT}","message":"Retrieve refund failed"}\n`);
    write(root, 'node_modules/sdk/index.ts', APP_TS);
    write(root, 'src/vendor/.gitignore', '*.ts\n!keep.ts\n');
    write(root, 'src/vendor/drop.ts', APP_TS);
    write(root, 'src/vendor/keep.ts', APP_TS);
    // Binary: a NUL byte early on, then text that would otherwise be reported.
    write(root, 'src/blob.ts', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]), Buffer.from(APP_TS)]));

    clean = mkdtempSync(join(tmpdir(), 'uqpay-check-clean-'));
    write(clean, 'ok.py', OK_PY);
  });

  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(clean, { recursive: true, force: true });
  });

  it('prints path:line:col severity code message for each finding and exits 1', () => {
    const r = runCli(['check'], { cwd: root });
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stdout, ANSI);
    const lines = r.stdout.trimEnd().split('\n');
    const col = literalColumn(APP_TS, 4);
    assert.deepEqual(
      lines.map((l) => l.replace(/ unknown-error-code .*$/, '')),
      [`src/app.ts:4:${col} warning`, `src/vendor/keep.ts:4:${col} warning`],
      r.stdout,
    );
    for (const l of lines) assert.match(l, /did you mean 'retrieve_refund_failed'\?/);
    assert.match(r.stderr, /3 files checked/);
  });

  it('checks only the paths given, and a named file even when it would be ignored', () => {
    const r = runCli(['check', 'src/ok.py', 'generated/bad.ts'], { cwd: root });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^generated\/bad\.ts:4:\d+ warning unknown-error-code /);
    assert.equal(r.stdout.trimEnd().split('\n').length, 1);
  });

  it('exits 0 with nothing on stdout when the code is clean', () => {
    const r = runCli(['check', clean]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /1 file checked, no problems/);
  });

  it('lets --severity lower a diagnostic below warning, and then exits 0', () => {
    const r = runCli(['check', 'src/app.ts', '--severity', 'unknown-error-code=information'], { cwd: root });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^src\/app\.ts:4:\d+ information unknown-error-code /);
    const off = runCli(['check', 'src/app.ts', '--severity', 'unknown-error-code=off'], { cwd: root });
    assert.equal(off.status, 0);
    assert.equal(off.stdout, '');
  });

  it('gives JSON with 1-based positions', () => {
    const r = runCli(['check', '--format', 'json'], { cwd: root });
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.filesChecked, 3);
    assert.deepEqual(out.summary, { error: 0, warning: 2, information: 0, hint: 0 });
    const [d] = out.diagnostics;
    assert.equal(d.path, 'src/app.ts');
    assert.equal(d.line, 4);
    assert.equal(d.column, literalColumn(APP_TS, 4));
    assert.equal(d.endLine, 4);
    assert.ok(d.endColumn > d.column);
    assert.equal(d.severity, 'warning');
    assert.equal(d.code, 'unknown-error-code');
    assert.equal(runCli(['check', '--json'], { cwd: root }).stdout, r.stdout);
  });

  it('gives SARIF 2.1.0 with the tool, its rules and 1-based regions', () => {
    const r = runCli(['check', '--format', 'sarif'], { cwd: root });
    assert.equal(r.status, 1);
    const sarif = JSON.parse(r.stdout);
    // The top-level fields SARIF 2.1.0 requires, and the schema reference code scanning expects.
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.ok(Array.isArray(sarif.runs) && sarif.runs.length === 1);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'uqpay-errors');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const id of ['unknown-error-code', 'type-used-as-code', 'code-type-mismatch', 'http-status-mismatch', 'envelope-b-pending', 'non-exhaustive-switch']) {
      assert.ok(ruleIds.includes(id), `rule ${id}`);
    }
    for (const rule of run.tool.driver.rules) assert.equal(typeof rule.shortDescription.text, 'string');
    assert.equal(run.results.length, 2);
    const res = run.results[0];
    assert.equal(res.ruleId, 'unknown-error-code');
    assert.equal(ruleIds[res.ruleIndex], 'unknown-error-code');
    assert.equal(res.level, 'warning');
    assert.match(res.message.text, /retrieve_refund_failed/);
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'src/app.ts');
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(loc.region.startLine, 4);
    assert.equal(loc.region.startColumn, literalColumn(APP_TS, 4));
    assert.ok(run.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file://'));
  });

  it('exits 2 for a path that does not exist or a bad --format/--severity', () => {
    for (const args of [['check', 'no/such/dir'], ['check', '--format', 'xml'], ['check', '--severity', 'unknown-error-code=loud'], ['check', '--severity', 'made-up=error']]) {
      const r = runCli(args, { cwd: root });
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr.trimEnd().split('\n').length, 1);
      assert.match(r.stderr, /uqpay-errors check --help/);
    }
  });
});
