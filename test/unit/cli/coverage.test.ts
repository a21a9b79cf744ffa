// `uqpay-errors coverage` over a small project in five languages (test/fixtures/coverage/project),
// run from the built dist/cli.js, no language server involved. The expected endpoints, call lines
// and handled errors are written by hand from the fixture files, the SDK facts (method → endpoint,
// class → HTTP status) and the catalog's per-error endpoints.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT, runCli } from '../../fixtures/cli/runCli';

const PROJECT = join(ROOT, 'test/fixtures/coverage/project');

interface Loc { file: string; line: number }
interface JsonReport {
  endpoints: {
    endpoint: string;
    calls: (Loc & { via: string })[];
    errors: { id: string; code: string | number; general: boolean; handled: Loc[] }[];
    handled: number;
    total: number;
  }[];
  summary: { endpoints: number; handled: number; total: number };
}

/** Endpoint → handled error id → handled lines, as read from the fixtures. */
const EXPECTED: Record<string, { calls: string[]; total: number; handled: Record<string, string[]> }> = {
  // python/intents.py: payment_intents.confirm in a try; `e.code in (…)` in `except UQPayError`
  'Confirm a PaymentIntent': {
    calls: ['python/intents.py:7'],
    total: 8 + 7,
    handled: { 'payment/invalid_payment_method': ['python/intents.py:11'], 'payment/3ds_required': ['python/intents.py:11'] },
  },
  // python/intents.py: an f-string path with POST; `except` passes err to handle(), whose match counts
  'Capture a PaymentIntent': {
    calls: ['python/intents.py:18'],
    total: 6 + 7,
    handled: { 'payment/capture_amount_invalid': ['python/intents.py:27'], 'payment/repeat_payment_request': ['python/intents.py:29'] },
  },
  // java getRefunds().create with isServerError() (api_error, HTTP 500) and an arrow switch;
  // node refunds.create(…).catch(e => explain(e)) with explain's switch
  'Create a refund': {
    calls: ['java/Refunds.java:17', 'node/payouts.ts:16'],
    total: 11 + 7,
    handled: {
      'general/api_error': ['java/Refunds.java:19'],
      'refund/refund_amount_exceeded': ['java/Refunds.java:23', 'node/payouts.ts:23'],
      'payment/invalid_order_status': ['java/Refunds.java:24'],
      'refund/refund_processing': ['node/payouts.ts:25'],
    },
  },
  // getRefunds().get(id) with no error path at all
  'Retrieve a refund': { calls: ['java/Refunds.java:31'], total: 2 + 7, handled: {} },
  // node payouts.create: RateLimitError covers velocity_limit_exceeded (429 only), a code check;
  // php: a Guzzle request with the path, `$err['code'] === 'velocity_limit_exceeded'` in the catch
  'Create Payout': {
    calls: ['node/payouts.ts:5', 'php/payout.php:6'],
    total: 9 + 7,
    handled: {
      'payout/velocity_limit_exceeded': ['node/payouts.ts:8', 'php/payout.php:10'],
      'payout/insufficient_balance': ['node/payouts.ts:9'],
    },
  },
  // node balances.retrieve: no try (the call in the comment above it is not counted)
  'Retrieve Balance': { calls: ['node/payouts.ts:34'], total: 1 + 7, handled: {} },
  // go BankAccounts.Create then `if err != nil` with errors.As and a switch
  'Create Bank Account': {
    calls: ['go/bank.go:12'],
    total: 4 + 7,
    handled: { 'payout/bank_account_already_exists': ['go/bank.go:17'], 'payout/invalid_currency': ['go/bank.go:19'] },
  },
  // go BankAccounts.Get in an if header; IsUnauthorized() covers unauthorized_error (401)
  'Retrieve Bank Account': {
    calls: ['go/bank.go:29'],
    total: 1 + 7,
    handled: { 'general/unauthorized_error': ['go/bank.go:31'] },
  },
};

describe('uqpay-errors coverage', function () {
  this.timeout(60_000);
  before(async function () {
    this.timeout(120_000);
    await ensureBuilt();
  });

  it('--json: endpoints in catalog order, calls, every error with where it is handled, and totals', () => {
    const r = runCli(['coverage', PROJECT, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(report.endpoints.map((e) => e.endpoint), Object.keys(EXPECTED));
    for (const ep of report.endpoints) {
      const want = EXPECTED[ep.endpoint];
      assert.deepEqual(ep.calls.map((c) => `${c.file}:${c.line}`), want.calls, ep.endpoint);
      assert.equal(ep.total, want.total, ep.endpoint);
      assert.equal(ep.errors.length, want.total, ep.endpoint);
      const handled = Object.fromEntries(ep.errors.filter((e) => e.handled.length).map((e) => [e.id, e.handled.map((h) => `${h.file}:${h.line}`)]));
      assert.deepEqual(handled, want.handled, ep.endpoint);
      assert.equal(ep.handled, Object.keys(want.handled).length, ep.endpoint);
      // the general errors come last, marked
      const general = ep.errors.filter((e) => e.general).map((e) => e.id);
      assert.deepEqual(general, ['general/invalid_parameter', 'general/missing_parameter', 'general/unauthorized_error',
        'general/account_not_found', 'general/invalid_idempotency_key_format', 'general/api_error', 'general/200']);
      assert.ok(ep.errors.slice(-7).every((e) => e.general));
    }
    const handled = Object.values(EXPECTED).reduce((n, e) => n + Object.keys(e.handled).length, 0);
    const total = Object.values(EXPECTED).reduce((n, e) => n + e.total, 0);
    assert.deepEqual({ ...report.summary }, { ...report.summary, endpoints: 8, handled, total });
  });

  it('--min-coverage exits 1 below the percentage and 0 at or above it', () => {
    // 13 of 98 handled: 13.3 %
    const below = runCli(['coverage', PROJECT, '--min-coverage', '14', '--json']);
    assert.equal(below.status, 1);
    assert.match(below.stderr, /below --min-coverage 14%/);
    assert.equal(runCli(['coverage', PROJECT, '--min-coverage', '13%', '--json']).status, 0);
  });

  it('text: a table with each endpoint, then each error with its location or retry verdict', () => {
    const r = runCli(['coverage', PROJECT, '--color', 'never']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Create Payout\s+2\s+2\/16 \(12%\)\s+14$/m);
    assert.match(r.stdout, /✓ velocity_limit_exceeded {2}node\/payouts\.ts:8, php\/payout\.php:10/);
    assert.match(r.stdout, /✗ merchant_account_invalid {2}retry: no/);
    assert.match(r.stdout, /✗ unauthorized_error \(general\) {2}retry: after_token_refresh/);
    assert.match(r.stdout, /8 endpoints, 10 calls: 13 of 98 errors handled \(13%\)\./);
  });

  it('speaks Chinese with --lang zh-CN, in text and Markdown, with Chinese punctuation', () => {
    const r = runCli(['coverage', PROJECT, '--color', 'never', '--lang', 'zh-CN']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^接口\s+调用\s+已处理\s+未处理$/m);
    assert.match(r.stdout, /^Create Payout\s+2\s+2\/16（12%）\s+14$/m);
    assert.match(r.stdout, /✗ unauthorized_error（通用） {2}重试：after_token_refresh/);
    assert.match(r.stdout, /8 个接口，10 处调用：98 个错误中已处理 13 个（13%）。/);
    assert.match(r.stderr, /读取了 \d+ 个文件，用时 [\d.]+ 秒。/);
    const md = runCli(['coverage', PROJECT, '--format', 'markdown', '--lang', 'zh-CN']).stdout;
    assert.match(md, /^### UQPAY 错误处理覆盖率$/m);
    assert.match(md, /<summary>Retrieve a refund：9 个未处理<\/summary>/);
    assert.doesNotMatch(r.stdout + md, /errors handled|unhandled|ENDPOINT/);
  });

  it('markdown: a summary table and the unhandled errors of each endpoint with their meaning', () => {
    const r = runCli(['coverage', PROJECT, '--format', 'markdown']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\| Create Payout \| 2 \| 2\/16 \|$/m);
    assert.match(r.stdout, /<summary>Retrieve a refund: 9 unhandled<\/summary>/);
    assert.match(r.stdout, /^\| `merchant_account_invalid` \| no \| .+ \|$/m);
  });

  it('honours .gitignore and rejects bad options', () => {
    const root = mkdtempSync(join(tmpdir(), 'uqpay-coverage-'));
    try {
      mkdirSync(join(root, '.git'));
      mkdirSync(join(root, 'gen'));
      writeFileSync(join(root, '.gitignore'), 'gen/\n');
      const call = "import '@uqpay/sdk';\nclient.payment.payouts.create(b);\n";
      writeFileSync(join(root, 'a.ts'), call);
      writeFileSync(join(root, 'gen', 'b.ts'), call);
      const r = runCli(['coverage', root, '--json']);
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.deepEqual(report.endpoints.map((e) => e.calls.map((c) => c.file)), [['a.ts']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    assert.equal(runCli(['coverage', PROJECT, '--format', 'sarif']).status, 2);
    assert.equal(runCli(['coverage', PROJECT, '--min-coverage', 'lots']).status, 2);
    assert.equal(runCli(['coverage', PROJECT, '--min-coverage', '101']).status, 2);
  });
});
