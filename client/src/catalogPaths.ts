/**
 * The extension's extra catalog files: every workspace folder's `uqpayErrors.extraCatalogs`
 * resolved against that folder (catalog/src/catalogPaths.ts). Both the client's catalog
 * (catalogSource.ts) and the language client's file watchers read them here.
 */
import * as vscode from 'vscode';
import { resolveExtraCatalogs } from '../../catalog/src/catalogPaths';
import { SETTINGS_SECTION } from '../../server/src/service/contract';

export function extraCatalogUris(): vscode.Uri[] {
  const path = { absolute: (p: string) => vscode.Uri.file(p), join: (folder: vscode.Uri, p: string) => vscode.Uri.joinPath(folder, p) };
  return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) =>
    resolveExtraCatalogs(vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).get<unknown>('extraCatalogs'), folder.uri, path));
}

/** A watcher for one catalog file. */
export function catalogWatcher(uri: vscode.Uri): vscode.FileSystemWatcher {
  return vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop() ?? '*'));
}
