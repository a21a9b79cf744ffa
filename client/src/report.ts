/**
 * The decode panel's "Copy report": a Markdown summary of the decoded responses for a support
 * ticket. Findings are already redacted by `decode`; the whole report is redacted once more so
 * nothing a later change adds can leak a secret.
 */
import type { DecodeResult, Lang, Retry } from '../../catalog/src/types';
import { redact } from '../../catalog/src/redact';

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

export interface ReportOptions {
  lang: Lang;
  retryLabels: Record<Retry, string>;
  /** Extension version, for the ticket. */
  version?: string;
  /** When the report was made (ISO); tests pass a fixed one. */
  now?: string;
}

export function decodeReport(result: DecodeResult, o: ReportOptions): string {
  const lines: string[] = ['# UQPAY API error report', ''];
  lines.push(`Generated ${o.now ?? new Date().toISOString()} by UQPAY Error Codes${o.version ? ` ${o.version}` : ''}. Secrets and card numbers are redacted.`, '');
  if (result.findings.length === 0) {
    lines.push('No error response was recognised in the input.', '');
  }
  result.findings.forEach((f, i) => {
    lines.push(`## Response ${i + 1}: ${f.code === null ? 'unrecognised' : code(String(f.code))}`, '');
    const row = (label: string, value: string) => lines.push(`- **${label}:** ${value}`);
    row('Envelope', f.envelope ?? 'n/a');
    if (f.type !== null) row('Type', code(f.type));
    row('HTTP status', f.httpStatus === null ? 'not shown' : String(f.httpStatus));
    if (f.expectedHttpStatus !== null) row('Expected HTTP status', String(f.expectedHttpStatus));
    if (f.message !== null) row('Message', code(f.message));
    if (f.requestId) row('Request id', code(f.requestId));
    if (f.idempotencyKey) row('Idempotency key', code(f.idempotencyKey));
    row('Known to the catalog', f.known ? 'yes' : 'no');
    const retry = f.retry ?? (f.matches.length === 1 ? f.matches[0]!.retry : null);
    if (retry) row('Retry', plain(o.retryLabels[retry] ?? retry));
    for (const m of f.matches) {
      const summary = m.summary[o.lang] || m.summary.en;
      const advice = m.advice[o.lang] || m.advice.en;
      row(`Meaning (${m.group})`, plain(summary));
      row(`What to do (${m.group})`, plain(advice));
    }
    if (f.problems.length) {
      lines.push('- **Problems:**');
      for (const p of f.problems) {
        const sugg = p.suggestions?.length ? ` (did you mean ${p.suggestions.map(code).join(', ')}?)` : '';
        lines.push(`  - ${code(p.code)}: ${plain(p.message)}${sugg}`);
      }
    }
    lines.push('');
  });
  if (result.notes.length) {
    lines.push('## Notes', '');
    for (const n of result.notes) lines.push(`- ${plain(n)}`);
    lines.push('');
  }
  return redact(lines.join('\n'));
}
