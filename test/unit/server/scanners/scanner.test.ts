import { strict as assert } from 'node:assert';
import { scanCode, scanJson, scanText, scanYaml, findFences } from '../../../../server/src/service/scanners';
import type { Family } from '../../../../server/src/service/scanners';

/** The values of the string literals a scanner finds, in order. */
function values(family: Family, src: string): string[] {
  return scanCode(family, src).map((l) => l.value);
}
function raws(family: Family, src: string): string[] {
  return scanCode(family, src).map((l) => src.slice(l.start, l.end));
}

describe('scanners: string literals exactly as each language defines them', () => {
  describe('TypeScript / JavaScript', () => {
    it('reads single, double and escaped quotes and skips both comment kinds', () => {
      assert.deepEqual(values('js', `a = 'it\\'s'; b = "say \\"hi\\"" // 'no'\n/* "no" */ c = 'x'`), ["it's", 'say "hi"', 'x']);
    });
    it('reads a template literal, and the strings inside its ${} holes, nested', () => {
      const lits = scanCode('js', 'const t = `a ${b ? `in ${"deep"}` : \'x\'} c`;');
      assert.deepEqual(lits.map((l) => [l.value, l.interpolated]), [
        ['a ${b ? `in ${"deep"}` : \'x\'} c', true], ['in ${"deep"}', true], ['deep', false], ['x', false],
      ]);
    });
    it('skips regex literals (quotes inside them are not strings) but keeps division', () => {
      assert.deepEqual(values('js', `if (/it's "q"/.test(s)) x = a / 'b' / 2; return /'/g;`), ['b']);
    });
    it('marks an unterminated literal and resumes on the next line', () => {
      const lits = scanCode('js', `if (e.code === 'retrie\nfoo('ok')`);
      assert.deepEqual(lits.map((l) => [l.value, l.terminated]), [['retrie', false], ['ok', true]]);
    });
    it('treats `</div>` in JSX as a tag, not a regex', () => {
      assert.deepEqual(values('js', `const v = <div>x</div>; const s = 'after';`), ['after']);
    });
  });

  describe('Python', () => {
    it('reads prefixed and triple-quoted strings and skips # comments', () => {
      assert.deepEqual(values('python', `a = r'\\d' # 'no'\nb = b'by' + u'u' + '''tri\n'ple''' + """q"""\nc = Rb"\\x"`), ['\\d', 'by', 'u', "tri\n'ple", 'q', '\\x']);
    });
    it('marks f-strings with holes as interpolated and keeps quotes nested in holes inside them', () => {
      const lits = scanCode('python', `x = f"{d["k"]} {{literal}}" + f'{a!r:>{w}}' + f"plain {{}}"`);
      assert.deepEqual(lits.map((l) => [l.value, l.interpolated]), [['{d["k"]} {{literal}}', true], ['{a!r:>{w}}', true], ['plain {{}}', false]]);
    });
    it('does not take a name ending in r or f for a prefix', () => {
      assert.deepEqual(values('python', `for_ = 1; err = 'x'; buf"y"`), ['x', 'y']);
    });
  });

  describe('Go', () => {
    it('reads back-quoted raw strings, skips runes and comments', () => {
      assert.deepEqual(values('go', "s := `raw\\n \"q\"` + \"a\\\"b\" + string('\\'') // \"no\"\n/* `no` */"), ['raw\\n "q"', 'a"b']);
    });
  });

  describe('Rust', () => {
    it('reads raw strings with hashes, byte strings, and skips chars and lifetimes', () => {
      const src = `fn f<'a>(x: &'a str) -> char { let r = r#"say "hi""#; let b = b"by"; let c = '\\''; let q = '"'; let s = "multi\nline"; 'x' }`;
      assert.deepEqual(values('rust', src), ['say "hi"', 'by', 'multi\nline']);
    });
    it('nests block comments', () => {
      assert.deepEqual(values('rust', `/* outer /* inner */ "no" */ let s = "yes";`), ['yes']);
    });
  });

  describe('Kotlin and Swift', () => {
    it('Kotlin: ${} templates holding strings, $name, raw """ strings, chars', () => {
      const lits = scanCode('kotlin', `val s = "a \${if (x) "in" else "b"} $name" + """raw "q" $v""" + 'c' + "plain"`);
      assert.deepEqual(lits.map((l) => [l.value, l.interpolated]), [
        ['a ${if (x) "in" else "b"} $name', true], ['in', false], ['b', false], ['raw "q" $v', true], ['plain', false],
      ]);
    });
    it('Swift: \\( ) interpolation holding strings, #"raw"#, multi-line', () => {
      const lits = scanCode('swift', `let s = "a \\(d["k"]) b" + #"raw "q" \\n"# + """\nml\n""" + "x"`);
      assert.deepEqual(lits.map((l) => [l.value, l.interpolated]), [['a \\(d["k"]) b', true], ['k', false], ['raw "q" \\n', false], ['\nml\n', false], ['x', false]]);
    });
  });

  describe('C#, Java, PHP, Ruby', () => {
    it('C#: verbatim with doubled quotes, interpolated, raw """ strings, chars', () => {
      const lits = scanCode('csharp', `var a = @"c:\\x ""q"""; var b = $"v {d["k"]} {{no}}"; var c = """raw "q" """; var ch = '"'; var d = "s";`);
      assert.deepEqual(lits.map((l) => [l.value, l.interpolated]), [['c:\\x "q"', false], ['v {d["k"]} {{no}}', true], ['k', false], ['raw "q" ', false], ['s', false]]);
    });
    it('Java: text blocks and char literals', () => {
      assert.deepEqual(values('java', `String s = "a" + '"' + """\n  text "q"\n  """; // "no"`), ['a', '\n  text "q"\n  ']);
    });
    it('PHP: single quotes with \\\' only, double with {$…} holes, heredoc, nowdoc, # comments', () => {
      const src = `<?php $a = 'it\\'s \\n'; # 'no'\n$b = "x {$arr['k']} $v"; $c = <<<EOT\nbody $x\nEOT;\n$d = <<<'RAW'\nraw\nRAW;\n$e = 'ok';`;
      const lits = scanCode('php', src);
      assert.deepEqual(lits.map((l) => [l.value, l.interpolated]), [["it's \\n", false], ["x {$arr['k']} $v", true], ['k', false], ['body $x', true], ['raw', false], ['ok', false]]);
    });
    it('Ruby: #{} holes, %q(), heredocs, =begin comments, :"symbols"', () => {
      const src = `a = 'x' # 'no'\nb = "i #{h['k']} j"\nc = %q(p(a)q)\nd = <<~EOS\n  body\n  EOS\n=begin\n'no'\n=end\ne = "ok"`;
      const lits = scanCode('ruby', src);
      assert.deepEqual(lits.map((l) => [l.value, l.interpolated]), [['x', false], ["i #{h['k']} j", true], ['k', false], ['p(a)q', false], ['  body', false], ['ok', false]]);
    });
  });

  it('gives the range of the whole literal and of its content', () => {
    const src = `x = r#"abc"#;`;
    const [l] = scanCode('rust', src);
    assert.equal(src.slice(l.start, l.end), 'r#"abc"#');
    assert.equal(src.slice(l.cStart, l.cEnd), 'abc');
    assert.deepEqual(raws('csharp', `a = @"q";`), ['@"q"']);
  });

  it('never hangs or throws on hostile input', () => {
    const junk = '"\'`/*#{${\\'.repeat(5000);
    for (const f of ['js', 'java', 'csharp', 'go', 'kotlin', 'swift', 'rust', 'php', 'python', 'ruby'] as Family[]) {
      assert.ok(Array.isArray(scanCode(f, junk)), f);
      assert.ok(Array.isArray(scanCode(f, '"${'.repeat(5000))), f);
    }
  });
});

describe('scanners: data', () => {
  it('JSON: records objects with code/type/message, numbers for envelope B, and nested error objects', () => {
    const src = '{"type":"payment_error","code":"retrieve_payment_intent_failed","message":"Retrieve payment intent failed"}\n{"code":200,"message":"Request is processing, please try again later."}\n{"error":{"type":"not_found","code":"not_found_id"}}';
    const objs = scanJson(src).objects;
    assert.deepEqual(objs.map((o) => [o.type?.value, o.code?.value, o.message?.value, o.isBody]), [
      ['payment_error', 'retrieve_payment_intent_failed', 'Retrieve payment intent failed', true],
      [undefined, 200, 'Request is processing, please try again later.', true],
      ['not_found', 'not_found_id', undefined, true],
    ]);
  });
  it('JSONC: comments are skipped; an object still being typed is kept', () => {
    const objs = scanJson('// {"code":"no"}\n/* "code" */ {"code": "ref').objects;
    assert.equal(objs.length, 1);
    assert.equal(objs[0].code?.value, 'ref');
    assert.equal(objs[0].isBody, false);
  });
  it('JSON Lines: a line is a value of its own; lines without "code" are skipped, with the same bodies', () => {
    const log = [
      '{"payment_intent_id":"PI1","amount":"10.12","metadata":{"cart":"x"}}',
      '{"type":"payment_error","code":"retrieve_payment_intent_failed","message":"Retrieve payment intent failed"}',
      '{"status":404,"body":{"type":"not_found","code":"not_found_id"}}',
      '{"note":"no error here"}',
      '{"code":200,"message":"Request is processing, please try again later."}',
    ].join('\n');
    const shape = (objs: ReturnType<typeof scanJson>['objects']) => objs.map((o) => [o.start, o.end, o.type?.value, o.code?.value, o.status?.value]);
    assert.deepEqual(shape(scanJson(log, 0, log.length, false, undefined, true).objects), shape(scanJson(log).objects));
    assert.equal(scanJson(log, 0, log.length, false, undefined, true).objects.length, 3);
    // a line with only a type holds no body: skipped in lines mode (hover reads it on demand)
    const withType = `${log}\n{"payment_method":{"type":"card"}}`;
    assert.equal(scanJson(withType).objects.length, 4);
    assert.deepEqual(shape(scanJson(withType, 0, withType.length, false, undefined, true).objects), shape(scanJson(log).objects));
    // a line still being typed ends at its newline: the next line is not nested in it
    const typing = '{"type":"payment_error","code":"refund_amou\n{"type":"refund_error","code":"refund_failed"}';
    const objs = scanJson(typing, 0, typing.length, false, undefined, true).objects;
    assert.deepEqual(objs.map((o) => [o.start, o.code?.value]), [[0, 'refund_amou'], [typing.indexOf('\n') + 1, 'refund_failed']]);
    assert.equal(objs[0].end, typing.indexOf('\n'));
  });
  it('text: pairs a body with the HTTP status line above it, and ignores braces in prose', () => {
    const src = 'see {id} in the path\nHTTP/1.1 404 Not Found\ncontent-type: application/json\n\n{"type":"not_found","code":"not_found_id","message":"Not Found ID"}';
    const objs = scanText(src);
    assert.equal(objs.length, 1);
    assert.equal(objs[0].status?.value, 404);
    assert.equal(src.slice(objs[0].status!.start, objs[0].status!.end), '404');
  });
  it('text: a status line is not given to a body that comes after another JSON value', () => {
    const objs = scanText('< HTTP/2 400\n{"type":"api_error","code":"api_error","message":"m"}\nlater {"type":"api_error","code":"api_error","message":"m"}');
    assert.deepEqual(objs.map((o) => o.status?.value), [400, undefined]);
  });
  it('YAML: sibling keys of one mapping, list items as separate mappings', () => {
    const y = scanYaml('errors:\n  - code: invalid_parameter # note\n    type: invalid_request_error\n    message: "Invalid request parameters: <field>"\n  - code: api_error\n    message: x\n');
    assert.deepEqual(y.objects.map((o) => [o.code?.value, o.type?.value, o.message?.value]), [
      ['invalid_parameter', 'invalid_request_error', 'Invalid request parameters: <field>'],
      ['api_error', undefined, 'x'],
    ]);
  });
  it('Markdown: finds fenced blocks with their language', () => {
    const md = 'text\n```ts\nconst a = 1;\n```\n~~~json\n{}\n~~~\n```unknownlang\nx\n```\n';
    assert.deepEqual(findFences(md).map((f) => [f.languageId, md.slice(f.start, f.end)]), [['typescript', 'const a = 1;\n'], ['json', '{}\n']]);
  });
});
