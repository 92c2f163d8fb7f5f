import { csvText, neutraliseFormula, roundTo, toCsvText, type TableColumn } from './tabular.js';

interface Row {
  name: string;
  ags: string;
  share: number | null;
  month: string;
  day: string | null;
  at: Date;
  live: boolean;
}

const COLUMNS: TableColumn<Row>[] = [
  { key: 'name', de: 'Name', en: 'Name', type: 'text', value: (r) => r.name },
  { key: 'ags', de: 'AGS', en: 'AGS', type: 'key', value: (r) => r.ags },
  { key: 'share', de: 'Anteil', en: 'Share', type: 'decimal', digits: 2, value: (r) => r.share },
  { key: 'month', de: 'Monat', en: 'Month', type: 'month', value: (r) => r.month },
  { key: 'day', de: 'Tag', en: 'Day', type: 'date', value: (r) => r.day },
  { key: 'at', de: 'Zeit', en: 'Time', type: 'datetime', value: (r) => r.at },
  { key: 'live', de: 'Live', en: 'Live', type: 'boolean', value: (r) => r.live },
];

const ROW: Row = {
  name: 'Kempten; "Allgäu"',
  ags: '09763000',
  share: 4.125,
  month: '2026-03',
  day: '2026-11-02',
  at: new Date('2026-11-29T08:05:09.123Z'),
  live: true,
};

describe('tables as CSV', () => {
  it('writes excel-de: byte-order mark, semicolons, decimal comma, German dates, CRLF', () => {
    expect(toCsvText(COLUMNS, [ROW], { format: 'excel-de' })).toBe(
      '\uFEFFName;AGS;Anteil;Monat;Tag;Zeit;Live\r\n' +
        '"Kempten; ""Allgäu""";09763000;4,13;01.03.2026;02.11.2026;29.11.2026 08:05:09;ja\r\n',
    );
  });

  it('writes RFC 4180: commas, decimal point, ISO dates and months', () => {
    expect(
      toCsvText(COLUMNS, [{ ...ROW, share: null, day: null }], { format: 'rfc4180', language: 'en' }),
    ).toBe(
      'Name,AGS,Share,Month,Day,Time,Live\r\n' +
        '"Kempten; ""Allgäu""",09763000,,2026-03,,2026-11-29T08:05:09.123Z,true\r\n',
    );
  });

  it('makes text that starts a formula inert, and leaves numbers alone', () => {
    for (const text of ['=1+1', '+49 89', '-x', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    }
    expect(neutraliseFormula('Kempten')).toBe('Kempten');
    expect(csvText(COLUMNS[2] as TableColumn<never>, -1.5, 'excel-de')).toBe('-1,5');
  });

  it('rounds half away from zero, as people do', () => {
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(-0.001, 2)).toBe(0);
    expect(roundTo(null, 2)).toBeNull();
  });
});
