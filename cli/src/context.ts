import type { Catalog } from '../../catalog/src/index';
import type { Lang } from '../../catalog/src/types';
import type { ParsedArgs } from './args';
import type { Style } from './output';

/** Where a command writes; the process streams in `main.ts`, buffers in tests. */
export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdin is a terminal (then `decode` without a file has nothing to read). */
  stdinIsTTY: boolean;
  readStdin: () => Promise<string>;
}

/** Everything a command needs: parsed arguments, the catalog (built-in + extras), output. */
export interface Context {
  args: ParsedArgs;
  lang: Lang;
  catalog: Catalog;
  style: Style;
  /** Terminal width for wrapping human output; 0 when piped (then nothing is cut or wrapped). */
  width: number;
  io: Streams;
  cwd: string;
}

/** A command returns its exit code. */
export type Command = (ctx: Context) => Promise<number>;
