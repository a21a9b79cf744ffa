/**
 * "Create Payout · handles 2 of 16 errors" above each endpoint call. The lens carries what its
 * click lists (each error: handled where, or its meaning and retry verdict), so the client shows it
 * without another request.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { localize, retryLabel } from '../../../../catalog/src/localize';
import type { Lang } from '../../../../catalog/src/types';
import { SHOW_COVERAGE_COMMAND, type ShowCoverageArgs } from '../../protocol/coverage';
import type { CallCoverage } from './coverage';

export function lensTitle(c: CallCoverage, lang: Lang): string {
  return lang === 'zh-CN'
    ? `${c.call.endpoint} · 处理了 ${c.total} 个错误中的 ${c.handled} 个`
    : `${c.call.endpoint} · handles ${c.handled} of ${c.total} ${c.total === 1 ? 'error' : 'errors'}`;
}

export function coverageLenses(document: TextDocument, calls: readonly CallCoverage[], lang: Lang): CodeLens[] {
  return calls.map((c) => {
    const args: ShowCoverageArgs = {
      uri: document.uri,
      endpoint: c.call.endpoint,
      errors: c.errors.map((e) => ({
        code: String(e.entry.code),
        general: e.general,
        handled: e.handled.map((h) => document.positionAt(h.start)),
        meaning: localize(e.entry.summary, lang),
        // the catalog's retry label, the one the hover and the panels show
        retry: retryLabel(e.entry.retry, lang),
      })),
    };
    const range = { start: document.positionAt(c.call.start), end: document.positionAt(c.call.end) };
    return { range, command: { title: lensTitle(c, lang), command: SHOW_COVERAGE_COMMAND, arguments: [args] } };
  });
}
