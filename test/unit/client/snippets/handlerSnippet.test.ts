// Handler skeletons per language (Insert Error Handler and the catalog's "Copy handler snippet").
import assert from 'node:assert/strict';
import ts from 'typescript';
import { commentText, escapeSnippetText, handlerSkeleton, notYetHandled, snippetLanguageFor, snippetLead } from '../../../../client/src/snippets/handlerSnippet';

const cases = [
  { code: 'refund_amount_exceeded', comment: 'Lower the amount.' },
  { code: 200, comment: 'Resend with the same x-idempotency-key.' },
];

function tsSyntaxErrors(text: string): string[] {
  const wrapped = `declare const err: any; export function f() {\n${text}\n}`;
  const sf = ts.createSourceFile('x.ts', wrapped, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  return ((sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('handler skeletons', () => {
  it('writes a TypeScript switch on the code of the caught error, narrowed from unknown, with a comment per case falling into the rethrow', () => {
    const s = handlerSkeleton('typescript', cases);
    // until the developer writes the handling, every code is thrown again, as without the skeleton
    assert.equal(s.text, [
      "switch (typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined) {",
      "    case 'refund_amount_exceeded': // Lower the amount.",
      "    case '200': // Resend with the same x-idempotency-key.",
      '    default:',
      '        throw err;',
      '}',
    ].join('\n'));
    assert.deepEqual(tsSyntaxErrors(s.text), []);
    // one tab stop for the error, mirrored in the head and in the rethrow
    assert.equal(s.snippet.split('\n')[0], "switch (typeof ${1:err} === 'object' && $1 !== null && 'code' in $1 ? $1.code : undefined) {");
    assert.ok(s.snippet.includes('    default:\n        throw $1;\n'), s.snippet);
  });

  it('writes a Python match statement on e.code whose cases raise again, as case _ does', () => {
    assert.equal(handlerSkeleton('python', cases).text, [
      'match e.code:',
      '    case "refund_amount_exceeded":  # Lower the amount.',
      '        raise',
      '    case "200":  # Resend with the same x-idempotency-key.',
      '        raise',
      '    case _:',
      '        raise',
    ].join('\n'));
  });

  it('writes a Go switch on apiErr.Code indented with tabs, its cases falling through to the default', () => {
    assert.equal(handlerSkeleton('go', cases).text, [
      'switch apiErr.Code {',
      'case "refund_amount_exceeded":',
      '\t// Lower the amount.',
      '\tfallthrough',
      'case "200":',
      '\t// Resend with the same x-idempotency-key.',
      '\tfallthrough',
      'default:',
      '\treturn apiErr',
      '}',
    ].join('\n'));
  });

  it('writes Java arrow cases on e.getCode() that throw as the default does', () => {
    const t = handlerSkeleton('java', cases.slice(0, 1), '  ').text;
    assert.equal(t, ['switch (e.getCode()) {', '  case "refund_amount_exceeded" -> throw e; // Lower the amount.', '  default -> throw e;', '}'].join('\n'));
    assert.ok(handlerSkeleton('java', cases.slice(0, 1)).snippet.includes('case "refund_amount_exceeded" -> throw $1; // Lower'));
  });

  it('covers Kotlin when, C# switch, PHP switch, Ruby case/when, Rust match and Swift switch: each case does what the fallback does', () => {
    const one = cases.slice(0, 1);
    assert.equal(handlerSkeleton('kotlin', one).text, 'when (e.code) {\n    "refund_amount_exceeded" -> throw e // Lower the amount.\n    else -> throw e\n}');
    assert.equal(handlerSkeleton('csharp', one).text, 'switch (e.Code)\n{\n    case "refund_amount_exceeded": // Lower the amount.\n    default:\n        throw;\n}');
    assert.equal(handlerSkeleton('php', one).text, "switch ($error['code']) {\n    case 'refund_amount_exceeded': // Lower the amount.\n    default:\n        throw $e;\n}");
    assert.equal(handlerSkeleton('ruby', one).text, 'case error.code\nwhen "refund_amount_exceeded"\n    # Lower the amount.\n    raise\nelse\n    raise\nend');
    assert.equal(handlerSkeleton('rust', one).text, 'match err.code.as_str() {\n    "refund_amount_exceeded" => return Err(err), // Lower the amount.\n    _ => return Err(err),\n}');
    assert.equal(handlerSkeleton('swift', one).text, 'switch error.code {\ncase "refund_amount_exceeded": // Lower the amount.\n    fallthrough\ndefault:\n    throw error\n}');
  });

  it('writes a Dart switch on the Flutter SDK error\'s serverCode, its empty cases sharing the default', () => {
    assert.equal(handlerSkeleton('dart', cases).text, [
      'switch (error.serverCode) {',
      "    case 'refund_amount_exceeded': // Lower the amount.",
      "    case '200': // Resend with the same x-idempotency-key.",
      '    default:',
      '        break;',
      '}',
    ].join('\n'));
    assert.equal(snippetLanguageFor('dart'), 'dart');
  });

  it('maps editor languages to skeleton languages, TypeScript for the rest', () => {
    assert.equal(snippetLanguageFor('typescriptreact'), 'typescript');
    assert.equal(snippetLanguageFor('javascriptreact'), 'javascript');
    assert.equal(snippetLanguageFor('csharp'), 'csharp');
    assert.equal(snippetLanguageFor('markdown'), 'typescript');
    assert.equal(snippetLanguageFor(undefined), 'typescript');
  });

  it('escapes snippet syntax so PHP variables and braces are inserted literally', () => {
    const s = handlerSkeleton('php', cases.slice(0, 1));
    assert.match(s.snippet, /^switch \(\$\{1:\\\$error\}\['code'\]\) \{/);
    assert.ok(s.snippet.trimEnd().endsWith('\\}'));
    assert.equal(escapeSnippetText('a$b}c\\d'), 'a\\$b\\}c\\\\d');
  });

  it('keeps comments on one line, without comment terminators, and short', () => {
    assert.equal(commentText('line one\nline two */ end'), 'line one line two * / end');
    // `?>` ends PHP even inside a // comment
    assert.equal(commentText('send it ?> later'), 'send it ? > later');
    const long = commentText('x'.repeat(300));
    assert.equal(long.length, 100);
    assert.ok(long.endsWith('…'));
    const words = commentText(`${'word '.repeat(30)}end`);
    assert.ok(words.length <= 100);
    assert.match(words, /word…$/);
  });

  it('quotes codes safely: a quote in a code cannot break out of the literal', () => {
    const t = handlerSkeleton('javascript', [{ code: "it's", comment: 'c' }]).text;
    assert.match(t, /case 'it\\'s':/);
    assert.deepEqual(tsSyntaxErrors(t), []);
  });

  it('starts on a new line, at the line\'s indentation, when the cursor follows code (as right after `}`)', () => {
    assert.equal(snippetLead('    }'), '\n    ');
    assert.equal(snippetLead('\t} catch (err) { '), '\n\t');
    assert.equal(snippetLead('    '), '');
    assert.equal(snippetLead(''), '');
  });

  it('leaves out the codes the document already names in a string literal', () => {
    const entries = [{ code: 'refund_processing' }, { code: 'create_refund_failed' }, { code: 'api_error' }, { code: 200 }];
    const text = "if (err.code === 'refund_processing') retry();\nconst other = \"api_error_x\"; // api_error in a comment";
    assert.deepEqual(notYetHandled(entries, text).map((e) => e.code), ['create_refund_failed', 'api_error', 200]);
  });
});
