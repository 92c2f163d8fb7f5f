/** The lists the API exports (`GET /exports/{dataset}.{csv|xlsx}`). */
export type ExportDataset = 'projects' | 'adoption-matrix' | 'satisfaction' | 'audit-log' | 'action-items';

/** The three files offered for a list: CSV for German Excel, CSV per RFC 4180, XLSX. */
export type ExportFile = 'excel-de' | 'rfc4180' | 'xlsx';

/** Query parameters of an export: the view's filters, named as the API names them; empty ones are left out. */
export type ExportParams = Readonly<
  Record<string, string | number | boolean | readonly string[] | null | undefined>
>;

/** The address of an export of `dataset` with the page's filters, in the user's language. */
export function exportUrl(
  dataset: ExportDataset,
  file: ExportFile,
  params: ExportParams,
  language: string,
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) query.set(name, value.join(','));
    } else {
      query.set(name, String(value));
    }
  }
  if (file !== 'xlsx') query.set('format', file);
  if (language === 'en') query.set('lang', 'en');
  return `/exports/${dataset}.${file === 'xlsx' ? 'xlsx' : 'csv'}?${query.toString()}`;
}
