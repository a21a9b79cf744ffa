/** "Insert Error Handler": pick a group, get a switch over its codes in the editor's language. */
import * as vscode from 'vscode';
import type { Catalog } from '../../../catalog/src/catalog';
import { GROUPS, type Lang } from '../../../catalog/src/types';
import { GROUP_TITLES } from '../webview/strings';
import { casesFor } from '../snippets/handlerCases';
import { handlerSkeleton, notYetHandled, snippetLead } from '../snippets/handlerSnippet';
import { translator } from '../uiText';


/** One indentation level of the editor, as its options say. */
function indentUnit(editor: vscode.TextEditor): string {
  const { insertSpaces, tabSize } = editor.options;
  if (insertSpaces === false) return '\t';
  return ' '.repeat(typeof tabSize === 'number' ? tabSize : 4);
}

export async function insertErrorHandler(catalog: () => Catalog, lang: () => Lang, group?: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const t = translator(lang());
  if (!editor) {
    void vscode.window.showInformationMessage(t('Open a file to insert an error handler into.'));
    return false;
  }
  const cat = catalog();
  let chosen = GROUPS.find((g) => g === group);
  if (!chosen) {
    const items = GROUPS.filter((g) => cat.byGroup(g).length > 0).map((g) => ({
      label: t(GROUP_TITLES[g]),
      description: t('{0} codes', cat.byGroup(g).length),
      detail: cat.byGroup(g).slice(0, 6).map((e) => String(e.code)).join(', ') + (cat.byGroup(g).length > 6 ? ', …' : ''),
      group: g,
    }));
    const pick = await vscode.window.showQuickPick(items, { title: t('Insert UQPAY Error Handler'), placeHolder: t('Which group of error codes should the handler cover?') });
    if (!pick) return false;
    chosen = pick.group;
  }
  // codes the file already names are handled there: the skeleton covers the others
  const entries = notYetHandled(cat.byGroup(chosen), editor.document.getText());
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(t('This file already handles every code of that group.'));
    return false;
  }
  const skeleton = handlerSkeleton(editor.document.languageId, casesFor(entries, lang()), indentUnit(editor));
  const cursor = editor.selection.active;
  const lead = snippetLead(editor.document.lineAt(cursor.line).text.slice(0, cursor.character));
  return editor.insertSnippet(new vscode.SnippetString(lead + skeleton.snippet));
}
