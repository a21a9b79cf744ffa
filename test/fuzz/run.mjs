// `npm run fuzz`: the property tests of issue 7 with many more inputs and a fresh seed each run.
// FUZZ_RUNS=N sets the runs per property (default: 20 × the `npm test` count); FUZZ_SEED=S replays
// a run (the seed is printed first). A failure prints fast-check's counterexample and seed: add the
// input to test/fixtures/reliability/ as a regression case.
import { spawnSync } from 'node:child_process';

const seed = process.env.FUZZ_SEED ?? String(Date.now() | 0);
const files = process.argv.slice(2).length ? process.argv.slice(2) : ['test/unit/catalog/property.decode.test.ts', 'test/unit/server/property.service.test.ts'];
console.log(`fuzz: seed ${seed}, runs per property ${process.env.FUZZ_RUNS ?? '20 × base'}`);
const r = spawnSync(
  process.execPath,
  ['node_modules/mocha/bin/mocha.js', '--require', 'tsx/cjs', '--timeout', '0', ...files],
  { stdio: 'inherit', env: { ...process.env, UQPAY_FUZZ: '1', FUZZ_SEED: seed } },
);
process.exit(r.status ?? 1);
