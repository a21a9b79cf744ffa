/**
 * Issue 13's measure over the official SDKs: reads the repository snapshots fetched under
 * /work/.mirror (or $UQPAY_SDK_MIRRORS) at measurement time; nothing of them is stored here.
 * Positions are where a developer would hover: every occurrence of an SDK's error class,
 * predicate or code constant (names from shared/reference/uqpay-sdk-facts.md) in that SDK's own
 * code, every quoted string whose value is a catalog code or type, and every quoted value the
 * SDKs make up (catalog/src/sdkSynth.ts: `rate_limit_error`, `authentication_error`…). The expected entry is
 * decided here from the catalog and the text around the string (a `type` key or field before it
 * means the type), never from the service's answer. Reports hits, silent misses and wrong
 * entries, and every diagnostic over the SDKs (each one is a false positive: they are correct code).
 *
 *   npx tsx bench/sdkCorpus.ts [--list]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../catalog/src';
import { SDK_MEMBERS, type SdkId } from '../catalog/src/sdkErrors';
import { sdkMadeValue } from '../catalog/src/sdkSynth';
import { createErrorCodeService, languageIdForPath, MANIFEST_FILES, sdksInManifest } from '../server/src/service';

const MIRRORS = process.env.UQPAY_SDK_MIRRORS ?? '/work/.mirror';
const SDK_OF_REPO: Record<string, SdkId> = {
  'uqpay+uqpay-node': 'node', 'uqpay+uqpay-sdk-python': 'python', 'uqpay+uqpay-sdk-go': 'go', 'uqpay+uqpay-sdk-java': 'java',
  'uqpay+uqpay-java': 'java-legacy', 'uqpay+uqpay-php': 'php', 'uqpay+uqpay-cli': 'cli',
};
const list = process.argv.includes('--list');
const catalog = loadBuiltinCatalog();
const service = createErrorCodeService({ catalog, settings: { docsLanguage: 'en' } });

const git = (repo: string, ...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

interface Tally { hits: number; silent: number; wrong: number }
const total: Tally = { hits: 0, silent: 0, wrong: 0 };
const perRepo: Record<string, Tally & { files: number; diagnostics: number }> = {};
const byKind: Record<string, Tally> = { 'SDK-made values': { hits: 0, silent: 0, wrong: 0 }, 'SDK names': { hits: 0, silent: 0, wrong: 0 }, 'code strings': { hits: 0, silent: 0, wrong: 0 }, 'type strings': { hits: 0, silent: 0, wrong: 0 } };
const misses: string[] = [];
const diags: string[] = [];

/** The type entry is meant when the string stands right after a `type` key or field. */
function typePosition(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  return /(?:\btype|Type|_type|APIType|ErrorType)["'\]]?\s*(?:[:=]=?=?|=>|,|\(|\.equals\()\s*$/.test(before) || /\btype\s*\)\s*\.\s*(?:toBe|isEqualTo|to_eq)\(\s*$/.test(before)
    || (/\breturn\s*$/.test(before) && /type/i.test([...text.slice(Math.max(0, at - 800), at).matchAll(/\b(?:function|def|func)\s+(?:\([^)]*\)\s*)?(\w+)/g)].pop()?.[1] ?? ''))
    || /\btype\s+\w*[Tt]ype\w*\s*=[\s|'"\w]*$/.test(text.slice(Math.max(0, at - 1500), at));
}

for (const dir of existsSync(MIRRORS) ? readdirSync(MIRRORS) : []) {
  const sdk = SDK_OF_REPO[dir];
  const repo = join(MIRRORS, dir, 'repo');
  if (!sdk || !existsSync(repo)) continue;
  const files = git(repo, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter(Boolean);
  const project = new Set<SdkId>();
  for (const f of files) if ((MANIFEST_FILES as readonly string[]).includes(f)) for (const id of sdksInManifest(f, git(repo, 'show', `HEAD:${f}`))) project.add(id);
  const folder = `file:///corpus/${dir}`;
  service.setProjectSdks(folder, [...project]);
  const tally = (perRepo[dir] = { hits: 0, silent: 0, wrong: 0, files: 0, diagnostics: 0 });
  const names = SDK_MEMBERS.filter((m) => m.sdk === sdk && m.kind !== 'code').map((m) => m.name);
  const nameRe = names.length ? new RegExp(`\\b(${[...new Set(names)].join('|')})\\b`, 'g') : undefined;
  for (const path of files) {
    const languageId = languageIdForPath(path);
    if (!languageId || /\.(md|json|ya?ml|txt)$/.test(path)) continue;
    let text: string;
    try {
      text = git(repo, 'show', `HEAD:${path}`);
    } catch {
      continue;
    }
    if (text.length > 2_000_000) continue;
    tally.files++;
    const doc = TextDocument.create(`${folder}/${path}`, languageId, 1, text);
    const judge = (at: number, expectTitle: RegExp, what: string, group: string) => {
      const h = service.doHover(doc, doc.positionAt(at));
      const md = h ? (h.contents as { value: string }).value : '';
      const kind: keyof Tally = !h ? 'silent' : expectTitle.test(md.split('\n')[0]) ? 'hits' : 'wrong';
      tally[kind]++;
      total[kind]++;
      byKind[group][kind]++;
      if (kind !== 'hits') {
        const pos = doc.positionAt(at);
        misses.push(`${kind.padEnd(6)} ${dir.replace('uqpay+', '')}/${path}:${pos.line + 1}:${pos.character + 1} ${what}${kind === 'wrong' ? ` → ${md.split('\n')[0]}` : ''}`);
      }
    };
    if (nameRe) {
      nameRe.lastIndex = 0;
      for (let m = nameRe.exec(text); m; m = nameRe.exec(text)) judge(m.index + 1, new RegExp(`^\\*\\*\`${m[1]}\`\\*\\* · UQPAY `), m[1], 'SDK names');
    }
    const strRe = /(["'`])([a-z0-9][a-z0-9_ ]{1,60})\1/g;
    for (let m = strRe.exec(text); m; m = strRe.exec(text)) {
      const v = m[2];
      const isCode = catalog.isCode(v);
      const isType = catalog.isType(v);
      if (!isCode && !isType) {
        // a value the SDKs make up (sdkSynth.ts, from the SDK facts): its own hover
        if (sdkMadeValue('code', v) ?? sdkMadeValue('type', v)) judge(m.index + 2, /made up by the SDK/, `'${v}' as SDK-made`, 'SDK-made values');
        continue;
      }
      const asType = isType && (!isCode || typePosition(text, m.index));
      judge(m.index + 2, new RegExp(`^\\*\\*\`${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\`\\*\\* · UQPAY error ${asType ? 'type' : 'code'}$`), `'${v}' as ${asType ? 'type' : 'code'}`, asType ? 'type strings' : 'code strings');
    }
    for (const d of service.doValidation(doc)) {
      tally.diagnostics++;
      diags.push(`${dir.replace('uqpay+', '')}/${path}:${d.range.start.line + 1} ${d.code}: ${d.message}`);
    }
  }
}

const pct = (t: Tally) => (t.hits + t.silent + t.wrong ? ((100 * t.hits) / (t.hits + t.silent + t.wrong)).toFixed(1) : '-');
for (const [dir, t] of Object.entries(perRepo)) {
  console.log(`${dir.replace('uqpay+', '').padEnd(18)} files ${String(t.files).padStart(4)}  positions ${String(t.hits + t.silent + t.wrong).padStart(4)}  hits ${String(t.hits).padStart(4)}  silent ${String(t.silent).padStart(3)}  wrong ${String(t.wrong).padStart(3)}  (${pct(t)}%)  diagnostics ${t.diagnostics}`);
}
for (const [k, t] of Object.entries(byKind)) console.log(`  ${k.padEnd(13)} positions ${t.hits + t.silent + t.wrong}: hits ${t.hits}, silent ${t.silent}, wrong ${t.wrong}`);
console.log(`TOTAL positions ${total.hits + total.silent + total.wrong}: hits ${total.hits}, silent ${total.silent}, wrong ${total.wrong} (${pct(total)}% right); diagnostics ${diags.length}`);
if (list) for (const l of [...misses, ...diags]) console.log(l);
