/**
 * `uqpay-errors check [PATHS…]`: the language service's diagnostics over files and folders, for
 * CI. Text (`path:line:col severity code message`), JSON or SARIF 2.1.0. Exit 1 when any warning
 * or error is found.
 */
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createErrorCodeService,
  DEFAULT_SETTINGS,
  DIAGNOSTIC_CODES,
  languageIdForPath,
  type DiagnosticCode,
  type ServiceSettings,
  type SeverityName,
} from '../../server/src/service/index';
import { version } from '../../package.json';
import { UsageError } from './args';
import type { Context } from './context';
import { collectFiles, readSourceFile } from './files';
import { toSarif, type CheckDiagnostic } from './sarif';
import { projectSdksOf } from '../../server/src/projectSdks';

/** Larger files are generated data or logs far beyond what a source check is for. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const SEVERITY_NAMES: SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];
const LSP_SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;

export async function checkCommand(ctx: Context): Promise<number> {
  const { args, io, cwd } = ctx;
  const format = args.json ? 'json' : args.format ?? 'text';
  if (args.json && args.format && args.format !== 'json') {
    throw new UsageError(`--json conflicts with --format ${args.format}`, 'check');
  }
  const settings: ServiceSettings = {
    ...DEFAULT_SETTINGS,
    severity: { ...DEFAULT_SETTINGS.severity, ...parseSeverities(args.severity, DIAGNOSTIC_CODES) },
    docsLanguage: ctx.lang,
  };

  const { files, missing } = collectFiles(args.positionals, cwd, (f) => languageIdForPath(f) !== undefined);
  if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`, 'check');

  const service = createErrorCodeService({ catalog: ctx.catalog, settings });
  // the project (the working folder and each folder named) may depend on a UQPAY SDK in its manifests
  for (const dir of [cwd, ...args.positionals.map((p) => resolve(cwd, p))]) {
    try {
      if (statSync(dir).isDirectory()) service.setProjectSdks(pathToFileURL(dir).href, projectSdksOf(dir));
    } catch {
      /* missing folders are reported below */
    }
  }
  const diags: CheckDiagnostic[] = [];
  let checked = 0;
  for (const file of files) {
    const shown = relative(cwd, file).split(sep).join('/') || file;
    const read = readSourceFile(file, MAX_FILE_BYTES);
    if ('error' in read) {
      io.stderr(`${shown}: cannot read: ${read.error}\n`);
      continue;
    }
    if ('skipped' in read) {
      if (read.skipped === 'large') io.stderr(`${shown}: skipped (larger than ${MAX_FILE_BYTES / 1024 / 1024} MB)\n`);
      continue;
    }
    const text = read.text;
    // Files named explicitly but of no known language are checked as plain text.
    const languageId = languageIdForPath(file) ?? 'plaintext';
    const doc = TextDocument.create(pathToFileURL(file).href, languageId, 1, text);
    checked++;
    for (const d of service.doValidation(doc, settings)) {
      const severity = LSP_SEVERITY[(d.severity ?? 1) as 1 | 2 | 3 | 4] ?? 'error';
      diags.push({
        path: shown,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity,
        code: String(d.code ?? 'uqpay-errors'),
        message: (typeof d.message === 'string' ? d.message : d.message.value).replace(/\s*\n\s*/g, ' '),
      });
    }
    // Files are visited once: drop the service's per-document cache so memory stays flat.
    service.forget(doc.uri);
  }
  diags.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));

  const count = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diags) count[d.severity]++;

  if (format === 'json') {
    io.stdout(JSON.stringify({ filesChecked: checked, diagnostics: diags, summary: count }) + '\n');
  } else if (format === 'sarif') {
    const sarif = toSarif(diags, { ruleIds: [...DIAGNOSTIC_CODES], version, cwd, docs: ctx.catalog.docs });
    io.stdout(JSON.stringify(sarif, null, 2) + '\n');
  } else {
    const { style } = ctx;
    const paint = { error: style.red, warning: style.yellow, information: style.cyan, hint: style.dim };
    const lines = diags.map((d) => `${style.bold(`${d.path}:${d.line}:${d.column}`)} ${paint[d.severity](d.severity)} ${style.dim(d.code)} ${d.message}`);
    if (lines.length) io.stdout(lines.join('\n') + '\n');
    // The tally goes to stderr so stdout stays one diagnostic per line for other tools.
    io.stderr(summaryLine(checked, count, ctx.lang) + '\n');
  }
  return count.error + count.warning > 0 ? 1 : 0;
}

function parseSeverities(items: string[], codes: readonly string[]): Partial<Record<DiagnosticCode, SeverityName>> {
  const out: Partial<Record<DiagnosticCode, SeverityName>> = {};
  for (const item of items) {
    const m = /^([a-z-]+)=([a-z]+)$/.exec(item.trim());
    if (!m) throw new UsageError(`--severity takes CODE=LEVEL, e.g. unknown-error-code=error (got '${item}')`, 'check');
    if (!codes.includes(m[1])) throw new UsageError(`unknown diagnostic code '${m[1]}' (known: ${codes.join(', ')})`, 'check');
    if (!SEVERITY_NAMES.includes(m[2] as SeverityName)) {
      throw new UsageError(`unknown level '${m[2]}' (use ${SEVERITY_NAMES.join(', ')})`, 'check');
    }
    out[m[1] as DiagnosticCode] = m[2] as SeverityName;
  }
  return out;
}

function summaryLine(files: number, c: Record<'error' | 'warning' | 'information' | 'hint', number>, lang: 'en' | 'zh-CN'): string {
  const total = c.error + c.warning + c.information + c.hint;
  if (lang === 'zh-CN') {
    return total
      ? `检查了 ${files} 个文件：${c.error} 个错误，${c.warning} 个警告，${c.information} 条信息，${c.hint} 条提示。`
      : `检查了 ${files} 个文件，未发现问题。`;
  }
  const fileWord = files === 1 ? 'file' : 'files';
  return total
    ? `${files} ${fileWord} checked: ${c.error} error(s), ${c.warning} warning(s), ${c.information} information, ${c.hint} hint(s).`
    : `${files} ${fileWord} checked, no problems.`;
}
