// Mocha reporter: the spec reporter's output, plus the counts written to $UQPAY_COUNTS_FILE so that
// test/run.mjs can add up every stage into one closing line.
const Mocha = require('mocha');
const fs = require('node:fs');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.UQPAY_COUNTS_FILE;
      if (file) {
        const s = this.stats;
        fs.writeFileSync(file, JSON.stringify({ passed: s.passes, failed: s.failures, pending: s.pending }));
      }
    });
  }
}
module.exports = CountReporter;
