/**
 * Where one-line strings end, and where backslashes are, for a scan over `text` up to `end`. The
 * next newline and backslash are found with `indexOf` and carried forward as the scan moves on (its
 * positions only grow), so each is searched for once per stretch, not once per string. A scanner
 * (or validation, over literals in order) makes one per scan and calls its methods (a local
 * object's method inlines; a function imported from another module is read through the module on
 * every string when run from source).
 */
export class PlainStrings {
  private nl = -1;
  private bs = -1;

  constructor(private readonly text: string, private readonly end: number) {}

  /**
   * Where a one-line string with backslash escapes, whose content starts at `from`, ends: its
   * closing `quote` when that comes before any newline and any backslash, found with one `indexOf`.
   * Most strings of a file are like that. -1 when the string must be read character by character.
   */
  endOf(from: number, quote: string): number {
    const { text, end } = this;
    if (this.nl < from) {
      this.nl = text.indexOf('\n', from);
      if (this.nl < 0 || this.nl > end) this.nl = end;
    }
    const close = text.indexOf(quote, from);
    return close >= 0 && close < this.nl && close < this.backslashFrom(from) ? close : -1;
  }

  /** The first backslash at or after `from` (`end` when none); `from` must not go back. */
  backslashFrom(from: number): number {
    if (this.bs < from) {
      this.bs = this.text.indexOf('\\', from);
      if (this.bs < 0 || this.bs > this.end) this.bs = this.end;
    }
    return this.bs;
  }
}
