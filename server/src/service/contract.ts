/**
 * What the extension, the language server and package.json must agree on, said once: the language
 * ids served, the diagnostic source and codes, and the shape of the `uqpayErrors` settings. The
 * client imports this module, the service builds its settings from it, and a unit test holds
 * package.json (defaults, activation events, severity keys) to it.
 */

/** The language ids the service answers for (the VS Code ids; `http` for .http/.rest files). */
export const LANGUAGE_IDS = [
  'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'java', 'kotlin',
  'csharp', 'php', 'ruby', 'rust', 'swift', 'dart', 'json', 'jsonc', 'jsonl', 'yaml', 'markdown', 'plaintext', 'log', 'http',
] as const;

/** The `source` of every diagnostic the server publishes. */
export const SOURCE = 'uqpay-errors';

/** The settings section (`uqpayErrors.*`). */
export const SETTINGS_SECTION = 'uqpayErrors';

/** The stable codes of the diagnostics (users set a severity per code). */
export type DiagnosticCode = 'unknown-error-code' | 'type-used-as-code' | 'code-type-mismatch'
  | 'http-status-mismatch' | 'envelope-b-pending' | 'non-exhaustive-switch';
export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Each diagnostic code with its default severity, in the order users see them. */
export const DEFAULT_SEVERITY: Readonly<Record<DiagnosticCode, SeverityName>> = Object.freeze({
  'unknown-error-code': 'warning',
  'type-used-as-code': 'warning',
  'code-type-mismatch': 'warning',
  'http-status-mismatch': 'warning',
  'envelope-b-pending': 'information',
  'non-exhaustive-switch': 'off',
});

export const DIAGNOSTIC_CODES = Object.keys(DEFAULT_SEVERITY) as readonly DiagnosticCode[];

/** The settings under SETTINGS_SECTION, as package.json declares them (the keys after the dot). */
export const SETTING_KEYS = ['enable', 'languages', 'severity', 'docsLanguage', 'extraCatalogs', 'trace.server', 'coverage.codeLens'] as const;
