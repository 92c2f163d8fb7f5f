import {
  conflictCurrent,
  formFromAdoption,
  formProblems,
  knownMessage,
  levelsFor,
  maturityText,
  recordInput,
  solutionChoices,
  withModel,
} from './adoption-form';

const row = {
  stage: 'LIVE' as const,
  maturityModel: '1.1',
  maturityLevel: 3,
  liveSince: '2024-05-02',
  source: 'EFA_SUBSCRIPTION' as const,
  notes: 'Über EfA angeschlossen.',
  version: 4,
};

describe('the adoption form', () => {
  it('is filled from a record, with empty text for missing values', () => {
    expect(formFromAdoption(row)).toEqual({
      stage: 'LIVE',
      maturityModel: '1.1',
      maturityLevel: '3',
      liveSince: '2024-05-02',
      source: 'EFA_SUBSCRIPTION',
      reusedSolutionId: '',
      notes: 'Über EfA angeschlossen.',
    });
    expect(formFromAdoption({ ...row, reusedSolution: { id: '12' } }).reusedSolutionId).toBe('12');
    expect(formFromAdoption({ ...row, maturityLevel: 0 }).maturityLevel).toBe('0');
    expect(
      formFromAdoption({ ...row, maturityLevel: null, liveSince: null, source: null, notes: null }),
    ).toMatchObject({ maturityLevel: '', liveSince: '', source: '', notes: '' });
  });

  it('starts a cell without a record as not planned, in maturity model 2.0', () => {
    expect(formFromAdoption(null)).toEqual({
      stage: 'NOT_PLANNED',
      maturityModel: '2.0',
      maturityLevel: '',
      liveSince: '',
      source: '',
      reusedSolutionId: '',
      notes: '',
    });
  });

  it('offers the levels of the chosen model', () => {
    expect(levelsFor('1.1')).toEqual([0, 1, 2, 3, 4]);
    expect(levelsFor('2.0')).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('clears a level the newly chosen model does not have, and keeps one it has', () => {
    const form = formFromAdoption({ ...row, maturityModel: '2.0', maturityLevel: 6 });
    expect(withModel(form, '1.1')).toMatchObject({ maturityModel: '1.1', maturityLevel: '' });
    const low = formFromAdoption({ ...row, maturityModel: '2.0', maturityLevel: 2 });
    expect(withModel(low, '1.1')).toMatchObject({ maturityModel: '1.1', maturityLevel: '2' });
  });

  it('maps to the mutation input: numbers as numbers, empty fields as null, notes trimmed', () => {
    const form = { ...formFromAdoption(row), notes: '  Neu.  ' };
    expect(recordInput(form, { projectId: '7', cityId: '25', version: 4 })).toEqual({
      projectId: '7',
      cityId: '25',
      stage: 'LIVE',
      maturityModel: '1.1',
      maturityLevel: 3,
      liveSince: '2024-05-02',
      source: 'EFA_SUBSCRIPTION',
      notes: 'Neu.',
      reusedSolutionId: null,
      version: 4,
    });
    const empty = { ...formFromAdoption(null), notes: '   ' };
    expect(recordInput(empty, { projectId: '7', cityId: '25', version: null })).toEqual({
      projectId: '7',
      cityId: '25',
      stage: 'NOT_PLANNED',
      maturityModel: '2.0',
      maturityLevel: null,
      liveSince: null,
      source: null,
      notes: null,
    });
  });

  it('names the reused solution only for a source that takes over someone’s work', () => {
    const target = { projectId: '7', cityId: '25', version: 4 };
    const linked = { ...formFromAdoption(row), reusedSolutionId: '12' };
    expect(recordInput(linked, target).reusedSolutionId).toBe('12');
    expect(recordInput({ ...linked, source: 'REUSED_FROM_PARTNER' }, target).reusedSolutionId).toBe('12');
    // No solution chosen: null, which unlinks one linked before.
    expect(recordInput({ ...linked, reusedSolutionId: '' }, target).reusedSolutionId).toBeNull();
    // Built by the city itself, or no source: left out (the API unlinks a solution named before).
    expect(recordInput({ ...linked, source: 'OWN_BUILD' }, target)).not.toHaveProperty('reusedSolutionId');
    expect(recordInput({ ...linked, source: '' }, target)).not.toHaveProperty('reusedSolutionId');
  });

  it('round-trips a record through the form unchanged', () => {
    const { version, ...values } = row;
    const input = recordInput(formFromAdoption({ ...row, reusedSolution: { id: '3' } }), {
      projectId: '1',
      cityId: '2',
      version,
    });
    expect(input).toEqual({ projectId: '1', cityId: '2', ...values, reusedSolutionId: '3', version });
  });
});

describe('the solutions an adoption can name', () => {
  const augsburg = { id: '1', name: 'Augsburg' };
  const kempten = { id: '2', name: 'Kempten (Allgäu)' };
  const solutions = [
    { id: '10', title: 'Terminbuchung', developedBy: [augsburg] },
    { id: '11', title: 'Kemptener Modul', developedBy: [kempten] },
    { id: '12', title: 'Antragsbaukasten', developedBy: [augsburg, kempten] },
    { id: '13', title: 'Ämterlotse', developedBy: [augsburg] },
  ];

  it('are the project’s solutions the city did not develop, by German title', () => {
    expect(solutionChoices(solutions, kempten.id, null).map((s) => s.title)).toEqual([
      'Ämterlotse',
      'Terminbuchung',
    ]);
    expect(solutionChoices(solutions, augsburg.id, undefined).map((s) => s.id)).toEqual(['11']);
  });

  it('keep the solution linked now, so that the form shows what is stored', () => {
    const choices = solutionChoices(solutions, kempten.id, { id: '99', title: 'Bürgerkonto' });
    expect(choices.map((s) => s.title)).toEqual(['Ämterlotse', 'Bürgerkonto', 'Terminbuchung']);
    expect(solutionChoices(solutions, kempten.id, { id: '10', title: 'Terminbuchung' })).toHaveLength(2);
  });
});

describe('problems of the API', () => {
  it('are put beside the form fields they name, others are kept apart', () => {
    const sorted = formProblems({
      code: 'BAD_USER_INPUT',
      message: 'Invalid input.',
      fields: [
        { field: 'liveSince', message: 'must not be in the future' },
        { field: 'input.notes', message: 'must be at most 2000 characters' },
        { field: 'cityId', message: 'City "99" does not exist.' },
      ],
    });
    expect(sorted.fields).toEqual({
      liveSince: 'must not be in the future',
      notes: 'must be at most 2000 characters',
    });
    expect(sorted.general).toEqual([{ field: 'cityId', message: 'City "99" does not exist.' }]);
  });

  it('are recognised, so that they can be said in German', () => {
    expect(knownMessage('must not be in the future')).toEqual({ key: 'notInFuture', params: {} });
    expect(knownMessage('is required when the stage is LIVE')).toEqual({
      key: 'requiredWhenLive',
      params: {},
    });
    expect(knownMessage('must be an integer from 0 to 4 for maturity model 1.1')).toEqual({
      key: 'levelRange',
      params: { max: '4', model: '1.1' },
    });
    expect(knownMessage('must be at most 2000 characters')).toEqual({
      key: 'maxLength',
      params: { max: '2000' },
    });
    expect(knownMessage('must be a solution of the adopted service’s project')).toEqual({
      key: 'solutionOfProject',
      params: {},
    });
    expect(
      knownMessage('names a solution the city developed itself; a city does not reuse its own work'),
    ).toEqual({ key: 'ownSolution', params: {} });
    expect(knownMessage('names a solution only with source REUSED_FROM_PARTNER or EFA_SUBSCRIPTION')).toEqual(
      { key: 'solutionNeedsReuse', params: {} },
    );
    expect(knownMessage('something new')).toBeNull();
  });

  it('read the current row from a CONFLICT', () => {
    const current = conflictCurrent({
      code: 'CONFLICT',
      message: 'The adoption was changed by someone else',
      fields: [],
      current: {
        id: 112,
        projectId: 6,
        cityId: 25,
        updatedAt: '2026-08-17T07:33:00.000Z',
        ...row,
        version: 5,
      },
    });
    expect(current).toEqual({ ...row, version: 5 });
    expect(conflictCurrent({ code: 'CONFLICT', message: 'gone', fields: [], current: null })).toBeNull();
  });
});

describe('maturityText', () => {
  it('writes level and model compactly', () => {
    expect(maturityText('R', row)).toBe('R3 · 1.1');
    expect(maturityText('L', { maturityModel: '2.0', maturityLevel: 0 })).toBe('L0 · 2.0');
    expect(maturityText('R', { maturityModel: '2.0', maturityLevel: null })).toBe('R– · 2.0');
  });
});
