/**
 * Every message between the extension host and the two webviews, defined once and imported on
 * both sides. Data always travels through these messages, never inside the page's HTML.
 * Each webview starts with `ready`; the host answers with `init`.
 */
import type { DecodeResult, EndpointDef, ErrorEntry, Lang, Retry, TypeDef } from '../../../catalog/src/types';
import type { UiStrings } from './strings';

/** The panels, also their `viewType` suffix: `uqpayErrors.catalog`, `uqpayErrors.decode`. */
export type PanelKind = 'catalog' | 'decode';

/** What the catalog browser can do to an entry; all are carried out by the host. */
export type EntryAction = 'copyCode' | 'insertCode' | 'copySnippet' | 'openDocs';

/** Data the catalog browser renders (the catalog, already merged with the user's extra files). */
export interface CatalogSnapshot {
  entries: ErrorEntry[];
  types: TypeDef[];
  endpoints: EndpointDef[];
  docs: string;
}

// ---------------------------------------------------------------------------------------------
// host → webview

/** First message to the catalog browser, and again whenever the catalog or the language changes. */
export interface CatalogInitMessage {
  type: 'init';
  lang: Lang;
  strings: UiStrings;
  retryLabels: Record<Retry, string>;
  catalog: CatalogSnapshot;
  /** Entry to select (from a hover link or the Look Up command). */
  select?: string;
}
/** Search results: entry ids, best first. `seq` echoes the request so stale answers are dropped. */
export interface SearchResultMessage { type: 'searchResult'; seq: number; query: string; ids: string[] }
/** Select an entry in an open browser. */
export interface SelectMessage { type: 'select'; id: string }
/** Outcome of an action, announced in the page's status line. */
export interface ActionResultMessage { type: 'actionResult'; ok: boolean; message: string }

/** Where text the host puts in the paste area comes from: the page says so when it is the clipboard. */
export type InputOrigin = 'selection' | 'clipboard';

export interface DecodeInitMessage {
  type: 'init';
  lang: Lang;
  strings: UiStrings;
  retryLabels: Record<Retry, string>;
  /** Text to put in the paste area (the selection or the clipboard), if any. */
  text?: string;
  origin?: InputOrigin;
}
/** Replace the paste area's text (the Decode command while the panel is open). */
export interface SetInputMessage { type: 'setInput'; text: string; origin?: InputOrigin }
export interface DecodeResultMessage { type: 'decodeResult'; seq: number; result: DecodeResult; inputLength: number }

export type ToCatalogWebview = CatalogInitMessage | SearchResultMessage | SelectMessage | ActionResultMessage;
export type ToDecodeWebview = DecodeInitMessage | SetInputMessage | DecodeResultMessage | ActionResultMessage;
export type ToWebview = ToCatalogWebview | ToDecodeWebview;

// ---------------------------------------------------------------------------------------------
// webview → host

export interface ReadyMessage { type: 'ready' }
export interface SearchMessage { type: 'search'; seq: number; query: string }
export interface EntryActionMessage { type: 'action'; action: EntryAction; id: string }
export interface DecodeMessage { type: 'decode'; seq: number; text: string }
export interface CopyReportMessage { type: 'copyReport' }
/** Open the catalog browser at an entry (a decode card's link). */
export interface OpenEntryMessage { type: 'openEntry'; id: string }

export type FromCatalogWebview = ReadyMessage | SearchMessage | EntryActionMessage;
export type FromDecodeWebview = ReadyMessage | DecodeMessage | CopyReportMessage | OpenEntryMessage;
export type FromWebview = FromCatalogWebview | FromDecodeWebview;

// ---------------------------------------------------------------------------------------------
// validation: both sides ignore (and log) anything that is not exactly one of the shapes above

const ENTRY_ACTIONS: readonly string[] = ['copyCode', 'insertCode', 'copySnippet', 'openDocs'];
/** Longest id or query accepted; the paste area itself may carry a large text. */
const MAX_SHORT = 10_000;
/** Largest paste sent for decoding (the decode library skips the rest past its own limits). */
export const MAX_DECODE_INPUT = 64 * 1024 * 1024;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShort = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_SHORT;
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isOrigin = (v: unknown): boolean => v === undefined || v === 'selection' || v === 'clipboard';

/** A message from the catalog browser, or undefined (with the reason) when it is not one. */
export function parseFromCatalogWebview(msg: unknown): { message?: FromCatalogWebview; error?: string } {
  if (!isObj(msg) || typeof msg.type !== 'string') return { error: 'not a message object' };
  switch (msg.type) {
    case 'ready':
      return { message: { type: 'ready' } };
    case 'search':
      if (isSeq(msg.seq) && isShort(msg.query)) return { message: { type: 'search', seq: msg.seq, query: msg.query } };
      return { error: 'search: bad seq or query' };
    case 'action':
      if (typeof msg.action === 'string' && ENTRY_ACTIONS.includes(msg.action) && isShort(msg.id)) {
        return { message: { type: 'action', action: msg.action as EntryAction, id: msg.id } };
      }
      return { error: 'action: bad action or id' };
    default:
      return { error: `unknown message type ${JSON.stringify(msg.type.slice(0, 40))}` };
  }
}

/** A message from the decode panel, or undefined (with the reason) when it is not one. */
export function parseFromDecodeWebview(msg: unknown): { message?: FromDecodeWebview; error?: string } {
  if (!isObj(msg) || typeof msg.type !== 'string') return { error: 'not a message object' };
  switch (msg.type) {
    case 'ready':
      return { message: { type: 'ready' } };
    case 'decode':
      if (isSeq(msg.seq) && typeof msg.text === 'string' && msg.text.length <= MAX_DECODE_INPUT) {
        return { message: { type: 'decode', seq: msg.seq, text: msg.text } };
      }
      return { error: 'decode: bad seq or text' };
    case 'copyReport':
      return { message: { type: 'copyReport' } };
    case 'openEntry':
      if (isShort(msg.id)) return { message: { type: 'openEntry', id: msg.id } };
      return { error: 'openEntry: bad id' };
    default:
      return { error: `unknown message type ${JSON.stringify(msg.type.slice(0, 40))}` };
  }
}

/** Shallow check of a host message in the catalog browser (the host is trusted, but not its bugs). */
export function isToCatalogWebview(msg: unknown): msg is ToCatalogWebview {
  if (!isObj(msg)) return false;
  switch (msg.type) {
    case 'init':
      return isObj(msg.catalog) && Array.isArray((msg.catalog as Obj).entries) && isObj(msg.strings)
        && isObj(msg.retryLabels) && (msg.lang === 'en' || msg.lang === 'zh-CN');
    case 'searchResult':
      return isSeq(msg.seq) && typeof msg.query === 'string' && Array.isArray(msg.ids) && msg.ids.every((i) => typeof i === 'string');
    case 'select':
      return typeof msg.id === 'string';
    case 'actionResult':
      return typeof msg.ok === 'boolean' && typeof msg.message === 'string';
    default:
      return false;
  }
}

/** Shallow check of a host message in the decode panel. */
export function isToDecodeWebview(msg: unknown): msg is ToDecodeWebview {
  if (!isObj(msg)) return false;
  switch (msg.type) {
    case 'init':
      return isObj(msg.strings) && isObj(msg.retryLabels) && (msg.lang === 'en' || msg.lang === 'zh-CN')
        && (msg.text === undefined || typeof msg.text === 'string') && isOrigin(msg.origin);
    case 'setInput':
      return typeof msg.text === 'string' && isOrigin(msg.origin);
    case 'decodeResult':
      return isSeq(msg.seq) && isObj(msg.result) && Array.isArray((msg.result as Obj).findings)
        && Array.isArray((msg.result as Obj).notes) && typeof msg.inputLength === 'number';
    case 'actionResult':
      return typeof msg.ok === 'boolean' && typeof msg.message === 'string';
    default:
      return false;
  }
}
