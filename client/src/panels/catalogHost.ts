/**
 * The catalog browser's host side, without vscode: what to answer to each message of the page.
 * The VS Code panel gives it a real `HostEnv`; the chromium tests give it a stand-in, so the same
 * code answers the page in both.
 */
import type { Catalog } from '../../../catalog/src/catalog';
import { handlerSkeleton } from '../snippets/handlerSnippet';
import { casesFor } from '../snippets/handlerCases';
import { translator } from '../uiText';
import { parseFromCatalogWebview, type CatalogSnapshot, type EntryAction, type ToCatalogWebview } from '../webview/protocol';
import { localizedStrings } from '../webview/strings';
import { retryLabels, type HostEnv, type HostSettings } from './hostEnv';

/** The most search results a page lists (more than any catalog has). */
const SEARCH_LIMIT = 1000;

export function snapshotOf(catalog: Catalog): CatalogSnapshot {
  return { entries: [...catalog.entries], types: [...catalog.types], endpoints: [...catalog.endpoints], docs: catalog.docs };
}

/** An http(s) URL with a host, nothing else. */
export function isWebUrl(u: string | undefined): u is string {
  if (!u) return false;
  try {
    const url = new URL(u);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export class CatalogHost {
  private readyFlag = false;
  private pendingSelect: string | undefined;

  constructor(
    private readonly catalog: () => Catalog,
    private readonly settings: () => HostSettings,
    private readonly env: HostEnv<ToCatalogWebview>,
  ) {}

  /** True once the page has said `ready` (and got its `init`). */
  get ready(): boolean {
    return this.readyFlag;
  }

  /** Select an entry now if the page is up, or as part of `init`. */
  select(id: string | undefined): void {
    if (id === undefined) return;
    // Also kept for the next `init`: a hidden panel's page is reloaded when shown, and a
    // message posted meanwhile may never arrive.
    this.pendingSelect = id;
    if (this.readyFlag) this.env.post({ type: 'select', id });
  }

  /** Resend everything (the catalog or the language changed). */
  refresh(): void {
    if (this.readyFlag) this.sendInit();
  }

  private sendInit(): void {
    const { lang } = this.settings();
    const select = this.pendingSelect;
    this.pendingSelect = undefined;
    this.env.post({
      type: 'init', lang, strings: localizedStrings(translator(lang)), retryLabels: retryLabels(lang), catalog: snapshotOf(this.catalog()),
      ...(select !== undefined ? { select } : {}),
    });
  }

  async handle(raw: unknown): Promise<void> {
    const { message, error } = parseFromCatalogWebview(raw);
    if (!message) {
      this.env.log(`catalog webview: ignored message (${error})`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.readyFlag = true;
        this.sendInit();
        return;
      case 'search': {
        this.pendingSelect = undefined;
        const ids = this.catalog().search(message.query, { limit: SEARCH_LIMIT }).map((h) => h.entry.id);
        this.env.post({ type: 'searchResult', seq: message.seq, query: message.query, ids });
        return;
      }
      case 'action':
        this.pendingSelect = undefined;
        await this.action(message.action, message.id);
        return;
    }
  }

  private async action(action: EntryAction, id: string): Promise<void> {
    const entry = this.catalog().byId(id);
    const { lang } = this.settings();
    const t = translator(lang);
    if (!entry) {
      this.env.post({ type: 'actionResult', ok: false, message: t('No catalog entry {0}.', id) });
      return;
    }
    const code = String(entry.code);
    try {
      switch (action) {
        case 'copyCode':
          await this.env.copy(code);
          this.env.post({ type: 'actionResult', ok: true, message: t('Copied {0}.', code) });
          return;
        case 'insertCode': {
          const ok = await this.env.insertText(code);
          this.env.post({ type: 'actionResult', ok, message: ok ? t('Inserted {0}.', code) : t('Open a text editor first: there is no cursor to insert at.') });
          return;
        }
        case 'copySnippet': {
          const skeleton = handlerSkeleton(this.env.editorLanguage(), casesFor([entry], lang));
          await this.env.copy(skeleton.text);
          this.env.post({ type: 'actionResult', ok: true, message: t('Copied a {0} handler for {1}.', skeleton.language, code) });
          return;
        }
        case 'openDocs': {
          // A user catalog could name any URI (command:, file:, javascript:): only web pages open.
          const url = [entry.docs, this.catalog().docs].find(isWebUrl);
          if (!url) {
            this.env.post({ type: 'actionResult', ok: false, message: t('This entry has no web documentation link.') });
            return;
          }
          // Said once VS Code answers: the user may still decline to open the link.
          const opened = await this.env.openExternal(url);
          this.env.post({ type: 'actionResult', ok: opened, message: opened ? t('Opened {0}.', url) : t('The documentation was not opened: {0}', url) });
          return;
        }
      }
    } catch (e) {
      this.env.log(`catalog action ${action} failed: ${e instanceof Error ? e.message : String(e)}`);
      this.env.post({ type: 'actionResult', ok: false, message: t('That did not work: {0}', e instanceof Error ? e.message : String(e)) });
    }
  }
}
