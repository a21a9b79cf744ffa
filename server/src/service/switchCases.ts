/**
 * "Add N missing UQPAY error cases" and the `non-exhaustive-switch` diagnostic: for a
 * switch / match / when / case over UQPAY error codes, the codes of the handled group(s) that no
 * branch handles. Both rest on our own lexer (switch/lexer.ts, exact about each language's
 * strings and comments) and finder (switch/find.ts): synchronous, no wasm to load. The
 * diagnostic skims and lexes only the statements; tree-sitter is used by the tests alone, to
 * prove the inserted text parses.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { Catalog } from '../../../catalog/src/catalog';
import type { Lang } from '../../../catalog/src/types';
import { adviceLine, analyzeSwitch, type SwitchAnalysis } from './switch/analyze';
import { findSwitches, findSwitchesFast, type SwitchStatement } from './switch/find';
import { FAMILY_BY_LANGUAGE } from './switch/lexer';
import { insertion, renderCases } from './switch/render';

export const NON_EXHAUSTIVE_SWITCH = 'non-exhaustive-switch';
const SOURCE = 'uqpay-errors';

interface Analyzed {
  statement: SwitchStatement;
  analysis: SwitchAnalysis;
}

// The last few documents' results: validation and code actions ask again for the same version.
const cache: { uri: string; version: number; text: string; catalog: Catalog; fast: boolean; result: Analyzed[] }[] = [];

/**
 * `fast` (the diagnostic) lexes only the statements a skim finds; the code action lexes the
 * whole file once, which also gives it the context after a statement (Rust: is it a value?).
 */
function analyzeDocument(document: TextDocument, catalog: Catalog, fast: boolean): Analyzed[] {
  const family = FAMILY_BY_LANGUAGE[document.languageId];
  if (!family) return [];
  const text = document.getText();
  const hit = cache.find((c) => c.uri === document.uri && c.version === document.version && c.catalog === catalog && c.fast === fast && c.text === text);
  if (hit) return hit.result;
  const result: Analyzed[] = [];
  try {
    for (const statement of fast ? findSwitchesFast(text, family) : findSwitches(text, family)) {
      const analysis = analyzeSwitch(statement, catalog);
      if (analysis) result.push({ statement, analysis });
    }
  } catch {
    // A scanner bug must never take the server down: no switch found is the safe answer.
    return [];
  }
  cache.unshift({ uri: document.uri, version: document.version, text, catalog, fast, result });
  cache.length = Math.min(cache.length, 4);
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
export function findNonExhaustiveSwitches(document: TextDocument, catalog: Catalog, lang: Lang = 'en'): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { statement, analysis } of analyzeDocument(document, catalog, true)) {
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
): Promise<CodeAction[]> {
  const analyzed = analyzeDocument(document, catalog, false);
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
    title: `Add ${n} missing UQPAY error ${n === 1 ? 'case' : 'cases'}`,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: ins.text }] } },
  };
  if (fixes.length) {
    action.diagnostics = fixes;
    action.isPreferred = true;
  }
  return [action];
}
