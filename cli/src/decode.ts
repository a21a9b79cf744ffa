/**
 * `uqpay-errors decode [FILE|-]`: explain every UQPAY error response found in pasted text (JSON
 * bodies, raw HTTP, curl output, logs, SDK error strings), read from a file or from stdin.
 */
import { readFile } from 'node:fs/promises';
import { localize, noteText, problemText, retryDetail, retryLabel } from '../../catalog/src/index';
import { decodeLarge } from './chunkedDecode';
import type { DecodeResult, Finding, Lang } from '../../catalog/src/types';
import { UsageError } from './args';
import type { Context } from './context';
import { aside, comma, label } from './labels';
import { keyValues, type Style } from './output';

/** The stable `--json` shape: these keys, in this order (new keys are only ever added at the end). */
export function findingJson(f: Finding) {
  return {
    envelope: f.envelope,
    code: f.code,
    type: f.type,
    message: f.message,
    httpStatus: f.httpStatus,
    expectedHttpStatus: f.expectedHttpStatus,
    known: f.known,
    matches: f.matches.map((m) => ({ id: m.id, group: m.group })),
    retry: f.retry,
    problems: f.problems.map((p) => ({ code: p.code, message: p.message })),
    requestId: f.requestId,
    basis: f.basis,
    readAs: f.readAs && { type: f.readAs.type, httpStatus: f.readAs.httpStatus },
    sdkMade: f.sdkMade.map((m) => ({ field: m.field, value: m.value, sdks: m.sdks, httpStatus: m.httpStatus })),
    retryAfter: f.retryAfter,
  };
}

export async function decodeCommand(ctx: Context): Promise<number> {
  const { args, io } = ctx;
  if (args.positionals.length > 1) {
    throw new UsageError(`decode takes one FILE (or - for stdin), got ${args.positionals.length}`, 'decode');
  }
  const source = args.positionals[0];
  let text: string;
  if (source === undefined || source === '-') {
    if (source === undefined && io.stdinIsTTY) {
      throw new UsageError('decode needs input: give a FILE, or pipe text into it (uqpay-errors decode - < response.txt)', 'decode');
    }
    text = await io.readStdin();
  } else {
    try {
      text = await readFile(source, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot read '${source}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code ?? (e as Error).message}`, 'decode');
    }
  }

  const result = decodeLarge(text, ctx.catalog);
  if (args.json) {
    io.stdout(JSON.stringify({ findings: result.findings.map(findingJson), notes: result.notes.map((n) => n.message) }) + '\n');
  } else {
    io.stdout(renderResult(result, text, ctx.lang, ctx.style, ctx.width));
  }
  return result.findings.length ? 0 : 1;
}

function renderResult(result: DecodeResult, text: string, lang: Lang, style: Style, width: number): string {
  const out: string[] = [];
  const n = result.findings.length;
  result.findings.forEach((f, i) => {
    if (i > 0) out.push('');
    const line = lineOf(text, f.source.start);
    const where = lang === 'zh-CN' ? `第 ${line} 行` : `line ${line}`;
    out.push(style.bold(`${label('finding', lang)} ${i + 1}/${n}`) + style.dim(`  ${f.source.kind} · ${where}`));
    out.push(...renderFinding(f, lang, style, width));
  });
  if (result.notes.length) {
    if (out.length) out.push('');
    for (const note of result.notes) out.push(style.dim(noteText(note, lang)));
  }
  return out.join('\n') + '\n';
}

function renderFinding(f: Finding, lang: Lang, style: Style, width: number): string[] {
  const pairs: [string, string][] = [];
  const codeText = f.code === null ? label('none', lang) : String(f.code);
  pairs.push([label('code', lang), codeText + aside(`${f.known ? label('known', lang) : label('notKnown', lang)}${f.envelope ? `${comma(lang)}${label('envelope', lang)} ${f.envelope}` : ''}`, lang)]);
  if (f.type !== null) pairs.push([label('type', lang), f.type]);
  if (f.message !== null) pairs.push([label('message', lang), f.message]);
  const status = f.httpStatus === null ? label('statusNotGiven', lang) : String(f.httpStatus);
  const expected = f.expectedHttpStatus === null ? '' : aside(`${label('expected', lang)} ${f.expectedHttpStatus}`, lang);
  pairs.push([label('http', lang), status + expected]);
  if (f.matches.length) pairs.push([label('matches', lang), f.matches.map((m) => m.id).join(', ')]);
  // Meaning and advice only when the entry is unambiguous; several matches would just repeat.
  if (f.matches.length === 1) {
    pairs.push([label('summary', lang), localize(f.matches[0].summary, lang)]);
    pairs.push([label('advice', lang), localize(f.matches[0].advice, lang)]);
  }
  // Read by the type or the status: say which, and what that type means.
  if (f.readAs && (f.basis === 'type' || f.basis === 'status')) {
    pairs.push([label(f.basis === 'type' ? 'readAsType' : 'readAsStatus', lang), `${f.readAs.type}  (HTTP ${f.readAs.httpStatus.join(' / ')})\n${localize(f.readAs.description, lang)}`]);
  }
  if (f.retry) pairs.push([label('retry', lang), `${retryLabel(f.retry, lang)}${aside(f.retry, lang)}\n${retryDetail(f.retry, lang)}`]);
  if (f.retryAfter) pairs.push([label('retryAfter', lang), f.retryAfter]);
  if (f.requestId) pairs.push([label('requestId', lang), f.requestId]);
  if (f.idempotencyKey) pairs.push([label('idempotencyKey', lang), f.idempotencyKey]);
  const lines = keyValues(pairs, { indent: 2, width, style });
  if (f.problems.length) {
    lines.push(`  ${style.dim(label('problems', lang))}`);
    for (const p of f.problems) {
      // explanations rather than faults: the reading, not the response, is what they are about
      const note = p.code === 'envelope-b-pending' || p.code === 'sdk-made' || p.code === 'no-error-code' || p.code === 'status-body-disagree';
      const mark = note ? style.yellow('•') : style.red('✗');
      lines.push(`    ${mark} ${style.bold(p.code)}  ${problemText(p, lang)}`);
    }
  }
  return lines;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
