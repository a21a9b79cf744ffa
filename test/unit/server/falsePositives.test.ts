import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../../../catalog/src';
import { createErrorCodeService, languageIdForPath } from '../../../server/src/service';
import { ROOT } from '../../support/paths';

const service = createErrorCodeService({ catalog: loadBuiltinCatalog() });

function check(path: string, text: string): { line: number; code: string; message: string }[] {
  const languageId = languageIdForPath(path);
  if (!languageId) return [];
  const doc = TextDocument.create(`file://${path}`, languageId, 1, text);
  return service.doValidation(doc).map((d) => ({ line: d.range.start.line + 1, code: String(d.code), message: String(d.message) }));
}

/** Up to `limit` files with the given extensions, in a stable order (directories sorted). */
function sample(dir: string, exts: Set<string>, limit: number, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    if (out.length >= limit) break;
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) sample(p, exts, limit, out);
    else if (exts.has(name.slice(name.lastIndexOf('.') + 1)) && st.size < 2_000_000) out.push(p);
  }
  return out;
}

describe('false positives', function () {
  this.timeout(120000);

  it('gives zero diagnostics over 2000 .ts/.js/.py/.go/.java/.json files of node_modules', () => {
    // spread over every package: every n-th file of the sorted list, 2000 in all
    const all = sample(join(ROOT, 'node_modules'), new Set(['ts', 'js', 'py', 'go', 'java', 'json']), Infinity);
    const step = Math.max(1, Math.floor(all.length / 2000));
    const files = all.filter((_, i) => i % step === 0).slice(0, 2000);
    assert.ok(files.length >= 1000, `only ${files.length} files found`);
    const found: string[] = [];
    for (const f of files) {
      for (const d of check(f, readFileSync(f, 'utf8'))) found.push(`${f}:${d.line} ${d.code} ${d.message}`);
    }
    assert.deepEqual(found, []);
  });

  it('gives exactly the intended diagnostics on integration code written in the style of the official SDKs', () => {
    const dir = join(ROOT, 'test/fixtures/service/integration');
    const files = readdirSync(dir).filter((f) => !f.endsWith('.expect.json')).sort();
    assert.ok(files.length >= 10);
    for (const name of files) {
      const text = readFileSync(join(dir, name), 'utf8');
      // the intended ones: `expect: <code>` comments on their line, or a side file for JSON
      const side = join(dir, name.replace(/\.json$/, '.expect.json'));
      const expected: [number, string][] = name.endsWith('.json')
        ? JSON.parse(readFileSync(side, 'utf8'))
        : text.split('\n').flatMap((l, i) => [...l.matchAll(/expect: ([a-z-]+)/g)].map((m) => [i + 1, m[1]] as [number, string]));
      assert.ok(expected.length > 0, `${name} has no intended diagnostics`);
      const actual = check(join(dir, name), text).map((d) => [d.line, d.code]);
      assert.deepEqual(actual, expected, name);
    }
  });
});
