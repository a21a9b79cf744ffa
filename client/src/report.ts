/**
 * The decode panel's "Copy report": a Markdown summary of the decoded responses for a support
 * ticket, in the panel's language. Findings are already redacted by `decode`; every value that
 * came from the paste is redacted once more here so nothing a later change adds can leak a secret.
 * Our own words (meanings, advice, retry labels) are left as they are: they quote header shapes
 * like `x-auth-token: Bearer <token>` that a redactor would otherwise mangle.
 */
import { noteText } from '../../catalog/src/decodeNotes';
import { redact } from '../../catalog/src/redact';
import type { DecodeResult, Lang, Retry } from '../../catalog/src/types';
import { translator } from './uiText';
import { groupLabel } from './webview/catalog/model';
import { problemLine, sourceText } from './webview/decode/model';
import { format, localizedStrings } from './webview/strings';

/** Inline code that survives backticks inside the value. */
function code(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

/** One line of plain text in a Markdown table cell or list item. */
function plain(value: string): string {
  return value.replace(/\r?\n/g, ' ').replace(/([\\|*_[\]<>#])/g, '\\$1');
}

/** A value from the paste: redacted, then shown as inline code. */
const pasted = (value: string): string => code(redact(value));

export interface ReportOptions {
  lang: Lang;
  retryLabels: Record<Retry, string>;
  /** Extension version, for the ticket. */
  version?: string;
  /** When the report was made (ISO); tests pass a fixed one. */
  now?: string;
}

export function decodeReport(result: DecodeResult, o: ReportOptions): string {
  const t = translator(o.lang);
  const strings = localizedStrings(t);
  const colon = o.lang === 'zh-CN' ? '：' : ':';
  const after = o.lang === 'zh-CN' ? '' : ' ';
  const lines: string[] = [`# ${t('UQPAY API error report')}`, ''];
  lines.push(t('Generated {0} by UQPAY Error Codes{1}. Secrets and card numbers are redacted.', o.now ?? new Date().toISOString(), o.version ? ` ${o.version}` : ''), '');
  if (result.findings.length === 0) {
    lines.push(t('No error response was recognised in the input.'), '');
  }
  result.findings.forEach((f, i) => {
    lines.push(`## ${format(strings.cardTitle, i + 1, f.code === null ? t('unrecognised') : pasted(String(f.code)))}`, '');
    const row = (label: string, value: string) => lines.push(`- **${label}${colon}** ${value}`);
    row(strings.fieldEnvelope, f.envelope ?? strings.none);
    if (f.type !== null) row(strings.fieldTypes, pasted(f.type));
    row(strings.fieldStatus, f.httpStatus === null ? strings.statusNotShown : String(f.httpStatus));
    if (f.expectedHttpStatus !== null) row(t('Expected HTTP status'), String(f.expectedHttpStatus));
    if (f.message !== null) row(strings.fieldMessage, pasted(f.message));
    if (f.requestId) row(strings.fieldRequestId, pasted(f.requestId));
    if (f.idempotencyKey) row(strings.fieldIdempotencyKey, pasted(f.idempotencyKey));
    row(strings.fieldSource, sourceText(f, strings));
    row(t('Known to the catalog'), f.known ? t('yes') : t('no'));
    const retry = f.retry ?? (f.matches.length === 1 ? f.matches[0]!.retry : null);
    if (retry) row(strings.fieldRetry, plain(o.retryLabels[retry] ?? retry));
    for (const m of f.matches) {
      const group = groupLabel(m.group, strings);
      const paren = (s: string) => format(strings.withNote, s, group);
      row(paren(strings.fieldMeaning), plain(m.summary[o.lang] || m.summary.en));
      row(paren(strings.fieldAdvice), plain(m.advice[o.lang] || m.advice.en));
    }
    if (f.problems.length) {
      lines.push(`- **${strings.fieldProblems}${colon}**`);
      // Problem texts quote the paste (codes, types, messages): redacted like it.
      for (const p of f.problems) lines.push(`  - ${code(p.code)}${colon}${after}${plain(redact(problemLine(p, o.lang, strings)))}`);
    }
    lines.push('');
  });
  if (result.notes.length) {
    lines.push(`## ${t('Notes')}`, '');
    for (const n of result.notes) lines.push(`- ${plain(redact(noteText(n, o.lang)))}`);
    lines.push('');
  }
  return lines.join('\n');
}
