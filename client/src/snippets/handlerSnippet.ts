/**
 * A handler skeleton for a set of error codes in an editor's language: a switch/match/when with
 * one case per code and a one-line comment saying what to do. Used by "Insert Error Handler" (as a
 * snippet with a placeholder for the code expression) and by the catalog's "Copy handler snippet"
 * (as plain text). Pure: no vscode import.
 */

import { branchLines, defaultLabelForm, type CaseLanguage, type Fallback } from '../../../catalog/src/caseSyntax';
import { commentSafe } from '../../../catalog/src/commentSafe';

export interface HandlerCase {
  code: string | number;
  /** One line of what to do; shortened and made comment-safe here. */
  comment: string;
}

export type SnippetLanguage =
  | 'typescript' | 'javascript' | 'python' | 'go' | 'java' | 'kotlin' | 'csharp' | 'php' | 'ruby' | 'rust' | 'swift' | 'dart';

/** The language a skeleton is written in for an editor language id; TypeScript when none fits. */
export function snippetLanguageFor(languageId: string | undefined): SnippetLanguage {
  switch (languageId) {
    case 'typescript': case 'typescriptreact': return 'typescript';
    case 'javascript': case 'javascriptreact': return 'javascript';
    case 'python': case 'go': case 'java': case 'kotlin': case 'csharp': case 'php': case 'ruby': case 'rust': case 'swift': case 'dart':
      return languageId;
    default: return 'typescript';
  }
}

/** Text pieces; `placeholder` pieces become `${1:…}` in snippet form. */
type Piece = string | { placeholder: string };

const MAX_COMMENT = 100;

/** One line, nothing that ends the comment, at most MAX_COMMENT characters. */
export function commentText(text: string): string {
  let t = commentSafe(text);
  if (t.length > MAX_COMMENT) {
    // Cut at a word boundary when there is one in the last part.
    const cut = t.slice(0, MAX_COMMENT - 1);
    const space = cut.lastIndexOf(' ');
    t = `${(space > MAX_COMMENT * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }
  return t;
}


/** The caught error's usual name in each language's SDK examples (see the reference facts); PHP's is the error array. */
const ERROR_NAME: Record<SnippetLanguage, string> = {
  typescript: 'err', javascript: 'err', python: 'e', go: 'apiErr', java: 'e', kotlin: 'e', csharp: 'e', php: '$error',
  ruby: 'error', rust: 'err', swift: 'error', dart: 'error',
};

/** The case syntax a skeleton language is written with. */
function caseLanguage(lang: SnippetLanguage): CaseLanguage {
  return lang === 'typescript' || lang === 'javascript' ? 'js' : lang;
}

/**
 * The statement's head over the error `v` (a tab stop: renaming it renames every use), and its
 * default branch, which rethrows what it does not handle: its label and its body, on the label's
 * line (`inline`) or under it. In TypeScript a caught error is `unknown`: the head narrows it
 * before reading `code`.
 */
const FRAME: Record<CaseLanguage, { open: (v: Piece) => Piece[]; label: string; body: (v: Piece) => Piece[]; inline?: boolean; close?: string; flat?: boolean }> = {
  js: {
    open: (v) => ['switch (typeof ', v, " === 'object' && ", v, " !== null && 'code' in ", v, ' ? ', v, '.code : undefined) {'],
    label: 'default:', body: (v) => ['throw ', v, ';'], close: '}',
  },
  python: { open: (v) => ['match ', v, '.code:'], label: 'case _:', body: () => ['raise'] },
  go: { open: (v) => ['switch ', v, '.Code {'], label: 'default:', body: (v) => ['return ', v], close: '}', flat: true },
  java: { open: (v) => ['switch (', v, '.getCode()) {'], label: 'default ->', body: (v) => ['throw ', v, ';'], inline: true, close: '}' },
  kotlin: { open: (v) => ['when (', v, '.code) {'], label: 'else ->', body: (v) => ['throw ', v], inline: true, close: '}' },
  csharp: { open: (v) => ['switch (', v, '.Code)\n{'], label: 'default:', body: () => ['throw;'], close: '}' },
  // the legacy PHP SDK hands back an array: what to throw is the caller's exception, not the array
  php: { open: (v) => ['switch (', v, "['code']) {"], label: 'default:', body: () => ['throw $e;'], close: '}' },
  ruby: { open: (v) => ['case ', v, '.code'], label: 'else', body: () => ['raise'], close: 'end', flat: true },
  rust: { open: (v) => ['match ', v, '.code.as_str() {'], label: '_ =>', body: (v) => ['return Err(', v, ')'], inline: true, close: '}' },
  swift: { open: (v) => ['switch ', v, '.code {'], label: 'default:', body: (v) => ['throw ', v], close: '}', flat: true },
  // the Flutter SDK returns its UqpayError rather than throwing it; serverCode is the API's code
  dart: { open: (v) => ['switch (', v, '.serverCode) {'], label: 'default:', body: () => ['break;'], close: '}' },
};

/** Stands for the error's tab stop inside the text the shared renderer writes. */
const V = '\u0000';

function pieces(lang: SnippetLanguage, cases: readonly HandlerCase[], indent: string): Piece[] {
  const f = caseLanguage(lang);
  const frame = FRAME[f];
  const v: Piece = { placeholder: ERROR_NAME[lang] };
  // Go, Ruby and Swift put their labels at the statement's own indentation
  const i1 = frame.flat ? '' : indent;
  const i2 = i1 + indent;
  const out: Piece[] = [];
  const line = (...p: Piece[]) => out.push(...p, '\n');
  const body = frame.body(v);
  const bodyText = body.map((p) => (typeof p === 'string' ? p : V)).join('');
  // the new branches do what the default does, the rule the missing-cases fix follows: fall into
  // it where the language lets them, else repeat its body
  const fallback: Fallback = frame.inline ? { kind: 'repeat', inline: bodyText }
    : f === 'python' || f === 'ruby' ? { kind: 'repeat', block: [i2 + bodyText] } : { kind: 'fall' };
  const form = f === 'java' ? 'arrow' : defaultLabelForm(f);
  const style = { lang: f, form, caseIndent: i1, bodyIndent: i2, quote: f === 'js' || f === 'php' || f === 'dart' ? "'" : '"', value: false, commas: f === 'rust' } as const;
  line(...frame.open(v));
  // (the language only words a missing default, which a skeleton never has)
  const written = branchLines(style, fallback, cases.map((c) => ({ code: String(c.code), comment: commentText(c.comment) })), 'en');
  for (const l of written) line(...l.split(V).flatMap((part, k) => (k === 0 ? [part] : [v, part])));
  if (frame.inline) line(i1, frame.label, ' ', ...body, style.commas ? ',' : '');
  else {
    line(i1, frame.label);
    if (frame.close) line(i2, ...body);
    else out.push(i2, ...body);
  }
  if (frame.close) out.push(frame.close);
  return out;
}

/** Where a skeleton starts: on a new line (at the line's indentation) when the cursor follows code, as after `}`. */
export function snippetLead(lineBeforeCursor: string): string {
  return /^\s*$/.test(lineBeforeCursor) ? '' : `\n${/^[ \t]*/.exec(lineBeforeCursor)![0]}`;
}

/** The entries whose code the document does not name in a string literal already (it handles those). */
export function notYetHandled<T extends { code: string | number }>(entries: readonly T[], documentText: string): T[] {
  return entries.filter((e) => {
    const c = String(e.code);
    return !documentText.includes(`'${c}'`) && !documentText.includes(`"${c}"`) && !documentText.includes(`\`${c}\``);
  });
}

/** Escapes text for a VS Code snippet body: `$`, `}` and `\` are special there. */
export function escapeSnippetText(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export interface HandlerSkeleton {
  language: SnippetLanguage;
  /** Ready to paste. */
  text: string;
  /** For `insertSnippet`: the caught error is the first tab stop, mirrored wherever it is used. */
  snippet: string;
}

/**
 * The skeleton for `languageId` covering `cases` in order. `indent` is one level of the
 * editor's indentation (4 spaces unless told; Go gets a tab as gofmt wants).
 */
export function handlerSkeleton(languageId: string | undefined, cases: readonly HandlerCase[], indent?: string): HandlerSkeleton {
  const language = snippetLanguageFor(languageId);
  const unit = indent ?? (language === 'go' ? '\t' : '    ');
  const parts = pieces(language, cases, unit);
  let text = '';
  let snippet = '';
  let first = true;
  for (const p of parts) {
    if (typeof p === 'string') {
      text += p;
      snippet += escapeSnippetText(p);
    } else {
      text += p.placeholder;
      // one tab stop: its later uses mirror the first, so renaming the error renames them all
      snippet += first ? `\${1:${escapeSnippetText(p.placeholder)}}` : '$1';
      first = false;
    }
  }
  return { language, text, snippet };
}
