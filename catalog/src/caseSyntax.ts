/**
 * How each language we generate code for spells one branch of a switch over error codes, and
 * the one rule for what a new branch does: what the statement's default does today (fall into
 * it, else repeat its body), or, without a default, an explicit "not handled yet". The handler
 * skeletons (client snippets) and the missing-cases fix (server) both write their cases with
 * `branchLines`.
 */
import type { Lang } from './types';

/** The languages we write branches in (the scanners' family names). */
export type CaseLanguage = 'js' | 'java' | 'csharp' | 'go' | 'php' | 'python' | 'kotlin' | 'rust' | 'ruby' | 'swift' | 'dart';

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
    case 'js': case 'java': case 'csharp': case 'php': case 'dart': return 'break;';
    case 'swift': return 'break';
    case 'python': return 'pass';
    default: return '';
  }
}

/** What the statement's default branch does, which the new branches must do too. */
export type Fallback =
  /** The new branches go right before the default and reach its body: C-like labels, Go/Swift `fallthrough`. */
  | { kind: 'fall' }
  /**
   * A branch cannot reach the default: repeat its body as written, `inline` after the label, or
   * `block` lines (each with its own indentation) under it. `binding`: the default names the
   * subject (`other`, `var other`, `let other`) and the body uses it.
   */
  | { kind: 'repeat'; inline?: string; block?: string[]; binding?: string }
  /** No default branch: an explicit "not handled yet" that compiles where the statement stands. */
  | { kind: 'none' };

export interface BranchStyle {
  lang: CaseLanguage;
  form: LabelForm;
  caseIndent: string;
  bodyIndent: string;
  quote: '"' | "'" | '`';
  /** The statement is used as a value. */
  value: boolean;
  /** Arms are separated by commas (Rust, C# switch expression, PHP match, Dart switch expression). */
  commas: boolean;
}

const NOT_HANDLED: Record<Lang, string> = { en: 'TODO: not handled yet', 'zh-CN': 'TODO：尚未处理' };

/** The pattern for a code in a branch that still binds the default's name for the subject. */
function boundPattern(lang: CaseLanguage, quoted: string, binding: string): string {
  const name = binding.split(' ').pop()!;
  switch (lang) {
    case 'rust': return `${name} @ ${quoted}`;
    case 'python': return `${quoted} as ${name}`;
    case 'csharp': return `${quoted} and ${binding}`;
    case 'swift': return `${binding} where ${name} == ${quoted}`;
    case 'dart': return `${quoted} && ${binding}`;
    default: return quoted;
  }
}

/** What a branch yields in value position when there is no default to copy. */
function notHandledValue(lang: CaseLanguage, quoted: string, q: BranchStyle['quote']): string {
  const msg = (m: string) => quoteCode(m, q === '`' ? '"' : q);
  switch (lang) {
    case 'kotlin': return 'TODO("not handled yet")';
    case 'rust': return 'todo!("not handled yet")';
    // what the runtime throws today when no arm matches
    case 'csharp': return `throw new System.Runtime.CompilerServices.SwitchExpressionException(${quoted})`;
    case 'php': return `throw new \\UnhandledMatchError(${msg('not handled yet')})`;
    case 'java': return 'throw new UnsupportedOperationException("not handled yet")';
    case 'swift': return 'fatalError("not handled yet")';
    case 'dart': return `throw UnimplementedError(${msg('not handled yet')})`;
    default: throw new Error(`${lang} has no value branches`); // the fix catches it and offers nothing
  }
}


/**
 * The lines of the new branches, each with its indentation: one per code, with the advice as a
 * comment, doing what `fallback` says.
 */
export function branchLines(style: BranchStyle, fallback: Fallback, cases: readonly { code: string; comment: string }[], lang: Lang): string[] {
  const { lang: f, form, caseIndent: ci, bodyIndent: bi, quote: q, value, commas } = style;
  const out: string[] = [];
  const comma = commas ? ',' : '';
  const todo = NOT_HANDLED[lang];
  // Go and Ruby keep the advice as the first line of the body
  const commentInBody = f === 'go' || f === 'ruby';
  const label = (quoted: string): string => caseLabel(f, quoted, form);
  switch (fallback.kind) {
    case 'fall':
      for (const c of cases) {
        const quoted = quoteCode(c.code, q);
        if (f === 'go') out.push(`${ci}${label(quoted)}`, `${bi}${lineComment(f, c.comment)}`, `${bi}fallthrough`);
        else if (f === 'swift') out.push(`${ci}${label(quoted)}${trailingComment(f, c.comment)}`, `${bi}fallthrough`);
        else out.push(`${ci}${label(quoted)}${trailingComment(f, c.comment)}`);
      }
      return out;
    case 'repeat':
      for (const c of cases) {
        const quoted = quoteCode(c.code, q);
        const pattern = fallback.binding ? boundPattern(f, quoted, fallback.binding) : quoted;
        const head = `${ci}${label(pattern)}`;
        if (fallback.inline !== undefined) {
          const sep = form === 'when' || form === 'in' ? ' then ' : ' ';
          const line = `${head}${sep}${fallback.inline}${comma}`;
          // a body spanning lines takes its comment above the branch
          if (line.includes('\n')) out.push(`${ci}${lineComment(f, c.comment)}`, line);
          else out.push(`${line}${trailingComment(f, c.comment)}`);
        } else {
          const block = [...(fallback.block ?? [])];
          if (commentInBody) out.push(head, `${bi}${lineComment(f, c.comment)}`);
          else out.push(`${head}${trailingComment(f, c.comment)}`);
          if (comma && block.length) block[block.length - 1] += comma;
          out.push(...block);
        }
      }
      return out;
    case 'none':
      if (form === 'case' && (f === 'js' || f === 'java' || f === 'csharp' || f === 'php' || f === 'dart')) {
        // C-like: the labels share one body
        for (const c of cases) out.push(`${ci}${label(quoteCode(c.code, q))}${trailingComment(f, c.comment)}`);
        out.push(`${bi}${lineComment(f, todo)}`);
        out.push(value && f === 'java' ? `${bi}${notHandledValue(f, '', q)};` : `${bi}${branchEnd(f)}`);
        return out;
      }
      // a value arm says it in its body; elsewhere one line says it for the new branches
      if (!(value && (form === 'arrow' || form === 'arm' || f === 'swift'))) out.push(`${ci}${lineComment(f, todo)}`);
      for (const c of cases) {
        const quoted = quoteCode(c.code, q);
        if (form === 'arrow' || form === 'arm') {
          // in statement position an empty block does what the missing default did: nothing
          const body = value ? notHandledValue(f, quoted, q) + (f === 'java' ? ';' : '') : f === 'kotlin' || f === 'java' ? '{ }' : '{}';
          out.push(`${ci}${label(quoted)} ${body}${comma}${trailingComment(f, c.comment)}`);
        } else if (commentInBody) {
          out.push(`${ci}${label(quoted)}`, `${bi}${lineComment(f, c.comment)}`);
          // Ruby's `case … in` raises when nothing matches: keep doing so
          if (form === 'in') out.push(`${bi}raise NoMatchingPatternError, ${quoted}`);
        } else {
          out.push(`${ci}${label(quoted)}${trailingComment(f, c.comment)}`);
          out.push(`${bi}${value && f === 'swift' ? notHandledValue(f, quoted, q) : branchEnd(f)}`);
        }
      }
      return out;
  }
}
