import type { LiteralContext } from './context';
import { shapeFieldBefore } from './bodyShapes';
import { classify, lastMemberBack, skipWsBack } from './expressions';
import type { Literal } from './scanners/types';

/**
 * Where a literal names an error type or code by its position rather than by a comparison: the
 * value of a `type`/`code` key in an object literal, dict, map, struct or keyword argument
 * (`type: 'not_found'`, `"type" => "…"`, `Type: "…"`, `code="…"`), a named argument or parameter
 * default called `type` or `…Type` after a word that says error (Kotlin `type: String? = "…"`, Dart
 * `envelopeType: '…'`; not `contentType`, whose completion would offer error types); a member of a type alias named
 * like a type (`type ErrorType = | 'not_found' | …`); a value returned by a function whose name says
 * it gives a type (`inferType`, `_infer_error_type`: a status → type table); an assignment to an
 * error's `code`/`type` member (`err.code = '…'`). These are `key`
 * contexts: good for hover and completion; diagnostics leave them to the error-body rules.
 */
const KEY = /(?:^|[^\w$.])(["']?)(type|Type|code|Code|error_type|errorType|error_code|errorCode)\1\s*(?::|=>|=(?!=))\s*$/;
/** `envelopeType: '…'`, `failureType = "…"`: tried only when the window holds `Type` (a `\w*` name costs 4× KEY). */
const ERROR_TYPE_KEY = /(?:^|[^\w$.])\w*(?:[Ee]rror|[Ee]nvelope|[Ff]ailure|[Bb]ody)Type\s*(?::|=(?!=))\s*$/;
/** A parameter default after its annotation, Kotlin `type: String? = "…"`: tried only after `=` with a `:` in the window. */
const ANNOTATED_KEY = /(?:^|[^\w$.])(type|code|errorType|errorCode)\s*:\s*[\w.]+\??\s*=\s*$/;

export function positionContext(text: string, lits: readonly Literal[], index: number, min: number): LiteralContext | undefined {
  const lit = lits[index];
  // a key's `:`/`=>`/`=`, a union's `|`, or `return`; `(`, `,` and `to` of the other body shapes
  let p = lit.start - 1;
  while (p >= min && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9 || text.charCodeAt(p) === 10 || text.charCodeAt(p) === 13)) p--;
  const c = text.charCodeAt(p);
  if (c === 40 || c === 44 || c === 111) {
    const field = shapeFieldBefore(text, lits, index, min);
    return field && { kind: field, key: true };
  }
  if (c !== 58 && c !== 62 && c !== 61 && c !== 124 && c !== 110) return undefined;
  const from = Math.max(min, lit.start - 80);
  const before = text.slice(from, lit.start);
  const key = KEY.exec(before);
  if (key) return { kind: /type/i.test(key[2]) ? 'type' : 'code', key: true };
  if (before.includes('Type') && ERROR_TYPE_KEY.test(before)) return { kind: 'type', key: true };
  const annotated = c === 61 && before.includes(':') ? ANNOTATED_KEY.exec(before) : null;
  if (annotated) return { kind: /type/i.test(annotated[1]) ? 'type' : 'code', key: true };
  // an assignment to an error's member: `err.code = '…'`, `body["code"] = "…"`, `$e->type = '…'`
  if (c === 61) {
    const b = text.charCodeAt(p - 1);
    if (b === 61 || b === 33 || b === 60 || b === 62 || b === 58) return undefined;
    const m = lastMemberBack(text, skipWsBack(text, p - 1, min), min);
    const ctx = m && (m.prev >= 0 || m.index) && !m.call ? classify(text, m) : undefined;
    if (ctx) return { kind: ctx.kind, key: true };
  }
  // `| 'a' | 'b'` in `type ErrorType =`
  if (/[|=]\s*$/.test(before)) {
    const stmt = text.slice(Math.max(min, lit.start - 1500), lit.start);
    if (/\btype\s+\w*[Tt]ype\w*\s*=\s*(?:\|?\s*(["'])[\w ]*\1\s*)*\|?\s*$/.test(stmt)) return { kind: 'type', key: true };
  }
  // `return 'not_found'` in a function that gives a type
  if (/\breturn\s*$/.test(before)) {
    const body = text.slice(Math.max(min, lit.start - 800), lit.start);
    let name: string | undefined;
    const re = /\b(?:function|def|func)\s+(?:\([^)]*\)\s*)?(\w+)/g;
    for (let m = re.exec(body); m; m = re.exec(body)) name = m[1];
    if (name && /type/i.test(name)) return { kind: 'type', key: true };
  }
  return undefined;
}
