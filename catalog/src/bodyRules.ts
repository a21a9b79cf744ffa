/**
 * The one rule set for error bodies: what a response means (its catalog entries, the type it is
 * read as, the retry verdict) and what is wrong with it, as problem codes with their facts.
 * Decode, the CLI, the decode panel and the editor's diagnostics all call `checkBody`, and each
 * phrases the problems in its own words. Rules, in order:
 * 1. The HTTP status comes first: a 4xx/5xx with a legacy envelope-B body is a failure; code 200
 *    means "pending" only with the pending message (the SDKs trust the status the same way).
 * 2. Every failure gets a verdict: with no code, from the status (or a message that names a code).
 * 3. An unknown code with a documented type is read by the type; status checks need a known code.
 * 4. Values an SDK made up (sdkSynth.ts) are named as such, and the reading goes to the status.
 */
import type { Catalog } from './catalog';
import { sdkMadeIn } from './sdkSynth';
import type { Basis, BodyProblem, Envelope, ErrorEntry, ReadAs, Retry, SdkMade } from './types';

/** What a response says, as found in the text. Blank strings are given as null. */
export interface BodyFacts {
  code: string | number | null;
  type: string | null;
  message: string | null;
  httpStatus: number | null;
  /** The response's Retry-After header, when it has one. */
  retryAfter?: string | null;
}

export type BodyProblemCode = BodyProblem['code'];

export interface BodyVerdict {
  envelope: Envelope | null;
  /** The code as the catalog reads it (the string `'200'` of the legacy code becomes 200). */
  code: string | number | null;
  matches: ErrorEntry[];
  known: boolean;
  expectedHttpStatus: number | null;
  retry: Retry | null;
  basis: Basis;
  readAs: ReadAs | null;
  sdkMade: SdkMade[];
  problems: BodyProblem[];
}

function normMessage(s: string): string {
  return s
    .replace(/[’‘]/g, "'")
    .replace(/\s*\(HTTP \d{3}\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const templateCache = new Map<string, RegExp | string>();
/** Does the normalized message `m` fit the template (a literal message, or one with `<field>` holes)? */
function fits(m: string, template: string): boolean {
  let t = templateCache.get(template);
  if (t === undefined) {
    const norm = normMessage(template);
    t = /<[\w ]+>/.test(norm)
      ? new RegExp(`^${norm.split(/<[\w ]+>/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`, 's')
      : norm;
    templateCache.set(template, t);
  }
  return typeof t === 'string' ? m === t : t.test(m);
}

function entryFits(e: ErrorEntry, m: string): boolean {
  if (e.message && fits(m, e.message)) return true;
  return (e.messageExamples ?? []).some((x) => fits(m, x));
}

/** The message is the entry's documented message or one of its examples. */
export function entryFitsMessage(e: ErrorEntry, message: string): boolean {
  return entryFits(e, normMessage(message));
}

/** Entries for the code, narrowed by type, then by the (normalized) message, then to rows that name the type as their own. */
function narrowEntries(catalog: Catalog, code: string | number, type: string | null, m: string | null): ErrorEntry[] {
  let list = catalog.byCode(code);
  const keep = (pred: (e: ErrorEntry) => boolean) => {
    const next = list.filter(pred);
    if (next.length) list = next;
  };
  if (type) keep((e) => e.types.includes(type));
  if (m !== null) keep((e) => entryFits(e, m));
  if (type) keep((e) => e.typeCertain && e.types.includes(type));
  return list;
}

/**
 * Entries a message clearly names: it is a code written as words ("Invalid parameter" →
 * invalid_parameter), or it fits the documented messages of exactly one code.
 */
export function entriesForMessage(catalog: Catalog, message: string, type: string | null): ErrorEntry[] {
  const m = normMessage(message);
  const asCode = m.replace(/[ -]+/g, '_');
  const codes = catalog.isCode(asCode)
    ? [asCode]
    : [...new Set(catalog.entries.filter((e) => e.envelope === 'A' && entryFits(e, m)).map((e) => e.code))];
  if (codes.length !== 1) return [];
  const found = narrowEntries(catalog, codes[0], type, codes[0] === asCode ? null : m);
  // a message says less than a type: the rows that name their own type (the general ones) speak for it
  const certain = found.filter((e) => e.typeCertain);
  return certain.length ? certain : found;
}

/** The legacy pending message (the Node and Python SDKs retry on "request is processing"). */
function isPending(entries: readonly ErrorEntry[], message: string | null): boolean {
  if (message === null) return false;
  return /request is processing/i.test(message) || entries.some((e) => entryFits(e, normMessage(message)));
}

/** The verdict a status alone gives, and the documented type it stands for (when one does). */
export function statusVerdict(status: number): { type: string | null; retry: Retry } {
  if (status === 401) return { type: 'unauthorized_error', retry: 'after_token_refresh' };
  if (status === 403) return { type: null, retry: 'no' };
  if (status === 404) return { type: null, retry: 'after_fix' };
  if (status === 408 || status === 409) return { type: null, retry: 'after_status_check' };
  if (status === 429) return { type: null, retry: 'after_backoff' };
  // outcome unknown: the request may have been applied before the failure
  if (status >= 500) return { type: 'api_error', retry: 'after_status_check' };
  return { type: 'invalid_request_error', retry: 'after_fix' };
}

/**
 * The verdict a documented type gives when its code is not in the catalog. Types whose rows mix
 * internal failures with broken rules cannot say whether the request took effect: look first.
 */
export function typeVerdict(type: string, status: number | null): Retry {
  switch (type) {
    case 'unauthorized_error':
      return 'after_token_refresh';
    case 'invalid_request_error':
    case 'idempotency_error':
    case 'not_found':
      return 'after_fix';
    case 'api_error':
      return status === 429 ? 'after_backoff' : 'after_status_check';
    default:
      return 'after_status_check';
  }
}

function readAs(catalog: Catalog, type: string | null): ReadAs | null {
  const def = type === null ? undefined : catalog.type(type);
  return def ? { type: def.name, httpStatus: def.httpStatus, description: def.description } : null;
}

const unanimous = (entries: readonly ErrorEntry[]): Retry | null => {
  const set = new Set(entries.map((e) => e.retry));
  return set.size === 1 ? [...set][0] : null;
};

const VERDICTS = new WeakMap<Catalog, Map<string, BodyVerdict>>();
/** Distinct responses remembered per catalog; past this the memo starts over. */
const MAX_VERDICTS = 5000;

/**
 * Meaning, verdict and problems of one response. Pure; never throws on odd values. Logs repeat
 * their bodies, so verdicts are remembered per catalog: the result is shared, never to be changed.
 */
export function checkBody(catalog: Catalog, facts: BodyFacts): BodyVerdict {
  let memo = VERDICTS.get(catalog);
  if (!memo) VERDICTS.set(catalog, (memo = new Map()));
  const key = `${typeof facts.code}:${facts.code}\u0000${facts.type}\u0000${facts.message}\u0000${facts.httpStatus}\u0000${facts.retryAfter ?? null}`;
  let v = memo.get(key);
  if (!v) {
    if (memo.size >= MAX_VERDICTS) memo.clear();
    memo.set(key, (v = judge(catalog, facts)));
  }
  return v;
}

function judge(catalog: Catalog, facts: BodyFacts): BodyVerdict {
  const blank = (v: string | null) => (v === null || v.trim() === '' ? null : v);
  const message = blank(facts.message);
  const rawType = blank(facts.type);
  const rawCode = typeof facts.code === 'string' ? blank(facts.code) : typeof facts.code === 'number' && Number.isFinite(facts.code) ? facts.code : null;
  const status = facts.httpStatus;
  const failed = status !== null && status >= 400;
  const problems: BodyProblem[] = [];

  const legacyCode = rawCode !== null && catalog.byCode(rawCode).some((e) => e.envelope === 'B');
  const sdkMade = sdkMadeIn({ code: rawCode, type: rawType, message, httpStatus: status }, { typeKnown: rawType !== null && catalog.isType(rawType), legacyCode });
  for (const made of sdkMade) problems.push({ code: 'sdk-made', made });
  // what the gateway sent, without the values an SDK filled in
  const code = sdkMade.some((m) => m.field === 'code' && !m.stringified) ? null : rawCode;
  const type = sdkMade.some((m) => m.field === 'type') ? null : rawType;
  const gaType = type !== null && catalog.isType(type);

  const verdict: BodyVerdict = {
    envelope: rawCode === null ? null : typeof rawCode === 'number' ? 'B' : 'A',
    code: rawCode,
    matches: [],
    known: false,
    expectedHttpStatus: null,
    retry: null,
    basis: 'none',
    readAs: null,
    sdkMade,
    problems,
  };
  const fromStatus = (): void => {
    if (!failed) return;
    const s = statusVerdict(status);
    verdict.retry = s.retry;
    verdict.basis = 'status';
    verdict.readAs = readAs(catalog, s.type);
    // The 401 row of the seed (unauthorized_error) is what any 401 means: a token to refresh.
    if (status === 401) verdict.matches = narrowEntries(catalog, 'unauthorized_error', 'unauthorized_error', null).filter((e) => e.typeCertain);
  };
  const fromMessage = (inferred: string | null): boolean => {
    if (message === null) return false;
    const found = entriesForMessage(catalog, message, inferred);
    if (!found.length) return false;
    verdict.matches = found;
    verdict.retry = unanimous(found);
    verdict.basis = 'message';
    return true;
  };

  // ---- envelope B: a numeric legacy code (or the string the SDKs make of it)
  const legacy = code === null ? [] : catalog.byCode(code).filter((e) => e.envelope === 'B');
  if (code !== null && legacy.length && (typeof code === 'number' || (/^\d+$/.test(code) && type === null))) {
    verdict.envelope = 'B';
    verdict.code = Number(code);
    if (isPending(legacy, message)) {
      verdict.matches = legacy;
      verdict.retry = unanimous(legacy);
      verdict.basis = 'code';
      problems.push({ code: 'envelope-b-pending' });
      // the gateway sends the pending body with 400 while the first request runs (Android's parser says so too)
      if (failed) problems.push({ code: 'status-body-disagree', status, value: Number(code), trusted: 'message', readAs: null });
      return finish(verdict);
    }
    const inferred = failed ? statusVerdict(status).type : null;
    if (!fromMessage(inferred)) fromStatus();
    if (verdict.retry === null) verdict.retry = failed ? statusVerdict(status).retry : 'after_status_check';
    if (verdict.basis === 'message') verdict.expectedHttpStatus = expectedFor(catalog, verdict.matches);
    problems.push(failed
      ? { code: 'status-body-disagree', status, value: Number(code), trusted: 'status', readAs: verdict.matches[0]?.code !== undefined ? String(verdict.matches[0].code) : inferred }
      : { code: 'envelope-b-not-pending', value: Number(code) });
    return finish(verdict);
  }

  // ---- no code: an {"error": …} text, an empty envelope, an HTML or plain-text page
  if (code === null) {
    if (type !== null && !gaType) {
      problems.push({ code: 'not-global-acquiring', type });
      return finish(verdict);
    }
    if (gaType) {
      verdict.readAs = readAs(catalog, type);
      verdict.retry = typeVerdict(type, status);
      verdict.basis = 'type';
      verdict.expectedHttpStatus = singleStatus(catalog, type);
    } else if (!fromMessage(failed ? statusVerdict(status).type : null)) fromStatus();
    if (verdict.basis === 'message') verdict.expectedHttpStatus = expectedFor(catalog, verdict.matches);
    if (verdict.basis === 'none') verdict.retry = 'after_status_check';
    if (verdict.basis !== 'message' && code === rawCode) problems.push({ code: 'no-error-code', status, retry: verdict.retry as Retry, retryAfter: facts.retryAfter ?? null });
    return finish(verdict);
  }

  // ---- a string code (envelope A)
  if (type !== null && !gaType) {
    problems.push({ code: 'not-global-acquiring', type });
    return finish(verdict);
  }
  const value = String(code);
  const norm = message === null ? null : normMessage(message);
  verdict.matches = narrowEntries(catalog, code, gaType ? type : null, norm);
  if (!verdict.matches.length) {
    if (catalog.isType(value)) problems.push({ code: 'type-used-as-code', value });
    else problems.push({ code: 'unknown-code', value, suggestions: catalog.suggest(value, 3), byType: gaType ? type : null });
    if (gaType) {
      verdict.readAs = readAs(catalog, type);
      verdict.retry = typeVerdict(type, status);
      verdict.basis = 'type';
      verdict.expectedHttpStatus = singleStatus(catalog, type);
    } else fromStatus();
    return finish(verdict);
  }
  verdict.basis = 'code';
  verdict.retry = unanimous(verdict.matches);
  if (gaType && !verdict.matches.some((e) => e.types.includes(type))) {
    problems.push({ code: 'code-type-mismatch', value, type, listed: [...new Set(verdict.matches.flatMap((e) => e.types))] });
  }
  verdict.expectedHttpStatus = gaType ? catalog.expectedStatus(type, code) : expectedFor(catalog, verdict.matches);
  if (verdict.expectedHttpStatus !== null && status !== null && status !== verdict.expectedHttpStatus) {
    problems.push({ code: 'http-status-mismatch', status, expected: verdict.expectedHttpStatus, value, type: gaType ? type : null });
  }
  if (message !== null && norm !== null && !verdict.matches.some((e) => entryFits(e, norm)) && !verdict.matches.some((e) => e.messageVaries)) {
    problems.push({ code: 'message-mismatch', sent: message, documented: verdict.matches.find((e) => e.message)?.message ?? null });
  }
  return finish(verdict);
}

function finish(v: BodyVerdict): BodyVerdict {
  v.known = v.matches.length > 0;
  return v;
}

/** The one status the type comes with, or null when it has several (api_error: by code). */
function singleStatus(catalog: Catalog, type: string): number | null {
  const def = catalog.type(type);
  return def && def.httpStatus.length === 1 ? def.httpStatus[0] : null;
}

/** The one status every type of these entries gives their code, or null. */
function expectedFor(catalog: Catalog, entries: readonly ErrorEntry[]): number | null {
  const statuses = new Set(entries.flatMap((e) => e.types.map((t) => catalog.expectedStatus(t, e.code))));
  statuses.delete(null);
  return statuses.size === 1 ? ([...statuses][0] as number) : null;
}
