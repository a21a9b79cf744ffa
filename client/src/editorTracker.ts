/**
 * The last text editor the user worked in. While a webview has focus `activeTextEditor` is
 * undefined, so the catalog's "Insert at cursor" needs to remember the one before.
 */
import * as vscode from 'vscode';

export class EditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly sub = vscode.window.onDidChangeActiveTextEditor((e) => {
    if (e) this.last = e;
  });

  /** The active editor, else the last one that is still visible. */
  get editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active) return active;
    if (this.last && vscode.window.visibleTextEditors.includes(this.last)) return this.last;
    return vscode.window.visibleTextEditors[0];
  }

  async insert(text: string): Promise<boolean> {
    const editor = this.editor;
    if (!editor) return false;
    const ok = await editor.edit((b) => {
      for (const s of editor.selections) b.replace(s, text);
    });
    if (ok) await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    return ok;
  }

  dispose(): void {
    this.sub.dispose();
  }
}
