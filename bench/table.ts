/** The printed report: one Markdown table (it goes into the README as is) and the notes. */
import type { BenchCase, Target } from './targets';

function fmt(v: number | null, unit?: string): string {
  if (v === null) return '—';
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return unit ? `${v.toFixed(digits)} ${unit}` : v.toFixed(digits);
}

function ratio(a: number | null, b: number | null): string {
  if (a === null || b === null || b === 0) return '—';
  return `${(a / b).toFixed(1)}×`;
}

/** `tiny`: toy inputs under the real names, so no target is judged. */
export function formatTable(cases: BenchCase[], targets: Target[], tiny = false): string {
  const rows = [
    '| case | median | min | max | in-process | floor | peer | in-proc ÷ floor | peer ÷ in-proc | target | result |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const c of cases) {
    const t = targets.find((x) => x.name === c.name);
    const verdict = t && !tiny ? t.check(c) : '';
    const mark = verdict === 'pass' ? 'pass' : verdict === 'miss' ? '**MISS**' : verdict;
    rows.push(
      `| ${c.name} | ${fmt(c.median, c.unit)} | ${fmt(c.min)} | ${fmt(c.max)} | ${fmt(c.inProcess)} | ${fmt(c.floor)} | ${fmt(c.peer)} | ${ratio(c.inProcess, c.floor)} | ${ratio(c.peer, c.inProcess)} | ${t?.text ?? ''} | ${mark} |`,
    );
  }
  const notes = cases.filter((c) => c.note).map((c) => `- ${c.name}: ${c.note}`);
  const misses = targets.filter((t) => {
    const c = cases.find((x) => x.name === t.name);
    return c && t.check(c) === 'miss';
  });
  return [
    ...(tiny ? ['TINY RUN: toy inputs under the real case names; targets are not judged.', ''] : []),
    rows.join('\n'),
    '',
    'median/min/max: end to end over stdio (ms), or size (KB) / resident memory (MB). in-process, floor, peer: medians in ms on the same text in one process (floor = regex finding quoted strings; peer = tree-sitter parse for sources, vscode-json-languageservice per line for logs).',
    '',
    ...notes,
    '',
    tiny ? '' : misses.length ? `targets missed: ${misses.map((t) => t.name).join(', ')}` : 'targets missed: none',
  ].join('\n');
}
