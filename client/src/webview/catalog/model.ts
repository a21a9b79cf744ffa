/**
 * The catalog browser's logic without the DOM: filters, counts per filter value, the persisted
 * state, keyboard movement and the detail view as text. The page (main.ts) only draws what this
 * returns, and the unit tests import it directly.
 */
import type { ErrorEntry, Group, Lang, Localized, Retry, TypeDef, EndpointDef } from '../../../../catalog/src/types';
import type { CatalogSnapshot } from '../protocol';
import type { UiStrings } from '../strings';
import { format } from '../strings';

export type FilterKey = 'group' | 'type' | 'status' | 'retry' | 'endpoint';
export const FILTER_KEYS: readonly FilterKey[] = ['group', 'type', 'status', 'retry', 'endpoint'];
export type Filters = Partial<Record<FilterKey, string>>;

/** What the browser keeps across hide/show and reloads (`setState` and the serializer). */
export interface CatalogState {
  query: string;
  filters: Filters;
  selectedId?: string;
}

export const EMPTY_STATE: CatalogState = { query: '', filters: {} };

const GROUP_ORDER: readonly Group[] = ['general', 'payment', 'refund', 'customer', 'payout'];
const RETRY_ORDER: readonly Retry[] = ['same_key', 'after_status_check', 'after_token_refresh', 'after_backoff', 'after_fix', 'no'];

/** Restores a state read from `getState()`, dropping anything malformed. */
export function restoreState(raw: unknown): CatalogState {
  if (typeof raw !== 'object' || raw === null) return { ...EMPTY_STATE, filters: {} };
  const r = raw as Record<string, unknown>;
  const filters: Filters = {};
  if (typeof r.filters === 'object' && r.filters !== null) {
    for (const k of FILTER_KEYS) {
      const v = (r.filters as Record<string, unknown>)[k];
      if (typeof v === 'string' && v !== '') filters[k] = v;
    }
  }
  return {
    query: typeof r.query === 'string' ? r.query.slice(0, 500) : '',
    filters,
    selectedId: typeof r.selectedId === 'string' ? r.selectedId : undefined,
  };
}

/** The values an entry has for a filter (an entry can have several types, statuses, endpoints). */
export function valuesOf(entry: ErrorEntry, key: FilterKey): string[] {
  switch (key) {
    case 'group': return [entry.group];
    case 'type': return entry.types;
    case 'status': return entry.httpStatus.length ? entry.httpStatus.map(String) : ['unknown'];
    case 'retry': return [entry.retry];
    case 'endpoint': return entry.endpoints;
  }
}

function matchesFilters(entry: ErrorEntry, filters: Filters, except?: FilterKey): boolean {
  for (const k of FILTER_KEYS) {
    const want = filters[k];
    if (k === except || want === undefined) continue;
    if (!valuesOf(entry, k).includes(want)) return false;
  }
  return true;
}

/**
 * Entries to list: the search order (ids from the host, best first) when there is a query, the
 * catalog order otherwise; then the filters.
 */
export function visibleEntries(entries: readonly ErrorEntry[], searchIds: readonly string[] | null, filters: Filters): ErrorEntry[] {
  let base: readonly ErrorEntry[] = entries;
  if (searchIds) {
    const byId = new Map(entries.map((e) => [e.id, e]));
    base = searchIds.map((id) => byId.get(id)).filter((e): e is ErrorEntry => e !== undefined);
  }
  return base.filter((e) => matchesFilters(e, filters));
}

export interface FilterOption { value: string; label: string; count: number }

/**
 * Options for one filter with counts: how many entries of the current search would be listed
 * with this value chosen and every other filter kept (the usual faceted count).
 */
export function filterOptions(
  key: FilterKey,
  snapshot: CatalogSnapshot,
  searchIds: readonly string[] | null,
  filters: Filters,
  labels: { strings: UiStrings; retryLabels: Record<Retry, string> },
): { total: number; options: FilterOption[] } {
  const base = visibleEntries(snapshot.entries, searchIds, {}).filter((e) => matchesFilters(e, filters, key));
  const counts = new Map<string, number>();
  for (const e of base) for (const v of new Set(valuesOf(e, key))) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Every value the catalog knows is offered, even at 0, so the list does not jump while typing.
  const all = new Set<string>();
  for (const e of snapshot.entries) for (const v of valuesOf(e, key)) all.add(v);
  const chosen = filters[key];
  if (chosen !== undefined) all.add(chosen);
  const options = [...all].map((value) => ({ value, label: optionLabel(key, value, labels), count: counts.get(value) ?? 0 }));
  options.sort(optionOrder(key, snapshot));
  return { total: base.length, options };
}

function optionOrder(key: FilterKey, snapshot: CatalogSnapshot): (a: FilterOption, b: FilterOption) => number {
  switch (key) {
    case 'group': return (a, b) => GROUP_ORDER.indexOf(a.value as Group) - GROUP_ORDER.indexOf(b.value as Group);
    case 'retry': return (a, b) => RETRY_ORDER.indexOf(a.value as Retry) - RETRY_ORDER.indexOf(b.value as Retry);
    case 'status': return (a, b) => (Number(a.value) || 9999) - (Number(b.value) || 9999);
    case 'type': {
      const order = snapshot.types.map((t) => t.name);
      return (a, b) => rank(order, a.value) - rank(order, b.value) || a.value.localeCompare(b.value);
    }
    case 'endpoint': {
      const order = snapshot.endpoints.map((t) => t.name);
      return (a, b) => rank(order, a.value) - rank(order, b.value) || a.value.localeCompare(b.value);
    }
  }
}
const rank = (order: string[], v: string): number => (order.includes(v) ? order.indexOf(v) : order.length);

export function groupLabel(group: string, strings: UiStrings): string {
  const key = `group${group.charAt(0).toUpperCase()}${group.slice(1)}` as keyof UiStrings;
  return strings[key] ?? group;
}

function optionLabel(key: FilterKey, value: string, labels: { strings: UiStrings; retryLabels: Record<Retry, string> }): string {
  if (key === 'group') return groupLabel(value, labels.strings);
  if (key === 'retry') return labels.retryLabels[value as Retry] ?? value;
  if (key === 'status' && value === 'unknown') return labels.strings.statusUnknown;
  return value;
}

/** Text of an option in a filter's drop-down, e.g. `payment_error (31)`. */
export function optionText(o: FilterOption, strings: UiStrings): string {
  return format(strings.withNote, o.label, o.count);
}

// ---------------------------------------------------------------------------------------------
// selection and keyboard

/** The selection after ↑/↓ (`delta` -1/+1), Home/End (±Infinity); stays inside the list. */
export function moveSelection(list: readonly ErrorEntry[], selectedId: string | undefined, delta: number): string | undefined {
  if (list.length === 0) return undefined;
  const i = selectedId === undefined ? -1 : list.findIndex((e) => e.id === selectedId);
  let next: number;
  if (delta === Infinity) next = list.length - 1;
  else if (delta === -Infinity) next = 0;
  else if (i < 0) next = delta > 0 ? 0 : list.length - 1;
  else next = Math.min(list.length - 1, Math.max(0, i + delta));
  return list[next]?.id;
}

/**
 * The state after the Escape key: it clears the query first, then the filters. With nothing to
 * clear it changes nothing: the selection is the user's place in the catalog.
 */
export function stateAfterEscape(state: CatalogState): CatalogState {
  if (state.query !== '') return { ...state, query: '' };
  if (Object.keys(state.filters).length > 0) return { ...state, filters: {} };
  return state;
}

// ---------------------------------------------------------------------------------------------
// the detail pane as text

export interface DetailField { label: string; value: string; /** Several values, shown as a list. */ items?: string[] }
export interface DetailSection { entryId: string; heading: string; fields: DetailField[] }
export interface EntryDetail {
  title: string;
  code: string;
  docs: string;
  /** The entry itself first, then the entries of the same code in other groups. */
  sections: DetailSection[];
}

export function localized(text: Localized, lang: Lang): string {
  return text[lang] || text.en;
}

/** The status the type table expects for a type and code (statusRules first), or null. */
export function expectedStatus(types: readonly TypeDef[], type: string, code: string | number): number | null {
  const t = types.find((x) => x.name === type);
  if (!t) return null;
  const rule = t.statusRules?.find((r) => r.code === String(code));
  return rule ? rule.httpStatus : t.defaultHttpStatus;
}

function endpointText(name: string, endpoints: readonly EndpointDef[]): string {
  const e = endpoints.find((x) => x.name === name);
  if (!e || !e.path) return name;
  return `${name} — ${e.method ? `${e.method} ` : ''}/api${e.path}`;
}

function section(entry: ErrorEntry, heading: string, snapshot: CatalogSnapshot, lang: Lang, strings: UiStrings, retryLabels: Record<Retry, string>): DetailSection {
  const fields: DetailField[] = [];
  fields.push({ label: strings.fieldGroup, value: groupLabel(entry.group, strings) });
  fields.push({ label: strings.fieldEnvelope, value: entry.envelope === 'A' ? strings.envelopeA : strings.envelopeB });
  if (entry.types.length) {
    fields.push({ label: entry.typeCertain ? strings.fieldTypes : strings.fieldTypesSection, value: entry.types.join(', ') });
  }
  const msg = entry.message ?? strings.none;
  if (entry.messageVaries && entry.messageExamples?.length) {
    if (entry.message !== null) fields.push({ label: strings.fieldMessage, value: msg });
    fields.push({ label: strings.fieldMessageVaries, value: '', items: entry.messageExamples });
  } else {
    fields.push({ label: strings.fieldMessage, value: msg });
  }
  // Status per type from the type table, grouped: "400 (refund_error, payment_error), 500 (api_error)".
  const byStatus = new Map<number, string[]>();
  for (const t of entry.types) {
    const s = expectedStatus(snapshot.types, t, entry.code);
    if (s !== null) byStatus.set(s, [...(byStatus.get(s) ?? []), t]);
  }
  const statuses = [...byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([s, ts]) => `${s} (${ts.join(', ')})`);
  fields.push({
    label: strings.fieldStatus,
    value: statuses.length ? statuses.join(', ') : entry.httpStatus.length ? entry.httpStatus.join(', ') : strings.statusUnknown,
  });
  if (entry.endpoints.length) {
    fields.push({ label: strings.fieldEndpoints, value: '', items: entry.endpoints.map((n) => endpointText(n, snapshot.endpoints)) });
  }
  fields.push({ label: strings.fieldRetry, value: retryLabels[entry.retry] ?? entry.retry });
  fields.push({ label: strings.fieldMeaning, value: localized(entry.summary, lang) });
  fields.push({ label: strings.fieldAdvice, value: localized(entry.advice, lang) });
  return { entryId: entry.id, heading, fields };
}

/** Everything the catalog holds for an entry, with the same code's entries in other groups. */
export function entryDetail(entry: ErrorEntry, snapshot: CatalogSnapshot, lang: Lang, strings: UiStrings, retryLabels: Record<Retry, string>): EntryDetail {
  const same = snapshot.entries.filter((e) => e.id !== entry.id && String(e.code) === String(entry.code));
  const sections = [section(entry, groupLabel(entry.group, strings), snapshot, lang, strings, retryLabels)];
  for (const other of same) sections.push(section(other, format(strings.sharedCode, groupLabel(other.group, strings)), snapshot, lang, strings, retryLabels));
  return { title: String(entry.code), code: String(entry.code), docs: entry.docs || snapshot.docs, sections };
}

/** The detail as plain text (what a screen reader reads, and what tests compare). */
export function detailText(d: EntryDetail): string {
  const lines = [d.title];
  for (const s of d.sections) {
    lines.push('', `## ${s.heading}`);
    for (const f of s.fields) {
      lines.push(f.value ? `${f.label}: ${f.value}` : `${f.label}:`);
      for (const i of f.items ?? []) lines.push(`  - ${i}`);
    }
  }
  return lines.join('\n');
}

/** One line of the list: code, group and message. */
export function listItemText(entry: ErrorEntry, strings: UiStrings): { code: string; group: string; message: string } {
  return { code: String(entry.code), group: groupLabel(entry.group, strings), message: entry.message ?? (entry.messageExamples?.[0] ?? '') };
}

export function resultCountText(shown: number, total: number, strings: UiStrings): string {
  return format(strings.resultCount, shown, total);
}
