// The catalog browser's logic (filters, counts, state, keyboard, detail text) against a fixture
// made of real seed rows, and the built-in catalog's group sizes as the seed lists them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinCatalogData } from '../../../../catalog/src/builtin';
import type { CatalogData } from '../../../../catalog/src/types';
import {
  type CatalogState, detailText, entryDetail, expectedStatus, filterOptions, moveSelection, optionText, restoreState, stateAfterEscape, visibleEntries,
} from '../../../../client/src/webview/catalog/model';
import type { CatalogSnapshot } from '../../../../client/src/webview/protocol';
import { UI_STRINGS } from '../../../../client/src/webview/strings';
import { retryLabels } from '../../../../client/src/panels/hostEnv';
import { FIXTURES } from '../../../support/paths';

const data = JSON.parse(readFileSync(join(FIXTURES, 'webview/catalog.json'), 'utf8')) as CatalogData;
const snap: CatalogSnapshot = { entries: data.errors, types: data.types, endpoints: data.endpoints ?? [], docs: data.docs };
const labels = { strings: { ...UI_STRINGS }, retryLabels: retryLabels('en') };
const ids = (list: { id: string }[]) => list.map((e) => e.id);
const counts = (o: { options: { value: string; count: number }[] }) => Object.fromEntries(o.options.map((x) => [x.value, x.count]));

describe('catalog browser: filtering', () => {
  it('lists every entry in catalog order without a query or filters', () => {
    assert.equal(visibleEntries(snap.entries, null, {}).length, 10);
    assert.equal(visibleEntries(snap.entries, null, {})[0]!.id, 'general/invalid_parameter');
  });

  it('keeps the search order and drops ids the catalog does not have', () => {
    const list = visibleEntries(snap.entries, ['refund/retrieve_refund_failed', 'nope/x', 'payment/retrieve_refund_failed'], {});
    assert.deepEqual(ids(list), ['refund/retrieve_refund_failed', 'payment/retrieve_refund_failed']);
  });

  it('narrows by group, type, HTTP status, retry verdict and endpoint, all at once', () => {
    assert.deepEqual(ids(visibleEntries(snap.entries, null, { group: 'refund' })), ['refund/retrieve_refund_failed', 'refund/refund_amount_exceeded']);
    assert.deepEqual(ids(visibleEntries(snap.entries, null, { status: '429' })), ['payout/velocity_limit_exceeded']);
    assert.deepEqual(ids(visibleEntries(snap.entries, null, { status: 'unknown' })), ['general/200']);
    assert.deepEqual(ids(visibleEntries(snap.entries, null, { endpoint: 'Retrieve a refund', retry: 'same_key' })), ['payment/retrieve_refund_failed']);
    assert.deepEqual(ids(visibleEntries(snap.entries, null, { type: 'api_error', group: 'payout', retry: 'after_fix' })), ['payout/insufficient_balance']);
  });

  it('counts each filter value over the other filters (faceted counts)', () => {
    const group = filterOptions('group', snap, null, {}, labels);
    assert.equal(group.total, 10);
    assert.deepEqual(counts(group), { general: 4, payment: 2, refund: 2, payout: 2 });
    // With type=api_error chosen, the group counts shrink, but the type counts ignore their own filter.
    const byGroup = filterOptions('group', snap, null, { type: 'api_error' }, labels);
    assert.deepEqual(counts(byGroup), { general: 1, payment: 0, refund: 2, payout: 2 });
    const byType = filterOptions('type', snap, null, { type: 'api_error' }, labels);
    assert.equal(counts(byType).api_error, 5);
    assert.equal(counts(byType).unauthorized_error, 1);
    assert.equal(byType.total, 10);
  });

  it('counts only what the search found', () => {
    const o = filterOptions('group', snap, ['refund/retrieve_refund_failed', 'payment/retrieve_refund_failed'], {}, labels);
    assert.equal(o.total, 2);
    assert.deepEqual(counts(o), { general: 0, payment: 1, refund: 1, payout: 0 });
  });

  it('orders and labels options the way people read them', () => {
    const status = filterOptions('status', snap, null, {}, labels);
    assert.deepEqual(status.options.map((o) => o.value), ['400', '401', '429', '500', 'unknown']);
    assert.equal(optionText(status.options.find((o) => o.value === 'unknown')!, labels.strings), 'not documented (1)');
    const retry = filterOptions('retry', snap, null, {}, labels);
    assert.equal(retry.options[0]!.value, 'same_key');
    assert.equal(optionText(retry.options.find((o) => o.value === 'after_backoff')!, labels.strings), 'Rate limited: wait, then retry (1)');
    const group = filterOptions('group', snap, null, {}, labels);
    assert.deepEqual(group.options.map((o) => o.label), ['General', 'Payment', 'Refund', 'Payout']);
  });
});

describe('catalog browser: state and keyboard', () => {
  it('restores a saved state and drops malformed parts', () => {
    assert.deepEqual(restoreState({ query: 'refund', filters: { group: 'refund', type: 5, bogus: 'x' }, selectedId: 'refund/api_error' }),
      { query: 'refund', filters: { group: 'refund' }, selectedId: 'refund/api_error' });
    assert.deepEqual(restoreState(undefined), { query: '', filters: {} });
    assert.deepEqual(restoreState('junk'), { query: '', filters: {} });
    assert.deepEqual(restoreState({ query: 42, filters: null }), { query: '', filters: {}, selectedId: undefined });
  });

  it('moves the selection with arrows, stops at both ends, and jumps with Home/End', () => {
    const list = snap.entries;
    assert.equal(moveSelection(list, undefined, 1), 'general/invalid_parameter');
    assert.equal(moveSelection(list, undefined, -1), 'payout/insufficient_balance');
    assert.equal(moveSelection(list, 'general/invalid_parameter', -1), 'general/invalid_parameter');
    assert.equal(moveSelection(list, 'general/invalid_parameter', 1), 'general/unauthorized_error');
    assert.equal(moveSelection(list, 'payout/insufficient_balance', 1), 'payout/insufficient_balance');
    assert.equal(moveSelection(list, 'general/api_error', Infinity), 'payout/insufficient_balance');
    assert.equal(moveSelection(list, 'general/api_error', -Infinity), 'general/invalid_parameter');
    assert.equal(moveSelection([], 'general/api_error', 1), undefined);
  });

  it('Esc clears the query first, then the filters, and then keeps the user\'s place', () => {
    let s: CatalogState = { query: 'refund', filters: { group: 'refund' }, selectedId: 'refund/api_error' };
    s = stateAfterEscape(s);
    assert.deepEqual(s, { query: '', filters: { group: 'refund' }, selectedId: 'refund/api_error' });
    s = stateAfterEscape(s);
    assert.deepEqual(s, { query: '', filters: {}, selectedId: 'refund/api_error' });
    s = stateAfterEscape(s);
    assert.deepEqual(s, { query: '', filters: {}, selectedId: 'refund/api_error' });
  });
});

describe('catalog browser: entry details', () => {
  const strings = { ...UI_STRINGS };
  const byId = (id: string) => snap.entries.find((e) => e.id === id)!;

  it('applies the type table: api_error is 500 for code api_error and 429 for velocity_limit_exceeded', () => {
    assert.equal(expectedStatus(snap.types, 'api_error', 'api_error'), 500);
    assert.equal(expectedStatus(snap.types, 'api_error', 'velocity_limit_exceeded'), 429);
    assert.equal(expectedStatus(snap.types, 'api_error', 'insufficient_balance'), 400);
    assert.equal(expectedStatus(snap.types, 'not_found', 'not_found_id'), 400);
    assert.equal(expectedStatus(snap.types, 'unauthorized_error', 'unauthorized_error'), 401);
    assert.equal(expectedStatus(snap.types, 'card_error', 'x'), null);
  });

  it('shows a code shared between groups together, the chosen group first', () => {
    const d = entryDetail(byId('refund/retrieve_refund_failed'), snap, 'en', strings, retryLabels('en'));
    assert.deepEqual(d.sections.map((s) => s.entryId), ['refund/retrieve_refund_failed', 'payment/retrieve_refund_failed']);
    const text = detailText(d);
    assert.match(text, /^retrieve_refund_failed\n\n## Refund\n/);
    assert.match(text, /## The same code in other groups: Payment/);
    assert.match(text, /Endpoints:\n {2}- Retrieve a refund — GET \/api\/v2\/payment\/refunds\/\{id\}\n {2}- Create a refund — POST \/api\/v2\/payment\/refunds/);
    assert.match(text, /Retry: Check the resource status before retrying/);
    assert.match(text, /Type \(one of\): refund_error, api_error/);
    assert.match(text, /HTTP status: 400 \(refund_error, api_error\)/);
  });

  it('lists every status the entry can come with, per type', () => {
    const d = detailText(entryDetail(byId('payout/velocity_limit_exceeded'), snap, 'en', strings, retryLabels('en')));
    assert.match(d, /HTTP status: 400 \(payout_error\), 429 \(api_error\)/);
    assert.match(d, /Message: Transaction frequency\/amount exceeds risk control thresholds \(HTTP 429\)/);
  });

  it('describes envelope B and a varying message with its examples', () => {
    const b = detailText(entryDetail(byId('general/200'), snap, 'en', strings, retryLabels('en')));
    assert.match(b, /Envelope: B: numeric code, no type/);
    assert.match(b, /HTTP status: not documented/);
    assert.match(b, /Message: Request is processing, please try again later\./);
    const v = detailText(entryDetail(byId('general/unauthorized_error'), snap, 'en', strings, retryLabels('en')));
    assert.doesNotMatch(v, /Message: /);
    assert.match(v, /Message \(varies\), for example:\n {2}- auth token is not empty\n {2}- invalid auth token format\n {2}- auth token is expired/);
  });

  it('shows the meaning and advice in the docs language', () => {
    const zh = detailText(entryDetail(byId('payout/insufficient_balance'), snap, 'zh-CN', strings, retryLabels('zh-CN')));
    assert.match(zh, /可用余额不足以完成此次出款。/);
    assert.match(zh, /调低金额或先充值。/);
    assert.doesNotMatch(zh, /The available balance is too low/);
  });
});

describe('catalog browser: built-in catalog', () => {
  it('offers the five groups with as many entries as the seed page lists', () => {
    const d = builtinCatalogData();
    const s: CatalogSnapshot = { entries: d.errors, types: d.types, endpoints: d.endpoints ?? [], docs: d.docs };
    // Seed tables: general 6 + 1 envelope-B row, payment 30, refund 8, customer 3, payout 15.
    assert.deepEqual(counts(filterOptions('group', s, null, {}, labels)), { general: 7, payment: 30, refund: 8, customer: 3, payout: 15 });
    assert.equal(counts(filterOptions('status', s, null, {}, labels))['401'], 1);
  });
});
