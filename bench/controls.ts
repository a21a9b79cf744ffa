/**
 * Issue 13's controls: code that has nothing to do with UQPAY must get nothing. Reads other
 * providers' SDKs fetched under /work/.mirror (OpenAI's and Anthropic's errors are `{type, code,
 * message}` with `invalid_request_error` and `api_error`, as UQPAY's; Stripe shares those too) and
 * this repository's node_modules, and at every quoted snake_case string (`'invalid_request_error'`,
 * `"api_error"`) asks for a hover and a completion, then validates each file. Every answer is a
 * false positive. Fetch the snapshots first (the `fetch` tool: github:openai/openai-python,
 * github:anthropics/anthropic-sdk-typescript, github:stripe/stripe-go); missing ones are skipped.
 *
 *   npx tsx bench/controls.ts [--list]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../catalog/src';
import { createErrorCodeService, languageIdForPath } from '../server/src/service';
import { filesUnder, MIRRORS, snapshot } from './snapshots';

const CONTROLS = ['openai+openai-python', 'anthropics+anthropic-sdk-typescript', 'stripe+stripe-go'];
/** Larger files are generated or vendored data, not code a developer hovers in. */
const MAX_BYTES = 400_000;
const QUOTED = /(['"`])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\1/g;

interface Target { name: string; files: string[]; read(path: string): string | undefined }

function nodeModules(): Target {
  const files = filesUnder(join(__dirname, '..', 'node_modules'), (_, size) => size < MAX_BYTES);
  return { name: 'node_modules', files, read: (path) => readFileSync(path, 'utf8') };
}

const list = process.argv.includes('--list');
const service = createErrorCodeService({ catalog: loadBuiltinCatalog(), settings: { docsLanguage: 'en' } });
const targets: Target[] = [];
for (const name of CONTROLS) {
  const repo = join(MIRRORS, name, 'repo');
  if (existsSync(repo)) targets.push({ name, ...snapshot(repo) });
  else console.log(`${name}: no snapshot under ${MIRRORS} (skipped)`);
}
targets.push(nodeModules());

let answers = 0;
let version = 1;
for (const t of targets) {
  const count = { files: 0, positions: 0, hovers: 0, completions: 0, diagnostics: 0 };
  for (const path of t.files) {
    const languageId = languageIdForPath(path);
    if (!languageId) continue;
    const text = t.read(path);
    if (text === undefined || text.length >= MAX_BYTES) continue;
    count.files++;
    const doc = TextDocument.create(`file:///controls/${t.name}/${path}`, languageId, version++, text);
    const report = (what: string, offset: number, detail: string): void => {
      if (list) console.log(`${what} ${t.name}/${path}:${doc.positionAt(offset).line + 1} ${detail}`);
    };
    for (const d of service.doValidation(doc)) {
      count.diagnostics++;
      report('diagnostic', doc.offsetAt(d.range.start), `${d.code}: ${doc.getText(d.range)}`);
    }
    for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
      count.positions++;
      const inside = doc.positionAt(m.index + 2);
      if (service.doHover(doc, inside)) {
        count.hovers++;
        report('hover', m.index, m[2]!);
      }
      if (service.doComplete(doc, inside)?.items.length) {
        count.completions++;
        report('completion', m.index, m[2]!);
      }
    }
  }
  answers += count.hovers + count.completions + count.diagnostics;
  console.log(`${t.name.padEnd(38)} files ${String(count.files).padStart(6)}  positions ${String(count.positions).padStart(6)}  hovers ${count.hovers}  completions ${count.completions}  diagnostics ${count.diagnostics}`);
}
console.log(answers === 0 ? 'nothing answered: no false positive' : `${answers} answers, each a false positive (--list names them)`);
