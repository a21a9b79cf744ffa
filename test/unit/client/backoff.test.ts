// The client's restart delays for a crashing language server (client/src/backoff.ts).
import assert from 'node:assert/strict';
import { Backoff, BACKOFF_MS, HEALTHY_AFTER_MS } from '../../../client/src/backoff';

describe('language server restart backoff', () => {
  it('waits longer after each crash in a row, up to a ceiling', () => {
    const b = new Backoff();
    const delays = Array.from({ length: 8 }, (_, i) => {
      b.started(i * 1000);
      return b.next(i * 1000 + 10);
    });
    assert.deepEqual(delays, [500, 1000, 2000, 5000, 10000, 30000, 30000, 30000]);
    assert.equal(b.count, 8);
  });

  it('starts again from the shortest delay once the server stayed up long enough', () => {
    const b = new Backoff();
    b.next(0);
    b.next(1);
    b.started(100);
    assert.equal(b.next(100 + HEALTHY_AFTER_MS - 1), BACKOFF_MS[2]);
    b.started(200_000);
    assert.equal(b.next(200_000 + HEALTHY_AFTER_MS), BACKOFF_MS[0]);
  });

  it('counts a failed start (never up) as a crash in a row', () => {
    const b = new Backoff();
    assert.equal(b.next(0), 500);
    assert.equal(b.next(HEALTHY_AFTER_MS * 10), 1000);
    b.reset();
    assert.equal(b.next(0), 500);
  });
});
