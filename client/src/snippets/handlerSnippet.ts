/**
 * A handler skeleton for a set of error codes in an editor's language: a switch/match/when with
 * one case per code and a one-line comment saying what to do. Used by "Insert Error Handler" (as a
 * snippet with a placeholder for the code expression) and by the catalog's "Copy handler snippet"
 * (as plain text). Pure: no vscode import.
 */

import { branchEnd, caseLabel, defaultLabelForm, lineComment, quoteCode, type CaseLanguage } from '../../../catalog/src/caseSyntax';
import { commentSafe } from '../../../catalog/src/commentSafe';

export interface HandlerCase {
  code: string | number;
  /** One line of what to do; shortened and made comment-safe here. */
  comment: string;
}

export type SnippetLanguage =
  | 'typescript' | 'javascript' | 'python' | 'go' | 'java' | 'kotlin' | 'csharp' | 'php' | 'ruby' | 'rust' | 'swift';

/** The language a skeleton is written in for an editor language id; TypeScript when none fits. */
export function snippetLanguageFor(languageId: string | undefined): SnippetLanguage {
  switch (languageId) {
    case 'typescript': case 'typescriptreact': return 'typescript';
    case 'javascript': case 'javascriptreact': return 'javascript';
    case 'python': case 'go': case 'java': case 'kotlin': case 'csharp': case 'php': case 'ruby': case 'rust': case 'swift':
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
  ruby: 'error', rust: 'err', swift: 'error',
};

/** The case syntax a skeleton language is written with. */
function caseLanguage(lang: SnippetLanguage): CaseLanguage {
  return lang === 'typescript' || lang === 'javascript' ? 'js' : lang;
}

/**
 * The statement's head over the error `v` (a tab stop: renaming it renames every use), and its
 * default branch, which rethrows what it does not handle. In TypeScript a caught error is
 * `unknown`: the head narrows it before reading `code`.
 */
const FRAME: Record<CaseLanguage, { open: (v: Piece) => Piece[]; fallback: (v: Piece) => Piece[][]; close?: string; flat?: boolean }> = {
  js: {
    open: (v) => ['switch (typeof ', v, " === 'object' && ", v, " !== null && 'code' in ", v, ' ? ', v, '.code : undefined) {'],
    fallback: (v) => [['default:'], ['throw ', v, ';']], close: '}',
  },
  python: { open: (v) => ['match ', v, '.code:'], fallback: () => [['case _:'], ['raise']] },
  go: { open: (v) => ['switch ', v, '.Code {'], fallback: (v) => [['default:'], ['return ', v]], close: '}', flat: true },
  java: { open: (v) => ['switch (', v, '.getCode()) {'], fallback: (v) => [['default -> throw ', v, ';']], close: '}' },
  kotlin: { open: (v) => ['when (', v, '.code) {'], fallback: (v) => [['else -> throw ', v]], close: '}' },
  csharp: { open: (v) => ['switch (', v, '.Code)\n{'], fallback: () => [['default:'], ['throw;']], close: '}' },
  // the legacy PHP SDK hands back an array: what to throw is the caller's exception, not the array
  php: { open: (v) => ['switch (', v, "['code']) {"], fallback: () => [['default:'], ['throw $e;']], close: '}' },
  ruby: { open: (v) => ['case ', v, '.code'], fallback: () => [['else'], ['raise']], close: 'end', flat: true },
  rust: { open: (v) => ['match ', v, '.code.as_str() {'], fallback: (v) => [['_ => return Err(', v, '),']], close: '}' },
  swift: { open: (v) => ['switch ', v, '.code {'], fallback: (v) => [['default:'], ['throw ', v]], close: '}', flat: true },
};

function pieces(lang: SnippetLanguage, cases: readonly HandlerCase[], indent: string): Piece[] {
  const f = caseLanguage(lang);
  const frame = FRAME[f];
  const v: Piece = { placeholder: ERROR_NAME[lang] };
  const q = f === 'js' || f === 'php' ? "'" : '"';
  // Go, Ruby and Swift put their labels at the statement's own indentation
  const i1 = frame.flat ? '' : indent;
  const i2 = i1 + indent;
  const out: Piece[] = [];
  const line = (...p: Piece[]) => out.push(...p, '\n');
  const form = defaultLabelForm(f);
  // Java's arrow form and Kotlin/Rust arms hold a block; the others fall into their statements
  const block = f === 'java' || form !== 'case' && form !== 'when';
  line(...frame.open(v));
  for (const c of cases) {
    const label = caseLabel(f, quoteCode(String(c.code), q), f === 'java' ? 'arrow' : form);
    line(i1, block ? `${label} {` : label);
    line(i2, lineComment(f, commentText(c.comment)));
    if (block) line(i1, '}');
    else if (branchEnd(f)) line(i2, branchEnd(f));
  }
  const [head, body] = frame.fallback(v);
  if (body === undefined) line(i1, ...head!);
  else {
    line(i1, ...head!);
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
