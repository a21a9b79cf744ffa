import { DEFAULT_SEVERITY, DIAGNOSTIC_CODES, LANGUAGE_IDS, SEVERITY_NAMES, type DiagnosticCode, type SeverityName } from './contract';

export { DIAGNOSTIC_CODES, type DiagnosticCode, type SeverityName } from './contract';

export interface ServiceSettings {
  enable: boolean;
  /** Language ids the service answers for. */
  languages: string[];
  severity: Record<DiagnosticCode, SeverityName>;
  /** Already resolved ('auto' is resolved by the LSP layer from the client's locale). */
  docsLanguage: 'en' | 'zh-CN';
  /** The "handles N of M errors" CodeLens on endpoint calls (`uqpayErrors.coverage.codeLens`). */
  coverageCodeLens: boolean;
}

export const DEFAULT_SETTINGS: ServiceSettings = Object.freeze({
  enable: true,
  languages: [...LANGUAGE_IDS],
  severity: DEFAULT_SEVERITY as Record<DiagnosticCode, SeverityName>,
  docsLanguage: 'en',
  coverageCodeLens: true,
}) as ServiceSettings;

const SEVERITIES = new Set<SeverityName>(SEVERITY_NAMES);

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
    coverageCodeLens: r.coverage && typeof r.coverage === 'object' && typeof (r.coverage as { codeLens?: unknown }).codeLens === 'boolean'
      ? (r.coverage as { codeLens: boolean }).codeLens
      : base.coverageCodeLens,
  };
}

/** A key that changes whenever the result of validation could. */
export function settingsKey(s: ServiceSettings): string {
  return `${s.enable}|${s.docsLanguage}|${DIAGNOSTIC_CODES.map((c) => s.severity[c]).join(',')}`;
}
