/**
 * Test helper: parse a text with one of the tree-sitter grammars VS Code ships
 * (`@vscode/tree-sitter-wasm`) and list its ERROR and MISSING nodes, so tests can prove that a
 * quick fix leaves the file syntactically valid.
 */
import { join } from 'node:path';
import type * as TreeSitter from '@vscode/tree-sitter-wasm';

const WASM_DIR = join(__dirname, '..', '..', 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');

/** languageId → grammar file. Kotlin and Swift have no grammar in the package. */
const GRAMMARS: Record<string, string> = {
  typescript: 'tree-sitter-typescript.wasm',
  typescriptreact: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  javascriptreact: 'tree-sitter-javascript.wasm',
  python: 'tree-sitter-python.wasm',
  go: 'tree-sitter-go.wasm',
  java: 'tree-sitter-java.wasm',
  csharp: 'tree-sitter-c-sharp.wasm',
  php: 'tree-sitter-php.wasm',
  ruby: 'tree-sitter-ruby.wasm',
  rust: 'tree-sitter-rust.wasm',
};

export function hasGrammar(languageId: string): boolean {
  return languageId in GRAMMARS;
}

let ready: Promise<typeof TreeSitter> | undefined;
const languages = new Map<string, Promise<TreeSitter.Language>>();

function runtime(): Promise<typeof TreeSitter> {
  ready ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require(join(WASM_DIR, 'tree-sitter.js')) as typeof TreeSitter;
    await ts.Parser.init({ locateFile: (file: string) => join(WASM_DIR, file) });
    return ts;
  })();
  return ready;
}

export interface SyntaxProblem {
  kind: 'ERROR' | 'MISSING';
  /** Node type (for MISSING, the token the parser expected). */
  type: string;
  line: number;
  column: number;
  text: string;
}

/** Parses `text` as `languageId` and returns every ERROR and MISSING node (empty = clean). */
export async function syntaxProblems(text: string, languageId: string): Promise<SyntaxProblem[]> {
  const file = GRAMMARS[languageId];
  if (!file) throw new Error(`no tree-sitter grammar for ${languageId}`);
  const ts = await runtime();
  let lang = languages.get(file);
  if (!lang) {
    lang = ts.Language.load(join(WASM_DIR, file));
    languages.set(file, lang);
  }
  const parser = new ts.Parser();
  try {
    parser.setLanguage(await lang);
    const tree = parser.parse(text);
    if (!tree) throw new Error('tree-sitter returned no tree');
    const problems: SyntaxProblem[] = [];
    // Iterative walk: deep trees must not overflow the stack.
    const cursor = tree.walk();
    let done = false;
    while (!done) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) {
        problems.push({
          kind: node.isMissing ? 'MISSING' : 'ERROR',
          type: node.type,
          line: node.startPosition.row,
          column: node.startPosition.column,
          text: node.text.slice(0, 80),
        });
      }
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true;
          break;
        }
      }
    }
    tree.delete();
    return problems;
  } finally {
    parser.delete();
  }
}
