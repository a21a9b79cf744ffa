/** The VS Code implementation of what the webview hosts need (clipboard, editor, links, l10n). */
import * as vscode from 'vscode';
import type { EditorTracker } from '../editorTracker';
import type { HostEnv } from './hosts';

export function vscodeHostEnv<Out>(post: (m: Out) => void, editors: EditorTracker, output: vscode.OutputChannel): HostEnv<Out> {
  return {
    post,
    copy: async (text) => {
      await vscode.env.clipboard.writeText(text);
    },
    insertText: (text) => editors.insert(text),
    editorLanguage: () => editors.editor?.document.languageId,
    openExternal: async (url) => {
      await vscode.env.openExternal(vscode.Uri.parse(url));
    },
    t: (english, ...args) => vscode.l10n.t(english, ...args),
    log: (message) => output.appendLine(`[client] ${message}`),
  };
}
