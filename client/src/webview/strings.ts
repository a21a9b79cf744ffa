/**
 * Every string the webviews show, in English. The host translates each one with `vscode.l10n.t`
 * (the English text is the key of `l10n/bundle.l10n.zh-cn.json`) and sends the result in `init`.
 * `{0}`-style placeholders are filled in by `format`.
 */
export const UI_STRINGS = {
  catalogTitle: 'UQPAY Error Catalog',
  searchLabel: 'Search error codes',
  searchPlaceholder: 'Search codes, messages, meanings (English or 中文) — press / to focus',
  resultCount: '{0} of {1} entries',
  filtersLabel: 'Filters',
  filterGroup: 'Group',
  filterType: 'Type',
  filterStatus: 'HTTP status',
  filterRetry: 'Retry',
  filterEndpoint: 'Endpoint',
  filterAny: 'All ({0})',
  clearFilters: 'Clear filters',
  listLabel: 'Error codes',
  detailLabel: 'Entry details',
  noResults: 'No entry matches. Try fewer words, or clear the filters.',
  nothingSelected: 'Select an entry to see its details.',
  fieldCode: 'Code',
  fieldGroup: 'Group',
  fieldEnvelope: 'Envelope',
  fieldTypes: 'Type',
  fieldTypesSection: 'Type (one of)',
  fieldMessage: 'Message',
  fieldMessageVaries: 'Message (varies), for example',
  fieldStatus: 'HTTP status',
  fieldEndpoints: 'Endpoints',
  fieldRetry: 'Retry',
  fieldMeaning: 'What it means',
  fieldAdvice: 'What to do',
  fieldDocs: 'Documentation',
  sharedCode: 'The same code in other groups: {0}',
  /** A value with a note after it, e.g. `Refund (8)`; Chinese takes full-width parentheses. */
  withNote: '{0} ({1})',
  envelopeA: 'A: {type, code, message}',
  envelopeB: 'B: numeric code, no type (legacy idempotency-pending)',
  statusUnknown: 'not documented',
  statusNotShown: 'not in the paste',
  actionCopyCode: 'Copy code',
  actionInsert: 'Insert at cursor',
  actionSnippet: 'Copy handler snippet',
  actionDocs: 'Open docs',
  groupGeneral: 'General',
  groupPayment: 'Payment',
  groupRefund: 'Refund',
  groupCustomer: 'Customer',
  groupPayout: 'Payout',
  decodeTitle: 'Decode UQPAY Response',
  decodeInputLabel: 'Response to decode',
  decodePlaceholder: 'Paste an API error response: a JSON body, a raw HTTP response, curl -i / -v output, log lines, or an SDK error string.',
  decodeCopyReport: 'Copy report',
  decodeClear: 'Clear',
  decodeWorking: 'Decoding {0}…',
  decodeLargeInput: '[{0} pasted: showing the first {1}; all of it is decoded. Clear to edit.]',
  decodeFoundOne: '{0} response found',
  decodeFound: '{0} responses found',
  decodeFromClipboard: 'Filled in from the clipboard. Press Escape to undo.',
  decodeUndo: 'Undo',
  decodeEmpty: 'Paste a response above to decode it.',
  decodeNothing: 'Nothing to decode here.',
  decodeAccepts: 'The panel understands: JSON error bodies ({"type","code","message"} or a numeric "code"), raw HTTP responses with a status line, curl -i / curl -v output, log lines that contain a JSON object, several responses one after another, and SDK error strings such as "code: message (HTTP 400)". Secrets and card numbers are hidden.',
  cardTitle: 'Response {0}: {1}',
  cardUnknown: 'Unknown code',
  fieldExpected: 'expected {0}',
  fieldRequestId: 'Request id',
  fieldIdempotencyKey: 'Idempotency key',
  fieldProblems: 'Problems',
  fieldSuggestions: 'Did you mean: {0}',
  fieldSource: 'Found in',
  fieldDisagree: 'Status and body disagree',
  disagreeTrustStatus: 'HTTP {0} is a failure, but the body\'s code {1} says success or "still processing". The status was trusted, as the SDKs do: the request failed, so do not keep resending it with the same key.',
  disagreeReadAs: 'Read as {0}.',
  disagreeTrustMessage: 'HTTP {0} with code {1}: the message was trusted. It is the "still processing" message, which the gateway sends with HTTP {0} while the first request with the same idempotency key is running.',
  fieldReadAs: 'Read as',
  readAsType: '{0}, from its type (HTTP {1}); the code is not in the catalog',
  readAsStatus: '{0}, from HTTP {1}; the body names no usable code',
  fieldRetryAfter: 'Retry-After',
  fieldSdkMade: 'Made by the SDK',
  sdkMadeFrom: '"{0}" was made by the SDK ({1}) from HTTP {2}',
  sdkMadeBy: '"{0}" was made by the SDK ({1})',
  sourceJson: 'JSON body',
  sourceHttp: 'HTTP response',
  sourceCurl: 'curl output',
  sourceLog: 'log line',
  sourceSdk: 'SDK error string',
  openInCatalog: 'Open in catalog: {0}',
  none: '—',
} as const;

/** Group titles in the Insert Error Handler quick pick (translated by the host like the rest). */
export const GROUP_TITLES = {
  general: 'General errors',
  payment: 'Payment errors',
  refund: 'Refund errors',
  customer: 'Customer errors',
  payout: 'Payout errors',
} as const;

export type UiStringKey = keyof typeof UI_STRINGS;
export type UiStrings = Record<UiStringKey, string>;

/** Fills `{0}`, `{1}`… with the arguments; a missing one stays as it is. */
export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? whole : String(v);
  });
}

/** `one` for a count of 1, else `other`, filled with the count (Chinese uses the same text for both). */
export function plural(count: number, one: string, other: string): string {
  return format(count === 1 ? one : other, count);
}

/** The strings sent to a webview, translated by `translate` (vscode.l10n.t on the host). */
export function localizedStrings(translate: (english: string) => string): UiStrings {
  const out = {} as Record<UiStringKey, string>;
  for (const key of Object.keys(UI_STRINGS) as UiStringKey[]) out[key] = translate(UI_STRINGS[key]);
  return out;
}
