/**
 * Seeded corpus generator for the benchmark: TypeScript, Python and Go sources written the way code
 * against the official UQPAY SDKs looks (see shared/reference/uqpay-api-facts.md), and JSON Lines
 * logs of API responses. Every code comes from the catalog; the same seed gives the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Prng, hashSeed } from './prng';

export type SourceLanguage = 'typescript' | 'python' | 'go';
export const SOURCE_LANGUAGES: readonly SourceLanguage[] = ['typescript', 'python', 'go'];
export const EXTENSIONS: Record<SourceLanguage | 'jsonl', string> = { typescript: 'ts', python: 'py', go: 'go', jsonl: 'jsonl' };

/** What the generator needs from a catalog: string codes, numeric codes, types and messages. */
export interface CorpusCodes {
  /** Envelope-A rows with their possible types and literal messages (a code may repeat across sections). */
  stringCodes: { code: string; types: string[]; message: string | null }[];
  numericCodes: { code: number; message: string | null }[];
  types: string[];
  /** The HTTP status the catalog gives a type for a code (the type table's rules, else its default). */
  statusFor: (type: string, code: string) => number;
}

interface CatalogLike {
  types?: { name: string; defaultHttpStatus?: number; statusRules?: { code: string; httpStatus: number }[] }[];
  errors?: { code: string | number; types?: string[]; message?: string | null }[];
}

/** Reads the codes out of a catalog object (the shape of catalog/global-acquiring.json). */
export function codesFromCatalog(data: unknown): CorpusCodes {
  const cat = data as CatalogLike;
  if (!cat || !Array.isArray(cat.errors) || cat.errors.length === 0) {
    throw new Error('catalog has no "errors" array: cannot build a corpus without codes');
  }
  const seen = new Set<string>();
  const stringCodes: CorpusCodes['stringCodes'] = [];
  const numericCodes: CorpusCodes['numericCodes'] = [];
  for (const e of cat.errors) {
    const key = JSON.stringify([e.code, e.types, e.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    if (typeof e.code === 'number') numericCodes.push({ code: e.code, message: e.message ?? null });
    else if (typeof e.code === 'string') stringCodes.push({ code: e.code, types: e.types ?? [], message: e.message ?? null });
  }
  const typeDefs = cat.types ?? [];
  if (stringCodes.length === 0) throw new Error('catalog has no string codes');
  const statusFor = (type: string, code: string): number => {
    const t = typeDefs.find((d) => d.name === type);
    return t?.statusRules?.find((r) => r.code === code)?.httpStatus ?? t?.defaultHttpStatus ?? 400;
  };
  return { stringCodes, numericCodes, types: typeDefs.map((t) => t.name), statusFor };
}

export function loadCorpusCodes(catalogPath = join(__dirname, '..', 'catalog', 'global-acquiring.json')): CorpusCodes {
  let text: string;
  try {
    text = readFileSync(catalogPath, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the catalog at ${catalogPath}: ${(e as Error).message}`);
  }
  try {
    return codesFromCatalog(JSON.parse(text));
  } catch (e) {
    throw new Error(`bad catalog ${catalogPath}: ${(e as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// shared vocabulary

const CURRENCIES = ['SGD', 'USD', 'HKD', 'EUR', 'GBP', 'AUD', 'CNY', 'JPY'];
const PAYMENT_METHODS = ['card', 'alipaycn', 'wechatpay', 'paynow', 'grabpay', 'googlepay'];
const INTENT_STATUSES = ['REQUIRES_PAYMENT_METHOD', 'REQUIRES_CUSTOMER_ACTION', 'REQUIRES_CAPTURE', 'PENDING', 'SUCCEEDED', 'CANCELLED', 'FAILED'];
const REFUND_STATUSES = ['INITIATED', 'PROCESSING', 'SUCCEEDED', 'FAILED'];
const NOUNS = ['order', 'intent', 'refund', 'payout', 'invoice', 'cart', 'checkout', 'ledger', 'balance', 'account', 'customer', 'webhook'];
const VERBS = ['create', 'load', 'sync', 'settle', 'retry', 'resolve', 'record', 'notify', 'capture', 'cancel', 'verify', 'format'];
const LOG_WORDS = ['payment created', 'refund queued', 'payout scheduled', 'webhook received', 'token refreshed', 'retrying request', 'order settled', 'customer updated'];
const SDK_CALLS = ['payment.paymentIntents.create', 'payment.paymentIntents.confirm', 'payment.paymentIntents.retrieve', 'payment.paymentIntents.cancel', 'payment.refunds.create', 'payment.refunds.retrieve', 'payment.payouts.create', 'payment.bankAccounts.list'];

/** A plausible misspelling: a dropped, doubled or swapped letter. */
export function misspell(rng: Prng, code: string): string {
  if (code.length < 4) return code + 'x';
  const i = rng.int(1, code.length - 2);
  const doubled = code.slice(0, i) + code[i] + code.slice(i);
  switch (rng.int(0, 2)) {
    case 0: return code.slice(0, i) + code.slice(i + 1);
    case 1: return doubled;
    default: {
      // swapping two equal letters changes nothing: double one instead
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      return swapped === code ? doubled : swapped;
    }
  }
}

interface Ctx {
  rng: Prng;
  codes: CorpusCodes;
  n: number;
}

/** A code literal for source text: mostly real, a few misspelt, now and then a type used as a code. */
function codeLiteral(ctx: Ctx): string {
  const { rng, codes } = ctx;
  const r = rng.next();
  if (r < 0.03) return misspell(rng, rng.pick(codes.stringCodes).code);
  if (r < 0.045 && codes.types.length > 0) return rng.pick(codes.types);
  if (r < 0.06 && codes.numericCodes.length > 0) return String(rng.pick(codes.numericCodes).code);
  return rng.pick(codes.stringCodes).code;
}

/** `n` different literals: a switch or map with a repeated key does not compile in Go. */
function distinctLiterals(ctx: Ctx, n: number): string[] {
  const out = new Set<string>();
  for (let tries = 0; out.size < n && tries < n * 10; tries++) out.add(codeLiteral(ctx));
  return [...out];
}

function ident(ctx: Ctx, style: 'camel' | 'snake' | 'pascal'): string {
  const v = ctx.rng.pick(VERBS);
  const n = ctx.rng.pick(NOUNS);
  const k = ++ctx.n;
  if (style === 'snake') return `${v}_${n}_${k}`;
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
  return style === 'camel' ? `${v}${cap(n)}${k}` : `${cap(v)}${cap(n)}${k}`;
}

// ---------------------------------------------------------------------------------------------
// TypeScript (Node SDK `@uqpay/sdk`)

function tsBlock(ctx: Ctx): string[] {
  const { rng } = ctx;
  const r = rng.next();
  if (r < 0.16) {
    const fn = ident(ctx, 'camel');
    const code = codeLiteral(ctx);
    return [
      `export async function ${fn}(input: CheckoutInput): Promise<Outcome> {`,
      '  try {',
      `    const res = await client.${rng.pick(SDK_CALLS)}({ amount: '${rng.int(1, 999)}.${rng.int(10, 99)}', currency: '${rng.pick(CURRENCIES)}', merchant_order_id: input.orderId });`,
      `    return { ok: true, id: res.id, status: '${rng.pick(INTENT_STATUSES)}' };`,
      '  } catch (err) {',
      `    if (err instanceof UQPayError && err.code === '${code}') {`,
      `      // ${code}: handled here, see the catalog for what to do next`,
      `      logger.warn('uqpay ${rng.pick(LOG_WORDS)}', { code: err.code, requestId: input.requestId });`,
      '      return { ok: false, retry: false };',
      '    }',
      '    throw err;',
      '  }',
      '}',
      '',
    ];
  }
  if (r < 0.26) {
    const fn = ident(ctx, 'camel');
    const lits = distinctLiterals(ctx, rng.int(2, 6));
    const lines = [`function ${fn}(err: UQPayError): RetryPlan {`, '  switch (err.code) {'];
    for (let i = 0; i < lits.length; i++) {
      lines.push(`    case '${lits[i]}':`);
      if (i + 1 < lits.length && rng.chance(0.3)) lines.push(`    case '${lits[++i]}':`);
      lines.push(`      return '${rng.pick(['retry', 'refresh', 'fail', 'wait', 'check'])}';`);
    }
    lines.push('    default:', "      return 'fail';", '  }', '}', '');
    return lines;
  }
  if (r < 0.32) {
    const name = ident(ctx, 'pascal').toUpperCase();
    const lines = [`const ${name}: Record<string, boolean> = {`];
    for (const lit of distinctLiterals(ctx, rng.int(3, 7))) lines.push(`  '${lit}': ${rng.chance(0.5)},`);
    lines.push('};', '');
    return lines;
  }
  if (r < 0.36) {
    const code = codeLiteral(ctx);
    return [
      `  // When the gateway answers ${code} we keep the order open and let the worker retry later.`,
      `  const note${++ctx.n} = 'last failure was ${code} for this order';`,
      '',
    ];
  }
  // ordinary code: no error codes at all, only everyday strings
  const fn = ident(ctx, 'camel');
  const lines = [
    `export function ${fn}(order: Order, locale = '${rng.pick(['en-SG', 'zh-CN', 'en-US'])}'): string {`,
    `  const currency = order.currency ?? '${rng.pick(CURRENCIES)}';`,
    `  const method = order.method || '${rng.pick(PAYMENT_METHODS)}';`,
  ];
  const extra = rng.int(1, 6);
  for (let i = 0; i < extra; i++) {
    lines.push(`  if (order.total > ${rng.int(1, 100000)}) logger.info('${rng.pick(LOG_WORDS)}', { id: order.id, method });`);
  }
  lines.push("  return `${order.id}:${currency}:${locale}`;", '}', '');
  return lines;
}

const TS_HEADER = [
  "import { UQPayError, NotFoundError, RateLimitError } from '@uqpay/sdk';",
  "import { client, logger } from './uqpayClient';",
  "import type { CheckoutInput, Order, Outcome, RetryPlan } from './types';",
  '',
];

// ---------------------------------------------------------------------------------------------
// Python (`uqpay` on PyPI)

function pyBlock(ctx: Ctx): string[] {
  const { rng } = ctx;
  const r = rng.next();
  if (r < 0.16) {
    const fn = ident(ctx, 'snake');
    const code = codeLiteral(ctx);
    return [
      `def ${fn}(client, order):`,
      '    try:',
      `        return client.${rng.pick(SDK_CALLS).replace(/([A-Z])/g, '_$1').toLowerCase()}(amount="${rng.int(1, 999)}.${rng.int(10, 99)}", currency="${rng.pick(CURRENCIES)}")`,
      '    except UQPayError as e:',
      `        if e.code == "${code}":`,
      `            # ${code}: do not retry blindly`,
      `            log.warning("uqpay ${rng.pick(LOG_WORDS)}", extra={"code": e.code})`,
      '            return None',
      '        raise',
      '',
      '',
    ];
  }
  if (r < 0.26) {
    const fn = ident(ctx, 'snake');
    const lines = [`def ${fn}(e):`, '    match e.code:'];
    const lits = distinctLiterals(ctx, rng.int(2, 6));
    for (let i = 0; i < lits.length; i++) {
      lines.push(i + 1 < lits.length && rng.chance(0.3) ? `        case "${lits[i]}" | "${lits[++i]}":` : `        case "${lits[i]}":`);
      lines.push(`            return "${rng.pick(['retry', 'refresh', 'fail', 'wait', 'check'])}"`);
    }
    lines.push('        case _:', '            return "fail"', '', '');
    return lines;
  }
  if (r < 0.32) {
    const name = ident(ctx, 'snake').toUpperCase();
    const lines = [`${name} = {`];
    for (const lit of distinctLiterals(ctx, rng.int(3, 7))) lines.push(`    "${lit}": ${rng.chance(0.5) ? 'True' : 'False'},`);
    lines.push('}', '');
    return lines;
  }
  if (r < 0.36) {
    const code = codeLiteral(ctx);
    return [`# A ${code} answer means the order stays open; the worker retries it later.`, `NOTE_${++ctx.n} = "last failure was ${code}"`, ''];
  }
  const fn = ident(ctx, 'snake');
  const lines = [`def ${fn}(order, locale="${rng.pick(['en-SG', 'zh-CN', 'en-US'])}"):`, `    currency = order.get("currency", "${rng.pick(CURRENCIES)}")`];
  const extra = rng.int(1, 6);
  for (let i = 0; i < extra; i++) {
    lines.push(`    if order["total"] > ${rng.int(1, 100000)}:`, `        log.info("${rng.pick(LOG_WORDS)}", extra={"id": order["id"]})`);
  }
  lines.push('    return f"{order[\'id\']}:{currency}:{locale}"', '', '');
  return lines;
}

const PY_HEADER = ['import logging', '', 'from uqpay import UQPayError, NotFoundError, RateLimitError', '', 'log = logging.getLogger(__name__)', '', ''];

// ---------------------------------------------------------------------------------------------
// Go (`uqpay-sdk-go`)

function goBlock(ctx: Ctx): string[] {
  const { rng } = ctx;
  const r = rng.next();
  if (r < 0.16) {
    const fn = ident(ctx, 'camel');
    const code = codeLiteral(ctx);
    return [
      `func ${fn}(ctx context.Context, c *uqpay.Client, req *PaymentRequest) error {`,
      `\t_, err := c.Payment.PaymentIntents.Create(ctx, req)`,
      '\tvar apiErr *common.APIError',
      `\tif errors.As(err, &apiErr) && apiErr.Code == "${code}" {`,
      `\t\t// ${code}: surface to the caller, retrying cannot help`,
      `\t\tlog.Printf("uqpay ${rng.pick(LOG_WORDS)}: %v", apiErr)`,
      '\t\treturn ErrNoRetry',
      '\t}',
      '\treturn err',
      '}',
      '',
    ];
  }
  if (r < 0.26) {
    const fn = ident(ctx, 'camel');
    const lines = [`func ${fn}(err error) RetryPlan {`, '\tvar apiErr *common.APIError', '\tif !errors.As(err, &apiErr) {', '\t\treturn PlanFail', '\t}', '\tswitch apiErr.Code {'];
    const lits = distinctLiterals(ctx, rng.int(2, 6));
    for (let i = 0; i < lits.length; i++) {
      lines.push(i + 1 < lits.length && rng.chance(0.3) ? `\tcase "${lits[i]}", "${lits[++i]}":` : `\tcase "${lits[i]}":`);
      lines.push(`\t\treturn ${rng.pick(['PlanRetry', 'PlanRefresh', 'PlanFail', 'PlanWait', 'PlanCheck'])}`);
    }
    lines.push('\t}', '\treturn PlanFail', '}', '');
    return lines;
  }
  if (r < 0.32) {
    const name = ident(ctx, 'camel');
    const lines = [`var ${name} = map[string]bool{`];
    for (const lit of distinctLiterals(ctx, rng.int(3, 7))) lines.push(`\t"${lit}": ${rng.chance(0.5)},`);
    lines.push('}', '');
    return lines;
  }
  if (r < 0.36) {
    const code = codeLiteral(ctx);
    return [`// A ${code} answer leaves the order open; the worker retries it later.`, `const note${++ctx.n} = "last failure was ${code}"`, ''];
  }
  const fn = ident(ctx, 'camel');
  const lines = [`func ${fn}(o Order) string {`, `\tcurrency := "${rng.pick(CURRENCIES)}"`, '\tif o.Currency != "" {', '\t\tcurrency = o.Currency', '\t}'];
  const extra = rng.int(1, 6);
  for (let i = 0; i < extra; i++) {
    lines.push(`\tif o.Total > ${rng.int(1, 100000)} {`, `\t\tlog.Printf("${rng.pick(LOG_WORDS)} %s", o.ID)`, '\t}');
  }
  lines.push('\treturn fmt.Sprintf("%s:%s", o.ID, currency)', '}', '');
  return lines;
}

const GO_HEADER = ['package billing', '', 'import (', '\t"context"', '\t"errors"', '\t"fmt"', '\t"log"', '', '\t"github.com/uqpay/uqpay-sdk-go/common"', ')', ''];

// ---------------------------------------------------------------------------------------------

const GENERATORS: Record<SourceLanguage, { header: string[]; block: (ctx: Ctx) => string[]; pad: string }> = {
  typescript: { header: TS_HEADER, block: tsBlock, pad: '' },
  python: { header: PY_HEADER, block: pyBlock, pad: '' },
  go: { header: GO_HEADER, block: goBlock, pad: '' },
};

/** A source file of exactly `lines` lines (joined with `\n`, trailing newline). */
export function generateSource(language: SourceLanguage, lines: number, seed: number, codes: CorpusCodes): string {
  if (!Number.isInteger(lines) || lines < 1) throw new Error(`generateSource: lines must be a positive integer, got ${lines}`);
  const gen = GENERATORS[language];
  if (!gen) throw new Error(`generateSource: unknown language ${String(language)}`);
  const ctx: Ctx = { rng: new Prng(hashSeed(seed, language, lines)), codes, n: 0 };
  const out = gen.header.slice(0, lines);
  while (out.length < lines) {
    const block = gen.block(ctx);
    // A block that would overflow is cut at a blank line boundary; the rest is padding, so the
    // file stays syntactically plausible and the count exact.
    if (out.length + block.length > lines) {
      while (out.length < lines) out.push(gen.pad);
      break;
    }
    out.push(...block);
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// JSON Lines logs of responses

function isoTime(rng: Prng, i: number): string {
  const base = Date.UTC(2026, 10, 25, 8, 0, 0);
  return new Date(base + i * 37 + rng.int(0, 30)).toISOString();
}

function successBody(rng: Prng): Record<string, unknown> {
  if (rng.chance(0.7)) {
    return {
      payment_intent_id: `PI${rng.hex(18)}`,
      amount: `${rng.int(1, 9999)}.${rng.int(10, 99)}`,
      currency: rng.pick(CURRENCIES),
      intent_status: rng.pick(INTENT_STATUSES),
      merchant_order_id: `order-${rng.hex(10)}`,
      payment_method: { type: rng.pick(PAYMENT_METHODS) },
      create_time: new Date(Date.UTC(2026, 10, 25) + rng.int(0, 86_400_000)).toISOString(),
      metadata: { cart: rng.hex(6) },
    };
  }
  return {
    refund_id: `RF${rng.hex(18)}`,
    payment_intent_id: `PI${rng.hex(18)}`,
    amount: `${rng.int(1, 999)}.${rng.int(10, 99)}`,
    currency: rng.pick(CURRENCIES),
    refund_status: rng.pick(REFUND_STATUSES),
    reason: 'requested_by_customer',
  };
}

/** One log line. Errors are envelope A (mostly) or B, wrapped or prefixed the way loggers do it. */
function logLine(rng: Prng, codes: CorpusCodes, i: number): string {
  const ts = isoTime(rng, i);
  const requestId = `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${rng.hex(4)}-${rng.hex(12)}`;
  const r = rng.next();
  let body: Record<string, unknown>;
  let status = 200;
  if (r < 0.55) {
    body = successBody(rng);
  } else if (r < 0.92 || codes.numericCodes.length === 0) {
    const e = rng.pick(codes.stringCodes);
    let code = e.code;
    let type = e.types.length > 0 ? rng.pick(e.types) : (codes.types[0] ?? 'api_error');
    status = codes.statusFor(type, code);
    // a few wrong ones: misspelt code, a type that does not fit, a status that does not match
    const oddity = rng.next();
    if (oddity < 0.02) code = misspell(rng, code);
    else if (oddity < 0.03 && codes.types.length > 1) type = rng.pick(codes.types);
    else if (oddity < 0.04) status = rng.pick([404, 500, 502]);
    body = { type, code, message: e.message ?? `Invalid request parameters: ${rng.pick(['amount', 'currency', 'return_url'])}` };
  } else {
    const e = rng.pick(codes.numericCodes);
    body = { code: e.code, message: e.message ?? 'Request is processing' };
  }
  const shape = rng.next();
  if (shape < 0.45) {
    return JSON.stringify({ ts, level: status >= 400 ? 'error' : 'info', msg: 'uqpay response', http_status: status, request_id: requestId, body });
  }
  if (shape < 0.85) return JSON.stringify(body);
  // a text logger's prefix in front of the JSON body
  const path = rng.pick(['POST /api/v2/payment_intents/create', 'POST /api/v2/payment/refunds', 'POST /api/v2/payment/payout/create', 'GET /api/v2/payment/balances']);
  return `${ts} ${status >= 400 ? 'ERROR' : 'INFO '} [uqpay] ${path} -> ${status} ${JSON.stringify(body)}`;
}

/** A JSON Lines log of at least `bytes` bytes (UTF-8), ending on a whole line. */
export function generateJsonl(bytes: number, seed: number, codes: CorpusCodes): string {
  if (!Number.isFinite(bytes) || bytes < 1) throw new Error(`generateJsonl: bytes must be positive, got ${bytes}`);
  const rng = new Prng(hashSeed(seed, 'jsonl', bytes));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = logLine(rng, codes, i);
    parts.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return parts.join('\n') + '\n';
}

/** Size labels used in case names: 1k, 10k, 100k lines; 1mb, 10mb logs. */
export function linesLabel(lines: number): string {
  return lines % 1000 === 0 ? `${lines / 1000}k` : String(lines);
}
