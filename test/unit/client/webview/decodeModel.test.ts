// The decode panel's cards and the "Copy report" Markdown, fed by the real decode library.
import assert from 'node:assert/strict';
import { decode } from '../../../../catalog/src/decode';
import { loadBuiltinCatalog } from '../../../../catalog/src/builtin';
import type { Finding } from '../../../../catalog/src/types';
import { cardText, debounceDelay, findingCard, problemLine, sizeText, summaryText } from '../../../../client/src/webview/decode/model';
import { UI_STRINGS } from '../../../../client/src/webview/strings';
import { retryLabels } from '../../../../client/src/panels/hostEnv';
import { decodeReport } from '../../../../client/src/report';

const catalog = loadBuiltinCatalog();
const strings = { ...UI_STRINGS };
const card = (f: Finding, lang: 'en' | 'zh-CN' = 'en') => cardText(findingCard(f, 0, lang, strings, retryLabels(lang)));

describe('decode panel: cards', () => {
  it('shows a known envelope-A response with its meaning, advice, retry verdict and request id', () => {
    const r = decode('HTTP/1.1 400 Bad Request\nx-request-id: req_7f3a\n\n{"type":"payment_error","code":"retrieve_payment_intent_failed","message":"Retrieve payment intent failed"}', catalog);
    assert.equal(r.findings.length, 1);
    const c = findingCard(r.findings[0]!, 0, 'en', strings, retryLabels('en'));
    assert.equal(c.title, 'Response 1: retrieve_payment_intent_failed');
    assert.equal(c.hasProblems, false);
    const text = cardText(c);
    assert.match(text, /^Envelope: A: \{type, code, message\}$/m);
    assert.match(text, /^Type: payment_error$/m);
    assert.match(text, /^HTTP status: 400$/m);
    assert.match(text, /^Message: Retrieve payment intent failed$/m);
    assert.match(text, /^Request id: req_7f3a$/m);
    assert.match(text, /^What it means: .+/m);
    assert.match(text, /^What to do: .+/m);
    assert.match(text, /^Retry: .+/m);
    assert.deepEqual(c.entryIds.map((e) => e.id), ['payment/retrieve_payment_intent_failed']);
  });

  it('marks a status that differs from the type table and says what was expected', () => {
    // not_found comes back as HTTP 400 per the seed's type table, so a 404 is a mismatch.
    const r = decode('HTTP/2 404\n\n{"type":"not_found","code":"not_found_id","message":"Not Found ID"}', catalog);
    const text = card(r.findings[0]!);
    assert.match(text, /^! HTTP status: 404 \(expected 400\)$/m);
    assert.match(text, /^! Problems:$/m);
  });

  it('marks an unknown code and lists the suggestions', () => {
    const r = decode('{"type":"refund_error","code":"refund_amount_exeeded","message":"x"}', catalog);
    const f = r.findings[0]!;
    assert.equal(f.known, false);
    const text = card(f);
    assert.match(text, /^! Code: refund_amount_exeeded$/m);
    assert.match(text, /Did you mean: refund_amount_exceeded/);
  });

  it('labels meanings by group when a code stands in several groups', () => {
    const r = decode('{"code":"product_not_found","message":"Product not found or inactive","type":"product_error"}', catalog);
    const c = findingCard(r.findings[0]!, 0, 'en', strings, retryLabels('en'));
    const labels = c.rows.filter((x) => x.key === 'meaning').map((x) => x.label);
    assert.deepEqual(labels, ['What it means (Payment)', 'What it means (Payout)']);
    assert.equal(c.entryIds.length, 2);
  });

  it('shows envelope B (numeric code 200) as pending', () => {
    const r = decode('{"code":200,"message":"Request is processing, please try again later."}', catalog);
    const text = card(r.findings[0]!);
    assert.match(text, /^! Envelope: B: numeric code, no type/m);
    assert.match(text, /^Code: 200$/m);
  });

  it('writes meaning and advice in Chinese when the docs language is zh-CN', () => {
    const r = decode('{"type":"payout_error","code":"insufficient_balance","message":"Merchant’s available balance is insufficient"}', catalog);
    const zh = findingCard(r.findings[0]!, 0, 'zh-CN', strings, retryLabels('zh-CN'));
    const meaning = zh.rows.find((x) => x.key === 'meaning')!.value;
    assert.match(meaning, /[\u4e00-\u9fff]/);
    // No status line in a bare JSON body: the card says so and gives the expected one.
    assert.equal(zh.rows.find((x) => x.key === 'status')!.value, 'not in the paste (expected 400)');
  });

  it('explains what it accepts when nothing decodes, and counts findings otherwise', () => {
    const none = summaryText(decode('just some words', catalog), 15, strings, 'en');
    assert.equal(none.status, 'Nothing to decode here.');
    assert.equal(none.explain[0], strings.decodeAccepts);
    assert.equal(summaryText(null, 0, strings, 'en').status, 'Paste a response above to decode it.');
    const two = decode('{"type":"api_error","code":"api_error","message":"An internal error occurred, please try again."}\n{"code":200,"message":"Request is processing, please try again later."}', catalog);
    assert.equal(summaryText(two, 10, strings, 'en').status, '2 responses found');
    assert.equal(summaryText({ findings: two.findings.slice(0, 1), notes: [] }, 10, strings, 'en').status, '1 response found');
  });

  it('gives the library\'s notes in the panel\'s language, and its own text instead of the help note', () => {
    const success = decode('{"payment_intent_id":"PI1","intent_status":"SUCCEEDED"}', catalog);
    assert.deepEqual(summaryText(success, 60, strings, 'en').explain, [strings.decodeAccepts, 'Found 1 JSON object without error fields (success responses are not errors).']);
    assert.deepEqual(summaryText(success, 60, strings, 'zh-CN').explain, [strings.decodeAccepts, '找到 1 个不含错误字段的 JSON 对象（成功响应不是错误）。']);
    // A hostile host message's notes that are not notes read as nothing, never as a crash.
    const hostile = { findings: [], notes: [null, 7, { kind: 'nope' }] } as unknown as Parameters<typeof summaryText>[0];
    assert.deepEqual(summaryText(hostile, 1, strings, 'zh-CN').explain, [strings.decodeAccepts]);
  });

  it('says what each response was pasted as: JSON body, HTTP response, curl output, log line, SDK string', () => {
    const body = '{"type":"refund_error","code":"refund_amount_invalid","message":"Refund amount invalid"}';
    const found = (text: string) => findingCard(decode(text, catalog).findings[0]!, 0, 'en', strings, retryLabels('en')).rows.find((r) => r.key === 'source')!.value;
    assert.equal(found(body), 'JSON body');
    assert.equal(found(`HTTP/1.1 400 Bad Request\ncontent-type: application/json\n\n${body}`), 'HTTP response');
    assert.equal(found(`$ curl -si https://api-sandbox.uqpay.com/api/v2/payment/refunds\nHTTP/2 400\n\n${body}`), 'curl output');
    assert.equal(found(`* Connected to api-sandbox.uqpay.com\n> POST /api/v2/payment/refunds HTTP/2\n>\n< HTTP/2 400\n<\n${body}`), 'curl output');
    assert.equal(found(`2026-11-25T10:00:00Z ERROR refunds: ${body}`), 'log line');
    assert.equal(found('refund_amount_invalid: Refund amount invalid (HTTP 400)'), 'SDK error string');
  });

  it('sizes and debounce delays grow with the input', () => {
    assert.equal(sizeText(10), '10 B');
    assert.equal(sizeText(10 * 1024 * 1024), '10.0 MB');
    assert.ok(debounceDelay(10) < debounceDelay(10_000_000));
  });
});

describe('decode panel: Copy report', () => {
  const secret = 'sk_live_9a8b7c6d5e4f3a2b1c0d';
  const pan = '4111 1111 1111 1111';
  const input = [
    '> POST /api/v2/payment/refunds HTTP/1.1',
    `> x-auth-token: Bearer ${secret}`,
    '> x-idempotency-key: 0b6d1f0e-8f53-4c1a-9a59-2f1c7b0c9e11',
    '< HTTP/1.1 400 Bad Request',
    '< x-request-id: req_report_1',
    '<',
    `{"type":"refund_error","code":"refund_amount_exceeded","message":"Refund amount exceeded original transaction amount","card":"${pan}"}`,
  ].join('\n');

  it('is Markdown with the code, status, request id and advice, and no secret or card number', () => {
    const r = decode(input, catalog);
    const md = decodeReport(r, { lang: 'en', retryLabels: retryLabels('en'), version: '0.1.0', now: '2026-11-25T00:00:00.000Z' });
    assert.match(md, /^# UQPAY API error report\n/);
    assert.match(md, /## Response 1: `refund_amount_exceeded`/);
    assert.match(md, /- \*\*HTTP status:\*\* 400/);
    assert.match(md, /- \*\*Request id:\*\* `req_report_1`/);
    assert.match(md, /What to do \(Refund\)/);
    assert.match(md, /- \*\*Found in:\*\* curl output/);
    assert.ok(!md.includes(secret), 'token leaked');
    assert.ok(!md.replace(/\s/g, '').includes('4111111111111111'), 'card number leaked');
  });

  it('redacts what the user pasted, never our own advice', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZXJjaGFudCJ9.c2lnbmF0dXJlX3NlY3JldA';
    const r = decode(`HTTP/1.1 401 Unauthorized\nx-auth-token: Bearer ${token}\n\n{"type":"unauthorized_error","code":"unauthorized_error","message":"token ${token} expired"}`, catalog);
    const md = decodeReport(r, { lang: 'en', retryLabels: retryLabels('en') });
    assert.ok(!md.includes(token), 'token leaked');
    // The seed-based advice for unauthorized_error quotes the header shape; it arrives whole.
    assert.ok(md.includes('x-auth-token: Bearer \\<token\\>'), md);
    assert.ok(!/REDACTED\] \\<token/.test(md), md);
  });

  it('is in Chinese for zh-CN, with Chinese headings and punctuation', () => {
    const md = decodeReport(decode(input, catalog), { lang: 'zh-CN', retryLabels: retryLabels('zh-CN'), now: '2026-11-25T00:00:00.000Z' });
    assert.match(md, /^# UQPAY API 错误报告\n/);
    assert.match(md, /## 响应 1：`refund_amount_exceeded`/);
    assert.match(md, /- \*\*HTTP 状态码：\*\* 400/);
    assert.match(md, /- \*\*处理建议（退款）：\*\* /);
    assert.ok(!md.includes(secret), 'token leaked');
  });

  it('quotes the response\'s message in the Chinese message-mismatch problem, not decode\'s English sentence', () => {
    // The seed documents refund_amount_exceeded as "Refund amount exceeded original transaction amount".
    const r = decode('{"type":"payment_error","code":"refund_amount_exceeded","message":"Refund amount exceeded"}', catalog);
    const p = r.findings[0]!.problems.find((x) => x.code === 'message-mismatch')!;
    assert.equal(p.message, 'The message "Refund amount exceeded" differs from the documented "Refund amount exceeded original transaction amount".');
    assert.equal(problemLine(p, 'zh-CN', strings), 'message "Refund amount exceeded" 与文档中的 "Refund amount exceeded original transaction amount" 不同。');
  });

  it('writes decode\'s notes in the report\'s language', () => {
    const body = '{"type":"payment_error","code":"invalid_order_amount","message":"Invalid order amount"}';
    const r = decode(Array(5).fill(body).join('\n'), catalog, { maxFindings: 2 });
    assert.match(decodeReport(r, { lang: 'en', retryLabels: retryLabels('en') }), /- Showing the first 2 error responses; 3 more were skipped\./);
    const zh = decodeReport(r, { lang: 'zh-CN', retryLabels: retryLabels('zh-CN') });
    assert.match(zh, /- 只显示前 2 个错误响应，另有 3 个被略过。/);
    assert.doesNotMatch(zh, /Showing the first/);
  });

  it('redacts a secret even when a finding carries it unredacted', () => {
    const r = decode('{"type":"api_error","code":"api_error","message":"An internal error occurred, please try again."}', catalog);
    const f = { ...r.findings[0]!, message: `Authorization: Bearer ${secret}` };
    const md = decodeReport({ findings: [f], notes: [] }, { lang: 'en', retryLabels: retryLabels('en') });
    assert.ok(!md.includes(secret));
  });
});
