/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

// Names whose values are credentials, in header, JSON, query-string or key=value form.
const SECRET_KEY =
  'x-auth-token|x-api-key|x-client-secret|client[_-]?secret|clientsecret|proxy-authorization|authorization|' +
  'api[_-]?key|apikey|auth[_-]?token|authtoken|access[_-]?token|accesstoken|refresh[_-]?token|refreshtoken|' +
  'secret[_-]?key|secretkey|webhook[_-]?secret|password|passwd|token|secret';
// key, then quotes/backslashes of JSON or escaped JSON, a separator, then the value up to a delimiter.
// Linear: every part is a character class or a fixed alternation.
const KEY_VALUE = new RegExp(
  `(?<![\\w-])(${SECRET_KEY})([\\\\"']*\\s*[:=]\\s*[\\\\"']*)((?:bearer|basic|token)\\s+)?([^\\s"'\\\\,;&}\\])<>]+)`,
  'gi',
);
const BEARER = /\b(Bearer|Basic)\s+(?!\[REDACTED\])[A-Za-z0-9\-._~+/]+=*/g;
// JSON Web Tokens, wherever they stand.
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]*)?/g;
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
