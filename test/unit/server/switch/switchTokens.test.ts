// The tokens the switch finder reads: the scanners' literals and skips, with names, numbers and
// punctuation cut from the code between them. What is a string (and its value), what is a comment.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../../server/src/service/analysis';
import { tokenSourceOf } from '../../../../server/src/service/switchCases';
import { tokenize, type Token } from '../../../../server/src/service/switch/tokens';

function tokens(text: string, languageId: string): Token[] {
  const src = tokenSourceOf(analyzeText('test://x', 1, languageId, text));
  assert.ok(src, languageId);
  return tokenize(src);
}

/** Every string token: its value, or null for an interpolated / non-string literal. */
function strings(text: string, languageId: string): (string | null)[] {
  return tokens(text, languageId).filter((t) => t.kind === 'str').map((t) => t.value ?? null);
}

function idents(text: string, languageId: string): string[] {
  return tokens(text, languageId).filter((t) => t.kind === 'ident').map((t) => t.text);
}

describe('switch tokens over the scanners', () => {
  it('TS/JS: quotes, escapes, templates with and without interpolation, comments, regex literals', () => {
    assert.deepEqual(strings(`a('x', "y\\"z", \`t\`, \`u\${v}\`) // 'c'\n/* "d" */`, 'typescript'), ['x', 'y"z', 't', null]);
    assert.deepEqual(strings("const r = /'[a-z]\\/'/g; const s = 'ok';", 'typescript'), ['ok']);
    assert.deepEqual(strings('const q = a / b; const s = "after division";', 'javascript'), ['after division']);
    assert.deepEqual(idents('`${ `${ case1 }` }` + switch2', 'typescript'), ['switch2']);
    // a comment holding braces and a case label is no code
    assert.deepEqual(tokens('a /* { case "x": */ b // }\nc', 'typescript').map((t) => t.text), ['a', 'b', 'c']);
  });

  it('Python: prefixes, triple quotes, f-strings, bytes, # comments', () => {
    // f"{y}" interpolates and b"z" is bytes: neither is a string a code could equal
    assert.deepEqual(
      strings(`a = r"x\\d" + '''m\nn''' + f"{y}" + b"z" + u'w'  # "comment"\n"""doc"""`, 'python'),
      ['x\\d', 'm\nn', null, null, 'w', 'doc'],
    );
  });

  it('Go: raw back-quoted strings; a rune is a value, not a string', () => {
    assert.deepEqual(strings("x := `a\\nb` + \"c\" // \"d\"\nr := 'e'", 'go'), ['a\\nb', 'c']);
    assert.ok(tokens("r := 'e'", 'go').some((t) => t.text === "'e'" && t.kind === 'num'));
  });

  it('Rust: raw strings with hashes, byte strings, chars and lifetimes', () => {
    assert.deepEqual(strings(`let a = r#"x "y" z"#; let b = b"q"; let c = '}'; fn f<'a>(s: &'a str) {} // "n"`, 'rust'), [
      'x "y" z', 'q',
    ]);
    // the char '}' closes no block
    assert.equal(tokens("let c = '}';", 'rust').filter((t) => t.text === '}').length, 0);
    assert.ok(idents("fn f<'a>(s: &'a str)", 'rust').includes("'a"));
  });

  it('Rust, Kotlin and Swift: nested block comments', () => {
    for (const languageId of ['rust', 'kotlin', 'swift']) {
      assert.deepEqual(strings('/* outer /* inner */ "hidden" */ "shown"', languageId), ['shown'], languageId);
    }
    assert.deepEqual(strings('/* outer /* inner */ "visible in Java" */', 'java'), ['visible in Java']);
  });

  it('Kotlin: templates with $name and ${…} are not plain; raw strings are', () => {
    assert.deepEqual(strings('val a = "x$y"; val b = "p${q("}")}r"; val c = """raw "q" """; val d = "plain"', 'kotlin'), [
      null, null, 'raw "q" ', 'plain',
    ]);
  });

  it('Swift: interpolation and extended delimiters', () => {
    assert.deepEqual(strings('let a = "x\\(y("))"))"; let b = #"r"aw"#; let c = "plain"', 'swift'), [null, 'r"aw', 'plain']);
  });

  it('C#: verbatim, interpolated (with {{ }} escapes) and raw strings', () => {
    assert.deepEqual(
      strings('var a = @"c:\\x""y"; var b = $"{{x}} {y("}")}"; var c = """raw "q" """; var d = "plain";', 'csharp'),
      ['c:\\x"y', null, 'raw "q" ', 'plain'],
    );
  });

  it('PHP: single and double quotes, interpolation, heredoc, #, // and /* */ comments', () => {
    assert.deepEqual(
      strings(`<?php $a = 'x'; $b = "y$z"; $c = "{$d}"; # 'no'\n// "no"\n$e = <<<EOT\n'not a token'\nEOT;\n$f = "plain";`, 'php'),
      ['x', null, null, "'not a token'", 'plain'],
    );
  });

  it('Ruby: interpolation, %q/%w literals, symbols, heredocs, =begin comments', () => {
    assert.deepEqual(
      strings(`a = "x#{y}" + 'z' + %q(p(q)r) + :"sym".to_s + %w(a b).size\nb = <<~EOS.strip\n  "inside"\nEOS\n=begin\n"hidden"\n=end\nc = "plain" # "c"`, 'ruby'),
      [null, 'z', 'p(q)r', null, '  "inside"', 'plain'],
    );
    // the rest of a heredoc's opening line is code
    assert.ok(idents('b = <<~EOS.strip\n  x\nEOS\n', 'ruby').includes('strip'));
  });

  it('never throws on junk and unterminated input', () => {
    const junk = ['"unterminated', "'", '`${', '/* open', 'r#"', '<<<EOT\n', '%q(', '"""', '\u0000\uffff\ud800', '#"', '$"{', '<<~A'];
    for (const languageId of ['typescript', 'java', 'csharp', 'go', 'php', 'python', 'kotlin', 'rust', 'ruby', 'swift']) {
      for (const text of junk) tokens(text, languageId);
    }
  });
});
