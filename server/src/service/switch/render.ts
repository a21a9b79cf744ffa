/**
 * Writes the missing cases in the statement's own language, indentation and quote style, and
 * picks the one place to insert them (before the default branch, else at the end).
 */
import { branchLines, type BranchStyle, type CaseLanguage, type Fallback, type LabelForm } from '../../../../catalog/src/caseSyntax';
import type { Lang } from '../../../../catalog/src/types';
import type { Clause, SwitchStatement } from './find';
import { isIdentPart } from '../scanners/clike';
import type { Family } from '../scanners/types';

export interface CaseText {
  code: string;
  comment: string;
}

export interface Insertion {
  /** Offset in the document where `text` goes. */
  offset: number;
  text: string;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentOf(text: string, offset: number): string {
  const ls = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(ls, offset))![0];
}

/** The indentation of the whole line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];
}

/** True when only whitespace precedes `offset` on its line. */
function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

/** Indentation unit of the file: a tab when it indents with tabs, else its smallest space step. */
export function fileUnit(text: string, family: Family): string {
  const sample = text.slice(0, 20000);
  if (/^\t/m.test(sample) && !/^ {2}/m.test(sample)) return '\t';
  let min = Infinity;
  for (const m of sample.matchAll(/^( +)\S/gm)) min = Math.min(min, m[1]!.length);
  if (min !== Infinity && min >= 2 && min <= 8) return ' '.repeat(min);
  return family === 'go' ? '\t' : family === 'ruby' ? '  ' : '    ';
}

function quoteFor(s: SwitchStatement): '"' | "'" | '`' {
  const doubleOnly = ['java', 'csharp', 'kotlin', 'rust', 'swift'].includes(s.family);
  if (doubleOnly) return '"';
  for (const c of s.clauses) {
    for (const t of c.literals) {
      if (t.kind === 'str' && t.value !== undefined && t.quote) {
        if (t.quote === '`' && s.family !== 'go' && s.family !== 'js') continue;
        return t.quote as '"' | "'" | '`';
      }
    }
  }
  return s.family === 'php' || s.family === 'js' ? "'" : '"';
}

interface Layout {
  caseIndent: string;
  bodyIndent: string;
}

function layout(text: string, s: SwitchStatement): Layout {
  const kwIndent = indentOf(text, s.family === 'csharp' && s.form === 'arms' ? s.start : s.keyword.start);
  const unit = fileUnit(text, s.family);
  const firstOnLine = s.clauses.find((c) => startsLine(text, c.first.start));
  const caseIndent = firstOnLine
    ? indentOf(text, firstOnLine.first.start)
    : s.family === 'go' || s.family === 'swift' ? kwIndent : kwIndent + unit;
  let bodyIndent: string | undefined;
  for (const c of s.clauses) {
    const b = c.bodyFirst;
    if (!b || b.line === c.labelEnd.line || !startsLine(text, b.start)) continue;
    if (s.close && b.start >= s.close.start) continue;
    const ind = indentOf(text, b.start);
    if (ind.length > caseIndent.length) {
      bodyIndent = ind;
      break;
    }
  }
  if (!bodyIndent) {
    // The step from the statement's line to its cases, when it looks like one indentation level
    // (cases aligned under a keyword in mid-line, as in Ruby `x = case y`, are not).
    const diff = caseIndent.startsWith(kwIndent) ? caseIndent.slice(kwIndent.length) : '';
    const step = /^(\t{1,2}| {2,8})$/.test(diff) ? diff : unit;
    bodyIndent = caseIndent + step;
  }
  return { caseIndent, bodyIndent };
}

/** The lines of the new cases, each with its indentation (the rule: caseSyntax.ts `branchLines`). */
export function renderCases(text: string, s: SwitchStatement, cases: CaseText[], lang: Lang): string[] {
  const { caseIndent, bodyIndent } = layout(text, s);
  const f = s.family as CaseLanguage;
  const javaArrow = f === 'java' && s.clauses.some((c) => c.arrow);
  const form: LabelForm = s.form === 'arms' ? (f === 'kotlin' ? 'arrow' : 'arm')
    : javaArrow ? 'arrow' : s.form === 'ruby' ? (s.rubyIn ? 'in' : 'when') : 'case';
  const style: BranchStyle = {
    lang: f, form, caseIndent, bodyIndent, quote: quoteFor(s), value: s.valueNeeded, commas: s.form === 'arms' && f !== 'kotlin',
  };
  return branchLines(style, fallbackOf(text, s, form), cases, lang);
}

/** What the default branch does, in the form the new branches can copy. */
function fallbackOf(text: string, s: SwitchStatement, form: LabelForm): Fallback {
  const def = defaultClause(s);
  if (!def) return { kind: 'none' };
  const f = s.family;
  // C-like labels before the default fall into it; Go and Swift say `fallthrough` (not into
  // Swift's `@unknown default` or a case that binds a name, and not where branches are values)
  const falls = form === 'case' && (
    f === 'js' || f === 'java' || f === 'csharp' || f === 'php' || f === 'go' || (f === 'dart' && !def.binding) ||
    (f === 'swift' && !s.valueNeeded && def.first.text !== '@unknown' && !def.binding));
  if (falls) return { kind: 'fall' };
  const first = def.bodyFirst;
  const last = def.bodyLast;
  if (!first || !last) {
    // an empty default: Python cannot have one; a Ruby `else` with nothing yields nil, as an empty `when` does
    return { kind: 'repeat', block: [] };
  }
  // bind the name only where the body reads it (an unused binding is a warning in Rust and C#)
  const binding = def.binding && mentions(text.slice(first.start, last.end), def.binding.split(' ').pop()!) ? def.binding : undefined;
  const bind = binding ? { binding } : {};
  if (first.line === def.labelEnd.line) return { kind: 'repeat', inline: text.slice(first.start, last.end), ...bind };
  // the body's own lines, with their indentation: the new branches stand at the default's level
  const body = text.slice(lineStart(text, first.start), last.end);
  return { kind: 'repeat', block: body.split(/\r?\n/), ...bind };
}

/** Whether `name` stands in `text` as a whole identifier. */
function mentions(text: string, name: string): boolean {
  for (let k = text.indexOf(name); k >= 0; k = text.indexOf(name, k + 1)) {
    if (!isIdentPart(text.charCodeAt(k - 1)) && !isIdentPart(text.charCodeAt(k + name.length))) return true;
  }
  return false;
}

function defaultClause(s: SwitchStatement): Clause | undefined {
  return s.clauses.find((c) => c.kind === 'default');
}

/** Arms separated by commas need one after the last arm before new arms follow it. */
function needsComma(s: SwitchStatement): boolean {
  if (s.form !== 'arms' || s.family === 'kotlin') return false;
  const last = s.lastBodyToken;
  return last !== s.open && last.text !== ',';
}

/** Where and what to insert: one insertion, nothing else in the document changes. */
export function insertion(text: string, s: SwitchStatement, lines: string[]): Insertion {
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const block = lines.join(nl);
  const def = defaultClause(s);
  if (def) {
    const at = def.first.start;
    if (startsLine(text, at)) return { offset: lineStart(text, at), text: block + nl };
    return { offset: at, text: block.trimStart() + nl + indentOf(text, at) };
  }
  if (!s.close) {
    // Python: after the last line of the block.
    const e = text.indexOf('\n', s.lastBodyToken.end);
    const at = e < 0 ? text.length : text[e - 1] === '\r' ? e - 1 : e;
    return { offset: at, text: nl + block };
  }
  const comma = needsComma(s);
  const close = s.close;
  if (!comma && startsLine(text, close.start)) return { offset: lineStart(text, close.start), text: block + nl };
  if (comma) {
    const rest = text.slice(s.lastBodyToken.end, close.start);
    const closeOwnLine = /\n/.test(rest);
    return {
      offset: s.lastBodyToken.end,
      text: ',' + nl + block + (closeOwnLine ? '' : nl + indentOf(text, close.start)),
    };
  }
  return { offset: close.start, text: nl + block + nl + indentOf(text, close.start) };
}
