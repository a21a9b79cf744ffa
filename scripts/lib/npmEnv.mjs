// The environment for a child npm or Node that must not inherit the npm we were started from.
//
// `npm start` / `npm test` export npm_config_user_agent (naming the outer Node), npm_config_nodedir,
// npm_lifecycle_*, NODE, and put node_modules/.bin and npm's node-gyp-bin first on PATH. An inner
// `npm install` reads every npm_config_* as its own configuration, so code-server's postinstall saw
// "node/v20" while it ran on Node 24. We drop all of that and keep only settings that say how to
// reach the registry, which do not depend on the Node that runs npm.

/** npm settings that may pass through: where the registry is and how to reach it. */
const KEEP = new Set([
  'registry', 'proxy', 'https_proxy', 'noproxy', 'cafile', 'ca', 'cert', 'key', 'strict_ssl',
  'userconfig', 'globalconfig', 'cache',
]);

/** True for a PATH entry that an outer npm run-script inserted. */
function addedByNpm(dir) {
  return /[\\/]node_modules[\\/]\.bin[\\/]?$/.test(dir) || /[\\/]node-gyp-bin[\\/]?$/.test(dir);
}

/**
 * A copy of `base` without what an outer npm exported, then `extra` on top (an `undefined` value
 * removes the variable). `prependPath` goes first on PATH.
 */
export function cleanEnv({ base = process.env, extra = {}, prependPath } = {}) {
  const env = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith('npm_config_') && KEEP.has(lower.slice('npm_config_'.length))) {
      env[name] = value;
      continue;
    }
    if (lower.startsWith('npm_') || name === 'INIT_CWD' || name === 'NODE') continue;
    env[name] = value;
  }
  const path = (env.PATH ?? '').split(':').filter((d) => d && !addedByNpm(d));
  if (prependPath) path.unshift(prependPath);
  env.PATH = path.join(':');
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
