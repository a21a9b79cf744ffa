/** `uqpay-errors search QUERY`: catalog entries ranked by relevance (codes, messages, both languages). */
import { localize } from '../../catalog/src/index';
import { UsageError } from './args';
import type { Context } from './context';
import { httpText } from './entryView';
import { table } from './output';

export async function searchCommand(ctx: Context): Promise<number> {
  const { args, catalog, lang, style, io } = ctx;
  const query = args.positionals.join(' ').trim();
  if (!query) throw new UsageError('search needs a QUERY, e.g. uqpay-errors search refund amount', 'search');
  const hits = catalog.search(query, { limit: args.limit ?? 10 });

  if (args.json) {
    io.stdout(JSON.stringify(hits.map((h) => h.entry)) + '\n');
    return hits.length ? 0 : 1;
  }
  if (!hits.length) {
    io.stderr(lang === 'zh-CN' ? `没有与 '${query}' 相关的错误码。\n` : `Nothing in the catalog matches '${query}'.\n`);
    return 1;
  }
  const header = lang === 'zh-CN' ? ['错误码', '分组', 'HTTP', '含义'] : ['CODE', 'GROUP', 'HTTP', 'MEANING'];
  const rows = hits.map((h) => [String(h.entry.code), h.entry.group, httpText(h.entry.httpStatus, lang), localize(h.entry.summary, lang)]);
  const lines = table([header, ...rows], ctx.width);
  const out = [style.bold(lines[0]), ...lines.slice(1).map((l, i) => (hits[i].exact ? style.cyan(l) : l))];
  io.stdout(out.join('\n') + '\n');
  return 0;
}
