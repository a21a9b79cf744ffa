/**
 * `uqpay-errors`: the command-line entry (bundled to dist/cli.js). Parses arguments, loads the
 * catalog, runs one command and turns its result into an exit code:
 * 0 success, 1 nothing found / problems found, 2 usage error.
 */
import { parseCommandLine, UsageError, type CommandName, type ParsedArgs } from './args';
import { loadCatalogs } from './catalogs';
import type { Command, Context, Streams } from './context';
import { decodeCommand } from './decode';
import { commandHelp, toolHelp } from './help';
import { lookupCommand } from './lookup';
import { createStyle, shouldColor } from './output';
import { searchCommand } from './search';
import { checkCommand } from './check';
import { coverageCommand } from './coverage';
import { version } from '../../package.json';

const RUNNERS: Record<Exclude<CommandName, 'help'>, Command> = {
  lookup: lookupCommand,
  search: searchCommand,
  decode: decodeCommand,
  check: checkCommand,
  coverage: coverageCommand,
};

export interface Terminal {
  stdoutIsTTY: boolean;
  columns: number | undefined;
  cwd: string;
}

export async function run(argv: string[], env: NodeJS.ProcessEnv, io: Streams, term: Terminal): Promise<number> {
  let args: ParsedArgs | undefined;
  try {
    args = parseCommandLine(argv, env);
    if (args.version) {
      io.stdout(`${version}\n`);
      return 0;
    }
    if (args.command === 'help') {
      const topic = args.positionals[0];
      if (topic !== undefined && !['lookup', 'search', 'decode', 'check', 'coverage', 'help'].includes(topic)) {
        throw new UsageError(`no help for '${topic}' (commands: lookup, search, decode, check, coverage)`);
      }
      io.stdout(commandHelp(topic as CommandName | undefined));
      return 0;
    }
    if (args.help) {
      io.stdout(args.command ? commandHelp(args.command) : toolHelp());
      return 0;
    }
    if (!args.command) throw new UsageError('missing command (lookup, search, decode, check or coverage)');

    const color = shouldColor(args.color, term.stdoutIsTTY, env);
    const ctx: Context = {
      args,
      lang: args.lang,
      catalog: loadCatalogs(args.catalogs, term.cwd, io.stderr),
      style: createStyle(color),
      width: term.stdoutIsTTY ? term.columns || 80 : 0,
      io,
      cwd: term.cwd,
    };
    return await RUNNERS[args.command](ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      const cmd = e.command ?? args?.command;
      const helpHint = cmd && cmd !== 'help' ? `uqpay-errors ${cmd} --help` : 'uqpay-errors --help';
      io.stderr(`uqpay-errors: ${e.message}. See '${helpHint}'.\n`);
      return 2;
    }
    // A bug of ours: say so in one line (and where, for a bug report) rather than dump a trace.
    const err = e instanceof Error ? e : new Error(String(e));
    io.stderr(`uqpay-errors: internal error: ${err.message}\n`);
    if (env.UQPAY_ERRORS_DEBUG) io.stderr(`${err.stack ?? ''}\n`);
    return 3;
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function main(): void {
  // `uqpay-errors … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io: Streams = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    readStdin,
  };
  const term: Terminal = { stdoutIsTTY: Boolean(process.stdout.isTTY), columns: process.stdout.columns, cwd: process.cwd() };
  run(process.argv.slice(2), process.env, io, term).then(
    (code) => {
      // Set the code rather than exit: pending writes to a pipe must drain first.
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`uqpay-errors: internal error: ${String(e)}\n`);
      process.exitCode = 3;
    },
  );
}

if (require.main === module) main();
