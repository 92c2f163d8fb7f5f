import { clampPosition, isDataCell, nextPosition, PAGE_ROWS } from './grid-keys';

// 3 cities × 4 services: a header row, 3 city rows, a totals row; row headers, 4 cells, a totals column.
const size = { rows: 5, cols: 6 };
const at = (row: number, col: number) => ({ row, col });

describe('nextPosition', () => {
  it('moves one cell with the arrow keys', () => {
    expect(nextPosition(at(2, 2), { key: 'ArrowUp' }, size)).toEqual(at(1, 2));
    expect(nextPosition(at(2, 2), { key: 'ArrowDown' }, size)).toEqual(at(3, 2));
    expect(nextPosition(at(2, 2), { key: 'ArrowLeft' }, size)).toEqual(at(2, 1));
    expect(nextPosition(at(2, 2), { key: 'ArrowRight' }, size)).toEqual(at(2, 3));
  });

  it('stops at the edges instead of wrapping', () => {
    expect(nextPosition(at(0, 0), { key: 'ArrowUp' }, size)).toEqual(at(0, 0));
    expect(nextPosition(at(0, 0), { key: 'ArrowLeft' }, size)).toEqual(at(0, 0));
    expect(nextPosition(at(4, 5), { key: 'ArrowDown' }, size)).toEqual(at(4, 5));
    expect(nextPosition(at(4, 5), { key: 'ArrowRight' }, size)).toEqual(at(4, 5));
  });

  it('goes to the ends of the row with Home and End, and of the grid with Ctrl', () => {
    expect(nextPosition(at(2, 3), { key: 'Home' }, size)).toEqual(at(2, 0));
    expect(nextPosition(at(2, 3), { key: 'End' }, size)).toEqual(at(2, 5));
    expect(nextPosition(at(2, 3), { key: 'Home', ctrlKey: true }, size)).toEqual(at(0, 0));
    expect(nextPosition(at(2, 3), { key: 'End', ctrlKey: true }, size)).toEqual(at(4, 5));
    expect(nextPosition(at(2, 3), { key: 'End', metaKey: true }, size)).toEqual(at(4, 5));
  });

  it('moves several rows with Page Up and Page Down, within the grid', () => {
    const tall = { rows: 27, cols: 52 };
    expect(nextPosition(at(1, 4), { key: 'PageDown' }, tall)).toEqual(at(1 + PAGE_ROWS, 4));
    expect(nextPosition(at(24, 4), { key: 'PageDown' }, tall)).toEqual(at(26, 4));
    expect(nextPosition(at(3, 4), { key: 'PageUp' }, tall)).toEqual(at(0, 4));
  });

  it('moves by the rows in view when the grid knows them', () => {
    const tall = { rows: 102, cols: 602, pageRows: 14 };
    expect(nextPosition(at(1, 4), { key: 'PageDown' }, tall)).toEqual(at(15, 4));
    expect(nextPosition(at(95, 4), { key: 'PageDown' }, tall)).toEqual(at(101, 4));
    expect(nextPosition(at(20, 4), { key: 'PageUp' }, tall)).toEqual(at(6, 4));
    expect(nextPosition(at(20, 4), { key: 'PageUp' }, { ...tall, pageRows: 0 })).toEqual(at(19, 4));
  });

  it('leaves other keys to the browser', () => {
    expect(nextPosition(at(2, 2), { key: 'Enter' }, size)).toBeNull();
    expect(nextPosition(at(2, 2), { key: 'Tab' }, size)).toBeNull();
    expect(nextPosition(at(2, 2), { key: 'a' }, size)).toBeNull();
  });
});

describe('isDataCell', () => {
  it('is true inside the cities × services and false on headers and totals', () => {
    expect(isDataCell(at(1, 1), size)).toBe(true);
    expect(isDataCell(at(3, 4), size)).toBe(true);
    expect(isDataCell(at(0, 2), size)).toBe(false);
    expect(isDataCell(at(2, 0), size)).toBe(false);
    expect(isDataCell(at(4, 2), size)).toBe(false);
    expect(isDataCell(at(2, 5), size)).toBe(false);
  });
});

describe('clampPosition', () => {
  it('keeps the tab stop inside a grid that shrank', () => {
    expect(clampPosition(at(9, 9), size)).toEqual(at(4, 5));
    expect(clampPosition(at(2, 3), size)).toEqual(at(2, 3));
  });
});
