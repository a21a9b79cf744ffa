import * as assert from 'node:assert/strict';
import { HAN, hoverText, open, ourDiagnostics, positionOf, setSetting, severityWith, until, waitForDiagnostics } from './helpers';

describe('settings', () => {
  it('severity "off" removes the unknown-error-code diagnostic, and restoring brings it back', async () => {
    const editor = await open('src/severity.ts');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, 'the misspelt code to be flagged', () => ourDiagnostics(uri, 'unknown-error-code').length === 1);
    const restore = await setSetting('severity', severityWith('unknown-error-code', 'off'));
    try {
      await waitForDiagnostics(uri, 'the diagnostic to be switched off', () => ourDiagnostics(uri, 'unknown-error-code').length === 0);
    } finally {
      await restore();
    }
    await waitForDiagnostics(uri, 'the diagnostic to come back', () => ourDiagnostics(uri, 'unknown-error-code').length === 1);
  });

  it('docsLanguage zh-CN switches the hover to Chinese, en back to English', async () => {
    const editor = await open('python/payout.py');
    const at = positionOf(editor.document, '"insufficient_balance"', 3);
    const restore = await setSetting('docsLanguage', 'en');
    try {
      const en = await until('an English hover', async () => {
        const t = await hoverText(editor.document.uri, at);
        return t.includes('insufficient') && !HAN.test(t) ? t : undefined;
      });
      assert.ok(en.length > 0);
      await setSetting('docsLanguage', 'zh-CN');
      const zh = await until('a Chinese hover', async () => {
        const t = await hoverText(editor.document.uri, at);
        return HAN.test(t) ? t : undefined;
      });
      // The code itself stays in the hover whatever the language.
      assert.match(zh, /insufficient_balance/);
    } finally {
      await restore();
    }
  });
});
