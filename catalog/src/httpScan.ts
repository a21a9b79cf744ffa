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
export const WANTED_HEADERS = new Set(['x-request-id', 'request-id', 'request_id', 'x-idempotency-key', 'idempotency-key', 'content-type']);
const MAX_LINE = 8192;

export function scanHttp(text: string): HttpScan {
  const statusLines: StatusLine[] = [];
  const headers: HeaderLine[] = [];
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    // Header and status lines are short; long lines are bodies.
    if (end - start <= MAX_LINE) {
      const line = text.slice(start, end);
      if (line.includes('HTTP/')) {
        const m = STATUS.exec(line);
        if (m) statusLines.push({ offset: start, lineEnd: Math.min(n, end + 1), status: Number(m[1]) });
      } else if (line.includes(':')) {
        const h = HEADER.exec(line);
        if (h && WANTED_HEADERS.has(h[1].toLowerCase())) headers.push({ offset: start, name: h[1].toLowerCase(), value: h[2] });
      }
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
