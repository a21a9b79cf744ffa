/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

// Names whose values are credentials, in header, JSON, query-string or key=value form.
const SECRET_KEY =
  'x-auth-token|x-api-key|x-client-secret|client[_-]?secret|clientsecret|proxy-authorization|authorization|' +
  'api[_-]?key|apikey|auth[_-]?token|authtoken|access[_-]?token|accesstoken|refresh[_-]?token|refreshtoken|' +
  'secret[_-]?key|secretkey|webhook[_-]?secret|password|passwd|token|secret';
// key, then quotes/backslashes of JSON or escaped JSON, a separator, then the value up to a delimiter.
// Linear: every part is a character class or a fixed alternation.
// A word start, or right after an escaped newline/tab inside a logged JSON string (`\nBearer …`).
const START = String.raw`(?:(?<![\w-])|(?<=\\[nrt]))`;
const KEY_VALUE = new RegExp(
  String.raw`${START}(${SECRET_KEY})([\\"']*\s*[:=]\s*[\\"']*)((?:bearer|basic|token)\s+)?(?!\[REDACTED\]|(?:bearer|basic|token)\s+\[REDACTED\])([^\s"'\\,;&}\])<>]+)`,
  'gi',
);
const BEARER = new RegExp(String.raw`${START}(Bearer|Basic)\s+(?!\[REDACTED\])[A-Za-z0-9\-._~+/]+=*`, 'g');
// JSON Web Tokens, wherever they stand.
const JWT = new RegExp(String.raw`${START}eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]*)?`, 'g');
// 13–19 digits, single spaces or dashes allowed between them.
const DIGITS = /(?<![\d])\d(?:[ -]?\d){12,}(?!\d)/g;

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Card numbers inside a run of digits and separators: the longest Luhn-valid 13–19-digit stretch, masked. */
function maskCards(run: string): string {
  if (run.length > 200) {
    // Long runs: mask piecewise so the work stays linear.
    let out = '';
    for (let i = 0; i < run.length; i += 100) out += maskCards(run.slice(i, i + 100));
    return out;
  }
  // Digit positions; a stretch may start or end only at a digit next to a separator or the run's edge.
  const pos: number[] = [];
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) >= 48 && run.charCodeAt(i) <= 57) pos.push(i);
  const startOk = (k: number) => k === 0 || pos[k] - pos[k - 1] > 1;
  const endOk = (k: number) => k === pos.length - 1 || pos[k + 1] - pos[k] > 1;
  for (let len = Math.min(19, pos.length); len >= 13; len--) {
    for (let a = 0; a + len <= pos.length; a++) {
      const b = a + len - 1;
      if (!startOk(a) || !endOk(b)) continue;
      const digits = Array.from({ length: len }, (_, k) => run[pos[a + k]]).join('');
      if (!luhn(digits)) continue;
      const before = run.slice(0, pos[a]);
      const after = run.slice(pos[b] + 1);
      return `${maskCards(before)}[CARD ••••${digits.slice(-4)}]${maskCards(after)}`;
    }
  }
  return run;
}

/**
 * The raw secret values in a text (credential values, bearer tokens, JWTs, card numbers), so that
 * a caller can scrub them from strings cut out of that text, where the key naming them may be gone.
 */
export function secretsIn(text: string): string[] {
  if (typeof text !== 'string' || !text) return [];
  const out = new Set<string>();
  for (const m of text.matchAll(KEY_VALUE)) out.add(m[4]);
  for (const m of text.matchAll(BEARER)) out.add(m[0].replace(/^(Bearer|Basic)\s+/, ''));
  for (const m of text.matchAll(JWT)) out.add(m[0]);
  for (const m of text.matchAll(DIGITS)) {
    const masked = maskCards(m[0]);
    if (masked === m[0]) continue;
    out.add(m[0]);
    out.add(m[0].replace(/[ -]/g, ''));
  }
  // Short values would scrub ordinary words.
  return [...out].filter((v) => v.length >= 6);
}

/** redact(), then every occurrence of the given secret values replaced too. */
export function redactWith(text: string, secrets: readonly string[]): string {
  return withoutSecrets(redact(text), secrets);
}

/** Replace each of these secrets in text already passed through `redact`. */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * Replace credentials (bearer tokens, x-auth-token, API keys, client secrets, JWTs) and card
 * numbers (13–19 digits passing Luhn; the last four kept) in free text.
 */
export function redact(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return typeof text === 'string' ? text : '';
  let out = text.replace(KEY_VALUE, (_m, key: string, sep: string, scheme: string | undefined) => `${key}${sep}${scheme ?? ''}${REDACTED}`);
  out = out.replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`);
  out = out.replace(JWT, REDACTED);
  out = out.replace(DIGITS, (run) => maskCards(run));
  return out;
}
