/**
 * Issue 13's measure over the official SDKs: reads the repository snapshots fetched under
 * /work/.mirror (or $UQPAY_SDK_MIRRORS) at measurement time, and, for the SDKs the store has no
 * snapshot of (Android, React Native, Flutter), the files listed in bench/sdkCorpusFiles.tsv, read from
 * the store one by one into a plain tree `owner+name/<path>` under /work/.sdk-files (or
 * $UQPAY_SDK_FILES); nothing of their code is stored here.
 * Positions are where a developer would hover: every occurrence of an SDK's error class or
 * predicate (names from shared/reference/uqpay-sdk-facts.md) in that SDK's own code, every code
 * constant of a mobile SDK where it is defined or named behind its type (`UqpayErrorCode.timeout`),
 * every quoted string whose value is a catalog code or type, and every quoted value the
 * SDKs make up (catalog/src/sdkSynth.ts: `rate_limit_error`, `authentication_error`…). The expected entry is
 * decided here from the catalog and the text around the string (a `type` key or field before it
 * means the type), never from the service's answer. Reports hits, silent misses and wrong
 * entries per SDK and per kind of position, the mobile SDKs' code words (`timeout`, `cancelled`…)
 * met in the other SDKs' code as controls that must stay silent, the positions outside SDK names (user-style code:
 * comparisons, assertions, bodies) on their own, and every diagnostic over the SDKs (each one is a
 * false positive: they are correct code).
 *
 *   npx tsx bench/sdkCorpus.ts [--list]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../catalog/src';
import { SDK_MEMBERS, type SdkId } from '../catalog/src/sdkErrors';
import { sdkMadeValue } from '../catalog/src/sdkSynth';
import { createErrorCodeService, languageIdForPath, MANIFEST_FILES, sdksInManifest } from '../server/src/service';
import { MIRRORS, snapshot } from './snapshots';

const LOOSE = process.env.UQPAY_SDK_FILES ?? '/work/.sdk-files';
const SDK_OF_REPO: Record<string, SdkId> = {
  'uqpay+uqpay-node': 'node', 'uqpay+uqpay-sdk-python': 'python', 'uqpay+uqpay-sdk-go': 'go', 'uqpay+uqpay-sdk-java': 'java',
  'uqpay+uqpay-java': 'java-legacy', 'uqpay+uqpay-php': 'php', 'uqpay+uqpay-cli': 'cli',
  'uqpay+uqpay-sdk-android': 'android', 'uqpay+uqpay-sdk-react-native': 'react-native', 'uqpay+uqpay-sdk-flutter': 'flutter',
};
/** The type a mobile SDK's code constants are named behind (`UQPayErrorCode.CARD_DECLINED`). */
const CONSTANT_TYPE: Partial<Record<SdkId, string>> = { android: 'UQPayErrorCode', flutter: 'UqpayErrorCode' };

/** One SDK's code: a git snapshot, or a tree of loose files. */
interface Source { dir: string; sdk: SdkId; files: string[]; read(path: string): string | undefined }

function sources(): Source[] {
  const out: Source[] = [];
  for (const dir of existsSync(MIRRORS) ? readdirSync(MIRRORS) : []) {
    const sdk = SDK_OF_REPO[dir];
    const repo = join(MIRRORS, dir, 'repo');
    if (!sdk || !existsSync(repo)) continue;
    out.push({ dir, sdk, ...snapshot(repo) });
  }
  // the listed files only, each as long as when it was read (a copy cut short would measure less code)
  const listed = new Map<string, { path: string; chars: number }[]>();
  for (const line of readFileSync(join(__dirname, 'sdkCorpusFiles.tsv'), 'utf8').split('\n')) {
    const [repo, path, , chars] = line.split('\t');
    if (line.startsWith('#') || !path) continue;
    const dir = repo!.replace('/', '+');
    listed.set(dir, [...(listed.get(dir) ?? []), { path, chars: Number(chars) }]);
  }
  for (const [dir, files] of listed) {
    const sdk = SDK_OF_REPO[dir];
    if (!sdk || out.some((s) => s.dir === dir)) continue;
    const present = files.filter((f) => existsSync(join(LOOSE, dir, f.path)) && readFileSync(join(LOOSE, dir, f.path), 'utf8').length === f.chars);
    if (present.length < files.length) console.log(`${dir}: ${files.length - present.length} of ${files.length} listed files missing or not whole under ${LOOSE} (see bench/sdkCorpusFiles.tsv)`);
    out.push({ dir, sdk, files: present.map((f) => f.path), read: (path) => readFileSync(join(LOOSE, dir, path), 'utf8') });
  }
  return out;
}

const list = process.argv.includes('--list');
const catalog = loadBuiltinCatalog();
const service = createErrorCodeService({ catalog, settings: { docsLanguage: 'en' } });

interface Tally { hits: number; silent: number; wrong: number }
const tally0 = (): Tally => ({ hits: 0, silent: 0, wrong: 0 });
const total = tally0();
const perRepo: Record<string, Tally & { files: number; diagnostics: number }> = {};
const byKind: Record<string, Tally> = {};
/** Positions outside SDK names and constants, by what the code around them does. */
const byContext: Record<string, Tally> = {};
const userStyle: Record<string, Tally> = {};
const misses: string[] = [];
/** The mobile SDKs' code words met in the other SDKs' code (controls: hover there is wrong). */
const controls = { seen: 0, hovered: 0 };
const ALL_MOBILE_VALUES = new Set(SDK_MEMBERS.filter((m) => m.kind === 'code').map((m) => m.value!));
const diags: string[] = [];

/** The type entry is meant when the string stands right after a `type` key or field. */
function typePosition(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  return /(?:\btype|Type|_type|APIType|ErrorType)["'\]]?\s*(?:[:=]=?=?|=>|,|\(|\.equals\()\s*$/.test(before) || /\btype\s*\)\s*\.\s*(?:toBe|isEqualTo|to_eq)\(\s*$/.test(before)
    || (/\breturn\s*$/.test(before) && /type/i.test([...text.slice(Math.max(0, at - 800), at).matchAll(/\b(?:function|def|func)\s+(?:\([^)]*\)\s*)?(\w+)/g)].pop()?.[1] ?? ''))
    || /\btype\s+\w*[Tt]ype\w*\s*=[\s|'"\w]*$/.test(text.slice(Math.max(0, at - 1500), at));
}

/** What the code around a quoted value at [start, end) does with it: how user code meets a code. */
function contextOf(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
  if (/^\s*(?:\*|\/\/|#|\/\*)/.test(before)) return 'comment';
  if (/\b(?:expect|assert\w*|require\.\w+|should|toBe|toEqual|isEqualTo|XCTAssert\w*)\b/.test(before + after)) return 'assertion';
  if (/(?:[!=]==?|\.equals\(|\bcase\s+|\bin\s*\(?\[?\s*)\s*$/.test(before) || /^\s*(?:[!=]==?|->|=>|\.equals\(|:\s*$|,\s*["'].*->|\|\|)/.test(after)) return 'comparison';
  if (/["']?\b(?:code|type|message|error|errorCode|error_code)["']?\s*(?:[:=]|=>)\s*$/i.test(before)) return 'body or field';
  return 'other';
}

function count(t: Record<string, Tally>, key: string, kind: keyof Tally): void {
  (t[key] ??= tally0())[kind]++;
}

for (const src of sources()) {
  const { dir, sdk } = src;
  const project = new Set<SdkId>();
  for (const f of src.files) {
    if (!(MANIFEST_FILES as readonly string[]).includes(f)) continue;
    const text = src.read(f);
    if (text !== undefined) for (const id of sdksInManifest(f, text)) project.add(id);
  }
  const folder = `file:///corpus/${dir}`;
  service.setProjectSdks(folder, [...project]);
  const tally = (perRepo[dir] = { ...tally0(), files: 0, diagnostics: 0 });
  const names = SDK_MEMBERS.filter((m) => m.sdk === sdk && m.kind !== 'code').map((m) => m.name);
  const nameRe = names.length ? new RegExp(`\\b(${[...new Set(names)].join('|')})\\b`, 'g') : undefined;
  // a mobile SDK's code constants: named behind their type, or defined (`static const UqpayErrorCode timeout =`, `val TIMEOUT: UQPayErrorCode`)
  const constants = SDK_MEMBERS.filter((m) => m.sdk === sdk && m.kind === 'code').map((m) => m.name);
  const type = CONSTANT_TYPE[sdk];
  const constRe = type && constants.length
    ? new RegExp(`\\b${type}\\.(${constants.join('|')})\\b|\\b${type}\\s+(${constants.join('|')})\\s*=|\\bval\\s+(${constants.join('|')})\\s*:\\s*${type}\\b`, 'g')
    : undefined;
  // React Native passes the native SDKs' codes through: its 14 are Android's (facts §10.1, §11)
  const mobileValues = new Set(SDK_MEMBERS.filter((m) => m.kind === 'code' && m.sdk === (sdk === 'react-native' ? 'android' : sdk)).map((m) => m.value!));
  for (const path of src.files) {
    const languageId = languageIdForPath(path);
    if (!languageId || /\.(md|json|ya?ml|txt)$/.test(path)) continue;
    const text = src.read(path);
    if (text === undefined || text.length > 2_000_000) continue;
    tally.files++;
    const doc = TextDocument.create(`${folder}/${path}`, languageId, 1, text);
    /** A mobile SDK's code word in a server SDK's code: not that SDK's constant there, so any hover counts against precision. */
    const control = (at: number, what: string) => {
      const h = service.doHover(doc, doc.positionAt(at));
      controls.seen++;
      if (!h) return;
      controls.hovered++;
      const pos = doc.positionAt(at);
      misses.push(`control ${dir.replace('uqpay+', '')}/${path}:${pos.line + 1}:${pos.character + 1} ${what} → ${(h.contents as { value: string }).value.split('\n')[0]}`);
    };
    const judge = (at: number, expectTitle: RegExp, what: string, group: string, context?: string) => {
      const h = service.doHover(doc, doc.positionAt(at));
      const md = h ? (h.contents as { value: string }).value : '';
      const kind: keyof Tally = !h ? 'silent' : expectTitle.test(md.split('\n')[0]) ? 'hits' : 'wrong';
      tally[kind]++;
      total[kind]++;
      count(byKind, group, kind);
      if (context) {
        count(byContext, context, kind);
        count(userStyle, dir, kind);
      }
      if (kind !== 'hits') {
        const pos = doc.positionAt(at);
        misses.push(`${kind.padEnd(6)} ${dir.replace('uqpay+', '')}/${path}:${pos.line + 1}:${pos.character + 1} ${what}${context ? ` [${context}]` : ''}${kind === 'wrong' ? ` → ${md.split('\n')[0]}` : ''}`);
      }
    };
    if (nameRe) {
      nameRe.lastIndex = 0;
      for (let m = nameRe.exec(text); m; m = nameRe.exec(text)) judge(m.index + 1, new RegExp(`^\\*\\*\`${m[1]}\`\\*\\* · UQPAY `), m[1], 'SDK names');
    }
    if (constRe) {
      constRe.lastIndex = 0;
      for (let m = constRe.exec(text); m; m = constRe.exec(text)) {
        const name = m[1] ?? m[2] ?? m[3];
        const at = m.index + m[0].indexOf(name, m[1] ? type!.length : 0) + 1;
        judge(at, new RegExp(`^\\*\\*\`${name}\`\\*\\* · UQPAY .*error code constant$`), `${name}${m[1] ? '' : ' (definition)'}`, m[1] ? 'SDK constants named' : 'SDK constants defined');
      }
    }
    const strRe = /(["'`])([a-z0-9][a-z0-9_ ]{1,60})\1/g;
    for (let m = strRe.exec(text); m; m = strRe.exec(text)) {
      const v = m[2];
      const isCode = catalog.isCode(v);
      const isType = catalog.isType(v);
      const context = contextOf(text, m.index, m.index + m[0].length);
      if (!isCode && !isType) {
        // a value the SDKs make up (sdkSynth.ts, from the SDK facts): its own hover
        if (sdkMadeValue('code', v) ?? sdkMadeValue('type', v)) judge(m.index + 2, /made up by the SDK/, `'${v}' as SDK-made`, 'SDK-made values', context);
        // the wire value of one of this mobile SDK's own codes (`'card_declined'`): any UQPAY answer naming it
        else if (!mobileValues.size && ALL_MOBILE_VALUES.has(v)) control(m.index + 2, `'${v}' (a mobile SDK's code word)`);
        else if (mobileValues.has(v)) judge(m.index + 2, new RegExp(`^\\*\\*\`(?:${v}|\\w+)\`\\*\\* · (?:UQPAY|code|type)`), `'${v}' as ${sdk} code value`, 'mobile SDK code values', context);
        continue;
      }
      const asType = isType && (!isCode || typePosition(text, m.index));
      judge(m.index + 2, new RegExp(`^\\*\\*\`${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\`\\*\\* · UQPAY error ${asType ? 'type' : 'code'}$`), `'${v}' as ${asType ? 'type' : 'code'}`, asType ? 'type strings' : 'code strings', context);
    }
    for (const d of service.doValidation(doc)) {
      tally.diagnostics++;
      diags.push(`${dir.replace('uqpay+', '')}/${path}:${d.range.start.line + 1} ${d.code}: ${d.message}`);
    }
  }
}

const n = (t: Tally) => t.hits + t.silent + t.wrong;
const pct = (t: Tally) => (n(t) ? ((100 * t.hits) / n(t)).toFixed(1) : '-');
const row = (t: Tally) => `positions ${String(n(t)).padStart(4)}  hits ${String(t.hits).padStart(4)}  silent ${String(t.silent).padStart(3)}  wrong ${String(t.wrong).padStart(3)}  (${pct(t)}%)`;
for (const [dir, t] of Object.entries(perRepo)) {
  console.log(`${dir.replace('uqpay+', '').padEnd(22)} files ${String(t.files).padStart(4)}  ${row(t)}  diagnostics ${t.diagnostics}`);
}
console.log('by kind of position:');
for (const [k, t] of Object.entries(byKind)) console.log(`  ${k.padEnd(22)} ${row(t)}`);
console.log('outside SDK names and constants (user-style code), by SDK:');
for (const [k, t] of Object.entries(userStyle)) console.log(`  ${k.replace('uqpay+', '').padEnd(22)} ${row(t)}`);
console.log('outside SDK names and constants, by what the code does:');
for (const [k, t] of Object.entries(byContext)) console.log(`  ${k.padEnd(22)} ${row(t)}`);
const sum = (ts: Tally[]) => ts.reduce((a, t) => ({ hits: a.hits + t.hits, silent: a.silent + t.silent, wrong: a.wrong + t.wrong }), tally0());
console.log(`OUTSIDE SDK NAMES ${row(sum(Object.values(byContext)))}`);
console.log(`  in code (comments left out) ${row(sum(Object.entries(byContext).filter(([k]) => k !== 'comment').map(([, t]) => t)))}`);
console.log(`TOTAL ${row(total)}; diagnostics ${diags.length}`);
console.log(`CONTROLS mobile SDK code words in the other SDKs' code: ${controls.seen}, hovered ${controls.hovered}`);
if (list) for (const l of [...misses, ...diags]) console.log(l);
