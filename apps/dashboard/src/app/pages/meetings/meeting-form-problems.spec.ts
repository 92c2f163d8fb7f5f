import { CombinedGraphQLErrors } from '@apollo/client';
import { formProblem } from './meeting-form-problems';

function refused(message: string, extensions: Record<string, unknown>) {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions }] });
}

describe('formProblem', () => {
  it('puts a field’s reason beside the field the API named', () => {
    const error = refused('Invalid input. title: must not be empty', {
      code: 'BAD_USER_INPUT',
      field: 'title',
      fields: [{ field: 'title', message: 'must not be empty' }],
    });
    expect(formProblem(error, ['title', 'dueOn'], 'offline')).toEqual({
      fields: { title: 'must not be empty' },
      general: null,
      code: 'BAD_USER_INPUT',
    });
  });

  it('keeps a problem of no field of the form for the whole form', () => {
    const error = refused('Invalid input. meetingId: the meeting is CLOSED', {
      code: 'BAD_USER_INPUT',
      field: 'meetingId',
      fields: [{ field: 'meetingId', message: 'the meeting is CLOSED' }],
    });
    expect(formProblem(error, ['title'], 'offline').general).toBe(
      'Invalid input. meetingId: the meeting is CLOSED',
    );
  });

  it('says so when the server cannot be reached', () => {
    expect(formProblem(new Error('fetch failed'), ['title'], 'offline')).toEqual({
      fields: {},
      general: 'offline',
      code: 'NETWORK',
    });
  });
});
