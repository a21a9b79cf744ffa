import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinCatalogData, createCatalog, loadBuiltinCatalog, parseCatalogFile } from '../../../catalog/src/index';
import { ROOT, FIXTURES } from '../../support/paths';

const fixture = (name: string) => readFileSync(join(FIXTURES, 'catalog', name), 'utf8');
const builtinText = readFileSync(join(ROOT, 'catalog', 'global-acquiring.json'), 'utf8');

describe('catalog: loading and validation', () => {
  it('loads the built-in catalog once and caches it', () => {
    const a = loadBuiltinCatalog();
    assert.equal(a, loadBuiltinCatalog());
    // The seed's tables: 7 general + 30 payment + 8 refund + 3 customer + 15 payout rows; 11 types.
    assert.equal(a.entries.length, 63);
    assert.equal(a.types.length, 11);
  });

  it('finds no problems in the built-in catalog file', () => {
    const r = parseCatalogFile(builtinText, 'global-acquiring.json');
    assert.deepEqual(r.problems, []);
    assert.ok(r.data);
    assert.equal(r.data.errors.length, 63);
  });

  it('reports invalid JSON with the file, line and column', () => {
    const r = parseCatalogFile(fixture('broken-json.json'), 'team/broken.json');
    assert.equal(r.data, null);
    assert.equal(r.problems.length, 1);
    const p = r.problems[0];
    assert.equal(p.file, 'team/broken.json');
    // Line 7 holds `{ "id": "payment/x", }`: the property name is missing right before the `}`.
    assert.equal(p.line, 7);
    assert.equal(p.column, 26);
    assert.match(p.message, /invalid JSON/);
  });

  it('reports every schema violation with its JSON pointer and position', () => {
    const r = parseCatalogFile(fixture('schema-violation.json'), 'schema-violation.json');
    assert.equal(r.data, null);
    const byPath = new Map(r.problems.map((p) => [p.path, p]));
    assert.deepEqual([...byPath.keys()].sort(), ['/errors/0', '/errors/0/colour', '/errors/0/retry']);
    assert.match(byPath.get('/errors/0')?.message ?? '', /advice/);
    assert.match(byPath.get('/errors/0/retry')?.message ?? '', /same_key/);
    assert.deepEqual([byPath.get('/errors/0/retry')?.line, byPath.get('/errors/0/retry')?.column], [17, 16]);
    assert.deepEqual([byPath.get('/errors/0/colour')?.line, byPath.get('/errors/0/colour')?.column], [20, 7]);
    for (const p of r.problems) assert.equal(p.file, 'schema-violation.json');
  });

  it('reports duplicate ids, undefined types and envelope/code disagreement', () => {
    const r = parseCatalogFile(fixture('semantic-problems.json'), 'semantic.json');
    assert.equal(r.data, null);
    assert.deepEqual(r.problems.map((p) => p.path).sort(), ['/errors/0/types/0', '/errors/1/code', '/errors/1/id']);
    assert.match(r.problems.find((p) => p.path === '/errors/1/id')?.message ?? '', /duplicate id "payment\/team_limit"/);
    assert.match(r.problems.find((p) => p.path === '/errors/0/types/0')?.message ?? '', /team_error/);
  });

  it('refuses docs links that are not web addresses', () => {
    const extra = JSON.parse(fixture('extra-valid.json'));
    extra.errors[0].docs = 'javascript:alert(1)';
    extra.errors[1].docs = 'command:workbench.action.terminal.new';
    const r = parseCatalogFile(JSON.stringify(extra, null, 2), 'extra.json');
    assert.equal(r.data, null);
    assert.deepEqual(r.problems.map((p) => p.path), ['/errors/0/docs', '/errors/1/docs']);
  });

  it('accepts a user catalog that uses built-in types and adds its own', () => {
    const r = parseCatalogFile(fixture('extra-valid.json'), 'extra.json');
    assert.deepEqual(r.problems, []);
    assert.ok(r.data);
  });

  it('never throws, whatever it is given', () => {
    for (const text of ['', '   ', 'null', '[]', '"x"', '{', '\u0000\uffff', '{"name":'.repeat(10_000), undefined as unknown as string]) {
      const r = parseCatalogFile(text, 'odd.json');
      assert.equal(r.data, null);
      assert.ok(r.problems.length > 0);
      assert.equal(r.problems[0].file, 'odd.json');
    }
  });

  it('keeps the built-in catalog working next to a broken user file', () => {
    const broken = parseCatalogFile(fixture('broken-json.json'), 'broken.json');
    const sources = [builtinCatalogData(), ...(broken.data ? [broken.data] : [])];
    const c = createCatalog(sources);
    assert.equal(c.entries.length, 63);
    assert.equal(c.byCode('refund_amount_exceeded').length, 1);
  });

  it('merges a user catalog: new entries and types are added, a repeated id replaces the built-in entry', () => {
    const extra = parseCatalogFile(fixture('extra-valid.json'), 'extra.json').data;
    assert.ok(extra);
    const c = createCatalog([builtinCatalogData(), extra]);
    assert.equal(c.entries.length, 64);
    assert.ok(c.isCode('team_limit'));
    assert.equal(c.expectedStatus('team_error', 'team_limit'), 409);
    assert.equal(c.byId('payout/insufficient_balance')?.summary.en, 'Overridden by the team catalog.');
    assert.equal(c.byCode('insufficient_balance').length, 1);
    // The built-in catalog itself is untouched.
    assert.notEqual(loadBuiltinCatalog().byId('payout/insufficient_balance')?.summary.en, 'Overridden by the team catalog.');
  });
});
