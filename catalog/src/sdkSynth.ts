/**
 * Values the official UQPAY SDKs make up when the gateway's response does not carry them: a type
 * inferred from the HTTP status, a code made from the status or a fixed name, and the SDKs' own
 * error strings. Decode and hovers both read them from here. Facts are from the SDK sources
 * (shared/reference/uqpay-sdk-facts.md, sections named per row); the explanations are our own.
 */
import type { Localized, SdkMade, SdkName } from './types';

export type { SdkMade, SdkName };

/** One value an SDK makes up, and when. */
export interface SdkMadeValue {
  field: 'type' | 'code';
  value: string;
  sdks: SdkName[];
  /** The statuses it is made from (`[500, 599]` for any 5xx); null when not tied to a status. */
  statuses: [number, number] | null;
  /** Only when the response has no type: the CLI and the mobile SDKs print their own name instead of the API's. */
  typeless?: true;
  explanation: Localized;
}

const ALL_5XX: [number, number] = [500, 599];
const at = (s: number): [number, number] => [s, s];

/**
 * The Node and Python SDKs' status → type table, used whenever the body has no string `type`
 * (uqpay-node src/error.ts inferType; uqpay-sdk-python _infer_error_type; facts §3.3, §4.3).
 */
export function sdkInferredType(status: number): string {
  if (status === 401) return 'unauthorized_error';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

const FROM_STATUS: Localized = {
  en: 'The Node and Python SDKs fill in this type from the HTTP status when the body has none.',
  'zh-CN': '响应体没有 type 时，Node 和 Python SDK 会按 HTTP 状态码补上这个 type。',
};
const CLI_TYPE: Localized = {
  en: "An error name the uqpay CLI (and the mobile SDKs) choose from the HTTP status alone, printed when the body has no API type and code; the gateway never sends it.",
  'zh-CN': 'uqpay CLI（以及移动端 SDK）只按 HTTP 状态码选出的错误名，在响应体没有 API 的 type 和 code 时输出；网关不会返回它。',
};

/** Types and codes that come from an SDK, not from the gateway (facts §1, §2, §3.3, §4.3, §9, §10–§12). */
export const SDK_MADE_VALUES: readonly SdkMadeValue[] = [
  // Types the Node/Python status table makes that Global Acquiring never sends.
  { field: 'type', value: 'forbidden', sdks: ['Node', 'Python'], statuses: at(403), explanation: FROM_STATUS },
  { field: 'type', value: 'conflict_error', sdks: ['Node', 'Python'], statuses: at(409), explanation: FROM_STATUS },
  { field: 'type', value: 'rate_limit_error', sdks: ['Node', 'Python'], statuses: at(429), explanation: FROM_STATUS },
  {
    field: 'code', value: 'authentication_error', sdks: ['Node', 'Python'], statuses: at(401),
    explanation: {
      en: 'Made by the Node and Python SDKs for a 401 whose body is the auth middleware\'s {"error": "…"}, and for any failed access-token request; the gateway itself never sends this code.',
      'zh-CN': 'Node 和 Python SDK 在收到认证中间件的 401 {"error": "…"} 响应、或获取 access token 失败时生成此 code；网关本身不会返回它。',
    },
  },
  {
    field: 'code', value: 'None', sdks: ['Python'], statuses: null,
    explanation: {
      en: 'The Python SDK turns a JSON null code into the string "None"; the body had no code.',
      'zh-CN': 'Python SDK 会把 JSON 中为 null 的 code 变成字符串 "None"；响应体其实没有 code。',
    },
  },
  {
    field: 'code', value: 'network_error', sdks: ['Python', 'CLI', 'Android', 'Flutter', 'React Native'], statuses: null,
    explanation: {
      en: 'Made by the SDK when no HTTP response arrived (connection or DNS failure); the outcome of a write is unknown.',
      'zh-CN': '没有收到 HTTP 响应（连接或 DNS 失败）时由 SDK 生成；写操作的结果未知。',
    },
  },
  {
    field: 'code', value: 'malformed_response', sdks: ['Python', 'Flutter'], statuses: null,
    explanation: {
      en: 'Made by the SDK when a response could not be parsed (Python: the access-token response; Flutter: a 2xx body).',
      'zh-CN': '响应无法解析时由 SDK 生成（Python：获取 access token 的响应；Flutter：2xx 响应体）。',
    },
  },
  {
    field: 'code', value: 'reconcile_required', sdks: ['CLI'], statuses: ALL_5XX,
    explanation: {
      en: 'The uqpay CLI reports a write that failed with a 5xx or a network error this way instead of replaying it: look the object up before you resend.',
      'zh-CN': 'uqpay CLI 对以 5xx 或网络错误结束的写操作不做重放，而是这样报告：重发前请先查询该对象。',
    },
  },
  { field: 'code', value: 'authentication_failed', sdks: ['CLI', 'Android', 'Flutter', 'React Native'], statuses: at(401), typeless: true, explanation: CLI_TYPE },
  { field: 'code', value: 'forbidden', sdks: ['CLI'], statuses: at(403), typeless: true, explanation: CLI_TYPE },
  { field: 'code', value: 'not_found', sdks: ['CLI'], statuses: at(404), typeless: true, explanation: CLI_TYPE },
  { field: 'code', value: 'conflict', sdks: ['CLI'], statuses: at(409), typeless: true, explanation: CLI_TYPE },
  { field: 'code', value: 'rate_limited', sdks: ['CLI', 'Flutter'], statuses: at(429), typeless: true, explanation: CLI_TYPE },
  { field: 'code', value: 'server_error', sdks: ['CLI', 'Android', 'Flutter', 'React Native'], statuses: ALL_5XX, typeless: true, explanation: CLI_TYPE },
  { field: 'code', value: 'invalid_request', sdks: ['CLI', 'Android', 'React Native'], statuses: [400, 499], typeless: true, explanation: CLI_TYPE },
];

const STATUS_CODE: Localized = {
  en: 'The Node and Python SDKs use the HTTP status as the code when the body has none (a text or HTML body, or a legacy body without a code).',
  'zh-CN': '响应体没有 code（文本或 HTML 响应体，或不带 code 的旧版响应体）时，Node 和 Python SDK 会把 HTTP 状态码当作 code。',
};

/**
 * Error strings the SDKs build around a response that is not a usable error body: Go
 * (`request failed with status N: <body>`, common/client.go) and Java (`Request failed with
 * status N[: <body>]`, ApiClient.java). Group 1: the status; group 2: the body, if any.
 */
export const SDK_STATUS_STRING = /\b[Rr]equest failed with status (\d{3})\b(?::[ \t]*([^\n]{0,2000}))?/g;

const STATUS_STRING: Localized = {
  en: 'The Go and Java SDKs raise this plain error when the body is not a JSON error with a message (an HTML page, an {"error": …} body, an empty body).',
  'zh-CN': '响应体不是带 message 的 JSON 错误（HTML 页面、{"error": …}、空响应体）时，Go 和 Java SDK 会抛出这个普通错误。',
};

/** The fact for a type or code value, if an SDK makes it up. */
export function sdkMadeValue(field: 'type' | 'code', value: string): SdkMadeValue | undefined {
  return SDK_MADE_VALUES.find((v) => v.field === field && v.value === value);
}

const inRange = (status: number | null, r: [number, number] | null): boolean => status === null || r === null || (status >= r[0] && status <= r[1]);

const LEGACY_STRING: Localized = {
  en: 'The gateway sends the legacy code as a number; the Node, Python, Go and Java SDKs and the uqpay CLI turn it into this string.',
  'zh-CN': '网关返回的旧版 code 是数字；Node、Python、Go、Java SDK 和 uqpay CLI 会把它变成这个字符串。',
};

/**
 * The values of one response that an SDK made up. `typeKnown`: the type is one the catalog
 * documents (it stands unless the code shows the SDK made the type too); `legacyCode`: the code
 * is a documented numeric legacy code.
 */
export function sdkMadeIn(
  r: { code: string | number | null; type: string | null; message: string | null; httpStatus: number | null },
  known: { typeKnown: boolean; legacyCode: boolean },
): SdkMade[] {
  const typeKnown = known.typeKnown;
  const out: SdkMade[] = [];
  const made = (field: SdkMade['field'], value: string, sdks: SdkName[], explanation: Localized) =>
    out.push({ field, value, sdks, httpStatus: r.httpStatus, explanation });
  let codeFromStatus = false;
  if (typeof r.code === 'string' && known.legacyCode && /^\d+$/.test(r.code)) {
    out.push({ field: 'code', value: r.code, sdks: ['Node', 'Python', 'Go', 'Java', 'CLI'], httpStatus: r.httpStatus, stringified: true, explanation: LEGACY_STRING });
    // the legacy body has no type: Node and Python fill it in from the status
    if (r.type !== null && r.httpStatus !== null && r.type === sdkInferredType(r.httpStatus)) made('type', r.type, ['Node', 'Python'], FROM_STATUS);
    return out;
  } else if (typeof r.code === 'string') {
    const fact = sdkMadeValue('code', r.code);
    if (fact && inRange(r.httpStatus, fact.statuses) && !(fact.typeless && r.type !== null)) made('code', r.code, fact.sdks, fact.explanation);
    else if (r.httpStatus !== null && r.httpStatus >= 400 && r.code === String(r.httpStatus)) {
      codeFromStatus = true;
      made('code', r.code, ['Node', 'Python'], STATUS_CODE);
    }
  }
  if (r.type !== null) {
    const fact = sdkMadeValue('type', r.type);
    if (fact && inRange(r.httpStatus, fact.statuses)) made('type', r.type, fact.sdks, fact.explanation);
    // A code made from the status means the body had no type either: the type came from the same table.
    else if ((codeFromStatus || (r.code === 'authentication_error' && out.length)) && r.httpStatus !== null && r.type === sdkInferredType(r.httpStatus)) {
      made('type', r.type, ['Node', 'Python'], FROM_STATUS);
    } else if (!typeKnown && r.httpStatus !== null && r.type === sdkInferredType(r.httpStatus)) made('type', r.type, ['Node', 'Python'], FROM_STATUS);
  }
  if (r.message !== null) {
    SDK_STATUS_STRING.lastIndex = 0;
    const m = SDK_STATUS_STRING.exec(r.message);
    if (m && m.index < 40) made('message', m[0].slice(0, 80), ['Go', 'Java'], STATUS_STRING);
  }
  return out;
}
