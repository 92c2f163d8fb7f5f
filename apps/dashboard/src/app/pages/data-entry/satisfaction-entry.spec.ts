import { figureInput, figureProblems, monthsUpTo, monthValues, sameFigures } from './satisfaction-entry';

const now = new Date('2026-11-29T10:00:00Z');
const empty = monthValues('2026-10', null, 'de');

describe('figureProblems', () => {
  it('accepts a complete month with German decimals', () => {
    const values = {
      ...empty,
      ratingsCount: '12',
      averageRating: '4,25',
      transactionsStarted: '40',
      transactionsCompleted: '38',
      visits: '500',
    };
    expect(figureProblems(values, now).fields).toEqual({});
    expect(figureInput(values)).toEqual({
      ratingsCount: 12,
      averageRating: 4.25,
      nps: null,
      transactionsStarted: 40,
      transactionsCompleted: 38,
      visits: 500,
    });
  });

  it('words each problem as the API does, at the field it concerns', () => {
    expect(
      figureProblems(
        {
          ...empty,
          month: '2026-12',
          ratingsCount: '3',
          averageRating: '',
          nps: '120',
          transactionsCompleted: '5',
          visits: '-2',
        },
        now,
      ).fields,
    ).toEqual({
      month: 'must not be in the future',
      averageRating: 'is required when ratingsCount is more than 0',
      nps: 'must be from -100 to 100',
      transactionsCompleted: 'needs transactionsStarted as well',
      visits: 'must be a whole number of at least 0',
    });
    expect(figureProblems({ ...empty, ratingsCount: '' }, now).fields['ratingsCount']).toMatch(
      /whole number/,
    );
    expect(
      figureProblems({ ...empty, ratingsCount: '2', averageRating: '5,5' }, now).fields['averageRating'],
    ).toBe('must be from 1.0 to 5.0');
  });
});

describe('monthValues and sameFigures', () => {
  const row = {
    month: '2026-10',
    ratingsCount: 4,
    averageRating: 3.5,
    nps: null,
    transactionsStarted: null,
    transactionsCompleted: null,
    visits: 10,
    version: 2,
  };
  it('writes recorded figures as the language does and sees unchanged ones', () => {
    const values = monthValues('2026-10', row, 'de');
    expect(values['averageRating']).toBe('3,5');
    expect(sameFigures(values, row)).toBe(true);
    expect(sameFigures({ ...values, visits: '11' }, row)).toBe(false);
    expect(sameFigures(empty, null)).toBe(true);
  });
});

describe('monthsUpTo', () => {
  it('counts back across a year', () => {
    expect(monthsUpTo('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });
});
