/**
 * The extension's own words in the user's documentation language. VS Code's `l10n.t` follows only
 * the display language, so with `uqpayErrors.docsLanguage: zh-CN` in an English VS Code the panels
 * stayed English: every text a user reads goes through `translator(lang)` instead.
 * No vscode import: the webview tests and the hosts use the same tables.
 */
import type { Lang } from '../../catalog/src/types';
import zhCN from '../../l10n/bundle.l10n.zh-cn.json';
import { format } from './webview/strings';

const BUNDLES: Record<Lang, Readonly<Record<string, string>>> = { en: {}, 'zh-CN': zhCN };

export type Translate = (english: string, ...args: (string | number)[]) => string;

/** `t(english, ...args)` in `lang`; the English text is the key, and the fallback. */
export function translator(lang: Lang): Translate {
  const bundle = BUNDLES[lang] ?? {};
  return (english, ...args) => format(bundle[english] ?? english, ...args);
}

/** English as it is (tests, and hosts without a language). */
export const englishT: Translate = translator('en');
