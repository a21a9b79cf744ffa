/**
 * "Handle the N unhandled Create Payout errors": on a call's error branch (or the call), cases for
 * the codes its error path does not handle yet, written by the missing-cases renderer
 * (switch/render.ts) so that they follow the file's language and style. A switch over codes already
 * in the branch gets the cases; otherwise a new switch over what holds the error's code there
 * (newSwitch.ts) opens the branch, and where nothing does, the action is not offered. The new
 * cases only hold a comment (and `break`/`pass`/`{}`): what the branch did before, it still does.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver-types';
import { adviceLine } from '../../../../catalog/src/adviceLine';
import type { Lang } from '../../../../catalog/src/types';
import { analyzeText, type Analysis } from '../analysis';
import { findSwitches, type SwitchStatement } from '../switch/find';
import { insertion, renderCases, type CaseText } from '../switch/render';
import { tokenSourceOf } from '../switchCases';
import type { CallCoverage } from './coverage';
import { skeleton } from './newSwitch';
import { structureOf } from './structure';

/** One action inserting each text at its offset. */
function edit(document: TextDocument, inserts: { offset: number; text: string }[], title: string): CodeAction {
  const edits = inserts.map(({ offset, text }) => {
    const at = document.positionAt(offset);
    return { range: { start: at, end: at }, newText: text };
  });
  return { title, kind: CodeActionKind.QuickFix, edit: { changes: { [document.uri]: edits } } };
}

/** The endpoint's name is the catalog's (a fact), in either language. */
function actionTitle(n: number, endpoint: string, lang: Lang): string {
  if (lang === 'zh-CN') return `处理 ${endpoint} 尚未处理的 ${n} 个错误`;
  return `Handle the ${n} unhandled ${endpoint} ${n === 1 ? 'error' : 'errors'}`;
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
  const title = actionTitle(todo.length, call.call.endpoint, lang);

  try {
    // a switch over codes already in the branch: add the cases to it
    const existing = findSwitches(src).find((s) => s.start >= branch.start && s.end <= branch.end && s.clauses.some((c) => c.literals.some((t) => t.kind === 'str')));
    if (existing) {
      const labelled = new Set(existing.clauses.flatMap((c) => c.literals.map((t) => t.value)));
      const missing = todo.filter((c) => !labelled.has(c.code));
      if (!missing.length) return [];
      const ins = insertion(text, existing, renderCases(text, existing, missing, lang));
      return [edit(document, [ins], title)];
    }
    const region = a.code.find((r) => r.start <= branch.start && branch.end <= r.end);
    if (!region) return [];
    const structure = structureOf(text, family, region.literals, region.start, region.end);
    const errVar = call.path.vars[branches.indexOf(branch)] ?? call.path.vars[0] ?? 'err';
    const sk = skeleton(text, family, document.languageId, call, branch, errVar, structure, region.start);
    if (!sk) return [];
    // render into the text with the empty switch in place, so the renderer sees its layout
    const withSwitch = text.slice(0, sk.at) + sk.text + text.slice(sk.at);
    const withSrc = tokenSourceOf(analyzeText(document.uri, document.version, document.languageId, withSwitch));
    const statement: SwitchStatement | undefined = withSrc && findSwitches(withSrc).find((s) => s.keyword.start === sk.at + sk.keyword);
    if (!statement) return [];
    const ins = insertion(withSwitch, statement, renderCases(withSwitch, statement, todo, lang));
    const rel = ins.offset - sk.at;
    if (rel < 0 || rel > sk.text.length) return [];
    let full = sk.text.slice(0, rel) + ins.text + sk.text.slice(rel);
    const nl = text.includes('\r\n') ? '\r\n' : '\n';
    if (sk.tail) {
      const at = sk.tail.at + (rel <= sk.tail.at ? ins.text.length : 0);
      full = full.slice(0, at) + sk.tail.lines.map((l) => l + nl).join('') + full.slice(at);
    }
    if (sk.placeholder) full = full.replace(sk.placeholder, '');
    return [edit(document, [...(sk.editOffsets ?? []), { offset: sk.at, text: full }], title)];
  } catch {
    return []; // a rendering problem must never break the code action request
  }
}
