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
  | 'js' | 'java' | 'csharp' | 'go' | 'kotlin' | 'swift' | 'rust' | 'php'
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
  /** HTTP status of a status line above the body, when the text has one. */
  status?: { value: number; start: number; end: number };
}
