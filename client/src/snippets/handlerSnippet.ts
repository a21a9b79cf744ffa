/**
 * A handler skeleton for a set of error codes in an editor's language: a switch/match/when with
 * one case per code and a one-line comment saying what to do. Used by "Insert Error Handler" (as a
 * snippet with a placeholder for the code expression) and by the catalog's "Copy handler snippet"
 * (as plain text). Pure: no vscode import.
 */

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

const dq = (s: string): string => JSON.stringify(s);
const sq = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

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

function pieces(lang: SnippetLanguage, cases: readonly HandlerCase[], indent: string): Piece[] {
  const subj: Piece = { placeholder: SUBJECT[lang] };
  const i1 = indent;
  const i2 = indent + indent;
  const out: Piece[] = [];
  const line = (...p: Piece[]) => out.push(...p, '\n');
  const items = cases.map((c) => ({ code: String(c.code), comment: commentText(c.comment) }));
  switch (lang) {
    case 'typescript':
    case 'javascript':
      line('switch (', subj, ') {');
      for (const c of items) {
        line(i1, `case ${sq(c.code)}:`);
        line(i2, `// ${c.comment}`);
        line(i2, 'break;');
      }
      line(i1, 'default:');
      line(i2, 'throw err;');
      out.push('}');
      break;
    case 'python':
      line('match ', subj, ':');
      for (const c of items) {
        line(i1, `case ${dq(c.code)}:`);
        line(i2, `# ${c.comment}`);
        line(i2, 'pass');
      }
      line(i1, 'case _:');
      out.push(i2, 'raise');
      break;
    case 'go':
      line('switch ', subj, ' {');
      for (const c of items) {
        line(`case ${dq(c.code)}:`);
        line(i1, `// ${c.comment}`);
      }
      line('default:');
      line(i1, 'return err');
      out.push('}');
      break;
    case 'java':
      line('switch (', subj, ') {');
      for (const c of items) {
        line(i1, `case ${dq(c.code)} -> {`);
        line(i2, `// ${c.comment}`);
        line(i1, '}');
      }
      line(i1, 'default -> throw e;');
      out.push('}');
      break;
    case 'kotlin':
      line('when (', subj, ') {');
      for (const c of items) {
        line(i1, `${dq(c.code)} -> {`);
        line(i2, `// ${c.comment}`);
        line(i1, '}');
      }
      line(i1, 'else -> throw e');
      out.push('}');
      break;
    case 'csharp':
      line('switch (', subj, ')');
      line('{');
      for (const c of items) {
        line(i1, `case ${dq(c.code)}:`);
        line(i2, `// ${c.comment}`);
        line(i2, 'break;');
      }
      line(i1, 'default:');
      line(i2, 'throw;');
      out.push('}');
      break;
    case 'php':
      line('switch (', subj, ') {');
      for (const c of items) {
        line(i1, `case ${sq(c.code)}:`);
        line(i2, `// ${c.comment}`);
        line(i2, 'break;');
      }
      line(i1, 'default:');
      line(i2, 'throw $e;');
      out.push('}');
      break;
    case 'ruby':
      line('case ', subj);
      for (const c of items) {
        line(`when ${dq(c.code)}`);
        line(i1, `# ${c.comment}`);
      }
      line('else');
      line(i1, 'raise');
      out.push('end');
      break;
    case 'rust':
      line('match ', subj, ' {');
      for (const c of items) {
        line(i1, `${dq(c.code)} => {`);
        line(i2, `// ${c.comment}`);
        line(i1, '}');
      }
      line(i1, '_ => return Err(err),');
      out.push('}');
      break;
    case 'swift':
      line('switch ', subj, ' {');
      for (const c of items) {
        line(`case ${dq(c.code)}:`);
        line(i1, `// ${c.comment}`);
        line(i1, 'break');
      }
      line('default:');
      line(i1, 'throw error');
      out.push('}');
      break;
  }
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
