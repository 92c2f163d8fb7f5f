import { IMPORT_MAX_ROWS, type ImportError } from '@koop/domain';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/*
 * Reads an import file, CSV or XLSX, into a header and rows of cells, each row numbered as a spreadsheet
 * shows it (the header is row 1, blank rows count). What a cell means is for import-values.ts to say.
 */

/** A cell: text as written, a number from a numeric XLSX cell, or a calendar date (YYYY-MM-DD) from a date cell. */
export type Cell = string | number | { readonly date: string } | null;

export interface SheetRow {
  /** The row's number as a spreadsheet shows it. */
  readonly row: number;
  readonly cells: readonly Cell[];
  /** One cell, when the row can read it without reading all (a plain CSV line). */
  cellAt?(position: number): Cell;
}

export interface Sheet {
  readonly header: readonly string[];
  readonly rows: readonly SheetRow[];
  /** Written the German way (`;`-separated CSV): a point groups thousands (1.234), a comma is decimal. */
  readonly german: boolean;
}

/** A file that cannot be read at all: answered as one error of row 0 (the file as a whole). */
export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly errors: readonly ImportError[] = [{ row: 0, column: '', message }],
  ) {
    super(message);
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Reads a file by what it holds (an XLSX file is a ZIP archive), never by its name alone. */
export async function readImportFile(content: Buffer, fileName?: string): Promise<Sheet> {
  const extension = /\.([^./\\]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (content.length === 0) {
    throw new UnreadableFile('The file is empty.');
  }
  if (content.subarray(0, 4).equals(OLE_MAGIC) || extension === 'xls') {
    throw new UnreadableFile(
      'This is an Excel file in the old .xls format. Save it as Excel workbook (.xlsx) or as CSV UTF-8 and import that.',
    );
  }
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) {
    return readXlsx(content);
  }
  if (extension === 'xlsx') {
    throw new UnreadableFile('The file is named .xlsx but is no Excel workbook.');
  }
  return readCsv(content);
}

function tooManyRows(): UnreadableFile {
  return new UnreadableFile(
    `The file has more than ${IMPORT_MAX_ROWS.toLocaleString('en')} data rows, the most one import takes. Split it into several files.`,
  );
}

/** The separator of a CSV file: `;` (German Excel) or `,`, whichever its header line uses. */
export function detectSeparator(text: string): ';' | ',' {
  const end = text.search(/\r?\n/);
  const header = end === -1 ? text : text.slice(0, end);
  const count = (separator: string) => header.split(separator).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function readCsv(content: Buffer): Sheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new UnreadableFile(
      'The file is not UTF-8 text. Save it as "CSV UTF-8" (in Excel: Save as → CSV UTF-8) and import that.',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  const separator = detectSeparator(text);
  if (!text.includes('"')) {
    return readPlain(text, separator);
  }
  const [header, ...data] = parseQuoted(text, separator);
  if (!header || header.every((cell) => cell === '')) {
    throw new UnreadableFile('The first row must name the columns; it is empty.');
  }
  const rows: SheetRow[] = [];
  data.forEach((cells, index) => {
    if (cells.some((cell) => cell !== '')) {
      rows.push({ row: index + 2, cells: cells.map((cell) => (cell === '' ? null : cell)) });
    }
  });
  // Blank rows count too: reading stopped after one row more than allowed, and must not drop what followed.
  if (data.length > IMPORT_MAX_ROWS) {
    throw tooManyRows();
  }
  return { header, rows, german: separator === ';' };
}

/** RFC 4180 with csv-parse: quoted fields, separators and line breaks inside them, doubled quotes. */
function parseQuoted(text: string, separator: string): string[][] {
  try {
    return parse(text, {
      delimiter: separator,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      // The header, the most rows allowed and one more, to tell that there are more.
      to: IMPORT_MAX_ROWS + 2,
    });
  } catch (error) {
    const problem = error as { message?: string; lines?: number };
    throw new UnreadableFile(
      `The CSV file cannot be read${problem.lines ? ` near line ${problem.lines}` : ''}: ${problem.message ?? String(error)}`,
    );
  }
}

/**
 * A file without a single double quote has no quoted field, so no separator or line break inside a field:
 * splitting it at line ends and separators reads it exactly as csv-parse does (trimmed cells, blank rows
 * counted but left out), several times faster (a large export of the national feedback component is
 * written this way). A row keeps its line and splits it when its cells are read: 100,000 rows of cells held
 * at once cost the garbage collector more than splitting a line again.
 */
function readPlain(text: string, separator: string): Sheet {
  // As csv-parse: the first line end found ends every record.
  const lines = text.split(/\r\n|\n|\r/.exec(text)?.[0] ?? '\n');
  if (lines.at(-1) === '') {
    lines.pop();
  }
  const header = (lines[0] ?? '').split(separator).map((cell) => cell.trim());
  if (header.every((cell) => cell === '')) {
    throw new UnreadableFile('The first row must name the columns; it is empty.');
  }
  // Blank rows count too: more lines than the header and the most rows allowed are too many.
  if (lines.length - 1 > IMPORT_MAX_ROWS) {
    throw tooManyRows();
  }
  // A blank row holds nothing but separators and what trim() removes (\s is the same set).
  const blank = new RegExp(`^[\\s${separator}]*$`);
  const rows: SheetRow[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (!blank.test(line)) rows.push(new PlainRow(index + 1, line, separator));
  }
  return { header, rows, german: separator === ';' };
}

/** Whether String.prototype.trim may remove this character: ASCII controls and spaces, or Unicode space. */
function spaced(code: number): boolean {
  return code <= 32 || (code >= 0xa0 && /\s/.test(String.fromCharCode(code)));
}

/** A row of a plain CSV file: its cells from its line, trimmed, empty ones null. */
class PlainRow implements SheetRow {
  constructor(
    readonly row: number,
    private readonly line: string,
    private readonly separator: string,
  ) {}

  cellAt(position: number): Cell {
    if (position < 0) return null;
    let start = 0;
    for (let skipped = 0; skipped < position; skipped += 1) {
      const next = this.line.indexOf(this.separator, start);
      if (next === -1) return null;
      start = next + 1;
    }
    const end = this.line.indexOf(this.separator, start);
    const cell = this.line.slice(start, end === -1 ? undefined : end).trim();
    return cell === '' ? null : cell;
  }

  get cells(): readonly Cell[] {
    const cells: Cell[] = this.line.split(this.separator);
    for (let position = 0; position < cells.length; position += 1) {
      let cell = cells[position] as string;
      // Trimming only the cells that need it: most have no space at either end.
      if (cell !== '' && (spaced(cell.charCodeAt(0)) || spaced(cell.charCodeAt(cell.length - 1)))) {
        cell = cell.trim();
      }
      cells[position] = cell === '' ? null : cell;
    }
    return cells;
  }
}

async function readXlsx(content: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFile(
      `The Excel workbook cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) {
    throw new UnreadableFile('The Excel workbook has no rows in its first worksheet.');
  }
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 1) {
    throw tooManyRows();
  }
  let header = null as string[] | null;
  const rows: SheetRow[] = [];
  const errors: ImportError[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      try {
        cells[column - 1] = cellOf(cell.value);
      } catch (error) {
        const name = header?.[column - 1];
        errors.push({ row: rowNumber, column: name || `#${column}`, message: (error as Error).message });
        cells[column - 1] = null;
      }
    });
    const filled = Array.from(cells, (cell) => cell ?? null);
    if (header === null) {
      header = filled.map((cell) =>
        cell === null ? '' : typeof cell === 'object' ? cell.date : String(cell),
      );
    } else if (filled.some((cell) => cell !== null && cell !== '')) {
      rows.push({ row: rowNumber, cells: filled });
    }
  });
  if (errors.length > 0) {
    throw new UnreadableFile('Some cells hold spreadsheet errors.', errors);
  }
  return { header: header ?? [], rows, german: false };
}

/** The calendar date of a date cell. exceljs reads a date cell as UTC midnight: the UTC fields are the date. */
function dateOf(value: Date): { date: string } {
  if (Number.isNaN(value.getTime())) {
    throw new Error('The cell holds a date the workbook cannot represent.');
  }
  return { date: value.toISOString().slice(0, 10) };
}

/** The value a cell shows: a formula's result, a rich text's text, a hyperlink's text. */
export function cellOf(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) {
    return dateOf(value);
  }
  if ('richText' in value) {
    return cellOf(value.richText.map((part) => part.text).join(''));
  }
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    return cellOf(
      typeof text === 'object' && text !== null ? (text as ExcelJS.CellValue) : String(text ?? ''),
    );
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return cellOf(value.result as ExcelJS.CellValue | undefined);
  }
  if ('error' in value) {
    throw new Error(`The cell holds the spreadsheet error ${value.error}.`);
  }
  return null;
}
