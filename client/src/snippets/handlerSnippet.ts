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


/** The subject each language's SDK exposes the code on (see the reference facts). */
const SUBJECT: Record<SnippetLanguage, string> = {
  typescript: 'err.code',
  javascript: 'err.code',
  python: 'e.code',
  go: 'apiErr.Code',
  java: 'e.getCode()',
  kotlin: 'e.code',
  csharp: 'e.Code',
  php: "$error['code']",
  ruby: 'error.code',
  rust: 'err.code.as_str()',
  swift: 'error.code',
};

/** The case syntax a skeleton language is written with. */
function caseLanguage(lang: SnippetLanguage): CaseLanguage {
  return lang === 'typescript' || lang === 'javascript' ? 'js' : lang;
}

/** The statement's head, and its default branch with what it does (rethrow). */
const FRAME: Record<CaseLanguage, { open: (subj: Piece) => Piece[]; fallback: string[]; close?: string; flat?: boolean }> = {
  js: { open: (s) => ['switch (', s, ') {'], fallback: ['default:', 'throw err;'], close: '}' },
  python: { open: (s) => ['match ', s, ':'], fallback: ['case _:', 'raise'] },
  go: { open: (s) => ['switch ', s, ' {'], fallback: ['default:', 'return err'], close: '}', flat: true },
  java: { open: (s) => ['switch (', s, ') {'], fallback: ['default -> throw e;'], close: '}' },
  kotlin: { open: (s) => ['when (', s, ') {'], fallback: ['else -> throw e'], close: '}' },
  csharp: { open: (s) => ['switch (', s, ')\n{'], fallback: ['default:', 'throw;'], close: '}' },
  php: { open: (s) => ['switch (', s, ') {'], fallback: ['default:', 'throw $e;'], close: '}' },
  ruby: { open: (s) => ['case ', s], fallback: ['else', 'raise'], close: 'end', flat: true },
  rust: { open: (s) => ['match ', s, ' {'], fallback: ['_ => return Err(err),'], close: '}' },
  swift: { open: (s) => ['switch ', s, ' {'], fallback: ['default:', 'throw error'], close: '}', flat: true },
};

function pieces(lang: SnippetLanguage, cases: readonly HandlerCase[], indent: string): Piece[] {
  const f = caseLanguage(lang);
  const frame = FRAME[f];
  const q = f === 'js' || f === 'php' ? "'" : '"';
  // Go, Ruby and Swift put their labels at the statement's own indentation
  const i1 = frame.flat ? '' : indent;
  const i2 = i1 + indent;
  const out: Piece[] = [];
  const line = (...p: Piece[]) => out.push(...p, '\n');
  const form = defaultLabelForm(f);
  // Java's arrow form and Kotlin/Rust arms hold a block; the others fall into their statements
  const block = f === 'java' || form !== 'case' && form !== 'when';
  line(...frame.open({ placeholder: SUBJECT[lang] }));
  for (const c of cases) {
    const label = caseLabel(f, quoteCode(String(c.code), q), f === 'java' ? 'arrow' : form);
    line(i1, block ? `${label} {` : label);
    line(i2, lineComment(f, commentText(c.comment)));
    if (block) line(i1, '}');
    else if (branchEnd(f)) line(i2, branchEnd(f));
  }
  const [head, body] = frame.fallback;
  if (body === undefined) line(i1, head!);
  else {
    line(i1, head!);
    if (frame.close) line(i2, body);
    else out.push(i2, body);
  }
  if (frame.close) out.push(frame.close);
  return out;
}

/** Escapes text for a VS Code snippet body: `$`, `}` and `\` are special there. */
export function escapeSnippetText(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export interface HandlerSkeleton {
  language: SnippetLanguage;
  /** Ready to paste. */
  text: string;
  /** For `insertSnippet`: the code expression is the first tab stop. */
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
  for (const p of parts) {
    if (typeof p === 'string') {
      text += p;
      snippet += escapeSnippetText(p);
    } else {
      text += p.placeholder;
      snippet += `\${1:${escapeSnippetText(p.placeholder)}}`;
    }
  }
  return { language, text, snippet };
}
