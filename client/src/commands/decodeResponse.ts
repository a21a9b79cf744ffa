/**
 * "Decode Response" and "Decode as UQPAY Response": the selection; else, for Decode Response, the
 * clipboard when it holds an error response (the page says so, Escape undoes it); else an empty panel.
 */
import * as vscode from 'vscode';
import type { DecodeHost } from '../panels/decodeHost';
import type { ManagedPanel } from '../panels/managedPanel';
import type { EditorTracker } from '../editorTracker';

export async function decodeResponse(panel: ManagedPanel<DecodeHost>, editors: EditorTracker, fromSelectionOnly: boolean): Promise<void> {
  const editor = vscode.window.activeTextEditor ?? (fromSelectionOnly ? editors.editor : undefined);
  let text: string | undefined;
  if (editor) {
    const parts = editor.selections.filter((s) => !s.isEmpty).map((s) => editor.document.getText(s));
    if (parts.length) text = parts.join('\n');
  }
  const host = panel.show();
  if (text !== undefined || fromSelectionOnly) {
    host.setInput(text);
    return;
  }
  try {
    await host.offerClipboard(await vscode.env.clipboard.readText());
  } catch {
    // No clipboard access (some remote setups): the panel stays empty.
  }
}
