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
  it('writes a TypeScript switch on the code of the caught error, narrowed from unknown, with a comment per case', () => {
    const s = handlerSkeleton('typescript', cases);
    assert.equal(s.text, [
      "switch (typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined) {",
      "    case 'refund_amount_exceeded':",
      '        // Lower the amount.',
      '        break;',
      "    case '200':",
      '        // Resend with the same x-idempotency-key.',
      '        break;',
      '    default:',
      '        throw err;',
      '}',
    ].join('\n'));
    assert.deepEqual(tsSyntaxErrors(s.text), []);
    // one tab stop for the error, mirrored in the head and in the rethrow
    assert.equal(s.snippet.split('\n')[0], "switch (typeof ${1:err} === 'object' && $1 !== null && 'code' in $1 ? $1.code : undefined) {");
    assert.ok(s.snippet.includes('    default:\n        throw $1;\n'), s.snippet);
  });

  it('writes a Python match statement on e.code', () => {
    assert.equal(handlerSkeleton('python', cases).text, [
      'match e.code:',
      '    case "refund_amount_exceeded":',
      '        # Lower the amount.',
      '        pass',
      '    case "200":',
      '        # Resend with the same x-idempotency-key.',
      '        pass',
      '    case _:',
      '        raise',
    ].join('\n'));
  });

  it('writes a Go switch on apiErr.Code indented with tabs', () => {
    assert.equal(handlerSkeleton('go', cases).text, [
      'switch apiErr.Code {',
      'case "refund_amount_exceeded":',
      '\t// Lower the amount.',
      'case "200":',
      '\t// Resend with the same x-idempotency-key.',
      'default:',
      '\treturn apiErr',
      '}',
    ].join('\n'));
  });

  it('writes Java arrow cases on e.getCode()', () => {
    const t = handlerSkeleton('java', cases.slice(0, 1), '  ').text;
    assert.equal(t, ['switch (e.getCode()) {', '  case "refund_amount_exceeded" -> {', '    // Lower the amount.', '  }', '  default -> throw e;', '}'].join('\n'));
  });

  it('covers Kotlin when, C# switch, PHP switch, Ruby case/when, Rust match and Swift switch', () => {
    const one = cases.slice(0, 1);
    assert.match(handlerSkeleton('kotlin', one).text, /^when \(e\.code\) \{\n {4}"refund_amount_exceeded" -> \{\n {8}\/\/ Lower the amount\.\n {4}\}\n {4}else -> throw e\n\}$/);
    assert.match(handlerSkeleton('csharp', one).text, /^switch \(e\.Code\)\n\{\n {4}case "refund_amount_exceeded":\n {8}\/\/ Lower the amount\.\n {8}break;\n {4}default:\n {8}throw;\n\}$/);
    assert.match(handlerSkeleton('php', one).text, /^switch \(\$error\['code'\]\) \{\n {4}case 'refund_amount_exceeded':/);
    assert.equal(handlerSkeleton('ruby', one).text, 'case error.code\nwhen "refund_amount_exceeded"\n    # Lower the amount.\nelse\n    raise\nend');
    assert.match(handlerSkeleton('rust', one).text, /^match err\.code\.as_str\(\) \{\n {4}"refund_amount_exceeded" => \{\n {8}\/\/ Lower the amount\.\n {4}\}\n {4}_ => return Err\(err\),\n\}$/);
    assert.match(handlerSkeleton('swift', one).text, /^switch error\.code \{\ncase "refund_amount_exceeded":\n {4}\/\/ Lower the amount\.\n {4}break\ndefault:\n {4}throw error\n\}$/);
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
