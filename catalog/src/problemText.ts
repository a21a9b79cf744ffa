/**
 * Decode's sentences for the body problems (bodyRules.ts), in English (the `message` of
 * `decode --json`) and Chinese (the CLI in zh-CN). The editor's diagnostics and the decode panel
 * phrase the same problem codes their own way.
 */
import { localize, retryLabel } from './localize';
import type { BodyProblem, Lang } from './types';

function quote(s: string, max = 120): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}

function list(values: readonly string[], lang: Lang): string {
  const q = values.map((v) => quote(v));
  if (lang === 'zh-CN') return q.join('、');
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** What to do with an outcome-unknown failure that carries no error body. */
function noCodeAdvice(status: number | null, retryAfter: string | null, lang: Lang): string {
  const zh = lang === 'zh-CN';
  if (status !== null && status >= 500) {
    return zh
      ? '请求结果未知：先查询该对象的状态；只有确认没有生效时，才用同一个 x-idempotency-key 重发，并逐次延长等待。'
      : 'The outcome is unknown: retrieve the object first, and only if the request did not go through, resend it with the same x-idempotency-key, backing off each time.';
  }
  if (status === 429) {
    if (retryAfter) return zh ? `按 Retry-After 等待（${retryAfter}）后再重试。` : `Wait as Retry-After says (${retryAfter}), then retry.`;
    return zh ? '没有 Retry-After：逐次延长等待后再重试。' : 'There is no Retry-After: back off, longer each time, then retry.';
  }
  if (status === null) {
    return zh
      ? '看不到 HTTP 状态码，无法判断更多：重发前先查询该对象的状态。'
      : 'Without the HTTP status nothing more can be told: check the object\'s state before resending.';
  }
  return '';
}

/** One problem as a sentence or two. */
export function problemText(p: BodyProblem, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (p.code) {
    case 'unknown-code': {
      const base = zh ? `${quote(p.value)} 不是已记录的 Global Acquiring 错误码` : `${quote(p.value)} is not a documented Global Acquiring error code`;
      const sugg = p.suggestions.length ? (zh ? `；是否想写 ${list(p.suggestions, lang)}？` : `; did you mean ${list(p.suggestions, lang)}?`) : zh ? '。' : '.';
      if (p.byType === null) return base + sugg;
      return base + sugg + (zh
        ? `它可能来自 UQPAY 的其他 API；这里按 type ${quote(p.byType)} 解读（含义、HTTP 状态码和重试建议都来自 type）。`
        : ` It may belong to another UQPAY API; it is read by its type ${quote(p.byType)} (meaning, HTTP status and retry verdict come from the type).`);
    }
    case 'type-used-as-code':
      return zh ? `${quote(p.value)} 是错误类型（type），不是错误码（code）。` : `${quote(p.value)} is an error type, not an error code.`;
    case 'not-global-acquiring':
      return zh
        ? `type ${quote(p.type)} 不是 Global Acquiring 的错误类型；这个响应可能来自 UQPAY 的其他 API。`
        : `Type ${quote(p.type)} is not a Global Acquiring error type; this response probably comes from another UQPAY API.`;
    case 'code-type-mismatch':
      return zh
        ? `目录中 ${quote(p.value)} 属于 ${p.listed.length ? list(p.listed, lang) : '无 type（旧版信封）'}，而不是 ${quote(p.type)}。`
        : `The catalog lists ${quote(p.value)} under ${p.listed.length ? list(p.listed, lang) : 'no type (legacy envelope)'}, not ${quote(p.type)}.`;
    case 'http-status-mismatch': {
      const what = p.type !== null ? `type ${quote(p.type)} with code ${quote(p.value)}` : `code ${quote(p.value)}`;
      const whatZh = p.type !== null ? `type ${quote(p.type)}（code ${quote(p.value)}）` : `code ${quote(p.value)} `;
      return zh ? `HTTP ${p.status} 与文档中 ${whatZh}的 HTTP ${p.expected} 不同。` : `HTTP ${p.status} differs from the ${p.expected} documented for ${what}.`;
    }
    case 'message-mismatch':
      return zh
        ? `message ${quote(p.sent)} 与文档中的 ${p.documented ? quote(p.documented) : '描述'} 不同。`
        : `The message ${quote(p.sent)} differs from the documented ${p.documented ? quote(p.documented) : 'one'}.`;
    case 'envelope-b-pending':
      return zh
        ? '旧版“处理中”响应：原请求仍在处理。稍等后用同一个 x-idempotency-key 重发。'
        : 'Legacy pending response: the original request is still being processed; resend it after a short wait with the same x-idempotency-key.';
    case 'envelope-b-not-pending':
      return zh
        ? `旧版 code ${p.value} 只有配上“处理中”的 message 才表示请求仍在处理；这个 message 说的是失败，不要用同一个 key 反复重发。`
        : `The legacy code ${p.value} means "still processing" only with the pending message; this message reports a failure, so do not keep resending with the same key.`;
    case 'status-body-disagree':
      if (p.trusted === 'message') {
        return zh
          ? `HTTP ${p.status} 与响应体的 code ${p.value} 不一致。这里采信 message：它是“处理中”的 message，网关在同一个幂等键的首个请求仍在处理时就会用 HTTP ${p.status} 返回它。`
          : `HTTP ${p.status} and the body's code ${p.value} disagree. The message was trusted: it is the pending message, which the gateway sends with HTTP ${p.status} while the first request with that idempotency key is still running.`;
      }
      return zh
        ? `HTTP ${p.status} 与响应体的 code ${p.value} 不一致。这里采信 HTTP 状态码（SDK 也是如此）：请求失败了，不是仍在处理${p.readAs ? `；按 ${quote(p.readAs)} 解读` : ''}。不要用同一个 key 反复重发。`
        : `HTTP ${p.status} and the body's code ${p.value} disagree. The status was trusted, as the SDKs do: the request failed, it is not pending${p.readAs ? `; read as ${quote(p.readAs)}` : ''}. Do not keep resending it with the same key.`;
    case 'no-error-code': {
      const head = p.status === null
        ? (zh ? '响应体里没有错误码。' : 'The body names no error code.')
        : (zh ? `响应体里没有错误码；结论来自 HTTP ${p.status}：${retryLabel(p.retry, lang)}。` : `The body names no error code; the verdict comes from HTTP ${p.status}: ${retryLabel(p.retry, lang)}.`);
      const advice = noCodeAdvice(p.status, p.retryAfter, lang);
      // Chinese sentences follow each other without a space.
      return advice ? `${head}${zh ? '' : ' '}${advice}` : head;
    }
    case 'sdk-made': {
      const m = p.made;
      const by = m.sdks.join(', ');
      const from = m.httpStatus !== null && !m.stringified ? (zh ? `，依据 HTTP ${m.httpStatus}` : ` from HTTP ${m.httpStatus}`) : '';
      return zh
        ? `${quote(m.value)} 由 SDK 生成（${by}${from}）。${localize(m.explanation, lang)}`
        : `${quote(m.value)} was made by the SDK (${by})${from}. ${localize(m.explanation, lang)}`;
    }
  }
}
