import { strict as assert } from 'node:assert';
import { loadBuiltinCatalog } from '../../../catalog/src/index';
import { tokenize } from '../../../catalog/src/search';

const c = loadBuiltinCatalog();
const codes = (query: string, limit = 5) => c.search(query, { limit }).map((h) => h.entry.code);

describe('catalog: search', () => {
  it('ranks the exact code first, marked exact, for every row of a shared code', () => {
    const hits = c.search('retrieve_refund_failed');
    assert.deepEqual(hits.slice(0, 2).map((h) => [h.entry.id, h.exact]).sort(), [
      ['payment/retrieve_refund_failed', true],
      ['refund/retrieve_refund_failed', true],
    ]);
    assert.ok(hits.slice(2).every((h) => !h.exact));
  });

  it('treats case, spaces and underscores alike for the exact code', () => {
    assert.equal(c.search('Invalid_Idempotency_Key_Format')[0]?.entry.code, 'invalid idempotency key format');
    assert.equal(c.search('INSUFFICIENT BALANCE')[0]?.entry.code, 'insufficient_balance');
    assert.equal(c.search('200')[0]?.entry.id, 'general/200');
  });

  it('finds codes by English words', () => {
    assert.deepEqual(codes('refund amount', 2).sort(), ['refund_amount_exceeded', 'refund_amount_invalid']);
    assert.equal(codes('balance', 1)[0], 'insufficient_balance');
    assert.ok(codes('payment link', 6).filter((x) => String(x).startsWith('payment_link_')).length >= 4);
    assert.ok(codes('return url').includes('invalid_return_url'));
  });

  it('finds codes by Chinese words', () => {
    const refundHits = c.search('退款', { limit: 5 });
    assert.ok(refundHits.length >= 5);
    assert.ok(refundHits.every((h) => h.entry.group === 'refund' || String(h.entry.code).includes('refund')), refundHits.map((h) => h.entry.id).join());
    assert.equal(codes('余额', 1)[0], 'insufficient_balance');
    // The seed's section titles: 出款错误 (payout), 客户错误 (customer).
    assert.ok(c.search('出款', { limit: 5 }).every((h) => h.entry.group === 'payout'));
    assert.deepEqual(c.search('客户', { limit: 3 }).map((h) => h.entry.group), ['customer', 'customer', 'customer']);
    assert.ok(codes('幂等').includes('invalid idempotency key format'));
    assert.ok(codes('银行账户').includes('bank_account_not_found') || codes('银行账户').includes('bank_account_already_exists'));
  });

  it('finds codes through typos', () => {
    assert.equal(codes('retreive_refund_faild', 1)[0], 'retrieve_refund_failed');
    assert.equal(codes('insuficient balanse', 1)[0], 'insufficient_balance');
    assert.ok(codes('velocty limit').includes('velocity_limit_exceeded'));
  });

  // The queries of issue 16, where the old ranking listed a third of the catalog.
  it('lists only what a code-like query names: exact code, then the codes it begins', () => {
    const all = (q: string) => c.search(q, { limit: 100 }).map((h) => h.entry.code);
    assert.deepEqual(all('refund_amount').sort(), ['refund_amount_exceeded', 'refund_amount_invalid']);
    assert.deepEqual(all('refund_amount_exceeded'), ['refund_amount_exceeded']);
    assert.deepEqual(all('insufficient_balance'), ['insufficient_balance']);
    // Look Up's half-typed query: the two amount codes, not the other refund codes.
    assert.deepEqual(all('refund_am').sort(), ['refund_amount_exceeded', 'refund_amount_invalid']);
  });

  it('lists the entries whose text holds every word of a Chinese query', () => {
    // 退款金额 is refund amount: the invalid-amount entry says it outright, the exceeded one speaks of 退款 and 金额.
    const hits = c.search('退款金额', { limit: 100 }).map((h) => h.entry.code);
    assert.ok(hits.length <= 3, hits.join());
    assert.deepEqual(hits.slice(0, 2).sort(), ['refund_amount_exceeded', 'refund_amount_invalid']);
  });

  it('still finds a misspelt code, and only then looks at typos', () => {
    assert.deepEqual(c.search('refnd_amount_exceded', { limit: 100 }).map((h) => [h.entry.code, h.tier]), [['refund_amount_exceeded', 'typo']]);
    // With a real match, no typo tier is added below it.
    assert.ok(c.search('balance', { limit: 100 }).every((h) => h.tier !== 'typo' && h.tier !== 'partial'));
  });

  it('orders tiers: exact, prefix, code words, words, with scores that keep them apart', () => {
    const hits = c.search('failed', { limit: 100 });
    assert.ok(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score));
    const order = ['exact', 'prefix', 'code-words', 'words', 'typo', 'partial'];
    assert.ok(hits.every((h, i) => i === 0 || order.indexOf(h.tier) >= order.indexOf(hits[i - 1]!.tier)));
    // Code and message tiers hold the word itself; the prose tier holds it in the explanation.
    assert.ok(hits.filter((h) => h.tier !== 'words').every((h) => `${h.entry.code} ${h.entry.message}`.toLowerCase().includes('failed')));
  });

  it('falls back to entries holding some of the words when none holds them all', () => {
    const hits = c.search('refund amount exceeded limit', { limit: 100 }).map((h) => h.entry.code);
    assert.ok(hits.includes('refund_amount_exceeded'));
    assert.ok(hits.length <= 5, hits.join());
  });

  it('returns nothing for an empty query and respects the limit', () => {
    assert.deepEqual(c.search(''), []);
    assert.deepEqual(c.search('   '), []);
    assert.equal(c.search('failed', { limit: 3 }).length, 3);
  });

  it('copes with odd queries', () => {
    for (const q of ['*', '((', '\u0000', 'a'.repeat(10_000), '🙂', '"quoted"']) assert.ok(Array.isArray(c.search(q)));
  });

  it('tokenises Chinese into overlapping pairs and Latin text into words', () => {
    assert.deepEqual(tokenize('退款金额'), ['退款', '款金', '金额']);
    assert.deepEqual(tokenize('refund_amount_exceeded'), ['refund', 'amount', 'exceeded']);
    assert.deepEqual(tokenize('用 x-idempotency-key 重试'), ['用', 'x', 'idempotency', 'key', '重试']);
  });
});

describe('catalog: suggest', () => {
  it('suggests the intended code for misspellings', () => {
    assert.equal(c.suggest('retreive_refund_faild')[0], 'retrieve_refund_failed');
    assert.equal(c.suggest('insuficient_balance')[0], 'insufficient_balance');
    assert.equal(c.suggest('payout_not_fund')[0], 'payout_not_found');
    assert.equal(c.suggest('3ds_requried')[0], '3ds_required');
  });

  it('normalises case, spaces and underscores', () => {
    assert.equal(c.suggest('INVALID_PARAMETER')[0], 'invalid_parameter');
    assert.equal(c.suggest('invalid_idempotency_key_format')[0], 'invalid idempotency key format');
    assert.equal(c.suggest('refund amount exceeded')[0], 'refund_amount_exceeded');
  });

  it('suggests nothing for unrelated words and never the value itself', () => {
    assert.deepEqual(c.suggest('hello'), []);
    assert.deepEqual(c.suggest('banana_split_sundae'), []);
    assert.deepEqual(c.suggest(''), []);
    assert.ok(!c.suggest('api_error').includes('api_error'));
  });

  it('honours max', () => {
    assert.ok(c.suggest('create_payment_intent_faild', 1).length <= 1);
    assert.deepEqual(c.suggest('create_payment_intent_faild', 0), []);
  });
});
