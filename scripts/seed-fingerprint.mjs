// Writes test/fixtures/catalog/seed-zh-runs.json: a hash of every 20-character run of the seed
// that holds Chinese prose (6+ CJK characters), never the text itself. The catalog test checks
// that no Chinese sentence of ours repeats one of them, on any clone, with or without the seed.
// Usage: node scripts/seed-fingerprint.mjs [SEED_FILE]   (default ../shared/seed/000_086ed15d7daacebb.txt)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedPath = process.argv[2] ?? resolve(root, '..', 'shared', 'seed', '000_086ed15d7daacebb.txt');

/** The same windows and hash as test/unit/catalog/catalogData.test.ts. */
export function proseRunHashes(text) {
  const t = text.replace(/\s+/g, ' ');
  const out = new Set();
  for (let i = 0; i + 20 <= t.length; i++) {
    const run = t.slice(i, i + 20);
    if ([...run].filter((c) => /[\u4e00-\u9fff]/.test(c)).length < 6) continue;
    out.add(createHash('sha256').update(run).digest('hex').slice(0, 12));
  }
  return [...out].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const hashes = proseRunHashes(readFileSync(seedPath, 'utf8'));
  const out = join(root, 'test', 'fixtures', 'catalog', 'seed-zh-runs.json');
  writeFileSync(out, JSON.stringify({ seed: seedPath.replace(/^.*[\\/]/, ''), window: 20, minCjk: 6, hash: 'sha256/12', runs: hashes }) + '\n');
  console.log(`wrote ${hashes.length} hashes to ${out}`);
}
