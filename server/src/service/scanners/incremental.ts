import { CHECKPOINT_EVERY, CLikeLiteral, scanCLike, type Checkpoint, type Dialect } from './clike';
import type { Literal } from './types';

/** The literals of a whole C-like document and the lexer checkpoints to rescan it after an edit. */
export interface CLikeScan {
  text: string;
  lits: Literal[];
  checkpoints: Checkpoint[];
  /** Rescans: the edited stretch (its first changed character, old and new end), and which literals are the old ones. */
  edit?: ScanEdit;
}

/**
 * Literals `[0, keep)` are the old `[0, keep)`, the next `fresh` were scanned again, and the rest
 * are the old ones from index `from` on, shifted: per-literal results carry over by index.
 */
export interface ScanEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
  keep: number;
  fresh: number;
  from: number;
}

export function fullScan(text: string, d: Dialect): CLikeScan {
  const checkpoints: Checkpoint[] = [];
  const lits = scanCLike(text, d, 0, text.length, { checkpoints });
  return { text, lits, checkpoints };
}

/**
 * Rescan after an edit: restart at the last checkpoint before the first changed character, stop at
 * the first checkpoint after the change where the lexer state (plain code, same open braces, same
 * regex expectation) equals the old one at the same place, and reuse the old literals from there,
 * shifted. Work is proportional to the edit (a few KB), not to the file. `prev` is consumed: its
 * literals after the edit are shifted in place.
 */
export function rescan(prev: CLikeScan, text: string, d: Dialect): CLikeScan {
  const old = prev.text;
  if (old === text) {
    const n = prev.lits.length;
    return { ...prev, edit: { start: text.length, oldEnd: text.length, newEnd: text.length, keep: n, fresh: 0, from: n } };
  }
  const max = Math.min(old.length, text.length);
  // equal runs are skipped a block at a time (native comparison), then narrowed char by char
  const BLOCK = 4096;
  let p = 0;
  while (p + BLOCK <= max && old.slice(p, p + BLOCK) === text.slice(p, p + BLOCK)) p += BLOCK;
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s + BLOCK <= max - p && old.slice(old.length - s - BLOCK, old.length - s) === text.slice(text.length - s - BLOCK, text.length - s)) s += BLOCK;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const delta = text.length - old.length;
  const oldEditEnd = old.length - s;
  const newEditEnd = text.length - s;

  // restart at the last checkpoint whose position is not after the first change
  const cps = prev.checkpoints;
  let lo = 0;
  let hi = cps.length - 1;
  let ci = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cps[mid].pos <= p) { ci = mid; lo = mid + 1; } else hi = mid - 1;
  }
  const from = ci >= 0 ? cps[ci] : undefined;
  const startPos = from ? from.pos : 0;

  // old checkpoints after the change, by their position in the new text
  const later = new Map<number, Checkpoint>();
  for (let k = ci + 1; k < cps.length; k++) if (cps[k].pos > oldEditEnd) later.set(cps[k].pos + delta, cps[k]);
  const mapBrace = (b: number) => (b >= oldEditEnd ? b + delta : b);

  const checkpoints: Checkpoint[] = cps.slice(0, ci + 1);
  const control = {
    from,
    checkpoints,
    stoppedAt: undefined as number | undefined,
    stop: (pos: number, braces: readonly number[], regexOk: () => boolean): boolean => {
      if (pos <= newEditEnd) return false;
      const o = later.get(pos);
      if (!o || o.braces.length !== braces.length) return false;
      for (let k = 0; k < braces.length; k++) if (mapBrace(o.braces[k]) !== braces[k]) return false;
      return o.regexOk === regexOk();
    },
  };
  const fresh = scanCLike(text, d, 0, text.length, control);

  // literals before the restart point are unchanged (it is in plain code, so none spans it)
  let keep = 0;
  while (keep < prev.lits.length && prev.lits[keep].start < startPos) keep++;
  const lits = prev.lits.slice(0, keep);
  // read once: run from source, each read of an import is a getter call, here once per literal
  const Lit = CLikeLiteral;
  // point every kept literal at the new text: otherwise each old version would stay in memory
  for (const l of lits) if (l instanceof Lit) l.src = text;
  for (const l of fresh) lits.push(l);
  let reuseFrom = prev.lits.length;
  if (control.stoppedAt !== undefined) {
    const oldStop = control.stoppedAt - delta;
    let k = keep;
    while (k < prev.lits.length && prev.lits[k].start < oldStop) k++;
    reuseFrom = k;
    for (; k < prev.lits.length; k++) {
      const l = prev.lits[k];
      if (l instanceof Lit) l.src = text; // same content, now at shifted offsets of the new text
      l.start += delta;
      l.end += delta;
      l.cStart += delta;
      l.cEnd += delta;
      if (l.brace !== undefined) l.brace = mapBrace(l.brace);
      lits.push(l);
    }
    let last = checkpoints.length ? checkpoints[checkpoints.length - 1].pos : -1;
    for (const cp of cps) {
      if (cp.pos < oldStop) continue;
      cp.pos += delta;
      cp.braces = cp.braces.map(mapBrace);
      if (cp.pos > last + CHECKPOINT_EVERY / 2 || checkpoints.length === 0) {
        checkpoints.push(cp);
        last = cp.pos;
      }
    }
  }
  return { text, lits, checkpoints, edit: { start: p, oldEnd: oldEditEnd, newEnd: newEditEnd, keep, fresh: fresh.length, from: reuseFrom } };
}
