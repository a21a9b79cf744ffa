import type { Catalog } from './catalog';
import { checkBody, type BodyVerdict } from './bodyRules';
import { findCandidates, statusOnLine, type Candidate } from './candidates';
import { lastBetween, type HeaderLine, type StatusLine } from './httpScan';
import { inputForm } from './inputForm';
import { problemText } from './problemText';
import { redact, redactWith, secretsIn, withoutSecrets } from './redact';
import type { DecodeProblem, DecodeResult, Finding } from './types';

export interface DecodeOptions {
  /** At most this many findings are returned (default 200); the rest are counted in a note. */
  maxFindings?: number;
}

/** Inputs beyond this are cut (a note says so): nobody pastes more than this by hand. */
const MAX_INPUT = 32 * 1024 * 1024;

export const DECODE_HELP =
  'No UQPAY error response found. decode reads: a JSON error body ({"type","code","message"}, or a numeric legacy code such as ' +
  '{"code":200,"message":"…"}), a raw HTTP response or `curl -i` / `curl -v` output, log lines with a JSON body inside, several ' +
  'responses (NDJSON or one after another), and SDK error strings such as `retrieve_payment_intent_failed: Retrieve payment intent failed (HTTP 400)`.';

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

/** The note for JSON objects that are not errors (also the CLI's, which decodes in chunks). */
export function successBodiesNote(count: number): string {
  return `Found ${count} JSON ${count === 1 ? 'object' : 'objects'} without error fields (success responses are not errors).`;
}

/** Every UQPAY error response found in pasted text, checked against the catalog. Never throws. */
export function decode(text: string, catalog: Catalog, options?: DecodeOptions): DecodeResult {
  try {
    return decodeUnsafe(text, catalog, options);
  } catch (err) {
    return { findings: [], notes: [`decode stopped on an internal error: ${redact(err instanceof Error ? err.message : String(err))}`, DECODE_HELP] };
  }
}

function decodeUnsafe(input: string, catalog: Catalog, options?: DecodeOptions): DecodeResult {
  const notes: string[] = [];
  if (typeof input !== 'string') return { findings: [], notes: ['decode needs text.', DECODE_HELP] };
  const requested = Number(options?.maxFindings ?? 200);
  const maxFindings = Number.isFinite(requested) ? Math.max(1, Math.min(100_000, Math.floor(requested))) : 200;
  let text = input;
  if (text.length > MAX_INPUT) {
    notes.push(`The input is ${text.length} characters; only the first ${MAX_INPUT} were read.`);
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

  if (skipped) notes.push(`Showing the first ${findings.length} error responses; ${skipped} more were skipped.`);
  if (found.tooDeep) notes.push(`Skipped ${found.tooDeep} JSON ${found.tooDeep === 1 ? 'value' : 'values'} nested too deeply to be an API response.`);
  if (found.truncated) notes.push('The input holds too many JSON objects; later ones were not examined.');
  if (!findings.length) {
    if (successBodies) notes.push(successBodiesNote(successBodies));
    notes.push(DECODE_HELP);
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
