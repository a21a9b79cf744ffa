/**
 * "Add missing cases" keeps behaviour and compiles, in every language and form (issue 13 item 6,
 * issue 16): the new branch does what the existing default does today — falls into it where the
 * language lets it, else repeats its body or value (binding the subject's name where the default
 * binds one) — with the advice as a comment; without a default it is an explicit "not handled
 * yet" that compiles where the statement stands. The switches handle create_ and
 * update_customer_failed, so the one missing code is retrieve_customer_failed; every expected
 * insertion below is written by hand from the default branch of its source.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../../../../catalog/src/index';
import { getSwitchCaseActions } from '../../../../server/src/service/switchCases';
import { hasGrammar, syntaxProblems } from '../../../support/treeSitter';

const catalog = loadBuiltinCatalog();
/** The advice line of retrieve_customer_failed (catalog), as the comment carries it. */
const ADVICE = 'Check that the customer id exists and belongs to the authenticated account';
const CODE = 'retrieve_customer_failed';

interface Row {
  name: string;
  languageId: string;
  /** `‸` marks the cursor. */
  source: string;
  /** The inserted text, exactly. */
  inserted: string;
  /**
   * What the default does as the source spells it, which each new branch must do too
   * (undefined: it falls into the default, or there is none).
   */
  body?: string;
  noDefault?: true;
}

const C = `// ${ADVICE}`;
const P = `# ${ADVICE}`;

const ROWS: Row[] = [
  // --- TypeScript (checked with tsc --strict) --------------------------------------------------
  {
    name: 'TypeScript statement whose default throws: the new label falls into the throw',
    languageId: 'typescript',
    source: [
      'export function f(err: { code: string }): string {',
      '  switch (err.code) {',
      "    case 'create_customer_failed':‸",
      "    case 'update_customer_failed':",
      "      return 'retry';",
      '    default:',
      '      throw new Error(err.code);',
      '  }',
      '}',
      '',
    ].join('\n'),
    inserted: `    case '${CODE}': ${C}\n`,
  },
  {
    name: 'TypeScript statement whose default returns a value: the new label falls into the return',
    languageId: 'typescript',
    source: [
      'export function f(err: { code: string }): number {',
      '  switch (err.code) {',
      "    case 'create_customer_failed': return 1;‸",
      "    case 'update_customer_failed': return 2;",
      '    default: return 0;',
      '  }',
      '}',
      '',
    ].join('\n'),
    inserted: `    case '${CODE}': ${C}\n`,
  },
  {
    name: 'TypeScript statement without a default: the new case does nothing yet and says so',
    languageId: 'typescript',
    noDefault: true,
    source: [
      'export function f(err: { code: string }): number {',
      '  switch (err.code) {',
      "    case 'create_customer_failed':‸",
      "    case 'update_customer_failed':",
      '      return 1;',
      '  }',
      '  return 0;',
      '}',
      '',
    ].join('\n'),
    inserted: `    case '${CODE}': ${C}\n      // TODO: not handled yet\n      break;\n`,
  },
  // --- Java --------------------------------------------------------------------------------------
  {
    name: 'Java colon statement whose default throws: the label falls into it',
    languageId: 'java',
    source: [
      'class A {',
      '    String f(UqpayException e) {',
      '        switch (e.getCode()) {',
      '            case "create_customer_failed":‸',
      '            case "update_customer_failed":',
      '                return "retry";',
      '            default:',
      '                throw new IllegalStateException(e.getCode(), e);',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n'),
    inserted: `            case "${CODE}": ${C}\n`,
  },
  {
    name: 'Java arrow statement whose default throws: the new arm throws the same',
    languageId: 'java',
    source: [
      'class A {',
      '    void f(UqpayException e) {',
      '        switch (e.getCode()) {',
      '            case "create_customer_failed", "update_customer_failed" -> retry();‸',
      '            default -> throw new IllegalStateException(e.getCode(), e);',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n'),
    body: 'throw new IllegalStateException(e.getCode(), e);',
    inserted: `            case "${CODE}" -> throw new IllegalStateException(e.getCode(), e); ${C}\n`,
  },
  {
    name: 'Java arrow statement whose default is a block over several lines: the block is repeated under the advice',
    languageId: 'java',
    source: [
      'class A {',
      '    void f(UqpayException e) {',
      '        switch (e.getCode()) {',
      '            case "create_customer_failed", "update_customer_failed" -> retry();‸',
      '            default -> {',
      '                log(e);',
      '                throw e;',
      '            }',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n'),
    body: '{\n                log(e);\n                throw e;\n            }',
    inserted: `            ${C}\n            case "${CODE}" -> {\n                log(e);\n                throw e;\n            }\n`,
  },
  {
    name: 'Java switch expression (arrow): the new arm yields the default\'s value',
    languageId: 'java',
    source: [
      'class A {',
      '    String f(UqpayException e) {',
      '        return switch (e.getCode()) {',
      '            case "create_customer_failed", "update_customer_failed" -> "retry";‸',
      '            default -> e.getMessage();',
      '        };',
      '    }',
      '}',
      '',
    ].join('\n'),
    body: 'e.getMessage();',
    inserted: `            case "${CODE}" -> e.getMessage(); ${C}\n`,
  },
  {
    name: 'Java switch expression with colon labels and yield: the label falls into the default\'s yield',
    languageId: 'java',
    source: [
      'class A {',
      '    String f(UqpayException e) {',
      '        String s = switch (e.getCode()) {',
      '            case "create_customer_failed":‸',
      '            case "update_customer_failed":',
      '                yield "retry";',
      '            default:',
      '                yield e.getMessage();',
      '        };',
      '        return s;',
      '    }',
      '}',
      '',
    ].join('\n'),
    inserted: `            case "${CODE}": ${C}\n`,
  },
  // --- C# ------------------------------------------------------------------------------------------
  {
    name: 'C# statement whose default throws: the label joins the default\'s section',
    languageId: 'csharp',
    source: [
      'class A {',
      '    string F(UqpayException ex) {',
      '        switch (ex.Code) {',
      '            case "create_customer_failed":‸',
      '            case "update_customer_failed":',
      '                return "retry";',
      '            default:',
      '                throw new InvalidOperationException(ex.Code);',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n'),
    inserted: `            case "${CODE}": ${C}\n`,
  },
  {
    name: 'C# switch expression: the new arm yields what the discard arm yields',
    languageId: 'csharp',
    source: [
      'class A {',
      '    string F(UqpayException ex) => ex.Code switch {',
      '        "create_customer_failed" or "update_customer_failed" => "retry",‸',
      '        _ => ex.Message,',
      '    };',
      '}',
      '',
    ].join('\n'),
    body: 'ex.Message',
    inserted: `        "${CODE}" => ex.Message, ${C}\n`,
  },
  {
    name: 'C# switch expression whose catch-all binds the code: the new arm binds it too',
    languageId: 'csharp',
    source: [
      'class A {',
      '    string F(UqpayException ex) => ex.Code switch {',
      '        "create_customer_failed" or "update_customer_failed" => "retry",‸',
      '        var other => Describe(other),',
      '    };',
      '}',
      '',
    ].join('\n'),
    body: 'Describe(other)',
    inserted: `        "${CODE}" and var other => Describe(other), ${C}\n`,
  },
  // --- PHP -------------------------------------------------------------------------------------------
  {
    name: 'PHP switch whose default returns: the label falls into it',
    languageId: 'php',
    source: [
      '<?php',
      'function f(UqpayException $e): string {',
      '    switch ($e->getCode()) {',
      "        case 'create_customer_failed':‸",
      "        case 'update_customer_failed':",
      "            return 'retry';",
      '        default:',
      '            return $e->getMessage();',
      '    }',
      '}',
      '',
    ].join('\n'),
    inserted: `        case '${CODE}': ${C}\n`,
  },
  {
    name: 'PHP match: the new arm yields what default yields, not null',
    languageId: 'php',
    source: [
      '<?php',
      'function f(UqpayException $e): string {',
      '    return match ($e->getCode()) {',
      "        'create_customer_failed', 'update_customer_failed' => 'retry',‸",
      '        default => $e->getMessage(),',
      '    };',
      '}',
      '',
    ].join('\n'),
    body: '$e->getMessage()',
    inserted: `        '${CODE}' => $e->getMessage(), ${C}\n`,
  },
  // --- Go ---------------------------------------------------------------------------------------------
  {
    name: 'Go switch whose default returns the error: the new case falls through into it',
    languageId: 'go',
    source: [
      'package billing',
      '',
      'func f(apiErr *APIError) error {',
      '\tswitch apiErr.Code {',
      '\tcase "create_customer_failed", "update_customer_failed":‸',
      '\t\treturn nil',
      '\tdefault:',
      '\t\treturn apiErr',
      '\t}',
      '}',
      '',
    ].join('\n'),
    inserted: `\tcase "${CODE}":\n\t\t${C}\n\t\tfallthrough\n`,
  },
  // --- Python (checked with py_compile) ----------------------------------------------------------------
  {
    name: 'Python match whose wildcard raises: the new case raises too (no pass that would swallow it)',
    languageId: 'python',
    source: [
      'def f(e):',
      '    match e.code:',
      '        case "create_customer_failed" | "update_customer_failed":',
      '            return "retry"‸',
      '        case _:',
      '            raise',
      '',
    ].join('\n'),
    body: '            raise',
    inserted: `        case "${CODE}":  ${P}\n            raise\n`,
  },
  {
    name: 'Python match whose capture pattern uses the name: the new case binds it with `as`',
    languageId: 'python',
    source: [
      'def f(e):',
      '    match e.code:',
      '        case "create_customer_failed" | "update_customer_failed":',
      '            return "retry"‸',
      '        case other:',
      '            log(other)',
      '            return describe(other)',
      '',
    ].join('\n'),
    body: '            log(other)\n            return describe(other)',
    inserted: `        case "${CODE}" as other:  ${P}\n            log(other)\n            return describe(other)\n`,
  },
  {
    name: 'Python match whose wildcard body sits on its line: the new case repeats it on its line',
    languageId: 'python',
    source: [
      'def f(e):',
      '    match e.code:',
      '        case "create_customer_failed" | "update_customer_failed": return "retry"‸',
      '        case _: return None',
      '',
    ].join('\n'),
    body: 'return None',
    inserted: `        case "${CODE}": return None  ${P}\n`,
  },
  // --- Ruby ------------------------------------------------------------------------------------------------
  {
    name: 'Ruby case/when used as a value: the new branch yields what else yields',
    languageId: 'ruby',
    source: [
      'def f(error)',
      '  action = case error.code',
      '           when "create_customer_failed", "update_customer_failed"',
      '             :retry‸',
      '           else',
      '             :escalate',
      '           end',
      '  action',
      'end',
      '',
    ].join('\n'),
    body: '             :escalate',
    inserted: `           when "${CODE}"\n             ${P}\n             :escalate\n`,
  },
  {
    name: 'Ruby case/in whose else raises: the new branch raises the same',
    languageId: 'ruby',
    source: [
      'def f(error)',
      '  case error.code',
      '  in "create_customer_failed" | "update_customer_failed"',
      '    :retry‸',
      '  else',
      '    raise error',
      '  end',
      'end',
      '',
    ].join('\n'),
    body: '    raise error',
    inserted: `  in "${CODE}"\n    ${P}\n    raise error\n`,
  },
  // --- Rust --------------------------------------------------------------------------------------------------
  {
    name: 'Rust match used as a value: the new arm yields what the wildcard yields, not todo!()',
    languageId: 'rust',
    source: [
      'fn f(code: &str) -> &\'static str {',
      '    match code {',
      '        "create_customer_failed" | "update_customer_failed" => "retry",‸',
      '        _ => "escalate",',
      '    }',
      '}',
      '',
    ].join('\n'),
    body: '"escalate"',
    inserted: `        "${CODE}" => "escalate", ${C}\n`,
  },
  {
    name: 'Rust match whose catch-all binds the code: the new arm binds it with `@`',
    languageId: 'rust',
    source: [
      'fn f(code: &str) -> String {',
      '    match code {',
      '        "create_customer_failed" | "update_customer_failed" => String::from("retry"),‸',
      '        other => describe(other),',
      '    }',
      '}',
      '',
    ].join('\n'),
    body: 'describe(other)',
    inserted: `        other @ "${CODE}" => describe(other), ${C}\n`,
  },
  {
    name: 'Rust match in statement position whose wildcard returns early: the new arm returns the same',
    languageId: 'rust',
    source: [
      'fn f(err: &ApiError) -> Result<(), ApiError> {',
      '    match err.code.as_str() {',
      '        "create_customer_failed" | "update_customer_failed" => retry(),‸',
      '        _ => return Err(err.clone()),',
      '    }',
      '    Ok(())',
      '}',
      '',
    ].join('\n'),
    body: 'return Err(err.clone())',
    inserted: `        "${CODE}" => return Err(err.clone()), ${C}\n`,
  },
  // --- Kotlin (no grammar here: exact text) ----------------------------------------------------------------------
  {
    name: 'Kotlin when statement whose else throws: the new branch throws the same, not an empty block',
    languageId: 'kotlin',
    source: 'fun f(e: UqpayApiException) {\n    when (e.code) {\n        "create_customer_failed", "update_customer_failed" -> retry()‸\n        else -> throw e\n    }\n}\n',
    body: 'throw e',
    inserted: `        "${CODE}" -> throw e ${C}\n`,
  },
  {
    name: 'Kotlin when expression: the new branch yields what else yields, not TODO()',
    languageId: 'kotlin',
    source: 'fun f(e: UqpayApiException): String = when (e.code) {\n    "create_customer_failed", "update_customer_failed" -> "retry"‸\n    else -> e.message ?: "unknown"\n}\n',
    body: 'e.message ?: "unknown"',
    inserted: `    "${CODE}" -> e.message ?: "unknown" ${C}\n`,
  },
  {
    name: 'Kotlin when with a subject binding: the repeated branch reads the same name',
    languageId: 'kotlin',
    source: 'fun f(e: UqpayApiException): String {\n    return when (val c = e.code) {\n        "create_customer_failed", "update_customer_failed" -> "retry"‸\n        else -> describe(c)\n    }\n}\n',
    body: 'describe(c)',
    inserted: `        "${CODE}" -> describe(c) ${C}\n`,
  },
  // --- Swift (no grammar here: exact text) ----------------------------------------------------------------------
  {
    name: 'Swift statement whose default throws: the new case falls through into it',
    languageId: 'swift',
    source: 'func f(_ e: UQPayError) throws -> String {\n    switch e.code {\n    case "create_customer_failed", "update_customer_failed":\n        return "retry"‸\n    default:\n        throw e\n    }\n}\n',
    inserted: `    case "${CODE}": ${C}\n        fallthrough\n`,
  },
  {
    name: 'Swift switch used as a value: the new case yields what default yields, not fatalError()',
    languageId: 'swift',
    source: 'func f(_ e: UQPayError) -> String {\n    let s = switch e.code {\n    case "create_customer_failed", "update_customer_failed": "retry"‸\n    default: "unknown"\n    }\n    return s\n}\n',
    body: '"unknown"',
    inserted: `    case "${CODE}": "unknown" ${C}\n`,
  },
  {
    name: 'Swift value switch whose catch-all binds the code: the new case binds it with a where clause',
    languageId: 'swift',
    source: 'func f(_ e: UQPayError) -> String {\n    return switch e.code {\n    case "create_customer_failed", "update_customer_failed": "retry"‸\n    case let other: describe(other)\n    }\n}\n',
    body: 'describe(other)',
    inserted: `    case let other where other == "${CODE}": describe(other) ${C}\n`,
  },
  // --- Dart (no grammar here: exact text) ------------------------------------------------------------------------
  {
    name: 'Dart switch statement whose default throws: the empty case shares the default\'s body',
    languageId: 'dart',
    source: "String f(UqpayError e) {\n  switch (e.serverCode) {\n    case 'create_customer_failed':‸\n    case 'update_customer_failed':\n      return 'retry';\n    default:\n      throw StateError(e.developerMessage);\n  }\n}\n",
    inserted: `    case '${CODE}': ${C}\n`,
  },
  {
    name: 'Dart 3 switch expression: the new arm yields what the wildcard yields',
    languageId: 'dart',
    source: "String f(UqpayError e) => switch (e.serverCode) {\n      'create_customer_failed' || 'update_customer_failed' => 'retry',‸\n      _ => 'unknown',\n    };\n",
    body: "'unknown'",
    inserted: `      '${CODE}' => 'unknown', ${C}\n`,
  },
  {
    name: 'Dart 3 switch expression whose catch-all binds the code: the new arm binds it with &&',
    languageId: 'dart',
    source: "String f(UqpayError e) => switch (e.serverCode) {\n      'create_customer_failed' || 'update_customer_failed' => 'retry',‸\n      var other => describe(other),\n    };\n",
    body: 'describe(other)',
    inserted: `      '${CODE}' && var other => describe(other), ${C}\n`,
  },
  {
    name: 'Dart switch statement without a default: the new case does nothing yet and says so',
    languageId: 'dart',
    noDefault: true,
    source: "void f(UqpayError e) {\n  switch (e.serverCode) {\n    case 'create_customer_failed':‸\n    case 'update_customer_failed':\n      retry();\n  }\n}\n",
    inserted: `    case '${CODE}': ${C}\n      // TODO: not handled yet\n      break;\n`,
  },
];

async function fix(row: Row): Promise<{ text: string; inserted: string; title: string; original: string }> {
  const at = row.source.indexOf('‸');
  const original = row.source.slice(0, at) + row.source.slice(at + 1);
  const doc = TextDocument.create(`file:///value/${row.languageId}`, row.languageId, 1, original);
  const pos = doc.positionAt(at);
  const actions = await getSwitchCaseActions(doc, { start: pos, end: pos }, catalog, 'en');
  assert.equal(actions.length, 1, 'one action is offered');
  const edits = actions[0]!.edit!.changes![doc.uri]!;
  return { text: TextDocument.applyEdits(doc, edits), inserted: edits[0]!.newText, title: actions[0]!.title, original };
}

/** Type errors of a TypeScript module under `strict`, with nothing but the standard library. */
function strictTypeErrors(text: string): string[] {
  const options: ts.CompilerOptions = { strict: true, noEmit: true, noImplicitReturns: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: [] };
  const host = ts.createCompilerHost(options);
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (f, v, onError, create) => (f === 'fixed.ts' ? ts.createSourceFile(f, text, v) : getSource(f, v, onError, create));
  return ts.getPreEmitDiagnostics(ts.createProgram(['fixed.ts'], options, host)).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

function pyCompileErrors(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'uqpay-value-'));
  try {
    const file = join(dir, 'fixed.py');
    writeFileSync(file, text);
    const r = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
    return r.status === 0 ? '' : r.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The fixed text compiles where we can compile it here, else parses clean (tree-sitter). */
async function assertCompiles(text: string, languageId: string, what: string): Promise<void> {
  if (languageId === 'typescript') assert.deepEqual(strictTypeErrors(text), [], `${what}:\n${text}`);
  else if (languageId === 'python') assert.equal(pyCompileErrors(text), '', `${what}:\n${text}`);
  else if (hasGrammar(languageId)) assert.deepEqual(await syntaxProblems(text, languageId), [], `${what}:\n${text}`);
}

describe('switchCases: new branches do what the default does, and compile', function () {
  this.timeout(30_000);
  for (const row of ROWS) {
    it(row.name, async () => {
      const r = await fix(row);
      await assertCompiles(r.original, row.languageId, 'the source before the fix');
      assert.equal(r.inserted, row.inserted);
      assert.equal(r.title, `Add 1 missing UQPAY error case${row.noDefault ? ' (no default branch)' : ''}`);
      if (row.body !== undefined) {
        // behaviour: the default's body, as written, once in the new branch and once in the default
        assert.ok(r.original.includes(row.body), 'the expected body is the default\'s');
        assert.ok(r.inserted.includes(row.body), 'the new branch repeats the default\'s body');
      }
      assert.ok(!/\bTODO\(|todo!|fatalError|NotImplementedException|UnsupportedOperationException|=> null/.test(r.inserted), 'no placeholder that throws or yields null');
      await assertCompiles(r.text, row.languageId, 'the fixed source');
    });
  }
});
