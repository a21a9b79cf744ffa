/**
 * The host side of both webviews, without vscode: what to answer to each message. The VS Code
 * panels (catalogPanel.ts, decodePanel.ts) give it a real `HostEnv`; the chromium tests give it
 * one that stands in for VS Code, so the same code answers the page in both.
 */
import type { Catalog, SearchHit } from '../../../catalog/src/catalog';
import { retryLabel } from '../../../catalog/src/localize';
import { adviceLine } from '../../../catalog/src/adviceLine';
import { RETRY_VALUES, type DecodeResult, type ErrorEntry, type Lang, type Retry } from '../../../catalog/src/types';
import { inlineDecoder, type Decoder } from '../decoder';
import { decodeReport } from '../report';
import { handlerSkeleton } from '../snippets/handlerSnippet';
import {
  parseFromCatalogWebview, parseFromDecodeWebview, type CatalogSnapshot, type EntryAction, type ToCatalogWebview, type ToDecodeWebview,
} from '../webview/protocol';
import { localizedStrings, UI_STRINGS } from '../webview/strings';

/** What the host can do for a webview; the VS Code implementation lives in the panels. */
export interface HostEnv<Out> {
  post(message: Out): void;
  copy(text: string): Promise<void>;
  /** Inserts at the cursor of the last active text editor; false when there is none. */
  insertText(text: string): Promise<boolean>;
  /** Language id of the last active text editor, if any. */
  editorLanguage(): string | undefined;
  openExternal(url: string): Promise<void>;
  /** Translates a UI string (vscode.l10n.t); `{0}` placeholders filled from args. */
  t(english: string, ...args: (string | number)[]): string;
  log(message: string): void;
}

export function retryLabels(lang: Lang): Record<Retry, string> {
  const out = {} as Record<Retry, string>;
  for (const r of RETRY_VALUES) out[r] = retryLabel(r, lang);
  return out;
}

export function snapshotOf(catalog: Catalog): CatalogSnapshot {
  return { entries: [...catalog.entries], types: [...catalog.types], endpoints: [...catalog.endpoints], docs: catalog.docs };
}

/** Handler cases for a set of codes: the comment is the advice line in `lang` (as the missing-cases fix writes it). */
export function casesFor(entries: readonly Pick<ErrorEntry, 'code' | 'advice' | 'retry'>[], lang: Lang) {
  const seen = new Set<string>();
  const cases: { code: string | number; comment: string }[] = [];
  for (const e of entries) {
    const key = String(e.code);
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push({ code: e.code, comment: adviceLine(e, lang) });
  }
  return cases;
}

interface Settings { lang: Lang }

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

/** Hits scoring under this share of the best one are noise (fuzzy matches of a single letter). */
const RELEVANCE_CUTOFF = 0.05;

/** The catalog's search without its long tail, best first, exact code first. */
export function relevantHits(catalog: Catalog, query: string, limit = 200): SearchHit[] {
  const hits = catalog.search(query, { limit });
  const best = hits.find((h) => !h.exact)?.score ?? hits[0]?.score ?? 0;
  return hits.filter((h) => h.exact || h.score >= best * RELEVANCE_CUTOFF);
}

export class CatalogHost {
  private readyFlag = false;
  private pendingSelect: string | undefined;

  constructor(
    private readonly catalog: () => Catalog,
    private readonly settings: () => Settings,
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
      type: 'init', lang, strings: localizedStrings((s) => this.env.t(s)), retryLabels: retryLabels(lang), catalog: snapshotOf(this.catalog()),
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
        const ids = relevantHits(this.catalog(), message.query).map((h) => h.entry.id);
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
    const t = this.env.t;
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
          const { lang } = this.settings();
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
          await this.env.openExternal(url);
          this.env.post({ type: 'actionResult', ok: true, message: t('Opened the documentation.') });
          return;
        }
      }
    } catch (e) {
      this.env.log(`catalog action ${action} failed: ${e instanceof Error ? e.message : String(e)}`);
      this.env.post({ type: 'actionResult', ok: false, message: t('That did not work: {0}', e instanceof Error ? e.message : String(e)) });
    }
  }
}

export class DecodeHost {
  private readyFlag = false;
  private pendingText: string | undefined;
  private last: DecodeResult | null = null;

  constructor(
    private readonly catalog: () => Catalog,
    private readonly settings: () => Settings,
    private readonly env: HostEnv<ToDecodeWebview>,
    private readonly openEntry: (id: string) => void,
    private readonly version?: string,
    /** Where decoding runs (a worker thread in VS Code); in-process by default. */
    private readonly decoder: Decoder = inlineDecoder(catalog),
  ) {}

  get ready(): boolean {
    return this.readyFlag;
  }

  /** The latest decode result (for tests and the e2e API). */
  get lastResult(): DecodeResult | null {
    return this.last;
  }

  /** Put text in the paste area (now, or with `init`). */
  setInput(text: string | undefined): void {
    if (text === undefined) return;
    this.pendingText = text;
    if (this.readyFlag) this.env.post({ type: 'setInput', text });
  }

  refresh(): void {
    if (this.readyFlag) this.sendInit(undefined);
  }

  private sendInit(text: string | undefined): void {
    const { lang } = this.settings();
    this.env.post({
      type: 'init', lang, strings: localizedStrings((s) => this.env.t(s)), retryLabels: retryLabels(lang), ...(text !== undefined ? { text } : {}),
    });
  }

  async handle(raw: unknown): Promise<void> {
    const { message, error } = parseFromDecodeWebview(raw);
    if (!message) {
      this.env.log(`decode webview: ignored message (${error})`);
      return;
    }
    const t = this.env.t;
    switch (message.type) {
      case 'ready': {
        this.readyFlag = true;
        const text = this.pendingText;
        this.pendingText = undefined;
        this.sendInit(text);
        return;
      }
      case 'decode': {
        // The page has its input: nothing left to hand over on a reload.
        this.pendingText = undefined;
        let result: DecodeResult;
        try {
          result = await this.decoder(message.text);
        } catch (e) {
          // A newer paste replaced this one: the page waits for that answer instead.
          if (e instanceof Error && e.message === 'superseded') return;
          // decode promises never to throw; if it does, the page still gets an answer.
          this.env.log(`decode failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
          result = { findings: [], notes: [t('The decoder failed on this input; see the output channel.')] };
        }
        this.last = result;
        this.env.post({ type: 'decodeResult', seq: message.seq, result, inputLength: message.text.length });
        return;
      }
      case 'copyReport': {
        if (!this.last || this.last.findings.length === 0) {
          this.env.post({ type: 'actionResult', ok: false, message: t('Nothing decoded yet: paste a response first.') });
          return;
        }
        const { lang } = this.settings();
        await this.env.copy(decodeReport(this.last, { lang, retryLabels: retryLabels(lang), version: this.version }));
        this.env.post({ type: 'actionResult', ok: true, message: t('Copied a redacted report to the clipboard.') });
        return;
      }
      case 'openEntry':
        if (this.catalog().byId(message.id)) this.openEntry(message.id);
        else this.env.log(`decode webview: openEntry for unknown id ${message.id.slice(0, 80)}`);
        return;
    }
  }
}

/** English UI strings as they are (tests and hosts without l10n). */
export const englishT = (english: string, ...args: (string | number)[]): string =>
  english.replace(/\{(\d+)\}/g, (w, i: string) => (args[Number(i)] === undefined ? w : String(args[Number(i)])));

export { UI_STRINGS };
