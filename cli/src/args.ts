/**
 * Command-line parsing for `uqpay-errors`: one option table for every command, then a check that
 * each option given belongs to the command it was given to. Options may come before or after the
 * command name; `--` ends the options.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '../../catalog/src/types';
import { langFromEnv } from './locale';

export const COMMANDS = ['lookup', 'search', 'decode', 'check', 'coverage', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];
export type CheckFormat = 'text' | 'json' | 'sarif' | 'markdown';
export type ColorMode = 'auto' | 'always' | 'never';

/** A mistake in how the tool was called: exit code 2, one line on stderr. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: CommandName) {
    super(message);
  }
}

export interface ParsedArgs {
  command: CommandName | undefined;
  positionals: string[];
  help: boolean;
  version: boolean;
  json: boolean;
  lang: Lang;
  catalogs: string[];
  color: ColorMode;
  limit: number | undefined;
  format: CheckFormat | undefined;
  type: string | undefined;
  group: string | undefined;
  severity: string[];
  /** `coverage --min-coverage P`: a percentage from 0 to 100. */
  minCoverage: number | undefined;
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  catalog: { type: 'string', multiple: true },
  color: { type: 'string' },
  'no-color': { type: 'boolean' },
  limit: { type: 'string', short: 'n' },
  format: { type: 'string', short: 'f' },
  type: { type: 'string' },
  group: { type: 'string' },
  severity: { type: 'string', multiple: true },
  'min-coverage': { type: 'string' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Options every command accepts. */
const GLOBAL: OptionName[] = ['help', 'version', 'json', 'lang', 'catalog', 'color', 'no-color'];
/** Options only some commands accept. */
const PER_COMMAND: Record<CommandName, OptionName[]> = {
  lookup: ['type', 'group'],
  search: ['limit'],
  decode: [],
  check: ['format', 'severity'],
  coverage: ['format', 'min-coverage'],
  help: [],
};

export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UsageError(cleanParseError(e));
  }
  const { values, positionals, tokens } = parsed;

  const first = positionals[0];
  let command: CommandName | undefined;
  if (first !== undefined) {
    if (!(COMMANDS as readonly string[]).includes(first)) {
      throw new UsageError(`unknown command '${first}' (expected one of: lookup, search, decode, check, coverage)`);
    }
    command = first as CommandName;
  }

  if (command) {
    const allowed = new Set<OptionName>([...GLOBAL, ...PER_COMMAND[command]]);
    for (const t of tokens ?? []) {
      if (t.kind === 'option' && !allowed.has(t.name as OptionName)) {
        throw new UsageError(`option '${t.rawName}' does not apply to '${command}'`, command);
      }
    }
  }

  const lang = values.lang === undefined ? langFromEnv(env) : parseLang(values.lang, command);

  let color: ColorMode = 'auto';
  if (values.color !== undefined) {
    if (values.color !== 'auto' && values.color !== 'always' && values.color !== 'never') {
      throw new UsageError(`--color must be auto, always or never (got '${values.color}')`, command);
    }
    color = values.color;
  }
  if (values['no-color']) color = 'never';

  let limit: number | undefined;
  if (values.limit !== undefined) {
    const n = Number(values.limit);
    if (!/^\d+$/.test(values.limit) || n < 1 || n > 1000) {
      throw new UsageError(`--limit must be a whole number from 1 to 1000 (got '${values.limit}')`, command);
    }
    limit = n;
  }

  let format: CheckFormat | undefined;
  if (values.format !== undefined) {
    const formats = command === 'coverage' ? ['text', 'json', 'markdown'] : ['text', 'json', 'sarif'];
    if (!formats.includes(values.format)) {
      throw new UsageError(`--format must be ${formats.slice(0, 2).join(', ')} or ${formats[2]} (got '${values.format}')`, command);
    }
    format = values.format as CheckFormat;
  }

  let minCoverage: number | undefined;
  if (values['min-coverage'] !== undefined) {
    const raw = values['min-coverage'].replace(/%$/, '');
    const n = Number(raw);
    if (!/^\d+(?:\.\d+)?$/.test(raw) || n > 100) {
      throw new UsageError(`--min-coverage must be a percentage from 0 to 100 (got '${values['min-coverage']}')`, command);
    }
    minCoverage = n;
  }

  return {
    command,
    positionals: positionals.slice(1),
    help: values.help ?? false,
    version: values.version ?? false,
    json: values.json ?? false,
    lang,
    catalogs: values.catalog ?? [],
    color,
    limit,
    format,
    type: values.type,
    group: values.group,
    severity: values.severity ?? [],
    minCoverage,
  };
}

function parseLang(value: string, command: CommandName | undefined): Lang {
  const v = value.trim().toLowerCase().replace('_', '-');
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'zh' || v === 'zh-cn' || v === 'zh-hans') return 'zh-CN';
  throw new UsageError(`--lang must be en or zh-CN (got '${value}')`, command);
}

/** node:util's messages are long and mention its own API; keep the part a user can act on. */
function cleanParseError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(msg);
  if (missing) return `option '${missing[1].split(',').pop()!.trim()}' needs a value`;
  const noValue = /Option '([^']+)' does not take an argument/.exec(msg);
  if (noValue) return `option '${noValue[1].split(',').pop()!.trim()}' does not take a value`;
  return msg.split('\n')[0];
}
