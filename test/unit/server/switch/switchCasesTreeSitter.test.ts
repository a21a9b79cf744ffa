// The tree-sitter helper must really see broken code, or "parses clean" would prove nothing.
import { strict as assert } from 'node:assert';
import { hasGrammar, syntaxProblems } from '../../../support/treeSitter';

const SAMPLES: { languageId: string; good: string; bad: string }[] = [
  { languageId: 'typescript', good: "switch (e.code) { case 'a': break; }", bad: "switch (e.code) { case 'a' break; }" },
  { languageId: 'typescriptreact', good: 'const x = <p>{a}</p>;', bad: 'const x = <p>{a</p>;' },
  { languageId: 'javascript', good: "switch (c) { case 'a': break; }", bad: "switch (c) { case 'a': break; " },
  { languageId: 'python', good: 'match c:\n    case "a":\n        pass\n', bad: 'match c:\n    case "a"\n        pass\n' },
  { languageId: 'go', good: 'package m\nfunc f() { switch x { case "a": } }\n', bad: 'package m\nfunc f() { switch x { case "a" } }\n' },
  { languageId: 'java', good: 'class A { void f() { switch (x) { case "a" -> {} } } }', bad: 'class A { void f() { switch (x) { case "a" -> {} case "b": } } }' },
  { languageId: 'csharp', good: 'class A { int F() => x switch { "a" => 1, _ => 2 }; }', bad: 'class A { int F() => x switch { "a" => 1 "b" => 2 }; }' },
  { languageId: 'php', good: "<?php\n$x = match ($c) { 'a' => null, default => 1 };", bad: "<?php\n$x = match ($c) { 'a' => null 'b' => 1 };" },
  { languageId: 'ruby', good: 'case x\nwhen "a"\n  1\nend\n', bad: 'case x\nwhen "a"\n  1\n' },
  { languageId: 'rust', good: 'fn f() { match x { "a" => 1, _ => 2 }; }', bad: 'fn f() { match x { "a" => 1 "b" => 2 }; }' },
];

describe('switchCases: tree-sitter check helper', () => {
  for (const s of SAMPLES) {
    it(`${s.languageId}: valid code has no problems, broken code has some`, async () => {
      assert.ok(hasGrammar(s.languageId));
      assert.deepEqual(await syntaxProblems(s.good, s.languageId), []);
      assert.ok((await syntaxProblems(s.bad, s.languageId)).length > 0, 'the broken sample is reported');
    });
  }

  it('has no grammar for Kotlin and Swift (their fixes are checked as exact text)', () => {
    assert.equal(hasGrammar('kotlin'), false);
    assert.equal(hasGrammar('swift'), false);
  });
});
