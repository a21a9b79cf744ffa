/**
 * SARIF 2.1.0 output of `check`, the format GitHub code scanning reads. Positions are 1-based and
 * counted in UTF-16 code units, as LSP counts them (so no conversion beyond +1).
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface CheckDiagnostic {
  /** Relative to the working folder, with forward slashes. */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

/** What each diagnostic code means, for the rule list (SARIF viewers show it beside results). */
const RULE_TEXT: Record<string, string> = {
  'unknown-error-code': 'A string compared with a UQPAY error code, or the code of a JSON error body, is not in the catalog.',
  'type-used-as-code': 'An error type name (such as payment_error) is compared with the error code.',
  'code-type-mismatch': 'The error body pairs a code with a type that code never comes with.',
  'http-status-mismatch': 'The HTTP status does not match the one the error type maps to.',
  'envelope-b-pending': 'A numeric (envelope B) body: the request is still being processed; retry with the same x-idempotency-key.',
  'non-exhaustive-switch': 'A switch over error codes handles some codes of a group but not the rest.',
};

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function toSarif(diags: CheckDiagnostic[], options: { ruleIds: string[]; version: string; cwd: string; docs?: string }) {
  const ids = [...new Set([...options.ruleIds, ...diags.map((d) => d.code)])];
  const index = new Map(ids.map((id, i) => [id, i]));
  const root = pathToFileURL(options.cwd).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'uqpay-errors',
            version: options.version,
            ...(options.docs ? { informationUri: options.docs } : {}),
            rules: ids.map((id) => ({
              id,
              shortDescription: { text: RULE_TEXT[id] ?? id },
              ...(options.docs ? { helpUri: options.docs } : {}),
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: root.endsWith('/') ? root : root + '/' } },
        columnKind: 'utf16CodeUnits',
        results: diags.map((d) => ({
          ruleId: d.code,
          ruleIndex: index.get(d.code)!,
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: isAbsolute(d.path)
                  ? { uri: pathToFileURL(d.path).href }
                  : { uri: encodeURI(d.path), uriBaseId: '%SRCROOT%' },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}
