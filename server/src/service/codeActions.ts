import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { Lang } from '../../../catalog/src/types';
import type { DiagnosticData } from './diagnostics';
import { SOURCE } from './contract';

export const FIX_ALL_KIND = 'source.fixAll.uqpayErrors';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as DiagnosticData | undefined;
  return data && typeof data === 'object' && data.content ? data : undefined;
}

/** Titles in the user's documentation language; codes and the new member text stay as they are. */
const TITLES = {
  replace: (code: string, lang: Lang) => (lang === 'zh-CN' ? `替换为“${code}”` : `Replace with '${code}'`),
  compareType: (member: string, lang: Lang) => (lang === 'zh-CN' ? `改为比较 type 字段（${member}）` : `Compare the type field instead (${member})`),
  fixAll: (n: number, lang: Lang) => (lang === 'zh-CN' ? `修正 ${n} 个拼错的 UQPAY 错误码` : `Fix ${n} misspelt UQPAY error ${n === 1 ? 'code' : 'codes'}`),
};

function wants(context: CodeActionContext, kind: string): boolean {
  if (!context.only || context.only.length === 0) return kind === CodeActionKind.QuickFix;
  return context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/**
 * Quick fixes for our diagnostics in `range` (taken from this version's own validation, so a
 * client that drops `data` still gets them) and `source.fixAll.uqpayErrors`: every unknown code
 * with exactly one suggestion replaced at once.
 */
export function codeActions(document: TextDocument, range: Range, context: CodeActionContext, diagnostics: readonly Diagnostic[], lang: Lang): CodeAction[] {
  const actions: CodeAction[] = [];
  const ours = diagnostics.filter((d) => d.source === SOURCE);
  if (wants(context, CodeActionKind.QuickFix)) {
    for (const d of ours) {
      if (!overlaps(d.range, range)) continue;
      const data = dataOf(d);
      if (!data) continue;
      // name the diagnostic the client sent when it is the same one
      const sent = context.diagnostics.find((c) => c.code === d.code && overlaps(c.range, d.range)) ?? d;
      if (d.code === 'unknown-error-code' && data.suggestions?.length) {
        for (const s of data.suggestions) {
          actions.push({
            title: TITLES.replace(s, lang),
            kind: CodeActionKind.QuickFix,
            diagnostics: [sent],
            isPreferred: data.suggestions.length === 1,
            edit: { changes: { [document.uri]: [{ range: data.content, newText: s }] } },
          });
        }
      } else if (d.code === 'type-used-as-code' && data.member) {
        actions.push({
          title: TITLES.compareType(data.member.newText, lang),
          kind: CodeActionKind.QuickFix,
          diagnostics: [sent],
          isPreferred: true,
          edit: { changes: { [document.uri]: [{ range: data.member.range, newText: data.member.newText }] } },
        });
      }
    }
  }
  if (context.only && wants(context, FIX_ALL_KIND)) {
    const edits: TextEdit[] = [];
    const fixed: Diagnostic[] = [];
    for (const d of ours) {
      const data = dataOf(d);
      if (d.code !== 'unknown-error-code' || data?.suggestions?.length !== 1) continue;
      edits.push({ range: data.content, newText: data.suggestions[0] });
      fixed.push(d);
    }
    if (edits.length) {
      actions.push({ title: TITLES.fixAll(edits.length, lang), kind: FIX_ALL_KIND, diagnostics: fixed, edit: { changes: { [document.uri]: edits } } });
    }
  }
  return actions;
}
