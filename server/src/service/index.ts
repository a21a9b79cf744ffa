import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, CodeLens, CompletionList, Diagnostic, Hover, Position, Range } from 'vscode-languageserver-types';
import type { Catalog } from '../../../catalog/src/catalog';
import { AnalysisCache } from './analysis';
import { codeActions } from './codeActions';
import { mayCallEndpoints } from './coverage/calls';
import { coverageLenses } from './coverage/codeLens';
import { documentCoverage, type CallCoverage } from './coverage/coverage';
import { handleUnhandledActions } from './coverage/handleFix';
import { doComplete } from './completion';
import { validate } from './diagnostics';
import { doHover } from './hover';
import { familyOf, isCode } from './languages';
import { DEFAULT_SETTINGS, resolveSettings, settingsKey, type ServiceSettings } from './settings';
import { findNonExhaustiveSwitches, getSwitchCaseActions } from './switchCases';
import { playOf, sdkBranchAt, sdkCodeValueAt, sdkMadeMarkdown, sdkMemberAt, sdkMemberMarkdown } from './sdk';
import { tokenAt } from './tokens';
import type { SdkId } from '../../../catalog/src/sdkErrors';

export { DEFAULT_SETTINGS, DIAGNOSTIC_CODES, resolveSettings, type DiagnosticCode, type ServiceSettings, type SeverityName } from './settings';
export { languageIdForPath } from './languages';
export { LANGUAGE_IDS, SETTINGS_SECTION, SOURCE } from './contract';
export { FIX_ALL_KIND } from './codeActions';
export { mayCallEndpoints } from './coverage/calls';
export { coversLanguage, type CallCoverage, type ErrorCoverage, type HandledAt } from './coverage/coverage';
export { buildCoverageReport, coveragePercent, fileCoverage, type CoverageReport, type FileCoverage } from './coverage/report';
export { sdksInManifest, MANIFEST_FILES } from './manifests';

/** The language service: everything the LSP server, the CLI and the tests call. */
export interface ErrorCodeService {
  doHover(document: TextDocument, position: Position, settings?: ServiceSettings): Hover | null;
  doComplete(document: TextDocument, position: Position, settings?: ServiceSettings): CompletionList | null;
  doValidation(document: TextDocument, settings?: ServiceSettings): Diagnostic[];
  doCodeActions(document: TextDocument, range: Range, context: CodeActionContext, settings?: ServiceSettings): Promise<CodeAction[]>;
  /** Each Global Acquiring endpoint call in the document and which of its errors its error path handles. */
  doCoverage(document: TextDocument, settings?: ServiceSettings): CallCoverage[];
  /** A "handles N of M errors" lens on each endpoint call (none when `coverageCodeLens` is off). */
  doCodeLens(document: TextDocument, settings?: ServiceSettings): CodeLens[];
  setCatalog(catalog: Catalog): void;
  /** Drop what is cached for a closed document. */
  forget(uri: string): void;
  /** The UQPAY SDKs a workspace folder's manifests depend on: its documents count as using them. */
  setProjectSdks(folderUri: string, sdks: readonly SdkId[]): void;
}

export function createErrorCodeService(options: { catalog: Catalog; settings?: Partial<ServiceSettings> }): ErrorCodeService {
  let catalog = options.catalog;
  const defaults = resolveSettings(options.settings ?? {}, DEFAULT_SETTINGS);
  const cache = new AnalysisCache();
  const projects = new Map<string, readonly SdkId[]>();
  const NONE: readonly SdkId[] = [];
  const projectOf = (uri: string): readonly SdkId[] => {
    let best = '';
    for (const folder of projects.keys()) if (folder.length > best.length && uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`)) best = folder;
    return best ? projects.get(best)! : NONE;
  };
  /** A document that names another payment provider and not UQPAY gets nothing. */
  const foreign = (document: TextDocument): boolean => playOf(cache.get(document), projectOf(document.uri)) === 'foreign';

  const active = (document: TextDocument, s: ServiceSettings): boolean =>
    s.enable && s.languages.includes(document.languageId) && familyOf(document.languageId) !== undefined;

  const doValidation = (document: TextDocument, settings?: ServiceSettings): Diagnostic[] => {
    const s = settings ?? defaults;
    if (!active(document, s) || foreign(document)) return [];
    const a = cache.get(document);
    const key = settingsKey(s);
    let result = a.diagnostics.get(key);
    if (!result) {
      result = validate(catalog, a, s);
      if (s.severity['non-exhaustive-switch'] !== 'off') {
        const sev = { error: 1, warning: 2, information: 3, hint: 4 }[s.severity['non-exhaustive-switch'] as 'error'] as 1 | 2 | 3 | 4;
        for (const d of findNonExhaustiveSwitches(document, catalog, s.docsLanguage, a)) result.push({ ...d, severity: sev });
      }
      a.diagnostics.set(key, result);
    }
    return result;
  };

  return {
    doHover(document, position, settings) {
      const s = settings ?? defaults;
      if (!active(document, s)) return null;
      const a = cache.get(document);
      const project = projectOf(document.uri);
      const play = playOf(a, project);
      if (play === 'foreign') return null;
      const found = doHover(catalog, a, document, position, s.docsLanguage, play);
      if (found) return found;
      const offset = document.offsetAt(position);
      // a value an SDK makes up (`rate_limit_error`): only where UQPAY is named, as it is anyone's word elsewhere
      const tok = play === 'uqpay' ? tokenAt(a, offset) : undefined;
      // a literal, or the code of a body written in code (`{ code: 'rate_limit_error', … }`)
      const lit = tok?.kind === 'literal' ? (tok.literal.interpolated ? undefined : tok.literal)
        : tok?.kind === 'object' && tok.object.inCode && typeof tok.token.value === 'string' ? tok.token : undefined;
      const v = lit && typeof lit.value === 'string' ? lit.value : undefined;
      const made = v !== undefined && !catalog.isCode(v) && !catalog.isType(v) ? sdkMadeMarkdown(v, s.docsLanguage) : undefined;
      if (made && lit) return { contents: { kind: 'markdown', value: made }, range: { start: document.positionAt(lit.start), end: document.positionAt(lit.end) } };
      // a mobile SDK's own code string where a code is meant (`e.code == 'card_declined'`)
      const coded = tok ? sdkCodeValueAt(a, tok, project) : undefined;
      const member = coded ?? sdkMemberAt(a, offset, project);
      return member ? {
        contents: { kind: 'markdown', value: sdkMemberMarkdown(catalog, member.member, s.docsLanguage) },
        range: { start: document.positionAt(member.start), end: document.positionAt(member.end) },
      } : null;
    },
    doComplete(document, position, settings) {
      const s = settings ?? defaults;
      if (!active(document, s) || foreign(document)) return null;
      const a = cache.get(document);
      const project = projectOf(document.uri);
      const play = playOf(a, project);
      // completion proposes UQPAY's words before anything is typed: only where UQPAY is in play
      if (play === 'neutral' && isCode(a.languageId)) return null;
      return doComplete(catalog, a, document, position, s.docsLanguage, play, sdkBranchAt(a, document.offsetAt(position), project));
    },
    doValidation,
    async doCodeActions(document, range, context, settings) {
      const s = settings ?? defaults;
      if (!active(document, s) || foreign(document)) return [];
      // a malformed context (from a careless client) counts as an empty one
      const ctx: CodeActionContext = {
        diagnostics: Array.isArray(context?.diagnostics) ? context.diagnostics : [],
        only: Array.isArray(context?.only) ? context.only.filter((k) => typeof k === 'string') : undefined,
      };
      const actions = codeActions(document, range, ctx, doValidation(document, s), s.docsLanguage);
      const wantsQuickFix = !ctx.only || ctx.only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(`${k}.`) || k === '');
      if (wantsQuickFix && familyOf(document.languageId) !== 'markdown') {
        actions.push(...(await getSwitchCaseActions(document, range, catalog, s.docsLanguage, ctx.diagnostics, cache.get(document))));
        const a = cache.get(document);
        actions.push(...handleUnhandledActions(document, a, documentCoverage(catalog, a), range, s.docsLanguage));
      }
      return actions;
    },
    doCoverage(document, settings) {
      const s = settings ?? defaults;
      if (!active(document, s) || !mayCallEndpoints(document.getText())) return [];
      return documentCoverage(catalog, cache.get(document));
    },
    doCodeLens(document, settings) {
      const s = settings ?? defaults;
      if (!active(document, s) || !s.coverageCodeLens) return [];
      return coverageLenses(document, documentCoverage(catalog, cache.get(document)), s.docsLanguage);
    },
    setCatalog(next) {
      catalog = next;
      cache.clear();
    },
    forget(uri) {
      cache.delete(uri);
    },
    setProjectSdks(folderUri, sdks) {
      projects.set(folderUri.replace(/\/+$/, ''), [...sdks]);
      cache.clear();
    },
  };
}
