// The extension manifest against the service contract and the code that registers commands.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEVERITY, LANGUAGE_IDS, SETTING_KEYS, SETTINGS_SECTION, SEVERITY_NAMES } from '../../../server/src/service/contract';
import { ROOT } from '../../support/paths';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const extensionSource = readFileSync(join(ROOT, 'client/src/extension.ts'), 'utf8');

describe('extension manifest', () => {
  it('activates on every contract language, every command and both panels', () => {
    // the languages the README promises, written out here: the contract must not lose one
    const promised = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'java', 'kotlin', 'csharp', 'php',
      'ruby', 'rust', 'swift', 'dart', 'json', 'jsonc', 'jsonl', 'yaml', 'markdown', 'plaintext', 'log', 'http'];
    assert.deepEqual([...LANGUAGE_IDS].sort(), [...promised].sort());
    const onLanguage = pkg.activationEvents.filter((e: string) => e.startsWith('onLanguage:')).map((e: string) => e.slice('onLanguage:'.length));
    assert.deepEqual(onLanguage.sort(), [...LANGUAGE_IDS].sort());
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:uqpayErrors.catalog'));
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:uqpayErrors.decode'));
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('contributes exactly the commands the extension registers, all under the UQPAY category', () => {
    const registered = [...extensionSource.matchAll(/register\('(uqpayErrors\.[A-Za-z.]+)'/g)].map((m) => m[1]).sort();
    const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, registered);
    assert.deepEqual(contributed, ['uqpayErrors.coverage.filter', 'uqpayErrors.coverage.refresh', 'uqpayErrors.decodeResponse',
      'uqpayErrors.decodeSelection', 'uqpayErrors.insertErrorHandler', 'uqpayErrors.lookUpCode', 'uqpayErrors.openCatalog',
      'uqpayErrors.restartServer', 'uqpayErrors.showCoverage', 'uqpayErrors.showOutput']);
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'UQPAY');
    for (const c of contributed) assert.ok(pkg.activationEvents.includes(`onCommand:${c}`), c);
    const ctx = pkg.contributes.menus['editor/context'];
    assert.deepEqual(ctx.map((m: { command: string; when: string }) => [m.command, m.when]), [['uqpayErrors.decodeSelection', 'editorHasSelection']]);
  });

  it('declares the contract\'s settings with scopes, defaults and descriptions', () => {
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), SETTING_KEYS.map((k) => `${SETTINGS_SECTION}.${k}`).sort());
    for (const [k, v] of Object.entries<Record<string, unknown>>(props)) {
      assert.ok(v.scope, `${k} scope`);
      assert.ok('default' in v, `${k} default`);
      assert.match(String(v.markdownDescription), /^%config\./, `${k} description`);
    }
    assert.equal(props['uqpayErrors.enable'].scope, 'resource');
    assert.deepEqual(props['uqpayErrors.docsLanguage'].enum, ['auto', 'en', 'zh-CN']);
    assert.equal(props['uqpayErrors.docsLanguage'].enumDescriptions.length, 3);
    assert.deepEqual(props['uqpayErrors.severity'].default, DEFAULT_SEVERITY);
    for (const [code, s] of Object.entries<{ enum: string[]; default: string }>(props['uqpayErrors.severity'].properties)) {
      assert.deepEqual(s.enum, SEVERITY_NAMES, code);
      assert.equal(s.default, DEFAULT_SEVERITY[code as keyof typeof DEFAULT_SEVERITY], code);
    }
    assert.deepEqual(Object.keys(props['uqpayErrors.severity'].properties), Object.keys(DEFAULT_SEVERITY));
    assert.deepEqual(props['uqpayErrors.languages'].default, [...LANGUAGE_IDS]);
    assert.deepEqual(props['uqpayErrors.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.equal(props['uqpayErrors.coverage.codeLens'].default, true);
    assert.deepEqual(pkg.contributes.views.explorer.map((v: { id: string }) => v.id), ['uqpayErrors.coverage']);
  });

  it('points l10n, icon and packaging at files that exist', () => {
    assert.equal(pkg.l10n, './l10n');
    assert.equal(pkg.icon, 'images/icon.png');
    const png = readFileSync(join(ROOT, pkg.icon));
    // PNG signature, then IHDR width and height.
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
    assert.match(pkg.scripts['vscode:prepublish'], /esbuild\.mjs --production/);
    assert.ok(pkg.scripts.package);
  });
});
