import type { Lang, Localized, Retry } from './types';

/** The text in `lang`, falling back to English, then to the other language. */
export function localize(text: Localized | undefined | null, lang: Lang): string {
  if (!text) return '';
  return text[lang] || text.en || text['zh-CN'] || '';
}

const LABELS: Record<Retry, Localized> = {
  same_key: { en: 'Retry with the same x-idempotency-key', 'zh-CN': '使用相同的 x-idempotency-key 重试' },
  after_status_check: { en: 'Check the resource status before retrying', 'zh-CN': '先查询资源状态再决定是否重试' },
  after_token_refresh: { en: 'Refresh the access token, then retry', 'zh-CN': '刷新 access token 后重试' },
  after_backoff: { en: 'Rate limited: wait, then retry', 'zh-CN': '触发限流：等待后再重试' },
  after_fix: { en: 'Fix the request, then send it with a new x-idempotency-key', 'zh-CN': '修正请求后使用新的 x-idempotency-key 发送' },
  no: { en: 'Do not retry', 'zh-CN': '不要重试' },
};

const DETAILS: Record<Retry, Localized> = {
  same_key: {
    en: 'The failure is on the gateway side. Wait a moment and resend exactly the same request with the same x-idempotency-key, so it cannot be processed twice.',
    'zh-CN': '故障出在网关一侧。稍等片刻，用同一个 x-idempotency-key 原样重发请求，这样不会被重复处理。',
  },
  after_status_check: {
    en: 'The outcome of the original request is unknown. Retrieve the resource first and only retry if it did not go through.',
    'zh-CN': '原请求的结果尚不确定。请先查询该资源，确认未生效后再重试。',
  },
  after_token_refresh: {
    en: 'The access token is missing, malformed or expired. Request a new token, send it as `x-auth-token: Bearer <token>`, then resend.',
    'zh-CN': 'access token 缺失、格式错误或已过期。请重新获取 token，以 `x-auth-token: Bearer <token>` 发送后再重试。',
  },
  after_backoff: {
    en: 'A rate or risk limit was hit. Slow down and retry once the limit window has passed.',
    'zh-CN': '触发了频率或风控限制。请降低请求频率，等限制窗口过去后再重试。',
  },
  after_fix: {
    en: 'Resending the same request will fail again. Change what the error points at and send it as a new request with a new x-idempotency-key.',
    'zh-CN': '原样重发仍会失败。请按错误提示修改请求，并以新的 x-idempotency-key 作为新请求发送。',
  },
  no: {
    en: 'Retrying cannot change the result; nothing more to do, or contact UQPAY support if the state is unexpected.',
    'zh-CN': '重试不会改变结果；无需再操作，若状态不符合预期请联系 UQPAY 支持。',
  },
};

/** A short label for a retry verdict. */
export function retryLabel(retry: Retry, lang: Lang): string {
  return localize(LABELS[retry], lang) || String(retry);
}

/** One or two sentences on what to do for a retry verdict. */
export function retryDetail(retry: Retry, lang: Lang): string {
  return localize(DETAILS[retry], lang) || String(retry);
}
