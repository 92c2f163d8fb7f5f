import { toCsvText, type TableColumn } from '@koop/domain';
import type { ChartSeries } from '../chart/chart.types';

/**
 * A chart's data as CSV for German Excel (the exports' `excel-de`: byte-order mark, `;`, decimal comma, CRLF):
 * the categories (months as dates when `months` gives them) and one column per series, each value rounded to
 * the places the chart shows.
 */
export function chartCsv(
  category: string,
  labels: readonly string[],
  series: readonly ChartSeries[],
  fractionDigits: number,
  months: readonly string[] | null = null,
): string {
  const columns: TableColumn<number>[] = [
    {
      key: 'category',
      de: category,
      en: category,
      type: months ? 'month' : 'text',
      value: (row) => (months ? months[row] : labels[row]),
    },
    ...series.map((s, index): TableColumn<number> => ({
      key: `series${index}`,
      de: s.label,
      en: s.label,
      type: 'decimal',
      digits: fractionDigits,
      value: (row) => s.values[row] ?? null,
    })),
  ];
  return toCsvText(
    columns,
    labels.map((_, row) => row),
    { format: 'excel-de' },
  );
}

/** Offers `content` (which carries its own byte-order mark) as a file download named `fileName`. */
export function downloadCsv(fileName: string, content: string): void {
  const blob = new Blob([content], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.endsWith('.csv') ? fileName : `${fileName}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
