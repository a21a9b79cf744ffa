/**
 * Decides whether a switch is over UQPAY error codes, which catalog group(s) it handles and
 * which codes of those groups it does not handle yet.
 */
import type { Catalog } from '../../../../catalog/src/catalog';
import type { ErrorEntry, Group } from '../../../../catalog/src/types';
import { CODE_MEMBERS, CONVERSIONS, OTHER_MEMBERS } from '../members';
import type { SwitchStatement } from './find';
import type { Token } from './tokens';

export interface MissingCase {
  code: string;
  entry: ErrorEntry;
}

export interface SwitchAnalysis {
  groups: Group[];
  /** Codes (as the statement would spell them) the statement handles. */
  present: string[];
  /** Codes of the groups, in catalog order, that no case handles. */
  missing: MissingCase[];
  /** How many codes the groups hold in all. */
  total: number;
}

/** The last member name of a subject expression, after value-preserving conversions. */
export function subjectMember(subject: readonly Token[]): string | undefined {
  const idents: string[] = [];
  let depth = 0;
  for (const t of subject) {
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    else if (depth === 0 && t.kind === 'ident') idents.push(t.text.replace(/^\$/, ''));
  }
  // Go `string(apiErr.Code)`, Swift `String(describing:)`: the member is inside the call.
  if (idents.length <= 1 && subject.length > 2) {
    const inner = subject.filter((t) => t.kind === 'ident').map((t) => t.text.replace(/^\$/, ''));
    if (inner.length > idents.length) return lastMeaningful(inner);
  }
  return lastMeaningful(idents);
}

function lastMeaningful(idents: string[]): string | undefined {
  for (let k = idents.length - 1; k >= 0; k--) {
    if (!CONVERSIONS.has(idents[k]!)) return idents[k];
  }
  return undefined;
}

function literalValue(t: Token): string | number | undefined {
  if (t.kind === 'str') return t.value;
  if (t.kind === 'num' && /^\d+$/.test(t.text)) return Number(t.text);
  return undefined;
}

/** Null when the statement is not over error codes or handles no catalog code. */
export function analyzeSwitch(s: SwitchStatement, catalog: Catalog): SwitchAnalysis | null {
  const member = subjectMember(s.subject);
  if (member && OTHER_MEMBERS.has(member)) return null;
  const subjectIsCode = !!member && CODE_MEMBERS.has(member);
  const present = new Set<string>();
  let codeLiterals = 0;
  let typeOnlyLiterals = 0;
  const found: ErrorEntry[][] = [];
  for (const c of s.clauses) {
    for (const t of c.literals) {
      const v = literalValue(t);
      if (v === undefined) continue;
      const entries = catalog.byCode(v);
      if (typeof v === 'string') {
        if (catalog.isCode(v)) codeLiterals++;
        else if (catalog.isType(v)) typeOnlyLiterals++;
      }
      if (entries.length) {
        present.add(String(v));
        found.push(entries);
      }
    }
  }
  if (!subjectIsCode && (codeLiterals === 0 || typeOnlyLiterals > codeLiterals)) return null;
  if (found.length === 0) return null;
  // Group(s): a code in one group decides it; a shared code (e.g. api_error) takes the group(s)
  // its companions decide, else the groups other shared codes have in common with it, else all.
  const groups = new Set<Group>();
  const anchors = new Set<Group>();
  const shared: { code: string; own: Group[] }[] = [];
  for (const entries of found) {
    const own = [...new Set(entries.map((e) => e.group))];
    if (own.length === 1) anchors.add(own[0]!);
    else shared.push({ code: String(entries[0]!.code), own });
  }
  for (const g of anchors) groups.add(g);
  for (const { code, own } of shared) {
    let pick = own.filter((g) => anchors.has(g));
    if (!pick.length) {
      const others = new Set(shared.filter((o) => o.code !== code).flatMap((o) => o.own));
      pick = own.filter((g) => others.has(g));
    }
    for (const g of pick.length ? pick : own) groups.add(g);
  }
  const missing: MissingCase[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const e of catalog.entries) {
    if (!groups.has(e.group)) continue;
    const code = String(e.code);
    if (seen.has(code)) continue;
    seen.add(code);
    total++;
    if (!present.has(code)) missing.push({ code, entry: e });
  }
  return { groups: [...groups], present: [...present], missing, total };
}
