// The one advice line generated code carries (the switch fix and the handler skeletons alike).
import { strict as assert } from 'node:assert';
import { adviceLine } from '../../../catalog/src/adviceLine';
import { loadBuiltinCatalog } from '../../../catalog/src/index';
import { casesFor } from '../../../client/src/snippets/handlerCases';

const entry = (en: string, zh: string) => ({ advice: { en, 'zh-CN': zh }, retry: 'no' as const });

describe('adviceLine', () => {
  it('takes the first sentence, in English at ". " before a capital and in Chinese at 。 without a space', () => {
    assert.equal(adviceLine(entry('Lower the amount. Then retry with a new key.', '降低金额。然后使用新的幂等键重试。'), 'en'), 'Lower the amount');
    assert.equal(adviceLine(entry('Lower the amount. Then retry.', '降低金额。然后使用新的幂等键重试。'), 'zh-CN'), '降低金额');
    // "e.g." does not end a sentence
    assert.equal(adviceLine(entry('Use a supported currency, e.g. USD. Then retry.', '使用支持的币种。'), 'en'), 'Use a supported currency, e.g. USD');
  });

  it('never cuts mid-sentence: a long first sentence gives its first clause, else the retry verdict', () => {
    const long = `Check the account: ${'and the other account settings '.repeat(5)}before you call again.`;
    assert.equal(adviceLine(entry(long, '检查账户。'), 'en'), 'Check the account');
    const line = adviceLine(entry('x'.repeat(200), '检查账户。'), 'en');
    assert.ok(line.length <= 100 && !line.endsWith('…'), line);
  });

  it('is what the handler skeletons write, for every catalog entry (one line, comment-safe, short)', () => {
    const catalog = loadBuiltinCatalog();
    for (const lang of ['en', 'zh-CN'] as const) {
      for (const c of casesFor(catalog.entries, lang)) {
        const e = catalog.byCode(c.code)[0]!;
        assert.equal(c.comment, adviceLine(e, lang));
        assert.ok(!/[\n*]\/|\?>/.test(c.comment) && c.comment.length <= 100, c.comment);
      }
    }
  });
});
