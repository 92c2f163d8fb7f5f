import {
  activeFilters,
  auditFilter,
  auditParams,
  NO_FILTER,
  parseAuditState,
  periodReversed,
} from './audit-state';

describe('the audit page’s filters in the URL', () => {
  it('reads what it knows and leaves out what it does not', () => {
    expect(
      parseAuditState({
        art: 'Adoption',
        vorgang: 'recordAdoption',
        konto: '12',
        von: '2026-03-01',
        bis: '2026-03-31',
      }),
    ).toEqual({
      entity: 'Adoption',
      operation: 'recordAdoption',
      accountId: '12',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(
      parseAuditState({ art: 'Secrets', vorgang: 'drop', konto: 'x', von: '2026-02-30', bis: 'gestern' }),
    ).toEqual(NO_FILTER);
    expect(parseAuditState({})).toEqual(NO_FILTER);
  });

  it('writes every filter, those not set as null, and reads them back alike', () => {
    const state = { ...NO_FILTER, entity: 'Account', from: '2026-01-01' };
    expect(auditParams(state)).toEqual({
      art: 'Account',
      vorgang: null,
      konto: null,
      von: '2026-01-01',
      bis: null,
    });
    expect(parseAuditState(auditParams(state))).toEqual(state);
    expect(activeFilters(state)).toBe(2);
  });

  it('asks the API for the whole days of the period, in the user’s time zone', () => {
    // The tests run with TZ=UTC.
    expect(
      auditFilter({ ...NO_FILTER, from: '2026-03-01', to: '2026-03-31', operation: 'createAccount' }),
    ).toEqual({
      operation: 'createAccount',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-31T23:59:59.999Z',
    });
    expect(auditFilter(NO_FILTER)).toEqual({});
  });

  it('notices a period that ends before it begins', () => {
    expect(periodReversed({ ...NO_FILTER, from: '2026-03-02', to: '2026-03-01' })).toBe(true);
    expect(periodReversed({ ...NO_FILTER, from: '2026-03-01', to: '2026-03-01' })).toBe(false);
    expect(periodReversed({ ...NO_FILTER, to: '2026-03-01' })).toBe(false);
  });
});
