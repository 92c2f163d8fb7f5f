import {
  activeFilterCount,
  changed,
  DEFAULT_STATE,
  listParams,
  listVariables,
  parseListState,
  sortedBy,
} from './project-list-state';

describe('the projects list in the URL', () => {
  it('reads every filter, the sort, the page size and the way back from the query parameters', () => {
    const state = parseListState({
      kooperation: '2',
      arbeitszirkel: '5',
      phase: 'PILOT,IDEA',
      status: 'red',
      art: 'ONLINE_SERVICE',
      kommune: '7',
      efa: 'ja',
      suche: '  Wohngeld ',
      sortierung: 'fortschritt',
      richtung: 'ab',
      anzahl: '10',
      nach: 'WzEsMl0,WzIsM10',
    });
    expect(state).toEqual({
      cooperationId: '2',
      workingGroupId: '5',
      phases: ['IDEA', 'PILOT'],
      healths: ['RED'],
      kinds: ['ONLINE_SERVICE'],
      cityId: '7',
      isEfa: true,
      search: 'Wohngeld',
      sort: 'PROGRESS',
      direction: 'DESC',
      pageSize: 10,
      trail: ['WzEsMl0', 'WzIsM10'],
    });
  });

  it('falls back to the defaults for what it does not understand', () => {
    expect(
      parseListState({
        phase: 'SOMEDAY',
        status: '',
        efa: 'vielleicht',
        sortierung: 'beliebt',
        richtung: 'seitwärts',
        anzahl: '7',
        nach: 'not a cursor!',
      }),
    ).toEqual(DEFAULT_STATE);
    expect(parseListState({})).toEqual(DEFAULT_STATE);
  });

  it('writes a state back so that reading it gives the same state', () => {
    const state = parseListState({ status: 'AMBER,RED', efa: 'nein', sortierung: 'zieldatum', nach: 'abc' });
    const params = listParams(state);
    expect(params).toMatchObject({ status: 'RED,AMBER', efa: 'nein', sortierung: 'zieldatum', nach: 'abc' });
    const reread = parseListState(
      Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null)),
    );
    expect(reread).toEqual(state);
  });

  it('names every parameter, those at their default as null, so that a merge removes them', () => {
    const params = listParams(DEFAULT_STATE);
    expect(Object.keys(params).sort()).toEqual(
      [
        'anzahl',
        'art',
        'arbeitszirkel',
        'efa',
        'kommune',
        'kooperation',
        'nach',
        'phase',
        'richtung',
        'sortierung',
        'status',
        'suche',
      ].sort(),
    );
    expect(Object.values(params).every((value) => value === null)).toBe(true);
  });

  it('asks the API for the current page with only the filters that are set', () => {
    const state = parseListState({ status: 'RED', efa: 'nein', anzahl: '50', nach: 'c1,c2' });
    expect(listVariables(state)).toEqual({
      filter: { healths: ['RED'], isEfa: false },
      first: 50,
      after: 'c2',
      orderBy: { field: 'TITLE', direction: 'ASC' },
    });
    expect(listVariables(DEFAULT_STATE)).toEqual({
      filter: {},
      first: 25,
      after: null,
      orderBy: { field: 'TITLE', direction: 'ASC' },
    });
  });

  it('starts again at the first page when a filter changes', () => {
    const onPageThree = parseListState({ nach: 'c1,c2' });
    expect(changed(onPageThree, { healths: ['RED'] }).trail).toEqual([]);
  });

  it('sorts by a column, and turns the direction when the same column is chosen again', () => {
    const byProgress = sortedBy(DEFAULT_STATE, 'PROGRESS');
    expect([byProgress.sort, byProgress.direction]).toEqual(['PROGRESS', 'ASC']);
    expect(sortedBy(byProgress, 'PROGRESS').direction).toBe('DESC');
    expect(sortedBy(DEFAULT_STATE, 'UPDATED_AT').direction).toBe('DESC');
    expect(sortedBy(DEFAULT_STATE, 'TITLE').direction).toBe('DESC');
  });

  it('counts the filters that narrow the list, not sort or page', () => {
    expect(
      activeFilterCount(
        parseListState({ status: 'RED,AMBER', suche: 'Wohn', sortierung: 'phase', nach: 'x' }),
      ),
    ).toBe(2);
  });
});
