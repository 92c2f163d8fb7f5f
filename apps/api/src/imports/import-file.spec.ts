import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { RecordSatisfactionInput } from '../satisfaction/index.js';
import { FieldwiseValidator } from './fieldwise-validator.js';
import { detectSeparator, readImportFile, UnreadableFile } from './import-file.js';
import { dateOf, digitKeyOf, enumOf, maturityModelOf, monthOf, numberOf } from './import-values.js';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { problemsOf } from '../common/index.js';

const csv = (text: string) => readImportFile(Buffer.from(text, 'utf8'));

describe('reading CSV', () => {
  it('reads a German Excel file: BOM, semicolons, CRLF, quoted fields with separators and line breaks', async () => {
    const sheet = await csv(
      '\uFEFFAGS;Notizen\r\n09761000;"eins; zwei"\r\n\r\n09763000;"Zeile 1\r\nZeile 2"\r\n',
    );
    expect(sheet).toEqual({
      header: ['AGS', 'Notizen'],
      rows: [
        { row: 2, cells: ['09761000', 'eins; zwei'] },
        // Row 3 is blank: it is skipped, but numbered, as a spreadsheet shows the file.
        { row: 4, cells: ['09763000', 'Zeile 1\r\nZeile 2'] },
      ],
      german: true,
    });
  });

  it('tells the separator by the header line', () => {
    expect(detectSeparator('ags;leika;month\n1,5;2;3')).toBe(';');
    expect(detectSeparator('ags,leika,month\n"1;5",2,3')).toBe(',');
    expect(detectSeparator('ags')).toBe(',');
  });

  it('splits a file without quotes exactly as csv-parse reads it', async () => {
    const text = 'a;b;c\n 1 ;2;\n\n4;5;6;7\r\n8\r9;10\n';
    const sheet = await csv(text);
    const parsed = parse(text, { delimiter: ';', relax_column_count: true, trim: true }) as string[][];
    const [header, ...data] = parsed;
    expect(sheet.header).toEqual(header);
    expect(sheet.rows.map((row) => row.cells.map((cell) => cell ?? ''))).toEqual(
      data.filter((cells) => cells.some((cell) => cell !== '')),
    );
  });

  it('refuses text that is not UTF-8, and old .xls files, saying what to do', async () => {
    await expect(readImportFile(Buffer.from('ags;name\n1;M\xfcnchen', 'latin1'))).rejects.toThrow(
      /CSV UTF-8/,
    );
    await expect(readImportFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).rejects.toThrow(/\.xlsx/);
    await expect(readImportFile(Buffer.from('a'), 'daten.XLS')).rejects.toBeInstanceOf(UnreadableFile);
    await expect(readImportFile(Buffer.from('a,b'), 'daten.XLSX')).rejects.toThrow(/no Excel workbook/);
  });
});

describe('reading XLSX', () => {
  async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    fill(book.addWorksheet('Daten'));
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/Berlin'])(
    'reads a date cell as its calendar date in time zone %s',
    async (zone) => {
      const previous = process.env['TZ'];
      process.env['TZ'] = zone;
      try {
        const content = await workbook((sheet) => {
          sheet.addRow(['live_since', 'month']);
          sheet.addRow([new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 11, 31, 23, 59))]);
        });
        const sheet = await readImportFile(content);
        expect(sheet.rows).toEqual([{ row: 2, cells: [{ date: '2024-01-01' }, { date: '2024-12-31' }] }]);
      } finally {
        process.env['TZ'] = previous;
      }
    },
  );

  it('reads formulas, shared formulas, rich text and hyperlinks as the values they show', async () => {
    const content = await workbook((sheet) => {
      sheet.addRow(['a', 'b', 'c', 'd', 'e']);
      sheet.addRow([
        { formula: 'SUM(1,2)', result: 3 },
        { richText: [{ text: 'In ' }, { font: { italic: true }, text: 'Einführung' }] },
        { text: '99115005104000', hyperlink: 'https://example.org/leika' },
        { formula: 'DATE(2024,3,1)', result: new Date(Date.UTC(2024, 2, 1)) },
        '  ',
      ]);
    });
    const sheet = await readImportFile(content, 'daten.xlsx');
    expect(sheet.rows[0]?.cells).toEqual([
      3,
      'In Einführung',
      '99115005104000',
      { date: '2024-03-01' },
      null,
    ]);
  });
});

describe('reading values', () => {
  it('reads numbers with decimal commas, points and German grouping', () => {
    expect(numberOf('4,5')).toBe(4.5);
    expect(numberOf('4.5')).toBe(4.5);
    expect(numberOf('-12,5')).toBe(-12.5);
    expect(numberOf('1.234,5')).toBe(1234.5);
    expect(numberOf('1.234', true)).toBe(1234);
    expect(numberOf('1.234', false)).toBe(1.234);
    expect(numberOf('1,234.5')).toBe(1234.5);
    expect(numberOf('viele')).toBe('viele');
    expect(numberOf(7)).toBe(7);
  });

  it('reads keys whose leading zero Excel dropped', () => {
    expect(digitKeyOf(9761000, 8)).toBe('09761000');
    expect(digitKeyOf('9761000', 8)).toBe('09761000');
    expect(digitKeyOf('09761000', 8)).toBe('09761000');
    expect(digitKeyOf('0976100A', 8)).toBe('0976100A');
  });

  it('reads months and dates in ISO and German spelling and from date cells', () => {
    expect(monthOf('2024-03')).toBe('2024-03');
    expect(monthOf('03.2024')).toBe('2024-03');
    expect(monthOf('3/2024')).toBe('2024-03');
    expect(monthOf('2024-03-15')).toBe('2024-03');
    expect(monthOf({ date: '2024-03-01' })).toBe('2024-03');
    expect(dateOf('1.3.2024')).toBe('2024-03-01');
    expect(dateOf('2024-03-01')).toBe('2024-03-01');
  });

  it('reads stages by name in any case and by their German names, and maturity models as numbers', () => {
    const stages = { LIVE: 'LIVE', IN_ROLLOUT: 'IN_ROLLOUT' } as const;
    expect(enumOf('in rollout', stages, {})).toBe('IN_ROLLOUT');
    expect(enumOf('In Einführung', stages, { 'in einführung': 'IN_ROLLOUT' })).toBe('IN_ROLLOUT');
    expect(enumOf('bald', stages, {})).toBe('bald');
    expect(maturityModelOf(2)).toBe('2.0');
    expect(maturityModelOf('1,1')).toBe('1.1');
    expect(maturityModelOf('1.15')).toBe('1.15');
  });
});

describe('FieldwiseValidator', () => {
  it('finds the same problems and values as validating each input whole', () => {
    const valid = {
      projectId: '1',
      cityId: '1',
      month: '2000-01',
      ratingsCount: 0,
      averageRating: null,
      nps: null,
      transactionsStarted: null,
      transactionsCompleted: null,
      visits: null,
    };
    const validator = new FieldwiseValidator(RecordSatisfactionInput, valid);
    const samples: Record<string, unknown>[] = [
      { ...valid, month: ' 2024-01 ', ratingsCount: 3, averageRating: 4.5 },
      { ...valid, month: '2024-13', ratingsCount: -1, averageRating: 6, nps: 'x' },
      { ...valid, month: null, ratingsCount: 'viele', visits: 1.5, transactionsStarted: 2 },
      { ...valid, month: '', ratingsCount: 2, averageRating: 0.5, nps: -101 },
    ];
    for (const sample of samples) {
      const whole = plainToInstance(RecordSatisfactionInput, sample);
      const expected = problemsOf(
        validateSync(whole, { forbidUnknownValues: true, validationError: { target: false, value: false } }),
      );
      const { input, problems } = validator.check(sample);
      expect(problems).toEqual(expected);
      expect({ ...input }).toEqual({ ...whole });
    }
  });
});
