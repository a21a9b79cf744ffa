/**
 * How the official UQPAY SDKs surface API errors: their error classes, predicate helpers and code
 * constants, which API errors (HTTP status + body type) reach each one, what the SDK already does
 * about them and what the caller should do. Facts from shared/reference/uqpay-sdk-facts.md (checked
 * against the SDK sources); advice is our own words. Catalog codes are not listed here: they are
 * computed from the catalog (`sdkMemberCodes`), so an extra catalog's codes land in the right class.
 */
import type { Catalog } from './catalog';
import type { ErrorEntry, Localized } from './types';

export type SdkId = 'node' | 'python' | 'go' | 'java' | 'java-legacy' | 'php' | 'cli' | 'android' | 'react-native' | 'flutter';

/** Language families an SDK's users write (the server's scanner families). */
export type SdkFamily = 'js' | 'python' | 'go' | 'java' | 'kotlin' | 'php' | 'dart';

export interface SdkDef {
  id: SdkId;
  /** Display name with the package, e.g. "Node SDK (`@uqpay/sdk`)". */
  name: string;
  families: readonly SdkFamily[];
  /** An import, require, use or package path that shows a file uses this SDK. */
  imports: RegExp;
  /** Manifest dependency names (package.json, go.mod, requirements, pom/gradle, composer, pubspec). */
  dependencies: readonly string[];
  /** Which member an API error (status, body type) becomes, for SDKs that pick a class. */
  classify?: (status: number, type: string | undefined) => string;
}

export type MemberKind = 'class' | 'predicate' | 'code';

export interface SdkMember {
  sdk: SdkId;
  name: string;
  kind: MemberKind;
  /** An API error with this status and body type reaches it; absent: no catalog code does (transport, config). */
  reaches?: (status: number, type: string | undefined) => boolean;
  /** A base class every API error reaches: catching it is how code gets to `code`, not a way of handling one error. */
  base?: true;
  /** The HTTP statuses (and type rule) in words. */
  statuses: Localized;
  /** What the SDK already does with it (retries, synthesized values). */
  sdkDoes: Localized;
  /** What the caller should do. */
  advice: Localized;
  /** A code constant's wire value (`UqpayErrorCode.cardDeclined` → `card_declined`). */
  value?: string;
  /** Catalog codes the SDK maps onto this constant by name (mobile SDKs). */
  fromCodes?: readonly string[];
}

const L = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh });

// Node and Python pick the class from the HTTP status first; Python checks `not_found` before 404.
function nodeClass(status: number, type: string | undefined): string {
  if (status === 401) return 'AuthenticationError';
  if (status === 403) return 'ForbiddenError';
  if (status === 404) return 'NotFoundError';
  if (status === 409) return 'ConflictError';
  if (status === 429) return 'RateLimitError';
  if (status >= 500) return 'ServerError';
  return type === 'idempotency_error' ? 'IdempotencyError' : 'ValidationError';
}
function pythonClass(status: number, type: string | undefined): string {
  if (status === 401) return 'AuthenticationError';
  if (status === 403) return 'ForbiddenError';
  if (type === 'not_found') return 'NotFoundError';
  return nodeClass(status, type);
}

export const SDKS: readonly SdkDef[] = [
  { id: 'node', name: 'Node SDK (`@uqpay/sdk`)', families: ['js'], imports: /['"]@uqpay\/sdk(?:\/[^'"]*)?['"]/, dependencies: ['@uqpay/sdk'], classify: nodeClass },
  { id: 'python', name: 'Python SDK (`uqpay`)', families: ['python'], imports: /^[ \t]*(?:from[ \t]+uqpay(?:\.[\w.]+)?[ \t]+import|import[ \t]+uqpay\b)/m, dependencies: ['uqpay'], classify: pythonClass },
  { id: 'go', name: 'Go SDK (`github.com/uqpay/uqpay-sdk-go/v2`)', families: ['go'], imports: /"github\.com\/uqpay\/uqpay-sdk-go[^"]*"/, dependencies: ['github.com/uqpay/uqpay-sdk-go'] },
  { id: 'java', name: 'Java SDK (`com.uqpay.sdk:uqpay-sdk-java`)', families: ['java', 'kotlin'], imports: /\bimport\s+com\.uqpay\.sdk\b|^\s*package\s+com\.uqpay\.sdk\b/m, dependencies: ['uqpay-sdk-java'] },
  { id: 'java-legacy', name: 'legacy Java SDK (`com.uqpay.sdk:uqpay-payment`)', families: ['java', 'kotlin'], imports: /\bimport\s+com\.uqpay\.sdk\b|^\s*package\s+com\.uqpay\.sdk\b/m, dependencies: ['uqpay-payment'] },
  { id: 'php', name: 'legacy PHP SDK (`uqpay/uqpay_php`)', families: ['php'], imports: /\buqpay\\payment\\|namespace\s+uqpay\\payment\b/i, dependencies: ['uqpay/uqpay_php'] },
  { id: 'cli', name: 'UQPAY CLI (`github.com/uqpay/uqpay-cli`)', families: ['go'], imports: /"github\.com\/uqpay\/uqpay-cli[^"]*"/, dependencies: ['github.com/uqpay/uqpay-cli', '@uqpay/cli'] },
  { id: 'android', name: 'Android SDK (`com.uqpay.sdk`)', families: ['kotlin', 'java'], imports: /\bimport\s+com\.uqpay\.sdk\b|^\s*package\s+com\.uqpay\.sdk\b/m, dependencies: ['com.uqpay.sdk'] },
  { id: 'react-native', name: 'React Native SDK (`@uqpay/react-native`)', families: ['js'], imports: /['"]@uqpay\/react-native(?:\/[^'"]*)?['"]/, dependencies: ['@uqpay/react-native'] },
  { id: 'flutter', name: 'Flutter SDK (`uqpay_sdk_flutter`)', families: ['dart'], imports: /['"]package:uqpay_sdk_flutter\//, dependencies: ['uqpay_sdk_flutter'] },
];

const RETRY_NODE = L(
  'retries it by itself: 2 retries by default, 500 ms·2ⁿ backoff (cap 30 s) plus up to 1 s jitter, Retry-After honoured. An idempotency key it generated is regenerated on each retry: pass your own key for writes',
  'SDK 会自动重试：默认 2 次，退避 500 ms·2ⁿ（上限 30 s）外加最多 1 s 抖动，并遵守 Retry-After。SDK 自动生成的幂等键每次重试都会换新：写操作请自己传入 key',
);
const RETRY_PY = L(
  'retries it by itself: 2 retries by default, 500 ms·2ⁿ backoff (cap 30 s) plus jitter, Retry-After honoured, the same idempotency key on every retry (the key is sent on non-GET requests only)',
  'SDK 会自动重试：默认 2 次，退避 500 ms·2ⁿ（上限 30 s）加抖动，遵守 Retry-After，每次重试使用同一个幂等键（只有非 GET 请求才发送该 key）',
);
const NO_RETRY = L('does not retry it', 'SDK 不会重试');

const JS_CLASS_STATUS: Record<string, Localized> = {
  AuthenticationError: L('401 (an `{error}` body gets code `authentication_error`)', '401（`{error}` 响应体的 code 记为 `authentication_error`）'),
  ForbiddenError: L('403', '403'),
  NotFoundError: L('404', '404'),
  ConflictError: L('409', '409'),
  RateLimitError: L('429', '429'),
  ServerError: L('500 and above (a non-JSON body gets the status as its code, e.g. `502`)', '500 及以上（非 JSON 响应体以状态码作为 code，例如 `502`）'),
  IdempotencyError: L('any other status whose body type is `idempotency_error`', '其余状态码中 type 为 `idempotency_error` 的响应'),
  ValidationError: L('every other status (400 and other 4xx), including `not_found` bodies, which the gateway sends with HTTP 400', '其余所有状态码（400 及其他 4xx），包括网关以 HTTP 400 返回的 `not_found` 响应'),
};

const ADVICE: Record<string, Localized> = {
  UQPayError: L('Branch on `code` (and `type`): the subclass only tells the HTTP status. Log `idempotencyKey` with the error.', '按 `code`（和 `type`）分支处理：子类只反映 HTTP 状态码。记录错误时一并记录 `idempotencyKey`。'),
  AuthenticationError: L('Check the client id and API key for this environment; the token is refreshed by the SDK, so a persisting 401 is a credentials problem.', '检查当前环境的 client id 和 API key；token 由 SDK 自动刷新，持续出现 401 说明凭据有误。'),
  ForbiddenError: L('The account lacks permission for this product or connected account (`x-on-behalf-of`): do not retry; ask UQPAY to enable it.', '账户没有该产品或关联账户（`x-on-behalf-of`）的权限：不要重试，请联系 UQPAY 开通。'),
  NotFoundError: L('Global Acquiring sends `not_found` with HTTP 400, so these errors do not arrive here in this SDK: check `code` on ValidationError instead.', 'Global Acquiring 以 HTTP 400 返回 `not_found`，因此该 SDK 中这类错误不会落到这里：请在 ValidationError 上检查 `code`。'),
  NotFoundErrorPy: L('Check the id in the request and that it belongs to the authenticated (or `x-on-behalf-of`) account; do not retry unchanged.', '检查请求中的 id 是否存在并属于当前认证账户（或 `x-on-behalf-of` 账户）；不要原样重试。'),
  ConflictError: L('Another request changed the resource: retrieve it, then decide.', '资源已被其他请求修改：先查询最新状态再决定。'),
  IdempotencyError: L('The idempotency key is malformed or reused with a different body: send a new UUID v4 key with the corrected request.', '幂等键格式错误或在不同请求体中被复用：修正请求并使用新的 UUID v4 key。'),
  RateLimitError: L('Reaching your code means the SDK\'s retries were used up: slow down (queue payouts), then retry later with the same idempotency key.', '走到这里说明 SDK 的重试已用完：降低请求频率（例如排队处理出款），稍后用同一个幂等键再试。'),
  ServerError: L('Reaching your code means the SDK\'s retries were used up: retrieve the resource to learn the outcome before another try; keep the idempotency key.', '走到这里说明 SDK 的重试已用完：再次尝试前先查询资源确认结果，并保留幂等键。'),
  ValidationError: L('Most Global Acquiring errors land here: branch on `code`; fix the request before sending it again with a new idempotency key. A legacy `code` `\'200\'` means the first request is still processing (the SDK retries it).', '大多数 Global Acquiring 错误都落在这里：按 `code` 分支；修正请求后用新的幂等键重发。旧版 `code` `\'200\'` 表示首个请求仍在处理中（SDK 会自动重试）。'),
  NetworkError: L('No HTTP response (connection, DNS, timeout): the outcome of a write is unknown; retrieve the resource before retrying with the same key.', '没有收到 HTTP 响应（连接、DNS、超时）：写操作的结果未知；先查询资源，再用同一个 key 重试。'),
};

function nodeLike(sdk: 'node' | 'python', classify: (s: number, t: string | undefined) => string): SdkMember[] {
  const retry = sdk === 'node' ? RETRY_NODE : RETRY_PY;
  const members: SdkMember[] = [{
    sdk, name: 'UQPayError', kind: 'class', reaches: () => true, base: true,
    statuses: L('every API error (the base of the eight classes below)', '所有 API 错误（下列八个子类的基类）'),
    sdkDoes: L('sets `code` to a string: a numeric legacy code becomes `\'200\'`, a missing code the HTTP status', '将 `code` 统一为字符串：旧版数字 code 变为 `\'200\'`，缺失时使用 HTTP 状态码'),
    advice: ADVICE.UQPayError,
  }];
  for (const name of Object.keys(JS_CLASS_STATUS)) {
    const retried = name === 'RateLimitError' || name === 'ServerError';
    members.push({
      sdk, name, kind: 'class', reaches: (s, t) => classify(s, t) === name,
      statuses: sdk === 'python' && name === 'NotFoundError' ? L('404, and any status whose body type is `not_found` (Global Acquiring sends it with 400)', '404，以及 type 为 `not_found` 的任意状态码（Global Acquiring 以 400 返回）')
        : sdk === 'python' && name === 'ValidationError' ? L('every other status (400 and other 4xx) whose type is not `not_found` or `idempotency_error`', '其余状态码（400 及其他 4xx）且 type 不是 `not_found` 或 `idempotency_error`')
        : JS_CLASS_STATUS[name],
      sdkDoes: retried ? retry : name === 'ValidationError' ? L('retries only a legacy "request is processing" answer; other validation errors are not retried', '只会重试旧版“request is processing”响应；其他校验错误不重试') : NO_RETRY,
      advice: sdk === 'python' && name === 'NotFoundError' ? ADVICE.NotFoundErrorPy : ADVICE[name],
    });
  }
  members.push({
    sdk, name: 'NetworkError', kind: 'class',
    statuses: L('none: no HTTP response (not a subclass of UQPayError)', '无：没有 HTTP 响应（不是 UQPayError 的子类）'),
    sdkDoes: retry, advice: ADVICE.NetworkError,
  });
  return members;
}

const JAVA_PRED = (name: string, en: string, zh: string, test: (s: number) => boolean): SdkMember => ({
  sdk: 'java', name, kind: 'predicate', reaches: (s) => test(s), statuses: L(en, zh), sdkDoes: NO_RETRY,
  advice: L('A status test only: branch on `getCode()` for the reason.', '只判断状态码：具体原因请按 `getCode()` 分支。'),
});

/** Flutter `UqpayErrorCode` constants: wire value, and the catalog codes or statuses `mapFailure` turns into it. */
const FLUTTER_CODES: [string, string, Localized, string[], ((s: number) => boolean) | undefined][] = [
  ['cardDeclined', 'card_declined', L('HTTP 402 without a code, or an attempt declined by the issuer', 'HTTP 402 且没有 code，或发卡行拒绝'), [], (s) => s === 402],
  ['insufficientFunds', 'insufficient_funds', L('attempt failure code `insufficient_funds`', 'attempt 失败码 `insufficient_funds`'), [], undefined],
  ['invalidPaymentMethod', 'invalid_payment_method', L('code `invalid_payment_method`, or HTTP 400/404/422 without a code', 'code `invalid_payment_method`，或 HTTP 400/404/422 且没有 code'), ['invalid_payment_method'], undefined],
  ['threeDsFailed', '3ds_failed', L('attempt failure code `3ds_failed`', 'attempt 失败码 `3ds_failed`'), [], undefined],
  ['cancelled', 'cancelled', L('the intent was cancelled', 'intent 已被取消'), [], undefined],
  ['authenticationFailed', 'authentication_failed', L('HTTP 401/403 (after one token refresh), checked before the code', 'HTTP 401/403（刷新一次 token 之后），先于 code 判断'), [], (s) => s === 401 || s === 403],
  ['invalidConfiguration', 'invalid_configuration', L('the SDK is misconfigured', 'SDK 配置错误'), [], undefined],
  ['networkError', 'network_error', L('socket failure: no HTTP response', '套接字故障：没有 HTTP 响应'), [], undefined],
  ['dnsFailure', 'dns_failure', L('the host name did not resolve', '域名无法解析'), [], undefined],
  ['timeout', 'timeout', L('a request or the polling budget timed out; the payment may still be live', '请求或轮询超时；支付可能仍在进行'), [], undefined],
  ['tlsFailure', 'tls_failure', L('the TLS handshake failed', 'TLS 握手失败'), [], undefined],
  ['serverError', 'server_error', L('HTTP 500 and above: outcome unknown, retryable', 'HTTP 500 及以上：结果未知，可重试'), [], (s) => s >= 500],
  ['rateLimited', 'rate_limited', L('HTTP 429: outcome unknown, retryable', 'HTTP 429：结果未知，可重试'), [], (s) => s === 429],
  ['malformedResponse', 'malformed_response', L('a 2xx body that could not be read: the request was processed', '2xx 响应体无法解析：请求其实已被处理'), [], undefined],
  ['unknown', 'unknown', L('nothing more specific; also a server code equal to an SDK-reserved name', '无法进一步分类；服务端 code 与 SDK 保留名相同时也是它'), [], undefined],
];

/** Android `UQPayErrorCode` constants and the gateway codes `ErrorMapper` maps onto them. */
const ANDROID_CODES: [string, string, string[], ((s: number) => boolean) | undefined][] = [
  ['NOT_INITIALIZED', 'not_initialized', [], undefined],
  ['INVALID_CONFIGURATION', 'invalid_configuration', [], undefined],
  ['INVALID_REQUEST', 'invalid_request', ['invalid_parameter', 'missing_parameter', 'invalid_order_amount', 'invalid_order_currency', 'invalid_description', 'invalid_return_url', 'not_found_id', 'invalid_payment_orders'], (s) => s === 400 || s === 404 || s === 422],
  ['INVALID_PAYMENT_METHOD', 'invalid_payment_method', ['invalid_payment_method'], undefined],
  ['NETWORK_ERROR', 'network_error', [], undefined],
  ['TIMEOUT', 'timeout', ['200'], undefined],
  ['AUTHENTICATION_FAILED', 'authentication_failed', ['unauthorized_error'], (s) => s === 401 || s === 403],
  ['CARD_DECLINED', 'card_declined', [], (s) => s === 402],
  ['INSUFFICIENT_FUNDS', 'insufficient_funds', [], undefined],
  ['THREE_DS_FAILED', '3ds_failed', ['3ds_required'], undefined],
  ['CANCELLED', 'cancelled', [], undefined],
  ['INTENT_NOT_PAYABLE', 'intent_not_payable', ['expired_order', 'order_cancelled', 'invalid_order_status', 'repeat_payment_request'], undefined],
  ['SERVER_ERROR', 'server_error', ['api_error'], (s) => s === 429 || s >= 500],
  ['UNKNOWN', 'unknown', [], undefined],
];

/** The gateway codes Android's ErrorMapper maps by name (the React Native bridge passes its codes through). */
const ANDROID_FROM_CODES = [...new Set(ANDROID_CODES.flatMap((c) => c[2]))];
/** The gateway codes Flutter's `mapFailure` maps by name. */
const FLUTTER_FROM_CODES = FLUTTER_CODES.flatMap((c) => c[3]);

const MOBILE_ADVICE = L(
  'Compare `code` with the constants; show `userMessage` to the customer and log `developerMessage` (and the server code) for support.',
  '用常量比较 `code`；向顾客展示 `userMessage`，把 `developerMessage`（及服务端 code）记入日志以便排查。',
);

export const SDK_MEMBERS: readonly SdkMember[] = [
  ...nodeLike('node', nodeClass),
  ...nodeLike('python', pythonClass),
  {
    sdk: 'go', name: 'APIError', kind: 'class', reaches: () => true, base: true,
    statuses: L('any status ≥ 400 whose body is JSON with a non-empty `message` (a 401 `{error}` or an HTML body is a plain error instead)', '任何 ≥ 400 且响应体为带非空 `message` 的 JSON 的错误（401 `{error}` 或 HTML 响应体只是普通 error）'),
    sdkDoes: L('does not retry; a numeric legacy code becomes the string `"200"` (FlexibleCode); resource methods wrap it with `%w`', '不会重试；旧版数字 code 变为字符串 `"200"`（FlexibleCode）；资源方法用 `%w` 包装它'),
    advice: L('Unwrap with `errors.As(err, &apiErr)` (a type assertion misses wrapped errors), then switch on `apiErr.Code`.', '用 `errors.As(err, &apiErr)` 解包（类型断言拿不到被包装的错误），再按 `apiErr.Code` 分支。'),
  },
  {
    sdk: 'go', name: 'IsNotFound', kind: 'predicate', reaches: (s, t) => s === 404 || t === 'not_found',
    statuses: L('404, or a body whose type is `not_found` (Global Acquiring sends it with 400)', '404，或 type 为 `not_found` 的响应体（Global Acquiring 以 400 返回）'),
    sdkDoes: NO_RETRY, advice: L('True for the not_found codes of Global Acquiring, which `IsBadRequest()` also matches: test it first.', 'Global Acquiring 的 not_found 错误也会让 `IsBadRequest()` 为真：请先判断 `IsNotFound()`。'),
  },
  { sdk: 'go', name: 'IsUnauthorized', kind: 'predicate', reaches: (s) => s === 401, statuses: L('401', '401'), sdkDoes: L('does not refresh the token on 401', '401 时不会刷新 token'), advice: L('Request a new token and check the credentials for this environment.', '重新获取 token，并检查当前环境的凭据。') },
  { sdk: 'go', name: 'IsBadRequest', kind: 'predicate', reaches: (s) => s === 400, statuses: L('400 (most Global Acquiring errors, `not_found` included)', '400（大多数 Global Acquiring 错误，包括 `not_found`）'), sdkDoes: NO_RETRY, advice: L('A status test only: switch on `Code` for the reason.', '只判断状态码：具体原因请按 `Code` 分支。') },
  {
    sdk: 'java', name: 'UqpayApiException', kind: 'class', reaches: () => true, base: true,
    statuses: L('every non-2xx response (the body `type` is dropped: only code, message and status are kept)', '所有非 2xx 响应（响应体的 `type` 被丢弃：只保留 code、message 和状态码）'),
    sdkDoes: L('does not retry (only OkHttp\'s own defaults); a numeric legacy code becomes `"200"`; a 401 `{error}` body leaves `getCode()` null', '不会重试（只有 OkHttp 自身的默认行为）；旧版数字 code 变为 `"200"`；401 `{error}` 响应体使 `getCode()` 为 null'),
    advice: L('Switch on `getCode()` (null-safe: `"x".equals(e.getCode())`); back off yourself on 429 and 5xx, with the same idempotency key.', '按 `getCode()` 分支（注意 null：`"x".equals(e.getCode())`）；遇到 429 和 5xx 需自行退避，并保留同一个幂等键。'),
  },
  {
    sdk: 'java', name: 'UqpayException', kind: 'class', reaches: () => true, base: true,
    statuses: L('base of UqpayApiException, UqpayAuthException, UqpayNetworkException and UqpayWebhookException', 'UqpayApiException、UqpayAuthException、UqpayNetworkException、UqpayWebhookException 的基类'),
    sdkDoes: NO_RETRY, advice: L('Catch UqpayApiException first to read the API code.', '先捕获 UqpayApiException 以读取 API code。'),
  },
  { sdk: 'java', name: 'UqpayAuthException', kind: 'class', statuses: L('the token request failed (a 401 on a resource call is a UqpayApiException)', 'token 请求失败（资源调用的 401 是 UqpayApiException）'), sdkDoes: NO_RETRY, advice: L('Check the client id and API key for this environment.', '检查当前环境的 client id 和 API key。') },
  { sdk: 'java', name: 'UqpayNetworkException', kind: 'class', statuses: L('none: no HTTP response', '无：没有 HTTP 响应'), sdkDoes: NO_RETRY, advice: ADVICE.NetworkError },
  JAVA_PRED('isNotFound', '404 only (a `not_found` body with 400 is not)', '仅 404（以 400 返回的 `not_found` 不算）', (s) => s === 404),
  JAVA_PRED('isBadRequest', '400', '400', (s) => s === 400),
  JAVA_PRED('isUnauthorized', '401', '401', (s) => s === 401),
  JAVA_PRED('isForbidden', '403', '403', (s) => s === 403),
  JAVA_PRED('isServerError', '500 and above', '500 及以上', (s) => s >= 500),
  JAVA_PRED('isClientError', '400–499', '400–499', (s) => s >= 400 && s < 500),
  {
    sdk: 'java-legacy', name: 'UqpayPayFailException', kind: 'class',
    statuses: L('thrown by your own HttpClient for the legacy paygate API (numeric codes, not this catalog)', '由你实现的 HttpClient 为旧版 paygate API 抛出（数字 code，不属于本目录）'),
    sdkDoes: NO_RETRY, advice: L('This SDK targets the legacy gateway; the Global Acquiring `/v2` codes do not apply.', '该 SDK 面向旧版网关；Global Acquiring `/v2` 的错误码不适用。'),
  },
  {
    sdk: 'php', name: 'UqpayException', kind: 'class',
    statuses: L('legacy gateway: signature failures and invalid parameters; the SDK never sees the HTTP status', '旧版网关：签名校验失败和参数无效；SDK 看不到 HTTP 状态码'),
    sdkDoes: NO_RETRY, advice: L('Read `code`/`message` from the result object; the Global Acquiring `/v2` codes do not apply to this SDK.', '从结果对象读取 `code`/`message`；Global Acquiring `/v2` 的错误码不适用于该 SDK。'),
  },
  {
    sdk: 'flutter', name: 'UqpayError', kind: 'class',
    statuses: L('returned, never thrown: `code` is a UqpayErrorCode; the gateway code is kept in `serverCode`', '作为结果返回，从不抛出：`code` 是 UqpayErrorCode；网关 code 保存在 `serverCode`'),
    sdkDoes: L('retries only one 401 token refresh; a numeric legacy `code` is ignored', '只在 401 时刷新一次 token；旧版数字 `code` 会被忽略'),
    advice: MOBILE_ADVICE,
  },
  {
    sdk: 'flutter', name: 'UqpayErrorCode', kind: 'class',
    fromCodes: FLUTTER_FROM_CODES,
    statuses: L('the type of `UqpayError.code`: an open value type with 15 constants (`UqpayErrorCode.cardDeclined`…), not an enum; an unrecognised server code arrives with `isUnknown` true and `raw` kept', '`UqpayError.code` 的类型：含 15 个常量（`UqpayErrorCode.cardDeclined` 等）的开放值类型，不是枚举；无法识别的服务端 code 以 `isUnknown` 为真、`raw` 原样保留的形式出现'),
    sdkDoes: L('set by `mapFailure`', '由 `mapFailure` 设置'),
    advice: L('Compare with the constants and keep a fallback for `isUnknown`; the gateway code is in `serverCode`.', '与常量比较，并为 `isUnknown` 保留兜底分支；网关 code 见 `serverCode`。'),
  },
  ...FLUTTER_CODES.map(([name, value, statuses, fromCodes, status]): SdkMember => ({
    sdk: 'flutter', name, kind: 'code', value, fromCodes, statuses,
    ...(status ? { reaches: (s: number) => status(s) } : {}),
    sdkDoes: L('set by `mapFailure`', '由 `mapFailure` 设置'), advice: MOBILE_ADVICE,
  })),
  {
    sdk: 'android', name: 'UQPayError', kind: 'class',
    statuses: L('a result (not an exception): `code` is a UQPayErrorCode, the gateway code goes to `declineCode`', '结果对象（不是异常）：`code` 是 UQPayErrorCode，网关 code 放在 `declineCode`'),
    sdkDoes: L('retries 429, 5xx and I/O up to 3 times (2/4/8 s ±25 %) for GETs and keyed writes; one token refresh on 401', '对 GET 和带幂等键的写请求，429、5xx 和 I/O 错误最多重试 3 次（2/4/8 s ±25%）；401 时刷新一次 token'),
    advice: MOBILE_ADVICE,
  },
  ...ANDROID_CODES.map(([name, value, fromCodes, status]): SdkMember => ({
    sdk: 'android', name, kind: 'code', value, fromCodes,
    ...(status ? { reaches: (s: number) => status(s) } : {}),
    statuses: L('set by ErrorMapper: gateway code first, then the HTTP status', '由 ErrorMapper 设置：先看网关 code，再看 HTTP 状态码'),
    sdkDoes: L('set by ErrorMapper', '由 ErrorMapper 设置'), advice: MOBILE_ADVICE,
  })),
  {
    sdk: 'android', name: 'UQPayErrorCode', kind: 'class',
    fromCodes: ANDROID_FROM_CODES,
    statuses: L('the type of `UQPayError.code`: an open set of 14 constants (`UQPayErrorCode.CARD_DECLINED`…), not an enum; `of(raw)` keeps a code this SDK version does not know', '`UQPayError.code` 的类型：含 14 个常量（`UQPayErrorCode.CARD_DECLINED` 等）的开放集合，不是枚举；`of(raw)` 会保留该 SDK 版本不认识的 code'),
    sdkDoes: L('set by ErrorMapper: gateway code first, then the HTTP status', '由 ErrorMapper 设置：先看网关 code，再看 HTTP 状态码'),
    advice: L('Compare with the constants in a `when` that keeps an `else` branch (new codes can arrive); log `declineCode` for the gateway code.', '在带 `else` 分支的 `when` 中与常量比较（可能出现新的 code）；网关 code 见 `declineCode`，请记入日志。'),
  },
  {
    sdk: 'android', name: 'ErrorMapper', kind: 'predicate',
    fromCodes: ANDROID_FROM_CODES,
    statuses: L('maps a gateway failure to a UQPayErrorCode: the gateway `code` table first (case-insensitive), then the HTTP status (401/403 → AUTHENTICATION_FAILED, 402 → CARD_DECLINED, 400/404/422 → INVALID_REQUEST, 429 and 5xx → SERVER_ERROR)', '把网关失败映射为 UQPayErrorCode：先查网关 `code` 表（不区分大小写），再看 HTTP 状态码（401/403 → AUTHENTICATION_FAILED，402 → CARD_DECLINED，400/404/422 → INVALID_REQUEST，429 和 5xx → SERVER_ERROR）'),
    sdkDoes: L('copies the gateway code into `declineCode`; a legacy in-flight answer becomes TIMEOUT', '把网关 code 复制到 `declineCode`；旧版“处理中”响应映射为 TIMEOUT'),
    advice: MOBILE_ADVICE,
  },
  {
    sdk: 'flutter', name: 'mapFailure', kind: 'predicate',
    fromCodes: FLUTTER_FROM_CODES,
    statuses: L('transport, then undecodable 2xx, cancelled intent, attempt failure code, then HTTP: 429 → rate_limited, 5xx → server_error, 401/403 → authentication_failed (before the code), known codes, 402 → card_declined, 400/404/422 → invalid_payment_method', '依次判断：传输错误、无法解析的 2xx、已取消的 intent、attempt 失败码，然后是 HTTP：429 → rate_limited，5xx → server_error，401/403 → authentication_failed（先于 code），已知 code，402 → card_declined，400/404/422 → invalid_payment_method'),
    sdkDoes: L('reads `code` only when it is a JSON string (a numeric legacy code counts as absent); keeps the gateway code in `serverCode`', '只在 `code` 为 JSON 字符串时读取（旧版数字 code 视为缺失）；网关 code 保存在 `serverCode`'),
    advice: MOBILE_ADVICE,
  },
  {
    sdk: 'react-native', name: 'UqpayConfigurationError', kind: 'class',
    statuses: L('thrown for `invalid_configuration`, `not_initialized` or `unsupported_platform`; payment failures are results, not exceptions', '在 `invalid_configuration`、`not_initialized`、`unsupported_platform` 时抛出；支付失败作为结果返回，不抛异常'),
    sdkDoes: NO_RETRY, advice: L('Fix the SDK setup; no API error reaches this class.', '修正 SDK 配置；API 错误不会落到这个类。'),
  },
  {
    sdk: 'react-native', name: 'UqpayError', kind: 'class',
    fromCodes: ANDROID_FROM_CODES,
    statuses: L('a result field (`result.error` of a failed or pending payment), not an exception: `code` comes from the native SDK unchanged, `declineCode` holds the gateway code', '结果中的字段（失败或待定支付的 `result.error`），不是异常：`code` 原样来自原生 SDK，网关 code 放在 `declineCode`'),
    sdkDoes: L('adds `userMessage` and `isRetryable` from its table; an unknown code keeps its spelling and is copied to `raw`; the native SDKs retry, the JS layer does not', '按内置表补上 `userMessage` 和 `isRetryable`；未知 code 保留原样并复制到 `raw`；重试由原生 SDK 完成，JS 层不重试'),
    advice: MOBILE_ADVICE,
  },
  {
    sdk: 'react-native', name: 'UqpayErrorCode', kind: 'class',
    fromCodes: ANDROID_FROM_CODES,
    statuses: L('an open union of 14 strings (`card_declined`, `timeout`, `server_error`…); any other string can arrive from a newer native SDK', '14 个字符串组成的开放联合类型（`card_declined`、`timeout`、`server_error` 等）；更新的原生 SDK 可能返回其他字符串'),
    sdkDoes: L('passes the native SDK\'s code through unchanged', '原样传递原生 SDK 的 code'),
    advice: L('Branch on the strings and send anything else through `isUnknownErrorCode()`; only `timeout` means the outcome is unknown.', '按这些字符串分支，其余交给 `isUnknownErrorCode()` 处理；只有 `timeout` 表示结果未知。'),
  },
  // React Native has no constants: its codes are the strings the native SDK sends, Android's 14 (facts §11)
  ...ANDROID_CODES.map(([, value, fromCodes, status]): SdkMember => ({
    sdk: 'react-native', name: value, kind: 'code', value, fromCodes,
    ...(status ? { reaches: (s: number) => status(s) } : {}),
    statuses: L('passed through from the native SDK (on Android set by ErrorMapper: gateway code first, then the HTTP status)', '原样来自原生 SDK（Android 上由 ErrorMapper 设置：先看网关 code，再看 HTTP 状态码）'),
    sdkDoes: L('adds `userMessage` and `isRetryable` from its table; only `timeout` means the outcome is unknown', '按内置表补上 `userMessage` 和 `isRetryable`；只有 `timeout` 表示结果未知'),
    advice: MOBILE_ADVICE,
  })),
  {
    sdk: 'react-native', name: 'isUnknownErrorCode', kind: 'predicate',
    statuses: L('true for `unknown` and any code outside the SDK\'s 14 codes (the native SDK\'s code is passed through)', '对 `unknown` 以及 SDK 14 个错误码之外的任何 code 为真（原生 SDK 的 code 原样传递）'),
    sdkDoes: NO_RETRY, advice: MOBILE_ADVICE,
  },
];

const BY_NAME = new Map<string, SdkMember[]>();
for (const m of SDK_MEMBERS) {
  // React Native's codes are strings, never names in code
  if (m.sdk === 'react-native' && m.kind === 'code') continue;
  const list = BY_NAME.get(m.name);
  if (list) list.push(m);
  else BY_NAME.set(m.name, [m]);
}

const BY_VALUE = new Map<string, SdkMember>();
for (const m of SDK_MEMBERS) if (m.kind === 'code') BY_VALUE.set(`${m.sdk} ${m.value}`, m);

/** A mobile SDK's code constant with this wire value (`card_declined` → Android's CARD_DECLINED). */
export function sdkCodeWithValue(sdk: SdkId, value: string): SdkMember | undefined {
  return BY_VALUE.get(`${sdk} ${value}`);
}

/** Members with this name (several SDKs share names: NotFoundError, UqpayException). */
export function sdkMembersNamed(name: string): readonly SdkMember[] {
  return BY_NAME.get(name) ?? [];
}

export function sdkById(id: SdkId): SdkDef {
  return SDKS.find((s) => s.id === id)!;
}

/** The (status, type) pairs an entry can come with: one per type, from the type table's rules. */
function arrivals(catalog: Catalog, e: ErrorEntry): { status: number; type: string | undefined }[] {
  // the page gives envelope B no status; the SDKs see it with HTTP 400 (facts §2, §10.3)
  if (e.types.length === 0) return (e.httpStatus.length ? e.httpStatus : e.envelope === 'B' ? [400] : []).map((status) => ({ status, type: undefined }));
  // one status stated for the code wins over its types' defaults (velocity_limit_exceeded: 429 whatever the type)
  const stated = e.httpStatus.length === 1 ? e.httpStatus[0] : undefined;
  return e.types.map((type) => ({ status: stated ?? catalog.expectedStatus(type, e.code) ?? e.httpStatus[0] ?? 400, type }));
}

/**
 * Catalog entries that reach a member: `certain` when every way the entry can arrive reaches it,
 * `possible` when only some do (its section lists several types).
 */
export function sdkMemberEntries(catalog: Catalog, m: SdkMember): { certain: ErrorEntry[]; possible: ErrorEntry[] } {
  const certain: ErrorEntry[] = [];
  const possible: ErrorEntry[] = [];
  for (const e of catalog.entries) {
    if (m.fromCodes?.includes(String(e.code))) { certain.push(e); continue; }
    if (!m.reaches) continue;
    const ways = arrivals(catalog, e);
    const hits = ways.filter((w) => m.reaches!(w.status, w.type)).length;
    if (hits === ways.length && hits > 0) certain.push(e);
    else if (hits > 0) possible.push(e);
  }
  return { certain, possible };
}

/** The distinct codes that can reach a member, the certain ones first. */
export function sdkMemberCodes(catalog: Catalog, m: SdkMember): string[] {
  const { certain, possible } = sdkMemberEntries(catalog, m);
  return [...new Set([...certain, ...possible].map((e) => String(e.code)))];
}
