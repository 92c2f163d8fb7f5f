import { once } from 'node:events';
import {
  CsvWriter,
  neutraliseFormula,
  type CsvFormat,
  type TableColumn,
  type TableLanguage,
  typedValue,
} from '@koop/domain';
import type { Response } from 'express';
import ExcelJS from 'exceljs';

export type FileKind = 'csv' | 'xlsx' | 'json';

export interface TableFile<Row> {
  /** The file's name without extension; today's date is added. */
  readonly name: string;
  /** Name of the XLSX worksheet. */
  readonly sheet: string;
  readonly columns: readonly TableColumn<Row>[];
  /** The rows in chunks: read one chunk at a time, so that a large table never sits in memory. */
  readonly rows: AsyncIterable<readonly Row[]>;
}

export interface FileOptions {
  readonly kind: FileKind;
  readonly format: CsvFormat;
  readonly language: TableLanguage;
  /** `Cache-Control` of the answer. */
  readonly cacheControl: string;
  /** Shown in the browser rather than saved (open data's JSON); the file name stays undated. */
  readonly inline?: boolean;
  /** Data rows per XLSX worksheet before the next one begins: Excel's limit unless a test asks for fewer. */
  readonly xlsxRowsPerSheet?: number;
}

/** Excel's rows per worksheet (1,048,576), the header row included. */
export const XLSX_MAX_ROWS = 1_048_576;
/** Excel's longest worksheet name. */
const SHEET_NAME_MAX = 31;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel number formats per column kind; the codes are Excel's own, shown in the reader's locale. */
function numberFormat(column: TableColumn<never>, language: TableLanguage): string | undefined {
  const german = language === 'de';
  switch (column.type) {
    case 'text':
    case 'key':
      // "@": text, so that Excel keeps an AGS's leading zero even when someone edits the cell.
      return '@';
    case 'integer':
      return '0';
    case 'decimal':
      return (column.digits ?? 2) > 0 ? `0.${'0'.repeat(column.digits ?? 2)}` : '0';
    case 'date':
      return german ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
    case 'month':
      return german ? 'mm.yyyy' : 'yyyy-mm';
    case 'datetime':
      return german ? 'dd.mm.yyyy hh:mm:ss' : 'yyyy-mm-dd hh:mm:ss';
    default:
      return undefined;
  }
}

/**
 * Rows written in one turn of the event loop: a file of a million rows (1.2 million cells of a statewide
 * matrix, written by exceljs at some 40 µs a row) must not keep the API from answering anybody else.
 */
export const ROWS_PER_TURN = 500;

/** The rows in pieces of at most ROWS_PER_TURN, each after the first in a later turn of the event loop. */
async function* inTurns<Row>(chunks: AsyncIterable<readonly Row[]>): AsyncGenerator<readonly Row[]> {
  let later = false;
  for await (const chunk of chunks) {
    for (let start = 0; start < chunk.length; start += ROWS_PER_TURN) {
      if (later) await new Promise<void>((resolve) => setImmediate(resolve));
      later = true;
      yield chunk.length <= ROWS_PER_TURN ? chunk : chunk.slice(start, start + ROWS_PER_TURN);
    }
  }
}

/** Waits for the client when the response's buffer is full, so that a slow reader holds the reading back. */
async function write(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) {
    await once(res, 'drain');
  }
}

/**
 * Sends a table as a CSV or XLSX download, streamed: the first chunk of rows is read before the answer starts,
 * so that a refused filter (bad input, an unknown id) still gets its error status; later chunks follow as
 * they are read.
 */
export async function sendTable<Row>(
  res: Response,
  table: TableFile<Row>,
  options: FileOptions,
): Promise<void> {
  const iterator = table.rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  const chunks = inTurns(
    (async function* () {
      if (!first.done) yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
  );

  const dated = options.inline ? table.name : `${table.name}-${new Date().toISOString().slice(0, 10)}`;
  res.status(200);
  res.setHeader(
    'Content-Disposition',
    `${options.inline ? 'inline' : 'attachment'}; filename="${dated}.${options.kind}"`,
  );
  res.setHeader('Cache-Control', options.cacheControl);
  try {
    if (options.kind === 'csv') {
      res.setHeader(
        'Content-Type',
        options.format === 'rfc4180' ? 'text/csv; charset=utf-8; header=present' : 'text/csv; charset=utf-8',
      );
      const writer = new CsvWriter(table.columns, { format: options.format, language: options.language });
      await write(res, writer.head());
      for await (const chunk of chunks) {
        await write(res, chunk.map((row) => writer.row(row)).join(''));
      }
      res.end();
    } else if (options.kind === 'json') {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      let separator = '[\n';
      for await (const chunk of chunks) {
        const objects = chunk.map((row) => JSON.stringify(jsonObject(table.columns, row)));
        if (objects.length === 0) continue;
        await write(res, separator + objects.join(',\n'));
        separator = ',\n';
      }
      res.end(separator === '[\n' ? '[]\n' : '\n]\n');
    } else {
      res.setHeader('Content-Type', XLSX_TYPE);
      await writeXlsx(res, table, chunks, options.language, options.xlsxRowsPerSheet ?? XLSX_MAX_ROWS - 1);
    }
  } catch (error) {
    // Once the answer has begun its status cannot change: a cut-off download is the honest signal.
    res.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

/** A row as JSON: numbers rounded as in the files, dates as `YYYY-MM-DD`, months as `YYYY-MM`. */
export function jsonObject<Row>(columns: readonly TableColumn<Row>[], row: Row): Record<string, unknown> {
  return Object.fromEntries(
    columns.map((column) => {
      const value = typedValue(column as TableColumn<never>, column.value(row));
      if (value instanceof Date) {
        const iso = value.toISOString();
        return [
          column.key,
          column.type === 'month' ? iso.slice(0, 7) : column.type === 'date' ? iso.slice(0, 10) : iso,
        ];
      }
      return [column.key, value];
    }),
  );
}

/**
 * The table as an XLSX workbook, streamed. A table longer than a worksheet holds (the matrix of a statewide
 * cooperation: 2,056 × 600 cells) goes on in further worksheets, "Name (2)", "Name (3)", each with the header
 * row: no row is cut off.
 */
async function writeXlsx<Row>(
  res: Response,
  table: TableFile<Row>,
  chunks: AsyncIterable<readonly Row[]>,
  language: TableLanguage,
  rowsPerSheet: number,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: res,
    useStyles: true,
    useSharedStrings: false,
  });
  // One style object per column, shared by its cells: exceljs recognises a style it has seen by identity and
  // otherwise renders each cell's style as XML to look it up, which took most of the time of a large file.
  const styles = table.columns.map((column) => {
    const numFmt = numberFormat(column as TableColumn<never>, language);
    return numFmt ? { numFmt } : {};
  });
  let sheets = 0;
  const addSheet = () => {
    sheets += 1;
    const suffix = sheets === 1 ? '' : ` (${sheets})`;
    const added = workbook.addWorksheet(`${table.sheet.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    added.columns = table.columns.map((column) => ({
      key: column.key,
      width: Math.min(60, Math.max(10, column[language].length + 2)),
    }));
    const header = added.addRow(table.columns.map((column) => neutraliseFormula(column[language])));
    header.font = { bold: true };
    header.commit();
    return added;
  };
  let sheet = addSheet();
  let rowsInSheet = 0;
  for await (const chunk of chunks) {
    for (const row of chunk) {
      if (rowsInSheet === rowsPerSheet) {
        sheet.commit();
        sheet = addSheet();
        rowsInSheet = 0;
      }
      const values = table.columns.map((column) => {
        const value = typedValue(column as TableColumn<never>, column.value(row));
        return typeof value === 'string' ? neutraliseFormula(value) : value;
      });
      const added = sheet.addRow(values);
      styles.forEach((style, index) => {
        added.getCell(index + 1).style = style;
      });
      added.commit();
      rowsInSheet += 1;
    }
    // exceljs writes committed rows to the stream; wait when the client reads slower than we write.
    if (res.writableNeedDrain) await once(res, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}
