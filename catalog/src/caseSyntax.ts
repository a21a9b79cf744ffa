/**
 * How each language we generate code for spells one branch of a switch over error codes: the
 * label, the comment, the statement that ends a branch. The handler skeletons (client snippets)
 * and the missing-cases fix (server) both write their cases with these.
 */

/** The languages we write branches in (the scanners' family names). */
export type CaseLanguage = 'js' | 'java' | 'csharp' | 'go' | 'php' | 'python' | 'kotlin' | 'rust' | 'ruby' | 'swift';

/**
 * `case X:` (C-like switch, Go, Swift, Python match), `case X ->` (Java arrow; Kotlin `X ->`),
 * `X =>` (Rust, C# switch expression, PHP match), `when X` / `in X` (Ruby).
 */
export type LabelForm = 'case' | 'arrow' | 'arm' | 'when' | 'in';

/** The label form of the language's usual switch statement. */
export function defaultLabelForm(lang: CaseLanguage): LabelForm {
  return lang === 'kotlin' ? 'arrow' : lang === 'rust' ? 'arm' : lang === 'ruby' ? 'when' : 'case';
}

/** A code as a string literal with quote `q` (backquoted strings take no escapes). */
export function quoteCode(code: string, q: '"' | "'" | '`'): string {
  const body = q === '`' ? code : code.replace(/\\/g, '\\\\').split(q).join('\\' + q);
  return q + body + q;
}

/** The label of a branch for an already quoted code. */
export function caseLabel(lang: CaseLanguage, quoted: string, form: LabelForm = defaultLabelForm(lang)): string {
  switch (form) {
    case 'case': return `case ${quoted}:`;
    case 'arrow': return lang === 'kotlin' ? `${quoted} ->` : `case ${quoted} ->`;
    case 'arm': return `${quoted} =>`;
    case 'when': return `when ${quoted}`;
    case 'in': return `in ${quoted}`;
  }
}

/** A comment on its own line. */
export function lineComment(lang: CaseLanguage, text: string): string {
  return `${lang === 'python' || lang === 'ruby' ? '#' : '//'} ${text}`;
}

/** A comment after code on the same line (PEP 8 puts two spaces before a Python one). */
export function trailingComment(lang: CaseLanguage, text: string): string {
  return `${lang === 'python' ? '  ' : ' '}${lineComment(lang, text)}`;
}

/** What ends a branch of a `case X:` switch that does nothing more ('' where branches do not fall through). */
export function branchEnd(lang: CaseLanguage): string {
  switch (lang) {
    case 'js': case 'java': case 'csharp': case 'php': return 'break;';
    case 'swift': return 'break';
    case 'python': return 'pass';
    default: return '';
  }
}
