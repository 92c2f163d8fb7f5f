import { PassThrough } from 'node:stream';
import type { TableColumn } from '@koop/domain';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { ROWS_PER_TURN, sendTable, type TableFile } from './table-file.js';

interface Row {
  readonly ags: string;
  readonly name: string;
  readonly count: number;
}

const COLUMNS: readonly TableColumn<Row>[] = [
  { key: 'ags', de: 'AGS', en: 'Municipality key', type: 'key', value: (row) => row.ags },
  { key: 'name', de: 'Name', en: 'Name', type: 'text', value: (row) => row.name },
  { key: 'count', de: 'Anzahl', en: 'Count', type: 'integer', value: (row) => row.count },
];

/** A response that collects what is written to it, with the few methods sendTable calls besides. */
function collectingResponse(): { res: Response; body: Promise<Buffer> } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const body = new Promise<Buffer>((resolve) => stream.on('end', () => resolve(Buffer.concat(chunks))));
  const res = Object.assign(stream, {
    status: () => res,
    setHeader: () => res,
  }) as unknown as Response;
  return { res, body };
}

async function* inChunks(rows: readonly Row[], size: number): AsyncIterable<readonly Row[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

async function workbookOf(
  rows: readonly Row[],
  rowsPerSheet: number,
  sheet = 'Kommunen',
): Promise<ExcelJS.Workbook> {
  const table: TableFile<Row> = { name: 'kommunen', sheet, columns: COLUMNS, rows: inChunks(rows, 3) };
  const { res, body } = collectingResponse();
  await sendTable(res, table, {
    kind: 'xlsx',
    format: 'excel-de',
    language: 'de',
    cacheControl: 'no-store',
    xlsxRowsPerSheet: rowsPerSheet,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await body) as unknown as ArrayBuffer);
  return workbook;
}

const valuesOf = (sheet: ExcelJS.Worksheet): unknown[][] =>
  sheet
    .getSheetValues()
    .filter(Boolean)
    .map((row) => (row as unknown[]).slice(1));

describe('XLSX files longer than a worksheet', () => {
  const rows: Row[] = Array.from({ length: 7 }, (_, i) => ({
    ags: `0916300${i}`,
    name: `Gemeinde ${i + 1}`,
    count: i * 10,
  }));

  it('go on in further worksheets, each with the header row, and lose no row', async () => {
    const workbook = await workbookOf(rows, 3);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Kommunen',
      'Kommunen (2)',
      'Kommunen (3)',
    ]);
    const header = ['AGS', 'Name', 'Anzahl'];
    expect(workbook.worksheets.map(valuesOf)).toEqual([
      [header, ...rows.slice(0, 3).map((row) => [row.ags, row.name, row.count])],
      [header, ...rows.slice(3, 6).map((row) => [row.ags, row.name, row.count])],
      [header, [rows[6]?.ags, rows[6]?.name, rows[6]?.count]],
    ]);
  });

  it('keep to one worksheet while the rows fit, and to 31 characters in a further worksheet’s name', async () => {
    expect((await workbookOf(rows, 7)).worksheets.map((sheet) => sheet.name)).toEqual(['Kommunen']);
    const long = 'Nachnutzung der Onlinedienste je Kommune';
    const names = (await workbookOf(rows, 4, long.slice(0, 31))).worksheets.map((sheet) => sheet.name);
    expect(names).toEqual([long.slice(0, 31), `${long.slice(0, 27)} (2)`]);
  });
});

describe('a long file', () => {
  const rows: Row[] = Array.from({ length: 4 * ROWS_PER_TURN + 1 }, (_, i) => ({
    ags: String(9_000_000 + i).padStart(8, '0'),
    name: `Gemeinde ${i + 1}`,
    count: i,
  }));

  // XLSX goes through the same turns; exceljs's zip stream gives the loop back on its own as well, so only
  // the text formats can show here that the turns are ours.
  it.each(['csv', 'json'] as const)(
    'is written in turns of the event loop, so that other requests are answered meanwhile (%s)',
    async (kind) => {
      // A callback waiting for the next turn: it runs only where the writing gives the event loop back.
      let turns = 0;
      let writing = true;
      const count = () => {
        turns += 1;
        if (writing) setImmediate(count);
      };
      setImmediate(count);
      const { res, body } = collectingResponse();
      const table: TableFile<Row> = {
        name: 'kommunen',
        sheet: 'Kommunen',
        columns: COLUMNS,
        rows: inChunks(rows, rows.length),
      };
      await sendTable(res, table, { kind, format: 'rfc4180', language: 'de', cacheControl: 'no-store' });
      writing = false;
      const written = await body;
      expect(turns).toBeGreaterThanOrEqual(4);
      if (kind === 'csv') {
        expect(written.toString('utf8').trimEnd().split('\r\n')).toHaveLength(rows.length + 1);
      }
    },
  );
});
