import { scanJson } from './json';
import type { ErrorObject } from './types';

const STATUS_LINE = /^[ \t]*(?:<[ \t]*)?HTTP\/\d(?:\.\d)?[ \t]+(\d{3})\b/gm;

/**
 * Plain text, logs and `.http` files: JSON objects embedded anywhere in the text, each error body
 * paired with the HTTP status line above it (when no other JSON value stands between them).
 */
export function scanText(text: string, base = 0, end = text.length): ErrorObject[] {
  const statuses: { value: number; start: number; end: number }[] = [];
  const slice = base === 0 && end === text.length ? text : text.slice(0, end);
  STATUS_LINE.lastIndex = base;
  for (let m = STATUS_LINE.exec(slice); m; m = STATUS_LINE.exec(slice)) {
    const numStart = m.index + m[0].length - 3;
    statuses.push({ value: Number(m[1]), start: numStart, end: numStart + 3 });
  }
  const out: ErrorObject[] = [];
  let si = 0;
  let lastValueEnd = base;
  let i = text.indexOf('{', base);
  const cache = { nl: -1, bs: -1 };
  while (i >= 0 && i < end) {
    const r = scanJson(text, i, end, true, cache);
    if (r.objects.length > 0) {
      // the status line that stands between the previous JSON value and this one
      let status: (typeof statuses)[number] | undefined;
      while (si < statuses.length && statuses[si].start < i) {
        if (statuses[si].start >= lastValueEnd) status = statuses[si];
        si++;
      }
      for (const o of r.objects) {
        if (status && o.isBody) o.status = status;
        out.push(o);
      }
      lastValueEnd = r.stop;
    }
    const next = r.stop > i ? r.stop : i + 1;
    i = text.indexOf('{', next);
  }
  return out;
}
