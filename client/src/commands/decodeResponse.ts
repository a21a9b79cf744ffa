/**
 * "Decode Response" and "Decode as UQPAY Response": the selection, else the clipboard, else an
 * empty panel.
 */
import * as vscode from 'vscode';
import type { DecodeHost } from '../panels/hosts';
import type { ManagedPanel } from '../panels/managedPanel';
import type { EditorTracker } from '../editorTracker';

/** Clipboard text larger than this is not pulled in unasked (a stray huge copy). */
const MAX_CLIPBOARD = 16 * 1024 * 1024;

export async function decodeResponse(panel: ManagedPanel<DecodeHost>, editors: EditorTracker, fromSelectionOnly: boolean): Promise<void> {
  const editor = vscode.window.activeTextEditor ?? (fromSelectionOnly ? editors.editor : undefined);
  let text: string | undefined;
  if (editor) {
    const parts = editor.selections.filter((s) => !s.isEmpty).map((s) => editor.document.getText(s));
    if (parts.length) text = parts.join('\n');
  }
  if (text === undefined && !fromSelectionOnly) {
    try {
      const clip = await vscode.env.clipboard.readText();
      if (clip.trim() !== '' && clip.length <= MAX_CLIPBOARD) text = clip;
    } catch {
      // No clipboard access (some remote setups): open the empty panel.
    }
  }
  const host = panel.show();
  host.setInput(text);
}
