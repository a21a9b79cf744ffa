/**
 * Finds JSON objects inside arbitrary text in one linear pass: braces are balanced with a stack,
 * strings and escapes are respected inside objects, quotes outside objects are ignored (log text
 * has apostrophes), and a raw newline ends a string (JSON strings cannot hold one), so a stray
 * quote costs at most one line. No regex, no recursion.
 */

export interface JsonSpan {
  start: number;
  /** Exclusive. */
  end: number;
  value: unknown;
}

export interface BraceSpan {
  start: number;
  end: number;
}

export interface JsonScanResult {
  /** Outermost parsed objects, in order. */
  objects: JsonSpan[];
  /** Outermost balanced `{…}` stretches that are not JSON (JS object literals, Python reprs, util.inspect). */
  unparsed: BraceSpan[];
  /** Objects skipped because they nest deeper than the limit. */
  tooDeep: number;
  /** True when the scan stopped early (too many objects, or too much text parsed). */
  truncated: boolean;
}

export interface JsonScanOptions {
  /** Deepest nesting of braces and brackets still parsed. */
  maxDepth?: number;
  /** At most this many balanced spans are recorded. */
  maxSpans?: number;
  /** At most this many characters are handed to JSON.parse in total. */
  parseBudget?: number;
  /** Stop after this many parsed objects. */
  maxObjects?: number;
  /** Which non-JSON brace spans to report (all by default); log text can hold hundreds of thousands. */
  keepUnparsed?: (start: number, end: number) => boolean;
}

const OPEN_OBJ = 123; // {
const CLOSE_OBJ = 125; // }
const OPEN_ARR = 91; // [
const CLOSE_ARR = 93; // ]
const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;

/** Could this `{…}` be JSON? Its first non-blank character after the brace must be `"` or `}`. Saves an exception per log-text brace. */
function mayBeJson(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    return c === QUOTE || c === CLOSE_OBJ;
  }
  return false;
}

export function scanJsonObjects(text: string, options: JsonScanOptions = {}): JsonScanResult {
  const maxDepth = options.maxDepth ?? 128;
  const maxSpans = options.maxSpans ?? 200_000;
  const maxObjects = options.maxObjects ?? Infinity;
  let budget = options.parseBudget ?? 64 * 1024 * 1024;
  let truncated = false;

  // Spans are numbered in opening order, which is start order: no sort needed afterwards.
  const starts: number[] = [];
  const ends: number[] = []; // -1 while open (or never closed)
  const deep: boolean[] = [];
  // Each stack frame: the span number for `{`, or -1 for `[`; and the overflow count when opened.
  const frames: number[] = [];
  const overflowAtOpen: number[] = [];
  let overflow = 0; // frames beyond maxDepth, counted but not stored
  let overflowEvents = 0;
  let inString = false;
  let escape = false;

  const openObject = (i: number) => {
    if (starts.length >= maxSpans) {
      truncated = true;
      frames.push(-2); // balanced but not recorded
    } else {
      frames.push(starts.length);
      starts.push(i);
      ends.push(-1);
      deep.push(false);
    }
    overflowAtOpen.push(overflowEvents);
  };

  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (frames.length === 0) {
      if (c === OPEN_OBJ) openObject(i);
      continue;
    }
    if (inString) {
      if (escape) escape = false;
      else if (c === BACKSLASH) escape = true;
      else if (c === QUOTE || c === NEWLINE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJ || c === OPEN_ARR) {
      if (frames.length >= maxDepth) {
        overflow++;
        overflowEvents++;
      } else if (c === OPEN_OBJ) openObject(i);
      else {
        frames.push(-1);
        overflowAtOpen.push(overflowEvents);
      }
    } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
      if (overflow > 0) {
        overflow--;
        continue;
      }
      if (c === CLOSE_ARR) {
        if (frames[frames.length - 1] === -1) {
          frames.pop();
          overflowAtOpen.pop();
        }
        continue;
      }
      // `}`: drop unclosed `[` frames, then close the object.
      while (frames.length && frames[frames.length - 1] === -1) {
        frames.pop();
        overflowAtOpen.pop();
      }
      const k = frames.pop();
      const events = overflowAtOpen.pop();
      if (k === undefined || events === undefined) continue;
      if (k >= 0) {
        ends[k] = i + 1;
        deep[k] = overflowEvents > events;
      }
      if (frames.length === 0) {
        inString = false;
        escape = false;
      }
    }
  }

  const objects: JsonSpan[] = [];
  const unparsed: BraceSpan[] = [];
  let tooDeep = 0;
  let coveredUntil = -1; // end of the last accepted object
  let unparsedUntil = -1; // end of the last recorded unparsed or too-deep span
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const end = ends[k];
    if (end < 0 || start < coveredUntil) continue;
    if (deep[k]) {
      if (start >= unparsedUntil) tooDeep++;
      unparsedUntil = Math.max(unparsedUntil, end);
      continue;
    }
    if (objects.length >= maxObjects) {
      truncated = true;
      break;
    }
    const len = end - start;
    let value: unknown;
    let ok = false;
    if (len <= budget && mayBeJson(text, start, end)) {
      budget -= len;
      try {
        value = JSON.parse(text.slice(start, end));
        ok = true;
      } catch {
        ok = false;
      }
    } else if (len > budget) truncated = true;
    if (ok) {
      objects.push({ start, end, value });
      coveredUntil = end;
    } else if (start >= unparsedUntil && (!options.keepUnparsed || options.keepUnparsed(start, end))) {
      unparsed.push({ start, end });
      unparsedUntil = end;
    }
  }
  return { objects, unparsed, tooDeep, truncated };
}
