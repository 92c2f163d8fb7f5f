import { foldHeader, IMPORT_COLUMNS, importColumnOf } from './imports.js';

describe('import columns', () => {
  it('finds a column by its name or a German alias, whatever the case, spacing and umlaut spelling', () => {
    expect(importColumnOf('satisfaction', 'RATINGS_COUNT')?.name).toBe('ratings_count');
    expect(importColumnOf('satisfaction', 'ratingsCount')?.name).toBe('ratings_count');
    expect(importColumnOf('satisfaction', ' Anzahl Bewertungen ')?.name).toBe('ratings_count');
    expect(importColumnOf('satisfaction', 'Gemeindeschluessel')?.name).toBe('ags');
    expect(importColumnOf('adoptions', 'LeiKa-Schlüssel')?.name).toBe('leika');
    expect(importColumnOf('adoptions', 'Live seit')?.name).toBe('live_since');
    expect(importColumnOf('adoptions', 'month')).toBeUndefined();
  });

  it('gives no two columns of a kind the same folded name', () => {
    for (const columns of Object.values(IMPORT_COLUMNS)) {
      const names = columns.flatMap((column) => [column.name, ...column.aliases].map(foldHeader));
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
