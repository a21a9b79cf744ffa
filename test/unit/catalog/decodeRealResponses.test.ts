// Responses as the gateway and the official SDKs really produce them (issue 14). Each expectation
// is written from shared/reference/uqpay-sdk-facts.md (section named per test) and the seed:
// invalid_parameter is invalid_request_error → HTTP 400, fix the request; unauthorized_error →
// 401, refresh the token; envelope B's code 200 is "Request is processing, please try again later."
import { strict as assert } from 'node:assert';
import { decode, loadBuiltinCatalog, type Finding, type ProblemCode } from '../../../catalog/src/index';

const catalog = loadBuiltinCatalog();

function only(text: string): Finding {
  const r = decode(text, catalog);
  assert.equal(r.findings.length, 1, `expected one finding, got ${JSON.stringify(r.findings.map((f) => [f.code, f.source.kind]))} ${r.notes.join(' | ')}`);
  return r.findings[0];
}

interface Reading {
  matches: string[];
  retry: string | null;
  basis: Finding['basis'];
  readAs: string | null;
  problems: ProblemCode[];
  httpStatus?: number | null;
  expectedHttpStatus?: number | null;
}

function reads(f: Finding, e: Reading): void {
  assert.deepEqual({
    matches: f.matches.map((m) => m.id).sort(),
    retry: f.retry,
    basis: f.basis,
    readAs: f.readAs?.type ?? null,
    problems: f.problems.map((p) => p.code).sort(),
    ...(e.httpStatus !== undefined ? { httpStatus: f.httpStatus } : {}),
    ...(e.expectedHttpStatus !== undefined ? { expectedHttpStatus: f.expectedHttpStatus } : {}),
  }, { ...e, matches: [...e.matches].sort(), problems: [...e.problems].sort() });
}

const problem = <C extends ProblemCode>(f: Finding, code: C) => f.problems.find((p) => p.code === code) as Extract<Finding['problems'][number], { code: C }> | undefined;

describe('decode: the HTTP status comes first (envelope B on a failure)', () => {
  // §3.4: the Node SDK documents {code:200,…} on HTTP 400 as a gateway quirk and trusts the status.
  const invalid = { matches: ['general/invalid_parameter'], retry: 'after_fix', basis: 'message' as const, readAs: null, problems: ['status-body-disagree' as const] };

  it('reads HTTP 400 with {"code":200,"message":"Invalid parameter"} as invalid parameter, never as pending', () => {
    const f = only('HTTP/1.1 400 Bad Request\ncontent-type: application/json\n\n{"code":200,"message":"Invalid parameter"}');
    reads(f, { ...invalid, httpStatus: 400, expectedHttpStatus: 400 });
    assert.equal(f.envelope, 'B');
    assert.equal(f.code, 200);
    const p = problem(f, 'status-body-disagree');
    assert.deepEqual(p && { status: p.status, value: p.value, trusted: p.trusted, readAs: p.readAs }, { status: 400, value: 200, trusted: 'status', readAs: 'invalid_parameter' });
    assert.match(p!.message, /HTTP 400 and the body's code 200 disagree\. The status was trusted/);
  });

  it('gives the same reading for the Go SDK string and a Python repr of that response', () => {
    // §5.1 Go Error(): "<code>: <message> (HTTP <status>)"; §4.3 Python keeps str(code).
    reads(only('200: Invalid parameter (HTTP 400)'), invalid);
    reads(only("ValidationError(type='invalid_request_error', code='200', message='Invalid parameter', http_status=400)"),
      { ...invalid, problems: ['status-body-disagree', 'sdk-made', 'sdk-made'] });
  });

  it('keeps the pending verdict when the message is the pending one, and says why the status was not trusted', () => {
    // §10.3: the pending body arrives with HTTP 400 while the first request with the key runs.
    const f = only('HTTP/1.1 400 Bad Request\n\n{"code":200,"message":"Request is processing, please try again later."}');
    reads(f, { matches: ['general/200'], retry: 'same_key', basis: 'code', readAs: null, problems: ['envelope-b-pending', 'status-body-disagree'] });
    assert.equal(problem(f, 'status-body-disagree')?.trusted, 'message');
  });

  it('does not call a bare legacy body pending when its message reports a failure', () => {
    const f = only('{"code":200,"message":"Invalid parameter"}');
    reads(f, { matches: ['general/invalid_parameter'], retry: 'after_fix', basis: 'message', readAs: null, problems: ['envelope-b-not-pending'] });
  });

  it('reads a legacy failure whose message names no code by the status', () => {
    const f = only('HTTP/1.1 400 Bad Request\n\n{"code":200,"message":"Something went wrong"}');
    reads(f, { matches: [], retry: 'after_fix', basis: 'status', readAs: 'invalid_request_error', problems: ['status-body-disagree'] });
    assert.notEqual(f.retry, 'same_key');
  });
});

describe('decode: every failure gets a verdict', () => {
  it('reads a 401 {"error": …} body from the auth middleware as unauthorized_error: refresh the token', () => {
    // §2 / §3.3: Node and Python map it to type unauthorized_error.
    const f = only('HTTP/1.1 401 Unauthorized\ncontent-type: application/json\n\n{"error":"Invalid authorization header"}');
    reads(f, { matches: ['general/unauthorized_error'], retry: 'after_token_refresh', basis: 'status', readAs: 'unauthorized_error', problems: ['no-error-code'], httpStatus: 401 });
    assert.equal(f.message, 'Invalid authorization header');
    assert.deepEqual(f.readAs?.httpStatus, [401]);
  });

  it('reads HTTP 500 with an all-empty envelope as an api_error whose outcome is unknown', () => {
    const f = only('HTTP/1.1 500 Internal Server Error\n\n{"type":"","code":"","message":""}');
    reads(f, { matches: [], retry: 'after_status_check', basis: 'status', readAs: 'api_error', problems: ['no-error-code'], httpStatus: 500 });
    assert.deepEqual([f.code, f.type, f.message], [null, null, null]);
    assert.match(problem(f, 'no-error-code')!.message, /retrieve the object first.*same x-idempotency-key.*backing off/);
  });

  it('finds the all-empty envelope alone too, and advises a status check', () => {
    reads(only('{"type":"","code":"","message":""}'), { matches: [], retry: 'after_status_check', basis: 'none', readAs: null, problems: ['no-error-code'], httpStatus: null });
  });

  for (const [status, title] of [[502, 'Bad Gateway'], [503, 'Service Unavailable'], [504, 'Gateway Time-out']] as const) {
    it(`reads an HTML ${status} page from the edge proxy as api_error, outcome unknown`, () => {
      const f = only(`HTTP/1.1 ${status} ${title}\ncontent-type: text/html\n\n<html><head><title>${status} ${title}</title></head><body><center><h1>${status} ${title}</h1></center></body></html>`);
      reads(f, { matches: [], retry: 'after_status_check', basis: 'status', readAs: 'api_error', problems: ['no-error-code'], httpStatus: status });
      assert.equal(f.source.kind, 'html');
    });
  }

  it('reads a 429 without a body as rate limited, keeping Retry-After', () => {
    const f = only('HTTP/1.1 429 Too Many Requests\nRetry-After: 30\ncontent-length: 0\n\n');
    reads(f, { matches: [], retry: 'after_backoff', basis: 'status', readAs: null, problems: ['no-error-code'], httpStatus: 429 });
    assert.equal(f.retryAfter, '30');
    assert.match(problem(f, 'no-error-code')!.message, /Wait as Retry-After says \(30\), then retry/);
  });

  it('has no Retry-After when the response does not send one', () => {
    assert.equal(only('HTTP/1.1 429 Too Many Requests\n\n').retryAfter, null);
  });
});

describe('decode: unknown code, known type', () => {
  it('reads a Banking not_found body by its type, and says the code may belong to another API', () => {
    // §14: virtual_account_application_not_found is a Banking code, type not_found at HTTP 400.
    const f = only('HTTP/1.1 400 Bad Request\n\n{"type":"not_found","code":"virtual_account_application_not_found","message":"virtual account application not found"}');
    reads(f, { matches: [], retry: 'after_fix', basis: 'type', readAs: 'not_found', problems: ['unknown-code'], httpStatus: 400, expectedHttpStatus: 400 });
    const p = problem(f, 'unknown-code')!;
    assert.equal(p.byType, 'not_found');
    assert.match(p.message, /may belong to another UQPAY API/);
    assert.ok(f.readAs?.description.en);
  });

  it('does not flag the HTTP status of codes the catalog does not know', () => {
    // §3.3 / §14 test fixtures: server_error at 500, key_conflict (idempotency_error) at 409; not_found at 404.
    for (const text of [
      'HTTP/1.1 500 Internal Server Error\n\n{"type":"api_error","code":"server_error","message":"Internal server error"}',
      'HTTP/1.1 409 Conflict\n\n{"type":"idempotency_error","code":"key_conflict","message":"Idempotency key conflict"}',
      'HTTP/1.1 404 Not Found\n\n{"type":"not_found","code":"not_found","message":"Not found"}',
    ]) {
      const f = only(text);
      assert.ok(!f.problems.some((p) => p.code === 'http-status-mismatch'), `${text}: ${f.problems.map((p) => p.code)}`);
      assert.equal(f.basis, 'type');
      assert.notEqual(f.retry, null);
    }
  });

  it('reads api_error with an unknown code at 500 as outcome unknown, at 429 as back off', () => {
    assert.equal(only('HTTP/1.1 500 Internal Server Error\n\n{"type":"api_error","code":"server_error","message":"x"}').retry, 'after_status_check');
    assert.equal(only('HTTP/1.1 429 Too Many Requests\n\n{"type":"api_error","code":"too_many_requests","message":"x"}').retry, 'after_backoff');
  });

  it('keeps the status check for codes it knows', () => {
    const f = only('HTTP/1.1 404 Not Found\n\n{"type":"not_found","code":"not_found_id","message":"Not Found ID"}');
    assert.deepEqual(f.problems.map((p) => p.code), ['http-status-mismatch']);
  });
});

describe('decode: values the SDKs make up', () => {
  const made = (f: Finding) => f.sdkMade.map((m) => [m.field, m.value, m.httpStatus]);

  it('names authentication_error as made by the Node/Python SDK from HTTP 401, and reads it as unauthorized_error', () => {
    // §3.3 / §4.3: 401 {error} → type unauthorized_error, code authentication_error.
    const f = only("AuthenticationError(type='unauthorized_error', code='authentication_error', message='Invalid authorization header', http_status=401)");
    assert.deepEqual(made(f), [['code', 'authentication_error', 401], ['type', 'unauthorized_error', 401]]);
    assert.equal(f.retry, 'after_token_refresh');
    assert.match(problem(f, 'sdk-made')!.message, /made by the SDK \(Node, Python\) from HTTP 401/);
    assert.ok(!f.problems.some((p) => p.code === 'unknown-code'));
  });

  it("names the status used as a code by Node's ServerError for an HTML 502", () => {
    // §2: non-JSON @502 → ServerError, type api_error, code '502'.
    const f = only("ServerError(type='api_error', code='502', message='<html><title>502 Bad Gateway</title></html>', http_status=502)");
    assert.deepEqual(made(f), [['code', '502', 502], ['type', 'api_error', 502]]);
    reads(f, { matches: [], retry: 'after_status_check', basis: 'status', readAs: 'api_error', problems: ['sdk-made', 'sdk-made'] });
  });

  it("names the Node/Python type forbidden made from HTTP 403 instead of calling it another API's", () => {
    // §3.3: a text body → type from the status table, code = the status as a string.
    const f = only("ForbiddenError(type='forbidden', code='403', message='Access denied', http_status=403)");
    assert.deepEqual(made(f).map(([field, value]) => [field, value]), [['code', '403'], ['type', 'forbidden']]);
    assert.ok(!f.problems.some((p) => p.code === 'not-global-acquiring'));
    assert.equal(f.retry, 'no');
  });

  it("reads the Go and Java SDKs' plain status errors", () => {
    // §5.2 Go: "request failed with status N: <body>"; §6.2 Java: "Request failed with status N".
    const go = only('create intent: request failed with status 502: <html><head><title>502 Bad Gateway</title></head></html>');
    assert.deepEqual([go.httpStatus, go.retry, go.readAs?.type, go.source.kind], [502, 'after_status_check', 'api_error', 'sdk-string']);
    assert.deepEqual(made(go).map(([field]) => field), ['message']);
    const java = only('com.uqpay.sdk.common.UqpayApiException: Request failed with status 401');
    assert.deepEqual([java.httpStatus, java.retry, java.matches.map((m) => m.id)], [401, 'after_token_refresh', ['general/unauthorized_error']]);
  });

  it("reads the uqpay CLI's own error JSON by its HTTP status", () => {
    // §9.3: {"error": ErrorType, "message", "code": <HTTP status>} when the body has no API type/code.
    const f = only('{"error":"server_error","message":"HTTP 502","code":502}');
    assert.deepEqual([f.code, f.httpStatus, f.retry, f.envelope], ['server_error', 502, 'after_status_check', 'A']);
    assert.deepEqual(made(f), [['code', 'server_error', 502]]);
  });

  it('names the "None" the Python SDK makes of a null code', () => {
    // §4.3: a JSON null code becomes the string "None".
    const f = only("ValidationError(type='invalid_request_error', code='None', message='Invalid parameter', http_status=400)");
    assert.deepEqual(made(f), [['code', 'None', 400]]);
    assert.equal(f.retry, 'after_fix');
  });
});
