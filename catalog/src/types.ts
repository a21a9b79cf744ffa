/**
 * Types of the UQPAY error catalog (the data in `catalog/global-acquiring.json`, described by
 * `catalog/schema.json`) and of what the catalog library returns. Pure: no `vscode`, no LSP.
 */

export type Lang = 'en' | 'zh-CN';

/** Text in both documentation languages. */
export interface Localized {
  en: string;
  'zh-CN': string;
}

export type Group = 'general' | 'payment' | 'refund' | 'customer' | 'payout';
export type Envelope = 'A' | 'B';

/**
 * What a client should do after this error:
 * - `same_key`: back off, resend the identical request with the same `x-idempotency-key`;
 * - `after_status_check`: the outcome is unknown: retrieve the resource first;
 * - `after_token_refresh`: get a new access token, then resend;
 * - `after_backoff`: rate limited: wait for the window to pass;
 * - `after_fix`: change the request (new idempotency key);
 * - `no`: retrying cannot help.
 */
export type Retry = 'same_key' | 'after_status_check' | 'after_token_refresh' | 'after_backoff' | 'after_fix' | 'no';

export const RETRY_VALUES: readonly Retry[] = ['same_key', 'after_status_check', 'after_token_refresh', 'after_backoff', 'after_fix', 'no'];
export const GROUPS: readonly Group[] = ['general', 'payment', 'refund', 'customer', 'payout'];

/** One envelope-A `type` and the HTTP status it maps to. */
export interface TypeDef {
  name: string;
  /** Every status this type can come with, ascending. */
  httpStatus: number[];
  /** The status when no rule below matches. */
  defaultHttpStatus: number;
  /** Code-specific statuses (api_error: 500 for code `api_error`, 429 for `velocity_limit_exceeded`). */
  statusRules?: { code: string; httpStatus: number }[];
  description: Localized;
}

/** An API operation named in the seed, with what is publicly known of its path and SDK calls. */
export interface EndpointDef {
  /** The name exactly as the seed writes it, e.g. "Create a PaymentIntent". */
  name: string;
  group: Group;
  method?: string;
  /** Path relative to `/api`, e.g. `/v2/payment/refunds`. */
  path?: string;
  /** SDK call fragments that identify the operation in code, e.g. `refunds.create`. */
  sdk?: string[];
}

/** One row of the seed's tables. */
export interface ErrorEntry {
  /** Unique, `group/code` (spaces in a code become `_`), e.g. `refund/retrieve_refund_failed`. */
  id: string;
  group: Group;
  envelope: Envelope;
  /** Exactly as in the seed; a number for envelope B. */
  code: string | number;
  /** The row's type, or the section's types when the seed does not name the row's own. */
  types: string[];
  /** False when `types` is the section's list rather than the row's own type. */
  typeCertain: boolean;
  /** The literal API message; for a varying message, its base form when it has one, else null. */
  message: string | null;
  messageVaries?: boolean;
  messageExamples?: string[];
  /** Every status this row can come with (from the type table). Empty when unknown (envelope B). */
  httpStatus: number[];
  /** Endpoint names as in the seed. */
  endpoints: string[];
  retry: Retry;
  summary: Localized;
  advice: Localized;
  docs: string;
}

export interface CatalogData {
  $schema?: string;
  name: string;
  version: string;
  docs: string;
  types: TypeDef[];
  endpoints?: EndpointDef[];
  errors: ErrorEntry[];
}

/** A problem found while loading a catalog file: which file, where in it, what. */
export interface CatalogProblem {
  file: string;
  /** JSON pointer into the file, e.g. `/errors/3/code`; empty for the whole file. */
  path: string;
  message: string;
  /** Position in the file when it could be found; both 1-based. */
  line?: number;
  column?: number;
}

// ---------------------------------------------------------------------------------------------
// decode

export type SdkName = 'Node' | 'Python' | 'Go' | 'Java' | 'CLI' | 'Android' | 'Flutter' | 'React Native';

/** A value in a response that an SDK made up rather than the gateway sent (see sdkSynth.ts). */
export interface SdkMade {
  field: 'type' | 'code' | 'message';
  value: string;
  sdks: SdkName[];
  /** The HTTP status it was made from, when the response gives it. */
  httpStatus: number | null;
  /** The value stands for the gateway's own (the legacy numeric code written as a string), rather than replacing it. */
  stringified?: true;
  explanation: Localized;
}

/** What a finding's meaning and retry verdict rest on. */
export type Basis = 'code' | 'message' | 'type' | 'status' | 'none';

/** The error type a response is read as when its code does not settle it. */
export interface ReadAs {
  type: string;
  /** Every status the catalog gives the type. */
  httpStatus: number[];
  description: Localized;
}

/** A problem of one error response, with the facts each caller phrases it from (bodyRules.ts). */
export type BodyProblem =
  | { code: 'unknown-code'; value: string; suggestions: string[]; byType: string | null }
  | { code: 'type-used-as-code'; value: string }
  | { code: 'not-global-acquiring'; type: string }
  | { code: 'code-type-mismatch'; value: string; type: string; listed: string[] }
  | { code: 'http-status-mismatch'; status: number; expected: number; value: string; type: string | null }
  /** `sent`: the response's message (not `message`, which a DecodeProblem uses for its English sentence). */
  | { code: 'message-mismatch'; sent: string; documented: string | null }
  | { code: 'envelope-b-pending' }
  | { code: 'envelope-b-not-pending'; value: number }
  /** A 4xx/5xx with a legacy body whose code says success or pending; `readAs` is the code it was read as. */
  | { code: 'status-body-disagree'; status: number; value: number; trusted: 'status' | 'message'; readAs: string | null }
  | { code: 'no-error-code'; status: number | null; retry: Retry; retryAfter: string | null }
  | { code: 'sdk-made'; made: SdkMade };

export type ProblemCode = BodyProblem['code'];

/** A problem with its English sentence (`message`); the other fields are the facts it states. */
export type DecodeProblem = BodyProblem & {
  /** English, one or two sentences. */
  message: string;
  /** Nearest catalog codes, for `unknown-code`. */
  suggestions?: string[];
};

/** One error response found in pasted text. All strings are already redacted. */
export interface Finding {
  /** `A` for `{type, code, message}`, `B` for a numeric code, null for other shapes. */
  envelope: Envelope | null;
  code: string | number | null;
  type: string | null;
  message: string | null;
  /** From a status line or an SDK string, when present. */
  httpStatus: number | null;
  /** What the catalog says the status should be for this type and code. */
  expectedHttpStatus: number | null;
  known: boolean;
  /** Catalog entries for the code, narrowed by the type when it is given. */
  matches: ErrorEntry[];
  retry: Retry | null;
  requestId: string | null;
  idempotencyKey: string | null;
  problems: DecodeProblem[];
  /** What the meaning and retry verdict rest on: the code, a message that names a code, the type, the HTTP status, or nothing. */
  basis: Basis;
  /** The type the response is read as when its code does not settle it: the body's type, or one the status stands for. */
  readAs: ReadAs | null;
  /** Values in the response an SDK made up (a type from the status, a code such as `authentication_error`). */
  sdkMade: SdkMade[];
  /** The response's Retry-After header, as written. */
  retryAfter: string | null;
  /** Where in the input the response was found (offsets into the original text), and in what form. */
  source: { kind: SourceKind; start: number; end: number; form: InputForm };
}

export type SourceKind = 'json' | 'http' | 'sdk-string' | 'html' | 'plain';
/** As the user pasted it: see inputForm.ts. */
export type InputForm = 'json' | 'http' | 'curl' | 'log' | 'sdk';

/** A note on a decode as a whole, with the facts it states (phrased in both languages by decodeNotes.ts). */
export type DecodeNoteFacts =
  | { kind: 'input-cut'; length: number; read: number }
  | { kind: 'skipped'; shown: number; skipped: number }
  | { kind: 'too-deep'; count: number }
  | { kind: 'too-many-objects' }
  | { kind: 'success-bodies'; count: number }
  | { kind: 'not-text' }
  | { kind: 'internal-error'; detail: string }
  /** The decoder itself failed (the panel's worker); details are in the log. */
  | { kind: 'decoder-failed' }
  /** What decode reads, when it found nothing. */
  | { kind: 'help' };

/** A note with its English sentence (`message`, as `decode --json` prints it), like DecodeProblem. */
export type DecodeNote = DecodeNoteFacts & { message: string };

export interface DecodeResult {
  findings: Finding[];
  /** Notes for people: what was skipped, or, when nothing was found, what decode accepts. */
  notes: DecodeNote[];
}
