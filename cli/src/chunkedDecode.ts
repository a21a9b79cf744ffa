/**
 * decode() over whole log files. The library stops after a few thousand JSON objects (right for a
 * paste, wrong for `uqpay-errors decode app.log`, where the error is often the last line), so a
 * large input is cut into pieces at line ends that close a JSON body, each piece is decoded, and
 * the findings are put back together with their offsets in the whole text.
 */
import { decode, type Catalog } from '../../catalog/src/index';
import { note } from '../../catalog/src/decodeNotes';
import type { DecodeNote, DecodeResult, Finding } from '../../catalog/src/types';

/** Inputs up to this size go to decode() as they are. */
const WHOLE_LIMIT = 128 * 1024;
/** Pieces end at the first line closing a JSON body after this size… */
const PIECE_TARGET = 64 * 1024;
/** …or at any line end past this size, when no JSON body closes. */
const PIECE_MAX = 1024 * 1024;
const MAX_FINDINGS = 200;

export function decodeLarge(text: string, catalog: Catalog): DecodeResult {
  if (text.length <= WHOLE_LIMIT) return decode(text, catalog, { maxFindings: MAX_FINDINGS });

  const findings: Finding[] = [];
  const notes = new Map<string, DecodeNote>();
  let skipped = 0;
  let successBodies = 0;
  let help: DecodeNote | undefined;

  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start);
    const r = decode(text.slice(start, end), catalog, { maxFindings: MAX_FINDINGS });
    for (const f of r.findings) {
      if (findings.length < MAX_FINDINGS) findings.push({ ...f, source: { ...f.source, start: f.source.start + start, end: f.source.end + start } });
      else skipped++;
    }
    for (const n of r.notes) {
      if (n.kind === 'success-bodies') successBodies += n.count;
      else if (n.kind === 'skipped') skipped += n.skipped;
      else if (n.kind === 'help') help = n;
      else notes.set(n.message, n);
    }
    start = end;
  }

  const out = [...notes.values()];
  if (skipped) out.push(note({ kind: 'skipped', shown: findings.length, skipped }));
  if (!findings.length) {
    if (successBodies) out.push(note({ kind: 'success-bodies', count: successBodies }));
    if (help) out.push(help);
  }
  return { findings, notes: out };
}

/**
 * Where the piece starting at `start` ends: after the first line past PIECE_TARGET that is not
 * indented and whose last non-blank character closes a JSON body (a log line, a minified body, the
 * last line of a pretty-printed one), so no response is split from its status line; else
 * after any line past PIECE_MAX, else the end.
 */
function pieceEnd(text: string, start: number): number {
  if (text.length - start <= PIECE_TARGET) return text.length;
  const hardStop = Math.min(text.length, start + PIECE_MAX);
  for (let nl = text.indexOf('\n', start + PIECE_TARGET); nl !== -1 && nl < hardStop; nl = text.indexOf('\n', nl + 1)) {
    let i = nl - 1;
    while (i > start && (text[i] === '\r' || text[i] === ' ' || text[i] === '\t')) i--;
    // An indented line may close an object nested in a pretty-printed body: not a safe cut.
    const lineStart = text.lastIndexOf('\n', nl - 1) + 1;
    if (text[i] === '}' && text[lineStart] !== ' ' && text[lineStart] !== '\t') return nl + 1;
  }
  if (hardStop >= text.length) return text.length;
  const nl = text.lastIndexOf('\n', hardStop);
  return nl > start ? nl + 1 : hardStop;
}
