// The `uqpay-errors` CLI, run as a child process from the built dist/cli.js. Expected values are
// written from the official error page (the seed), not from the catalog or the code.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANSI, CLI, ensureBuilt, FIXTURES, ROOT, runCli } from '../../fixtures/cli/runCli';

// The keys of issue 14 (basis … retryAfter) are added after the original ones, which keep their order.
const DECODE_KEYS = ['envelope', 'code', 'type', 'message', 'httpStatus', 'expectedHttpStatus', 'known', 'matches', 'retry', 'problems', 'requestId',
  'basis', 'readAs', 'sdkMade', 'retryAfter'];

function json(stdout: string): any {
  return JSON.parse(stdout);
}

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${stderr}`);
  return lines[0];
}

describe('uqpay-errors CLI', function () {
  this.timeout(60_000);
  before(async function () {
    this.timeout(120_000);
    await ensureBuilt();
  });

  describe('help and usage errors', () => {
    it('prints the tool help with every command and exits 0', () => {
      const r = runCli(['--help']);
      assert.equal(r.status, 0);
      for (const cmd of ['lookup', 'search', 'decode', 'check']) assert.match(r.stdout, new RegExp(`uqpay-errors ${cmd}`));
      assert.equal(r.stderr, '');
    });

    it('prints help for each command, both as `CMD --help` and `help CMD`', () => {
      for (const cmd of ['lookup', 'search', 'decode', 'check']) {
        const a = runCli([cmd, '--help']);
        const b = runCli(['help', cmd]);
        assert.equal(a.status, 0);
        assert.match(a.stdout, new RegExp(`^Usage: uqpay-errors ${cmd}`));
        assert.equal(b.stdout, a.stdout);
      }
      assert.match(runCli(['check', '--help']).stdout, /--format text\|json\|sarif/);
    });

    it('prints the package version', () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
      const r = runCli(['--version']);
      assert.equal(r.status, 0);
      assert.equal(r.stdout.trim(), pkg.version);
    });

    it('exits 2 with one line pointing to --help when no command is given', () => {
      const r = runCli([]);
      assert.equal(r.status, 2);
      assert.match(oneLine(r.stderr), /missing command.*uqpay-errors --help/);
      assert.equal(r.stdout, '');
    });

    it('exits 2 on an unknown command, an unknown option, a bad --lang and a misplaced option', () => {
      const cases: [string[], RegExp][] = [
        [['frobnicate'], /unknown command 'frobnicate'/],
        [['lookup', 'api_error', '--verbose'], /unknown option '--verbose'.*--help/],
        [['lookup', 'api_error', '--lang', 'fr'], /--lang must be en or zh-CN.*uqpay-errors lookup --help/],
        [['lookup', 'api_error', '--format', 'sarif'], /'--format' does not apply to 'lookup'/],
        [['search', 'refund', '--limit', 'many'], /--limit must be a whole number/],
        [['lookup'], /lookup needs a CODE/],
        [['search'], /search needs a QUERY/],
        [['help', 'nothing'], /no help for 'nothing'/],
        [['lookup', 'api_error', '--group', 'billing'], /--group must be one of general, payment, refund, customer, payout/],
        [['check', '--json', '--format', 'sarif'], /--json conflicts with --format sarif/],
      ];
      for (const [args, re] of cases) {
        const r = runCli(args);
        assert.equal(r.status, 2, `${args.join(' ')} → ${r.status}: ${r.stderr}`);
        assert.match(oneLine(r.stderr), re);
        assert.match(r.stderr, /--help/);
      }
    });
  });

  describe('lookup', () => {
    it('gives the payout entry of velocity_limit_exceeded with its literal message and HTTP 429 (--json)', () => {
      const r = runCli(['lookup', 'velocity_limit_exceeded', '--json']);
      assert.equal(r.status, 0);
      const entries = json(r.stdout);
      assert.equal(entries.length, 1);
      const [e] = entries;
      assert.equal(e.code, 'velocity_limit_exceeded');
      assert.equal(e.group, 'payout');
      assert.equal(e.envelope, 'A');
      assert.equal(e.message, 'Transaction frequency/amount exceeds risk control thresholds (HTTP 429)');
      assert.ok(e.httpStatus.includes(429), `httpStatus ${JSON.stringify(e.httpStatus)} should include 429`);
      assert.deepEqual(e.endpoints, ['Create Payout']);
      // Every catalog field travels in --json, both languages included.
      for (const k of ['id', 'types', 'typeCertain', 'retry', 'summary', 'advice', 'docs']) assert.ok(k in e, `missing ${k}`);
      assert.equal(typeof e.summary.en, 'string');
      assert.equal(typeof e.summary['zh-CN'], 'string');
    });

    it('returns one entry per group for codes the page lists in several sections', () => {
      const expected: Record<string, string[]> = {
        retrieve_refund_failed: ['payment', 'refund'],
        product_not_found: ['payment', 'payout'],
        api_error: ['general', 'refund'],
        invalid_parameter: ['general', 'payout', 'refund'],
      };
      for (const [code, groups] of Object.entries(expected)) {
        const r = runCli(['lookup', code, '--json']);
        assert.equal(r.status, 0);
        const entries = json(r.stdout);
        assert.deepEqual(entries.map((e: any) => e.group).sort(), groups, code);
        for (const e of entries) assert.equal(e.code, code);
      }
    });

    it('narrows a shared code with --group and --type', () => {
      const byGroup = json(runCli(['lookup', 'api_error', '--group', 'refund', '--json']).stdout);
      assert.equal(byGroup.length, 1);
      assert.equal(byGroup[0].message, 'Please use the payment cancel endpoint');
      const byType = json(runCli(['lookup', 'invalid_parameter', '--group', 'general', '--type', 'invalid_request_error', '--json']).stdout);
      assert.equal(byType.length, 1);
      assert.equal(byType[0].group, 'general');
      const none = runCli(['lookup', 'create_customer_failed', '--group', 'payout']);
      assert.equal(none.status, 1);
      assert.match(none.stderr, /customer\/create_customer_failed/);
    });

    it('finds the numeric envelope-B code 200', () => {
      const r = runCli(['lookup', '200', '--json']);
      assert.equal(r.status, 0);
      const [e] = json(r.stdout);
      assert.equal(e.code, 200);
      assert.equal(e.envelope, 'B');
      assert.equal(e.message, 'Request is processing, please try again later.');
    });

    it('finds the code that contains spaces, quoted or as separate words', () => {
      for (const args of [['lookup', 'invalid idempotency key format'], ['lookup', 'invalid', 'idempotency', 'key', 'format']]) {
        const r = runCli([...args, '--json']);
        assert.equal(r.status, 0);
        const [e] = json(r.stdout);
        assert.equal(e.code, 'invalid idempotency key format');
        assert.deepEqual(e.types, ['idempotency_error']);
        assert.equal(e.message, 'Idempotency key is invalid');
        assert.deepEqual(e.httpStatus, [400]);
      }
    });

    it('prints every field in aligned, uncoloured text when piped', () => {
      const r = runCli(['lookup', 'insufficient_balance']);
      assert.equal(r.status, 0);
      assert.doesNotMatch(r.stdout, ANSI);
      assert.match(r.stdout, /^payout\/insufficient_balance$/m);
      assert.match(r.stdout, /Merchant’s available balance is insufficient/);
      assert.match(r.stdout, /Create Payout/);
      assert.match(r.stdout, /payout_error/);
      // Labels are padded so that every value starts in the same column.
      const starts = r.stdout
        .split('\n')
        .map((l) => /^ {2}(code|group|envelope|HTTP|message|what to do) {2,}\S/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => m[0].length - 1);
      assert.equal(starts.length, 6);
      assert.equal(new Set(starts).size, 1, `values should align: ${starts}`);
    });

    it('colours its output only when asked while piped, and never with NO_COLOR', () => {
      assert.match(runCli(['lookup', 'api_error', '--color', 'always']).stdout, ANSI);
      assert.doesNotMatch(runCli(['lookup', 'api_error']).stdout, ANSI);
      assert.doesNotMatch(runCli(['lookup', 'api_error'], { env: { NO_COLOR: '1' } }).stdout, ANSI);
    });

    it('exits 1 for an unknown code and suggests the nearest one; --json prints []', () => {
      const r = runCli(['lookup', 'retreive_refund_faild']);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /'retrieve_refund_failed'/);
      const j = runCli(['lookup', 'no_such_code_at_all', '--json']);
      assert.equal(j.status, 1);
      assert.deepEqual(json(j.stdout), []);
    });

    it('lists the codes of a type when given a type name', () => {
      const r = runCli(['lookup', 'customer_error']);
      assert.equal(r.status, 0);
      for (const code of ['create_customer_failed', 'update_customer_failed', 'retrieve_customer_failed']) assert.match(r.stdout, new RegExp(code));
      assert.match(r.stdout, /HTTP {2}400/);
    });

    it('speaks Chinese with --lang zh-CN and from a zh locale, with LC_ALL taking precedence over LANG', () => {
      const zh = runCli(['lookup', 'refund_amount_exceeded', '--lang', 'zh-CN']);
      assert.equal(zh.status, 0);
      assert.match(zh.stdout, /错误码/);
      assert.match(zh.stdout, /处理建议/);
      assert.match(zh.stdout, /Refund amount exceeded original transaction amount/); // the API message stays literal
      const fromLang = runCli(['lookup', 'refund_amount_exceeded'], { env: { LANG: 'zh_CN.UTF-8' } });
      assert.match(fromLang.stdout, /错误码/);
      const lcAll = runCli(['lookup', 'refund_amount_exceeded'], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' } });
      assert.doesNotMatch(lcAll.stdout, /错误码/);
      assert.match(lcAll.stdout, /what to do/);
      const en = runCli(['lookup', 'refund_amount_exceeded', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } });
      assert.doesNotMatch(en.stdout, /[\u4e00-\u9fff]/);
    });
  });

  describe('search', () => {
    it('ranks the exact code first', () => {
      const r = runCli(['search', 'velocity_limit_exceeded', '--json']);
      assert.equal(r.status, 0);
      assert.equal(json(r.stdout)[0].code, 'velocity_limit_exceeded');
    });

    it('finds codes by English words, by Chinese words and through typos', () => {
      const codes = (q: string) => json(runCli(['search', q, '--json']).stdout).map((e: any) => e.code) as string[];
      const refund = codes('refund amount').slice(0, 5);
      assert.ok(refund.includes('refund_amount_exceeded'), refund.join());
      assert.ok(codes('余额').includes('insufficient_balance'));
      assert.equal(codes('retreive_refund_faild')[0], 'retrieve_refund_failed');
    });

    it('honours --limit and prints an aligned table with a header when not --json', () => {
      assert.ok(json(runCli(['search', 'payment', '--limit', '3', '--json']).stdout).length <= 3);
      const r = runCli(['search', 'payment link']);
      assert.equal(r.status, 0);
      const lines = r.stdout.trimEnd().split('\n');
      assert.match(lines[0], /^CODE +GROUP +HTTP +MEANING$/);
      assert.ok(lines.some((l) => /^payment_link_not_found +payment +400 +\S/.test(l)), r.stdout);
      const groupCol = lines[0].indexOf('GROUP');
      for (const l of lines.slice(1)) assert.match(l.slice(groupCol), /^(general|payment|refund|customer|payout) /);
    });

    it('exits 1 when nothing matches', () => {
      const r = runCli(['search', 'qqqzzzxxxwww']);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /qqqzzzxxxwww/);
      const j = runCli(['search', 'qqqzzzxxxwww', '--json']);
      assert.equal(j.status, 1);
      assert.deepEqual(json(j.stdout), []);
    });
  });

  describe('decode', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'uqpay-cli-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('decodes an envelope-A body from stdin into exactly the documented --json keys', () => {
      const body = '{"type":"payment_error","code":"retrieve_payment_intent_failed","message":"Retrieve payment intent failed"}';
      const r = runCli(['decode', '-', '--json'], { input: body });
      assert.equal(r.status, 0, r.stderr);
      const out = json(r.stdout);
      assert.deepEqual(Object.keys(out), ['findings', 'notes']);
      assert.equal(out.findings.length, 1);
      const f = out.findings[0];
      assert.deepEqual(Object.keys(f), DECODE_KEYS);
      assert.equal(f.envelope, 'A');
      assert.equal(f.code, 'retrieve_payment_intent_failed');
      assert.equal(f.type, 'payment_error');
      assert.equal(f.message, 'Retrieve payment intent failed');
      assert.equal(f.httpStatus, null);
      assert.equal(f.expectedHttpStatus, 400);
      assert.equal(f.known, true);
      assert.deepEqual(f.matches, [{ id: 'payment/retrieve_payment_intent_failed', group: 'payment' }]);
      assert.deepEqual(f.problems, []);
      assert.equal(f.requestId, null);
    });

    it('reads stdin without `-` when input is piped', () => {
      const r = runCli(['decode', '--json'], { input: '{"type":"refund_error","code":"refund_amount_invalid","message":"Refund amount invalid"}' });
      assert.equal(r.status, 0);
      assert.equal(json(r.stdout).findings[0].code, 'refund_amount_invalid');
    });

    it('decodes a raw HTTP response from a file: status, mismatch, request id', () => {
      const file = join(dir, 'response.http');
      writeFileSync(file, [
        'HTTP/1.1 500 Internal Server Error',
        'content-type: application/json',
        'x-request-id: req_7f3a91',
        '',
        '{"type":"payment_error","code":"capture_amount_invalid","message":"Amount requested is inconsistent with order amount, Please enter the correct amount."}',
        '',
      ].join('\r\n'));
      const r = runCli(['decode', file, '--json']);
      assert.equal(r.status, 0, r.stderr);
      const [f] = json(r.stdout).findings;
      assert.equal(f.code, 'capture_amount_invalid');
      assert.equal(f.httpStatus, 500);
      assert.equal(f.expectedHttpStatus, 400);
      assert.deepEqual(f.problems.map((p: any) => p.code), ['http-status-mismatch']);
      assert.equal(f.requestId, 'req_7f3a91');
    });

    it('applies the api_error status rules: 500 for api_error, 429 for velocity_limit_exceeded', () => {
      const input = [
        'HTTP/2 500',
        '',
        '{"type":"api_error","code":"api_error","message":"An internal error occurred, please try again."}',
        'HTTP/2 429',
        '',
        '{"type":"api_error","code":"velocity_limit_exceeded","message":"Transaction frequency/amount exceeds risk control thresholds (HTTP 429)"}',
        '',
      ].join('\n');
      const r = runCli(['decode', '--json'], { input });
      assert.equal(r.status, 0, r.stderr);
      const fs = json(r.stdout).findings;
      assert.equal(fs.length, 2);
      assert.deepEqual(fs.map((f: any) => [f.code, f.httpStatus, f.expectedHttpStatus]), [['api_error', 500, 500], ['velocity_limit_exceeded', 429, 429]]);
      assert.ok(fs[0].matches.some((m: any) => m.id === 'general/api_error'));
      assert.deepEqual(fs[1].matches, [{ id: 'payout/velocity_limit_exceeded', group: 'payout' }]);
      for (const f of fs) assert.ok(!f.problems.some((p: any) => p.code === 'http-status-mismatch'));
    });

    it('flags an envelope-B body as pending, to be retried with the same key', () => {
      const r = runCli(['decode', '--json'], { input: '{"code":200,"message":"Request is processing, please try again later."}' });
      const [f] = json(r.stdout).findings;
      assert.equal(f.envelope, 'B');
      assert.equal(f.code, 200);
      assert.equal(f.type, null);
      assert.equal(f.retry, 'same_key');
      assert.ok(f.problems.some((p: any) => p.code === 'envelope-b-pending'));
    });

    it('finds an error envelope with every field empty, and exits 0', () => {
      const r = runCli(['decode', '--json'], { input: '{"type":"","code":"","message":""}' });
      assert.equal(r.status, 0, r.stdout);
      const [f] = json(r.stdout).findings;
      assert.deepEqual([f.code, f.retry, f.basis], [null, 'after_status_check', 'none']);
      assert.deepEqual(f.problems.map((p: any) => p.code), ['no-error-code']);
    });

    it('trusts HTTP 400 over a legacy code 200 and says so, in English and in Chinese', () => {
      const input = 'HTTP/1.1 400 Bad Request\n\n{"code":200,"message":"Invalid parameter"}\n';
      const [f] = json(runCli(['decode', '--json'], { input }).stdout).findings;
      assert.deepEqual([f.retry, f.basis, f.matches.map((m: any) => m.id)], ['after_fix', 'message', ['general/invalid_parameter']]);
      assert.deepEqual(f.problems.map((p: any) => p.code), ['status-body-disagree']);
      const en = runCli(['decode', '--lang', 'en', '--color', 'never'], { input }).stdout;
      assert.match(en, /status-body-disagree {2}HTTP 400 and the body's code 200 disagree\. The status was trusted/);
      const zh = runCli(['decode', '--lang', 'zh-CN', '--color', 'never'], { input }).stdout;
      assert.match(zh, /status-body-disagree {2}HTTP 400 与响应体的 code 200 不一致。这里采信 HTTP 状态码/);
    });

    it('reads an HTML 502 by its status and prints what the type means', () => {
      const input = 'HTTP/1.1 502 Bad Gateway\ncontent-type: text/html\n\n<html><title>502 Bad Gateway</title></html>\n';
      const r = runCli(['decode', '--lang', 'en', '--color', 'never'], { input });
      assert.equal(r.status, 0);
      assert.match(r.stdout, /read by status +api_error {2}\(HTTP 400 \/ 429 \/ 500\)/);
      assert.match(r.stdout, /after_status_check/);
      const [f] = json(runCli(['decode', '--json'], { input }).stdout).findings;
      assert.deepEqual(f.readAs, { type: 'api_error', httpStatus: [400, 429, 500] });
    });

    it('decodes the Go SDK error string with its HTTP status', () => {
      const r = runCli(['decode', '--json'], { input: 'payment failed: retrieve_payment_intent_failed: Retrieve payment intent failed (HTTP 400)\n' });
      const [f] = json(r.stdout).findings;
      assert.equal(f.code, 'retrieve_payment_intent_failed');
      assert.equal(f.httpStatus, 400);
      assert.equal(f.known, true);
    });

    it('reports an unknown code with a suggestion', () => {
      const r = runCli(['decode', '--json'], { input: '{"type":"refund_error","code":"refund_amount_exceed","message":"x"}' });
      const [f] = json(r.stdout).findings;
      assert.equal(f.known, false);
      const unknown = f.problems.find((p: any) => p.code === 'unknown-code');
      assert.ok(unknown, JSON.stringify(f.problems));
      assert.match(unknown.message, /refund_amount_exceeded/);
    });

    it('never echoes an access token or a card number', () => {
      const input = [
        '> POST /api/v2/payment_intents/create HTTP/2',
        '> x-auth-token: Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2VuLXZhbHVl.sig9f8e7d',
        '> x-idempotency-key: 6f1c1d2e-8a7b-4c3d-9e0f-1a2b3c4d5e6f',
        '< HTTP/2 400',
        '<',
        '{"type":"payment_error","code":"invalid_payment_method","message":"invalid pay method for card 4242424242424242"}',
      ].join('\n');
      for (const args of [['decode', '--json'], ['decode']]) {
        const r = runCli(args, { input });
        assert.equal(r.status, 0, r.stderr);
        assert.doesNotMatch(r.stdout + r.stderr, /eyJhbGciOiJIUzI1NiJ9|c2VjcmV0LXRva2VuLXZhbHVl|4242424242424242/);
      }
    });

    it('prints a readable, uncoloured explanation when piped, localized with --lang zh-CN', () => {
      const body = '{"type":"payout_error","code":"insufficient_balance","message":"Merchant’s available balance is insufficient"}';
      const en = runCli(['decode'], { input: body });
      assert.equal(en.status, 0);
      assert.doesNotMatch(en.stdout, ANSI);
      assert.match(en.stdout, /^Finding 1\/1/m);
      assert.match(en.stdout, /insufficient_balance/);
      assert.match(en.stdout, /payout\/insufficient_balance/);
      const zh = runCli(['decode', '--lang', 'zh-CN'], { input: body });
      assert.match(zh.stdout, /处理建议/);
      assert.match(zh.stdout, /[\u4e00-\u9fff]/);
    });

    it('prints decode\'s notes in Chinese with --lang zh-CN, and in English in --json', () => {
      const input = '{"payment_intent_id":"PI1","intent_status":"SUCCEEDED"}';
      const zh = runCli(['decode', '--lang', 'zh-CN', '--color', 'never'], { input });
      assert.equal(zh.status, 1);
      assert.match(zh.stdout, /找到 1 个不含错误字段的 JSON 对象（成功响应不是错误）。/);
      assert.match(zh.stdout, /没有找到 UQPAY 错误响应。/);
      assert.doesNotMatch(zh.stdout, /Found 1 JSON|No UQPAY error response/);
      // Chinese remarks take full-width brackets and commas (issue 16)
      const card = runCli(['decode', '--lang', 'zh-CN', '--color', 'never'], { input: 'HTTP/1.1 400 Bad Request\n\n{"type":"payment_error","code":"refund_amount_exceeded","message":"Refund amount exceeded"}' }).stdout;
      assert.match(card, /refund_amount_exceeded（已收录，信封 A）/);
      assert.match(card, /400（应为 400）/);
      assert.doesNotMatch(card, /[\u4e00-\u9fff] ?[(),:;]|[(,:;] ?[\u4e00-\u9fff]|[\u3002\uff0c\uff1a\uff08\uff09] | [\u3002\uff0c\uff1a\uff08\uff09]/);
      const json = JSON.parse(runCli(['decode', '--json', '--lang', 'zh-CN'], { input }).stdout) as { notes: unknown[] };
      assert.equal(json.notes[0], 'Found 1 JSON object without error fields (success responses are not errors).');
    });

    it('exits 1 with an explanation when there is no error response', () => {
      for (const input of ['', 'hello, nothing to see here\n', '{"id":"PI123","intent_status":"SUCCEEDED"}']) {
        const r = runCli(['decode', '--json'], { input });
        assert.equal(r.status, 1, `input ${JSON.stringify(input)}`);
        const out = json(r.stdout);
        assert.deepEqual(out.findings, []);
        assert.ok(out.notes.length > 0);
        const human = runCli(['decode'], { input });
        assert.equal(human.status, 1);
        assert.ok(human.stdout.trim().length > 0, 'the human output explains what decode accepts');
      }
    });

    it('finds errors anywhere in a large log file, with their line numbers', () => {
      const ok = (i: number) => `2026-11-25T10:00:00Z INFO uqpay: ${JSON.stringify({ id: `PI${i}`, intent_status: 'SUCCEEDED', amount: '10.12' })}`;
      const lines: string[] = [];
      for (let i = 0; i < 30_000; i++) lines.push(ok(i));
      // A pretty-printed error body in the middle, behind a status line, and a log line at the very end.
      lines.splice(15_000, 0, 'HTTP/1.1 400 Bad Request', '', '{', '  "type": "refund_error",', '  "code": "refund_processing",', '  "message": "Refund is processing, please try again after"', '}');
      lines.push(`2026-11-25T10:05:00Z ERROR uqpay: {"type":"payout_error","code":"insufficient_balance","message":"Merchant’s available balance is insufficient"}`);
      const file = join(dir, 'app.log');
      writeFileSync(file, lines.join('\n') + '\n');
      const r = runCli(['decode', file, '--json']);
      assert.equal(r.status, 0, r.stderr);
      const out = json(r.stdout);
      assert.deepEqual(out.findings.map((f: any) => [f.code, f.httpStatus]), [['refund_processing', 400], ['insufficient_balance', null]]);
      const human = runCli(['decode', file]);
      assert.match(human.stdout, /^Finding 1\/2 .*line 15003$/m);
      assert.match(human.stdout, new RegExp(`^Finding 2/2 .*line ${lines.length}$`, 'm'));
    });

    it('ends cleanly on hostile input (binary junk, deep nesting, unterminated strings)', () => {
      const junk = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
      for (const input of [junk, '['.repeat(100_000), '{"type":"payment_error","code":"unterminated']) {
        const r = runCli(['decode', '--json'], { input });
        assert.ok(r.status === 0 || r.status === 1, `status ${r.status}: ${r.stderr.slice(0, 300)}`);
        assert.doesNotThrow(() => json(r.stdout));
      }
    });

    it('exits 2 for an unreadable file or too many arguments', () => {
      const missing = runCli(['decode', join(dir, 'nope.txt')]);
      assert.equal(missing.status, 2);
      assert.match(oneLine(missing.stderr), /cannot read .*nope\.txt.*no such file/);
      const many = runCli(['decode', 'a', 'b']);
      assert.equal(many.status, 2);
      assert.match(oneLine(many.stderr), /one FILE/);
    });
  });

  describe('on a terminal (through util-linux `script`, which gives the CLI a pseudo-terminal)', () => {
    const SCRIPT = '/usr/bin/script';
    const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    function inTerminal(args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
      const cmd = [process.execPath, CLI, ...args].map(shq).join(' ') + '; echo "exit=$?"';
      const clean: Record<string, string> = {};
      for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'NO_COLOR') clean[k] = v;
      const r = spawnSync(SCRIPT, ['-qec', cmd, '/dev/null'], { env: { ...clean, ...env }, encoding: 'utf8', input: '', timeout: 60_000 });
      const m = /exit=(\d+)/.exec(r.stdout);
      return { status: m ? Number(m[1]) : null, output: r.stdout };
    }
    before(function () {
      if (!existsSync(SCRIPT)) this.skip();
    });

    it('colours human output on a terminal, unless NO_COLOR is set', () => {
      const tty = inTerminal(['lookup', 'order_cancelled']);
      assert.equal(tty.status, 0);
      assert.match(tty.output, ANSI);
      assert.match(tty.output, /Order cancelled/);
      const noColor = inTerminal(['lookup', 'order_cancelled'], { NO_COLOR: '1' });
      assert.doesNotMatch(noColor.output, ANSI);
      assert.match(noColor.output, /Order cancelled/);
    });

    it('refuses `decode` without a FILE when stdin is a terminal (exit 2) instead of waiting', () => {
      const r = inTerminal(['decode']);
      assert.equal(r.status, 2);
      assert.match(r.output, /decode needs input/);
    });
  });

  describe('--catalog', () => {
    it('adds the entries of a valid extra catalog beside the built-in ones', () => {
      const extra = join(FIXTURES, 'extra-catalog.json');
      const r = runCli(['lookup', 'wrapper_upstream_timeout', '--catalog', extra, '--json']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(json(r.stdout)[0].message, 'Upstream timed out');
      assert.equal(r.stderr, '');
      const builtin = runCli(['lookup', 'refund_processing', '--catalog', extra, '--json']);
      assert.equal(json(builtin.stdout)[0].message, 'Refund is processing, please try again after');
    });

    it('reports a file that is not JSON with its path and line, and still answers', () => {
      const r = runCli(['lookup', 'order_cancelled', '--catalog', 'test/fixtures/cli/broken-json.json', '--json']);
      assert.equal(r.status, 0);
      assert.equal(json(r.stdout)[0].message, 'Order cancelled');
      assert.match(r.stderr, /test\/fixtures\/cli\/broken-json\.json:\d+/);
    });

    it('reports a schema violation with the file and the JSON path, and still answers', () => {
      const r = runCli(['decode', '--catalog', 'test/fixtures/cli/bad-schema.json', '--json'], {
        input: '{"type":"payment_error","code":"expired_order","message":"Expired payment intent"}',
      });
      assert.equal(r.status, 0);
      assert.equal(json(r.stdout).findings[0].known, true);
      assert.match(r.stderr, /test\/fixtures\/cli\/bad-schema\.json/);
      assert.match(r.stderr, /\/errors\/0\/retry/);
      // The broken file's entry is not half-loaded.
      assert.equal(runCli(['lookup', 'fixture_missing_fields', '--catalog', 'test/fixtures/cli/bad-schema.json']).status, 1);
    });

    it('reports a catalog file that does not exist and still answers', () => {
      const r = runCli(['search', 'refund', '--catalog', 'test/fixtures/cli/missing.json', '--json']);
      assert.equal(r.status, 0);
      assert.ok(json(r.stdout).length > 0);
      assert.match(r.stderr, /test\/fixtures\/cli\/missing\.json: cannot read catalog: ENOENT/);
    });
  });
});
