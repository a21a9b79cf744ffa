import { LANGUAGE_IDS } from './languages';

/** The stable codes of the diagnostics (users set a severity per code). */
export type DiagnosticCode = 'unknown-error-code' | 'type-used-as-code' | 'code-type-mismatch'
  | 'http-status-mismatch' | 'envelope-b-pending' | 'non-exhaustive-switch';
export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = ['unknown-error-code', 'type-used-as-code', 'code-type-mismatch',
  'http-status-mismatch', 'envelope-b-pending', 'non-exhaustive-switch'];

export interface ServiceSettings {
  enable: boolean;
  /** Language ids the service answers for. */
  languages: string[];
  severity: Record<DiagnosticCode, SeverityName>;
  /** Already resolved ('auto' is resolved by the LSP layer from the client's locale). */
  docsLanguage: 'en' | 'zh-CN';
}

export const DEFAULT_SETTINGS: ServiceSettings = Object.freeze({
  enable: true,
  languages: [...LANGUAGE_IDS],
  severity: Object.freeze({
    'unknown-error-code': 'warning',
    'type-used-as-code': 'warning',
    'code-type-mismatch': 'warning',
    'http-status-mismatch': 'warning',
    'envelope-b-pending': 'information',
    'non-exhaustive-switch': 'off',
  }) as Record<DiagnosticCode, SeverityName>,
  docsLanguage: 'en',
}) as ServiceSettings;

const SEVERITIES = new Set<SeverityName>(['error', 'warning', 'information', 'hint', 'off']);

/** Settings from an untrusted source (a client's configuration) laid over the defaults. */
export function resolveSettings(raw: unknown, base: ServiceSettings = DEFAULT_SETTINGS): ServiceSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const severity = { ...base.severity };
  if (r.severity && typeof r.severity === 'object') {
    for (const [k, v] of Object.entries(r.severity as Record<string, unknown>)) {
      if ((DIAGNOSTIC_CODES as readonly string[]).includes(k) && SEVERITIES.has(v as SeverityName)) severity[k as DiagnosticCode] = v as SeverityName;
    }
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : base.enable,
    languages: Array.isArray(r.languages) ? r.languages.filter((x): x is string => typeof x === 'string') : base.languages,
    severity,
    docsLanguage: r.docsLanguage === 'zh-CN' || r.docsLanguage === 'en' ? r.docsLanguage : base.docsLanguage,
  };
}

/** A key that changes whenever the result of validation could. */
export function settingsKey(s: ServiceSettings): string {
  return `${s.enable}|${s.docsLanguage}|${DIAGNOSTIC_CODES.map((c) => s.severity[c]).join(',')}`;
}
