import type { Lang } from '../../catalog/src/types';

/** Field labels of the human output, in both documentation languages. */
const LABELS = {
  group: { en: 'group', 'zh-CN': '分组' },
  envelope: { en: 'envelope', 'zh-CN': '信封' },
  code: { en: 'code', 'zh-CN': '错误码' },
  type: { en: 'type', 'zh-CN': '类型' },
  types: { en: 'type(s)', 'zh-CN': '类型' },
  message: { en: 'message', 'zh-CN': '消息' },
  examples: { en: 'variants', 'zh-CN': '消息示例' },
  http: { en: 'HTTP', 'zh-CN': 'HTTP 状态' },
  endpoints: { en: 'endpoints', 'zh-CN': '接口' },
  retry: { en: 'retry', 'zh-CN': '重试' },
  summary: { en: 'meaning', 'zh-CN': '含义' },
  advice: { en: 'what to do', 'zh-CN': '处理建议' },
  docs: { en: 'docs', 'zh-CN': '文档' },
  matches: { en: 'entries', 'zh-CN': '匹配条目' },
  requestId: { en: 'request id', 'zh-CN': '请求 ID' },
  idempotencyKey: { en: 'idempotency key', 'zh-CN': '幂等键' },
  problems: { en: 'problems', 'zh-CN': '问题' },
  expected: { en: 'expected', 'zh-CN': '应为' },
  varies: { en: 'varies', 'zh-CN': '随场景变化' },
  sectionTypes: { en: 'one of the section types', 'zh-CN': '所在章节的类型之一' },
  unknown: { en: 'unknown', 'zh-CN': '未知' },
  known: { en: 'in the catalog', 'zh-CN': '已收录' },
  notKnown: { en: 'not in the catalog', 'zh-CN': '未收录' },
  none: { en: 'none', 'zh-CN': '无' },
  statusNotGiven: { en: 'not in the input', 'zh-CN': '输入中未给出' },
  finding: { en: 'Finding', 'zh-CN': '结果' },
  readAsType: { en: 'read by type', 'zh-CN': '按类型解读' },
  readAsStatus: { en: 'read by status', 'zh-CN': '按状态码解读' },
  retryAfter: { en: 'Retry-After', 'zh-CN': 'Retry-After' },
} as const;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}

/** A remark after a value: `  (text)` in English, `（text）` in Chinese (full-width brackets need no gap). */
export function aside(text: string, lang: Lang): string {
  return lang === 'zh-CN' ? `（${text}）` : `  (${text})`;
}

/** The separator between items of a remark: `, ` or `，`. */
export function comma(lang: Lang): string {
  return lang === 'zh-CN' ? '，' : ', ';
}
