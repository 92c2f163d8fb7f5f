import { chartCsv } from './csv';

describe('chartCsv', () => {
  it('writes CSV for German Excel: semicolons, decimal comma, rounded values, quoted where needed', () => {
    expect(
      chartCsv(
        'Stadt',
        ['Kempten (Allgäu)', 'Neu-Ulm; Süd', '"A"'],
        [{ label: 'Wert', values: [3.456, null, 2] }],
        2,
      ),
    ).toBe('\uFEFFStadt;Wert\r\nKempten (Allgäu);3,46\r\n"Neu-Ulm; Süd";\r\n"""A""";2\r\n');
  });

  it('writes months as dates', () => {
    expect(
      chartCsv('Monat', ['Jan. 2026', 'Feb. 2026'], [{ label: 'Bewertungen', values: [12, 7.5] }], 0, [
        '2026-01',
        '2026-02',
      ]),
    ).toBe('\uFEFFMonat;Bewertungen\r\n01.01.2026;12\r\n01.02.2026;8\r\n');
  });
});
