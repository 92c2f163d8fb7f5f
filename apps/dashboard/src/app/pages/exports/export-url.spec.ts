import { exportUrl } from './export-url';

describe('exportUrl', () => {
  it('carries the filters, lists comma-separated, and leaves out the empty ones', () => {
    expect(
      exportUrl(
        'projects',
        'excel-de',
        { cooperationId: '2', phase: ['LIVE', 'PILOT'], health: [], isEfa: true, search: '', cityId: null },
        'de',
      ),
    ).toBe('/exports/projects.csv?cooperationId=2&phase=LIVE%2CPILOT&isEfa=true&format=excel-de');
  });

  it('asks for XLSX without a CSV format, and for English headings in English', () => {
    expect(exportUrl('adoption-matrix', 'xlsx', { cooperationId: '1', stage: 'LIVE' }, 'en')).toBe(
      '/exports/adoption-matrix.xlsx?cooperationId=1&stage=LIVE&lang=en',
    );
    expect(exportUrl('audit-log', 'rfc4180', {}, 'de')).toBe('/exports/audit-log.csv?format=rfc4180');
  });
});
