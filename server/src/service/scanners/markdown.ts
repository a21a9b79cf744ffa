/** A fenced code block of a Markdown document: its language id and content range. */
export interface Fence {
  languageId: string;
  start: number;
  end: number;
}

const INFO_TO_LANGUAGE: Record<string, string> = {
  ts: 'typescript', typescript: 'typescript', tsx: 'typescriptreact', js: 'javascript', javascript: 'javascript',
  jsx: 'javascriptreact', mjs: 'javascript', cjs: 'javascript', node: 'javascript',
  py: 'python', python: 'python', python3: 'python', go: 'go', golang: 'go', java: 'java',
  kt: 'kotlin', kotlin: 'kotlin', kts: 'kotlin', cs: 'csharp', csharp: 'csharp', 'c#': 'csharp',
  php: 'php', rb: 'ruby', ruby: 'ruby', rs: 'rust', rust: 'rust', swift: 'swift', dart: 'dart',
  json: 'json', jsonc: 'jsonc', json5: 'jsonc', jsonl: 'jsonl', ndjson: 'jsonl',
  yaml: 'yaml', yml: 'yaml', http: 'http', rest: 'http',
  text: 'plaintext', txt: 'plaintext', log: 'log', console: 'log', shell: 'log', sh: 'log', bash: 'log', '': 'plaintext',
};

/** Fences with a language we read; unknown languages are skipped (an unclosed fence runs to the end). */
export function findFences(text: string): Fence[] {
  const fences: Fence[] = [];
  const re = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`{]*)[^\n]*$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const marker = m[1];
    const info = m[2].toLowerCase();
    const contentStart = Math.min(text.length, m.index + m[0].length + 1);
    const closer = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'gm');
    closer.lastIndex = contentStart;
    const c = closer.exec(text);
    const contentEnd = c ? c.index : text.length;
    const languageId = INFO_TO_LANGUAGE[info];
    if (languageId) fences.push({ languageId, start: contentStart, end: Math.max(contentStart, contentEnd) });
    re.lastIndex = c ? c.index + c[0].length : text.length;
    if (!c) break;
  }
  return fences;
}
