import { segments, visibleRange } from './grid-window';

describe('visibleRange', () => {
  it('covers what is in view plus a margin on either side', () => {
    // rows of 40 px, 400 px in view, scrolled to row 25
    expect(visibleRange(1000, 400, 40, 100, 5)).toEqual({ first: 20, last: 40 });
    // a partly scrolled row counts as in view
    expect(visibleRange(1020, 400, 40, 100, 0)).toEqual({ first: 25, last: 36 });
  });

  it('stays within the items at both ends', () => {
    expect(visibleRange(0, 400, 40, 100, 5)).toEqual({ first: 0, last: 15 });
    expect(visibleRange(4000, 400, 40, 100, 5)).toEqual({ first: 95, last: 99 });
    expect(visibleRange(-50, 400, 40, 3, 5)).toEqual({ first: 0, last: 2 });
    expect(visibleRange(0, 400, 40, 0, 5)).toBeNull();
  });

  it('draws a few items before the viewport is known', () => {
    expect(visibleRange(0, 0, 40, 100, 5)).toEqual({ first: 0, last: 5 });
  });
});

describe('segments', () => {
  it('draws the range with gaps before and after it', () => {
    expect(segments({ first: 3, last: 5 }, 10)).toEqual([
      { kind: 'gap', count: 3, from: 0 },
      { kind: 'item', index: 3 },
      { kind: 'item', index: 4 },
      { kind: 'item', index: 5 },
      { kind: 'gap', count: 4, from: 6 },
    ]);
  });

  it('keeps a pinned item far outside the range in its place', () => {
    expect(segments({ first: 0, last: 1 }, 10, [7])).toEqual([
      { kind: 'item', index: 0 },
      { kind: 'item', index: 1 },
      { kind: 'gap', count: 5, from: 2 },
      { kind: 'item', index: 7 },
      { kind: 'gap', count: 2, from: 8 },
    ]);
    // inside the range or out of bounds, a pinned index changes nothing
    expect(segments({ first: 0, last: 9 }, 10, [4, -1, 10])).toHaveLength(10);
  });

  it('is all one gap without a range, and empty without items', () => {
    expect(segments(null, 4)).toEqual([{ kind: 'gap', count: 4, from: 0 }]);
    expect(segments(null, 0)).toEqual([]);
  });
});
