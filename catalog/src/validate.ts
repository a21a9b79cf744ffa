// The only module that imports ajv and jsonc-parser: browser bundles import catalog.ts and
// decode.ts directly and stay small.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import schema from '../schema.json';
import builtin from '../global-acquiring.json';
import type { CatalogData, CatalogProblem } from './types';

const MAX_PROBLEMS = 50;
const MAX_DEPTH = 256;
let validators: { document: ValidateFunction; entry: ValidateFunction } | undefined;

function getValidators(): { document: ValidateFunction; entry: ValidateFunction } {
  if (!validators) {
    const document = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    // The entry definition on its own, its local `#/$defs/…` references kept working.
    const entry = new Ajv2020({ allErrors: true, strict: false }).compile({ $defs: schema.$defs, $ref: '#/$defs/errorEntry' });
    validators = { document, entry };
  }
  return validators;
}

/**
 * Validate the document without its entries, then each entry on its own, stopping at
 * MAX_PROBLEMS: ajv with allErrors over one huge array grows its error list quadratically.
 */
function schemaErrors(value: unknown): ErrorObject[] {
  const { document, entry } = getValidators();
  const out: ErrorObject[] = [];
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const errors = isObject ? (value as { errors?: unknown }).errors : undefined;
  const shell = isObject && Array.isArray(errors) ? { ...(value as object), errors: [] } : value;
  if (!document(shell)) out.push(...(document.errors ?? []));
  if (Array.isArray(errors)) {
    for (let i = 0; i < errors.length && out.length < MAX_PROBLEMS; i++) {
      if (entry(errors[i])) continue;
      for (const e of entry.errors ?? []) out.push({ ...e, instancePath: `/errors/${i}${e.instancePath}` });
    }
  }
  return out;
}

/** Offset where nesting first goes deeper than `max` (outside strings), or -1. Linear, no recursion. */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

/** 1-based line and column of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function pointerSegments(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function escapePointer(s: string | number): string {
  return String(s).replace(/~/g, '~0').replace(/\//g, '~1');
}

function locate(root: Node | undefined, text: string, pointer: string, property?: string): { line?: number; column?: number } {
  if (!root) return {};
  let node = findNodeAtLocation(root, pointerSegments(pointer));
  if (node && property !== undefined) {
    const child = findNodeAtLocation(node, [property]);
    // Point at the key of the offending property, not its value.
    node = child?.parent?.children?.[0] ?? child ?? node;
  }
  return node ? position(text, node.offset) : {};
}

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(p.additionalProperty)}"`;
    case 'required':
      return `missing required property "${String(p.missingProperty)}"`;
    case 'enum':
      return `${e.message ?? 'must be one of the allowed values'}: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return e.message ?? e.keyword;
  }
}

/** Read and check a catalog file (the built-in one or a user's). Never throws. */
export function parseCatalogFile(
  text: string,
  file: string,
  options?: { knownTypes?: Iterable<string> },
): { data: CatalogData | null; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [];
  try {
    if (typeof text !== 'string') {
      return { data: null, problems: [{ file, path: '', message: 'the catalog is not text' }] };
    }
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    // jsonc-parser recurses: refuse absurd nesting before it overflows the stack.
    const deepAt = tooDeepAt(source, MAX_DEPTH);
    if (deepAt !== -1) {
      const at = position(source, deepAt);
      return { data: null, problems: [{ file, path: '', message: `the file nests deeper than ${MAX_DEPTH} levels at line ${at.line}, column ${at.column}; a catalog never needs that`, ...at }] };
    }
    const errors: ParseError[] = [];
    const value: unknown = parse(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    if (errors.length) {
      // Later errors mostly follow from the first one.
      const err = errors[0];
      const what = printParseErrorCode(err.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      const at = position(source, err.offset);
      problems.push({ file, path: '', message: `invalid JSON at line ${at.line}, column ${at.column}: ${what}`, ...at });
      return { data: null, problems };
    }
    const root = parseTree(source);
    const schemaProblems = schemaErrors(value);
    if (schemaProblems.length) {
      for (const e of schemaProblems.slice(0, MAX_PROBLEMS)) {
        // oneOf reports each branch too; the branch errors say more, the summary only repeats.
        if (e.keyword === 'oneOf' && schemaProblems.some((o) => o !== e && o.instancePath === e.instancePath)) continue;
        const property = e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty: string }).additionalProperty) : undefined;
        const path = property !== undefined ? `${e.instancePath}/${escapePointer(property)}` : e.instancePath;
        problems.push({ file, path, message: `${path || '(root)'}: ${describe(e)}`, ...locate(root, source, e.instancePath, property) });
      }
      return { data: null, problems };
    }
    const data = value as CatalogData;
    semanticChecks(data, file, source, root, problems, options?.knownTypes);
    return { data: problems.length ? null : data, problems };
  } catch (err) {
    problems.push({ file, path: '', message: `could not read the catalog: ${err instanceof Error ? err.message : String(err)}` });
    return { data: null, problems };
  }
}

/** What the schema cannot say: unique ids, defined types, envelope/code agreement. */
function semanticChecks(
  data: CatalogData,
  file: string,
  text: string,
  root: Node | undefined,
  problems: CatalogProblem[],
  knownTypes: Iterable<string> | undefined,
): void {
  const add = (path: string, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ file, path, message: `${path}: ${message}`, ...locate(root, text, path) });
  };
  // A user catalog may use the built-in types without repeating them.
  const types = new Set<string>(knownTypes ?? builtin.types.map((t) => t.name));
  const typeNames = new Set<string>();
  data.types.forEach((t, i) => {
    if (typeNames.has(t.name)) add(`/types/${i}/name`, `duplicate type "${t.name}"`);
    typeNames.add(t.name);
    types.add(t.name);
    if (!t.httpStatus.includes(t.defaultHttpStatus)) add(`/types/${i}/defaultHttpStatus`, `${t.defaultHttpStatus} is not among the type's httpStatus`);
  });
  // Docs links end up in hovers and panels: only web addresses, never command:, file: or javascript:.
  const web = /^https?:\/\/[^\s<>()"'`]+$/;
  if (!web.test(data.docs)) add('/docs', 'must be an http(s) URL');
  const ids = new Map<string, number>();
  data.errors.forEach((e, i) => {
    if (!web.test(e.docs)) add(`/errors/${i}/docs`, 'must be an http(s) URL');
    const first = ids.get(e.id);
    if (first !== undefined) add(`/errors/${i}/id`, `duplicate id "${e.id}" (also /errors/${first})`);
    else ids.set(e.id, i);
    e.types.forEach((t, j) => {
      if (!types.has(t)) add(`/errors/${i}/types/${j}`, `type "${t}" is not defined in "types"`);
    });
    if (e.envelope === 'A' && typeof e.code !== 'string') add(`/errors/${i}/code`, 'an envelope-A code must be a string');
    if (e.envelope === 'B' && typeof e.code !== 'number') add(`/errors/${i}/code`, 'an envelope-B code must be a number');
  });
}
