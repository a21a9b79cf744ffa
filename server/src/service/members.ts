/**
 * Which member of an error object holds its code or its type, and which calls keep a value as it
 * is. One list for every feature that reads code: the context of a literal (context.ts) and the
 * subject of a switch (switch/analyze.ts).
 */

/** Members holding the error code: `err.code`, `e.getCode()`, `body.error_code`, `apiErr.Code`. */
export const CODE_MEMBERS: ReadonlySet<string> = new Set([
  'code', 'Code', 'getCode', 'GetCode', 'error_code', 'errorCode', 'ErrorCode', 'getErrorCode', 'GetErrorCode', 'err_code', 'errCode',
]);

/** Members holding the error type (`APIType`: the CLI keeps the body's type there). */
export const TYPE_MEMBERS: ReadonlySet<string> = new Set(['type', 'Type', 'getType', 'error_type', 'errorType', 'ErrorType', 'getErrorType', 'APIType', 'apiType']);

/** Fields that hold a gateway code but have no type twin: the mobile SDKs' `serverCode`/`declineCode`, an attempt's `failure_code`, the CLI's `APICode`. */
export const GATEWAY_CODE_MEMBERS: ReadonlySet<string> = new Set(['serverCode', 'declineCode', 'failure_code', 'failureCode', 'apiCode', 'APICode']);

/** Other fields of an error or a response: a switch over one of them is not over codes. */
export const OTHER_MEMBERS: ReadonlySet<string> = new Set([
  ...TYPE_MEMBERS, 'status', 'Status', 'getStatus', 'statusCode', 'StatusCode', 'status_code', 'http_status', 'httpStatus', 'getStatusCode',
  'method', 'kind', 'event_type', 'eventType',
]);

/** Calls and properties that keep the value: `e.code.as_str()`, `e.Code.ToString()`, `code!!.lowercase()`. */
export const CONVERSIONS: ReadonlySet<string> = new Set([
  'as_str', 'as_ref', 'as_deref', 'to_string', 'toString', 'ToString', 'to_s', 'str', 'String', 'string', 'name', 'value', 'rawValue',
  'lower', 'upper', 'toLowerCase', 'toUpperCase', 'ToLower', 'ToUpper', 'ToLowerInvariant', 'lowercase', 'uppercase', 'downcase', 'upcase',
  'strip', 'trim', 'Trim', 'unwrap', 'unwrap_or_default', 'unwrap_or', 'orEmpty',
]);
