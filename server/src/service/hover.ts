import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { Catalog } from '../../../catalog/src/catalog';
import type { Lang } from '../../../catalog/src/types';
import type { Analysis } from './analysis';
import { codeMarkdown, typeMarkdown } from './describe';
import { isCode } from './languages';
import type { Play } from './sdk';
import { endpointNear, literalContext, narrowed, tokenAt } from './tokens';

/**
 * Hover on a catalog code (any string literal, JSON/YAML value, or a bare word in a log), on the
 * numeric code of an envelope-B body, and on a type name where a type is expected.
 */
export function doHover(catalog: Catalog, a: Analysis, document: TextDocument, position: Position, lang: Lang, play: Play = 'uqpay'): Hover | null {
  const offset = document.offsetAt(position);
  const tok = tokenAt(a, offset);
  if (!tok) return null;
  // Where nothing says UQPAY, code that names an error type is anyone's: Stripe's, OpenAI's and
  // Anthropic's errors are `{type, code, message}` too, with `api_error` and `invalid_request_error`.
  const inCode = isCode(a.languageId);
  const anyones = (value: unknown): boolean => play === 'neutral' && typeof value === 'string' && catalog.isType(value);
  const hover = (markdown: string, start: number, end: number): Hover => ({
    contents: { kind: 'markdown', value: markdown },
    range: { start: document.positionAt(start), end: document.positionAt(end) },
  });

  if (tok.kind === 'object') {
    const { object, field, token } = tok;
    if (object.inCode && anyones(token.value)) return null;
    if (field === 'type') {
      const def = typeof token.value === 'string' ? catalog.type(token.value) : undefined;
      return def ? hover(typeMarkdown(catalog, def, lang), token.start, token.end) : null;
    }
    const type = typeof object.type?.value === 'string' ? object.type.value : undefined;
    if (typeof token.value === 'number') {
      // only the envelope-B shape: a numeric code without a type
      const entries = catalog.byCode(token.value).filter((e) => e.envelope === 'B');
      // in code, a bare `code: 200` is anyone's number unless the file deals with UQPAY
      if (object.inCode && play !== 'uqpay') return null;
      return entries.length && !object.type ? hover(codeMarkdown(catalog, token.value, entries, lang), token.start, token.end) : null;
    }
    if (!catalog.isCode(token.value)) {
      const def = catalog.type(token.value);
      return def ? hover(typeMarkdown(catalog, def, lang), token.start, token.end) : null;
    }
    return hover(codeMarkdown(catalog, token.value, narrowed(catalog, token.value, { type }), lang), token.start, token.end);
  }

  if (tok.kind === 'literal') {
    const lit = tok.literal;
    if (lit.interpolated || (inCode && anyones(lit.value))) return null;
    // api_error and unauthorized_error are codes and types: the comparison decides
    const both = catalog.isCode(lit.value) && catalog.isType(lit.value);
    if (both && literalContext(a, tok)?.kind === 'type') return hover(typeMarkdown(catalog, catalog.type(lit.value)!, lang), lit.start, lit.end);
    // where nothing says UQPAY, a two-word code ('api_error', 'internal_error') is anyone's word
    if (catalog.isCode(lit.value) && play === 'neutral' && !/_.*_/.test(lit.value) && literalContext(a, tok)?.kind !== 'code') return null;
    if (catalog.isCode(lit.value)) {
      const endpoint = endpointNear(catalog, a.text, lit.start, tok.region.start);
      return hover(codeMarkdown(catalog, lit.value, narrowed(catalog, lit.value, { endpoint }), lang), lit.start, lit.end);
    }
    const ctx = catalog.isType(lit.value) || /^\d+$/.test(lit.value) ? literalContext(a, tok) : undefined;
    if (!ctx) return null;
    const def = catalog.type(lit.value);
    if (def) return hover(typeMarkdown(catalog, def, lang), lit.start, lit.end);
    // the Node SDK turns the envelope-B number into the string '200'
    const entries = ctx.kind === 'code' ? catalog.byCode(lit.value).filter((e) => e.envelope === 'B') : [];
    return entries.length ? hover(codeMarkdown(catalog, lit.value, entries, lang), lit.start, lit.end) : null;
  }

  if (catalog.isCode(tok.value)) return hover(codeMarkdown(catalog, tok.value, catalog.byCode(tok.value), lang), tok.start, tok.end);
  return null;
}
