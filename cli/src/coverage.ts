/**
 * `uqpay-errors coverage [PATHS…]`: every Global Acquiring endpoint the code calls, the errors it
 * can return and which of them the calls' error paths handle. Text table, Markdown (for a pull
 * request comment) or JSON. `--min-coverage P` exits 1 below P percent.
 */
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  buildCoverageReport,
  coveragePercent,
  coversLanguage,
  createErrorCodeService,
  DEFAULT_SETTINGS,
  fileCoverage,
  languageIdForPath,
  type CoverageReport,
  type FileCoverage,
} from '../../server/src/service/index';
import { UsageError } from './args';
import type { Context } from './context';
import { collectFiles, readSourceFile } from './files';
import { table } from './output';

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The report's own words in both documentation languages (codes, endpoints and paths stay as they are). */
const TEXT = {
  none: { en: 'No UQPAY Global Acquiring endpoint calls found.', 'zh-CN': '没有找到调用 UQPAY Global Acquiring 接口的代码。' },
  head: { en: ['ENDPOINT', 'CALLS', 'HANDLED', 'UNHANDLED'], 'zh-CN': ['接口', '调用', '已处理', '未处理'] },
  general: { en: ' (general)', 'zh-CN': '（通用）' },
  retry: { en: 'retry: ', 'zh-CN': '重试：' },
  summary: {
    en: (s: CoverageReport['summary'], pct: string) => `${s.endpoints} endpoints, ${s.calls} calls: ${s.handled} of ${s.total} errors handled (${pct}).`,
    'zh-CN': (s: CoverageReport['summary'], pct: string) => `${s.endpoints} 个接口，${s.calls} 处调用：${s.total} 个错误中已处理 ${s.handled} 个（${pct}）。`,
  },
  read: {
    en: (n: number, secs: string) => `${n} ${n === 1 ? 'file' : 'files'} read in ${secs} s.`,
    'zh-CN': (n: number, secs: string) => `读取了 ${n} 个文件，用时 ${secs} 秒。`,
  },
  title: { en: '### UQPAY error coverage', 'zh-CN': '### UQPAY 错误处理覆盖率' },
  lead: {
    en: (s: CoverageReport['summary'], pct: string) => `**${s.handled} of ${s.total}** errors handled (${pct}) over ${s.endpoints} endpoints and ${s.calls} calls.`,
    'zh-CN': (s: CoverageReport['summary'], pct: string) => `${s.endpoints} 个接口、${s.calls} 处调用：**${s.total} 个错误中已处理 ${s.handled} 个**（${pct}）。`,
  },
  columns: { en: '| Endpoint | Calls | Handled |', 'zh-CN': '| 接口 | 调用 | 已处理 |' },
  unhandled: { en: (n: number) => `${n} unhandled`, 'zh-CN': (n: number) => `${n} 个未处理` },
  errorColumns: { en: '| Code | Retry | Meaning |', 'zh-CN': '| 错误码 | 重试 | 含义 |' },
} as const;

export async function coverageCommand(ctx: Context): Promise<number> {
  const { args, io, cwd } = ctx;
  const format = args.json ? 'json' : args.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'markdown') {
    throw new UsageError(`--format must be text, json or markdown (got '${format}')`, 'coverage');
  }
  if (args.json && args.format && args.format !== 'json') throw new UsageError(`--json conflicts with --format ${args.format}`, 'coverage');
  const started = process.hrtime.bigint();

  const accept = (f: string): boolean => coversLanguage(languageIdForPath(f) ?? '');
  const { files, missing } = collectFiles(args.positionals, cwd, accept);
  if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`, 'coverage');
  // `file` is relative to the folder given (the current folder when none or several are)
  const base = args.positionals.length === 1 && statSync(resolve(cwd, args.positionals[0])).isDirectory() ? resolve(cwd, args.positionals[0]) : cwd;

  const settings = { ...DEFAULT_SETTINGS, docsLanguage: ctx.lang };
  const service = createErrorCodeService({ catalog: ctx.catalog, settings });
  const found: FileCoverage[] = [];
  let read = 0;
  for (const file of files) {
    const shown = relative(base, file).split(sep).join('/') || file;
    const source = readSourceFile(file, MAX_FILE_BYTES);
    if ('error' in source) {
      io.stderr(`${shown}: cannot read: ${source.error}\n`);
      continue;
    }
    if ('skipped' in source) continue;
    read++;
    const doc = TextDocument.create(pathToFileURL(file).href, languageIdForPath(file) ?? 'plaintext', 1, source.text);
    const calls = service.doCoverage(doc, settings);
    if (calls.length) found.push(fileCoverage(shown, doc, calls));
    // each file is visited once: the service's cache would only hold memory
    service.forget(doc.uri);
  }
  const report = buildCoverageReport(ctx.catalog, found);
  report.summary.files = read;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;

  if (format === 'json') io.stdout(JSON.stringify({ ...report, timeMs: Math.round(ms) }) + '\n');
  else if (format === 'markdown') io.stdout(markdown(report, ctx));
  else {
    io.stdout(text(report, ctx));
    io.stderr(`${TEXT.read[ctx.lang](read, (ms / 1000).toFixed(1))}\n`);
  }

  if (args.minCoverage !== undefined && coveragePercent(report.summary) < args.minCoverage) {
    io.stderr(`coverage ${percent(report.summary)} is below --min-coverage ${args.minCoverage}%\n`);
    return 1;
  }
  return 0;
}

function percent(r: { handled: number; total: number }): string {
  return `${Math.floor(coveragePercent(r))}%`;
}

function meaning(ctx: Context, id: string): string {
  const e = ctx.catalog.byId(id);
  return e ? e.summary[ctx.lang] ?? e.summary.en : '';
}

function text(r: CoverageReport, ctx: Context): string {
  const { style } = ctx;
  const { lang } = ctx;
  if (!r.endpoints.length) return `${TEXT.none[lang]}\n`;
  const out: string[] = [];
  const rows = [[...TEXT.head[lang]], ...r.endpoints.map((e) => [
    e.endpoint, String(e.calls.length), `${e.handled}/${e.total}${lang === 'zh-CN' ? `（${percent(e)}）` : ` (${percent(e)})`}`, String(e.total - e.handled),
  ])];
  out.push(...table(rows, ctx.width || undefined).map((l, i) => (i === 0 ? style.bold(l) : l)));
  for (const e of r.endpoints) {
    out.push('', style.bold(`${e.endpoint}`) + style.dim(` · ${e.calls.map((c) => `${c.file}:${c.line}`).join(', ')}`));
    for (const err of e.errors) {
      const mark = err.handled.length ? style.green('✓') : style.red('✗');
      const where = err.handled.length ? err.handled.map((h) => `${h.file}:${h.line}`).join(', ') : `${TEXT.retry[lang]}${err.retry}`;
      out.push(`  ${mark} ${String(err.code)}${err.general ? style.dim(TEXT.general[lang]) : ''}  ${style.dim(where)}`);
    }
  }
  out.push('', TEXT.summary[lang](r.summary, percent(r.summary)));
  return out.join('\n') + '\n';
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function markdown(r: CoverageReport, ctx: Context): string {
  const { lang } = ctx;
  const out: string[] = [TEXT.title[lang], ''];
  if (!r.endpoints.length) return out.concat(TEXT.none[lang], '').join('\n');
  out.push(TEXT.lead[lang](r.summary, percent(r.summary)), '');
  out.push(TEXT.columns[lang], '|---|---:|---:|');
  for (const e of r.endpoints) out.push(`| ${cell(e.endpoint)} | ${e.calls.length} | ${e.handled}/${e.total} |`);
  for (const e of r.endpoints) {
    const unhandled = e.errors.filter((x) => !x.handled.length);
    if (!unhandled.length) continue;
    out.push('', `<details><summary>${cell(e.endpoint)}${lang === 'zh-CN' ? '：' : ': '}${TEXT.unhandled[lang](unhandled.length)}</summary>`, '');
    out.push(TEXT.errorColumns[lang], '|---|---|---|');
    for (const x of unhandled) out.push(`| \`${cell(String(x.code))}\`${x.general ? TEXT.general[lang] : ''} | ${x.retry} | ${cell(meaning(ctx, x.id))} |`);
    out.push('', '</details>');
  }
  return out.join('\n') + '\n';
}
