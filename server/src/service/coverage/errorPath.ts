/**
 * A call's error path: the code that runs when the call fails. That is the `catch`/`except`/
 * `rescue` clauses of every try around the call (Swift `do … catch`), Go's `if err != nil { … }`
 * right after it, a promise `.catch(…)` chained on it, Rust's `match`/`if let Err` on it — plus
 * the body of a function in the same file that one of those passes the error to (one level).
 */
import type { Family } from '../scanners/types';
import { enclosingBraces, type Structure } from './structure';
import { lineAt, type Line } from '../lines';

export interface Span {
  start: number;
  end: number;
}

const MAX_GAP = 400;

function isIdent(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

function skipWs(text: string, p: number): number {
  while (p < text.length && /\s/.test(text[p])) p++;
  return p;
}

function wordBefore(text: string, p: number): string {
  let q = p - 1;
  while (q >= 0 && /\s/.test(text[q])) q--;
  const e = q + 1;
  while (q >= 0 && isIdent(text.charCodeAt(q))) q--;
  return text.slice(q + 1, e);
}

/** The next `{` at or after `p` that is code, before `limit`, or -1. */
function nextBrace(text: string, s: Structure, p: number, limit: number): number {
  for (let q = text.indexOf('{', p); q >= 0 && q < limit; q = text.indexOf('{', q + 1)) if (s.inCode(q)) return q;
  return -1;
}

/** `catch …{…}` clauses after a try block closing at `close` (Dart: `on Type catch (e, s)`, `on Type`). */
function catchClauses(text: string, family: Family, s: Structure, close: number, out: Span[], vars: Set<string>): void {
  let p = close + 1;
  for (let n = 0; n < 16; n++) {
    p = skipWs(text, p);
    const m = family === 'dart' ? /^(?:on\s+[\w.<>?]+\s*)?catch\b|^on\s+[\w.<>?]+(?=\s*\{)/.exec(text.slice(p, p + 160)) : /^catch\b/.exec(text.slice(p, p + 6));
    if (!m) return;
    const open = nextBrace(text, s, p + m[0].length, p + MAX_GAP);
    if (open < 0) return;
    const end = s.close.get(open);
    if (end === undefined) return;
    const header = text.slice(p + m[0].length, open);
    // the caught variable: `(e)`, `(Foo e)`, `(e: Foo)`, `($e)`, `let e as Foo`, Dart's `(e, stack)`; Swift's implicit `error`
    const v = (family === 'dart' ? /^\s*\(\s*(\w+)/.exec(header) : null)
      ?? /(\$?[A-Za-z_]\w*)\s*(?::[^)]*)?\)\s*(?:when\b.*)?$/.exec(header.trim()) ?? /\blet\s+(\w+)/.exec(header);
    vars.add(v ? v[1] : 'error');
    out.push({ start: p, end: end + 1 });
    p = end + 1;
  }
}

function braceFamilyPaths(text: string, family: Family, s: Structure, at: number, callEnd: number, out: Span[], vars: Set<string>): void {
  // try { … call … } catch …
  const tryWord = family === 'swift' ? 'do' : 'try';
  for (const open of enclosingBraces(s, at)) {
    if (wordBefore(text, open) !== tryWord) continue;
    const close = s.close.get(open);
    if (close !== undefined) catchClauses(text, family, s, close, out, vars);
  }
  const after = text.slice(callEnd, callEnd + MAX_GAP);
  if (family === 'js') {
    // call(…).then(…).catch(handler)
    let p = callEnd;
    for (let n = 0; n < 8; n++) {
      const m = /^\s*\??\.\s*(then|finally|catch)\s*\(/.exec(text.slice(p, p + 40));
      if (!m) break;
      const open = p + m[0].length - 1;
      const close = s.close.get(open);
      if (close === undefined) break;
      if (m[1] === 'catch') {
        const arg = /^\(\s*(?:async\s*)?(?:function\s*\w*\s*)?\(?\s*(\w+)/.exec(text.slice(open, open + 60));
        vars.add(arg ? arg[1] : 'error');
        out.push({ start: open, end: close + 1 });
        break;
      }
      p = close + 1;
    }
  } else if (family === 'go') {
    // `x, err := call(…)` then `if err != nil {`, or `if _, err := call(…); err != nil {`
    const m = /^[^{}]*?\b(\w+)\s*!=\s*nil\s*\{/.exec(after);
    if (m) {
      const open = callEnd + m[0].length - 1;
      const close = s.close.get(open);
      if (close !== undefined && s.inCode(open)) {
        vars.add(m[1]);
        out.push({ start: open, end: close + 1 });
      }
    }
  } else if (family === 'rust') {
    // `match call(…)? {`… or `if let Err(e) = call(…) {`
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const head = text.slice(Math.max(lineStart - 200, 0), at);
    if (/\b(?:match|if\s+let\s+Err\s*\(\s*\w*\s*\)\s*=)[^;{}]*$/.test(head)) {
      const open = nextBrace(text, s, callEnd, callEnd + MAX_GAP);
      const close = open >= 0 ? s.close.get(open) : undefined;
      if (close !== undefined) {
        vars.add('e');
        out.push({ start: open, end: close + 1 });
      }
    }
  }
}

function meaningful(l: Line, comment: string): boolean {
  const t = l.text.trim();
  return t.length > 0 && !t.startsWith(comment);
}

/** The end of the block whose header is `header` (lines indented deeper), for Python and Ruby. */
function blockEnd(text: string, header: Line, max: number, comment: string): number {
  let end = header.end;
  for (let p = header.end + 1; p < max;) {
    const l = lineAt(text, p);
    if (meaningful(l, comment)) {
      if (l.indent <= header.indent) break;
      end = l.end;
    }
    p = l.end + 1;
  }
  return end;
}

/** Python `try:` … `except …:` and Ruby `begin`/`def` … `rescue`: by indentation. */
function indentedPaths(text: string, family: Family, at: number, min: number, max: number, out: Span[], vars: Set<string>): void {
  const python = family === 'python';
  const comment = '#';
  const opener = python ? /^\s*try\s*:/ : /^\s*(?:begin\b|def\s)/;
  const handler = python ? /^\s*except\b/ : /^\s*rescue\b/;
  const stop = python ? /^\s*(?:def|class|async\s+def)\s/ : /^\s*class\s/;
  const call = lineAt(text, at);
  let indent = call.indent;
  for (let p = call.start - 1; p > min && indent > 0;) {
    const l = lineAt(text, p);
    p = l.start - 1;
    if (!meaningful(l, comment) || l.indent >= indent) continue;
    indent = l.indent;
    if (opener.test(l.text)) {
      // handlers at the opener's indentation, after the call
      for (let q = call.end + 1; q < max;) {
        const h = lineAt(text, q);
        q = h.end + 1;
        if (!meaningful(h, comment) || h.indent > l.indent) continue;
        if (h.indent < l.indent) break;
        if (handler.test(h.text)) {
          const v = python ? /\bas\s+(\w+)/.exec(h.text) : /=>\s*(\w+)/.exec(h.text);
          vars.add(v ? v[1] : python ? 'e' : '$!');
          const end = blockEnd(text, h, max, comment);
          out.push({ start: h.start, end });
          q = end + 1;
        } else if (!python && /^\s*(?:else|ensure)\b/.test(h.text)) continue;
        else if (python && /^\s*(?:else|finally)\s*:/.test(h.text)) continue;
        else break;
      }
      if (!python && /^\s*def\s/.test(l.text)) break;
    }
    if (stop.test(l.text) || (python && /^\s*def\s/.test(l.text))) break;
  }
}

/** Where a function named `name` is defined in the file: its body, or undefined. */
function functionBody(text: string, family: Family, s: Structure, name: string, min: number, max: number): Span | undefined {
  const esc = name.replace(/\$/g, '\\$');
  if (family === 'python' || family === 'ruby') {
    const re = new RegExp(`^[ \\t]*(?:async[ \\t]+)?def[ \\t]+(?:self\\.)?${esc}\\b`, 'm');
    const m = re.exec(text.slice(min, max));
    if (!m) return undefined;
    const l = lineAt(text, min + m.index + m[0].length);
    return { start: l.start, end: blockEnd(text, l, max, '#') };
  }
  const re = new RegExp(`(^|[^.\\w$>:])(?:(?:const|let|var)\\s+${esc}\\s*=\\s*(?:async\\s*)?(?:function\\s*)?|(?:function|func|fun|def)\\s+(?:\\([^)]*\\)\\s*)?${esc}\\s*|${esc}\\s*)\\(`, 'g');
  const region = text.slice(min, max);
  for (let m = re.exec(region); m; m = re.exec(region)) {
    const open = min + m.index + m[0].length - 1;
    if (!s.inCode(open)) continue;
    const close = s.close.get(open);
    if (close === undefined) continue;
    // a definition: only a return type, `throws`, `=>` or modifiers between `)` and `{`
    const brace = text.indexOf('{', close);
    if (brace < 0 || brace - close > 120) continue;
    const between = text.slice(close + 1, brace);
    if (/[;()]/.test(between.replace(/=>/g, '')) || /(^|[^=])=(?!>)/.test(between)) continue;
    const end = s.close.get(brace);
    if (end !== undefined) return { start: brace, end: end + 1 };
  }
  return undefined;
}

/** Calls inside `span` that pass one of `vars` on: the names of the functions called. */
function handlerNames(text: string, span: Span, vars: Set<string>): string[] {
  const names = new Set<string>();
  const re = /(?:\b(?:this|self)\s*(?:\.|->)\s*|(?:^|[^.\w$>]))([A-Za-z_$][\w$]*)\s*\(([^()]*)\)/g;
  const body = text.slice(span.start, span.end);
  const kw = /^(?:if|for|while|switch|match|catch|return|function|typeof|instanceof|new|print|isinstance|len|str|errors|fmt|throw|raise)$/;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (kw.test(m[1])) continue;
    const args = m[2].split(/[^\w$]+/);
    if (args.some((a) => vars.has(a))) names.add(m[1]);
  }
  // `.catch(handleError)`: a function passed by name
  const direct = /^\(\s*(?:this\.|self\.)?([A-Za-z_$][\w$]*)\s*\)$/.exec(body);
  if (direct) names.add(direct[1]);
  return [...names];
}

export interface ErrorPath {
  /** The clauses and blocks themselves first (`direct` of them), then handler functions' bodies. */
  spans: Span[];
  direct: number;
  /** The names the error goes by in them (`err`, `e`, `$e`). */
  vars: string[];
}

/** The spans of a call's error path, handlers in the same file included. */
export function errorPath(text: string, family: Family, s: Structure, at: number, callEnd: number, min: number, max: number): ErrorPath {
  const out: Span[] = [];
  const vars = new Set<string>();
  if (family === 'python' || family === 'ruby') indentedPaths(text, family, at, min, max, out, vars);
  else braceFamilyPaths(text, family, s, at, callEnd, out, vars);
  const direct = out.length;
  for (let i = 0; i < direct; i++) {
    for (const name of handlerNames(text, out[i], vars)) {
      const body = functionBody(text, family, s, name, min, max);
      if (body && !out.some((o) => o.start <= body.start && body.end <= o.end)) out.push(body);
    }
  }
  return { spans: out, direct, vars: [...vars] };
}
