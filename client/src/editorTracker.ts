/**
 * The last text editor the user worked in. While a webview has focus `activeTextEditor` is
 * undefined, and when the catalog's tab covers that editor VS Code disposes its `TextEditor`:
 * so the document and the selections are remembered, and "Insert at cursor" shows the document
 * again where it was before it edits.
 */
import * as vscode from 'vscode';

interface Place {
  document: vscode.TextDocument;
  selections: readonly vscode.Selection[];
  viewColumn: vscode.ViewColumn | undefined;
}

export class EditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private place: Place | undefined = this.last && placeOf(this.last);
  private readonly subs = [
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (!e) return;
      this.last = e;
      this.place = placeOf(e);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === this.last) this.place = placeOf(e.textEditor);
    }),
  ];

  /** The active editor, else the last active one while it is still shown. */
  get editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active) return active;
    if (this.last && vscode.window.visibleTextEditors.includes(this.last)) return this.last;
    return undefined;
  }

  /** Language of the last active text editor, shown or not. */
  get languageId(): string | undefined {
    return this.editor?.document.languageId ?? (this.place && !this.place.document.isClosed ? this.place.document.languageId : undefined);
  }

  /** Replaces the selections of the last active text editor with `text`, showing it first if it is hidden. */
  async insert(text: string): Promise<boolean> {
    let editor = this.editor;
    const place = this.place;
    if (!editor && place && !place.document.isClosed) {
      editor = await vscode.window.showTextDocument(place.document, { viewColumn: place.viewColumn, preserveFocus: false });
      editor.selections = [...place.selections];
    }
    if (!editor) return false;
    const target = editor;
    const ok = await target.edit((b) => {
      for (const s of target.selections) b.replace(s, text);
    });
    if (ok) await vscode.window.showTextDocument(target.document, { viewColumn: target.viewColumn, preserveFocus: false });
    return ok;
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}

function placeOf(e: vscode.TextEditor): Place {
  return { document: e.document, selections: e.selections, viewColumn: e.viewColumn };
}
