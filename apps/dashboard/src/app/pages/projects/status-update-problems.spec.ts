import { faultyFields, formProblems, localizedMessage } from './status-update-problems';

describe('the API’s problems with a status update', () => {
  it('puts each field message next to the field it names', () => {
    const problems = formProblems({
      code: 'BAD_USER_INPUT',
      message: 'Invalid input. progress: must be an integer from 0 to 100; summary: must not be empty',
      fields: [
        { field: 'progress', message: 'must be an integer from 0 to 100' },
        { field: 'input.summary', message: 'must not be empty' },
      ],
    });
    expect(problems).toEqual({
      fields: { progress: 'must be an integer from 0 to 100', summary: 'must not be empty' },
      general: null,
    });
    expect(faultyFields(problems)).toEqual(['progress', 'summary']);
  });

  it('joins several messages for one field and keeps what no field shows as the general message', () => {
    expect(
      formProblems({
        code: 'BAD_USER_INPUT',
        message: 'Invalid input.',
        fields: [
          { field: 'summary', message: 'must not be empty' },
          { field: 'summary', message: 'must be at most 2000 characters' },
          { field: 'projectId', message: 'is unknown' },
        ],
      }),
    ).toEqual({
      fields: { summary: 'must not be empty; must be at most 2000 characters' },
      general: 'projectId: is unknown',
    });
  });

  it('shows the whole message when no field is named', () => {
    expect(
      formProblems({ code: 'NOT_FOUND', message: 'projectId: Project "999" does not exist.', fields: [] }),
    ).toEqual({ fields: {}, general: 'projectId: Project "999" does not exist.' });
  });

  it('says the known rules in German and leaves the others in the API’s English', () => {
    expect(localizedMessage('must be an integer from 0 to 100', 'de')).toEqual({
      text: 'muss eine ganze Zahl von 0 bis 100 sein',
      lang: 'de',
    });
    expect(localizedMessage('must not be empty', 'de').text).toBe('darf nicht leer sein');
    expect(localizedMessage('must be at most 200 characters', 'de').text).toBe(
      'darf höchstens 200 Zeichen lang sein',
    );
    expect(localizedMessage('is odd', 'de')).toEqual({ text: 'is odd', lang: 'en' });
    expect(localizedMessage('must not be empty', 'en')).toEqual({ text: 'must not be empty', lang: 'en' });
  });
});
