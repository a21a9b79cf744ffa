/**
 * The empty switch the "Handle the N unhandled … errors" fix opens a call's error branch with, per
 * language, over something that holds the error's code there — or nothing when we cannot name it:
 * - an SDK call's error: TypeScript/JavaScript `err.code`, Python `e.code` (`getattr` when the
 *   except clause may catch other exceptions), Java `UqpayApiException.getCode()`, Kotlin on the
 *   Java SDK `e.code`, Go `errors.As` into the SDK's `*common.APIError` (imports added), then `Code`;
 * - a raw HTTP call's: an expression the branch itself reads a code from (`body.code`,
 *   `error["code"]`, `$body['code']`, `e.declineCode`), rooted at the caught error or at a name set
 *   before the branch; JavaScript, PHP and Python read it so it cannot throw, and put the switch
 *   right before the line that reads it when the branch sets the name itself. Go's raw `err`
 *   gets nothing (a transport error).
 * The cases are written into it by switch/render.ts; nothing here changes what the branch did.
 */
import { CODE_MEMBERS, GATEWAY_CODE_MEMBERS } from '../members';
import type { Family } from '../scanners/types';
import { fileUnit, lineIndent, lineStart } from '../switch/render';
import type { CallCoverage } from './coverage';
import type { Span } from './errorPath';
import { enclosingBraces, type Structure } from './structure';

/** The Python SDK's API error classes: each has a string `.code`. */
const PY_SDK_ERRORS = new Set(['UQPayError', 'AuthenticationError', 'ForbiddenError', 'NotFoundError', 'ConflictError', 'RateLimitError',
  'ServerError', 'IdempotencyError', 'ValidationError']);

const GO_COMMON = 'github.com/uqpay/uqpay-sdk-go/v2/common';

/** Members an expression reads a gateway code from (an attempt's `failure_code` is not an error code). */
const HOLDERS = [...CODE_MEMBERS, ...GATEWAY_CODE_MEMBERS].filter((m) => !/^failure_?[cC]ode$/.test(m));

export interface Skeleton {
  /** Where the statement goes (an insertion) and its text, the keyword `keyword` characters into it. */
  at: number;
  text: string;
  keyword: number;
  /** Lines to put before the statement's closing line once the cases are in (Swift `default`, Rust `_`). */
  tail?: { at: number; lines: string[] };
  /** A placeholder clause line the renderer needs in an empty Ruby `case`, removed afterwards. */
  placeholder?: string;
  /** Other insertions the code needs (Go imports), as offsets into the document. */
  editOffsets?: { offset: number; text: string }[];
}

function escapeRe(s: string): string {
  return s.replace(/[$.*+?()[\]{}|^\\]/g, '\\$&');
}

export interface Holder {
  /** The expression as the branch writes it. */
  text: string;
  /** Read through an index (`x["code"]`) rather than a member (`x.code`). */
  indexed: boolean;
  /** Where the branch reads it. */
  at: number;
  /** Its root holds its value from the branch's start (the caught error, or a name used before the branch). */
  early: boolean;
}

/**
 * The first expression in the branch that reads a code: `root.code`, `root?.code`, `$root->code`,
 * `root["code"]`, `$root['error_code']`. Method calls are left out (PHP's `getCode()` is an HTTP
 * status or an errno, Retrofit's `code()` the HTTP status).
 */
export function codeHolder(text: string, s: Structure, branch: Span, errVars: readonly string[], scopeStart: number): Holder | undefined {
  const names = HOLDERS.map(escapeRe).join('|');
  const chain = String.raw`(?:\s*(?:\?\.|\.|->)\s*[A-Za-z_]\w*(?!\s*\())*`;
  const member = String.raw`\s*(?:\?\.|\.|->)\s*(${names})\b(?!\s*\()`;
  const index = String.raw`\[\s*(['"])(${names})\4\s*\]`;
  const re = new RegExp(String.raw`(\$?[A-Za-z_]\w*)(${chain})(?:${member}|${index})`, 'g');
  const body = text.slice(branch.start, branch.end);
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const at = branch.start + m.index;
    if (!s.inCode(at) || /[\w$.>]/.test(text[at - 1] ?? '')) continue;
    // an assignment to the field is not a read
    if (/^\s*=[^=>]/.test(text.slice(at + m[0].length, at + m[0].length + 3))) continue;
    const root = m[1];
    const early = errVars.includes(root) || new RegExp(String.raw`(^|[^\w$])${escapeRe(root)}\b`).test(text.slice(scopeStart, branch.start));
    return { text: m[0].replace(/\s+/g, ''), indexed: m[4] !== undefined, at, early };
  }
  return undefined;
}

/** The start of the line holding `p` when a statement starts there, directly in a `{…}` block (not in parentheses, not a continuation). */
function statementLine(text: string, s: Structure, p: number, min: number): number | undefined {
  const ls = lineStart(text, p);
  let inner = -1;
  for (const [o, c] of s.close) if (o < ls && c >= ls && o > inner) inner = o;
  if (inner < min || text[inner] !== '{') return undefined;
  let q = ls - 1;
  while (q > inner && (/\s/.test(text[q]) || !s.inCode(q))) q--;
  return q === inner || text[q] === ';' || text[q] === '}' ? ls : undefined;
}

/** Go: the name the file imports the SDK's `common` package under, and the import edits still needed. */
function goImports(text: string): { common: string; edits: { offset: number; text: string }[] } | undefined {
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const imp = new RegExp(`^[ \\t]*(?:import[ \\t]+)?(?:([A-Za-z_]\\w*|\\.)[ \\t]+)?"${escapeRe(GO_COMMON)}"`, 'm').exec(text);
  if (imp && imp[1] === '.') return undefined; // dot import: no package name to write
  const common = imp?.[1] ?? 'common';
  const hasErrors = /^[ \t]*(?:import[ \t]+)?"errors"/m.test(text);
  const missing = [...(hasErrors ? [] : ['"errors"']), ...(imp ? [] : [`"${GO_COMMON}"`])];
  if (!missing.length) return { common, edits: [] };
  // into the `import ( … )` block, else after the last single import, else after the package clause
  const block = /^import[ \t]*\([^)]*\)/m.exec(text);
  if (block) {
    const close = block.index + block[0].length - 1;
    const at = lineStart(text, close);
    const ind = /^[ \t]*\S/m.exec(block[0].slice(block[0].indexOf('(') + 1))?.[0].replace(/\S$/, '') || '\t';
    if (text.slice(at, close).trim()) return undefined; // `)` not on its own line
    return { common, edits: [{ offset: at, text: missing.map((m) => `${ind}${m}${nl}`).join('') }] };
  }
  const single = [...text.matchAll(/^import[ \t]+(?:\w+[ \t]+)?"[^"\n]*"[ \t]*$/gm)].pop() ?? /^package[ \t]+\w+[ \t]*$/m.exec(text);
  if (!single) return undefined;
  const at = single.index! + single[0].length;
  return { common, edits: [{ offset: at, text: missing.map((m) => `${nl}import ${m}`).join('') }] };
}

/** A name for the Go variable the SDK error goes into that the branch does not use yet. */
function freshName(body: string, base: string): string {
  for (let n = 0; ; n++) {
    const name = n ? `${base}${n + 1}` : base;
    if (!new RegExp(`\\b${name}\\b`).test(body)) return name;
  }
}

/**
 * Where names the branch can read were set: the block that holds the try statement (from its
 * header's line, so a function's parameters count), or the enclosing `def` in Python and Ruby.
 * Names set further out are missed: the action is then not offered, never wrong.
 */
function scopeStart(text: string, family: Family, s: Structure, at: number, min: number): number {
  if (family === 'python' || family === 'ruby') {
    let indent = lineIndent(text, at).length;
    for (let p = lineStart(text, at) - 1; p > min;) {
      const ls = lineStart(text, p);
      const line = text.slice(ls, p);
      p = ls - 1;
      const ind = /^[ \t]*/.exec(line)![0].length;
      if (!line.trim() || line.trim().startsWith('#') || ind >= indent) continue;
      indent = ind;
      if (/^\s*(?:async\s+)?def\s/.test(line)) return ls;
    }
    return min;
  }
  const inner = enclosingBraces(s, at)[0];
  return inner === undefined ? min : Math.max(min, lineStart(text, inner));
}

/** Python: the start of the line holding `p` when a statement starts there at the top of the except block. */
function pythonStatementLine(text: string, s: Structure, p: number, branch: Span, bodyIndent: string): number | undefined {
  const ls = lineStart(text, p);
  if (lineIndent(text, ls) !== bodyIndent) return undefined;
  for (const [o, c] of s.close) if (o >= branch.start && o < ls && c >= ls) return undefined;
  return /\\\r?\n$/.test(text.slice(Math.max(0, ls - 3), ls)) ? undefined : ls;
}

/**
 * A raw HTTP call's code in JavaScript, PHP and Python, read so that it cannot throw whatever the
 * value holds (`body?.error?.code`, `$body['code'] ?? null`, `body.get("code")`): such a switch can
 * go anywhere in the branch. Python's `e.code` is left out: urllib's HTTPError.code is the status.
 */
function quietSubject(family: Family, languageId: string, holder: Holder): string | undefined {
  if (family === 'php') return `${holder.text} ?? null`;
  if (family === 'python') return holder.indexed ? holder.text.replace(/\[(['"])(\w+)\1\]$/, '.get("$2")') : undefined;
  if (family !== 'js') return undefined;
  const root = /^[$\w]+/.exec(holder.text)![0];
  const rest = holder.text.slice(root.length).replace(/\?\.\[/g, '[').replace(/\?\./g, '.').replace(/\.(?=[A-Za-z_$])/g, '?.').replace(/\[/g, '?.[');
  return languageId.startsWith('typescript') ? `(${root} as any)${rest}` : `${root}${rest}`;
}

/** An empty switch over the error's code for the branch, and where it goes; undefined when we cannot write one honestly. */
export function skeleton(text: string, family: Family, languageId: string, call: CallCoverage, branch: Span, errVar: string, s: Structure, regionStart: number): Skeleton | undefined {
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const u = fileUnit(text, family);
  const scope = scopeStart(text, family, s, branch.start, regionStart);
  if (family === 'python' || family === 'ruby') {
    const eol = text.indexOf('\n', branch.start);
    if (eol < 0) return undefined;
    const header = text.slice(branch.start, eol);
    const at = text[eol - 1] === '\r' ? eol - 1 : eol;
    const ind = lineIndent(text, branch.start) + u;
    if (family === 'python') {
      if (!/:\s*(#.*)?\r?$/.test(header)) return undefined; // `except X: pass` on one line
      const match = (li: string, subject: string) => `${li}match ${subject}:${nl}${li}${u}case _:${nl}${li}${u}${u}pass`;
      if (call.call.via === 'http') {
        const holder = codeHolder(text, s, branch, [errVar], scope);
        const subject = holder && quietSubject(family, languageId, holder);
        if (!holder || !subject) return undefined;
        if (holder.early) return { at, text: nl + match(ind, subject), keyword: nl.length + ind.length };
        // `body = e.response.json()` in the branch: right before the line that reads the code
        const bodyLine = text.slice(eol + 1).match(/^(?:[ \t]*(?:#.*)?\r?\n)*([ \t]*)\S/);
        const line = bodyLine && pythonStatementLine(text, s, holder.at, branch, bodyLine[1]);
        if (line === undefined || line === null) return undefined;
        return { at: line, text: match(bodyLine![1], subject) + nl, keyword: bodyLine![1].length };
      }
      // a `match` needs a case: the wildcard one, which does nothing, as every new case does
      // the SDK's errors always have `.code`; any other exception may not
      const caught = /\bexcept\b(.*?)(?:\bas\b|:)/.exec(header)?.[1].split(/[\s,()]+/).filter(Boolean) ?? [];
      const sdkOnly = caught.length > 0 && caught.every((n) => PY_SDK_ERRORS.has(n.replace(/^uqpay\./, '')));
      const subject = sdkOnly ? `${errVar}.code` : `getattr(${errVar}, "code", None)`;
      return { at, text: nl + match(ind, subject), keyword: nl.length + ind.length };
    }
    // Ruby: `rescue … => e` then a `case` over what the branch reads the code from
    if (/\bthen\b|;/.test(header)) return undefined;
    const holder = codeHolder(text, s, branch, [errVar], scope);
    if (!holder?.early) return undefined;
    const placeholder = `${nl}${ind}when nil`;
    return { at, text: `${nl}${ind}case ${holder.text}${placeholder}${nl}${ind}end`, keyword: nl.length + ind.length, placeholder };
  }

  let open = text.indexOf('{', branch.start);
  if (open < 0 || open >= branch.end) return undefined;
  let header = text.slice(branch.start, open);
  let err = errVar;
  if (family === 'rust') {
    // `match call() { … Err(e) => { … } }`: into the Err arm's block; `if let Err(e) = call() {`: into its block
    const lead = text.slice(Math.max(0, lineStart(text, call.call.start) - 200), call.call.start);
    if (/\bmatch\b[^;{}]*$/.test(lead)) {
      const arm = /\bErr\s*\(\s*(\w+)\s*\)\s*=>\s*\{/.exec(text.slice(open, branch.end));
      if (!arm) return undefined;
      err = arm[1];
      open = open + arm.index + arm[0].length - 1;
      header = arm[0];
    } else {
      err = /\bErr\s*\(\s*(\w+)\s*\)/.exec(lead)?.[1] ?? errVar;
    }
  }
  const ind = lineIndent(text, open) + u;
  const at = open + 1;
  const braced = (subject: string, keyword: string, paren: boolean): Skeleton => ({
    at,
    text: `${nl}${ind}${keyword} ${paren ? `(${subject})` : subject} {${nl}${ind}}`,
    keyword: nl.length + ind.length,
  });
  const holder = codeHolder(text, s, { start: open, end: branch.end }, [err], scope);
  // a raw HTTP call's error may be the HTTP library's (axios' `err.code` is its own): only a code the branch reads
  if (call.call.via === 'http' && (family === 'js' || family === 'php')) {
    const subject = holder && quietSubject(family, languageId, holder);
    if (!holder || !subject) return undefined;
    if (holder.early) return braced(subject, 'switch', true);
    // `$body = json_decode(…)` in the branch: the switch goes right before the statement that reads it
    const line = statementLine(text, s, holder.at, open);
    if (line === undefined) return undefined;
    const li = lineIndent(text, line);
    return { at: line, text: `${li}switch (${subject}) {${nl}${li}}${nl}`, keyword: li.length };
  }
  // subjects the code-context reader recognises, so the new cases count as handling
  if (family === 'js') return braced(languageId.startsWith('typescript') ? `(${err} as Record<string, unknown>).code` : `${err}?.code`, 'switch', true);
  if (family === 'java') {
    return /\bUqpayApiException\b/.test(header) ? braced(`${err}.getCode() == null ? "" : ${err}.getCode()`, 'switch', true) : undefined;
  }
  if (family === 'go') {
    // the SDK wraps its *common.APIError (`%w`): errors.As finds it, then a switch on its Code
    if (call.call.via !== 'sdk') return undefined;
    const imports = goImports(text);
    if (!imports) return undefined;
    const name = freshName(text.slice(branch.start, branch.end), 'uqpayErr');
    const lines = [
      `${ind}var ${name} *${imports.common}.APIError`,
      `${ind}if errors.As(${err}, &${name}) {`,
      `${ind}${u}switch ${name}.Code {`,
      `${ind}${u}}`,
      `${ind}}`,
    ];
    const body = nl + lines.join(nl);
    return { at, text: body, keyword: body.indexOf('switch'), editOffsets: imports.edits };
  }
  if (family === 'kotlin' && /\bUqpayApiException\b/.test(header)) return braced(`${err}.code`, 'when', true);
  // elsewhere the expression is read as written, so only where its root already holds its value
  if (!holder?.early) return undefined;
  switch (family) {
    case 'kotlin':
      return braced(holder.text, 'when', true);
    case 'dart':
      // Flutter's UqpayError is returned, not thrown: a Dart catch is around a raw HTTP call
      return braced(holder.text, 'switch', true);
    case 'csharp':
      // a string, a JSON node or a dynamic value: compared as the string it holds
      return braced(`${holder.text}?.ToString()`, 'switch', true);
    case 'rust': {
      const sk = braced(holder.indexed ? `${holder.text}.as_str().unwrap_or_default()` : `${holder.text}.as_str()`, 'match', false);
      // a match on a string must be exhaustive: a wildcard arm that does nothing, last
      return { ...sk, tail: { at: sk.text.lastIndexOf(nl) + nl.length, lines: [`${ind}${u}_ => {}`] } };
    }
    case 'swift': {
      const subject = holder.indexed ? `(${holder.text} as? String) ?? ""` : `${holder.text} ?? ""`;
      const sk = braced(subject, 'switch', false);
      return { ...sk, tail: { at: sk.text.lastIndexOf(nl) + nl.length, lines: [`${ind}default:`, `${ind}${u}break`] } };
    }
    default:
      return undefined;
  }
}
