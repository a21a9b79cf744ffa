/** "Look Up Error Code": a quick pick over the catalog's one search; Enter opens the entry. */
import * as vscode from 'vscode';
import type { Catalog } from '../../../catalog/src/catalog';
import type { ErrorEntry, Lang } from '../../../catalog/src/types';
import { translator, type Translate } from '../uiText';
import { groupLabel } from '../webview/catalog/model';
import { localizedStrings } from '../webview/strings';

interface EntryItem extends vscode.QuickPickItem { id: string }

/** Most items listed for a query (the catalog browser lists them all). */
const LIMIT = 50;

/**
 * One row: the code, then group and status, then the message and meaning. Types are left out:
 * a section's four type names took the row's width and cut the message off.
 */
export function lookUpItem(e: ErrorEntry, lang: Lang, t: Translate = translator(lang)): EntryItem {
  const strings = localizedStrings(t);
  const status = e.httpStatus.length ? `HTTP ${e.httpStatus.join('/')}` : '';
  const message = e.message ?? e.messageExamples?.[0] ?? '';
  const meaning = e.summary[lang] || e.summary.en;
  return {
    id: e.id,
    label: String(e.code),
    description: [groupLabel(e.group, strings), status].filter(Boolean).join(' · '),
    detail: message ? `${message} — ${meaning}` : meaning,
    alwaysShow: true,
  };
}

/** Items for a query: every entry when it is empty, else the catalog's search, best first. */
export function lookUpItems(catalog: Catalog, query: string, lang: Lang): EntryItem[] {
  const q = query.trim();
  const t = translator(lang);
  const entries = q === '' ? catalog.entries : catalog.search(q, { limit: LIMIT }).map((h) => h.entry);
  return entries.map((e) => lookUpItem(e, lang, t));
}

export function lookUpCode(catalog: () => Catalog, lang: () => Lang, open: (id: string) => void): Promise<void> {
  const t = translator(lang());
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<EntryItem>();
    qp.title = t('Look Up UQPAY Error Code');
    qp.placeholder = t('Type a code, a message or a few words (English or Chinese)');
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
