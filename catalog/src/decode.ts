import type { Catalog } from './catalog';
import { checkBody, type BodyVerdict } from './bodyRules';
import { findCandidates, statusOnLine, type Candidate } from './candidates';
import { lastBetween, type HeaderLine, type StatusLine } from './httpScan';
import { note } from './decodeNotes';
import { inputForm } from './inputForm';
import { problemText } from './problemText';
import { redact, redactWith, secretsIn, withoutSecrets } from './redact';
import type { DecodeNote, DecodeProblem, DecodeResult, Finding } from './types';

export { DECODE_HELP } from './decodeNotes';

export interface DecodeOptions {
  /** At most this many findings are returned (default 200); the rest are counted in a note. */
  maxFindings?: number;
}

/** Inputs beyond this are cut (a note says so): nobody pastes more than this by hand. */
const MAX_INPUT = 32 * 1024 * 1024;

const PHRASED = new WeakMap<BodyVerdict, DecodeProblem[]>();
/** The verdict's problems with their English sentences, redacted once (verdicts are shared between equal responses). */
function phrased(v: BodyVerdict): DecodeProblem[] {
  let out = PHRASED.get(v);
  if (!out) PHRASED.set(v, (out = v.problems.map((p) => ({ ...p, message: redact(problemText(p, 'en')) }))));
  return out;
}

function headerValue(headers: readonly HeaderLine[], from: number, to: number, names: string[]): string | null {
  return lastBetween(headers, from, to, (h) => names.includes(h.name))?.value.trim() || null;
}

/** Every UQPAY error response found in pasted text, checked against the catalog. Never throws. */
export function decode(text: string, catalog: Catalog, options?: DecodeOptions): DecodeResult {
  try {
    return decodeUnsafe(text, catalog, options);
  } catch (err) {
    return { findings: [], notes: [note({ kind: 'internal-error', detail: redact(err instanceof Error ? err.message : String(err)) }), note({ kind: 'help' })] };
  }
}

function decodeUnsafe(input: string, catalog: Catalog, options?: DecodeOptions): DecodeResult {
  const notes: DecodeNote[] = [];
  if (typeof input !== 'string') return { findings: [], notes: [note({ kind: 'not-text' }), note({ kind: 'help' })] };
  const requested = Number(options?.maxFindings ?? 200);
  const maxFindings = Number.isFinite(requested) ? Math.max(1, Math.min(100_000, Math.floor(requested))) : 200;
  let text = input;
  if (text.length > MAX_INPUT) {
    notes.push(note({ kind: 'input-cut', length: text.length, read: MAX_INPUT }));
    text = text.slice(0, MAX_INPUT);
  }
  const found = findCandidates(text, catalog, maxFindings);
  const { http } = found;
  const statusLines = http.statusLines;
  let successBodies = found.successBodies;

  const findings: Finding[] = [];
  let skipped = 0;
  let prevEnd = 0;
  let acceptedEnd = -1;
  for (const c of found.candidates) {
    if (c.start < acceptedEnd && c.end <= acceptedEnd) continue; // inside one already taken
    if (findings.length >= maxFindings) {
      // Only counted from here on; a weak body is not known to be an error without its status, so it is not counted.
      if (!c.weak) skipped++;
      acceptedEnd = Math.max(acceptedEnd, c.end);
      continue;
    }
    const from = prevEnd;
    const status = statusBefore(statusLines, from, c);
    const httpStatus = c.httpStatus ?? status?.status ?? statusOnLine(text, c.start, from);
    if (c.weak && !(httpStatus !== null && httpStatus >= 400)) {
      successBodies++;
      continue;
    }
    acceptedEnd = Math.max(acceptedEnd, c.end);
    prevEnd = Math.max(prevEnd, c.end);
    // Redact before checking: problem messages quote (and may cut) these strings. Secrets named
    // anywhere around the response are scrubbed too: a field may hold a value whose key was cut off.
    const secrets = secretsIn(text.slice(Math.max(0, c.start - 2000), Math.min(text.length, c.end + 2000)));
    const r = (v: string | null) => (v === null ? null : redactWith(v, secrets));
    const headerTo = Math.max(c.start, c.kind === 'html' || c.kind === 'plain' ? c.end : c.start);
    // Response headers follow the status line; request headers (curl -v `> `) come before it.
    const responseFrom = Math.max(from, status?.offset ?? from);
    const retryAfter = status ? headerValue(http.headers, responseFrom, headerTo, ['retry-after']) : null;
    const checked = checkBody(catalog, {
      httpStatus,
      code: typeof c.code === 'string' ? redactWith(c.code, secrets) : c.code,
      type: r(c.type),
      message: r(c.message),
      retryAfter,
    });
    const finding: Finding = {
      envelope: checked.envelope,
      code: checked.code,
      type: c.type,
      message: c.message,
      httpStatus,
      expectedHttpStatus: checked.expectedHttpStatus,
      known: checked.known,
      matches: checked.matches,
      retry: checked.retry,
      requestId: c.requestId ?? headerValue(http.headers, responseFrom, headerTo, ['x-request-id', 'request-id', 'request_id']),
      idempotencyKey: c.idempotencyKey ?? headerValue(http.headers, from, headerTo, ['x-idempotency-key', 'idempotency-key']),
      problems: phrased(checked),
      basis: checked.basis,
      readAs: checked.readAs,
      sdkMade: checked.sdkMade,
      retryAfter,
      source: { kind: c.kind, start: c.start, end: c.end, form: inputForm(text, c.kind, c.start, status) },
    };
    findings.push(redactFinding(finding, secrets));
  }

  if (skipped) notes.push(note({ kind: 'skipped', shown: findings.length, skipped }));
  if (found.tooDeep) notes.push(note({ kind: 'too-deep', count: found.tooDeep }));
  if (found.truncated) notes.push(note({ kind: 'too-many-objects' }));
  if (!findings.length) {
    if (successBodies) notes.push(note({ kind: 'success-bodies', count: successBodies }));
    notes.push(note({ kind: 'help' }));
  }
  return { findings, notes };
}

/** The last status line after the previous response and before this one (its own, for HTML/plain bodies). */
function statusBefore(lines: readonly StatusLine[], from: number, c: Candidate): StatusLine | undefined {
  if (c.kind === 'html' || c.kind === 'plain') return lastBetween(lines, c.start, c.start + 1);
  return lastBetween(lines, from, c.start);
}

function redactFinding(f: Finding, secrets: readonly string[]): Finding {
  const r = (s: string | null) => (s === null ? null : redactWith(s, secrets));
  return {
    ...f,
    code: typeof f.code === 'string' ? redactWith(f.code, secrets) : f.code,
    type: r(f.type),
    message: r(f.message),
    requestId: r(f.requestId),
    idempotencyKey: r(f.idempotencyKey),
    // already redacted when phrased: only the secrets named around this response are left to take out
    problems: secrets.length ? f.problems.map((p) => ({ ...p, message: withoutSecrets(p.message, secrets) })) : f.problems,
  };
}
