// Values the official SDKs make up, as shared/reference/uqpay-sdk-facts.md states them (§3.3
// inferType, §4.3, §9.1 ErrorTypeFromStatus). Hovers (issue 13) and decode read the same module.
import { strict as assert } from 'node:assert';
import { SDK_MADE_VALUES, sdkInferredType, sdkMadeValue } from '../../../catalog/src/index';

describe('values the SDKs make up', () => {
  it("follows the Node and Python SDKs' status → type table", () => {
    const table = [401, 403, 404, 409, 429, 500, 502, 400, 422].map((s) => [s, sdkInferredType(s)]);
    assert.deepEqual(table, [[401, 'unauthorized_error'], [403, 'forbidden'], [404, 'not_found'], [409, 'conflict_error'],
      [429, 'rate_limit_error'], [500, 'api_error'], [502, 'api_error'], [400, 'invalid_request_error'], [422, 'invalid_request_error']]);
  });

  it('knows authentication_error as the Node/Python code for a 401 {"error"} body', () => {
    const f = sdkMadeValue('code', 'authentication_error');
    assert.deepEqual(f && [f.sdks, f.statuses], [['Node', 'Python'], [401, 401]]);
    assert.equal(sdkMadeValue('type', 'authentication_error'), undefined);
  });

  it("knows the CLI's status-only error names, each tied to its status", () => {
    const cli = SDK_MADE_VALUES.filter((v) => v.sdks.includes('CLI') && v.typeless).map((v) => [v.value, v.statuses]);
    assert.deepEqual(cli, [['authentication_failed', [401, 401]], ['forbidden', [403, 403]], ['not_found', [404, 404]], ['conflict', [409, 409]],
      ['rate_limited', [429, 429]], ['server_error', [500, 599]], ['invalid_request', [400, 499]]]);
  });

  it('explains every value in English and Chinese', () => {
    for (const v of SDK_MADE_VALUES) assert.ok(v.explanation.en && v.explanation['zh-CN'], v.value);
  });
});
