import type { Catalog } from '../../../catalog/src/catalog';
import type { Analysis } from './analysis';
import { isIdent, isWs } from './expressions';
import { literalContext, type TokenAt } from './tokens';

/**
 * What completion reads around a literal beyond its comparison context (context.ts), with the
 * catalog at hand: a type compared nearby, which ranks that type's codes first, and lists or maps
 * whose other entries are catalog codes. Completion only: diagnostics never rely on these.
 */

type LiteralToken = Extract<TokenAt, { kind: 'literal' }>;

/** How far back a compared type is looked for. */
const TYPE_REACH = 300;

/** A catalog type the code compares with just before the literal, or later on its line. */
export function typeNear(catalog: Catalog, a: Analysis, tok: LiteralToken): string | undefined {
  const lits = tok.region.literals;
  const at = lits[tok.index];
  const eol = a.text.indexOf('\n', at.end);
  const lineEnd = eol < 0 ? tok.region.end : eol;
  const fits = (k: number): string | undefined => {
    const l = lits[k];
    if (l.interpolated || !l.terminated || !catalog.isType(l.value)) return undefined;
    return literalContext(a, { ...tok, index: k, literal: l })?.kind === 'type' ? l.value : undefined;
  };
  for (let k = tok.index - 1; k >= 0 && k >= tok.index - 8 && lits[k].end >= at.start - TYPE_REACH; k--) {
    const t = fits(k);
    if (t) return t;
  }
  for (let k = tok.index + 1; k < lits.length && k <= tok.index + 4 && lits[k].start < lineEnd; k++) {
    const t = fits(k);
    if (t) return t;
  }
  return undefined;
}

/** `retryable_codes = [`, `FATAL_CODES: set[str] = {`, `val fatalCodes = setOf(`, `var retryCodes = []string{`. */
const CODES_LIST = /\b\w*codes\s*(?::[^=\n]*)?=\s*(?:new\s+[\w.<>[\]]*\s*|\[\]\w+\s*|(?:set|frozenset|tuple|list|listOf|setOf|arrayOf|mutableListOf|mutableSetOf|hashSetOf|Set\.of|List\.of|Arrays\.asList|array)\s*)?\(?\s*$/i;

/**
 * A list item or map key among catalog codes (`RETRYABLE = ['api_error', '…']`, `ADVICE = {
 * 'refund_processing': …, '…': … }`), or the first item of a list named like codes (`retryable_codes
 * = ['…`): where the hover reads the neighbours as codes, completion offers codes.
 */
export function amongCodes(catalog: Catalog, a: Analysis, tok: LiteralToken): boolean {
  const text = a.text;
  const lits = tok.region.literals;
  const min = tok.region.start;
  const back = (p: number): number => {
    while (p >= min && isWs(text.charCodeAt(p))) p--;
    return p;
  };
  const fwd = (p: number): number => {
    while (p < tok.region.end && isWs(text.charCodeAt(p))) p++;
    return p;
  };
  const isKey = (k: number): boolean => {
    const f = fwd(lits[k].end);
    const c = text.charCodeAt(f);
    return c === 58 || (c === 61 && text.charCodeAt(f + 1) === 62);
  };
  const code = (k: number): boolean => !lits[k].interpolated && catalog.isCode(lits[k].value);
  const i = tok.index;
  let first = -1; // where the scan of a list stopped: the opener of a first item
  // the items (or keys) before it in the same brackets, nearest first
  const scan = (key: boolean): boolean => {
    let q = back(tok.literal.start - 1);
    for (let k = i - 1, hops = 0; k >= 0 && hops < 16; k--, hops++) {
      if (text.charCodeAt(q) !== 44) break;
      const end = back(q - 1);
      if (key) {
        // a map: the previous entry's value ends at `end`; its key is the literal before `:`/`=>`
        let j = k;
        while (j >= 0 && lits[j].end > end + 1) j--;
        while (j >= 0 && !isKey(j) && end - lits[j].end < 400) j--;
        if (j < 0 || !isKey(j)) break;
        if (code(j)) return true;
        q = back(lits[j].start - 1);
        k = j;
      } else {
        if (lits[k].end - 1 !== end) break;
        if (code(k)) return true;
        q = back(lits[k].start - 1);
      }
    }
    first = q;
    return false;
  };
  // a key left open at the end of its line has no `:` yet: either
  if (tok.literal.terminated && isKey(i)) return scan(true);
  if (scan(false)) return true;
  const q = first;
  if (!tok.literal.terminated && scan(true)) return true;
  // the first item: a list assigned to a name ending in `codes`
  const opener = text.charCodeAt(q);
  if (opener !== 91 && opener !== 40 && opener !== 123) return false;
  const head = text.slice(Math.max(min, q - 80), q);
  return CODES_LIST.test(head) && !/(?:status|http)\w*codes\s*(?::[^=\n]*)?=[^=]*$/i.test(head);
}

/** `"code": "ret` at the cursor, its quotes escaped or not (`\"code\":\"ret` in Java/Go/C# strings). */
const JSON_CODE_TYPED = /\\?"code\\?"\s*:\s*\\?"(\w*)$/;
const JSON_TYPE = /\\?"type\\?"\s*:\s*\\?"(\w+)\\?"/;

/**
 * JSON typed inside a string literal whose own quote is still open (`'{"type": "refund_error",
 * "code": "ret`, a Go/JS backtick left open): the body scanner never sees it, so completion reads
 * the code value being typed and its sibling `type` (after the body's last `{`) here.
 */
export function openJsonCode(text: string, lit: { cStart: number }, offset: number): { start: number; end: number; type?: string } | undefined {
  const head = text.slice(Math.max(lit.cStart, offset - 2000), offset);
  const m = JSON_CODE_TYPED.exec(head);
  if (!m) return undefined;
  const body = head.slice(head.lastIndexOf('{', m.index) + 1, m.index);
  let end = offset;
  while (isIdent(text.charCodeAt(end))) end++;
  return { start: offset - m[1].length, end, type: JSON_TYPE.exec(body)?.[1] };
}
