import type { BodyToken, ErrorObject } from './types';
import { inStartOrder } from './order';
import { ESCAPES, unescape } from '../../../../catalog/src/unescape';

const enum Key { None, Code, Type, Message, Status, Other }

interface Frame {
  object: boolean;
  start: number;
  expectKey: boolean;
  key: Key;
  code?: BodyToken;
  type?: BodyToken;
  message?: BodyToken;
  /** A numeric HTTP status kept next to the body in logs: `status`, `http_status`, `statusCode`... */
  status?: BodyToken;
}

export interface JsonScan {
  objects: ErrorObject[];
  /** Where scanning stopped: after the top-level value (embedded) or the end. */
  stop: number;
  /** Embedded mode: the text at `start` was one complete JSON value. */
  complete: boolean;
}

function classify(text: string, s: number, e: number): Key {
  const len = e - s;
  if (len === 4) {
    if (text.startsWith('code', s)) return Key.Code;
    if (text.startsWith('type', s)) return Key.Type;
  } else if (len === 7 && text.startsWith('message', s)) return Key.Message;
  else if (len >= 6 && len <= 11) {
    const k = text.slice(s, e);
    if (k === 'status' || k === 'http_status' || k === 'httpStatus' || k === 'statusCode' || k === 'status_code') return Key.Status;
  }
  return Key.Other;
}

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
}

/**
 * One pass over JSON, JSONC or JSON Lines that records only objects with a `code` or `type` key
 * (no tree, no per-string allocation): fast on multi-megabyte logs.
 * Lenient in document mode (skips what is not JSON, so a half-typed document still yields its
 * objects); strict in embedded mode (text, logs): scanning starts at a `{` and gives up at the
 * first character JSON does not allow, keeping the inner objects completed before it.
 */
/** Next newline and backslash positions found so far, carried between calls over the same text. */
export interface JsonScanCache { nl: number; bs: number }

/**
 * `lines`: JSON Lines, each line a value of its own. An object left open at a newline is closed
 * there (a line being typed), and a line without `"code"` is skipped whole: it holds no error body,
 * and most lines of a log are not errors. (Objects with only a `type` on such lines are found when
 * asked for: hover and completion scan the line under the cursor, see tokens.ts.)
 */
export function scanJson(text: string, start = 0, end = text.length, embedded = false, cache?: JsonScanCache, lines = false): JsonScan {
  const objects: ErrorObject[] = [];
  // frames are reused: a log of a million lines must not allocate one per bracket
  const stack: Frame[] = [];
  const pool: Frame[] = [];
  let i = start;
  // the next newline and backslash at or after the scan position, found with indexOf (fast) and cached
  // a caller scanning many small objects of one text (a log) passes a cache: without it, finding
  // "no backslash until the end" again for every object would make the whole pass quadratic
  let nextNl = cache ? cache.nl : -1;
  let nextBs = cache ? cache.bs : -1;
  const done = (r: JsonScan): JsonScan => {
    if (cache) { cache.nl = nextNl; cache.bs = nextBs; }
    return r;
  };

  const close = (at: number): void => {
    const f = stack.pop()!;
    pool.push(f);
    if (f.object && (f.code || f.type)) {
      objects.push({ start: f.start, end: at, code: f.code, type: f.type, message: f.message, isBody: !!f.code && !!(f.message || f.type) });
    }
    // a status next to a body (`{"status":404,"body":{…}}`) or in it applies to the bodies inside
    const sv = f.status?.value;
    if (f.object && typeof sv === 'number' && sv >= 100 && sv <= 599) {
      const status = { value: sv, start: f.status!.start, end: f.status!.end };
      for (let k = objects.length - 1; k >= 0 && objects[k].start >= f.start; k--) {
        if (objects[k].isBody && !objects[k].status) objects[k].status = status;
      }
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.key = Key.None;
  };

  const setValue = (tok: BodyToken): void => {
    const f = stack[stack.length - 1];
    if (!f || !f.object || f.expectKey) return;
    if (f.key === Key.Code) f.code = tok;
    else if (f.key === Key.Type) f.type = tok;
    else if (f.key === Key.Message) f.message = tok;
    else if (f.key === Key.Status && typeof tok.value === 'number') f.status = tok;
    f.key = Key.None;
  };

  // JSON Lines: the next `"code"` (indexOf, cached like the newline)
  let nextCode = -1;
  /** From a line start with nothing open: the first line at or after `at` that may hold an error body. */
  const skipLines = (at: number): number => {
    if (nextCode < at && nextCode !== end) { nextCode = text.indexOf('"code"', at); if (nextCode < 0 || nextCode > end) nextCode = end; }
    if (nextCode >= end) return end;
    // the start of the line that holds the next "code"
    return Math.max(at, text.lastIndexOf('\n', nextCode) + 1);
  };
  if (lines) i = skipLines(i);

  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 10 && lines) {
      while (stack.length > 0) close(i);
      i = skipLines(i + 1);
      continue;
    }
    if (c === 32 || c === 10 || c === 13 || c === 9) { i++; continue; }
    if (c === 34) {
      if (nextNl <= i) { nextNl = text.indexOf('\n', i + 1); if (nextNl < 0 || nextNl > end) nextNl = end; }
      if (nextBs <= i && nextBs !== end) { nextBs = text.indexOf('\\', i + 1); if (nextBs < 0 || nextBs > end) nextBs = end; }
      let j = text.indexOf('"', i + 1);
      if (j < 0 || j > end) j = end;
      const escaped = nextBs < j;
      if (escaped) {
        // a quote after an odd run of backslashes is escaped: walk this string by hand
        j = i + 1;
        while (j < end) {
          const x = text.charCodeAt(j);
          if (x === 34 || x === 10) break;
          j += x === 92 ? 2 : 1;
        }
        if (j > end) j = end;
      }
      if (j > nextNl) j = nextNl;
      const terminated = j < end && text.charCodeAt(j) === 34;
      if (!terminated && embedded) return done({ objects, stop: j, complete: false });
      const top = stack[stack.length - 1];
      if (top && top.object && top.expectKey) {
        top.key = classify(text, i + 1, j);
      } else if (top && top.object && top.key !== Key.None && top.key !== Key.Other) {
        const raw = text.slice(i + 1, j);
        setValue({ start: i, end: terminated ? j + 1 : j, cStart: i + 1, cEnd: j, value: escaped ? unescape(raw, ESCAPES.json) : raw });
      } else if (top) top.key = Key.None;
      i = terminated ? j + 1 : j;
      continue;
    }
    if (c === 123 || c === 91) {
      const f = pool.pop();
      if (f) {
        f.object = c === 123; f.start = i; f.expectKey = c === 123; f.key = Key.None;
        f.code = undefined; f.type = undefined; f.message = undefined; f.status = undefined;
        stack.push(f);
      } else stack.push({ object: c === 123, start: i, expectKey: c === 123, key: Key.None });
      i++;
      continue;
    }
    if (c === 125 || c === 93) {
      if (stack.length === 0) {
        if (embedded) return done({ objects, stop: i, complete: false });
        i++;
        continue;
      }
      if (embedded && stack[stack.length - 1].object !== (c === 125)) return done({ objects, stop: i, complete: false });
      close(i + 1);
      i++;
      if (embedded && stack.length === 0) return done({ objects, stop: i, complete: true });
      continue;
    }
    if (c === 58) {
      const top = stack[stack.length - 1];
      if (top && top.object) top.expectKey = false;
      else if (embedded) return done({ objects, stop: i, complete: false });
      i++;
      continue;
    }
    if (c === 44) {
      const top = stack[stack.length - 1];
      if (top && top.object) { top.expectKey = true; top.key = Key.None; }
      i++;
      continue;
    }
    if (c === 47 && !embedded) {
      const n1 = text.charCodeAt(i + 1);
      if (n1 === 47) {
        const nl = text.indexOf('\n', i);
        i = nl < 0 || nl > end ? end : nl;
        continue;
      }
      if (n1 === 42) {
        const close2 = text.indexOf('*/', i + 2);
        i = close2 < 0 || close2 > end ? end : close2 + 2;
        continue;
      }
    }
    if ((c >= 48 && c <= 57) || c === 45) {
      let j = i + 1;
      while (j < end && isNumberChar(text.charCodeAt(j))) j++;
      const top = stack[stack.length - 1];
      if (top && top.object && !top.expectKey && (top.key === Key.Code || top.key === Key.Status)) {
        const num = Number(text.slice(i, j));
        if (Number.isFinite(num)) setValue({ start: i, end: j, cStart: i, cEnd: j, value: num });
        else if (embedded) return done({ objects, stop: j, complete: false });
      } else if (top) top.key = Key.None;
      i = j;
      continue;
    }
    if (c >= 97 && c <= 122) { // true, false, null
      let j = i + 1;
      while (j < end && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++;
      const len = j - i;
      const word = len === 4 ? text.startsWith('true', i) || text.startsWith('null', i) : len === 5 && text.startsWith('false', i);
      if (embedded && !word) return done({ objects, stop: i, complete: false });
      const top = stack[stack.length - 1];
      if (top && top.object) top.key = Key.None;
      i = j;
      continue;
    }
    if (embedded) return done({ objects, stop: i, complete: false });
    i++;
  }
  // objects still open at the end (being typed) still count: their end is the end of the text
  while (stack.length > 0) close(end);
  return done({ objects: inStartOrder(objects), stop: end, complete: false });
}
