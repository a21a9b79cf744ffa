/** The targets of issue 6, checked against a run's cases. */

export interface BenchCase {
  name: string;
  /** End to end over the protocol (or the measured size/memory); null when not measured. */
  median: number | null;
  min: number | null;
  max: number | null;
  unit: 'ms' | 'MB' | 'KB' | 'count';
  /** The service's own median on the same input, in process. */
  inProcess: number | null;
  /** The regex floor's in-process median on the same input. */
  floor: number | null;
  /** The peer's in-process median (JSON language service or tree-sitter) on the same input. */
  peer: number | null;
  /** For the printed table only; not written to results.json. */
  note?: string;
}

export function emptyCase(name: string, unit: BenchCase['unit'], note?: string): BenchCase {
  return { name, median: null, min: null, max: null, unit, inProcess: null, floor: null, peer: null, note };
}

export type Verdict = 'pass' | 'miss' | 'n/a';

export interface Target {
  name: string;
  text: string;
  check: (c: BenchCase) => Verdict;
}

const within = (v: number | null, limit: number): Verdict => (v === null ? 'n/a' : v <= limit ? 'pass' : 'miss');
const both = (a: Verdict, b: Verdict): Verdict => (a === 'miss' || b === 'miss' ? 'miss' : a === 'n/a' || b === 'n/a' ? 'n/a' : 'pass');

export const TARGETS: Target[] = [
  {
    name: 'didOpen.typescript.10k',
    text: '≤ 30 ms, in-process ≤ 5 × floor',
    check: (c) => both(within(c.median, 30), c.inProcess === null || c.floor === null ? 'n/a' : within(c.inProcess, 5 * c.floor)),
  },
  { name: 'edit.typescript.10k', text: '≤ 5 ms', check: (c) => within(c.median, 5) },
  { name: 'edit.typescript.10k.minusDebounce', text: '≤ 5 ms (debounce excluded)', check: (c) => within(c.median, 5) },
  { name: 'hover.p99', text: '≤ 5 ms', check: (c) => within(c.median, 5) },
  { name: 'completion.p99', text: '≤ 5 ms', check: (c) => within(c.median, 5) },
  {
    name: 'didOpen.jsonl.10mb',
    text: '≤ 500 ms, ≥ 5 × faster than the JSON peer',
    check: (c) => both(within(c.median, 500), c.inProcess === null || c.peer === null ? 'n/a' : c.peer >= 5 * c.inProcess ? 'pass' : 'miss'),
  },
  { name: 'initialize', text: '≤ 300 ms', check: (c) => within(c.median, 300) },
  { name: 'rss.50x10k', text: '≤ 150 MB', check: (c) => within(c.median, 150) },
  // what typing costs in memory: a version kept per keystroke shows as hundreds of MB here
  { name: 'rss.edits', text: '≤ 20 MB of growth', check: (c) => within(c.median, 20) },
  { name: 'bundle.extension', text: '≤ 150 KB', check: (c) => within(c.median, 150) },
  { name: 'bundle.server', text: '≤ 1.5 MB (1536 KB)', check: (c) => within(c.median, 1536) },
  { name: 'activation', text: '≤ 100 ms', check: (c) => within(c.median, 100) },
  {
    name: 'index.workspace.5k',
    text: 'in-process ≤ 3 × floor',
    check: (c) => (c.inProcess === null || c.floor === null ? 'n/a' : within(c.inProcess, 3 * c.floor)),
  },
  { name: 'reindex.one-file', text: '≤ 10 ms', check: (c) => within(c.median, 10) },
  { name: 'rss.index.5k', text: '≤ 200 MB', check: (c) => within(c.median, 200) },
];

/** The case names results.json must always contain (issue 6). */
export const REQUIRED_CASES = [
  'didOpen.typescript.10k',
  'didOpen.typescript.100k',
  'didOpen.python.10k',
  'didOpen.go.10k',
  'edit.typescript.10k',
  'hover.p99',
  'completion.p99',
  'didOpen.jsonl.10mb',
  'initialize',
  'rss.50x10k',
  'bundle.extension',
  'bundle.server',
  'activation',
  'index.workspace.5k',
  'reindex.one-file',
  'rss.index.5k',
] as const;
