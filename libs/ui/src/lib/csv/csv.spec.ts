import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and quotes what needs quoting', () => {
    expect(
      toCsv(
        ['Stadt', 'Wert'],
        [
          ['Kempten (Allgäu)', 3.5],
          ['Neu-Ulm; Süd', null],
          ['"A"', 2],
        ],
      ),
    ).toBe('Stadt,Wert\r\nKempten (Allgäu),3.5\r\nNeu-Ulm; Süd,\r\n"""A""",2');
  });
});
