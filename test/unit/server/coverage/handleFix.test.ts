// "Handle the N unhandled … errors" in every language: a new switch over what holds the error's
// code in the call's error branch (the SDK's error type, or an expression the branch already reads
// the code from), or no action where nothing does. Expectations are written by hand from the SDK
// facts (Go's *common.APIError with its string Code, Java's UqpayApiException.getCode()) and the
// catalog: Retrieve Balance can fail with invalid_currency and the seven general errors.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinCatalog } from '../../../../catalog/src/index';
import { analyzeText } from '../../../../server/src/service/analysis';
import { documentCoverage } from '../../../../server/src/service/coverage/coverage';
import { createErrorCodeService } from '../../../../server/src/service/index';
import { hasGrammar, syntaxProblems } from '../../../support/treeSitter';

const catalog = loadBuiltinCatalog();
const service = createErrorCodeService({ catalog });

/** Retrieve Balance's errors in catalog order: its own, then the general ones. */
const BALANCE_CODES = ['invalid_currency', 'invalid_parameter', 'missing_parameter', 'unauthorized_error', 'account_not_found',
  'invalid idempotency key format', 'api_error', '200'];

interface Fixed {
  title: string;
  after: string;
  /** The texts inserted, in document order. */
  inserted: string[];
}

/** The fix offered with the cursor on `needle`, applied. */
async function fix(languageId: string, text: string, needle: string): Promise<Fixed | undefined> {
  const doc = TextDocument.create(`file:///fix.${languageId}`, languageId, 1, text);
  assert.ok(text.includes(needle), `${needle} is in the text`);
  const at = doc.positionAt(text.indexOf(needle));
  const actions = await service.doCodeActions(doc, { start: at, end: at }, { diagnostics: [] });
  const a = actions.find((x) => x.title.startsWith('Handle the '));
  if (!a) return undefined;
  const edits = a.edit!.changes![doc.uri]!;
  for (const e of edits) assert.deepEqual(e.range.start, e.range.end, 'insertions only, nothing replaced');
  return { title: a.title, after: TextDocument.applyEdits(doc, edits), inserted: edits.map((e) => e.newText) };
}

/** Handled errors of the document's first call. */
function handled(languageId: string, text: string): number {
  return documentCoverage(catalog, analyzeText(`test://x.${languageId}`, 1, languageId, text))[0]!.handled;
}

/** The quoted labels in order (`case "x"`, `when 'x'`, `"x" ->`, `"x" =>`). */
function labels(s: string): string[] {
  return [...s.matchAll(/(?:case|when)\s+(['"])(.+?)\1|^\s*(['"])(.+?)\3\s*(?:->|=>)/gm)].map((m) => m[2] ?? m[4]);
}

/** `after` keeps every line of `before` in order (the fix only adds lines). */
function keepsLines(before: string, after: string): void {
  const rest = after.split('\n');
  let k = 0;
  for (const line of before.split('\n')) {
    while (k < rest.length && rest[k] !== line) k++;
    assert.ok(k < rest.length, `line kept: ${JSON.stringify(line)}`);
    k++;
  }
}

/**
 * What every fix must do: a case per unhandled code in catalog order, every line of the file kept in
 * order, a file that still parses (where there is a grammar), and labels that now count as handling.
 */
async function assertSound(languageId: string, before: string, r: Fixed | undefined, codes = BALANCE_CODES): Promise<void> {
  assert.ok(r, 'the fix is offered');
  assert.deepEqual(labels(r.after), codes);
  keepsLines(before, r.after);
  if (hasGrammar(languageId)) assert.deepEqual(await syntaxProblems(r.after, languageId), [], r.after);
  assert.equal(handled(languageId, r.after), 8);
}

/** Diagnostics of `text` as a strict TypeScript file of its own. */
function strictDiagnostics(text: string): string[] {
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: [] };
  const host = ts.createCompilerHost(options);
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (f, v, onError, create) => (f === 'fix.ts' ? ts.createSourceFile(f, text, v) : getSource(f, v, onError, create));
  const program = ts.createProgram(['fix.ts'], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

/** py_compile's verdict on `text` (empty when it compiles). */
function pyCompile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'uqpay-handle-'));
  try {
    writeFileSync(join(dir, 'fix.py'), text);
    const r = spawnSync('python3', ['-m', 'py_compile', join(dir, 'fix.py')], { encoding: 'utf8' });
    return r.status === 0 ? '' : r.stderr || `exit ${r.status}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('coverage: "Handle the N unhandled … errors" writes a new switch in each language', function () {
  this.timeout(30_000);

  it('TypeScript: the new switch compiles under --strict inside catch (err), where err is unknown', async () => {
    const text = [
      'type Client = { payment: { balances: { retrieve(currency: string): Promise<unknown> } } };',
      'export async function f(client: Client): Promise<unknown> {',
      '  try {',
      "    return await client.payment.balances.retrieve('SGD');",
      '  } catch (err) {',
      '    throw err;',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(strictDiagnostics(text), [], 'compiles before the fix');
    const r = await fix('typescript', text, 'throw err');
    assert.equal(r?.title, 'Handle the 8 unhandled Retrieve Balance errors');
    await assertSound('typescript', text, r);
    assert.deepEqual(strictDiagnostics(r!.after), []);
  });

  it('Python: the match on e.code, and the getattr read for a broader except (which counts as reading the code), pass py_compile', async () => {
    const text = 'def f(client):\n    try:\n        return client.payment.balances.retrieve("SGD")\n    except UQPayError as e:\n        raise\n';
    for (const source of [text, text.replace('except UQPayError as e', 'except Exception as e')]) {
      const r = await fix('python', source, 'raise');
      assert.equal(r?.title, 'Handle the 8 unhandled Retrieve Balance errors');
      await assertSound('python', source, r);
      assert.equal(pyCompile(r!.after), '', r!.after);
    }
    // the reader takes getattr(e, "code", None) for e.code: a comparison through it handles too
    assert.equal(handled('python', text.replace('raise', 'if getattr(e, "code", None) == "invalid_currency":\n            return None\n        raise')), 1);
  });
  it('TypeScript, raw HTTP: the code the catch block reads from the response, read null-safely; compiles under --strict', async () => {
    const text = [
      'declare const http: { get(url: string): Promise<unknown> };',
      'export async function f(): Promise<unknown> {',
      '  try {',
      "    return await http.get('https://api.uqpay.com/api/v2/payment/balances/SGD');",
      '  } catch (err: any) {',
      "    if (err.response && err.response.data.code === 'invalid_currency') return null;",
      '    throw err;',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(strictDiagnostics(text), [], 'compiles before the fix');
    const r = await fix('typescript', text, 'throw err');
    // invalid_currency is handled by the comparison: the seven general errors are left
    assert.equal(r?.title, 'Handle the 7 unhandled Retrieve Balance errors');
    // not the error's own `code` (axios puts its own there): the response body's, which may be missing
    assert.equal(r!.inserted[0]!.split('\n')[1], '    switch ((err as any)?.response?.data?.code) {');
    keepsLines(text, r!.after);
    assert.deepEqual(strictDiagnostics(r!.after), []);
    assert.equal(handled('typescript', r!.after), 8);
    // a catch that reads no code from anything: nothing to switch on
    assert.equal(await fix('typescript', text.replace("    if (err.response && err.response.data.code === 'invalid_currency') return null;\n", ''), 'throw err'), undefined);
  });

  it('JavaScript, raw HTTP: a body parsed in the catch block: the switch goes right before the statement that reads it', async () => {
    const text = [
      'async function f() {',
      '  try {',
      "    await fetch(base + '/v2/payment/balances/SGD');",
      '  } catch (err) {',
      '    const body = await err.response.json();',
      '    console.warn(body.error.code);',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = await fix('javascript', text, 'console.warn');
    const lines = r!.after.split('\n');
    const sw = lines.indexOf('    switch (body?.error?.code) {');
    assert.equal(lines[sw - 1], '    const body = await err.response.json();');
    assert.equal(lines[sw + 11], '    }');
    assert.equal(lines[sw + 12], '    console.warn(body.error.code);');
    await assertSound('javascript', text, r);
  });

  it('Python, raw HTTP: body.get("code") right before the line that reads body["code"]; urllib\'s e.code (an HTTP status) is not used', async () => {
    const text = [
      'import requests',
      '',
      'def balance():',
      '    try:',
      '        r = requests.get(BASE + "/v2/payment/balances/SGD")',
      '        r.raise_for_status()',
      '    except requests.HTTPError as e:',
      '        body = e.response.json()',
      '        if body["code"] == "x":',
      '            return None',
      '        raise',
      '',
    ].join('\n');
    const r = await fix('python', text, 'raise\n');
    assert.equal(r?.title, 'Handle the 8 unhandled Retrieve Balance errors');
    const lines = r!.after.split('\n');
    const m = lines.indexOf('        match body.get("code"):');
    assert.equal(lines[m - 1], '        body = e.response.json()');
    assert.match(lines[m + 1]!, /^ {12}case "invalid_currency": {2}# \S/);
    assert.equal(lines[m + 2], '                pass');
    assert.deepEqual(lines.slice(m + 17, m + 20), ['            case _:', '                pass', '        if body["code"] == "x":']);
    await assertSound('python', text, r);
    assert.equal(pyCompile(r!.after), '', r!.after);
    const urllib = text.replace('requests.HTTPError', 'urllib.error.HTTPError').replace('        body = e.response.json()\n', '').replace('body["code"]', 'e.code');
    assert.equal(await fix('python', urllib, 'raise\n'), undefined);
  });

  it('Go: errors.As into the SDK\'s *common.APIError, then a switch on its Code; the branch still returns err', async () => {
    const text = [
      'package p',
      '',
      'import (',
      '\t"context"',
      '',
      '\tuq "github.com/uqpay/uqpay-sdk-go/v2/common"',
      ')',
      '',
      'func f(ctx context.Context) error {',
      '\tb, err := client.Payment.Balances.Get(ctx, "SGD")',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\t_ = b',
      '\treturn nil',
      '}',
      '',
    ].join('\n');
    const r = await fix('go', text, 'return err');
    assert.equal(r?.title, 'Handle the 8 unhandled Retrieve Balance errors');
    // "errors" was not imported: it joins the import block; the SDK package keeps its alias
    assert.equal(r!.inserted[0], '\t"errors"\n');
    const body = r!.inserted[1]!.split('\n');
    // no default in a new switch: one line says the codes are not handled yet, as before the fix
    assert.deepEqual(body.slice(0, 6), ['', '\t\tvar uqpayErr *uq.APIError', '\t\tif errors.As(err, &uqpayErr) {', '\t\t\tswitch uqpayErr.Code {',
      '\t\t\t// TODO: not handled yet', '\t\t\tcase "invalid_currency":']);
    assert.match(body[6]!, /^\t\t\t\t\/\/ \S/);
    assert.deepEqual(body.slice(-2), ['\t\t\t}', '\t\t}']);
    assert.ok(r!.after.includes('\t\t}\n\t\treturn err\n\t}'), 'the branch still returns err');
    await assertSound('go', text, r);
  });

  it('Go: both imports added after a single import; a name the branch already uses is not reused', async () => {
    const text = 'package p\n\nimport "fmt"\n\nfunc f() {\n\t_, e := client.Payment.Balances.Get(ctx, "SGD")\n\tif e != nil {\n\t\tuqpayErr := 1\n\t\tfmt.Println(uqpayErr)\n\t}\n}\n';
    const r = await fix('go', text, 'fmt.Println(uqpayErr)');
    assert.deepEqual(r?.inserted[0], '\nimport "errors"\nimport "github.com/uqpay/uqpay-sdk-go/v2/common"');
    assert.match(r!.inserted[1]!, /\n\t\tvar uqpayErr2 \*common\.APIError\n\t\tif errors\.As\(e, &uqpayErr2\) \{\n/);
    assert.deepEqual(await syntaxProblems(r!.after, 'go'), []);
  });

  it('Go: a raw HTTP call\'s `err` is a transport error that holds no code: not offered', async () => {
    const text = 'package p\n\nfunc f() {\n\tresp, err := http.Get(base + "/v2/payment/balances/SGD")\n\tif err != nil {\n\t\treturn\n\t}\n\t_ = resp\n}\n';
    assert.equal(await fix('go', text, 'return'), undefined);
  });

  it('Kotlin on the Java SDK: `when` on UqpayApiException\'s code; other catches get nothing to switch on', async () => {
    const text = [
      'fun balance(client: UqpayClient) {',
      '    try {',
      '        client.payment().getBalances().get("SGD")',
      '    } catch (e: UqpayApiException) {',
      '        throw e',
      '    }',
      '}',
      '',
    ].join('\n');
    const r = await fix('kotlin', text, 'throw e');
    assert.equal(r?.title, 'Handle the 8 unhandled Retrieve Balance errors');
    const lines = r!.inserted[0]!.split('\n');
    assert.deepEqual(lines.slice(1, 3), ['        when (e.code) {', '            // TODO: not handled yet']);
    assert.match(lines[3]!, /^ {12}"invalid_currency" -> \{ \} \/\/ \S/);
    assert.equal(lines.length, 1 + 1 + 1 + 8 + 1);
    assert.equal(lines[11], '        }');
    await assertSound('kotlin', text, r);
    assert.equal(await fix('kotlin', text.replace('UqpayApiException', 'Exception'), 'throw e'), undefined);
  });

  it('Kotlin, raw HTTP: `when` on the code the catch block reads from the caught error (declineCode, as the Android SDK names it)', async () => {
    const text = [
      'suspend fun balance(http: HttpClient) {',
      '    try {',
      '        http.get("https://api.uqpay.com/api/v2/payment/balances/SGD")',
      '    } catch (e: GatewayException) {',
      '        Log.w(TAG, "declined: ${e.error?.declineCode}")',
      '        Log.w(TAG, e.error?.declineCode ?: "none")',
      '    }',
      '}',
      '',
    ].join('\n');
    const r = await fix('kotlin', text, 'Log.w');
    assert.equal(r?.inserted[0]!.split('\n')[1], '        when (e.error?.declineCode) {');
    await assertSound('kotlin', text, r);
  });

  it('C#, raw HTTP: a switch on the caught error\'s code read as a string; nothing when the catch reads none', async () => {
    const text = [
      'class Balances {',
      '    async Task Get(HttpClient http) {',
      '        try {',
      '            await http.GetAsync("https://api.uqpay.com/api/v2/payment/balances/SGD");',
      '        } catch (GatewayException ex) {',
      '            logger.Warn(ex.Error["code"]);',
      '            throw;',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n');
    const r = await fix('csharp', text, 'throw;');
    assert.equal(r?.title, 'Handle the 8 unhandled Retrieve Balance errors');
    const lines = r!.inserted[0]!.split('\n');
    assert.equal(lines[1], '            switch (ex.Error["code"]?.ToString()) {');
    assert.match(lines[2]!, /^ {16}case "invalid_currency": \/\/ \S/);
    // the labels fall into one branch that does nothing
    assert.deepEqual(lines.slice(-3), ['                    // TODO: not handled yet', '                    break;', '            }']);
    await assertSound('csharp', text, r);
    assert.equal(await fix('csharp', text.replace('logger.Warn(ex.Error["code"]);', 'logger.Warn(ex.Message);'), 'throw;'), undefined);
  });

  it('PHP, raw HTTP: the body decoded in the catch block: the switch goes right before the line that reads its code', async () => {
    const text = [
      '<?php',
      'function balance($http) {',
      '    try {',
      "        $res = $http->get('/api/v2/payment/balances/SGD');",
      '    } catch (RequestException $e) {',
      '        $body = json_decode((string) $e->getResponse()->getBody(), true);',
      "        if (isset($body['code']) && $body['code'] === 'x') {",
      '            return null;',
      '        }',
      '        throw $e;',
      '    }',
      '}',
      '',
    ].join('\n');
    const r = await fix('php', text, 'throw $e');
    assert.equal(r?.title, 'Handle the 8 unhandled Retrieve Balance errors');
    const lines = r!.after.split('\n');
    const sw = lines.indexOf("        switch ($body['code'] ?? null) {");
    assert.equal(lines[sw - 1], '        $body = json_decode((string) $e->getResponse()->getBody(), true);');
    assert.match(lines[sw + 1]!, /^ {12}case 'invalid_currency': \/\/ \S/);
    assert.equal(lines[sw + 11], '        }');
    assert.equal(lines[sw + 12], "        if (isset($body['code']) && $body['code'] === 'x') {");
    await assertSound('php', text, r);
    // the PHP SDK's getCode() is not a gateway code (an HTTP status, an errno): nothing to switch on
    assert.equal(await fix('php', text.replace(/\$body\['code'\]/g, '$e->getCode()'), 'throw $e'), undefined);
  });

  it('Rust, raw HTTP: a match inside the Err arm\'s block, on the code as a &str, with a do-nothing wildcard last', async () => {
    const text = [
      'fn balance(client: &Client) -> Result<(), ApiError> {',
      '    match client.get("https://api.uqpay.com/api/v2/payment/balances/SGD").send() {',
      '        Ok(_) => Ok(()),',
      '        Err(err) => {',
      '            eprintln!("{}", err.code);',
      '            Err(err)',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n');
    const r = await fix('rust', text, 'eprintln');
    assert.equal(r?.title, 'Handle the 8 unhandled Retrieve Balance errors');
    const lines = r!.inserted[0]!.split('\n');
    assert.deepEqual(lines.slice(1, 3), ['            match err.code.as_str() {', '                // TODO: not handled yet']);
    assert.match(lines[3]!, /^ {16}"invalid_currency" => \{\}, \/\/ \S/);
    assert.deepEqual(lines.slice(-2), ['                _ => {}', '            }']);
    await assertSound('rust', text, r);
  });

  it('Rust: `if let Err(e)` with a JSON body: the code read with as_str, "" when it is not a string', async () => {
    const text = 'fn f() {\n    if let Err(e) = http.get("/v2/payment/balances/SGD") {\n        log(&e.body["code"]);\n    }\n}\n';
    const r = await fix('rust', text, 'log(');
    assert.equal(r?.inserted[0]!.split('\n')[1], '        match e.body["code"].as_str().unwrap_or_default() {');
    assert.deepEqual(await syntaxProblems(r!.after, 'rust'), []);
  });

  it('Ruby, raw HTTP: a case on the code the rescue clause reads', async () => {
    const text = [
      'def balance(http)',
      '  begin',
      "    http.get('/api/v2/payment/balances/SGD')",
      '  rescue GatewayError => e',
      "    logger.warn(e.body['code'])",
      '    raise',
      '  end',
      'end',
      '',
    ].join('\n');
    const r = await fix('ruby', text, 'raise');
    assert.equal(r?.title, 'Handle the 8 unhandled Retrieve Balance errors');
    const lines = r!.inserted[0]!.split('\n');
    assert.deepEqual(lines.slice(1, 3), ["    case e.body['code']", '    # TODO: not handled yet']);
    assert.match(lines[3]!, /^ {4}when ["']invalid_currency["']$/);
    assert.match(lines[4]!, /^ {6}# \S/);
    assert.equal(lines[lines.length - 1], '    end');
    assert.equal(lines.filter((l) => /when nil/.test(l)).length, 0);
    await assertSound('ruby', text, r);
  });

  it('Swift, raw HTTP: a switch on the caught error\'s code (nil reads as ""), each case breaking, a default last', async () => {
    const text = [
      'func balance() async throws {',
      '    do {',
      '        _ = try await session.data(from: URL(string: base + "/v2/payment/balances/SGD")!)',
      '    } catch let e as GatewayError {',
      '        print(e.code)',
      '        throw e',
      '    }',
      '}',
      '',
    ].join('\n');
    const r = await fix('swift', text, 'throw e');
    assert.equal(r?.title, 'Handle the 8 unhandled Retrieve Balance errors');
    const lines = r!.inserted[0]!.split('\n');
    assert.deepEqual(lines.slice(1, 3), ['        switch e.code ?? "" {', '        // TODO: not handled yet']);
    assert.match(lines[3]!, /^ {8}case "invalid_currency": \/\/ \S/);
    assert.equal(lines[4], '            break');
    assert.deepEqual(lines.slice(-3), ['        default:', '            break', '        }']);
    await assertSound('swift', text, r);
  });

  it('Dart, raw HTTP: `on Type catch (e, stack)`, a switch on the code it reads (Flutter\'s UqpayError is returned, never thrown); nothing when it reads none', async () => {
    const text = [
      'Future<void> balance(ApiClient api) async {',
      '  try {',
      "    await api.get('/v2/payment/balances/SGD');",
      '  } on UqpayHttpException catch (e, stack) {',
      '    log(e.serverCode, stack);',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = await fix('dart', text, 'log(');
    assert.equal(r?.title, 'Handle the 8 unhandled Retrieve Balance errors');
    const lines = r!.inserted[0]!.split('\n');
    assert.equal(lines[1], '    switch (e.serverCode) {');
    assert.match(lines[2]!, /^ {6}case "invalid_currency": \/\/ \S/);
    assert.deepEqual(lines.slice(-3), ['        // TODO: not handled yet', '        break;', '    }']);
    await assertSound('dart', text, r);
    assert.equal(await fix('dart', text.replace('log(e.serverCode, stack);', 'log(e, stack);'), 'log('), undefined);
  });

  it('C#: an expression rooted in a variable set inside the branch cannot be read where the branch starts: not offered', async () => {
    const text = 'class A {\n    void F() {\n        try {\n            http.GetAsync("/v2/payment/balances/SGD");\n        } catch (Exception ex) {\n            var body = Parse(ex);\n            Log(body.code);\n        }\n    }\n}\n';
    assert.equal(await fix('csharp', text, 'Log('), undefined);
  });
});
