/**
 * "Add N missing UQPAY error cases" and the `non-exhaustive-switch` diagnostic: for a
 * switch / match / when / case over UQPAY error codes, the codes of the handled group(s) that no
 * branch handles. Both read the document's cached analysis: the scanners' literals (the values
 * hover and diagnostics read) and, on request, the comments and regexes they passed over; the
 * finder (switch/find.ts) cuts only the code between them into tokens. The diagnostic tokenises
 * only the statements; tree-sitter is used by the tests alone, to prove the inserted text parses.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { Catalog } from '../../../catalog/src/catalog';
import type { Lang } from '../../../catalog/src/types';
import { adviceLine } from '../../../catalog/src/adviceLine';
import { analyzeText, skipsOf, type Analysis } from './analysis';
import { SOURCE } from './contract';
import { analyzeSwitch, type SwitchAnalysis } from './switch/analyze';
import { findSwitches, findSwitchesFast, hasSwitches, type SwitchStatement } from './switch/find';
import { insertion, renderCases } from './switch/render';
import type { TokenSource } from './switch/tokens';

export const NON_EXHAUSTIVE_SWITCH = 'non-exhaustive-switch';

interface Analyzed {
  statement: SwitchStatement;
  analysis: SwitchAnalysis;
}

// Per analysis (one document version): validation and code actions ask again for the same one.
const results = new WeakMap<Analysis, { catalog: Catalog; fast?: Analyzed[]; full?: Analyzed[] }>();

/** The analysis a caller without the service's cache works on. */
function analysisOf(document: TextDocument): Analysis {
  return analyzeText(document.uri, document.version, document.languageId, document.getText());
}

/** A whole-document code region as the finder reads it, or undefined (data files, Markdown). */
export function tokenSourceOf(a: Analysis): TokenSource | undefined {
  const region = a.code.length === 1 ? a.code[0]! : undefined;
  if (!region || region.start !== 0 || region.end !== a.text.length || !hasSwitches(region.family)) return undefined;
  return {
    text: a.text, family: region.family, literals: region.literals, start: region.start, end: region.end,
    get skips() { return skipsOf(a, region); },
    get lineStarts() { return a.lineStarts(); },
  };
}

/**
 * `fast` (the diagnostic) tokenises only the statements whose keyword stands in code; the code
 * action tokenises the whole region once, which also gives it the context after a statement
 * (Rust: is it a value?).
 */
function analyzeDocument(a: Analysis, catalog: Catalog, fast: boolean): Analyzed[] {
  let memo = results.get(a);
  if (!memo || memo.catalog !== catalog) results.set(a, (memo = { catalog }));
  const hit = fast ? memo.fast : memo.full;
  if (hit) return hit;
  const src = tokenSourceOf(a);
  const result: Analyzed[] = [];
  if (src) {
    try {
      for (const statement of fast ? findSwitchesFast(src) : findSwitches(src)) {
        const analysis = analyzeSwitch(statement, catalog);
        if (analysis) result.push({ statement, analysis });
      }
    } catch {
      // A finder bug must never take the server down: no switch found is the safe answer.
      return [];
    }
  }
  if (fast) memo.fast = result;
  else memo.full = result;
  return result;
}

const WORD: Record<string, string> = { switch: 'switch', match: 'match', when: 'when', case: 'case' };

function keywordRange(document: TextDocument, s: SwitchStatement): Range {
  return { start: document.positionAt(s.keyword.start), end: document.positionAt(s.keyword.end) };
}

function groupList(a: SwitchAnalysis): string {
  return a.groups.join(' + ');
}

function message(s: SwitchStatement, a: SwitchAnalysis, lang: Lang): string {
  const shown = a.missing.slice(0, 5).map((m) => m.code);
  const more = a.missing.length > shown.length ? (lang === 'zh-CN' ? ' 等' : ', …') : '';
  if (lang === 'zh-CN') {
    return `此 ${WORD[s.keyword.text] ?? s.keyword.text} 只处理了 UQPAY ${groupList(a)} 分组 ${a.total} 个错误码中的 ${a.total - a.missing.length} 个，缺少 ${a.missing.length} 个：${shown.join('、')}${more}`;
  }
  return `This ${WORD[s.keyword.text] ?? s.keyword.text} handles ${a.total - a.missing.length} of the ${a.total} UQPAY ${groupList(a)} error codes; ${a.missing.length} missing: ${shown.join(', ')}${more}`;
}

/** `non-exhaustive-switch` hints (severity Hint; the caller applies the user's settings). */
export function findNonExhaustiveSwitches(document: TextDocument, catalog: Catalog, lang: Lang = 'en', a: Analysis = analysisOf(document)): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { statement, analysis } of analyzeDocument(a, catalog, true)) {
    if (analysis.missing.length === 0) continue;
    out.push({
      range: keywordRange(document, statement),
      severity: DiagnosticSeverity.Hint,
      code: NON_EXHAUSTIVE_SWITCH,
      source: SOURCE,
      message: message(statement, analysis, lang),
      data: { missing: analysis.missing.map((m) => m.code), groups: analysis.groups },
    });
  }
  return out;
}

/**
 * Without a default the new cases are the only place these codes are handled, and they do
 * nothing yet: the title says so.
 */
function actionTitle(n: number, hasDefault: boolean, lang: Lang): string {
  if (lang === 'zh-CN') return `添加 ${n} 个缺少的 UQPAY 错误码分支${hasDefault ? '' : '（无默认分支）'}`;
  return `Add ${n} missing UQPAY error ${n === 1 ? 'case' : 'cases'}${hasDefault ? '' : ' (no default branch)'}`;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * The quick fix for the innermost switch over error codes that contains `range` (or starts on
 * its first line). `diagnostics` (the request's context) lets the action name the
 * `non-exhaustive-switch` diagnostic it fixes.
 */
export async function getSwitchCaseActions(
  document: TextDocument,
  range: Range,
  catalog: Catalog,
  lang: Lang,
  diagnostics: readonly Diagnostic[] = [],
  a: Analysis = analysisOf(document),
): Promise<CodeAction[]> {
  const analyzed = analyzeDocument(a, catalog, false);
  if (analyzed.length === 0) return [];
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  let best: Analyzed | undefined;
  for (const a of analyzed) {
    const s = a.statement;
    const firstLine = document.positionAt(s.start).line;
    const inside = start >= s.start && end <= s.end;
    const onFirstLine = range.start.line === firstLine;
    if (!inside && !onFirstLine) continue;
    // Innermost wins: the one that starts last.
    if (!best || s.start > best.statement.start) best = a;
  }
  if (!best || best.analysis.missing.length === 0) return [];
  const { statement, analysis } = best;
  const text = document.getText();
  const cases = analysis.missing.map((m) => ({ code: m.code, comment: adviceLine(m.entry, lang) }));
  let ins: { offset: number; text: string };
  try {
    ins = insertion(text, statement, renderCases(text, statement, cases, lang));
  } catch {
    return []; // never let a rendering bug break the code action request
  }
  const at = document.positionAt(ins.offset);
  const n = cases.length;
  const kwRange = keywordRange(document, statement);
  const fixes = diagnostics.filter((d) => d.code === NON_EXHAUSTIVE_SWITCH && overlaps(d.range, kwRange));
  const action: CodeAction = {
    title: actionTitle(n, statement.clauses.some((c) => c.kind === 'default'), lang),
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: ins.text }] } },
  };
  if (fixes.length) {
    action.diagnostics = fixes;
    action.isPreferred = true;
  }
  return [action];
}
