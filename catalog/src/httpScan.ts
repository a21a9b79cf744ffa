/**
 * Finds HTTP status lines and the headers decode cares about, line by line, in raw responses,
 * `curl -i` and `curl -v` output (`< HTTP/2 400`, `< x-request-id: …`, `> x-idempotency-key: …`).
 */

export interface StatusLine {
  offset: number;
  /** Offset just past the line. */
  lineEnd: number;
  status: number;
}

export interface HeaderLine {
  offset: number;
  /** Lower case. */
  name: string;
  value: string;
}

export interface HttpScan {
  statusLines: StatusLine[];
  headers: HeaderLine[];
}

const STATUS = /^\s*(?:[<>]\s*)?HTTP\/\d(?:\.\d)?\s+(\d{3})\b/;
const HEADER = /^\s*(?:[<>]\s*)?([A-Za-z][A-Za-z0-9_-]{0,63})\s*:\s*(.*?)\s*$/;
export const WANTED_HEADERS = new Set(['x-request-id', 'request-id', 'request_id', 'x-idempotency-key', 'idempotency-key', 'content-type', 'retry-after']);
const MAX_LINE = 8192;
/** First letters (lower case) of the wanted header names. */
const HEADER_FIRST = new Set([...WANTED_HEADERS].map((h) => h.charCodeAt(0)));

export function scanHttp(text: string): HttpScan {
  const statusLines: StatusLine[] = [];
  const headers: HeaderLine[] = [];
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    // Look at the first character after blanks and a curl `<`/`>` marker before slicing anything:
    // most lines of a big paste are neither status lines nor wanted headers.
    let p = start;
    while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    const marker = text.charCodeAt(p);
    if (marker === 60 || marker === 62) {
      p++;
      while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    }
    const first = text.charCodeAt(p) | 0x20; // lower case for letters
    if (first === 104 /* h */ && text.startsWith('HTTP/', p)) {
      const m = STATUS.exec(text.slice(p, Math.min(end, p + 64)));
      if (m) statusLines.push({ offset: start, lineEnd: Math.min(n, end + 1), status: Number(m[1]) });
    } else if (HEADER_FIRST.has(first) && end - start <= MAX_LINE) {
      const h = HEADER.exec(text.slice(start, end));
      if (h && WANTED_HEADERS.has(h[1].toLowerCase())) headers.push({ offset: start, name: h[1].toLowerCase(), value: h[2] });
    }
    start = end + 1;
  }
  return { statusLines, headers };
}

/** The last item with `offset` in [from, to), by binary search (items sorted by offset). */
export function lastBetween<T extends { offset: number }>(items: readonly T[], from: number, to: number, pred?: (t: T) => boolean): T | undefined {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].offset < to) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && items[i].offset >= from; i--) if (!pred || pred(items[i])) return items[i];
  return undefined;
}

/** The body after a status line: skip the header block up to the first blank line, stop at the next status line, a curl request/info line, or a size cap. */
export function bodyAfter(text: string, status: StatusLine, nextOffset: number, cap = 65536): { start: number; end: number } {
  let pos = status.lineEnd;
  const limit = Math.min(nextOffset, text.length);
  while (pos < limit) {
    const lineStart = pos;
    let end = text.indexOf('\n', pos);
    if (end === -1 || end > limit) end = limit;
    const line = text.slice(lineStart, Math.min(end, lineStart + 4096)).replace(/\r$/, '');
    if (/^\s*<?\s*$/.test(line)) {
      pos = Math.min(limit, end + 1);
      break;
    }
    if (!/^\s*[<>]?\s*[A-Za-z][\w-]*\s*:/.test(line)) {
      // No blank line after the headers: the body starts here.
      pos = lineStart;
      break;
    }
    pos = Math.min(limit, end + 1);
  }
  const bodyStart = pos;
  let bodyEnd = Math.min(limit, bodyStart + cap);
  // curl -v interleaves `* ` info and `> ` request lines; the body ends at the first of them.
  const stop = /(?:^|\n)[*>] /.exec(text.slice(bodyStart, bodyEnd));
  if (stop) bodyEnd = bodyStart + stop.index;
  return { start: bodyStart, end: Math.max(bodyStart, bodyEnd) };
}
