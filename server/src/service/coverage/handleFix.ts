/**
 * "Handle the N unhandled Create Payout errors": on a call's error branch (or the call), cases for
 * the codes its error path does not handle yet, written by the missing-cases renderer
 * (switch/render.ts) so that they follow the file's language and style. A switch over codes already
 * in the branch gets the cases; otherwise (TypeScript/JavaScript, Python, Java catching
 * `UqpayApiException`) a new switch over the error's code opens the branch. The new cases only
 * hold a comment (and `break`/`pass`): what the branch did before, it still does.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver-types';
import { adviceLine } from '../../../../catalog/src/adviceLine';
import type { Lang } from '../../../../catalog/src/types';
import { analyzeText, type Analysis } from '../analysis';
import type { Family } from '../scanners/types';
import { findSwitches, type SwitchStatement } from '../switch/find';
import { insertion, renderCases, type CaseText } from '../switch/render';
import { tokenSourceOf } from '../switchCases';
import type { CallCoverage } from './coverage';
import type { Span } from './errorPath';

/** The Python SDK's API error classes: each has a string `.code`. */
const PY_SDK_ERRORS = new Set(['UQPayError', 'AuthenticationError', 'ForbiddenError', 'NotFoundError', 'ConflictError', 'RateLimitError',
  'ServerError', 'IdempotencyError', 'ValidationError']);

function lineStart(text: string, p: number): number {
  return text.lastIndexOf('\n', p - 1) + 1;
}

function indentAt(text: string, p: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, p)))![0];
}

/** The file's indentation step (a tab, or its smallest run of spaces). */
function unit(text: string): string {
  const sample = text.slice(0, 20000);
  if (/^\t/m.test(sample) && !/^ {2}/m.test(sample)) return '\t';
  let min = Infinity;
  for (const m of sample.matchAll(/^( +)\S/gm)) min = Math.min(min, m[1].length);
  return min >= 2 && min <= 8 ? ' '.repeat(min) : '    ';
}

/** An empty switch over the error's code for the branch, and where it goes; undefined when we cannot write one. */
function skeleton(text: string, family: Family, languageId: string, branch: Span, errVar: string): { at: number; text: string; keyword: number } | undefined {
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  if (family === 'python') {
    const eol = text.indexOf('\n', branch.start);
    if (eol < 0) return undefined;
    const header = text.slice(branch.start, eol);
    if (!/:\s*(#.*)?\r?$/.test(header)) return undefined; // `except X: pass` on one line
    const u = unit(text);
    const ind = indentAt(text, branch.start) + u;
    const at = text[eol - 1] === '\r' ? eol - 1 : eol;
    // a `match` needs a case: the wildcard one, which does nothing, as every new case does
    // the SDK's errors always have `.code`; any other exception may not
    const caught = /\bexcept\b(.*?)(?:\bas\b|:)/.exec(header)?.[1].split(/[\s,()]+/).filter(Boolean) ?? [];
    const sdkOnly = caught.length > 0 && caught.every((n) => PY_SDK_ERRORS.has(n.replace(/^uqpay\./, '')));
    const subject = sdkOnly ? `${errVar}.code` : `getattr(${errVar}, "code", None)`;
    const s = `${nl}${ind}match ${subject}:${nl}${ind}${u}case _:${nl}${ind}${u}${u}pass`;
    return { at, text: s, keyword: at + nl.length + ind.length };
  }
  const open = text.indexOf('{', branch.start);
  if (open < 0 || open >= branch.end) return undefined;
  const header = text.slice(branch.start, open);
  let subject: string;
  // subjects the code-context reader recognises, so the new cases count as handling
  if (family === 'js') subject = languageId.startsWith('typescript') ? `(${errVar} as Record<string, unknown>).code` : `${errVar}?.code`;
  else if (family === 'java' && /\bUqpayApiException\b/.test(header)) subject = `${errVar}.getCode() == null ? "" : ${errVar}.getCode()`;
  else return undefined;
  const ind = indentAt(text, branch.start) + unit(text);
  const s = `${nl}${ind}switch (${subject}) {${nl}${ind}}`;
  return { at: open + 1, text: s, keyword: open + 1 + nl.length + ind.length };
}

function edit(document: TextDocument, offset: number, newText: string, title: string): CodeAction {
  const at = document.positionAt(offset);
  return { title, kind: CodeActionKind.QuickFix, edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText }] } } };
}

/** The quick fix for the call whose error branch (or call) holds `range`. */
export function handleUnhandledActions(document: TextDocument, a: Analysis, calls: readonly CallCoverage[], range: Range, lang: Lang): CodeAction[] {
  const src = tokenSourceOf(a);
  if (!src || !calls.length) return [];
  const family = src.family;
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const call = calls.find((c) => (start >= c.call.start && end <= c.call.end)
    || c.path.spans.slice(0, c.path.direct).some((s) => start >= s.start && end <= s.end));
  if (!call || call.path.direct === 0) return [];
  const text = document.getText();
  const branches = call.path.spans.slice(0, call.path.direct);
  const branch = branches.find((s) => start >= s.start && end <= s.end) ?? branches[branches.length - 1];

  const seen = new Set<string>();
  const cases: CaseText[] = [];
  for (const e of call.errors) {
    const code = String(e.entry.code);
    if (e.handled.length || seen.has(code)) continue;
    seen.add(code);
    cases.push({ code, comment: adviceLine(e.entry, lang) });
  }
  // a code handled by another entry of the same code is handled
  const handledCodes = new Set(call.errors.filter((e) => e.handled.length).map((e) => String(e.entry.code)));
  const todo = cases.filter((c) => !handledCodes.has(c.code));
  if (!todo.length) return [];
  const title = `Handle the ${todo.length} unhandled ${call.call.endpoint} ${todo.length === 1 ? 'error' : 'errors'}`;

  try {
    // a switch over codes already in the branch: add the cases to it
    const existing = findSwitches(src).find((s) => s.start >= branch.start && s.end <= branch.end && s.clauses.some((c) => c.literals.some((t) => t.kind === 'str')));
    if (existing) {
      const labelled = new Set(existing.clauses.flatMap((c) => c.literals.map((t) => t.value)));
      const missing = todo.filter((c) => !labelled.has(c.code));
      if (!missing.length) return [];
      const ins = insertion(text, existing, renderCases(text, existing, missing, lang));
      return [edit(document, ins.offset, ins.text, title)];
    }
    const sk = skeleton(text, family, document.languageId, branch, call.path.vars[branches.indexOf(branch)] ?? call.path.vars[0] ?? 'err');
    if (!sk) return [];
    // render into the text with the empty switch in place, so the renderer sees its layout
    const withSwitch = text.slice(0, sk.at) + sk.text + text.slice(sk.at);
    const withSrc = tokenSourceOf(analyzeText(document.uri, document.version, document.languageId, withSwitch));
    const statement: SwitchStatement | undefined = withSrc && findSwitches(withSrc).find((s) => s.keyword.start === sk.keyword);
    if (!statement) return [];
    const ins = insertion(withSwitch, statement, renderCases(withSwitch, statement, todo, lang));
    if (ins.offset < sk.at || ins.offset > sk.at + sk.text.length) return [];
    const full = sk.text.slice(0, ins.offset - sk.at) + ins.text + sk.text.slice(ins.offset - sk.at);
    return [edit(document, sk.at, full, title)];
  } catch {
    return []; // a rendering problem must never break the code action request
  }
}
