/**
 * The HTML of both webviews: a static shell with a strict CSP, the stylesheets and one nonce'd
 * script. No data goes in here; it arrives by message after the page says `ready`.
 * Pure (no vscode import) so the chromium tests serve exactly this page.
 */
import type { PanelKind } from '../webview/protocol';

export interface WebviewHtmlOptions {
  kind: PanelKind;
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** URI of `dist/webview/` as the webview sees it (no trailing slash). */
  base: string;
  lang: string;
  title: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
  ].join('; ');
}

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function webviewHtml(o: WebviewHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(o.nonce)) throw new Error('nonce must be a long random token');
  const script = o.kind === 'catalog' ? 'catalog.js' : 'decode.js';
  return `<!DOCTYPE html>
<html lang="${attr(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.base)}/codicons/codicon.css">
<link rel="stylesheet" href="${attr(o.base)}/styles/common.css">
<link rel="stylesheet" href="${attr(o.base)}/styles/${o.kind}.css">
<title>${attr(o.title)}</title>
</head>
<body class="${o.kind}">
<div id="root" class="root"></div>
<script nonce="${attr(o.nonce)}" src="${attr(o.base)}/${script}"></script>
</body>
</html>`;
}

/** A nonce from a CSPRNG (webcrypto exists in Node 18+ and in browsers). */
export function makeNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
