// The CLI's pure helpers: terminal widths (CJK takes two columns), wrapping, tables, colour
// decisions, locale detection, argument parsing.
import { strict as assert } from 'node:assert';
import { parseCommandLine, UsageError } from '../../../cli/src/args';
import { langFromEnv } from '../../../cli/src/locale';
import { createStyle, displayWidth, keyValues, shouldColor, stripAnsi, table, truncate, wrapText } from '../../../cli/src/output';

describe('CLI output helpers', () => {
  it('counts CJK characters as two columns and ignores colour codes', () => {
    assert.equal(displayWidth('api_error'), 9);
    assert.equal(displayWidth('错误码'), 6);
    assert.equal(displayWidth('HTTP 状态'), 9);
    assert.equal(displayWidth('\x1b[1mbold\x1b[22m'), 4);
  });

  it('aligns table columns by display width, Chinese headers included', () => {
    const lines = table([
      ['错误码', '分组', '含义'],
      ['insufficient_balance', 'payout', '余额不足'],
    ]);
    assert.deepEqual(lines, ['错误码                分组    含义', 'insufficient_balance  payout  余额不足']);
    assert.equal(displayWidth(lines[0].slice(0, lines[0].indexOf('分组'))), 'insufficient_balance  '.length);
  });

  it('cuts only the last column to the width, with an ellipsis', () => {
    const [line] = table([['code', 'a long meaning that will not fit in twenty-five columns']], 25);
    assert.equal(line, 'code  a long meaning tha…');
    assert.equal(displayWidth(line), 25);
    assert.equal(truncate('退款金额超出', 7), '退款金…');
  });

  it('wraps Latin text at spaces and Chinese text between characters', () => {
    assert.deepEqual(wrapText('resend the identical request later', 16), ['resend the', 'identical', 'request later']);
    const zh = wrapText('使用同一幂等键的上一次请求仍在处理中', 10);
    assert.deepEqual(zh, ['使用同一幂', '等键的上一', '次请求仍在', '处理中']);
    assert.deepEqual(wrapText('no wrap when piped', 0), ['no wrap when piped']);
  });

  it('lines up values after labels of different widths, wrapped values under themselves', () => {
    const lines = keyValues([['code', 'api_error'], ['what to do', 'wait a moment then resend the same request']], { width: 32 });
    assert.deepEqual(lines, ['code        api_error', 'what to do  wait a moment then', '            resend the same', '            request']);
  });

  it('colours only on a TTY without NO_COLOR, unless forced either way', () => {
    assert.equal(shouldColor('auto', true, {}), true);
    assert.equal(shouldColor('auto', false, {}), false);
    assert.equal(shouldColor('auto', true, { NO_COLOR: '1' }), false);
    assert.equal(shouldColor('auto', true, { NO_COLOR: '' }), true); // an empty NO_COLOR does not count
    assert.equal(shouldColor('always', false, { NO_COLOR: '1' }), true);
    assert.equal(shouldColor('never', true, {}), false);
    assert.equal(createStyle(false).red('x'), 'x');
    assert.equal(stripAnsi(createStyle(true).red('x')), 'x');
    assert.notEqual(createStyle(true).red('x'), 'x');
  });

  it('takes the language from the first set locale variable: LC_ALL, LC_MESSAGES, LANG', () => {
    assert.equal(langFromEnv({}), 'en');
    assert.equal(langFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh-CN');
    assert.equal(langFromEnv({ LANG: 'zh_TW.UTF-8' }), 'zh-CN');
    assert.equal(langFromEnv({ LANG: 'de_DE.UTF-8' }), 'en');
    assert.equal(langFromEnv({ LC_MESSAGES: 'zh_CN', LANG: 'en_US' }), 'zh-CN');
    assert.equal(langFromEnv({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN' }), 'en');
    assert.equal(langFromEnv({ LC_ALL: '', LANG: 'zh_CN.UTF-8' }), 'zh-CN');
  });

  it('parses options before or after the command, repeated --catalog, and rejects misplaced ones', () => {
    const a = parseCommandLine(['--json', 'lookup', 'api_error', '--catalog', 'a.json', '--catalog=b.json', '--lang', 'zh-CN'], {});
    assert.equal(a.command, 'lookup');
    assert.deepEqual(a.positionals, ['api_error']);
    assert.equal(a.json, true);
    assert.deepEqual(a.catalogs, ['a.json', 'b.json']);
    assert.equal(a.lang, 'zh-CN');
    assert.deepEqual(parseCommandLine(['lookup', '--', '--not-an-option'], {}).positionals, ['--not-an-option']);
    assert.equal(parseCommandLine(['search', 'x'], { LANG: 'zh_CN.UTF-8' }).lang, 'zh-CN');
    assert.throws(() => parseCommandLine(['decode', '--limit', '3'], {}), (e: unknown) => e instanceof UsageError && /does not apply to 'decode'/.test(e.message));
    assert.throws(() => parseCommandLine(['lookup', '--lang'], {}), (e: unknown) => e instanceof UsageError && /'--lang' needs a value/.test(e.message));
  });
});
