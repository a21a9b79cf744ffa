// Terminal links: which parts of a terminal line open the catalog (a code) or the decode panel (a body).
import { strict as assert } from 'node:assert';
import { loadBuiltinCatalog } from '../../../catalog/src/index';
import { terminalMatches } from '../../../client/src/terminalMatches';

const catalog = loadBuiltinCatalog();
const shown = (line: string) => terminalMatches(line, catalog).map((m) => [m.kind, m.text, m.id ?? null]);

describe('terminal links', () => {
  it('links a catalog code in test output to its first catalog entry', () => {
    assert.deepEqual(shown('  ✗ payout failed: expected insufficient_balance, got velocity_limit_exceeded'), [
      ['code', 'insufficient_balance', 'payout/insufficient_balance'],
      ['code', 'velocity_limit_exceeded', 'payout/velocity_limit_exceeded'],
    ]);
    assert.deepEqual(shown('bad header: invalid idempotency key format'), [['code', 'invalid idempotency key format', 'general/invalid_idempotency_key_format']]);
  });

  it('links a JSON error body as a whole (curl -i, logs), not the code inside it', () => {
    const body = '{"type":"refund_error","code":"refund_amount_exceeded","message":"Refund amount exceeded"}';
    assert.deepEqual(shown(`2026-12-03T10:00:00Z ERROR refund failed ${body} (api_error seen before)`), [
      ['body', body, null],
      ['code', 'api_error', 'general/api_error'],
    ]);
  });

  it('leaves other words, longer identifiers and plain objects alone', () => {
    assert.deepEqual(shown('my_insufficient_balance_flag insufficient_balance_v2 {"code":1} {"a":"b"}'), []);
    assert.deepEqual(shown(''), []);
    assert.deepEqual(shown('x'.repeat(100_000)), []);
  });
});
