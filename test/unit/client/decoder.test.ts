// The decode panel's worker thread (client/src/decoder.ts + decodeWorker.ts), built the way
// esbuild.mjs builds dist/decodeWorker.js.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCatalogData, loadBuiltinCatalog } from '../../../catalog/src/builtin';
import { decode } from '../../../catalog/src/decode';
import type { CatalogData } from '../../../catalog/src/types';
import { WorkerDecoder } from '../../../client/src/decoder';
import { ROOT } from '../../support/paths';

describe('decode worker thread', function () {
  this.timeout(60_000);
  let dir = '';
  let script = '';
  let decoder: WorkerDecoder | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'uqpay-worker-'));
    script = join(dir, 'decodeWorker.js');
    await esbuild.build({
      entryPoints: [join(ROOT, 'client/src/decodeWorker.ts')], outfile: script, bundle: true, platform: 'node',
      format: 'cjs', target: 'node18', logLevel: 'warning', external: ['vscode'],
    });
  });
  afterEach(() => decoder?.dispose());
  after(() => rmSync(dir, { recursive: true, force: true }));

  const response = '{"type":"refund_error","code":"refund_amount_exceeded","message":"Refund amount exceeded original transaction amount"}';

  it('gives the same result as decoding in-process', async () => {
    decoder = new WorkerDecoder(script, () => ({ version: 1, data: [builtinCatalogData()] }), () => undefined);
    const got = await decoder.decode(`HTTP/1.1 400 Bad Request\n\n${response}`);
    assert.deepEqual(got, decode(`HTTP/1.1 400 Bad Request\n\n${response}`, loadBuiltinCatalog()));
    assert.equal(got.findings[0]!.code, 'refund_amount_exceeded');
  });

  it('answers only the latest request: an earlier one still running is dropped', async () => {
    decoder = new WorkerDecoder(script, () => ({ version: 1, data: [builtinCatalogData()] }), () => undefined);
    const huge = `{"type":"payment_error","code":"x","message":"${'y'.repeat(8_000_000)}"}`;
    const first = decoder.decode(huge);
    const second = decoder.decode(response);
    await assert.rejects(first, /superseded/);
    assert.equal((await second).findings[0]!.code, 'refund_amount_exceeded');
  });

  it('picks up a changed catalog (a user catalog adding a code)', async () => {
    const extra: CatalogData = {
      name: 'team', version: '1', docs: 'https://example.com', types: [],
      errors: [{ ...builtinCatalogData().errors.find((e) => e.id === 'payout/insufficient_balance')!, id: 'payout/team_limit', code: 'team_limit' }],
    };
    let sources = { version: 1, data: [builtinCatalogData()] };
    decoder = new WorkerDecoder(script, () => sources, () => undefined);
    const body = '{"type":"payout_error","code":"team_limit","message":"Merchant’s available balance is insufficient"}';
    assert.equal((await decoder.decode(body)).findings[0]!.known, false);
    sources = { version: 2, data: [builtinCatalogData(), extra] };
    assert.equal((await decoder.decode(body)).findings[0]!.known, true);
  });

  it('says when the worker script is missing', () => {
    assert.equal(WorkerDecoder.available(join(dir, 'nope.js')), false);
    assert.equal(WorkerDecoder.available(script), true);
  });
});
