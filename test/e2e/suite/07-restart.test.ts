import * as assert from 'node:assert/strict';
import { activeExtension, hoverText, open, positionOf, until } from './helpers';

interface ExtensionApi {
  serverProcessId(): number | undefined;
  crashRestarts(): number;
}

// Runs last: it kills the language server the extension started and checks the client brings a
// new one up (with backoff) and that the features answer again.
describe('server restart', () => {
  it('restarts the language server after it dies, and hovers answer again', async () => {
    const api = (await activeExtension()).exports as ExtensionApi;
    const editor = await open('src/refund.ts');
    const at = positionOf(editor.document, "'refund_amount_exceeded'", 3);
    await until('a hover before the crash', async () =>
      (await hoverText(editor.document.uri, at)).includes('Refund amount exceeded') ? true : undefined);
    const pid = await until('the server pid', () => api.serverProcessId());
    const restartsBefore = api.crashRestarts();

    process.kill(pid, 'SIGKILL');

    const newPid = await until('a new server process', () => {
      const p = api.serverProcessId();
      return p !== undefined && p !== pid ? p : undefined;
    }, 60000);
    assert.notEqual(newPid, pid);
    assert.ok(api.crashRestarts() > restartsBefore, 'the restart should be counted as a crash restart');
    const text = await until('a hover after the restart', async () => {
      const t = await hoverText(editor.document.uri, at);
      return t.includes('Refund amount exceeded original transaction amount') ? t : undefined;
    }, 60000);
    assert.match(text, /\b400\b/);
  });
});
