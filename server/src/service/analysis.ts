import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { codeBodies, codeBodiesAfterEdit } from './codeBodies';
import { CONTEXT_REACH, ContextFinder, type LiteralContext } from './context';
import { familyOf } from './languages';
import { lineStarts, positionIn, updatedLineStarts } from './lines';
import { findFences, scanCode, scanJson, scanText, scanYaml } from './scanners';
import { DIALECTS } from './scanners/clike';
import { fullScan, rescan, type CLikeScan } from './scanners/incremental';
import type { ErrorObject, Family, Literal } from './scanners/types';

/** A stretch of code in one language family (the whole file, or one Markdown fence). */
export interface CodeRegion {
  family: Family;
  start: number;
  end: number;
  literals: Literal[];
  finder: ContextFinder;
  /** Context per literal index, filled on demand (null: none; a hole: not computed yet). */
  contexts: (LiteralContext | null)[];
  /** A whole C-like document: the lexer checkpoints that let the next version rescan only its edit. */
  scan?: CLikeScan;
  /**
   * Per literal, validation's first look (0 not yet looked at, 1 never flagged, 2 a candidate):
   * it depends only on the literal and the catalog, so it carries over to the next version.
   */
  verdicts: Uint8Array;
  /** Comments, regexes and other stretches the scanner passed over (scanCode's `skips`): read on request only. */
  skips?: number[];
}

/** A stretch read as JSON, YAML or text (for hover on strings outside error objects). */
export interface DataRegion {
  family: 'json' | 'yaml' | 'text';
  start: number;
  end: number;
  /** YAML scalar values. */
  literals?: Literal[];
  /** JSON Lines: error objects were gathered from lines with a `"code"` only (tokens.ts reads the others on demand). */
  lines?: boolean;
}

/** What one version of a document holds, computed once and shared by every feature. */
export interface Analysis {
  uri: string;
  version: number;
  languageId: string;
  text: string;
  code: CodeRegion[];
  data: DataRegion[];
  /** Objects with a `code` or `type` key, by start offset. */
  objects: ErrorObject[];
  /** Validation results per settings key. */
  diagnostics: Map<string, Diagnostic[]>;
  mentionsUqpay(): boolean;
  /** Where each pattern asked about first matches (-1: nowhere): see firstMatch. */
  matches: Map<TextPattern, number>;
  /** The previous version's answers and how this version differs from it, when known (rescans). */
  before?: { matches: Map<TextPattern, number>; edit: { start: number; oldEnd: number; newEnd: number } };
  /** The position of an offset, from the analysis' own line index (built on first use). */
  positionAt(offset: number): Position;
  /** The line index, if it was built. */
  knownLineStarts(): number[] | undefined;
  /** The line index (built on first use). */
  lineStarts(): number[];
}

function codeRegion(family: Family, text: string, start: number, end: number, prev?: CodeRegion): CodeRegion {
  const dialect = family in DIALECTS ? DIALECTS[family as keyof typeof DIALECTS] : undefined;
  if (dialect && start === 0 && end === text.length) {
    const scan = prev?.scan ? rescan(prev.scan, text, dialect) : fullScan(text, dialect);
    const n = scan.lits.length;
    const verdicts = new Uint8Array(n);
    const e = scan.edit;
    if (prev && e) {
      verdicts.set(prev.verdicts.subarray(0, e.keep));
      verdicts.set(prev.verdicts.subarray(e.from, e.from + (n - e.keep - e.fresh)), e.keep + e.fresh);
    }
    return { family, start, end, literals: scan.lits, finder: new ContextFinder(text, family, scan.lits, start, end), contexts: new Array(n), scan, verdicts };
  }
  const literals = scanCode(family, text, start, end);
  return { family, start, end, literals, finder: new ContextFinder(text, family, literals, start, end), contexts: new Array(literals.length), verdicts: new Uint8Array(literals.length) };
}

/** Analyse one version; `prev` (an older version of the same document, given up by the caller) is reused where it can be. */
export function analyzeText(uri: string, version: number, languageId: string, text: string, prev?: Analysis): Analysis {
  const code: CodeRegion[] = [];
  const data: DataRegion[] = [];
  let objects: ErrorObject[] = [];
  // most documents have one region: take its objects as they are, without copying
  const gather = (found: ErrorObject[]): void => {
    objects = objects.length === 0 ? found : objects.concat(found);
  };
  const add = (languageIdOf: string, start: number, end: number): void => {
    const family = familyOf(languageIdOf);
    if (!family || family === 'markdown') return;
    if (family === 'json') {
      const lines = languageIdOf === 'jsonl';
      gather(scanJson(text, start, end, false, undefined, lines).objects);
      data.push({ family, start, end, lines });
    } else if (family === 'yaml') {
      const y = scanYaml(text, start, end);
      gather(y.objects);
      data.push({ family, start, end, literals: y.literals });
    } else if (family === 'text') {
      gather(scanText(text, start, end));
      data.push({ family, start, end });
    } else {
      const old = prev && prev.languageId === languageId && prev.code.length === 1 ? prev.code[0] : undefined;
      const region = codeRegion(family, text, start, end, old?.family === family ? old : undefined);
      code.push(region);
      // error bodies written in code (object literals, dicts, JSON in strings): read as JSON bodies
      // are; after an edit of a rescanned document (whose objects are all its code's bodies), only
      // near the edit
      const edit = region.scan?.edit;
      gather(edit && prev && prev.data.length === 0
        ? codeBodiesAfterEdit(text, region.literals, edit, prev.objects, start, end)
        : codeBodies(text, region.literals, start, end));
    }
  };
  if (familyOf(languageId) === 'markdown') {
    for (const f of findFences(text)) add(f.languageId, f.start, f.end);
    objects.sort((a, b) => a.start - b.start);
  } else add(languageId, 0, text.length);

  // contexts of literals well before the first change still hold (a context reads a bounded
  // window); those literals keep their index, as nothing before them changed
  const edit = code.length === 1 ? code[0].scan?.edit : undefined;
  const first = edit?.start;
  const old = prev && prev.code.length === 1 ? prev.code[0] : undefined;
  if (old && first !== undefined) {
    const lits = code[0].literals;
    const reachable = first - CONTEXT_REACH; // read once, not per literal
    for (let k = 0; k < lits.length && k < old.contexts.length && lits[k].end < reachable; k++) {
      if (old.contexts[k] !== undefined) code[0].contexts[k] = old.contexts[k];
    }
  }
  const before = prev && edit ? { matches: prev.matches, edit } : undefined;
  // an edit's line starts come from the previous version's, when it has them
  return withMethods(uri, version, languageId, text, code, data, objects, before, edit ? prev?.knownLineStarts() : undefined);
}

/**
 * The analysis with its methods. They are made here, not in analyzeText: closures share their
 * function's scope, and there they would hold `prev`, so every version would keep the one before it
 * alive (each keystroke in a 10k-line file kept another 0.7 MB until the document closed).
 */
function withMethods(uri: string, version: number, languageId: string, text: string, code: CodeRegion[], data: DataRegion[], objects: ErrorObject[],
  before: Analysis['before'], prevStarts: number[] | undefined): Analysis {
  let starts: number[] | undefined;
  const lines = (): number[] => {
    if (starts) return starts;
    const edit = before?.edit;
    starts = (prevStarts && edit && updatedLineStarts(prevStarts, text, edit.start, edit.oldEnd, edit.newEnd)) || lineStarts(text);
    prevStarts = undefined; // the previous version's table is not needed any more
    return starts;
  };
  const a: Analysis = {
    uri, version, languageId, text, code, data, objects,
    diagnostics: new Map(),
    matches: new Map(),
    before,
    mentionsUqpay: () => firstMatch(a, UQPAY) >= 0,
    positionAt: (offset) => positionIn(lines(), text, offset),
    knownLineStarts: () => starts,
    lineStarts: lines,
  };
  return a;
}

/** A word looked for in a whole document; `longest`: its longest match, which bounds what an edit can change. */
export interface TextPattern {
  re: RegExp;
  longest: number;
}

export const UQPAY: TextPattern = { re: /uqpay/gi, longest: 5 };

/**
 * Where `p` first matches in the document (-1: nowhere), found once per version. After an edit only
 * the edited stretch is searched (with the pattern's length and a `\b` neighbour each side), and
 * the previous version's answer decides the rest: on every keystroke in a large file that never
 * names the word, a whole-text search would cost more than validating the file.
 */
export function firstMatch(a: Analysis, p: TextPattern): number {
  const known = a.matches.get(p);
  if (known !== undefined) return known;
  const text = a.text;
  const old = a.before?.matches.get(p);
  let at: number;
  if (old === undefined || !a.before) at = matchFrom(text, p.re, 0);
  else {
    const { start, oldEnd, newEnd } = a.before.edit;
    const reach = p.longest + 1;
    if (old >= 0 && old + reach <= start) at = old; // before the edit: nothing earlier changed
    else if (old >= 0 && old - 1 < oldEnd) at = matchFrom(text, p.re, Math.max(0, start - reach)); // the edit touched it
    else {
      // none before, or the first is after the edit: a new one can only be in the edited stretch
      const near = matchIn(text, p, Math.max(0, start - reach), Math.min(text.length, newEnd + 1));
      at = near >= 0 ? near : old < 0 ? -1 : old + newEnd - oldEnd;
    }
  }
  a.matches.set(p, at);
  return at;
}

function matchFrom(text: string, re: RegExp, from: number): number {
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : -1;
}

/** The first match starting in `[from, to)`, read from a slice with room for the match and its neighbours. */
function matchIn(text: string, { re, longest }: TextPattern, from: number, to: number): number {
  const base = Math.max(0, from - 1);
  const part = text.slice(base, Math.min(text.length, to + longest + 1));
  re.lastIndex = 0;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const at = base + m.index;
    if (at >= to) break;
    if (at >= from) return at;
    if (m[0].length === 0) re.lastIndex++;
  }
  return -1;
}

/**
 * The stretches of a code region that are neither code nor literals (comments, regexes, …): the
 * keystroke path's scan does not record them, so the first feature that needs them (the switch
 * feature) scans the region once more with recording on, and the region keeps the result.
 */
export function skipsOf(a: Analysis, region: CodeRegion): number[] {
  if (!region.skips) {
    const skips: number[] = [];
    scanCode(region.family, a.text, region.start, region.end, skips);
    region.skips = skips;
  }
  return region.skips;
}

/** The context of a literal of a code region, cached on the region. */
export function contextOf(_a: Analysis, region: CodeRegion, index: number): LiteralContext | undefined {
  const cached = region.contexts[index];
  if (cached !== undefined) return cached ?? undefined;
  const ctx = region.finder.contextOf(index);
  region.contexts[index] = ctx ?? null;
  return ctx;
}

/** Index of the literal whose range holds `offset` (quotes included, end inclusive), or -1. */
export function literalAt(lits: readonly Literal[], offset: number): number {
  let lo = 0;
  let hi = lits.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = lits[mid];
    if (l.end < offset) lo = mid + 1;
    else if (l.start > offset) hi = mid - 1;
    else {
      // nested literals (template holes) come after their parent: prefer the innermost
      let best = mid;
      for (let k = mid + 1; k < lits.length && lits[k].start <= offset; k++) if (lits[k].end >= offset) best = k;
      return best;
    }
  }
  return -1;
}

export function regionAt<T extends { start: number; end: number }>(regions: readonly T[], offset: number): T | undefined {
  for (const r of regions) if (offset >= r.start && offset <= r.end) return r;
  return undefined;
}

/** A small per-document cache: one analysis per uri, replaced when the version changes. */
export class AnalysisCache {
  private readonly map = new Map<string, Analysis>();
  // a handful of recent documents: older ones are analysed again on demand (a few ms), which keeps
  // memory flat with many files open
  constructor(private readonly limit = 4) {}

  get(document: TextDocument): Analysis {
    const hit = this.map.get(document.uri);
    // a client may resend a version number with other text (a second didOpen): the text decides
    if (hit && hit.version === document.version && hit.languageId === document.languageId && hit.text === document.getText()) {
      // keep recently used entries at the end of the map's order
      this.map.delete(document.uri);
      this.map.set(document.uri, hit);
      return hit;
    }
    const text = document.getText();
    const same = hit !== undefined && hit.languageId === document.languageId && hit.text === text;
    const a = analyzeText(document.uri, document.version, document.languageId, text, hit);
    if (same) a.diagnostics = hit!.diagnostics; // same text, new version: results still hold
    this.map.delete(document.uri);
    this.map.set(document.uri, a);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as string);
    return a;
  }

  delete(uri: string): void {
    this.map.delete(uri);
  }

  clear(): void {
    this.map.clear();
  }
}
