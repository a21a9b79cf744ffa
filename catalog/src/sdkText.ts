/**
 * Error shapes that are not JSON: the Go SDK's `Error()` string (`<code>: <message> (HTTP <status>)`),
 * and key/value dumps of SDK error objects (Node's util.inspect, Python reprs, Go `%+v`,
 * `key=value` log fields).
 */
import { unescape } from './unescape';

export interface LooseError {
  start: number;
  end: number;
  code: string | number | null;
  type: string | null;
  message: string | null;
  httpStatus: number | null;
  requestId: string | null;
  idempotencyKey: string | null;
}

const GO_STATUS = /\(HTTP (\d{3})\)/g;
const SNAKE = /^[a-z0-9]+(?:_[a-z0-9]+)+$/;
const NUMERIC = /^\d{1,6}$/;

/** Does this look like a code by itself (snake_case or digits)? */
function codeLike(s: string): boolean {
  return SNAKE.test(s) || NUMERIC.test(s);
}

/**
 * Go SDK strings: `retrieve_payment_intent_failed: Retrieve payment intent failed (HTTP 400)`,
 * possibly behind a log prefix or wrapped (`create intent: <code>: <message> (HTTP 400)`).
 * `isKnown` tells which candidate segment is a catalog code.
 */
export function findGoErrorStrings(text: string, isKnown: (code: string) => boolean, limit = 10_000): LooseError[] {
  const out: LooseError[] = [];
  GO_STATUS.lastIndex = 0;
  let consumedUntil = -1;
  for (let m = GO_STATUS.exec(text); m && out.length < limit; m = GO_STATUS.exec(text)) {
    if (m.index < consumedUntil) continue;
    let end = m.index + m[0].length;
    let status = Number(m[1]);
    // The velocity message already ends in "(HTTP 429)"; the SDK then appends its own.
    const again = /^ \(HTTP (\d{3})\)/.exec(text.slice(end, end + 12));
    let messageEnd = m.index;
    if (again) {
      messageEnd = end;
      status = Number(again[1]);
      end += again[0].length;
    }
    const lineStart = Math.max(text.lastIndexOf('\n', m.index) + 1, m.index - 2000);
    const prefix = text.slice(lineStart, messageEnd).replace(/\s+$/, '');
    const found = splitCodeAndMessage(prefix, isKnown);
    consumedUntil = end;
    if (!found) continue;
    out.push({
      start: lineStart + found.codeStart,
      end,
      code: NUMERIC.test(found.code) ? Number(found.code) : found.code,
      type: null,
      message: found.message || null,
      httpStatus: status,
      requestId: null,
      idempotencyKey: null,
    });
  }
  return out;
}

function splitCodeAndMessage(prefix: string, isKnown: (code: string) => boolean): { code: string; codeStart: number; message: string } | undefined {
  const seps: number[] = [];
  for (let i = prefix.indexOf(': '); i !== -1 && seps.length < 20; i = prefix.indexOf(': ', i + 2)) seps.push(i);
  let fallback: { code: string; codeStart: number; message: string } | undefined;
  let segStart = 0;
  for (const sep of seps) {
    const segment = prefix.slice(segStart, sep);
    const message = prefix.slice(sep + 2).trim();
    // The code is the whole segment or its last few words (a log prefix may stand before it).
    const words = segment.split(/\s+/).filter(Boolean);
    for (let k = Math.max(0, words.length - 6); k < words.length; k++) {
      const candidate = words.slice(k).join(' ').replace(/^["'`[(]+|["'`\])]+$/g, '');
      if (isKnown(candidate)) {
        return { code: candidate, codeStart: segStart + segment.lastIndexOf(words[k]), message };
      }
    }
    const last = (words[words.length - 1] ?? '').replace(/^["'`[(]+|["'`\])]+$/g, '');
    if (!fallback && codeLike(last)) fallback = { code: last, codeStart: segStart + segment.lastIndexOf(last), message };
    segStart = sep + 2;
  }
  return fallback;
}

const KEY_NAMES: Record<string, keyof Omit<LooseError, 'start' | 'end'>> = {
  type: 'type',
  code: 'code',
  message: 'message',
  msg: 'message',
  httpstatus: 'httpStatus',
  http_status: 'httpStatus',
  statuscode: 'httpStatus',
  status_code: 'httpStatus',
  status: 'httpStatus',
  requestid: 'requestId',
  request_id: 'requestId',
  idempotencykey: 'idempotencyKey',
  idempotency_key: 'idempotencyKey',
  // Java-style getters print as errorCode / errorMessage.
  errorcode: 'code',
  error_code: 'code',
  errormessage: 'message',
  error_message: 'message',
};

// key, separator, then a quoted value, a number, or a bare value. Bare message values run to the
// next `Key:`/`key=` or a closing bracket (Go's `%+v` prints `Message:Retrieve payment intent failed StatusCode:400`).
const KV =
  /(?<![\w.-])["']?(type|code|message|msg|errorCode|error_code|errorMessage|error_message|httpStatus|http_status|statusCode|status_code|status|requestId|request_id|idempotencyKey|idempotency_key)["']?\s*[:=](?!=)\s*(?:'((?:\\.|[^'\\\n]){0,2000})'|"((?:\\.|[^"\\\n]){0,2000})"|([^\s,;}\])'"]{1,200}(?:[ \t]+(?![A-Za-z_]\w*\s*[:=])[^\s,;}\])'"]{1,200}){0,60}))/gi;

/** Fields of an SDK error dumped as key/value text; undefined when there is no code and no error type. */
export function extractKeyValues(text: string, start: number): LooseError | undefined {
  const found: LooseError = { start, end: start + text.length, code: null, type: null, message: null, httpStatus: null, requestId: null, idempotencyKey: null };
  KV.lastIndex = 0;
  let any = false;
  let messageFromMsg = false;
  for (let m = KV.exec(text); m; m = KV.exec(text)) {
    const key = m[1].toLowerCase();
    const field = KEY_NAMES[key];
    const quoted = m[2] ?? m[3];
    const value = quoted !== undefined ? unescape(quoted) : m[4];
    if (!field || value === undefined) continue;
    // The first occurrence wins, except that a logger's own `msg` gives way to the error's `message`.
    if (field === 'message' && messageFromMsg && key !== 'msg') {
      found.message = value;
      messageFromMsg = false;
      continue;
    }
    if (found[field] !== null) continue;
    if (field === 'message' && key === 'msg') messageFromMsg = true;
    if (field === 'httpStatus') {
      const n = Number(value);
      if (Number.isInteger(n) && n >= 100 && n <= 599) found.httpStatus = n;
    } else if (field === 'code') {
      if (found.code !== null) continue;
      found.code = quoted === undefined && NUMERIC.test(value) ? Number(value) : value;
      any = true;
    } else {
      found[field] = value;
      if (field === 'type') any = true;
    }
  }
  if (!any) return undefined;
  if (found.code === null && !(found.type && /(_error|^not_found)$/.test(found.type))) return undefined;
  return found;
}

/** SDK error class names whose `Name: message` line heads an error dump or stands alone. */
export const SDK_ERROR_LINE =
  /\b(UQPayError|AuthenticationError|ValidationError|ForbiddenError|NotFoundError|RateLimitError|ConflictError|IdempotencyError|ServerError|UqpayApiException|UqpayException|APIError)\b(?:\s*\[[^\]\n]{0,80}\])?:\s*([^\n]{1,500})/g;
