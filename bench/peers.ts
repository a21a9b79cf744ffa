/**
 * What the service is compared with, in process and on the same text: a bare regex floor, the
 * JSON language service with a schema (VS Code's built-in JSON support), and a tree-sitter parse.
 */
import { join } from 'node:path';
import { Language, Parser, type Tree } from '@vscode/tree-sitter-wasm';
import { getLanguageService, TextDocument as JsonTextDocument, type JSONSchema } from 'vscode-json-languageservice';
import type { CorpusCodes, SourceLanguage } from './corpus';

/** Finds every quoted string; the least any literal-based analysis has to do. */
const QUOTED = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g;

export function regexFloor(text: string): number {
  let n = 0;
  QUOTED.lastIndex = 0;
  while (QUOTED.exec(text) !== null) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// JSON peer

/** A schema for one log line: an error body (envelope A or B), a success body, or a log wrapper. */
export function logLineSchema(codes: CorpusCodes): JSONSchema {
  const errorA: JSONSchema = {
    type: 'object',
    required: ['type', 'code', 'message'],
    properties: {
      type: { enum: codes.types },
      code: { enum: codes.stringCodes.map((c) => c.code) },
      message: { type: 'string' },
    },
  };
  const errorB: JSONSchema = {
    type: 'object',
    required: ['code', 'message'],
    properties: { code: { enum: codes.numericCodes.map((c) => c.code) }, message: { type: 'string' } },
    not: { required: ['type'] },
  };
  // a success body has no `code`; a log wrapper (with `body`) must not pass as one
  const success: JSONSchema = { type: 'object', not: { anyOf: [{ required: ['code'] }, { required: ['body'] }] } };
  const body: JSONSchema = { anyOf: [errorA, errorB, success] };
  const wrapper: JSONSchema = {
    type: 'object',
    required: ['ts', 'body'],
    properties: { ts: { type: 'string' }, level: { type: 'string' }, http_status: { type: 'integer' }, body },
  };
  return { anyOf: [wrapper, body] };
}

export class JsonPeer {
  private readonly service = getLanguageService({});

  constructor(codes: CorpusCodes) {
    // Associated by file name, as VS Code's JSON support does: the schema is compiled once and
    // cached. (Passing it to each doValidation call would register a new schema per line.)
    this.service.configure({ validate: true, allowComments: false, schemas: [{ uri: 'bench://schemas/uqpay-log-line.json', fileMatch: ['*.json'], schema: logLineSchema(codes) }] });
  }

  /** Validates each line as its own document; returns the number of diagnostics. */
  async validateLines(text: string): Promise<number> {
    let count = 0;
    let start = 0;
    let i = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end);
      start = end + 1;
      if (line.length === 0) continue;
      const doc = JsonTextDocument.create(`bench://log/${i++}.json`, 'json', 1, line);
      const parsed = this.service.parseJSONDocument(doc);
      count += (await this.service.doValidation(doc, parsed, { comments: 'error', trailingCommas: 'error' })).length;
    }
    return count;
  }
}

// ---------------------------------------------------------------------------------------------
// structure peer

const WASM_DIR = join(__dirname, '..', 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
const GRAMMARS: Record<SourceLanguage, string> = {
  typescript: 'tree-sitter-typescript.wasm',
  python: 'tree-sitter-python.wasm',
  go: 'tree-sitter-go.wasm',
};

export class TreeSitterPeer {
  private constructor(private readonly parsers: Record<SourceLanguage, Parser>) {}

  static async create(): Promise<TreeSitterPeer> {
    await Parser.init({ locateFile: (file: string) => join(WASM_DIR, file) });
    const parsers = {} as Record<SourceLanguage, Parser>;
    for (const lang of Object.keys(GRAMMARS) as SourceLanguage[]) {
      const parser = new Parser();
      parser.setLanguage(await Language.load(join(WASM_DIR, GRAMMARS[lang])));
      parsers[lang] = parser;
    }
    return new TreeSitterPeer(parsers);
  }

  parse(language: SourceLanguage, text: string, old?: Tree): Tree {
    const tree = this.parsers[language].parse(text, old ?? null);
    if (!tree) throw new Error(`tree-sitter returned no tree for ${language}`);
    return tree;
  }

  /** Parses, then re-parses incrementally after inserting `insert` at `offset` (the edit peer). */
  reparseAfterInsert(language: SourceLanguage, text: string, tree: Tree, offset: number, insert: string): Tree {
    const before = text.slice(0, offset);
    const row = before.split('\n').length - 1;
    const column = offset - (before.lastIndexOf('\n') + 1);
    tree.edit({
      startIndex: offset,
      oldEndIndex: offset,
      newEndIndex: offset + insert.length,
      startPosition: { row, column },
      oldEndPosition: { row, column },
      newEndPosition: { row, column: column + insert.length },
    });
    return this.parse(language, text.slice(0, offset) + insert + text.slice(offset), tree);
  }

  dispose(): void {
    for (const p of Object.values(this.parsers)) p.delete();
  }
}
