import type { Family } from './scanners/types';

const FAMILY: Record<string, Family | 'markdown'> = {
  typescript: 'js', typescriptreact: 'js', javascript: 'js', javascriptreact: 'js',
  python: 'python', go: 'go', java: 'java', kotlin: 'kotlin', csharp: 'csharp', php: 'php',
  ruby: 'ruby', rust: 'rust', swift: 'swift', dart: 'dart',
  json: 'json', jsonc: 'json', jsonl: 'json', snippets: 'json',
  yaml: 'yaml', markdown: 'markdown', plaintext: 'text', log: 'text', http: 'text',
};

/** How a language is read, or undefined for a language the service does not know. */
export function familyOf(languageId: string): Family | 'markdown' | undefined {
  return FAMILY[languageId];
}

/**
 * Whether a language is code (and Markdown, for its fences), not data: a response, a config, a log.
 * Where nothing says UQPAY, code gets only what is UQPAY's alone; data is read as a response.
 */
export function isCode(languageId: string): boolean {
  const family = FAMILY[languageId];
  return family !== undefined && family !== 'json' && family !== 'yaml' && family !== 'text';
}

const EXTENSIONS: Record<string, string> = {
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact',
  py: 'python', pyi: 'python', go: 'go', java: 'java', kt: 'kotlin', kts: 'kotlin', cs: 'csharp',
  php: 'php', rb: 'ruby', rs: 'rust', swift: 'swift', dart: 'dart',
  json: 'json', jsonc: 'jsonc', json5: 'jsonc', jsonl: 'jsonl', ndjson: 'jsonl',
  yaml: 'yaml', yml: 'yaml', md: 'markdown', markdown: 'markdown',
  txt: 'plaintext', text: 'plaintext', log: 'log', http: 'http', rest: 'http',
};

/** The language id for a file path by its extension ('.ts' → 'typescript', '.jsonl' → 'jsonl', '.http' → 'http'). */
export function languageIdForPath(path: string): string | undefined {
  const base = path.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  if (dot < 0) return undefined;
  return EXTENSIONS[base.slice(dot + 1).toLowerCase()];
}
