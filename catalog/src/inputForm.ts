/**
 * What a user pasted a response as, for "Found in": a bare JSON body, a raw HTTP response, curl
 * output, a log line, or an SDK error string. Read from the text around the response, after decode
 * has found it, so it costs nothing while scanning.
 */
import type { StatusLine } from './httpScan';
import type { InputForm } from './types';

/** How far before a status line a `curl …` command line is looked for. */
const CURL_LOOKBACK = 2000;

export function inputForm(text: string, kind: string, start: number, status: StatusLine | undefined): InputForm {
  if (status) {
    // curl -v marks response lines with `<`; curl -i output is plain HTTP after a `curl` command line.
    if (/^\s*</.test(text.slice(status.offset, Math.min(status.lineEnd, status.offset + 64)))) return 'curl';
    const before = text.slice(Math.max(0, status.offset - CURL_LOOKBACK), status.offset);
    return /(?:^|\n)[^\n]*\bcurl\s+-/.test(before) ? 'curl' : 'http';
  }
  if (kind === 'sdk-string') return 'sdk';
  // Anything but blanks before the body on its line (a timestamp, a logger name) makes it a log line.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /\S/.test(text.slice(Math.max(lineStart, start - 4096), start)) ? 'log' : 'json';
}
