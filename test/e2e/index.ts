// Entry point that VS Code loads as `extensionTestsPath`: runs the mocha suites inside the
// extension host. Every line of the report starts with LINE_PREFIX so the runner can pick it out of
// the workbench's console (forwarded through `codeAutomationLog`); the counts also go to
// `results.json` next to this file.
import * as fs from 'node:fs';
import * as path from 'node:path';

// Mocha 12 is ESM at its package root; its CommonJS build is what a CJS extension host can load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha = require('mocha/lib/mocha.cjs') as typeof import('mocha');

export const RESULTS_FILE = path.join(__dirname, 'results.json');
export const LINE_PREFIX = 'UQPAY_E2E ';

function report(line: string): void {
  console.log(LINE_PREFIX + line);
}

/** A spec-like reporter whose lines are tagged for the runner. */
class TaggedReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const c = Mocha.Runner.constants;
    let depth = 0;
    runner.on(c.EVENT_SUITE_BEGIN, (s: Mocha.Suite) => {
      if (s.title) report(`${'  '.repeat(depth)}${s.title}`);
      depth += 1;
    });
    runner.on(c.EVENT_SUITE_END, () => (depth -= 1));
    runner.on(c.EVENT_TEST_PASS, (t: Mocha.Test) => report(`${'  '.repeat(depth)}✔ ${t.title} (${t.duration ?? 0} ms)`));
    runner.on(c.EVENT_TEST_PENDING, (t: Mocha.Test) => report(`${'  '.repeat(depth)}- ${t.title} (pending)`));
    runner.on(c.EVENT_TEST_FAIL, (t: Mocha.Test, err: Error) => {
      report(`${'  '.repeat(depth)}✘ ${t.title}`);
      for (const l of String(err?.stack ?? err).split('\n').slice(0, 12)) report(`${'  '.repeat(depth + 2)}${l}`);
    });
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: TaggedReporter });
  const suiteDir = path.join(__dirname, 'suite');
  const grep = process.env.UQPAY_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(suiteDir, f));
  }
  fs.rmSync(RESULTS_FILE, { force: true });
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const counts = { passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? failures, pending: runner.stats?.pending ?? 0 };
        fs.writeFileSync(RESULTS_FILE, JSON.stringify(counts));
        report(`COUNTS ${JSON.stringify(counts)}`);
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (e) {
      fs.writeFileSync(RESULTS_FILE, JSON.stringify({ passed: 0, failed: 1, error: String(e) }));
      reject(e);
    }
  });
}
