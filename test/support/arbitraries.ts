/**
 * fast-check generators for the reliability properties (issue 7): hostile text, realistic samples
 * in every language the service answers for, pasted responses, secrets and card numbers.
 * The samples are written by hand in the style of the official SDKs (facts file); codes, types and
 * messages are the seed's, exact.
 */
import fc from 'fast-check';

// ------------------------------------------------------------------------------------------------
// Run settings: a fixed seed and a modest count in `npm test`, more (and a fresh seed) in `npm run fuzz`.

/** Number of runs for one property: `base` in `npm test`, FUZZ_RUNS (or base × 20) under fuzz. */
export function runs(base: number): number {
  const env = process.env.FUZZ_RUNS;
  if (env && /^\d+$/.test(env)) return Math.max(1, Number(env));
  return process.env.UQPAY_FUZZ === '1' ? base * 20 : base;
}

/** fast-check parameters: fixed seed in the test suite; FUZZ_SEED or a random one under fuzz. */
export function params<T>(base: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  const fuzz = process.env.UQPAY_FUZZ === '1';
  const seed = process.env.FUZZ_SEED && /^-?\d+$/.test(process.env.FUZZ_SEED) ? Number(process.env.FUZZ_SEED) : fuzz ? Date.now() | 0 : 20261125;
  return { seed, numRuns: runs(base), endOnFailure: true, ...extra };
}

/** A mocha timeout for a property block: none under fuzz, where the run count is the user's choice. */
export function blockTimeout(ms: number): number {
  return process.env.UQPAY_FUZZ === '1' ? 0 : ms;
}

/** Counts the inputs each property tried, so the fuzz runner and the report can quote them. */
export const tried = new Map<string, number>();
// Under `npm run fuzz`: how many inputs each property tried, once at the end (for the report).
if (process.env.UQPAY_FUZZ === '1') process.once('exit', () => console.log('inputs tried:', Object.fromEntries(tried)));
export function count(name: string): void {
  tried.set(name, (tried.get(name) ?? 0) + 1);
}

// ------------------------------------------------------------------------------------------------
// Characters

/** Characters that break naive code: NUL, lone surrogates, RTL/LTR marks, BOM, emoji, combining marks, line separators. */
export const NASTY_CHARS = [
  '\u0000', '\uD800', '\uDFFF', '\uDBFF', '\u200F', '\u202E', '\u2066', '\u200B', '\uFEFF', '😀', '👩‍💻', '\u0301', '\u0338',
  '\u2028', '\u2029', '\r', '\r\n', '\n', '\t', '\u000B', '\u000C', '\u0085', '"', "'", '`', '\\', '{', '}', '[', ']', '$', '#',
  '/', '*', '<', '>', '&', ';', ':', ',', '退款', '余额', 'é', '\u{10FFFF}',
] as const;

/** Any UTF-16 code unit, lone surrogates included. */
export const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Random Unicode heavy in the characters that break naive code. */
export const hostileUnicode = (maxLength = 200): fc.Arbitrary<string> =>
  fc.string({ unit: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY_CHARS) }, { weight: 2, arbitrary: anyCodeUnit }, { weight: 3, arbitrary: fc.constantFrom(...'abc_ ="\'{}:,\n') }), maxLength });

/** Random bytes read as latin1 text (what a binary file looks like once opened). */
export const randomBytesText = (maxLength = 500): fc.Arbitrary<string> =>
  fc.uint8Array({ maxLength }).map((b) => Buffer.from(b).toString('latin1'));

/** Random bytes decoded as UTF-8 (replacement characters and all). */
export const randomBytesUtf8 = (maxLength = 500): fc.Arbitrary<string> =>
  fc.uint8Array({ maxLength }).map((b) => Buffer.from(b).toString('utf8'));

// ------------------------------------------------------------------------------------------------
// Realistic samples per language (the service's language ids, see the contract)

export const SAMPLES: Record<string, string[]> = {
  typescript: [
    `import { UQPayError, ValidationError } from '@uqpay/sdk';

export async function refund(client: Client, id: string): Promise<void> {
  try {
    await client.payment.refunds.create({ payment_intent_id: id, amount: '10.00', reason: 'requested' });
  } catch (err) {
    if (err instanceof UQPayError && err.code === 'refund_amount_exceeded') {
      throw new Error(\`refund too large: \${err.message}\`);
    }
    switch ((err as UQPayError).code) {
      case 'refund_processing':
        return;
      case 'retrieve_refund_faild':
        break;
      case "payment_error":
        break;
      default:
        throw err;
    }
  }
}
`,
    `const isPending = (e: { code: string }) => e.code === "operation_pending" || e.code == 'expired_order';
const re = /code === 'x'/g; // a regex, not a comparison
`,
  ],
  typescriptreact: [
    `export function Banner({ error }: { error: { code: string } }) {
  if (error.code === 'insufficient_balance') return <p className="warn">Top up first</p>;
  return <span>{error.code === "payout_not_found" ? 'gone' : \`code \${error.code}\`}</span>;
}
`,
  ],
  javascript: [
    `const { UQPayError } = require('@uqpay/sdk');
async function pay(client, params) {
  try {
    return await client.payment.paymentIntents.create(params);
  } catch (e) {
    if (e.code === 'create_payment_intent_failed') console.error('create failed', e.message);
    else if (e.code === 'velocity_limit_exceeded') await sleep(1000);
    else if (e.code === 'invalid_paramter') fix();
    throw e;
  }
}
`,
  ],
  javascriptreact: [`export const Msg = ({ e }) => (e.code === 'payment_link_expired' ? <b>expired</b> : null);\n`],
  python: [
    `from uqpay import UQPayError, NotFoundError


def retrieve(client, intent_id):
    try:
        return client.payment_intents.retrieve(intent_id)
    except UQPayError as e:
        if e.code == "retrieve_payment_intent_failed":
            return None
        match e.code:
            case "not_found_id":
                raise NotFoundError(e.message)
            case 'expired_ordr':
                pass
        if e.code in ("invalid_order_status", 'order_cancelled'):
            return r"raw \\d" + f"{e.code}" + """triple
quoted"""
        raise
`,
  ],
  go: [
    `package payout

import (
	"errors"

	"github.com/uqpay/uqpay-sdk-go/common"
)

func handle(err error) string {
	var apiErr *common.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.Code {
		case "insufficient_balance":
			return \`top up\`
		case "payout_not_found", "create_payout_failed":
			return "retry"
		case "invalid_curency":
			return "fix"
		}
		if apiErr.Code == "merchant_account_invalid" {
			return "account"
		}
	}
	return ""
}
`,
  ],
  java: [
    `package com.example;

import com.uqpay.sdk.UqpayApiException;

public class Payments {
  String handle(UqpayApiException e) {
    switch (e.getCode()) {
      case "capture_amount_invalid" -> { return "amount"; }
      case "cancel_payment_intent_failed" -> { return "cancel"; }
      default -> { }
    }
    if ("invalid_order_currency".equals(e.getCode())) return "currency";
    if (e.getCode().equals("3ds_requird")) return "3ds";
    char c = 'x';
    return """
      text block
      """;
  }
}
`,
  ],
  kotlin: [
    `fun handle(e: UqpayApiException): String = when (e.code) {
    "refund_amount_invalid" -> "amount \${e.message}"
    "create_refund_failed" -> """raw $ {"x"}"""
    else -> "other"
}
`,
  ],
  csharp: [
    `public string Handle(UqpayException e) {
    var s = @"verbatim ""quoted"" text";
    var raw = """raw "text" here""";
    return e.Code switch {
        "create_customer_failed" => "create",
        "update_customer_failed" => $"update {e.Message}",
        _ => "other",
    };
}
`,
  ],
  php: [
    `<?php
function handle(UqpayException $e): string {
    switch ($e->code) {
        case 'bank_account_not_found':
            return "missing {$e->message}";
        case "bank_account_already_exists":
            return <<<EOT
exists $e
EOT;
    }
    return match ($e->code) { 'internal_error' => 'support', default => 'other' };
}
`,
  ],
  ruby: [
    `def handle(e)
  case e.code
  when 'invalid_description' then :desc
  when "invalid_return_url" then "url #{e.message}"
  end
  %q(a 'quoted' string) # comment with 'code'
end
`,
  ],
  rust: [
    `fn handle(e: &ApiError) -> &'static str {
    let raw = r#"raw "quoted" text"#;
    let c = 'x';
    match e.code.as_str() {
        "payout_settlement_account_not_found" => "settlement",
        "disabled_transfer_type" => "disabled",
        _ => "other",
    }
}
`,
  ],
  swift: [
    `func handle(_ e: UqpayError) -> String {
    switch e.code {
    case "update_bank_account_failed": return "update \\(e.message)"
    case "create_bank_account_failed": return """
        multi
        """
    default: return "other"
    }
}
`,
  ],
  json: [
    `{
  "type": "payment_error",
  "code": "retrieve_payment_intent_failed",
  "message": "Retrieve payment intent failed"
}
`,
    `[{"type":"refund_error","code":"refund_amount_exceeded","message":"Refund amount exceeded original transaction amount"},
 {"code":200,"message":"Request is processing, please try again later."},
 {"type":"not_found","code":"payout_error","message":"x"}]
`,
  ],
  jsonc: [
    `// a saved response
{
  /* envelope A */
  "type": "api_error",
  "code": "velocity_limit_exceeded", // 429
  "message": "Transaction frequency/amount exceeds risk control thresholds",
}
`,
  ],
  jsonl: [
    `{"type":"customer_error","code":"create_customer_failed","message":"Create customer failed"}
{"type":"idempotency_error","code":"invalid idempotency key format","message":"Idempotency key is invalid"}
{"code":200,"message":"Request is processing, please try again later."}
`,
  ],
  yaml: [
    `errors:
  - type: payout_error
    code: insufficient_balance
    message: "Merchant’s available balance is insufficient"
  - type: 'unauthorized_error'
    code: unauthorized_error
    message: auth token is expired
`,
  ],
  markdown: [
    `# Errors

\`\`\`json
{"type":"payment_error","code":"expired_order","message":"Expired payment intent"}
\`\`\`

\`\`\`ts
if (err.code === 'order_cancelled') retry();
\`\`\`
`,
  ],
  plaintext: [`We got {"type":"payout_error","code":"payout_not_found","message":"payout not found"} from the API.\n`],
  log: [
    `2026-11-25T10:00:00Z ERROR uqpay: {"type":"payment_error","code":"invalid_payment_method","message":"invalid pay method"}
2026-11-25T10:00:01Z WARN retrieve_payment_intent_failed: Retrieve payment intent failed (HTTP 400)
2026-11-25T10:00:02Z INFO status=429 {"type":"api_error","code":"velocity_limit_exceeded","message":"Transaction frequency/amount exceeds risk control thresholds"}
`,
  ],
  http: [
    `POST https://api-sandbox.uqpaytech.com/api/v2/payment/refunds
x-auth-token: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZXJjaGFudCJ9.c2lnbmF0dXJl
x-idempotency-key: 6f1c2b9e-3d4a-4f5b-8c6d-7e8f9a0b1c2d
Content-Type: application/json

{"payment_intent_id":"PI1234","amount":"10.00","reason":"duplicate"}

HTTP/1.1 400 Bad Request
content-type: application/json

{"type":"refund_error","code":"refund_amount_exceeded","message":"Refund amount exceeded original transaction amount"}
`,
  ],
};

/** Languages for which the tests have a real parser (tree-sitter grammars, or JSON.parse). */
export const PARSED_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'python', 'go', 'java', 'json'] as const;

/** Openers that stay unterminated when placed at the end of a document, per language. */
export const UNTERMINATED: Record<string, string[]> = {
  typescript: ["'refund_", '"refund_processing', '`tmpl ${err.code', '/* comment', '// line', '/regex', "err.code === 'ref"],
  typescriptreact: ["'x", '<div>{"a', '`${'],
  javascript: ["'refund_", '`tmpl ${ `inner', '/*'],
  javascriptreact: ["<b>{'x"],
  python: ['"""doc', "'''doc", 'f"{e.code', "e.code == 'x", '# c', 'r"\\'],
  go: ['`raw', '"str', '/* c', "'x"],
  java: ['"str', '"""\ntext', '/* c', "'c"],
  kotlin: ['"""x', '"${e.code', '/*'],
  csharp: ['@"x', '"""x', '$"{'],
  php: ['<<<EOT\nx', "'x", '"{$e->'],
  ruby: ['%q(', '"#{', '=begin'],
  rust: ['r#"x', "b'x", '/* /*'],
  swift: ['"""x', '"\\(e.code'],
  json: ['{"code": "refund_', '{"code": ', '{"a": [1, {"b": "'],
  jsonc: ['/* c', '{"code": "x'],
  jsonl: ['{"code": "refund_'],
  yaml: ['code: "refund_', "code: 'x", 'key: |\n  text'],
  markdown: ['```ts\nconst a = "x', '`code'],
  plaintext: ['{"code":"refund_'],
  log: ['ERROR {"type":"payment_error","code":"expired_ord'],
  http: ['HTTP/1.1 400\n\n{"code":"x'],
};

// ------------------------------------------------------------------------------------------------
// Pasted responses (decode's inputs)

export const PASTES: string[] = [
  '{"type":"payment_error","code":"retrieve_payment_intent_failed","message":"Retrieve payment intent failed"}',
  '{\n  "code": 200,\n  "message": "Request is processing, please try again later."\n}',
  'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nx-request-id: req_123\r\n\r\n{"type":"refund_error","code":"refund_amount_invalid","message":"Refund amount invalid"}',
  'HTTP/2 429\nx-request-id: r-9\n\n{"type":"api_error","code":"velocity_limit_exceeded","message":"Transaction frequency/amount exceeds risk control thresholds"}',
  `> POST /api/v2/payout/create HTTP/2
> Host: api-sandbox.uqpaytech.com
> x-auth-token: Bearer abcdefghijklmnop.qrstuvwx
> x-idempotency-key: 0d9e8f7a-6b5c-4d3e-9f1a-2b3c4d5e6f70
>
< HTTP/2 400
< content-type: application/json
< x-request-id: 7c1e
<
{"type":"payout_error","code":"insufficient_balance","message":"Merchant’s available balance is insufficient"}`,
  '2026-11-25T10:00:00Z ERROR uqpay: {"type":"unauthorized_error","code":"unauthorized_error","message":"auth token is expired"}',
  'retrieve_payment_intent_failed: Retrieve payment intent failed (HTTP 400)',
  '{"error":{"type":"not_found","code":"payout_not_found","message":"payout not found"}}',
  '{"error":"something went wrong"}',
  'HTTP/1.1 502 Bad Gateway\n\n<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>',
  'ValidationError: Create refund failed\n    at request (node_modules/@uqpay/sdk/dist/index.js:1:1)\n{ type: \'refund_error\', code: \'create_refund_failed\', httpStatus: 400 }',
  'UQPayError(type=payment_error, code=expired_order, message=Expired payment intent, http_status=400)',
  '{"type":"card_error","code":"card_declined","message":"Your card was declined."}',
  '{"type":"payment_error","code":"retreive_payment_intent_faild","message":"Retrieve payment intent failed"}',
  '{"type":"invalid_request_error","code":"invalid_parameter","message":"Invalid request parameters: amount"}',
  '{"code":"api_error","message":"Please use the payment cancel endpoint"}\n{"code":"refund_processing","type":"refund_error","message":"Refund is processing, please try again after"}',
];

// ------------------------------------------------------------------------------------------------
// Mutations

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'swap'; at: number; length: number };

export const mutation = (alphabet: fc.Arbitrary<string> = hostileUnicode(12)): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: alphabet }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 10 }) }),
  );

export function applyMutation(text: string, m: Mutation): string {
  const n = text.length;
  const at = n === 0 ? 0 : m.at % (n + 1);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'swap': {
      const a = text.slice(at, at + m.length);
      const b = text.slice(at + m.length, at + 2 * m.length);
      return text.slice(0, at) + b + a + text.slice(at + 2 * m.length);
    }
  }
}

/** A sample from `pool`, mutated 0–5 times. */
export const mutatedFrom = (pool: readonly string[], alphabet?: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...pool), fc.array(mutation(alphabet), { maxLength: 5 })).map(([s, ms]) => ms.reduce(applyMutation, s));

/** Line-ending and BOM variants of a text. */
export type Framing = 'lf' | 'crlf' | 'cr' | 'bom' | 'bom-crlf';
export const framing = fc.constantFrom<Framing>('lf', 'crlf', 'cr', 'bom', 'bom-crlf');
export function frame(text: string, f: Framing): string {
  const lf = text.replace(/\r\n?/g, '\n');
  switch (f) {
    case 'lf':
      return lf;
    case 'crlf':
      return lf.replace(/\n/g, '\r\n');
    case 'cr':
      return lf.replace(/\n/g, '\r');
    case 'bom':
      return `\uFEFF${lf}`;
    case 'bom-crlf':
      return `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
  }
}

// ------------------------------------------------------------------------------------------------
// Big and deep inputs (deterministic: they are about size, not variety)

export function deepJson(depth: number, open = '{"a":', close = '}'): string {
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}
export function deepArray(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}
/** One line of about `size` characters holding an error body in the middle. */
export function megaLine(size = 1 << 20): string {
  const body = '{"type":"payment_error","code":"expired_order","message":"Expired payment intent"}';
  const half = Math.max(0, (size - body.length) >> 1);
  return `${'x'.repeat(half)}${body}${'y'.repeat(half)}`;
}

// ------------------------------------------------------------------------------------------------
// Secrets

/** Luhn check digit for a digit string. */
export function luhnComplete(prefix: string): string {
  let sum = 0;
  let double = true; // the check digit will sit on the right
  for (let i = prefix.length - 1; i >= 0; i--) {
    let d = prefix.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return prefix + String((10 - (sum % 10)) % 10);
}

export interface PlacedSecret {
  /** The text inserted into the input. */
  text: string;
  /** What must never appear in any output (the secret value itself; for cards, the full number's digits). */
  secret: string;
  kind: 'bearer' | 'x-auth-token' | 'client_secret' | 'card';
}

const tokenChars = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'), minLength: 16, maxLength: 48 })
  // A secret made of one repeated character could also be part of ordinary text; keep it distinctive.
  .filter((s) => new Set(s).size >= 6 && /[A-Za-z]/.test(s) && /\d/.test(s) && !/^[.\-_]|[.\-_]$/.test(s));

/** A credential in one of the forms people paste. */
export const secretArb: fc.Arbitrary<PlacedSecret> = fc.oneof(
  tokenChars.chain((t) =>
    fc.constantFrom(`Authorization: Bearer ${t}`, `Bearer ${t}`, `"Authorization": "Bearer ${t}"`).map((text) => ({ text, secret: t, kind: 'bearer' as const })),
  ),
  tokenChars.chain((t) =>
    fc.constantFrom(`x-auth-token: Bearer ${t}`, `> x-auth-token: ${t}`, `"x-auth-token":"${t}"`, `X-Auth-Token: ${t}`, `x-auth-token=${t}`).map((text) => ({ text, secret: t, kind: 'x-auth-token' as const })),
  ),
  tokenChars.chain((t) =>
    fc.constantFrom(`client_secret=${t}`, `"client_secret": "${t}"`, `client_secret: ${t}`, `'client_secret': '${t}'`, `x-client-secret: ${t}`).map((text) => ({ text, secret: t, kind: 'client_secret' as const })),
  ),
  fc
    .tuple(fc.constantFrom('4', '51', '37', '6011', '35'), fc.integer({ min: 13, max: 19 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }), fc.constantFrom('', ' ', '-'))
    .map(([prefix, len, digits, sep]) => {
      const body = (prefix + digits.join('')).slice(0, len - 1);
      const number = luhnComplete(body);
      const text = sep ? number.replace(/(\d{4})(?=\d)/g, `$1${sep}`) : number;
      return { text, secret: number, kind: 'card' as const };
    }),
);

/** Does `output` contain the secret (for a card: its digits in a row, separators ignored)? */
export function leaks(output: string, s: PlacedSecret): boolean {
  if (s.kind !== 'card') return output.includes(s.secret);
  return output.replace(/[ -]/g, '').includes(s.secret) || output.includes(s.text);
}

/** Where to put a secret: index into the host text plus a separator choice. */
// `\\n` and `\\t` are escapes inside a JSON string of a log line: the secret follows an escaped newline.
export const placement = fc.record({ at: fc.nat(), pad: fc.constantFrom('', ' ', '\n', '\r\n', '"', ' {"a":"', '\t', '\\n', '\\t', '\\r\\n') });
export function place(host: string, secret: PlacedSecret, p: { at: number; pad: string }): string {
  const at = host.length === 0 ? 0 : p.at % (host.length + 1);
  // Padding on both sides: glued to a word character, a card number is just a longer number.
  return `${host.slice(0, at)}${p.pad || ' '}${secret.text} ${host.slice(at)}`;
}
