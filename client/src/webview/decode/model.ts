/**
 * The decode panel's logic without the DOM: a finding becomes a card of labelled rows, problems
 * marked, and the status line text. The page (main.ts) draws it; unit tests import it.
 */
import type { DecodeNote, DecodeProblem, DecodeResult, Finding, InputForm, Lang, Retry } from '../../../../catalog/src/types';
import { noteText } from '../../../../catalog/src/decodeNotes';
import { problemText } from '../../../../catalog/src/problemText';
import { redact } from '../../../../catalog/src/redact';
import { format, plural, type UiStringKey, type UiStrings } from '../strings';
import { groupLabel, localized } from '../catalog/model';

export interface CardRow {
  /** Stable name for styling and tests: `envelope`, `code`, `type`, `status`, ... */
  key: string;
  label: string;
  value: string;
  /** Marked as a problem (highlighted, and announced as such). */
  problem?: boolean;
  items?: string[];
}

export interface Card {
  title: string;
  known: boolean;
  hasProblems: boolean;
  rows: CardRow[];
  /** Catalog entries this finding matches, for "Open in catalog". */
  entryIds: { id: string; label: string }[];
}

const FORM_LABEL: Record<InputForm, UiStringKey> = {
  json: 'sourceJson', http: 'sourceHttp', curl: 'sourceCurl', log: 'sourceLog', sdk: 'sourceSdk',
};

/** "Found in": what the user pasted this response as. */
export function sourceText(f: Finding, strings: UiStrings): string {
  const key = FORM_LABEL[f.source?.form];
  return key ? strings[key] : strings.none;
}

/** A problem in the panel's language: the library's sentence (decode's own English for `en`), redacted like the paste. */
export function problemLine(p: DecodeProblem, lang: Lang, strings: UiStrings): string {
  const text = lang === 'en' ? p.message : redact(problemText(p, lang));
  return p.suggestions?.length ? `${text} ${format(strings.fieldSuggestions, p.suggestions.join(', '))}` : text;
}

export function findingCard(f: Finding, index: number, lang: Lang, strings: UiStrings, retryLabels: Record<Retry, string>): Card {
  const problemCodes = new Set(f.problems.map((p) => p.code));
  const rows: CardRow[] = [];
  const none = strings.none;
  rows.push({ key: 'envelope', label: strings.fieldEnvelope, value: f.envelope === 'A' ? strings.envelopeA : f.envelope === 'B' ? strings.envelopeB : none, problem: problemCodes.has('envelope-b-pending') || problemCodes.has('not-global-acquiring') });
  rows.push({ key: 'code', label: strings.fieldCode, value: f.code === null ? none : String(f.code), problem: problemCodes.has('unknown-code') });
  rows.push({ key: 'type', label: strings.fieldTypes, value: f.type ?? none, problem: problemCodes.has('code-type-mismatch') });
  let status = f.httpStatus !== null ? String(f.httpStatus) : f.expectedHttpStatus !== null ? strings.statusNotShown : none;
  // a status that differs is only "expected" otherwise when the rules say so (codes the catalog knows)
  if (f.expectedHttpStatus !== null && (f.httpStatus === null || problemCodes.has('http-status-mismatch'))) status = format(strings.withNote, status, format(strings.fieldExpected, f.expectedHttpStatus));
  rows.push({ key: 'status', label: strings.fieldStatus, value: status, problem: problemCodes.has('http-status-mismatch') || problemCodes.has('status-body-disagree') });
  rows.push(...readingRows(f, lang, strings));
  rows.push({ key: 'message', label: strings.fieldMessage, value: f.message ?? none, problem: problemCodes.has('message-mismatch') });
  // One meaning/advice per matched entry; labelled by group when the code stands in several.
  const several = f.matches.length > 1;
  for (const m of f.matches) {
    const label = (text: string) => (several ? format(strings.withNote, text, groupLabel(m.group, strings)) : text);
    rows.push({ key: 'meaning', label: label(strings.fieldMeaning), value: localized(m.summary, lang) });
    rows.push({ key: 'advice', label: label(strings.fieldAdvice), value: localized(m.advice, lang) });
  }
  const retry = f.retry ?? (f.matches.length === 1 ? f.matches[0]!.retry : null);
  if (retry) rows.push({ key: 'retry', label: strings.fieldRetry, value: retryLabels[retry] ?? retry });
  else if (several) {
    const labels = [...new Set(f.matches.map((m) => format(strings.withNote, retryLabels[m.retry] ?? m.retry, groupLabel(m.group, strings))))];
    rows.push({ key: 'retry', label: strings.fieldRetry, value: '', items: labels });
  }
  if (f.retryAfter) rows.push({ key: 'retryAfter', label: strings.fieldRetryAfter, value: f.retryAfter });
  rows.push({ key: 'requestId', label: strings.fieldRequestId, value: f.requestId ?? none });
  if (f.idempotencyKey) rows.push({ key: 'idempotencyKey', label: strings.fieldIdempotencyKey, value: f.idempotencyKey });
  // the disagreement and the SDK-made values have rows of their own (readingRows)
  const listed = f.problems.filter((p) => p.code !== 'status-body-disagree' && p.code !== 'sdk-made');
  if (listed.length) {
    rows.push({
      key: 'problems', label: strings.fieldProblems, value: '', problem: true,
      items: listed.map((p) => problemLine(p, lang, strings)),
    });
  }
  rows.push({ key: 'source', label: strings.fieldSource, value: sourceText(f, strings) });
  const codeText = f.code === null ? strings.cardUnknown : String(f.code);
  return {
    title: format(strings.cardTitle, index + 1, codeText),
    known: f.known,
    hasProblems: f.problems.length > 0,
    rows,
    entryIds: f.matches.map((m) => ({ id: m.id, label: format(strings.openInCatalog, groupLabel(m.group, strings)) })),
  };
}

/**
 * How the finding was read when its code did not settle it: status and body disagreeing, the type
 * or status it was read by, and the values an SDK made up. Phrased here from the problems' facts.
 */
function readingRows(f: Finding, lang: Lang, strings: UiStrings): CardRow[] {
  const rows: CardRow[] = [];
  for (const p of f.problems) {
    if (p.code !== 'status-body-disagree') continue;
    const value = p.trusted === 'message'
      ? format(strings.disagreeTrustMessage, p.status, p.value)
      : format(strings.disagreeTrustStatus, p.status, p.value) + (p.readAs ? ` ${format(strings.disagreeReadAs, p.readAs)}` : '');
    rows.push({ key: 'disagree', label: strings.fieldDisagree, value, problem: true });
  }
  if (f.readAs && (f.basis === 'type' || f.basis === 'status')) {
    const template = f.basis === 'type' ? strings.readAsType : strings.readAsStatus;
    const value = format(template, f.readAs.type, f.basis === 'type' ? f.readAs.httpStatus.join(' / ') : f.httpStatus ?? '');
    rows.push({ key: 'readAs', label: strings.fieldReadAs, value });
    if (!f.matches.length) rows.push({ key: 'meaning', label: strings.fieldMeaning, value: localized(f.readAs.description, lang) });
  }
  if (f.sdkMade.length) {
    const items = f.sdkMade.map((m) => format(m.httpStatus !== null && !m.stringified ? strings.sdkMadeFrom : strings.sdkMadeBy, m.value, m.sdks.join(', '), m.httpStatus ?? ''));
    rows.push({ key: 'sdkMade', label: strings.fieldSdkMade, value: '', items });
  }
  return rows;
}

/** Size as people read it: `512 B`, `12.3 KB`, `10.0 MB`. */
export function sizeText(chars: number): string {
  if (chars < 1024) return `${chars} B`;
  if (chars < 1024 * 1024) return `${(chars / 1024).toFixed(1)} KB`;
  return `${(chars / 1024 / 1024).toFixed(1)} MB`;
}

/** Status line and explanation shown above the cards. */
export function summaryText(result: DecodeResult | null, inputLength: number, strings: UiStrings, lang: Lang): { status: string; explain: string[] } {
  if (inputLength === 0 || result === null) return { status: strings.decodeEmpty, explain: [] };
  // The library's notes in the panel's language; a hostile host message's non-notes read as nothing.
  const notes = (kept: (n: DecodeNote) => boolean) => result.notes.filter((n) => n && kept(n)).map((n) => noteText(n, lang)).filter(Boolean);
  if (result.findings.length === 0) {
    // The panel's own explanation of what it reads replaces the library's help note.
    return { status: strings.decodeNothing, explain: [strings.decodeAccepts, ...notes((n) => n.kind !== 'help')] };
  }
  return { status: plural(result.findings.length, strings.decodeFoundOne, strings.decodeFound), explain: notes(() => true) };
}

/**
 * Pastes larger than this are kept out of the text area (Chromium takes tens of seconds to lay
 * out megabytes of textarea text): the area shows the beginning, the whole text is decoded.
 */
export const LARGE_INPUT = 256 * 1024;
const PREVIEW_CHARS = 4000;

/** What the text area shows for a large paste. */
export function largePreview(text: string, strings: UiStrings): string {
  return `${text.slice(0, PREVIEW_CHARS)}\n\n${format(strings.decodeLargeInput, sizeText(text.length), sizeText(PREVIEW_CHARS))}`;
}

/** Wait before decoding after a keystroke: longer for big inputs so typing stays smooth. */
export function debounceDelay(length: number): number {
  if (length < 50_000) return 150;
  if (length < 1_000_000) return 300;
  return 600;
}

/** The card as plain text (what tests compare). */
export function cardText(c: Card): string {
  const lines = [c.title];
  for (const r of c.rows) {
    lines.push(`${r.problem ? '! ' : ''}${r.label}: ${r.value}`.trimEnd());
    for (const i of r.items ?? []) lines.push(`  - ${i}`);
  }
  return lines.join('\n');
}
