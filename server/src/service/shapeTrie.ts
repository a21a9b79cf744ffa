/**
 * Values written like a code (lower-case letters, digits, `_` and spaces, with at least one `_` or
 * space: the alphabet of diagnostics.ts's CODE_SHAPE, which still decides each new value) seen so
 * far, each with what was decided about it, in a trie read from a literal's last character back to
 * its first. One backward read of a literal's content both tests its shape and finds its entry: a
 * hash with a check against the stored value read every code twice, and the check cost as much as
 * the rest of validation's look at the literal. Backwards, because strings that are no code mostly
 * give themselves away at their end (`%s`, `: `, `.`).
 */

/** Symbol per ASCII character: `a`–`z` 0–25, `0`–`9` 26–35, `_` 36, space 37; 255 for any other. */
const SYMBOL = new Uint8Array(128).fill(255);
for (let c = 97; c <= 122; c++) SYMBOL[c] = c - 97;
for (let c = 48; c <= 57; c++) SYMBOL[c] = c - 48 + 26;
SYMBOL[95] = 36;
SYMBOL[32] = 37;
const WIDTH = 38;
const SEPARATOR = 36;

export class ShapeTrie<T> {
  /** `state * WIDTH + symbol` → the next state (0: none); state 1 is the root. */
  private next = new Uint16Array(1024 * WIDTH);
  /** Per state, the value stored at it (dense: one entry per state). */
  private values: (T | undefined)[] = [undefined, undefined];
  private states = 2;

  /** At most `maxStates` states (≤ 65535): past that the trie starts over (a file of unique strings). */
  constructor(private readonly maxStates = 0xffff) {}

  /**
   * `text[s, e)`: -1 when it is not shaped like a code, 0 when it is and was not added, else the
   * state whose value `get` returns (plain numbers: run from source, an imported constant is read
   * through a getter, here twice per literal).
   */
  walk(text: string, s: number, e: number): number {
    const next = this.next;
    let separator = false;
    let state = 1;
    for (let k = e - 1; k >= s; k--) {
      const c = text.charCodeAt(k);
      const sym = c < 128 ? SYMBOL[c]! : 255;
      if (sym === 255) return -1;
      if (sym >= SEPARATOR) separator = true;
      if (state !== 0) state = next[state * WIDTH + sym]!;
    }
    if (!separator) return -1;
    return state !== 0 && this.values[state] !== undefined ? state : 0;
  }

  get(state: number): T {
    return this.values[state]!;
  }

  /** Stores `value` for `text[s, e)`, which `walk` found shaped like a code. */
  add(text: string, s: number, e: number, value: T): void {
    if (this.states + (e - s) > this.maxStates) this.clear();
    let state = 1;
    for (let k = e - 1; k >= s; k--) {
      const at = state * WIDTH + SYMBOL[text.charCodeAt(k)]!;
      let n = this.next[at]!;
      if (n === 0) {
        n = this.states++;
        this.values.push(undefined);
        if ((n + 1) * WIDTH > this.next.length) this.grow();
        this.next[at] = n;
      }
      state = n;
    }
    this.values[state] = value;
  }

  private grow(): void {
    const bigger = new Uint16Array(Math.min(this.next.length * 2, (this.maxStates + 1) * WIDTH));
    bigger.set(this.next);
    this.next = bigger;
  }

  private clear(): void {
    this.next = new Uint16Array(1024 * WIDTH);
    this.values = [undefined, undefined];
    this.states = 2;
  }
}
