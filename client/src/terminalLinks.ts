/** Terminal links (see terminalMatches.ts): a code opens the catalog on it, a body the decode panel. */
import * as vscode from 'vscode';
import { docsT } from './catalogSource';
import type { Catalog } from '../../catalog/src/catalog';
import { terminalMatches, type TerminalMatch } from './terminalMatches';

export type UqpayTerminalLink = vscode.TerminalLink & { match: TerminalMatch };

/** Registers the provider; returns it too (the extension-host tests call it on a real terminal). */
export function registerTerminalLinks(catalog: () => Catalog, openCatalog: (id: string) => void, decode: (text: string) => void): {
  registration: vscode.Disposable;
  provider: vscode.TerminalLinkProvider<UqpayTerminalLink>;
} {
  const provider: vscode.TerminalLinkProvider<UqpayTerminalLink> = {
    provideTerminalLinks(context) {
      return terminalMatches(context.line, catalog()).map((match) => ({
        startIndex: match.start,
        length: match.length,
        tooltip: match.kind === 'body' ? docsT('Decode this UQPAY response') : docsT('Open {0} in the UQPAY error catalog', match.text),
        match,
      }));
    },
    handleTerminalLink(link) {
      if (link.match.kind === 'body') decode(link.match.text);
      else if (link.match.id) openCatalog(link.match.id);
    },
  };
  return { registration: vscode.window.registerTerminalLinkProvider(provider), provider };
}
