/**
 * Call sites of Global Acquiring endpoints in one code region: an official SDK's resource method
 * (`client.payment.payouts.create(…)`, `client.Payment.Payouts.Create(…)`,
 * `client.payment().getPayouts().create(…)`), or a string literal whose path names an endpoint
 * (`"/v2/payment/payout/create"`, `` `${base}/v2/payment_intents/${id}/confirm` ``, `"/v2/payment_intents/" + id`).
 */
import type { Catalog } from '../../../../catalog/src/catalog';
import { SDK_CALLS, SDK_FAMILIES, type SdkCall, type SdkCallId } from '../../../../catalog/src/sdkCalls';
import type { EndpointDef } from '../../../../catalog/src/types';
import { literalAt } from '../analysis';
import type { Family, Literal } from '../scanners/types';
import type { Structure } from './structure';

export interface CallSite {
  endpoint: string;
  /** The method name (`create`) or the path literal: what a CodeLens sits on. */
  start: number;
  end: number;
  /** Where the call expression ends (after its `)`), or the literal's end. */
  callEnd: number;
  via: 'sdk' | 'http';
  sdk?: SdkCallId;
}

interface FamilyCalls {
  re: RegExp;
  byKey: Map<string, SdkCall>;
}

const familyCalls = new Map<Family, FamilyCalls | null>();

function callsFor(family: Family): FamilyCalls | undefined {
  let fc = familyCalls.get(family);
  if (fc === undefined) {
    const list = SDK_CALLS.filter((c) => SDK_FAMILIES[c.sdk].includes(family));
    if (!list.length) fc = null;
    else {
      const byKey = new Map(list.map((c) => [`${c.resource.replace('()', '')}.${c.method}`, c]));
      const resources = [...new Set(list.map((c) => c.resource.replace('()', '')))];
      const methods = [...new Set(list.map((c) => c.method))];
      // `resource.method(` or `getResource().method(`, optional chaining and line breaks allowed
      const getter = family === 'java' || family === 'kotlin' ? '(?:\\s*\\(\\s*\\))?' : '';
      fc = { re: new RegExp(`\\b(${resources.join('|')})${getter}\\s*[?!]?\\.\\s*(${methods.join('|')})\\s*\\(`, 'g'), byKey };
    }
    familyCalls.set(family, fc);
  }
  return fc ?? undefined;
}

/** The receiver in front of a resource goes through the SDK's payment client (`.payment`, `.Payment`, `payment()`). */
function viaPayment(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  return /\b[Pp]ayment(?:\s*\(\s*\))?\s*[?!]?\.\s*$/.test(before);
}

let anyCall: RegExp | undefined;

/**
 * A look at the raw text before any analysis: no SDK resource name and no `/v<n>/` path means no
 * call. Most files of a workspace stop here, at about the cost of reading them.
 */
export function mayCallEndpoints(text: string): boolean {
  anyCall ??= new RegExp(`/v\\d+/|(?:${[...new Set(SDK_CALLS.map((c) => c.resource.replace(/^get|\(\)$/g, '')))].join('|')})\\b`, 'i');
  return anyCall.test(text);
}

/** A quick look: could the region hold a call at all? */
export function mayHoldCalls(text: string, family: Family, start: number, end: number): boolean {
  const fc = callsFor(family);
  const region = start === 0 && end === text.length ? text : text.slice(start, end);
  if (/\/v\d+\//.test(region)) return true;
  if (!fc) return false;
  fc.re.lastIndex = 0;
  return fc.re.test(region);
}

/** SDK resource-method calls. A call counts when it goes through `payment` or the file names UQPAY. */
export function findSdkCalls(text: string, family: Family, s: Structure, start: number, end: number, mentionsUqpay: boolean): CallSite[] {
  const fc = callsFor(family);
  if (!fc) return [];
  const out: CallSite[] = [];
  const region = text.slice(start, end);
  fc.re.lastIndex = 0;
  for (let m = fc.re.exec(region); m; m = fc.re.exec(region)) {
    const at = start + m.index;
    if (!s.inCode(at)) continue;
    const call = fc.byKey.get(`${m[1]}.${m[2]}`);
    if (!call) continue;
    if (!mentionsUqpay && !viaPayment(text, at)) continue;
    const open = at + m[0].length - 1;
    const close = s.close.get(open);
    const nameStart = at + m[0].lastIndexOf(m[2]);
    out.push({ endpoint: call.endpoint, start: nameStart, end: nameStart + m[2].length, callEnd: close === undefined ? open + 1 : close + 1, via: 'sdk', sdk: call.sdk });
  }
  return out;
}

interface Route {
  endpoint: EndpointDef;
  segments: string[];
  /** Literal (non-placeholder) segments: the more, the more specific. */
  weight: number;
}

const routeCache = new WeakMap<readonly EndpointDef[], Route[]>();

function routesOf(catalog: Catalog): Route[] {
  let r = routeCache.get(catalog.endpoints);
  if (!r) {
    r = [];
    for (const endpoint of catalog.endpoints) {
      if (typeof endpoint.path !== 'string' || !endpoint.path.startsWith('/')) continue;
      const segments = endpoint.path.split('/').filter(Boolean);
      r.push({ endpoint, segments, weight: segments.filter((x) => !x.startsWith('{')).length });
    }
    routeCache.set(catalog.endpoints, r);
  }
  return r;
}

const HOLE = '\u0000';

/**
 * A path literal's segments from its API version on (`/v2/…`), with interpolation holes
 * (`${id}`, `{id}`, `#{id}`, `\(id)`, `$id`, `%s`) as placeholders; a literal ending in `/` that
 * is concatenated with an expression gets one placeholder, and the literal after it is appended.
 */
function pathOf(text: string, lits: readonly Literal[], index: number): string[] | undefined {
  let value = lits[index].value;
  const v = value.search(/\/v\d+\//);
  if (v < 0) return undefined;
  value = value.slice(v);
  // concatenation: "…/" + id + "/confirm"
  let k = index;
  while (value.endsWith('/')) {
    const after = text.slice(lits[k].end, lits[k].end + 80);
    const m = /^\s*\+\s*[\w$.()[\]]+\s*(\+\s*)?/.exec(after);
    if (!m) break;
    value += HOLE;
    const next = lits[k + 1];
    if (!m[1] || !next || next.start !== lits[k].end + m[0].length) break;
    value += next.value;
    k++;
  }
  value = value.replace(/[?#].*$/s, '');
  value = value
    .replace(/\$\{[^}]*\}|#\{[^}]*\}|\{[^}]*\}|\\\([^)]*\)|\$[A-Za-z_][\w]*(?:->\w+)?|%[sdv]/g, HOLE);
  return value.split('/').filter(Boolean);
}

function matches(route: Route, segs: string[]): boolean {
  if (route.segments.length !== segs.length) return false;
  for (let i = 0; i < segs.length; i++) {
    const r = route.segments[i];
    if (r.startsWith('{')) {
      if (!segs[i]) return false;
    } else if (r !== segs[i]) return false;
  }
  return true;
}

/** The HTTP method written near a path literal: `POST`, `.post(`, `http.MethodPost`, `method: 'GET'`. */
function methodNear(text: string, lit: Literal): string | undefined {
  const lineStart = text.lastIndexOf('\n', lit.start - 1) + 1;
  const from = Math.max(lineStart, lit.start - 200);
  const before = text.slice(from, lit.start);
  const after = text.slice(lit.end, Math.min(text.length, lit.end + 200));
  const word = /\b(?:Method)?(post|get|put|patch|delete)\b|Method(Post|Get)\b/gi;
  let found: string | undefined;
  for (let m = word.exec(before); m; m = word.exec(before)) found = (m[1] ?? m[2]).toUpperCase();
  if (found) return found;
  const m = word.exec(after.split('\n').slice(0, 3).join('\n'));
  return m ? (m[1] ?? m[2]).toUpperCase() : undefined;
}

/** Literals that name an endpoint's path. Shared paths (Retrieve and Update) are told apart by the method near them. */
export function findHttpCalls(catalog: Catalog, text: string, lits: readonly Literal[], s: Structure, start: number, end: number): CallSite[] {
  const routes = routesOf(catalog);
  const out: CallSite[] = [];
  // one regex pass for `/v<n>/`, then the literal around each hit (binary search)
  const version = /\/v\d+\//g;
  version.lastIndex = start;
  let last = -1;
  for (let m = version.exec(text); m && m.index < end; m = version.exec(text)) {
    const i = literalAt(lits, m.index);
    if (i < 0 || i === last || m.index < lits[i].cStart) continue;
    last = i;
    const lit = lits[i];
    const segs = pathOf(text, lits, i);
    if (!segs) continue;
    // the most specific routes first (`/payout/create` over `/payout/{id}`)
    let best: Route[] = [];
    for (const r of routes) {
      if (!matches(r, segs)) continue;
      if (!best.length || r.weight > best[0].weight) best = [r];
      else if (r.weight === best[0].weight) best.push(r);
    }
    if (!best.length) continue;
    let pick = best[0];
    if (best.length > 1) {
      const method = methodNear(text, lit) ?? 'GET';
      pick = best.find((r) => r.endpoint.method === method) ?? best[0];
    }
    out.push({ endpoint: pick.endpoint.name, start: lit.start, end: lit.end, callEnd: callAround(text, s, lit), via: 'http' });
  }
  return out;
}

/** The end of the innermost call whose arguments hold the literal (the literal's end when none). */
function callAround(text: string, s: Structure, lit: Literal): number {
  const stop = Math.max(0, lit.start - 300);
  for (let p = lit.start - 1; p >= stop; p--) {
    if (text.charCodeAt(p) !== 40) continue;
    const c = s.close.get(p);
    if (c !== undefined && c >= lit.end) return c + 1;
  }
  return lit.end;
}
