// One rule set for error bodies (issues 12 and 14): the editor's diagnostics and `decode` read the
// same text through catalog/src/bodyRules.ts and must agree. Expectations are written from the
// seed (not_found_id → 400; envelope B's code 200 = "Request is processing, please try again
// later.") and shared/reference/uqpay-sdk-facts.md (§2, §3.3, §14).
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decode, loadBuiltinCatalog, type ProblemCode } from '../../../catalog/src/index';
import { createErrorCodeService, DEFAULT_SETTINGS } from '../../../server/src/service';

const catalog = loadBuiltinCatalog();
const service = createErrorCodeService({ catalog });
let version = 1;

function editor(languageId: string, text: string): { code: string; text: string; message: string }[] {
  const doc = TextDocument.create(`test://bodies/${version}`, languageId, version++, text);
  return service.doValidation(doc).map((d) => ({ code: String(d.code), text: doc.getText(d.range), message: typeof d.message === 'string' ? d.message : d.message.value }));
}

function decoded(text: string): { problems: ProblemCode[]; retry: string | null } {
  const r = decode(text, catalog);
  assert.equal(r.findings.length, 1, JSON.stringify(r.findings.map((f) => f.code)));
  return { problems: r.findings[0].problems.map((p) => p.code).sort(), retry: r.findings[0].retry };
}

interface Case {
  name: string;
  languageId: string;
  text: string;
  /** [diagnostic code, covered text] */
  diagnostics: [string, string][];
  problems: ProblemCode[];
  retry?: string;
}

const CASES: Case[] = [
  {
    name: 'a .http response with HTTP 400 and a legacy code 200 that reports a failure: the status is flagged, not "pending"',
    languageId: 'http',
    text: 'POST https://api-sandbox.uqpaytech.com/api/v2/payment_intents/create\n\nHTTP/1.1 400 Bad Request\ncontent-type: application/json\n\n{"code":200,"message":"Invalid parameter"}',
    diagnostics: [['http-status-mismatch', '400']],
    problems: ['status-body-disagree'],
    retry: 'after_fix',
  },
  {
    name: 'a log with the pending body on HTTP 400: pending, as the gateway sends it while the first request runs',
    languageId: 'log',
    text: '< HTTP/2 400\n< content-type: application/json\n{"code":200,"message":"Request is processing, please try again later."}',
    diagnostics: [['envelope-b-pending', '200']],
    problems: ['envelope-b-pending', 'status-body-disagree'],
    retry: 'same_key',
  },
  {
    name: 'a JSON log record with an unknown code under api_error at 500: read by the type, no status mismatch',
    languageId: 'jsonl',
    text: '{"status":500,"body":{"type":"api_error","code":"server_error","message":"Internal server error"}}',
    diagnostics: [['unknown-error-code', '"server_error"']],
    problems: ['unknown-code'],
    retry: 'after_status_check',
  },
  {
    name: 'pasted HTTP with a Banking not_found code at 400: unknown, read by its type',
    languageId: 'plaintext',
    text: 'HTTP/1.1 400 Bad Request\n\n{"type":"not_found","code":"virtual_account_application_not_found","message":"virtual account application not found"}',
    diagnostics: [['unknown-error-code', '"virtual_account_application_not_found"']],
    problems: ['unknown-code'],
    retry: 'after_fix',
  },
  {
    name: 'a type written as the code at 404: type-used-as-code, no status mismatch',
    languageId: 'plaintext',
    text: 'HTTP/1.1 404 Not Found\n\n{"type":"not_found","code":"not_found","message":"Not found"}',
    diagnostics: [['type-used-as-code', '"not_found"']],
    problems: ['type-used-as-code'],
    retry: 'after_fix',
  },
  {
    name: 'a code the Node/Python SDKs make up for a 401: not an unknown code',
    languageId: 'json',
    text: '{"type":"unauthorized_error","code":"authentication_error","message":"Invalid authorization header","httpStatus":401}',
    diagnostics: [],
    problems: ['sdk-made', 'sdk-made'],
    retry: 'after_token_refresh',
  },
  {
    name: 'a known code at the wrong status keeps its status check',
    languageId: 'http',
    text: 'HTTP/1.1 404 Not Found\ncontent-type: application/json\n\n{"type":"not_found","code":"not_found_id","message":"Not Found ID"}',
    diagnostics: [['http-status-mismatch', '404']],
    problems: ['http-status-mismatch'],
  },
];

describe('error-body rules: the editor and decode agree', () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(editor(c.languageId, c.text).map((d) => [d.code, d.text]), c.diagnostics);
      const d = decoded(c.text);
      assert.deepEqual(d.problems, [...c.problems].sort());
      if (c.retry) assert.equal(d.retry, c.retry);
    });
  }

  it('phrases the disagreement in the editor with the status trusted, in English and Chinese', () => {
    const text = CASES[0].text;
    assert.match(editor('http', text)[0].message, /HTTP 400 and code 200 disagree: the status is trusted.*read as 'invalid_parameter'/);
    const doc = TextDocument.create(`test://bodies/${version}`, 'http', version++, text);
    const zh = service.doValidation(doc, { ...DEFAULT_SETTINGS, docsLanguage: 'zh-CN' });
    assert.match(String(zh[0].message), /以 HTTP 状态码为准/);
  });

  it('leaves a legacy-looking body under HTTP 400 alone in a file that shows no sign of UQPAY', () => {
    assert.deepEqual(editor('log', 'HTTP/1.1 400 Bad Request\n\n{"code":200,"message":"Invalid parameter"}'), []);
  });

  it('tells a failing legacy body from a pending one in a UQPAY file, without advising the same key', () => {
    const text = '{"code":200,"message":"Invalid parameter"}\n{"type":"payment_error","code":"order_cancelled","message":"Order cancelled"}';
    const ds = editor('jsonl', text);
    assert.deepEqual(ds.map((d) => [d.code, d.text]), [['envelope-b-pending', '200']]);
    assert.match(ds[0].message, /only with the pending message; this one reports a failure/);
  });

  it('says an unknown code under a documented type may come from another UQPAY API', () => {
    const ds = editor('plaintext', CASES[3].text);
    assert.match(ds[0].message, /may belong to another UQPAY API.*type 'not_found'/);
  });
});
