import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import type { Catalog } from '../../../catalog/src/catalog';
import type { ErrorEntry, Lang } from '../../../catalog/src/types';
import type { Analysis } from './analysis';
import type { Play } from './sdk';
import { codeMarkdown, entryDetail, typeMarkdown } from './describe';
import { sdkMemberCodes, type SdkMember } from '../../../catalog/src/sdkErrors';
import { bodyAround } from './codeBodies';
import { expectedBeforeActual } from './assertions';
import { amongCodes, openJsonCode, typeNear } from './completionContext';
import { lineAt } from './lines';
import { endpointNear, literalContext, objectTokenAt, tokenAt } from './tokens';

interface BaseItem { label: string; entries: ErrorEntry[]; detail: string; doc: string }

/** Items are built once per catalog and language; each request only ranks and places them. */
const cache = new WeakMap<Catalog, Map<string, { codes: BaseItem[]; types: BaseItem[] }>>();

function baseItems(catalog: Catalog, lang: Lang, withNumeric: boolean): { codes: BaseItem[]; types: BaseItem[] } {
  let perLang = cache.get(catalog);
  if (!perLang) cache.set(catalog, (perLang = new Map()));
  const key = `${lang}|${withNumeric}`;
  const hit = perLang.get(key);
  if (hit) return hit;
  const labels = [...catalog.codes];
  if (withNumeric) for (const e of catalog.entries) if (typeof e.code === 'number' && !labels.includes(String(e.code))) labels.push(String(e.code));
  const codes = labels.map((label) => {
    const entries = catalog.byCode(label);
    return { label, entries, detail: entryDetail(catalog, entries, lang), doc: codeMarkdown(catalog, label, entries, lang) };
  });
  const types = catalog.types.map((def) => ({ label: def.name, entries: catalog.byType(def.name), detail: `HTTP ${def.httpStatus.join('/')}`, doc: typeMarkdown(catalog, def, lang) }));
  const built = { codes, types };
  perLang.set(key, built);
  return built;
}

function items(base: BaseItem[], range: Range, kind: CompletionItemKind, rank: (b: BaseItem) => number): CompletionItem[] {
  return base.map((b) => ({
    label: b.label,
    kind,
    detail: b.detail,
    documentation: { kind: 'markdown', value: b.doc },
    // two digits: clients compare sortText as strings, and ranks add up past 9
    sortText: `${String(rank(b)).padStart(2, '0')}_${b.label}`,
    filterText: b.label,
    textEdit: { range, newText: b.label },
  }));
}

/** Codes (or types) inside a string literal in an error-code context, and in JSON/YAML `code`/`type` values. */
export function doComplete(catalog: Catalog, a: Analysis, document: TextDocument, position: Position, lang: Lang, play: Play, branch?: SdkMember): CompletionList | null {
  const offset = document.offsetAt(position);
  const text = a.text;
  const replace = (cStart: number, cEnd: number): Range => {
    // the edit must stay on the cursor's line and cover it
    const end = cEnd >= offset && !text.slice(offset, cEnd).includes('\n') ? cEnd : offset;
    return { start: document.positionAt(cStart), end: document.positionAt(end) };
  };

  // A `type` or `code` key alone is anyone's (package.json's `"type": "module"`, a tool call's
  // `"type": "tool_use"`, a Kubernetes `type: ClusterIP`): where nothing says UQPAY, only an error
  // body's, one with a sibling `code`/`type` or `message`, gets UQPAY's words.
  const obj = objectTokenAt(a, offset);
  if (obj && typeof obj.token.value === 'string') {
    if (play !== 'uqpay' && !obj.object.message && !(obj.field === 'type' ? obj.object.code : obj.object.type)) return null;
    const { codes, types } = baseItems(catalog, lang, false);
    const range = replace(obj.token.cStart, obj.token.cEnd);
    if (obj.field === 'type') return { isIncomplete: false, items: items(types, range, CompletionItemKind.EnumMember, () => 0) };
    return bodyCodes(catalog, codes, typeof obj.object.type?.value === 'string' ? obj.object.type.value : undefined, range);
  }

  const yaml = yamlValueAt(a, offset);
  if (yaml && (play === 'uqpay' || yamlSibling(text, offset, yaml.field))) {
    const { codes, types } = baseItems(catalog, lang, false);
    const range = replace(yaml.start, offset);
    return { isIncomplete: false, items: items(yaml.field === 'type' ? types : codes, range, yaml.field === 'type' ? CompletionItemKind.EnumMember : CompletionItemKind.Value, () => 0) };
  }

  const tok = tokenAt(a, offset);
  if (!tok || tok.kind !== 'literal') return null;
  const lit = tok.literal;
  if (offset < lit.cStart || offset > lit.cEnd) return null;
  // JSON typed inside a string whose quote is still open: the body scanner has not seen it
  const json = openJsonCode(text, lit, offset);
  if (json) {
    const typed = json.type !== undefined && catalog.isType(json.type) ? json.type : undefined;
    return bodyCodes(catalog, baseItems(catalog, lang, false).codes, typed, replace(json.start, json.end));
  }
  if (lit.interpolated) return null;
  const ctx = literalContext(a, tok) ?? (amongCodes(catalog, a, tok) ? { kind: 'code' as const, key: true as const } : undefined)
    // an assertion's expected value typed before its actual (`assertEquals("ret`)
    ?? (expectedBeforeActual(text, lit, tok.region.start, tok.region.end) ? { kind: 'code' as const } : undefined);
  if (!ctx) return null;
  const { codes, types } = baseItems(catalog, lang, true);
  const range = replace(lit.cStart, lit.cEnd);
  if (ctx.kind === 'type') return { isIncomplete: false, items: items(types, range, CompletionItemKind.EnumMember, () => 0) };
  // a `code` value of a body still being typed (`code: 'refund_am` at the end of a line): its sibling `type` decides
  const body = ctx.key ? bodyAround(text, tok.region.literals, tok.index, tok.region.start, tok.region.end) : undefined;
  if (body?.type && typeof body.type.value === 'string' && catalog.isType(body.type.value)) return bodyCodes(catalog, baseItems(catalog, lang, false).codes, body.type.value, range);
  // a type compared just before (`e.type === 'refund_error' && e.code === '…'`, an `expect(e.type)` line
  // above); not for a body without a type (the one before it is another body)
  const type = body ? undefined : typeNear(catalog, a, tok);
  const endpoint = endpointNear(catalog, text, lit.start, tok.region.start);
  const groups = new Set<string>();
  const epGroup = endpoint ? catalog.endpoints.find((e) => e.name === endpoint)?.group : undefined;
  if (epGroup) groups.add(epGroup);
  // the other labels of the same switch: their groups are likely, the codes they handle are done
  const handled = new Set<string>();
  if (lit.brace !== undefined && lit.brace >= 0) {
    const lits = tok.region.literals;
    for (let k = Math.max(0, tok.index - 300); k < Math.min(lits.length, tok.index + 300); k++) {
      const o = lits[k];
      if (k === tok.index || o.brace !== lit.brace || !catalog.isCode(o.value)) continue;
      handled.add(o.value);
      for (const e of catalog.byCode(o.value)) if (catalog.byCode(o.value).length === 1) groups.add(e.group);
    }
  }
  // inside `instanceof NotFoundError` / `except RateLimitError`: the codes that reach that class first
  const reach = branch ? new Set(sdkMemberCodes(catalog, branch)) : undefined;
  const rank = (b: BaseItem): number =>
    (type && !b.entries.some((e) => e.types.includes(type)) ? 10 : 0)
    + (reach && reach.size && !reach.has(b.label) ? 5 : 0)
    + (handled.has(b.label) ? 4 : 0)
    + (endpoint && b.entries.some((e) => e.endpoints.includes(endpoint)) ? 0
      : b.entries.some((e) => groups.has(e.group)) ? 1
      : b.entries.some((e) => e.group === 'general') ? 2 : 3);
  return { isIncomplete: false, items: items(codes, range, CompletionItemKind.Value, rank) };
}

/** The codes for a body's `code` value: only those of its sibling type when it names a catalog type. */
function bodyCodes(catalog: Catalog, codes: BaseItem[], type: string | undefined, range: Range): CompletionList {
  const fits = (b: BaseItem) => !!type && b.entries.some((e) => e.types.includes(type));
  const narrowedList = type && catalog.isType(type) ? codes.filter(fits) : codes;
  return { isIncomplete: false, items: items(narrowedList.length ? narrowedList : codes, range, CompletionItemKind.Value, (b) => (fits(b) ? 0 : 1)) };
}

/** Does the YAML mapping around `offset` hold a key an error body has besides `field` (`message`, and `code` or `type`)? */
function yamlSibling(text: string, offset: number, field: 'code' | 'type'): boolean {
  const lead = (t: string): number => /^[ \t]*(?:-\s+)?/.exec(t)![0].length;
  const here = lineAt(text, offset);
  const indent = lead(here.text);
  const sibling = new RegExp(`^[ \\t-]*(?:${field === 'code' ? 'type' : 'code'}|message)\\s*:`);
  // the mapping's lines, up and down, until one is indented less (bounded: a mapping is short)
  for (const step of [-1, 1]) {
    let l = here;
    for (let n = 0; n < 20 && (step < 0 ? l.start > 0 : l.end < text.length); n++) {
      l = lineAt(text, step < 0 ? l.start - 1 : l.end + 1);
      if (!l.text.trim()) continue;
      if (lead(l.text) < indent) break;
      if (lead(l.text) === indent && sibling.test(l.text)) return true;
    }
  }
  return false;
}

/** YAML `code: |` or `type: "|` with the value still being typed. */
function yamlValueAt(a: Analysis, offset: number): { field: 'code' | 'type'; start: number } | undefined {
  const region = a.data.find((d) => d.family === 'yaml' && offset >= d.start && offset <= d.end);
  if (!region) return undefined;
  const lineStart = a.text.lastIndexOf('\n', offset - 1) + 1;
  const m = /^\s*(?:-\s+)?(code|type)\s*:\s*(["']?)([\w ]*)$/.exec(a.text.slice(lineStart, offset));
  if (!m) return undefined;
  return { field: m[1] as 'code' | 'type', start: offset - m[3].length };
}
