/** Language ids the language server answers for (the service contract's list). */
export const SERVER_LANGUAGES: readonly string[] = [
  'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'java', 'kotlin',
  'csharp', 'php', 'ruby', 'rust', 'swift', 'json', 'jsonc', 'jsonl', 'yaml', 'markdown', 'plaintext', 'log', 'http',
];
