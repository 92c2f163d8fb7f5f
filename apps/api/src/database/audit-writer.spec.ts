import { auditScopes, type AuditRecord } from './audit-writer.js';

function record(overrides: Partial<AuditRecord>): AuditRecord {
  return { operation: 'op', entity: 'Adoption', entityId: 7, before: null, after: null, ...overrides };
}

describe('auditScopes', () => {
  it('takes a city or a project as its own scope', () => {
    expect(auditScopes(record({ entity: 'City', entityId: 12, after: { id: 12, name: 'Kempten' } }))).toEqual(
      {
        cityId: 12,
        projectId: null,
      },
    );
    expect(auditScopes(record({ entity: 'Project', entityId: '5', after: { ownerCityId: 3 } }))).toEqual({
      cityId: null,
      projectId: 5,
    });
  });

  it('takes the city and project of a row that belongs to them, after the change or else before it', () => {
    expect(auditScopes(record({ after: { cityId: 3, projectId: 9 } }))).toEqual({ cityId: 3, projectId: 9 });
    expect(auditScopes(record({ before: { cityId: 4, projectId: 8 }, after: {} }))).toEqual({
      cityId: 4,
      projectId: 8,
    });
    expect(auditScopes(record({ entity: 'Milestone', after: { projectId: 2, title: 'Pilot' } }))).toEqual({
      cityId: null,
      projectId: 2,
    });
  });

  it('leaves rows without a scope (accounts, working groups) and values that are no keys alone', () => {
    expect(
      auditScopes(record({ entity: 'Account', after: { roles: [{ role: 'CDO', cityId: 3 }] } })),
    ).toEqual({ cityId: null, projectId: null });
    expect(auditScopes(record({ entity: 'WorkingGroup', after: { leadCityId: 3 } }))).toEqual({
      cityId: null,
      projectId: null,
    });
    expect(auditScopes(record({ after: { cityId: 'Kempten', projectId: -1 } }))).toEqual({
      cityId: null,
      projectId: null,
    });
  });
});
