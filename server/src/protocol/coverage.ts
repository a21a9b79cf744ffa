/**
 * The coverage messages between the language server and the extension, defined once and imported
 * on both sides (plain method names and types: no LSP library needed to read them).
 */
import type { CoverageReport } from '../service/coverage/report';

export type { CoverageReport, ReportEndpoint, ReportError, Location } from '../service/coverage/report';

/** Request, client → server: the workspace coverage report (null while the first index is being built). */
export const COVERAGE_REPORT_REQUEST = 'uqpayErrors/coverageReport';
export interface CoverageReportResult {
  /** The folder `file` paths are relative to, as a file URI. */
  root: string;
  report: CoverageReport;
}

/** Notification, server → client: the workspace index changed (a file was added, edited or removed). */
export const COVERAGE_CHANGED_NOTIFICATION = 'uqpayErrors/coverageChanged';

/** The command a coverage CodeLens runs; its one argument. */
export const SHOW_COVERAGE_COMMAND = 'uqpayErrors.showCoverage';
export interface ShowCoverageArgs {
  uri: string;
  endpoint: string;
  errors: {
    code: string;
    general: boolean;
    /** Zero-based positions in the document. */
    handled: { line: number; character: number }[];
    meaning: string;
    retry: string;
  }[];
}
