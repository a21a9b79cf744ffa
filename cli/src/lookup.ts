/**
 * `uqpay-errors lookup CODE`: every catalog entry for a code (a code can stand in several groups),
 * each with all its fields. A type name instead of a code lists that type's codes.
 */
import { localize } from '../../catalog/src/index';
import { GROUPS, type ErrorEntry } from '../../catalog/src/types';
import { UsageError } from './args';
import type { Context } from './context';
import { renderEntry } from './entryView';
import { table } from './output';

export async function lookupCommand(ctx: Context): Promise<number> {
  const { args, catalog, lang, style, io } = ctx;
  // Several words form one code: `lookup invalid idempotency key format` works unquoted.
  const code = args.positionals.join(' ').trim();
  if (!code) throw new UsageError('lookup needs a CODE, e.g. uqpay-errors lookup invalid_parameter', 'lookup');
  if (args.group !== undefined && !(GROUPS as readonly string[]).includes(args.group)) {
    throw new UsageError(`--group must be one of ${GROUPS.join(', ')} (got '${args.group}')`, 'lookup');
  }

  const all: ErrorEntry[] = catalog.byCode(/^\d+$/.test(code) ? Number(code) : code);
  // The user's filters are strict (unlike the service's narrowing, which falls back to all).
  const entries = all.filter((e) => (!args.group || e.group === args.group) && (!args.type || e.types.includes(args.type)));
  if (all.length && !entries.length) {
    if (args.json) io.stdout('[]\n');
    io.stderr(lang === 'zh-CN'
      ? `错误码 '${code}' 没有符合筛选条件的条目（它位于：${all.map((e) => e.id).join('、')}）。\n`
      : `No entry for '${code}' matches the filter; it stands in: ${all.map((e) => e.id).join(', ')}.\n`);
    return 1;
  }

  if (entries.length) {
    if (args.json) {
      io.stdout(JSON.stringify(entries) + '\n');
      return 0;
    }
    const out: string[] = [];
    if (entries.length > 1) {
      out.push(style.dim(lang === 'zh-CN'
        ? `错误码 ${code} 出现在 ${entries.length} 个分组中：${entries.map((e) => e.group).join('、')}。请按响应中的 type 或调用的接口区分。`
        : `${code} stands in ${entries.length} groups (${entries.map((e) => e.group).join(', ')}); tell them apart by the response's type or the endpoint called.`));
      out.push('');
    }
    entries.forEach((e, i) => {
      if (i > 0) out.push('');
      out.push(...renderEntry(e, lang, style, ctx.width));
    });
    io.stdout(out.join('\n') + '\n');
    return 0;
  }

  const typeDef = catalog.type(code);
  if (typeDef) {
    const ofType = catalog.byType(code);
    if (args.json) {
      io.stdout(JSON.stringify(ofType) + '\n');
      return 0;
    }
    const out = [
      style.bold(style.cyan(typeDef.name)) + '  ' + style.dim(lang === 'zh-CN' ? '（这是 type，不是错误码）' : '(a type, not a code)'),
      `  HTTP  ${typeDef.httpStatus.join(' / ')}${typeDef.statusRules?.length ? `  (${typeDef.statusRules.map((r) => `${r.code} → ${r.httpStatus}`).join(', ')})` : ''}`,
      `  ${localize(typeDef.description, lang)}`,
      '',
      ...table(ofType.map((e) => [String(e.code), e.group, localize(e.summary, lang)]), ctx.width).map((l) => '  ' + l),
    ];
    io.stdout(out.join('\n') + '\n');
    return 0;
  }

  if (args.json) io.stdout('[]\n');
  const suggestions = catalog.suggest(code, 3);
  const hint = suggestions.length
    ? lang === 'zh-CN' ? `你是不是想找：${suggestions.join('、')}？` : ` Did you mean ${suggestions.map((s) => `'${s}'`).join(', ')}?`
    : lang === 'zh-CN' ? '可以试试 uqpay-errors search。' : ` Try 'uqpay-errors search ${code}'.`;
  io.stderr((lang === 'zh-CN' ? `目录中没有错误码 '${code}'。` : `No catalog entry for code '${code}'.`) + hint + '\n');
  return 1;
}
