// The end-to-end prerequisites install the same way from inside `npm test` / `npm start` as by
// hand. Regression: code-server's postinstall read the outer npm's Node from the inherited
// npm_config_user_agent and refused to install. Runs offline: the package installed is local.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../support/paths';

const repo = ROOT;
const moduleUrl = (rel: string) => pathToFileURL(join(repo, rel)).href;

/** What an npm running on another Node exports to the scripts it runs. */
const OUTER_NPM = {
  npm_config_user_agent: 'npm/10.0.0 node/v18.0.0 linux x64 workspaces/false',
  npm_config_uqpay_outer_setting: 'leaked',
  npm_config_nodedir: '/nonexistent/outer-node',
  npm_lifecycle_event: 'outer',
  NODE: '/nonexistent/outer-node/bin/node',
  INIT_CWD: '/nonexistent',
};

describe('end-to-end prerequisites: npm environment', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'uqpay-prereqs-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('an install run from inside `npm run` sees its own Node in npm_config_user_agent and no outer settings', function () {
    this.timeout(120_000);
    // A package whose postinstall fails, as code-server's does, unless the user agent names the
    // Node that actually runs it; it also fails on any setting inherited from the outer npm.
    const probe = join(dir, 'probe');
    mkdirSync(probe);
    writeFileSync(join(probe, 'package.json'), JSON.stringify({
      name: 'uqpay-node-probe', version: '1.0.0', scripts: { postinstall: 'node check.cjs' },
    }));
    writeFileSync(join(probe, 'check.cjs'), `
      const fs = require('fs');
      const ua = process.env.npm_config_user_agent || '';
      const seen = { ua, node: process.version, outer: process.env.npm_config_uqpay_outer_setting ?? null };
      fs.writeFileSync(process.env.UQPAY_PROBE_OUT, JSON.stringify(seen));
      if (!ua.includes('node/' + process.version + ' ')) {
        console.error('ERROR: this package requires the Node in its user agent; we have detected ' + ua);
        process.exit(1);
      }
      if (seen.outer !== null) process.exit(1);
    `);
    // The outer project: `npm run install-probe` calls the prerequisites' own install helper.
    const outer = join(dir, 'outer');
    mkdirSync(outer);
    writeFileSync(join(outer, 'package.json'), JSON.stringify({
      name: 'outer', private: true, scripts: { 'install-probe': 'node driver.mjs' },
    }));
    writeFileSync(join(outer, 'driver.mjs'), `
      import { npmInstallInto } from ${JSON.stringify(moduleUrl('scripts/e2e-prereqs.mjs'))};
      try {
        npmInstallInto(${JSON.stringify(join(dir, 'target'))}, ${JSON.stringify(`file:${probe}`)}, { quiet: true });
      } catch (e) {
        console.error(e.message);
        process.exit(1);
      }
    `);
    const out = join(dir, 'seen.json');
    const r = spawnSync('npm', ['run', '--silent', 'install-probe'], {
      cwd: outer,
      encoding: 'utf8',
      env: { ...process.env, ...OUTER_NPM, UQPAY_PROBE_OUT: out },
      timeout: 110_000,
    });
    const seen = JSON.parse(readFileSync(out, 'utf8')) as { ua: string; node: string; outer: string | null };
    assert.ok(seen.ua.includes(`node/${seen.node} `), `the postinstall saw "${seen.ua}" on ${seen.node}`);
    assert.equal(seen.outer, null, 'a setting of the outer npm reached the inner install');
    assert.equal(r.status, 0, r.stderr);
  });

  it('cleanEnv drops what an outer npm exports and keeps how to reach the registry', () => {
    const base = {
      ...OUTER_NPM,
      NPM_CONFIG_LOGLEVEL: 'silent',
      npm_config_registry: 'http://127.0.0.1:4873/',
      npm_config_https_proxy: 'http://127.0.0.1:3128',
      HOME: '/home/dev',
      PATH: '/work/p/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:/usr/bin',
    };
    const script = `
      import { cleanEnv } from ${JSON.stringify(moduleUrl('scripts/lib/npmEnv.mjs'))};
      const env = cleanEnv({ base: ${JSON.stringify(base)}, prependPath: '/opt/node24/bin',
        extra: { npm_config_nodedir: '/opt/node24', HOME: undefined } });
      console.log(JSON.stringify(env));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      npm_config_registry: 'http://127.0.0.1:4873/',
      npm_config_https_proxy: 'http://127.0.0.1:3128',
      PATH: '/opt/node24/bin:/usr/bin',
      npm_config_nodedir: '/opt/node24',
    });
  });
});
