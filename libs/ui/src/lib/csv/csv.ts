import Papa from 'papaparse';

export type CsvCell = string | number | null;

/** CSV text with a header row; numbers keep a dot as decimal separator so that tools read them alike. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map((cell) => cell ?? '')) },
    { newline: '\r\n' },
  );
}

/** Offers `content` as a file download named `fileName`. */
export function downloadCsv(fileName: string, content: string): void {
  // A byte-order mark lets spreadsheet programs read umlauts correctly.
  const blob = new Blob(['\uFEFF', content], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.endsWith('.csv') ? fileName : `${fileName}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
