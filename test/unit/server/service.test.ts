import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { loadBuiltinCatalog } from '../../../catalog/src';
import { createErrorCodeService, DEFAULT_SETTINGS, languageIdForPath, type ServiceSettings } from '../../../server/src/service';

// Expected values below are written from the seed (the official error-code page): codes, API
// messages, types and HTTP statuses.

const catalog = loadBuiltinCatalog();
const service = createErrorCodeService({ catalog });
let version = 1;

/** A document from text with one `|` cursor marker (removed). */
function docAt(languageId: string, src: string): { doc: TextDocument; pos: { line: number; character: number } } {
  const offset = src.indexOf('|');
  const text = offset >= 0 ? src.slice(0, offset) + src.slice(offset + 1) : src;
  const doc = TextDocument.create(`test://doc/${version}`, languageId, version++, text);
  return { doc, pos: doc.positionAt(Math.max(0, offset)) };
}

function hover(languageId: string, src: string, settings?: ServiceSettings): string | null {
  const { doc, pos } = docAt(languageId, src);
  const h = service.doHover(doc, pos, settings);
  return h ? (h.contents as MarkupContent).value : null;
}

function completion(languageId: string, src: string): string[] | null {
  const { doc, pos } = docAt(languageId, src);
  const list = service.doComplete(doc, pos);
  if (!list) return null;
  return [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
}

/** [code, covered text] of every diagnostic. */
function diagnostics(languageId: string, src: string, settings?: ServiceSettings): [string, string][] {
  const { doc } = docAt(languageId, src);
  return service.doValidation(doc, settings).map((d) => [String(d.code), doc.getText(d.range)]);
}

function apply(doc: TextDocument, edits: TextEdit[]): string {
  return TextDocument.applyEdits(doc, edits);
}

const UQ = `import { UQPayError } from '@uqpay/sdk';\n`;

describe('service: hover', () => {
  it('explains a code compared with err.code in TypeScript: message, type, status, retry, endpoints, links', () => {
    const md = hover('typescript', `${UQ}if (err.code === 'payment_link_exp|ired') {}`)!;
    assert.ok(md.includes('`payment_link_expired`'));
    assert.ok(md.includes('This link can no longer accept payments. Contact the seller for more information.'));
    assert.ok(md.includes('`payment_error`'));
    assert.ok(md.includes('HTTP status:** 400'));
    assert.ok(md.includes('Create a PaymentIntent'));
    assert.ok(md.includes('**Retry:**'));
    assert.ok(md.includes('command:uqpayErrors.openCatalog?' + encodeURIComponent(JSON.stringify(['payment/payment_link_expired']))));
    assert.ok(md.includes('https://developers.uqpay.com/global-acquiring/v1.6/api-reference/error-codes'));
  });

  it('explains a code in any literal (a constant, a map key), not only in comparisons', () => {
    assert.ok(hover('javascript', `${UQ}const KNOWN = { 'insufficient_bal|ance': 'top up first' };`)!.includes("Merchant’s available balance is insufficient"));
  });

  it('leaves a two-word code alone outside an error-code context where nothing says UQPAY, but not a distinctive one', () => {
    assert.equal(hover('javascript', `const KNOWN = { 'insufficient_bal|ance': 'top up first' };`), null);
    assert.ok(hover('javascript', `const KNOWN = { 'refund_amount_exc|eeded': 'lower it' };`)!.includes('Refund amount exceeded original transaction amount'));
    assert.ok(hover('javascript', `if (e.code === 'insufficient_bal|ance') {}`)!.includes("Merchant’s available balance is insufficient"));
  });

  it('shows every group of a shared code, and narrows it by the sibling type in JSON', () => {
    const all = hover('python', `if e.code == "product_not_fo|und":\n    pass`)!;
    assert.ok(all.includes('Payment errors') && all.includes('Payout errors'));
    const json = hover('json', `{"type":"payout_error","code":"invalid_para|meter","message":"Invalid request parameters: amount"}`)!;
    assert.ok(json.includes('Update Bank Account'), 'the payout row');
    assert.ok(!json.includes('General errors'), 'narrowed to one group');
  });

  it('narrows a shared code by the endpoint path nearby', () => {
    const md = hover('go', `resp, err := c.Post("/v2/payment/payout/create", body)\nif apiErr.Code == "invalid_par|ameter" {}`)!;
    assert.ok(md.includes('Create Payout'));
    assert.ok(!md.includes('List all refunds'), 'not the refund row');
  });

  it('explains the api_error status rules: 500 for the api_error code', () => {
    const md = hover('json', `{"type":"api_error","code":"api_e|rror","message":"An internal error occurred, please try again."}`)!;
    assert.ok(md.includes('500'));
  });

  it('explains a type name: its status and codes', () => {
    const md = hover('json', `{"type":"not_fo|und","code":"not_found_id","message":"Not Found ID"}`)!;
    assert.ok(md.includes('`not_found`') && md.includes('400') && md.includes('`not_found_id`'));
    const api = hover('typescript', `${UQ}if (err.type === 'api_er|ror') {}`)!;
    assert.ok(api.includes('429') && api.includes('500'));
  });

  it('explains the numeric envelope-B code', () => {
    const md = hover('json', `{"code":2|00,"message":"Request is processing, please try again later."}`)!;
    assert.ok(md.includes('Request is processing, please try again later.'));
  });

  it('explains a code in a YAML value, a Markdown fence and a log line', () => {
    assert.ok(hover('yaml', `error:\n  code: refund_amount_exc|eeded\n  type: refund_error\n`)!.includes('Refund amount exceeded original transaction amount'));
    assert.ok(hover('markdown', "# Errors\n```ts\nif (e.code === 'refund_proce|ssing') {}\n```\n")!.includes('Refund is processing, please try again after'));
    assert.ok(hover('log', `2026-11-25 ERROR payout failed code=insufficient_bal|ance`)!.includes('insufficient_balance'));
  });

  it('explains a code in a case label or comparison in every code language', () => {
    const cases: [string, string][] = [
      ['java', `switch (e.getCode()) { case "insufficient_bal|ance" -> topUp(); default -> {} }`],
      ['kotlin', `when (e.code) { "insufficient_bal|ance" -> topUp() }`],
      ['csharp', `if (e.Code == "insufficient_bal|ance") { }`],
      ['php', `<?php if ($e->code === 'insufficient_bal|ance') {}`],
      ['ruby', `case e.code\nwhen "insufficient_bal|ance" then top_up\nend`],
      ['rust', `match err.code.as_str() { "insufficient_bal|ance" => top_up(), _ => {} }`],
      ['swift', `switch error.code { case "insufficient_bal|ance": topUp() default: break }`],
      ['typescriptreact', `if (err.code === 'insufficient_bal|ance') return <TopUp />;`],
    ];
    for (const [lang, src] of cases) {
      const md = hover(lang, src);
      assert.ok(md && md.includes('Merchant’s available balance is insufficient') && md.includes('Create Payout'), lang);
    }
  });

  it('answers in Chinese when docsLanguage is zh-CN', () => {
    const md = hover('typescript', `${UQ}if (err.code === 'order_can|celled') {}`, { ...DEFAULT_SETTINGS, docsLanguage: 'zh-CN' })!;
    assert.ok(md.includes('处理建议') && md.includes('Order cancelled'));
  });

  it('says nothing for ordinary strings, comments, and unknown words', () => {
    assert.equal(hover('typescript', `const s = 'hello wo|rld';`), null);
    assert.equal(hover('typescript', `// if (err.code === 'payment_link_exp|ired')`), null);
    assert.equal(hover('python', `# e.code == "payment_link_exp|ired"`), null);
    assert.equal(hover('typescript', `const t = 'payment_er|ror';`), null, 'a type name outside a type or code context');
  });
});

describe('service: JSON Lines', () => {
  // the scan for diagnostics reads only lines with a "code"; hover and completion on a line with
  // just a "type" read that line when asked, and must answer as they do in a JSON document
  const typeLine = '{"type":"refund_e|rror"}';
  const log = (line: string) => `{"payment_intent_id":"PI1","payment_method":{"type":"card"}}\n${line}\n{"code":200,"message":"Request is processing, please try again later."}`;
  it('hovers a type on a line without a code as in JSON', () => {
    const h = hover('jsonl', log(typeLine));
    assert.ok(h && h.includes('refund_error'), String(h));
    assert.equal(h, hover('json', typeLine));
  });
  it('completes a type on a line without a code as in JSON', () => {
    const list = completion('jsonl', log('{"type":"|","message":"Refund failed"}'));
    assert.ok(list && list.includes('refund_error') && !list.includes('refund_processing'), String(list));
    assert.deepEqual(list, completion('json', '{"type":"|","message":"Refund failed"}'));
  });
});

describe('service: completion', () => {
  const every = (labels: string[] | null) => {
    assert.ok(labels, 'a list');
    for (const c of ['retrieve_refund_failed', 'insufficient_balance', 'invalid idempotency key format', '3ds_required']) assert.ok(labels!.includes(c), c);
  };

  it('offers codes inside a string compared with err.code (TS ===, both sides)', () => {
    every(completion('typescript', `${UQ}if (err.code === '|') {}`));
    every(completion('typescript', `${UQ}if ('|' === err.code) {}`));
  });
  it('offers codes in case labels of switches in TS, Go, Java, C#, Swift, PHP', () => {
    every(completion('typescript', `${UQ}switch (err.code) {\n  case 'api_error': break;\n  case '|'\n}`));
    every(completion('go', `// UQPAY\nswitch apiErr.Code {\ncase "|":\n}`));
    every(completion('java', `// UQPAY\nswitch (e.getCode()) {\n  case "|" -> retry();\n}`));
    every(completion('csharp', `// UQPAY\nswitch (e.Code) {\n  case "|": break;\n}`));
    every(completion('swift', `// UQPAY\nswitch error.code {\ncase "|": break\n}`));
    every(completion('php', `// UQPAY\nswitch ($e->getCode()) {\n  case '|': break;\n}`));
  });
  it('offers codes in match/when arms: Python, Kotlin, Rust, PHP match, C# switch expressions, Ruby', () => {
    every(completion('python', `# UQPAY\nmatch e.code:\n    case "|":\n        pass`));
    every(completion('kotlin', `// UQPAY\nwhen (e.code) {\n    "|" -> retry()\n}`));
    every(completion('rust', `// UQPAY\nmatch err.code.as_str() {\n    "|" => retry(),\n    _ => {}\n}`));
    every(completion('php', `// UQPAY\n$r = match ($e->code) {\n    '|' => 1,\n};`));
    every(completion('csharp', `// UQPAY\nvar r = e.Code switch {\n    "|" => 1,\n    _ => 0\n};`));
    every(completion('ruby', `# UQPAY\ncase e.code\nwhen "|"\n  retry\nend`));
  });
  it('offers codes in Java equals (both ways), Python in (...) and Kotlin ==', () => {
    every(completion('java', `// UQPAY\nif ("|".equals(e.getCode())) {}`));
    every(completion('java', `// UQPAY\nif (e.getCode().equals("|")) {}`));
    every(completion('python', `# UQPAY\nif e.code in ("api_error", "|"):\n    pass`));
    every(completion('kotlin', `// UQPAY\nif (e.code == "|") {}`));
  });
  it('offers nothing in code that names no UQPAY sign; a response file is read as one anyway', () => {
    assert.equal(completion('typescript', `if (err.code === '|') {}`), null);
    assert.equal(completion('python', `if e.type == "|":\n    pass`), null);
    assert.equal(completion('go', `body := map[string]string{"type": "payment_error", "code": "|"}`), null);
    assert.ok(completion('json', `{"type":"refund_error","code":"|"}`)!.includes('refund_amount_exceeded'));
  });
  it('replaces the whole content of the literal', () => {
    const { doc, pos } = docAt('typescript', `${UQ}if (err.code === 'ref|und_x') {}`);
    const item = service.doComplete(doc, pos)!.items.find((i) => i.label === 'refund_processing')!;
    const edit = item.textEdit as TextEdit;
    assert.equal(doc.getText(edit.range), 'refund_x');
  });
  it('ranks the codes of the endpoint called nearby first', () => {
    const labels = completion('typescript', `${UQ}try { await client.payment.payouts.create(req) } catch (err) {\n  if (err.code === '|') {}\n}`)!;
    assert.ok(labels.indexOf('insufficient_balance') < labels.indexOf('refund_processing'));
  });
  it('ranks the codes of the group a switch already handles first, and the handled ones last', () => {
    const labels = completion('typescript', `${UQ}switch (err.code) {\n  case 'create_customer_failed': break;\n  case '|': break;\n}`)!;
    assert.deepEqual(labels.slice(0, 2).sort(), ['retrieve_customer_failed', 'update_customer_failed']);
    assert.equal(labels[labels.length - 1], 'create_customer_failed');
  });
  it('offers codes and types in JSON, codes narrowed by the sibling type', () => {
    assert.deepEqual(completion('json', `{"type":"customer_error","code":"|"}`)!.sort(), ['create_customer_failed', 'retrieve_customer_failed', 'update_customer_failed']);
    const types = completion('json', `{"type":"|","code":"x"}`)!;
    assert.ok(types.includes('not_found') && types.includes('unauthorized_error') && !types.includes('api_error_x'));
    every(completion('jsonc', `// mock\n{"message": "Declined", "code": "|`));
  });
  it('offers codes in a YAML code value', () => {
    every(completion('yaml', `error:\n  message: Declined\n  code: |`));
    every(completion('yaml', `# UQPAY mock\nerror:\n  code: |`));
  });
  it('offers nothing for a lone type or code key in data that names no UQPAY sign', () => {
    assert.equal(completion('json', `{"name": "shop", "type": "|"}`), null, 'package.json');
    assert.equal(completion('jsonc', `{"configurations": [{"type": "|", "request": "launch"}]}`), null, 'launch.json');
    assert.equal(completion('json', `{"languages": [{"code": "|", "name": "English"}]}`), null, 'a language code');
    assert.equal(completion('yaml', `spec:\n  type: |\n  ports:\n    - port: 80\n`), null, 'a Kubernetes service');
    assert.ok(completion('json', `{"_note": "UQPAY sandbox mock", "type": "|"}`)!.includes('refund_error'), 'a UQPAY document');
  });
  it('offers nothing for ordinary strings, comments, interpolated strings and outside literals', () => {
    assert.equal(completion('typescript', `const s = '|';`), null);
    assert.equal(completion('typescript', `// err.code === '|'`), null);
    assert.equal(completion('typescript', `if (err.code === \`\${x}|\`) {}`), null);
    assert.equal(completion('typescript', `if (err.code === |) {}`), null);
    assert.equal(completion('json', `{"name":"|"}`), null);
  });
});

describe('service: diagnostics', () => {
  it('flags a misspelt code with "did you mean", in every language family', () => {
    const cases: [string, string][] = [
      ['typescript', `${UQ}if (err.code === 'refund_amount_exceded') {}`],
      ['javascript', `// uses uqpay\nswitch (err.code) { case 'refund_amount_exceded': break; }`],
      ['python', `from uqpay import UQPayError\nif e.code == "refund_amount_exceded":\n    pass`],
      ['go', `// uqpay-sdk-go\nswitch apiErr.Code {\ncase "refund_amount_exceded":\n}`],
      ['java', `import com.uqpay.UqpayApiException;\nif ("refund_amount_exceded".equals(e.getCode())) {}`],
      ['kotlin', `// UQPAY\nwhen (e.code) {\n    "refund_amount_exceded" -> {}\n}`],
      ['csharp', `// UQPAY\nvar r = e.Code switch { "refund_amount_exceded" => 1, _ => 0 };`],
      ['php', `<?php // UqpayException\nif ($e->code === 'refund_amount_exceded') {}`],
      ['ruby', `# uqpay\ncase e.code\nwhen "refund_amount_exceded" then retry\nend`],
      ['rust', `// uqpay\nmatch err.code.as_str() { "refund_amount_exceded" => {}, _ => {} }`],
      ['swift', `// UQPAY\nswitch error.code {\ncase "refund_amount_exceded": break\ndefault: break\n}`],
    ];
    for (const [lang, src] of cases) {
      const { doc } = docAt(lang, src);
      const ds = service.doValidation(doc);
      assert.equal(ds.length, 1, `${lang}: ${JSON.stringify(ds)}`);
      assert.equal(ds[0].code, 'unknown-error-code', lang);
      assert.equal(ds[0].source, 'uqpay-errors');
      assert.ok(String(ds[0].message).includes("did you mean 'refund_amount_exceeded'?"), `${lang}: ${ds[0].message}`);
      assert.equal(doc.getText(ds[0].range), '"refund_amount_exceded"'.replace(/"/g, doc.getText(ds[0].range)[0]), lang);
    }
  });

  it('finds the subject of a long Python match and Ruby case (the last of 1,000 labels)', () => {
    const py = ['import uqpay', 'match e.code:', ...Array.from({ length: 1000 }, () => '    case "api_error":\n        pass'), '    case "refund_procesing":', '        pass'].join('\n');
    assert.deepEqual(diagnostics('python', py), [['unknown-error-code', '"refund_procesing"']]);
    const rb = ['# uqpay', 'case e.code', ...Array.from({ length: 1000 }, () => 'when "api_error"\n  nil'), 'when "refund_procesing"', '  nil', 'end'].join('\n');
    assert.deepEqual(diagnostics('ruby', rb), [['unknown-error-code', '"refund_procesing"']]);
  });

  it('leaves an unknown code with no close catalog code alone even in a UQPAY file (UQPAY Banking/Issuing and other APIs have their own codes)', () => {
    assert.deepEqual(diagnostics('typescript', `${UQ}if (err.code === 'card_declined_hard') {}`), []);
    assert.deepEqual(diagnostics('typescript', `${UQ}if (err.code === 'virtual_account_application_not_found') {}`), []);
  });

  it('reports a misspelt catalog code in an error-code context even where nothing else says UQPAY', () => {
    assert.deepEqual(diagnostics('typescript', `if (err.code === 'refund_amount_exceded') {}`), [['unknown-error-code', "'refund_amount_exceded'"]]);
  });

  it('flags a type compared with a code', () => {
    assert.deepEqual(diagnostics('typescript', `${UQ}if (err.code === 'payment_error') {}`), [['type-used-as-code', "'payment_error'"]]);
    assert.deepEqual(diagnostics('json', `{"type":"not_found","code":"not_found","message":"x"}`), [['type-used-as-code', '"not_found"']]);
  });

  it('does not treat api_error and unauthorized_error as types used as codes: they are codes too', () => {
    assert.deepEqual(diagnostics('typescript', `${UQ}if (err.code === 'api_error' || err.code === 'unauthorized_error') {}`), []);
  });

  it('flags a code that does not come with its type, and an HTTP status that does not match', () => {
    assert.deepEqual(diagnostics('json', `{"type":"payout_error","code":"refund_processing","message":"Refund is processing, please try again after"}`),
      [['code-type-mismatch', '"payout_error"']]);
    assert.deepEqual(diagnostics('http', `GET https://api-sandbox.uqpaytech.com/api/v2/payment_intents/PI1\n\nHTTP/1.1 404 Not Found\ncontent-type: application/json\n\n{"type":"not_found","code":"not_found_id","message":"Not Found ID"}`),
      [['http-status-mismatch', '404']]);
    assert.deepEqual(diagnostics('log', `< HTTP/2 400\n< content-type: application/json\n{"type":"customer_error","code":"insufficient_balance","message":"Merchant’s available balance is insufficient"}`),
      [['code-type-mismatch', '"customer_error"']]);
    assert.deepEqual(diagnostics('plaintext', `HTTP/1.1 400 Bad Request\n\n{"type":"api_error","code":"velocity_limit_exceeded","message":"Transaction frequency/amount exceeds risk control thresholds (HTTP 429)"}`),
      [['http-status-mismatch', '400']]);
    assert.deepEqual(diagnostics('plaintext', `HTTP/1.1 500 Internal Server Error\n\n{"type":"api_error","code":"api_error","message":"An internal error occurred, please try again."}`), []);
  });

  it('checks the HTTP status a JSON log keeps next to the body', () => {
    assert.deepEqual(diagnostics('jsonl', `{"ts":"2026-11-25T10:00:00Z","status":404,"body":{"type":"not_found","code":"not_found_id","message":"Not Found ID"}}\n{"status":400,"body":{"type":"not_found","code":"not_found_id","message":"Not Found ID"}}\n{"statusCode":429,"type":"api_error","code":"velocity_limit_exceeded","message":"x"}`),
      [['http-status-mismatch', '404']]);
    assert.deepEqual(diagnostics('jsonl', `{"status":"failed","body":{"type":"not_found","code":"not_found_id","message":"Not Found ID"}}`), []);
  });

  it('reports the envelope-B body as information', () => {
    const { doc } = docAt('jsonl', `{"code":200,"message":"Request is processing, please try again later."}`);
    const ds = service.doValidation(doc);
    assert.deepEqual(ds.map((d) => [d.code, d.severity, doc.getText(d.range)]), [['envelope-b-pending', 3, '200']]);
  });

  it('checks JSON error bodies in JSON, JSON Lines, YAML and Markdown fences', () => {
    assert.deepEqual(diagnostics('jsonl', `{"type":"refund_error","code":"refund_procesing","message":"x"}\n{"type":"refund_error","code":"refund_processing","message":"x"}`),
      [['unknown-error-code', '"refund_procesing"']]);
    assert.deepEqual(diagnostics('yaml', `body:\n  type: payout_error\n  code: insuficient_balance\n  message: x\n`), [['unknown-error-code', 'insuficient_balance']]);
    assert.deepEqual(diagnostics('markdown', "Prose with 'refund_procesing' is fine.\n```json\n{\"type\":\"refund_error\",\"code\":\"refund_procesing\",\"message\":\"x\"}\n```\n"),
      [['unknown-error-code', '"refund_procesing"']]);
  });

  it('leaves other APIs\' error bodies and success bodies alone', () => {
    assert.deepEqual(diagnostics('json', `{"type":"card_error","code":"card_declined","message":"Your card was declined."}`), []);
    assert.deepEqual(diagnostics('json', `{"code":0,"message":"success","data":{}}`), []);
    assert.deepEqual(diagnostics('json', `{"code":"E_PARSE","message":"Unexpected token"}`), []);
  });

  it('stays silent for ordinary strings, comments, unfinished and empty literals', () => {
    assert.deepEqual(diagnostics('typescript', `${UQ}const msg = 'refund_amount_exceded';\n// if (err.code === 'refund_amount_exceded') {}\n/* err.code === 'payment_error' */`), []);
    assert.deepEqual(diagnostics('typescript', `${UQ}if (err.code === 'refund_amount_exce\n`), []);
    assert.deepEqual(diagnostics('typescript', `${UQ}if (err.code === '') {}`), []);
    assert.deepEqual(diagnostics('python', `import uqpay\n# if e.code == "refund_amount_exceded":\nlog("refund_amount_exceded")`), []);
    assert.deepEqual(diagnostics('json', `{"type":"refund_error","code":"refund_proc`), []);
  });

  it('stays silent in code that is not about UQPAY (other APIs use err.code too)', () => {
    assert.deepEqual(diagnostics('typescript', `if (err.code === 'ENOENT' || err.code === 'invalid_grant' || e.code === 'payment_error') {}`), []);
    assert.deepEqual(diagnostics('typescript', `${UQ}if (err.code === 'ECONNRESET' || err.code === 'timeout') {}`), []);
  });

  it('honours severities: a level per code, and off', () => {
    const src = `${UQ}if (err.code === 'refund_amount_exceded' || err.code === 'payment_error') {}`;
    const { doc } = docAt('typescript', src);
    const s: ServiceSettings = { ...DEFAULT_SETTINGS, severity: { ...DEFAULT_SETTINGS.severity, 'unknown-error-code': 'error', 'type-used-as-code': 'off' } };
    assert.deepEqual(service.doValidation(doc, s).map((d) => [d.code, d.severity]), [['unknown-error-code', 1]]);
    assert.deepEqual(service.doValidation(doc, { ...DEFAULT_SETTINGS, enable: false }), []);
    assert.deepEqual(service.doValidation(doc, { ...DEFAULT_SETTINGS, languages: ['python'] }), []);
  });
});

describe('service: code actions', () => {
  async function actions(languageId: string, src: string, only?: string[], settings?: ServiceSettings): Promise<{ doc: TextDocument; actions: CodeAction[]; diags: Diagnostic[] }> {
    const { doc, pos } = docAt(languageId, src);
    const diags = service.doValidation(doc, settings);
    const acts = await service.doCodeActions(doc, { start: pos, end: pos }, { diagnostics: diags, only }, settings);
    return { doc, actions: acts, diags };
  }

  it('replaces a misspelt code with the suggestion (preferred when it is the only one)', async () => {
    const { doc, actions: acts } = await actions('typescript', `${UQ}if (err.code === 'refund_amount_ex|ceded') {}`);
    const fix = acts.find((a) => a.title.includes('refund_amount_exceeded'))!;
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.equal(apply(doc, fix.edit!.changes![doc.uri]), `${UQ}if (err.code === 'refund_amount_exceeded') {}`);
  });

  it('the preferred replacement gives the right code in every code language', async () => {
    const cases: [string, string, string][] = [
      ['kotlin', `// uqpay\nwhen (e.code) { "refund_procesi|ng" -> wait() }`, `// uqpay\nwhen (e.code) { "refund_processing" -> wait() }`],
      ['csharp', `// uqpay\nvar r = e.Code switch { "refund_procesi|ng" => 1, _ => 0 };`, `// uqpay\nvar r = e.Code switch { "refund_processing" => 1, _ => 0 };`],
      ['rust', `// uqpay\nmatch code { "refund_procesi|ng" => 1, _ => 0 }`, `// uqpay\nmatch code { "refund_processing" => 1, _ => 0 }`],
      ['ruby', `# uqpay\ncase e.code\nwhen 'refund_procesi|ng' then wait\nend`, `# uqpay\ncase e.code\nwhen 'refund_processing' then wait\nend`],
      ['php', `<?php // uqpay\n$r = match ($e->code) { 'refund_procesi|ng' => 1, default => 0 };`, `<?php // uqpay\n$r = match ($e->code) { 'refund_processing' => 1, default => 0 };`],
      ['swift', `// uqpay\nswitch error.code { case "refund_procesi|ng": wait() default: break }`, `// uqpay\nswitch error.code { case "refund_processing": wait() default: break }`],
      ['yaml', `body:\n  type: refund_error\n  code: refund_procesi|ng\n  message: x\n`, `body:\n  type: refund_error\n  code: refund_processing\n  message: x\n`],
      ['markdown', "```py\n# uqpay\nif e.code == 'refund_procesi|ng':\n    pass\n```\n", "```py\n# uqpay\nif e.code == 'refund_processing':\n    pass\n```\n"],
    ];
    for (const [lang, src, want] of cases) {
      const { doc, actions: acts } = await actions(lang, src);
      const fix = acts.find((a) => a.isPreferred);
      assert.ok(fix, `${lang}: ${JSON.stringify(acts.map((a) => a.title))}`);
      assert.equal(apply(doc, fix!.edit!.changes![doc.uri]), want, lang);
    }
  });

  it('offers each suggestion, none preferred, when several are close', async () => {
    const { actions: acts } = await actions('typescript', `${UQ}if (err.code === 'create_customer_fa|ild') {}`);
    const titles = acts.filter((a) => a.kind === 'quickfix').map((a) => a.title);
    assert.ok(titles.some((t) => t.includes("'create_customer_failed'")) && titles.some((t) => t.includes("'update_customer_failed'")));
    assert.ok(acts.every((a) => !a.isPreferred));
  });

  it('fixes a type compared with a code by comparing the type field instead', async () => {
    const ts = await actions('typescript', `${UQ}if (err.code === 'payment_e|rror') {}`);
    assert.equal(apply(ts.doc, ts.actions[0].edit!.changes![ts.doc.uri]), `${UQ}if (err.type === 'payment_error') {}`);
    const go = await actions('go', `// uqpay\nif apiErr.Code == "payout_e|rror" {}`);
    assert.equal(apply(go.doc, go.actions[0].edit!.changes![go.doc.uri]), `// uqpay\nif apiErr.Type == "payout_error" {}`);
    const py = await actions('python', `# uqpay\nif body["code"] == "not_fo|und":\n    pass`);
    assert.equal(apply(py.doc, py.actions[0].edit!.changes![py.doc.uri]), `# uqpay\nif body["type"] == "not_found":\n    pass`);
  });

  it('offers no rename where the expression has no type twin (a getter, a bare variable)', async () => {
    const java = await actions('java', `// uqpay\nif (e.getCode().equals("payment_e|rror")) {}`);
    assert.equal(java.diags.length, 1);
    assert.equal(java.actions.length, 0);
  });

  it('source.fixAll.uqpayErrors fixes every code with exactly one suggestion', async () => {
    const src = `|${UQ}if (err.code === 'refund_amount_exceded' || err.code === 'insuficient_balance' || err.code === 'create_customer_faild') {}`;
    const { doc, actions: acts } = await actions('typescript', src, ['source.fixAll.uqpayErrors']);
    assert.equal(acts.length, 1);
    assert.equal(acts[0].kind, 'source.fixAll.uqpayErrors');
    assert.equal(apply(doc, acts[0].edit!.changes![doc.uri]),
      `${UQ}if (err.code === 'refund_amount_exceeded' || err.code === 'insufficient_balance' || err.code === 'create_customer_faild') {}`);
  });

  it('titles every fix in Chinese when docsLanguage is zh-CN; the codes and the new member stay as written', async () => {
    const zh: ServiceSettings = { ...DEFAULT_SETTINGS, docsLanguage: 'zh-CN' };
    const one = await actions('typescript', `${UQ}if (err.code === 'refund_amount_ex|ceded') {}`, undefined, zh);
    assert.deepEqual(one.actions.map((a) => a.title), ['替换为“refund_amount_exceeded”']);
    const several = await actions('typescript', `${UQ}if (err.code === 'create_customer_fa|ild') {}`, undefined, zh);
    assert.ok(several.actions.some((a) => a.title === '替换为“update_customer_failed”'), JSON.stringify(several.actions.map((a) => a.title)));
    const type = await actions('typescript', `${UQ}if (err.code === 'payment_e|rror') {}`, undefined, zh);
    assert.deepEqual(type.actions.map((a) => a.title), ['改为比较 type 字段（type）']);
    const all = await actions('typescript', `|${UQ}if (err.code === 'refund_amount_exceded' || err.code === 'insuficient_balance') {}`, ['source.fixAll.uqpayErrors'], zh);
    assert.deepEqual(all.actions.map((a) => a.title), ['修正 2 个拼错的 UQPAY 错误码']);
    // English stays the default
    const en = await actions('typescript', `|${UQ}if (err.code === 'refund_amount_exceded') {}`, ['source.fixAll.uqpayErrors']);
    assert.deepEqual(en.actions.map((a) => a.title), ['Fix 1 misspelt UQPAY error code']);
  });

  it('returns the switch helper\'s "Add missing cases" action from the same request', async () => {
    const { actions: acts } = await actions('typescript', `${UQ}switch (err.code) {\n  case 'create_customer_failed': break;\n  case 'upd|ate_customer_failed': break;\n}`);
    assert.ok(acts.some((a) => /Add 1 missing UQPAY error case/.test(a.title)), JSON.stringify(acts.map((a) => a.title)));
  });
});

describe('service: languages', () => {
  it('maps file names to language ids', () => {
    assert.deepEqual(['a.ts', 'b.tsx', 'c.py', 'd.jsonl', 'e.http', 'f.rest', 'g.yml', 'h.kt', 'i.cs', 'j.rs', 'k.log', 'l.unknown'].map(languageIdForPath),
      ['typescript', 'typescriptreact', 'python', 'jsonl', 'http', 'http', 'yaml', 'kotlin', 'csharp', 'rust', 'log', undefined]);
  });
});

describe('service: hostile input', function () {
  this.timeout(120000);
  it('answers every feature on junk, deep nesting and unterminated everything without throwing', async () => {
    const junk = [
      '['.repeat(100000),
      '{"code":'.repeat(20000),
      '"\\'.repeat(20000),
      '\u0000\uffff\ud800'.repeat(10000),
      "case '".repeat(5000) + 'switch (err.code) {'.repeat(2000),
      '```ts\n'.repeat(3000),
      'HTTP/1.1 400\n{'.repeat(5000),
    ];
    for (const lang of ['typescript', 'python', 'ruby', 'go', 'rust', 'csharp', 'php', 'swift', 'kotlin', 'java', 'json', 'jsonl', 'yaml', 'markdown', 'log', 'http']) {
      for (const text of junk) {
        const doc = TextDocument.create(`test://junk/${version++}`, lang, 1, text);
        const pos = doc.positionAt(text.length >> 1);
        assert.ok(Array.isArray(service.doValidation(doc)), lang);
        service.doHover(doc, pos);
        service.doComplete(doc, pos);
        assert.ok(Array.isArray(await service.doCodeActions(doc, { start: pos, end: pos }, { diagnostics: [] })), lang);
      }
    }
  });
});

describe('service: literals with escapes', () => {
  it('reads a long literal whose escapes make it a misspelt code as the code it spells', () => {
    // 96 characters in the source (more than a code may have), `refund_procesing` once unescaped
    const escaped = 'refund_procesing'.split('').map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join('');
    const found = diagnostics('typescript', `// uqpay\nif (err.code === '${escaped}') {}`);
    assert.equal(found.length, 1);
    assert.equal(found[0][0], 'unknown-error-code');
  });
});
