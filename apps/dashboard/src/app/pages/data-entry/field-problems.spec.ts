import { countProblem, localizedProblem, parseNumber, problemsAt } from './field-problems';

describe('problemsAt', () => {
  it('puts field messages at the fields the form has and the rest into the general message', () => {
    expect(
      problemsAt(
        {
          code: 'BAD_USER_INPUT',
          message: 'Invalid input.',
          fields: [
            { field: 'input.averageRating', message: 'must be from 1.0 to 5.0' },
            { field: 'projectId', message: 'does not exist' },
          ],
        },
        ['month', 'averageRating'],
      ),
    ).toEqual({ fields: { averageRating: 'must be from 1.0 to 5.0' }, general: 'projectId: does not exist' });
  });

  it('falls back to the message when no field is named', () => {
    expect(problemsAt({ code: 'FORBIDDEN', message: 'Only admins.', fields: [] }, ['name'])).toEqual({
      fields: {},
      general: 'Only admins.',
    });
  });
});

describe('localizedProblem', () => {
  it('translates known rules into German and keeps unknown ones in English', () => {
    expect(localizedProblem('must be from 1.0 to 5.0', 'de')).toEqual({
      text: 'muss zwischen 1,0 und 5,0 liegen',
      lang: 'de',
    });
    expect(localizedProblem('is required when ratingsCount is more than 0', 'de').lang).toBe('de');
    expect(localizedProblem('something new', 'de')).toEqual({ text: 'something new', lang: 'en' });
    expect(localizedProblem('must not be in the future', 'en')).toEqual({
      text: 'must not be in the future',
      lang: 'en',
    });
  });
});

describe('parseNumber and countProblem', () => {
  it('reads German and English decimals', () => {
    expect(parseNumber('4,25')).toBe(4.25);
    expect(parseNumber(' 4.5 ')).toBe(4.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('vier')).toBeNaN();
  });

  it('wants whole numbers of at least 0', () => {
    expect(countProblem('12')).toBeNull();
    expect(countProblem('')).toBeNull();
    expect(countProblem('', true)).toMatch(/whole number/);
    expect(countProblem('-1')).toMatch(/whole number/);
    expect(countProblem('1,5')).toMatch(/whole number/);
  });
});
