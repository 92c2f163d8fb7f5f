/** A place in the grid: row 0 holds the column headers, column 0 the row headers. */
export interface GridPosition {
  readonly row: number;
  readonly col: number;
}

export interface GridSize {
  /** Rows including the header row and the totals row. */
  readonly rows: number;
  /** Columns including the row headers and the totals column. */
  readonly cols: number;
  /** Rows that Page Up and Page Down skip: those in view; PAGE_ROWS when unknown. */
  readonly pageRows?: number;
}

export interface GridKey {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
}

/** Rows that Page Up and Page Down skip when the grid does not say how many rows are in view. */
export const PAGE_ROWS = 5;

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}

/**
 * Where focus goes for a key pressed in the grid, following the ARIA grid pattern: arrows move one cell
 * and stop at the edges, Home and End go to the ends of the row (with Ctrl: of the grid), Page Up and
 * Page Down move several rows. Null when the key does not move focus.
 */
export function nextPosition(from: GridPosition, event: GridKey, size: GridSize): GridPosition | null {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const withCtrl = event.ctrlKey || event.metaKey;
  let row = from.row;
  let col = from.col;
  switch (event.key) {
    case 'ArrowUp':
      row -= 1;
      break;
    case 'ArrowDown':
      row += 1;
      break;
    case 'ArrowLeft':
      col -= 1;
      break;
    case 'ArrowRight':
      col += 1;
      break;
    case 'Home':
      col = 0;
      if (withCtrl) row = 0;
      break;
    case 'End':
      col = lastCol;
      if (withCtrl) row = lastRow;
      break;
    case 'PageUp':
      row -= Math.max(1, size.pageRows ?? PAGE_ROWS);
      break;
    case 'PageDown':
      row += Math.max(1, size.pageRows ?? PAGE_ROWS);
      break;
    default:
      return null;
  }
  return { row: clamp(row, lastRow), col: clamp(col, lastCol) };
}

/** True for a position inside the data cells (not a header or a total). */
export function isDataCell(position: GridPosition, size: GridSize): boolean {
  return position.row > 0 && position.row < size.rows - 1 && position.col > 0 && position.col < size.cols - 1;
}

/** The position kept inside a grid that may have shrunk (e.g. after a filter). */
export function clampPosition(position: GridPosition, size: GridSize): GridPosition {
  return { row: clamp(position.row, size.rows - 1), col: clamp(position.col, size.cols - 1) };
}
