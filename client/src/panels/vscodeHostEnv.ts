/** The VS Code implementation of what the webview hosts need (clipboard, editor, links). */
import * as vscode from 'vscode';
import type { EditorTracker } from '../editorTracker';
import type { HostEnv } from './hostEnv';

export function vscodeHostEnv<Out>(post: (m: Out) => void, editors: EditorTracker, output: vscode.OutputChannel): HostEnv<Out> {
  return {
    post,
    copy: async (text) => {
      await vscode.env.clipboard.writeText(text);
    },
    insertText: (text) => editors.insert(text),
    editorLanguage: () => editors.languageId,
    openExternal: (url) => Promise.resolve(vscode.env.openExternal(vscode.Uri.parse(url))),
    log: (message) => output.appendLine(`[client] ${message}`),
  };
}
