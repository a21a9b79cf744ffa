/** "Look Up Error Code": a quick pick driven by the catalog's search; Enter opens the entry. */
import * as vscode from 'vscode';
import type { Catalog } from '../../../catalog/src/catalog';
import type { ErrorEntry, Lang } from '../../../catalog/src/types';
import { relevantHits } from '../panels/hosts';

interface EntryItem extends vscode.QuickPickItem { id: string }

function item(e: ErrorEntry, lang: Lang): EntryItem {
  return {
    id: e.id,
    label: String(e.code),
    description: `${e.group} · ${e.types.join(', ') || vscode.l10n.t('no type')}${e.httpStatus.length ? ` · HTTP ${e.httpStatus.join('/')}` : ''}`,
    detail: `${e.message ?? e.messageExamples?.[0] ?? ''} — ${e.summary[lang] || e.summary.en}`,
    alwaysShow: true,
  };
}

/** Items for a query: every entry when it is empty, else the search hits (exact code first). */
export function lookUpItems(catalog: Catalog, query: string, lang: Lang): EntryItem[] {
  const q = query.trim();
  const entries = q === '' ? catalog.entries : relevantHits(catalog, q, 50).map((h) => h.entry);
  return entries.map((e) => item(e, lang));
}

export function lookUpCode(catalog: () => Catalog, lang: () => Lang, open: (id: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<EntryItem>();
    qp.title = vscode.l10n.t('Look Up UQPAY Error Code');
    qp.placeholder = vscode.l10n.t('Type a code, a message or a few words (English or Chinese)');
    qp.matchOnDescription = false;
    qp.matchOnDetail = false;
    // Our own ranking decides the order; the quick pick must not re-filter it.
    (qp as vscode.QuickPick<EntryItem> & { sortByLabel?: boolean }).sortByLabel = false;
    qp.items = lookUpItems(catalog(), '', lang());
    qp.onDidChangeValue((v) => {
      qp.items = lookUpItems(catalog(), v, lang());
    });
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      qp.hide();
      if (picked) open(picked.id);
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve();
    });
    qp.show();
  });
}
