/** A run of rows or columns that the grid draws, or the space of those it leaves out. */
export type Segment =
  | { readonly kind: 'item'; readonly index: number }
  | { readonly kind: 'gap'; readonly count: number; readonly from: number };

/** The first and last index (inclusive) to draw of `count` items of `itemSize`, or null for none. */
export interface Range {
  readonly first: number;
  readonly last: number;
}

/**
 * The items of one axis in view at `offset` (the scroll position) in a `viewport` of that length, plus
 * `margin` items on either side, so that short scrolls show drawn cells at once.
 */
export function visibleRange(
  offset: number,
  viewport: number,
  itemSize: number,
  count: number,
  margin: number,
): Range | null {
  if (count <= 0) return null;
  const size = Math.max(itemSize, 1);
  const first = Math.floor(Math.max(offset, 0) / size);
  const last = Math.ceil((Math.max(offset, 0) + Math.max(viewport, 0)) / size);
  return {
    first: Math.min(Math.max(first - margin, 0), count - 1),
    last: Math.min(Math.max(last + margin, 0), count - 1),
  };
}

/**
 * The items to draw, in order: the range and the `pinned` indexes (the focused cell's row or column, which
 * must stay in the page wherever the user scrolls, or focus would be lost), with a gap standing in for
 * each run of items left out, so that the drawn ones keep their places.
 */
export function segments(range: Range | null, count: number, pinned: readonly number[] = []): Segment[] {
  const indexes = new Set<number>();
  if (range) for (let index = range.first; index <= range.last; index++) indexes.add(index);
  for (const index of pinned) if (index >= 0 && index < count) indexes.add(index);
  const sorted = [...indexes].sort((a, b) => a - b);
  const result: Segment[] = [];
  let next = 0;
  for (const index of sorted) {
    if (index > next) result.push({ kind: 'gap', count: index - next, from: next });
    result.push({ kind: 'item', index });
    next = index + 1;
  }
  if (next < count) result.push({ kind: 'gap', count: count - next, from: next });
  return result;
}
