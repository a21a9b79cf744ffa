import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/service/analysis';

/** The error bodies the analysis finds in `text`, as `code/type/message` values. */
function bodies(languageId: string, text: string): string[] {
  return analyzeText('test://shapes', 1, languageId, text).objects.map((o) => [o.code?.value, o.type?.value, o.message?.value].map((v) => v ?? '-').join('/'));
}

describe('error bodies as pairs, chains and constructors (bodyShapes)', () => {
  it('reads Map.of arguments as key, value pairs by position, not by neighbours', () => {
    assert.deepEqual(bodies('java', 'var a = Map.of("type", "customer_error", "code", "retrieve_customer_failed", "message", "m");'), ['retrieve_customer_failed/customer_error/m']);
    // the value "type" is not a key: "code" after it is
    assert.deepEqual(bodies('java', 'var a = Map.of("message", "type", "code", "api_error");'), ['api_error/-/type']);
    // a legacy numeric code
    assert.deepEqual(bodies('java', 'var a = ImmutableMap.of("code", 200, "message", "Request is processing, please try again later.");'), ['200/-/Request is processing, please try again later.']);
  });

  it('leaves other calls with a "code" argument alone', () => {
    assert.deepEqual(bodies('java', 'log.info("code", "retrieve_customer_failed");\nfoo("type", "x", "code", "y");'), []);
  });

  it('reads builder and setter chains across lines, one body per chain', () => {
    assert.deepEqual(bodies('java', 'var b = ErrorBody.builder()\n  .type("customer_error")\n  .code("retrieve_customer_failed")\n  .message("m")\n  .build();'), ['retrieve_customer_failed/customer_error/m']);
    assert.deepEqual(bodies('java', 'var b = new ErrorBody().setCode("api_error").setType("api_error");'), ['api_error/api_error/-']);
  });

  it('takes no numeric code from a chain: OkHttp\'s .code(400) is an HTTP status', () => {
    assert.deepEqual(bodies('java', 'var r = new Response.Builder().code(400).message("Bad Request").build();'), []);
  });

  it('reads UqpayApiException(code, message, statusCode) by position, with the status beside it', () => {
    const [o] = analyzeText('test://ctor', 1, 'java', 'throw new UqpayApiException("api_error", "m", 500);').objects;
    assert.equal(o.code?.value, 'api_error');
    assert.equal(o.message?.value, 'm');
    assert.equal(o.type, undefined);
    assert.equal(o.status?.value, 500);
    assert.deepEqual(bodies('kotlin', 'throw UqpayApiException(null, "m", 401)'), []);
    // another arity is another constructor
    assert.deepEqual(bodies('java', 'throw new UqpayApiException("api_error", "m");'), []);
  });

  it('reads Kotlin `to` pairs and C# `new { … }` initialisers like key: value lists', () => {
    assert.deepEqual(bodies('kotlin', 'val b = mapOf("type" to "customer_error", "code" to "retrieve_customer_failed")'), ['retrieve_customer_failed/customer_error/-']);
    assert.deepEqual(bodies('csharp', 'var b = new ApiError { Type = "customer_error", Code = "retrieve_customer_failed" };'), ['retrieve_customer_failed/customer_error/-']);
    // `=` in an ordinary block is an assignment
    assert.deepEqual(bodies('typescript', 'function f() { type = "customer_error"; code = "retrieve_customer_failed"; }'), []);
  });

  it('never throws on cut-off shapes', () => {
    for (const text of ['Map.of("code", ', 'Map.of("code"', '.code("', 'x.code(', 'new UqpayApiException(', 'a.b().c(', ')))).code("x")', 'mapOf("code" to ']) {
      assert.doesNotThrow(() => bodies('java', text));
      assert.doesNotThrow(() => bodies('kotlin', text));
    }
  });
});
