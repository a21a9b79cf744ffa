/**
 * decode's notes on a decode as a whole (what was cut or skipped, what decode reads), in English
 * and Chinese. decode() keeps the English sentence on each note (`decode --json`, logs); the panel,
 * its report and the CLI phrase the note in the user's language from its facts. No other import:
 * the decode webview bundles this file.
 */
import type { DecodeNote, DecodeNoteFacts, Lang } from './types';

const HELP = {
  en:
    'No UQPAY error response found. decode reads: a JSON error body ({"type","code","message"}, or a numeric legacy code such as ' +
    '{"code":200,"message":"…"}), a raw HTTP response or `curl -i` / `curl -v` output, log lines with a JSON body inside, several ' +
    'responses (NDJSON or one after another), and SDK error strings such as `retrieve_payment_intent_failed: Retrieve payment intent failed (HTTP 400)`.',
  'zh-CN':
    '没有找到 UQPAY 错误响应。decode 能读取：JSON 错误响应体（{"type","code","message"}，或旧版数字错误码，如 ' +
    '{"code":200,"message":"…"}）、原始 HTTP 响应或 `curl -i` / `curl -v` 的输出、内含 JSON 响应体的日志行、' +
    '多个响应（NDJSON 或依次排列），以及 SDK 的错误字符串，如 `retrieve_payment_intent_failed: Retrieve payment intent failed (HTTP 400)`。',
} as const;

/** The English help text (what decode reads), kept for callers that print it on its own. */
export const DECODE_HELP = HELP.en;

/** The note in `lang`. Anything that is not a note (a hostile message to the panel) reads as empty. */
export function noteText(n: DecodeNoteFacts, lang: Lang): string {
  const zh = lang === 'zh-CN';
  if (!n || typeof n !== 'object') return '';
  switch (n.kind) {
    case 'input-cut':
      return zh ? `输入共 ${n.length} 个字符，只读取了前 ${n.read} 个。` : `The input is ${n.length} characters; only the first ${n.read} were read.`;
    case 'skipped':
      return zh ? `只显示前 ${n.shown} 个错误响应，另有 ${n.skipped} 个被略过。` : `Showing the first ${n.shown} error responses; ${n.skipped} more were skipped.`;
    case 'too-deep':
      return zh
        ? `略过了 ${n.count} 个嵌套过深的 JSON 值，它们不可能是 API 响应。`
        : `Skipped ${n.count} JSON ${n.count === 1 ? 'value' : 'values'} nested too deeply to be an API response.`;
    case 'too-many-objects':
      return zh ? '输入中的 JSON 对象太多，后面的没有检查。' : 'The input holds too many JSON objects; later ones were not examined.';
    case 'success-bodies':
      return zh
        ? `找到 ${n.count} 个不含错误字段的 JSON 对象（成功响应不是错误）。`
        : `Found ${n.count} JSON ${n.count === 1 ? 'object' : 'objects'} without error fields (success responses are not errors).`;
    case 'not-text':
      return zh ? 'decode 需要文本输入。' : 'decode needs text.';
    case 'internal-error':
      return zh ? `decode 因内部错误而停止：${n.detail}` : `decode stopped on an internal error: ${n.detail}`;
    case 'decoder-failed':
      return zh ? '解码器处理这段输入时失败了；详情见输出面板。' : 'The decoder failed on this input; see the output channel.';
    case 'help':
      return HELP[zh ? 'zh-CN' : 'en'];
    default:
      return '';
  }
}

/** A note with its English sentence, as decode returns it. */
export function note(facts: DecodeNoteFacts): DecodeNote {
  return { ...facts, message: noteText(facts, 'en') };
}
