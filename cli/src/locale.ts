import type { Lang } from '../../catalog/src/types';

/**
 * The documentation language from the POSIX locale variables, in their order of precedence:
 * the first one set and non-empty decides (LC_ALL, then LC_MESSAGES, then LANG).
 */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return /^zh/i.test(value) ? 'zh-CN' : 'en';
  }
  return 'en';
}
