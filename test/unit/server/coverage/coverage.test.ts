// Error coverage of one document: which endpoint each call names, and which of its errors the
// call's error path handles. Expectations come from the SDK facts (method → endpoint, class →
// status) and the catalog's per-error endpoints, written out by hand.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../../../../catalog/src/index';
import { SDK_CALLS } from '../../../../catalog/src/sdkCalls';
import { analyzeText } from '../../../../server/src/service/analysis';
import { documentCoverage, endpointErrors, type CallCoverage } from '../../../../server/src/service/coverage/coverage';
import { lensTitle } from '../../../../server/src/service/coverage/codeLens';
import { createErrorCodeService } from '../../../../server/src/service/index';
import { syntaxProblems } from '../../../support/treeSitter';

const catalog = loadBuiltinCatalog();

function cover(languageId: string, text: string): CallCoverage[] {
  return documentCoverage(catalog, analyzeText(`test://x.${languageId}`, 1, languageId, text));
}

function endpoints(languageId: string, text: string): string[] {
  return cover(languageId, text).map((c) => c.call.endpoint);
}

function handledCodes(c: CallCoverage): string[] {
  return c.errors.filter((e) => e.handled.length).map((e) => String(e.entry.code)).sort();
}

describe('coverage: call sites', () => {
  it('every SDK method names a catalog endpoint that has a path', () => {
    for (const call of SDK_CALLS) {
      const ep = catalog.endpoints.find((e) => e.name === call.endpoint);
      assert.ok(ep?.path, `${call.sdk} ${call.resource}.${call.method} → ${call.endpoint}`);
    }
  });

  it('recognises the resource methods of the Node, Python, Go and Java SDKs', () => {
    assert.deepEqual(endpoints('typescript', 'await client.payment.paymentIntents.capture(id, {});'), ['Capture a PaymentIntent']);
    assert.deepEqual(endpoints('python', 'client.payment.attempts.retrieve(pa_id)\n'), ['Retrieve a PaymentAttempt']);
    assert.deepEqual(endpoints('go', 'p, err := client.Payment.Payouts.Get(ctx, id)\n'), ['Retrieve Payout']);
    assert.deepEqual(endpoints('java', 'client.payment().getBankAccounts().update(id, req);'), ['Update Bank Account']);
    assert.deepEqual(endpoints('kotlin', 'client.payment().getBalances().list(req)'), ['List Balances']);
  });

  it('accepts a resource reached through a variable when the file names UQPAY', () => {
    assert.deepEqual(endpoints('typescript', "import { UQPayClient } from '@uqpay/sdk';\nconst p = api.refunds;\napi.refunds.create(body);"), ['Create a refund']);
  });

  it('ignores look-alike calls of other payment SDKs in files that never name UQPAY', () => {
    assert.deepEqual(endpoints('typescript', "const stripe = new Stripe(key);\nawait stripe.refunds.create({ charge: 'ch_1' });"), []);
  });

  it('ignores calls in comments and in strings', () => {
    assert.deepEqual(endpoints('typescript', "// client.payment.payouts.create(x)\nconst s = 'client.payment.payouts.create(x)';"), []);
    assert.deepEqual(endpoints('python', '# client.payment.payouts.create(x)\n'), []);
  });

  it('recognises raw HTTP paths: full URLs, templates, f-strings, concatenation, Sprintf and query strings', () => {
    assert.deepEqual(endpoints('typescript', "fetch('https://api.uqpay.com/api/v2/payment/payout/create', { method: 'POST' });"), ['Create Payout']);
    assert.deepEqual(endpoints('typescript', 'await http.post(`${base}/v2/payment_intents/${id}/confirm`, body);'), ['Confirm a PaymentIntent']);
    assert.deepEqual(endpoints('python', 'requests.get(f"{BASE}/v2/payment/refunds/{refund_id}")\n'), ['Retrieve a refund']);
    assert.deepEqual(endpoints('java', 'http.post("/v2/payment_intents/" + id + "/cancel", body);'), ['Cancel a PaymentIntent']);
    assert.deepEqual(endpoints('go', 'req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/v2/payment/payout/%s", base, id), nil)\n'), ['Retrieve Payout']);
    assert.deepEqual(endpoints('typescript', "axios.get('/v2/payment/refunds?page_size=10&page_number=1');"), ['List all refunds']);
  });

  it('tells endpoints that share a path apart by the HTTP method written next to it', () => {
    assert.deepEqual(endpoints('typescript', "axios.post('/v2/payment/refunds', body);"), ['Create a refund']);
    assert.deepEqual(endpoints('typescript', "axios.get('/v2/payment/refunds');"), ['List all refunds']);
    assert.deepEqual(endpoints('python', 'requests.post(f"{b}/v2/payment/bankaccount/{bid}", json=body)\n'), ['Update Bank Account']);
    assert.deepEqual(endpoints('python', 'requests.get(f"{b}/v2/payment/bankaccount/{bid}")\n'), ['Retrieve Bank Account']);
    // a literal segment beats a placeholder: /payout/create is Create Payout, not Retrieve Payout
    assert.deepEqual(endpoints('go', 'client.Post(ctx, "/v2/payment/payout/create", req)\n'), ['Create Payout']);
  });

  it('leaves other paths alone', () => {
    assert.deepEqual(endpoints('typescript', "fetch('/v2/payment/terminals'); fetch('/v1/connect/token'); fetch('/v2/payment_intents/a/b/c');"), []);
  });
});

describe('coverage: what the call can fail with', () => {
  it("lists the endpoint's own errors, then the general ones, marked", () => {
    const list = endpointErrors(catalog, 'Create Payout');
    // the catalog's Create Payout rows (seed: payout section) and the 7 general rows
    assert.deepEqual(list.filter((e) => !e.general).map((e) => e.entry.id), [
      'payout/create_payout_failed', 'payout/payout_settlement_account_not_found', 'payout/invalid_currency',
      'payout/insufficient_balance', 'payout/merchant_account_invalid', 'payout/disabled_transfer_type',
      'payout/velocity_limit_exceeded', 'payout/product_not_found', 'payout/invalid_parameter',
    ]);
    assert.deepEqual(list.filter((e) => e.general).map((e) => e.entry.id), [
      'general/invalid_parameter', 'general/missing_parameter', 'general/unauthorized_error', 'general/account_not_found',
      'general/invalid_idempotency_key_format', 'general/api_error', 'general/200',
    ]);
  });
});

describe('coverage: handled or not', () => {
  it('TypeScript: a code comparison in the catch block and an SDK class that covers an error', () => {
    const [c] = cover('typescript', [
      "import { RateLimitError, UQPayError } from '@uqpay/sdk';",
      'try {',
      '  await client.payment.payouts.create(body);',
      '} catch (err) {',
      '  if (err instanceof RateLimitError) return;', // 429: velocity_limit_exceeded only
      "  if (err instanceof UQPayError && err.code === 'insufficient_balance') return;",
      '  throw err;',
      '}',
    ].join('\n'));
    assert.deepEqual(handledCodes(c), ['insufficient_balance', 'velocity_limit_exceeded']);
    assert.equal(c.handled, 2);
    assert.equal(c.total, 16);
  });

  it('a comparison outside the error path does not count', () => {
    const [c] = cover('typescript', [
      "import '@uqpay/sdk';",
      "const KNOWN = err.code === 'insufficient_balance';",
      'await client.payment.payouts.create(body);',
    ].join('\n'));
    assert.equal(c.handled, 0);
  });

  it('the base class alone handles nothing; ValidationError covers every HTTP 400 error (Node picks it by status)', () => {
    const base = cover('typescript', "import '@uqpay/sdk';\nclient.payment.refunds.list().catch((e) => { if (e instanceof UQPayError) log(e); });")[0];
    assert.equal(base.handled, 0);
    const validation = cover('typescript', "import '@uqpay/sdk';\nclient.payment.refunds.list().catch((e) => { if (e instanceof ValidationError) log(e); });")[0];
    // List all refunds: refund/invalid_parameter + general; the HTTP 400 ones but the idempotency_error
    // row (IdempotencyError), not unauthorized_error (401) or api_error (500). Envelope B (`200`) too:
    // the SDK facts (Node, legacy `{code: 200}` @ 400) run it to ValidationError, after the SDK's retries
    assert.deepEqual(handledCodes(validation), ['200', 'account_not_found', 'invalid_parameter', 'invalid_parameter', 'missing_parameter']);
  });

  it('a promise .catch that passes the error to a function of the same file: its switch counts', () => {
    const [c] = cover('typescript', [
      "import '@uqpay/sdk';",
      'client.payment.refunds.create(b).catch((e) => explain(e));',
      'function explain(e) {',
      '  switch (e.code) {',
      "    case 'refund_amount_exceeded': return 1;",
      "    case 'refund_processing': return 2;",
      '  }',
      '}',
    ].join('\n'));
    assert.deepEqual(handledCodes(c), ['refund_amount_exceeded', 'refund_processing']);
  });

  it('Python: except clauses after the try, an SDK class, codes in a tuple', () => {
    const [c] = cover('python', [
      'from uqpay import AuthenticationError, NotFoundError, UQPayError',
      'def f(client):',
      '    try:',
      '        client.payment.payouts.retrieve(pid)',
      '    except AuthenticationError:',
      '        return None',
      '    except NotFoundError:',
      '        return None',
      '    except UQPayError as e:',
      '        if e.code in ("internal_error", "invalid_parameter"):',
      '            raise',
      "    x = 'payout_not_found' == e.code",
    ].join('\n'));
    // Retrieve Payout: unauthorized_error (401: AuthenticationError), internal_error and two
    // invalid_parameter rows by code. Not payout_not_found: its type is only known to be one of the
    // payout section's four, none `not_found`; and the last comparison is after the try statement.
    assert.deepEqual(handledCodes(c), ['internal_error', 'invalid_parameter', 'invalid_parameter', 'unauthorized_error']);
  });

  it("Go: the `if err != nil` block right after the call, with errors.As and a switch; IsNotFound covers not_found", () => {
    const [c] = cover('go', [
      'package p',
      'import "github.com/uqpay/uqpay-sdk-go/v2/common"',
      'func f() error {',
      '\tb, err := client.Payment.Balances.Get(ctx, "SGD")',
      '\tif err != nil {',
      '\t\tvar apiErr *common.APIError',
      '\t\tif errors.As(err, &apiErr) {',
      '\t\t\tswitch apiErr.Code {',
      '\t\t\tcase "invalid_currency":',
      '\t\t\t\treturn nil',
      '\t\t\t}',
      '\t\t}',
      '\t\treturn err',
      '\t}',
      '\t_ = b',
      '\tif apiErr.Code == "missing_parameter" {',
      '\t}',
      '\treturn nil',
      '}',
    ].join('\n'));
    assert.equal(c.call.endpoint, 'Retrieve Balance');
    assert.deepEqual(handledCodes(c), ['invalid_currency']);
  });

  it('Java: catch clause with a predicate and an arrow switch on getCode()', () => {
    const [c] = cover('java', [
      'import com.uqpay.sdk.UqpayClient;',
      'class R { Refund r() throws Exception {',
      '  try { return client.payment().getRefunds().create(req); }',
      '  catch (UqpayApiException e) {',
      '    if (e.isUnauthorized()) throw e;',
      '    switch (e.getCode()) { case "create_refund_failed" -> throw e; default -> throw e; }',
      '  }',
      '} }',
    ].join('\n'));
    assert.deepEqual(handledCodes(c), ['create_refund_failed', 'unauthorized_error']);
  });

  it('a type comparison covers the errors whose only type it is', () => {
    const [c] = cover('typescript', [
      "import '@uqpay/sdk';",
      'try { await client.payment.payouts.create(b); } catch (e) {',
      "  if (e.type === 'idempotency_error') retry();",
      '}',
    ].join('\n'));
    assert.deepEqual(handledCodes(c), ['invalid idempotency key format']);
  });

  it('a raw HTTP call in PHP with a Guzzle catch', () => {
    const [c] = cover('php', [
      '<?php',
      'try {',
      "  $res = $http->request('POST', '/api/v2/payment/payout/create', ['json' => $b]);",
      '} catch (ClientException $e) {',
      '  $err = json_decode((string) $e->getResponse()->getBody(), true);',
      "  if ($err['code'] === 'disabled_transfer_type') { return null; }",
      '}',
    ].join('\n'));
    assert.equal(c.call.via, 'http');
    assert.deepEqual(handledCodes(c), ['disabled_transfer_type']);
  });

  it('Ruby: rescue clauses of a begin block', () => {
    const [c] = cover('ruby', [
      'begin',
      '  http.post("/v2/payment/refunds", body)',
      'rescue ApiError => e',
      '  case e.code',
      '  when "refund_stat_failed" then nil',
      '  end',
      'end',
    ].join('\n'));
    assert.equal(c.call.endpoint, 'Create a refund');
    assert.deepEqual(handledCodes(c), ['refund_stat_failed']);
  });

  it('SDK classes and predicates handle what the SDK error data says reaches them, in each SDK', () => {
    // Create Payout: velocity_limit_exceeded is HTTP 429 whatever its type (seed), the general
    // api_error is 500 (facts: Python picks RateLimitError for 429, ServerError for ≥ 500)
    const py = cover('python', [
      'from uqpay import RateLimitError, ServerError',
      'def f(client):',
      '    try:',
      '        client.payment.payouts.create(body)',
      '    except RateLimitError:',
      '        return None',
      '    except ServerError:',
      '        return None',
    ].join('\n'))[0];
    assert.equal(py.call.endpoint, 'Create Payout');
    assert.deepEqual(handledCodes(py), ['api_error', 'velocity_limit_exceeded']);
    // Java: isServerError() is ≥ 500 only (api_error); catching the base UqpayApiException handles nothing
    const java = (check: string) => cover('java', [
      'import com.uqpay.sdk.UqpayClient;',
      'class P { void p() throws Exception {',
      '  try { client.payment().getPayouts().get(id); }',
      `  catch (UqpayApiException e) { ${check} }`,
      '} }',
    ].join('\n'))[0];
    assert.equal(java('if (e.isServerError()) throw e;').call.endpoint, 'Retrieve Payout');
    assert.deepEqual(handledCodes(java('if (e.isServerError()) throw e;')), ['api_error']);
    assert.equal(java('throw e;').handled, 0);
  });

  it("a class imported from another library beside the SDK handles none of UQPAY's errors", () => {
    const py = (imports: string) => cover('python', [
      imports,
      'def f(client):',
      '    try:',
      '        client.payment.payouts.create(body)',
      '    except RateLimitError:',
      '        return None',
      '    except ValidationError:',
      '        return None',
    ].join('\n'))[0];
    // Django's ValidationError is about a form, not a 400 from the gateway
    assert.deepEqual(handledCodes(py('from django.core.exceptions import ValidationError\nfrom uqpay import RateLimitError')), ['velocity_limit_exceeded']);
    // the SDK's own ValidationError takes the 400s: more is handled, also under another name
    const own = handledCodes(py('from uqpay import RateLimitError, ValidationError'));
    assert.ok(own.length > 1);
    assert.deepEqual(handledCodes(cover('python', [
      'from django.core.exceptions import ValidationError',
      'from uqpay import RateLimitError, ValidationError as UqpayValidationError',
      'def f(client):',
      '    try:',
      '        client.payment.payouts.create(body)',
      '    except RateLimitError:',
      '        return None',
      '    except UqpayValidationError:',
      '        return None',
    ].join('\n'))[0]), own);
  });

  it("a class an entry reaches only for some of its section's types does not handle it", () => {
    // Python NotFoundError takes a `not_found` body at any status; not_found_id's section lists four
    // types, `not_found` among them, so the SDK may raise ValidationError for it instead
    const [c] = cover('python', [
      'from uqpay import NotFoundError',
      'def f(client):',
      '    try:',
      '        client.payment.payment_intents.confirm(pid, body)',
      '    except NotFoundError:',
      '        return None',
    ].join('\n'));
    assert.equal(c.call.endpoint, 'Confirm a PaymentIntent');
    assert.equal(c.handled, 0);
  });

  it('never throws on unbalanced or cut-off code', () => {
    for (const [lang, text] of [
      ['typescript', "import '@uqpay/sdk'; try { client.payment.payouts.create(("],
      ['python', 'try:\n    client.payment.payouts.create(\nexcept'],
      ['go', 'x, err := client.Payment.Payouts.Create(ctx, req\nif err != nil {'],
      ['java', 'client.payment().getPayouts().create(req'],
    ] as const) {
      const list = cover(lang, text);
      assert.equal(list.length, 1, lang);
    }
  });
});

describe('coverage: "Handle the N unhandled … errors" quick fix', () => {
  const service = createErrorCodeService({ catalog });

  /** The fix offered with the cursor on `needle`; the document after it, and the inserted text. */
  async function fix(languageId: string, text: string, needle: string): Promise<{ title: string; after: string; inserted: string } | undefined> {
    const doc = TextDocument.create(`file:///fix.${languageId}`, languageId, 1, text);
    const at = doc.positionAt(text.indexOf(needle));
    const actions = await service.doCodeActions(doc, { start: at, end: at }, { diagnostics: [] });
    const a = actions.find((x) => x.title.startsWith('Handle the '));
    if (!a) return undefined;
    const [e] = a.edit!.changes![doc.uri]!;
    assert.deepEqual(e.range.start, e.range.end, 'an insertion, nothing replaced');
    return { title: a.title, after: TextDocument.applyEdits(doc, [e]), inserted: e.newText };
  }

  const labels = (s: string) => [...s.matchAll(/case\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);

  it('TypeScript: opens the catch block with a switch over the unhandled codes; the rest of the block is kept', async () => {
    const text = [
      "import { UQPayError } from '@uqpay/sdk';",
      'export async function f(client: any): Promise<void> {',
      '  try {',
      '    await client.payment.balances.retrieve("SGD");',
      '  } catch (err) {',
      "    if (err instanceof UQPayError && err.code === 'invalid_currency') return;",
      '    throw err;',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = await fix('typescript', text, 'throw err');
    // Retrieve Balance: invalid_currency is handled; the 7 general errors are not
    assert.equal(r?.title, 'Handle the 7 unhandled Retrieve Balance errors');
    assert.deepEqual(labels(r!.inserted), ['invalid_parameter', 'missing_parameter', 'unauthorized_error', 'account_not_found',
      'invalid idempotency key format', 'api_error', '200']);
    assert.match(r!.inserted, /^\n {4}switch \(\(err as Record<string, unknown>\)\.code\) \{\n {6}case 'invalid_parameter': \/\/ /);
    assert.ok(r!.after.includes("    if (err instanceof UQPayError && err.code === 'invalid_currency') return;\n    throw err;"));
    assert.deepEqual(await syntaxProblems(r!.after, 'typescript'), []);
    // the new cases are case labels in the error path: the call now handles all 16
    assert.equal(cover('typescript', r!.after)[0].handled, 8);
  });

  it('adds the cases to a switch over codes the branch already has, before its default', async () => {
    const text = [
      "import '@uqpay/sdk';",
      "client.payment.balances.retrieve('SGD').catch((e) => {",
      '  switch (e.code) {',
      "    case 'invalid_currency':",
      '      break;',
      '    default:',
      '      throw e;',
      '  }',
      '});',
      '',
    ].join('\n');
    const r = await fix('javascript', text, 'default');
    assert.equal(r?.title, 'Handle the 7 unhandled Retrieve Balance errors');
    assert.deepEqual(labels(r!.after), ['invalid_currency', 'invalid_parameter', 'missing_parameter', 'unauthorized_error', 'account_not_found',
      'invalid idempotency key format', 'api_error', '200']);
    assert.ok(r!.after.indexOf("case '200'") < r!.after.indexOf('default:'));
    assert.deepEqual(await syntaxProblems(r!.after, 'javascript'), []);
  });

  it('Python: a match on the error code under the except line, a do-nothing wildcard last', async () => {
    const text = 'from uqpay import UQPayError\n\ndef f(client):\n    try:\n        client.payment.refunds.retrieve(rid)\n    except UQPayError as e:\n        raise\n';
    const r = await fix('python', text, 'raise');
    // Retrieve a refund: payment/ and refund/retrieve_refund_failed share one code, then the general ones
    assert.equal(r?.title, 'Handle the 8 unhandled Retrieve a refund errors');
    assert.deepEqual(labels(r!.inserted), ['retrieve_refund_failed', 'invalid_parameter', 'missing_parameter', 'unauthorized_error',
      'account_not_found', 'invalid idempotency key format', 'api_error', '200']);
    assert.match(r!.after, /\n {8}match e\.code:\n {12}case "retrieve_refund_failed": {2}# .+\n {16}pass\n/);
    assert.match(r!.after, /\n {12}case _:\n {16}pass\n {8}raise\n$/);
    assert.deepEqual(await syntaxProblems(r!.after, 'python'), []);
    assert.equal(cover('python', r!.after)[0].handled, 9);
    // an except clause that may catch other exceptions reads the code without assuming it exists
    const other = await fix('python', text.replace('except UQPayError as e', 'except (UQPayError, KeyError) as e'), 'raise');
    assert.match(other!.inserted, /match getattr\(e, "code", None\):/);
  });

  it('Java: only where the catch names UqpayApiException; the code read null-safely', async () => {
    const body = (ex: string) => `class A {\n    void f() throws Exception {\n        try {\n            client.payment().getPayouts().get(id);\n        } catch (${ex} e) {\n            throw e;\n        }\n    }\n}\n`;
    const r = await fix('java', body('UqpayApiException'), 'throw e');
    // payout_not_found, internal_error, invalid_parameter (payout and general rows: one case) and six more general codes
    assert.equal(r?.title, 'Handle the 9 unhandled Retrieve Payout errors');
    assert.match(r!.inserted, /switch \(e\.getCode\(\) == null \? "" : e\.getCode\(\)\) \{/);
    assert.deepEqual(await syntaxProblems(r!.after, 'java'), []);
    assert.equal(cover('java', r!.after)[0].handled, 10);
    assert.equal(await fix('java', body('Exception'), 'throw e'), undefined);
  });

  it('is not offered away from a call and its error branch', async () => {
    const text = "import '@uqpay/sdk';\nconst x = 1;\ntry { await client.payment.balances.list(); } catch (e) { log(e); }\n";
    assert.equal(await fix('typescript', text, 'const x'), undefined);
    assert.ok(await fix('typescript', text, 'log(e)'));
  });
});

describe('coverage: the lens title', () => {
  const call = (handled: number, total: number) => ({ call: { endpoint: 'Retrieve Balance' }, handled, total }) as CallCoverage;

  it('counts in English with the right plural, and in Chinese with the endpoint name as the catalog gives it', () => {
    assert.equal(lensTitle(call(0, 1), 'en'), 'Retrieve Balance · handles 0 of 1 error');
    assert.equal(lensTitle(call(2, 8), 'en'), 'Retrieve Balance · handles 2 of 8 errors');
    assert.equal(lensTitle(call(2, 8), 'zh-CN'), 'Retrieve Balance · 处理了 8 个错误中的 2 个');
  });
});
