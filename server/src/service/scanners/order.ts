/**
 * `items` by start offset. Scanners record most items in order and only nested ones out of it (an
 * object closes after the objects inside it, an f-string after the strings in its holes): a check
 * first spares the sort when nothing nests.
 */
export function inStartOrder<T extends { start: number }>(items: T[]): T[] {
  for (let k = 1; k < items.length; k++) {
    if (items[k - 1].start > items[k].start) return items.sort((a, b) => a.start - b.start);
  }
  return items;
}
