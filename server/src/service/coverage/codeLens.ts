/**
 * "Create Payout · handles 2 of 16 errors" above each endpoint call. The lens carries what its
 * click lists (each error: handled where, or its meaning and retry verdict), so the client shows it
 * without another request.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import type { Lang } from '../../../../catalog/src/types';
import { SHOW_COVERAGE_COMMAND, type ShowCoverageArgs } from '../../protocol/coverage';
import type { CallCoverage } from './coverage';

const RETRY: Record<string, Record<Lang, string>> = {
  same_key: { en: 'retry with the same idempotency key', 'zh-CN': '使用同一幂等键重试' },
  after_status_check: { en: 'check the status first, then retry', 'zh-CN': '先查询状态再重试' },
  after_token_refresh: { en: 'refresh the token, then retry', 'zh-CN': '刷新 token 后重试' },
  after_backoff: { en: 'retry after a backoff', 'zh-CN': '退避后重试' },
  after_fix: { en: 'fix the request, then send it again', 'zh-CN': '修正请求后再发送' },
  no: { en: 'do not retry', 'zh-CN': '不要重试' },
};

export function retryWords(retry: string, lang: Lang): string {
  return RETRY[retry]?.[lang] ?? retry;
}

export function lensTitle(c: CallCoverage, lang: Lang): string {
  return lang === 'zh-CN'
    ? `${c.call.endpoint} · 处理了 ${c.total} 个错误中的 ${c.handled} 个`
    : `${c.call.endpoint} · handles ${c.handled} of ${c.total} errors`;
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
        meaning: e.entry.summary[lang] ?? e.entry.summary.en,
        retry: retryWords(e.entry.retry, lang),
      })),
    };
    const range = { start: document.positionAt(c.call.start), end: document.positionAt(c.call.end) };
    return { range, command: { title: lensTitle(c, lang), command: SHOW_COVERAGE_COMMAND, arguments: [args] } };
  });
}
