// The lexer behind the switch analysis: what is a string (and its value), what is a comment.
import { strict as assert } from 'node:assert';
import { type Family, lex } from '../../server/src/service/switch/lexer';

/** Every string token: its value, or null for an interpolated / non-plain string. */
function strings(text: string, family: Family): (string | null)[] {
  return lex(text, family).filter((t) => t.kind === 'str').map((t) => t.value ?? null);
}

function idents(text: string, family: Family): string[] {
  return lex(text, family).filter((t) => t.kind === 'ident').map((t) => t.text);
}

describe('switchCases lexer', () => {
  it('TS/JS: quotes, escapes, templates with and without interpolation, comments, regex literals', () => {
    assert.deepEqual(strings(`a('x', "y\\"z", \`t\`, \`u\${v}\`) // 'c'\n/* "d" */`, 'ts'), ['x', 'y"z', 't', null]);
    assert.deepEqual(strings("const r = /'[a-z]\\/'/g; const s = 'ok';", 'ts'), ['ok']);
    assert.deepEqual(strings('const q = a / b; const s = "after division";', 'ts'), ['after division']);
    assert.deepEqual(idents('`${ `${ case1 }` }` + switch2', 'ts'), ['switch2']);
  });

  it('Python: prefixes, triple quotes, f-strings, # comments', () => {
    assert.deepEqual(
      strings(`a = r"x\\d" + '''m\nn''' + f"{y}" + b"z" + u'w'  # "comment"\n"""doc"""`, 'python'),
      ['x\\d', 'm\nn', null, null, 'w', 'doc'],
    );
  });

  it('Go: raw back-quoted strings and runes', () => {
    assert.deepEqual(strings("x := `a\\nb` + \"c\" // \"d\"\nr := 'e'", 'go'), ['a\\nb', 'c', 'e']);
  });

  it('Rust: raw strings with hashes, byte strings, chars and lifetimes', () => {
    assert.deepEqual(strings(`let a = r#"x "y" z"#; let b = b"q"; let c = '}'; fn f<'a>(s: &'a str) {} // "n"`, 'rust'), [
      'x "y" z', 'q', '}',
    ]);
    assert.ok(idents("fn f<'a>(s: &'a str)", 'rust').includes("'a"));
  });

  it('Rust, Kotlin and Swift: nested block comments', () => {
    for (const family of ['rust', 'kotlin', 'swift'] as const) {
      assert.deepEqual(strings('/* outer /* inner */ "hidden" */ "shown"', family), ['shown'], family);
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
      ['c:\\x"y', null, null, 'plain'],
    );
  });

  it('PHP: single and double quotes, interpolation, heredoc, #, // and /* */ comments', () => {
    assert.deepEqual(
      strings(`<?php $a = 'x'; $b = "y$z"; $c = "{$d}"; # 'no'\n// "no"\n$e = <<<EOT\n'not a token'\nEOT;\n$f = "plain";`, 'php'),
      ['x', null, null, null, 'plain'],
    );
  });

  it('PHP: HTML outside the PHP tags is not code; `?>` also ends a line comment', () => {
    assert.deepEqual(
      strings(`<p>Don't</p>\n<?php $a = 'in'; // note ?> <b>it's</b> <?= 'echo' ?>\n<i>'x'</i>`, 'php'),
      ['in', 'echo'],
    );
  });

  it('Ruby: interpolation, %q/%w literals, symbols, heredocs, =begin comments', () => {
    assert.deepEqual(
      strings(`a = "x#{y}" + 'z' + %q(p(q)r) + :"sym".to_s\nb = <<~EOS\n  "inside"\nEOS\n=begin\n"hidden"\n=end\nc = "plain" # "c"`, 'ruby'),
      [null, 'z', 'p(q)r', null, 'plain'],
    );
  });

  it('never throws on junk and unterminated input', () => {
    const junk = ['"unterminated', "'", '`${', '/* open', 'r#"', '<<<EOT\n', '%q(', '"""', '\u0000\uffff\ud800', '#"', '$"{'];
    for (const family of ['ts', 'java', 'csharp', 'go', 'php', 'python', 'kotlin', 'rust', 'ruby', 'swift'] as const) {
      for (const text of junk) lex(text, family);
    }
  });
});
