/**
 * What the webview hosts (catalogHost.ts, decodeHost.ts) need from VS Code, as an interface: the
 * panels give them a real one (vscodeHostEnv.ts), the chromium tests one that stands in for it.
 */
import { retryLabel } from '../../../catalog/src/localize';
import { RETRY_VALUES, type Lang, type Retry } from '../../../catalog/src/types';

export interface HostEnv<Out> {
  post(message: Out): void;
  copy(text: string): Promise<void>;
  /** Inserts at the cursor of the last active text editor; false when there is none. */
  insertText(text: string): Promise<boolean>;
  /** Language id of the last active text editor, if any. */
  editorLanguage(): string | undefined;
  /** Opens a web page; false when it was not opened (the user declined, or nothing handles it). */
  openExternal(url: string): Promise<boolean>;
  log(message: string): void;
}

/** What the hosts read of the settings on each use (they change without a reload). */
export interface HostSettings { lang: Lang }

export function retryLabels(lang: Lang): Record<Retry, string> {
  const out = {} as Record<Retry, string>;
  for (const r of RETRY_VALUES) out[r] = retryLabel(r, lang);
  return out;
}
