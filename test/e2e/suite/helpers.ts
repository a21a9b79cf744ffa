// Shared helpers for the extension-host suites: open fixture files, find positions by text, and
// wait on VS Code events with a deadline (never a fixed sleep).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'uqpay-errors.uqpay-errors';
export const SOURCE = 'uqpay-errors';

/** The fixture workspace folder (a temporary copy made by the runner). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open the fixture workspace as a folder');
  return folder.uri;
}

export async function open(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), relativePath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Position of `needle` in the document, moved `offset` characters into it. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 1, occurrence = 0): vscode.Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = doc.getText().indexOf(needle, index + 1);
    assert.ok(index >= 0, `fixture ${doc.uri.path} should contain ${JSON.stringify(needle)} (${i + 1} times)`);
  }
  return doc.positionAt(index + offset);
}

export function rangeOf(doc: vscode.TextDocument, needle: string): vscode.Range {
  const start = positionOf(doc, needle, 0);
  return new vscode.Range(start, start.translate(0, needle.length));
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function ourDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE && (code === undefined || diagnosticCode(d) === code));
}

/**
 * Resolves when `predicate` holds for the diagnostics of `uri`: checked now, then on every
 * `onDidChangeDiagnostics` event for that uri, until the deadline.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  predicate: (all: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const all = vscode.languages.getDiagnostics(uri);
      if (!predicate(all)) return false;
      cleanup();
      resolve(all);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const now = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}/${diagnosticCode(d)}: ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${JSON.stringify(now)}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

/** The Markdown text of every hover at `position`, joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Waits for the extension to be active and its language client running; returns its API. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} should be installed in the host under test`);
  await until('the extension to activate', () => (ext.isActive ? true : undefined), 30000);
  return ext;
}

/** Sets `uqpayErrors.<key>` in the user settings (never the fixture's files); returns a restorer. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('uqpayErrors');
  const before = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration('uqpayErrors').update(key, before, vscode.ConfigurationTarget.Global);
  };
}

/** The effective `uqpayErrors.severity` object with one entry changed. */
export function severityWith(code: string, level: string): Record<string, string> {
  const current = vscode.workspace.getConfiguration('uqpayErrors').get<Record<string, string>>('severity') ?? {};
  return { ...current, [code]: level };
}

export async function revertActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

export const HAN = /[\u4e00-\u9fff]/;
