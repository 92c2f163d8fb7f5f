import type { Cell } from './import-file.js';

/*
 * What a cell means, for the few kinds of values an import file holds. A cell that cannot be read as the
 * kind asked for is passed on as its text, so that the API's own validation (class-validator on the
 * mutation's input) refuses it with the API's own message.
 */

/** The cell as text; a number as written without grouping, a date cell as YYYY-MM-DD. */
export function textOf(cell: Cell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') return cell.date;
  return cell;
}

/**
 * A key of `digits` digits (AGS: 8, LeiKa: 14). Excel drops the leading zero of a key it takes for a number
 * (09761000 becomes 9761000), so a shorter run of digits is padded back.
 */
export function digitKeyOf(cell: Cell, digits: number): string | null {
  const text = typeof cell === 'number' && Number.isSafeInteger(cell) ? String(cell) : textOf(cell);
  if (text === null) return null;
  const compact = text.replace(/\s/g, '');
  return /^\d+$/.test(compact) && compact.length < digits ? compact.padStart(digits, '0') : compact;
}

const PLAIN = /^[+-]?\d+([.,]\d+)?$/;
// 1.234,5 (German) or 1,234.5 (English): the last separator is the decimal one.
const GROUPED_DE = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const GROUPED_EN = /^[+-]?\d{1,3}(,\d{3})+\.\d+$/;

/**
 * A number: a numeric cell, or text with a decimal comma (4,5) or point (4.5), with grouping when both
 * appear (1.234,5). In a German file (`;`-separated, as German Excel writes CSV) a point before groups of
 * three digits groups them (1.234 is 1234), as German Excel shows numbers. Anything else stays text, for
 * validation to refuse.
 */
export function numberOf(cell: Cell, german = false): number | string | null {
  if (cell === null || typeof cell === 'number') return cell;
  const text = textOf(cell)?.replace(/\s/g, '') ?? '';
  if (GROUPED_DE.test(text) && (german || text.includes(','))) {
    return Number(text.replaceAll('.', '').replace(',', '.'));
  }
  if (PLAIN.test(text)) return Number(text.replace(',', '.'));
  if (GROUPED_EN.test(text)) return Number(text.replaceAll(',', ''));
  return text;
}

function pad2(value: string): string {
  return value.padStart(2, '0');
}

/** A calendar date, YYYY-MM-DD: a date cell, ISO text, or German text (1.3.2024, 01.03.2024). */
export function dateOf(cell: Cell): string | null {
  if (cell !== null && typeof cell === 'object') return cell.date;
  const text = textOf(cell);
  if (text === null) return null;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (german) {
    const [, day = '', month = '', year = ''] = german;
    return `${year}-${pad2(month)}-${pad2(day)}`;
  }
  return text;
}

/** A month, YYYY-MM: a date cell (its month), YYYY-MM, a date, or German text (03.2024, 03/2024). */
export function monthOf(cell: Cell): string | null {
  const text = dateOf(cell);
  if (text === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text.slice(0, 7);
  const german = /^(\d{1,2})[./](\d{4})$/.exec(text);
  if (german) {
    const [, month = '', year = ''] = german;
    return `${year}-${pad2(month)}`;
  }
  return text;
}

/** An enum value by its name in any case (in_rollout, In Rollout) or a German alias (In Einführung). */
export function enumOf<E extends string>(
  cell: Cell,
  values: Readonly<Record<string, E>>,
  aliases: Readonly<Record<string, E>>,
): E | string | null {
  const text = textOf(cell);
  if (text === null) return null;
  const name = text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  const byName = Object.values(values).find((value) => value === name);
  return byName ?? aliases[text.trim().toLowerCase()] ?? text;
}

/** An OZG maturity model: 1.1 or 2.0, also written 2, 2,0 or as a number. */
export function maturityModelOf(cell: Cell): string | null {
  const value = numberOf(cell);
  return typeof value === 'number' && Number.isInteger(value * 10) ? value.toFixed(1) : textOf(cell);
}
