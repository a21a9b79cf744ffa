/**
 * The next newline and backslash at or after a scan position. Found with `indexOf` and carried
 * forward as a scan moves on (its positions only grow), so each is searched for once per stretch,
 * not once per string.
 */
export interface LineMarks {
  nl: number;
  bs: number;
}

export function lineMarks(): LineMarks {
  return { nl: -1, bs: -1 };
}

/**
 * Where a one-line string with backslash escapes, whose content starts at `from`, ends: its
 * closing `quote` when that comes before any newline and any backslash, found with one `indexOf`.
 * Most strings of a file are like that. -1 when the string must be read character by character.
 */
export function plainStringEnd(text: string, from: number, end: number, quote: string, marks: LineMarks): number {
  if (marks.nl < from) {
    marks.nl = text.indexOf('\n', from);
    if (marks.nl < 0 || marks.nl > end) marks.nl = end;
  }
  if (marks.bs < from) {
    marks.bs = text.indexOf('\\', from);
    if (marks.bs < 0 || marks.bs > end) marks.bs = end;
  }
  const close = text.indexOf(quote, from);
  return close >= 0 && close < marks.nl && close < marks.bs ? close : -1;
}
