/**
 * The decode panel's host side, without vscode: decodes what the page sends, copies the report,
 * opens catalog entries. The VS Code panel gives it a real `HostEnv`; the chromium tests a stand-in.
 */
import type { Catalog } from '../../../catalog/src/catalog';
import { note } from '../../../catalog/src/decodeNotes';
import type { DecodeResult } from '../../../catalog/src/types';
import { inlineDecoder, type Decoder } from '../decoder';
import { decodeReport } from '../report';
import { translator } from '../uiText';
import { parseFromDecodeWebview, type InputOrigin, type ToDecodeWebview } from '../webview/protocol';
import { localizedStrings } from '../webview/strings';
import { retryLabels, type HostEnv, type HostSettings } from './hostEnv';

/** Clipboard text longer than this is not offered: a stray huge copy is not a response to decode. */
export const MAX_CLIPBOARD_OFFER = 1024 * 1024;

export class DecodeHost {
  private readyFlag = false;
  private pending: { text: string; origin: InputOrigin } | undefined;
  private last: DecodeResult | null = null;

  constructor(
    private readonly catalog: () => Catalog,
    private readonly settings: () => HostSettings,
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
  setInput(text: string | undefined, origin: InputOrigin = 'selection'): void {
    if (text === undefined) return;
    this.pending = { text, origin };
    if (this.readyFlag) this.env.post({ type: 'setInput', text, origin });
  }

  /**
   * Fills the paste area from the clipboard only when it holds an error response: unrelated code
   * the user copied stays out. The page says plainly where the text came from and undoes it with Escape.
   */
  async offerClipboard(text: string): Promise<boolean> {
    if (text.trim() === '' || text.length > MAX_CLIPBOARD_OFFER) return false;
    let found = false;
    try {
      found = (await this.decoder(text)).findings.length > 0;
    } catch {
      found = false;
    }
    if (found) this.setInput(text, 'clipboard');
    return found;
  }

  refresh(): void {
    if (this.readyFlag) this.sendInit(undefined);
  }

  private sendInit(input: { text: string; origin: InputOrigin } | undefined): void {
    const { lang } = this.settings();
    this.env.post({
      type: 'init', lang, strings: localizedStrings(translator(lang)), retryLabels: retryLabels(lang),
      ...(input !== undefined ? { text: input.text, origin: input.origin } : {}),
    });
  }

  async handle(raw: unknown): Promise<void> {
    const { message, error } = parseFromDecodeWebview(raw);
    if (!message) {
      this.env.log(`decode webview: ignored message (${error})`);
      return;
    }
    const { lang } = this.settings();
    const t = translator(lang);
    switch (message.type) {
      case 'ready': {
        this.readyFlag = true;
        const input = this.pending;
        this.pending = undefined;
        this.sendInit(input);
        return;
      }
      case 'decode': {
        // The page has its input: nothing left to hand over on a reload.
        this.pending = undefined;
        let result: DecodeResult;
        try {
          result = await this.decoder(message.text);
        } catch (e) {
          // A newer paste replaced this one: the page waits for that answer instead.
          if (e instanceof Error && e.message === 'superseded') return;
          // decode promises never to throw; if it does, the page still gets an answer.
          this.env.log(`decode failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
          result = { findings: [], notes: [note({ kind: 'decoder-failed' })] };
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
