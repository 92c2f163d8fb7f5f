/*
 * Tables written as files: the CSV of the exports, the open data and the charts' downloads. One place decides
 * how a value of each kind is written, so that a file from the server and one from a chart read alike.
 */

/**
 * What a column holds, and so how it is written:
 * - `text` and `key` (AGS, LeiKa key: digits that are not numbers, leading zeros kept) as text,
 * - `integer` and `decimal` as numbers, rounded to the column's `digits`,
 * - `date` (`YYYY-MM-DD`), `month` (`YYYY-MM`, written as its first day where a date is meant) and
 *   `datetime` (a `Date` or ISO string, in UTC) as dates,
 * - `boolean` as yes/no.
 */
export type ColumnType = 'text' | 'key' | 'integer' | 'decimal' | 'date' | 'month' | 'datetime' | 'boolean';

/** One column of a table: its heading in German and English, its kind and, for decimals, its precision. */
export interface TableColumn<Row = unknown> {
  readonly key: string;
  readonly de: string;
  readonly en: string;
  readonly type: ColumnType;
  /** Decimal places of a `decimal` column (the view's rounding). */
  readonly digits?: number;
  /** Unit of the values, for data dictionaries (e.g. "Prozent", "Sterne (1–5)"). */
  readonly unit?: string;
  readonly value: (row: Row) => CellValue;
}

export type CellValue = string | number | boolean | Date | null | undefined;

/**
 * `excel-de`: what German Excel opens by double-click into columns — UTF-8 with byte-order mark, `;`,
 * decimal comma, dates as `TT.MM.JJJJ`, CRLF. `rfc4180`: for programs — UTF-8, `,`, decimal point, ISO dates.
 */
export type CsvFormat = 'excel-de' | 'rfc4180';
export const CSV_FORMATS: readonly CsvFormat[] = ['excel-de', 'rfc4180'];

export type TableLanguage = 'de' | 'en';

const BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would take for a formula, made inert with a leading apostrophe (OWASP's advice for
 * CSV injection); every other text is left as it is.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** `value` rounded to `digits` decimal places, half away from zero; null stays null. */
export function roundTo(value: number | null | undefined, digits: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON)) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** The value of a cell as the file should hold it: numbers rounded, months and dates as dates, text as text. */
export function typedValue(
  column: TableColumn<never>,
  raw: CellValue,
): string | number | boolean | Date | null {
  if (raw === null || raw === undefined || raw === '') return null;
  switch (column.type) {
    case 'integer':
      return roundTo(Number(raw), 0);
    case 'decimal':
      return roundTo(Number(raw), column.digits ?? 2);
    case 'boolean':
      return Boolean(raw);
    case 'date':
      return typeof raw === 'string' ? utcDate(raw.slice(0, 10)) : raw instanceof Date ? raw : null;
    case 'month':
      return typeof raw === 'string' ? utcDate(`${raw.slice(0, 7)}-01`) : raw instanceof Date ? raw : null;
    case 'datetime':
      return raw instanceof Date ? raw : new Date(String(raw));
    default:
      return String(raw);
  }
}

function utcDate(iso: string): Date | null {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The text of one value in a CSV file of `format`, before quoting. */
export function csvText(
  column: TableColumn<never>,
  raw: CellValue,
  format: CsvFormat,
  language: TableLanguage = 'de',
): string {
  const value = typedValue(column, raw);
  if (value === null) return '';
  const german = format === 'excel-de';
  if (typeof value === 'number') {
    const digits = column.type === 'decimal' ? (column.digits ?? 2) : 0;
    // Fixed digits would write 4.50 for 4.5: the shortest exact form keeps the file like the view.
    const text = String(roundTo(value, digits));
    return german ? text.replace('.', ',') : text;
  }
  if (typeof value === 'boolean') {
    if (!german) return value ? 'true' : 'false';
    return language === 'de' ? (value ? 'ja' : 'nein') : value ? 'yes' : 'no';
  }
  if (value instanceof Date) {
    const [y, m, d] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
    if (column.type === 'datetime') {
      const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
      return german ? `${pad(d)}.${pad(m)}.${y} ${time}` : value.toISOString();
    }
    if (column.type === 'month' && !german) return `${y}-${pad(m)}`;
    return german ? `${pad(d)}.${pad(m)}.${y}` : `${y}-${pad(m)}-${pad(d)}`;
  }
  return neutraliseFormula(value);
}

/** A field quoted when it holds the separator, a quote or a line break (RFC 4180 §2). */
function quoted(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvOptions {
  readonly format: CsvFormat;
  readonly language?: TableLanguage;
}

/** Writes a table as CSV piece by piece: the head first, then each row, so that large tables stream. */
export class CsvWriter<Row> {
  private readonly separator: string;

  constructor(
    private readonly columns: readonly TableColumn<Row>[],
    private readonly options: CsvOptions,
  ) {
    this.separator = options.format === 'excel-de' ? ';' : ',';
  }

  /** The byte-order mark (excel-de only) and the header line. */
  head(): string {
    const language = this.options.language ?? 'de';
    const names = this.columns.map((column) => quoted(neutraliseFormula(column[language]), this.separator));
    return (this.options.format === 'excel-de' ? BOM : '') + this.line(names);
  }

  row(row: Row): string {
    return this.line(
      this.columns.map((column) =>
        quoted(
          csvText(
            column as TableColumn<never>,
            column.value(row),
            this.options.format,
            this.options.language,
          ),
          this.separator,
        ),
      ),
    );
  }

  private line(fields: readonly string[]): string {
    return `${fields.join(this.separator)}\r\n`;
  }
}

/** The whole table as one CSV text (for small tables, such as a chart's data). */
export function toCsvText<Row>(
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
  options: CsvOptions,
): string {
  const writer = new CsvWriter(columns, options);
  return writer.head() + rows.map((row) => writer.row(row)).join('');
}
