/** A string literal found by a scanner. Offsets are absolute into the document text. */
export interface Literal {
  /** The whole literal, prefix and quotes included. */
  start: number;
  end: number;
  /** The content between the quotes. */
  cStart: number;
  cEnd: number;
  /** Unescaped content (the raw content when interpolated). */
  value: string;
  terminated: boolean;
  interpolated: boolean;
  /** Brace languages: offset of the innermost unclosed `{` before the literal, -1 when none. */
  brace?: number;
}

/** How the context finder reads the code around a literal. */
export type Family =
  | 'js' | 'java' | 'csharp' | 'go' | 'kotlin' | 'swift' | 'rust' | 'php' | 'dart'
  | 'python' | 'ruby' | 'json' | 'yaml' | 'text';

/** Which value of an error body a token is. */
export interface BodyToken {
  start: number;
  end: number;
  /** Content range for strings (equal to start/end for numbers). */
  cStart: number;
  cEnd: number;
  value: string | number;
}

/**
 * An object that carries a `code` or `type` key (JSON, YAML, or JSON embedded in text).
 * `isBody` when it looks like an error response: `code` plus `message` or `type`.
 */
export interface ErrorObject {
  start: number;
  /** Document end for an object still being typed. */
  end: number;
  code?: BodyToken;
  type?: BodyToken;
  message?: BodyToken;
  isBody: boolean;
  /** Written in code (codeBodies.ts): judged only where the file deals with UQPAY. */
  inCode?: boolean;
  /** HTTP status of a status line above the body, when the text has one. */
  status?: { value: number; start: number; end: number };
}

/**
 * What a scanner passed over that is neither code nor a reported literal, recorded only when a
 * caller asks (the switch feature): flat triples `start, end, kind`, in text order.
 */
export const SKIP_COMMENT = 0;
/** A value that is not a reported string: a regex, a char literal, a `%w()` list, a symbol. */
export const SKIP_VALUE = 1;
/** A quoted name: Kotlin's `` `when` ``. */
export const SKIP_NAME = 2;
