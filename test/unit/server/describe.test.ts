// The hover's Markdown in both languages: every label translated, Chinese punctuation in Chinese.
import assert from 'node:assert/strict';
import { loadBuiltinCatalog } from '../../../catalog/src/builtin';
import { codeMarkdown, entryDetail, typeMarkdown } from '../../../server/src/service/describe';

const catalog = loadBuiltinCatalog();
const hover = (code: string, lang: 'en' | 'zh-CN') => codeMarkdown(catalog, code, catalog.byCode(code), lang);

describe('hover text', () => {
  it('labels every field in Chinese for zh-CN, the API message included', () => {
    const zh = hover('refund_amount_exceeded', 'zh-CN');
    for (const label of ['类型', 'HTTP 状态码', 'API 返回的消息', '含义', '处理建议', '重试']) assert.ok(zh.includes(`**${label}：**`), `${label} in ${zh}`);
    assert.ok(!/API message|\*\*[^*]*:\*\*/.test(zh), zh);
    // The API's own message stays as the API sends it.
    assert.ok(zh.includes('`Refund amount exceeded original transaction amount`'));
  });

  it('lists a section\'s possible types as one phrase in each language', () => {
    const entry = catalog.entries.find((e) => e.types.length > 1)!;
    const types = entry.types.map((t) => `\`${t}\``);
    assert.ok(hover(String(entry.code), 'en').includes(`**Type:** one of ${types.join(', ')}`));
    assert.ok(hover(String(entry.code), 'zh-CN').includes(`**类型：** 以下之一：${types.join('、')}`));
  });

  it('gives a type\'s status rules in the reader\'s language', () => {
    const api = catalog.type('api_error')!;
    assert.match(typeMarkdown(catalog, api, 'en'), /\(`api_error` → 500, `velocity_limit_exceeded` → 429; 400 otherwise\)/);
    assert.match(typeMarkdown(catalog, api, 'zh-CN'), /（`api_error` → 500、`velocity_limit_exceeded` → 429；其余为 400）/);
  });

  it('names envelope B in the completion detail in the reader\'s language', () => {
    // the seed's code 200 is the envelope-B code: numeric, no type
    const legacy = catalog.entries.find((e) => e.code === 200)!;
    assert.equal(entryDetail(catalog, [legacy], 'en'), 'envelope B');
    assert.equal(entryDetail(catalog, [legacy], 'zh-CN'), '信封 B');
  });
});
