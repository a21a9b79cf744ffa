/**
 * What becomes a link in a terminal line: a JSON error body (`{"type":…,"code":…,"message":…}`,
 * from test output, `curl -i`, logs) opens the decode panel on it; a catalog error code elsewhere
 * on the line opens its catalog entry. Pure (no VS Code API), so it is tested on its own.
 */
import type { Catalog } from '../../catalog/src/catalog';

export interface TerminalMatch {
  start: number;
  length: number;
  kind: 'body' | 'code';
  /** The body's text, or the code. */
  text: string;
  /** For a code: the catalog entry to open (the first one for the code). */
  id?: string;
}

/** Longer than any line a terminal link is worth computing for. */
const MAX_LINE = 8192;

const patterns = new WeakMap<readonly string[], RegExp>();

function codePattern(catalog: Catalog): RegExp | undefined {
  let re = patterns.get(catalog.codes);
  if (!re) {
    if (!catalog.codes.length) return undefined;
    const alts = [...catalog.codes].sort((a, b) => b.length - a.length).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`(?<![\\w-])(?:${alts.join('|')})(?![\\w-])`, 'g');
    patterns.set(catalog.codes, re);
  }
  return re;
}

/** `{…}` objects of the line (braces balanced, strings skipped) that carry a `"code"` key. */
function bodies(line: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = line.indexOf('{'); i >= 0 && i < line.length; i = line.indexOf('{', i + 1)) {
    let depth = 0;
    let inString = false;
    let end = -1;
    for (let j = i; j < line.length; j++) {
      const c = line[j];
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        end = j + 1;
        break;
      }
    }
    if (end < 0) break;
    const text = line.slice(i, end);
    if (/"code"\s*:/.test(text) && /"(?:message|type)"\s*:/.test(text)) {
      out.push({ start: i, end });
      i = end - 1;
    }
  }
  return out;
}

export function terminalMatches(line: string, catalog: Catalog): TerminalMatch[] {
  if (typeof line !== 'string' || !line || line.length > MAX_LINE) return [];
  const found: TerminalMatch[] = bodies(line).map((b) => ({ start: b.start, length: b.end - b.start, kind: 'body', text: line.slice(b.start, b.end) }));
  const re = codePattern(catalog);
  if (re) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const at = m.index;
      if (found.some((b) => b.kind === 'body' && at >= b.start && at < b.start + b.length)) continue;
      const entry = catalog.byCode(m[0])[0];
      if (entry) found.push({ start: at, length: m[0].length, kind: 'code', text: m[0], id: entry.id });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
