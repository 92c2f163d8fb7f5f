import { Role } from '@koop/domain';
import { claimAt, parseRoleEntry, parseRolesClaim } from './oidc-roles.js';

describe('parseRoleEntry', () => {
  it.each([
    ['koop-admin', { role: Role.ADMIN }],
    ['koop-viewer', { role: Role.VIEWER }],
    ['koop-cdo:09763000', { role: Role.CDO, ags: '09763000' }],
    ['koop-city-editor:09761000', { role: Role.CITY_EDITOR, ags: '09761000' }],
    ['koop-lead:7', { role: Role.WORKING_GROUP_LEAD, workingGroupId: 7 }],
    ['  KOOP-Admin ', { role: Role.ADMIN }],
    ['Koop-City-Editor: 09761000', { role: Role.CITY_EDITOR, ags: '09761000' }],
  ])('reads %j', (entry, expected) => {
    expect(parseRoleEntry(entry)).toEqual(expected);
  });

  it.each([
    ['offline_access', 'a role of the provider itself'],
    ['uma_authorization', 'a role of the provider itself'],
    ['admin', 'a name without the koop- prefix'],
    ['koop-admin:09763000', 'a scope on a role that takes none'],
    ['koop-viewer:', 'an empty scope on a role that takes none'],
    ['koop-cdo', 'a city role without a city'],
    ['koop-cdo:', 'a city role with an empty scope'],
    ['koop-cdo:9763000', 'an AGS of 7 digits'],
    ['koop-city-editor:0976300A', 'an AGS with a letter'],
    ['koop-city-editor:Kempten', 'a city name instead of the AGS'],
    ['koop-lead', 'a lead without a working group'],
    ['koop-lead:0', 'working group id 0'],
    ['koop-lead:07', 'a working group id with a leading zero'],
    ['koop-lead:-3', 'a negative working group id'],
    ['koop-lead:1.5', 'a fractional working group id'],
    ['koop-lead:99999999999', 'a working group id beyond 32 bits'],
    ['koop-lead:Onlinedienste', 'a working group name instead of its id'],
    ['koop-superuser', 'an unknown koop- role'],
    ['', 'an empty entry'],
  ])('ignores %j (%s)', (entry) => {
    expect(parseRoleEntry(entry)).toBeNull();
  });
});

describe('parseRolesClaim', () => {
  it('maps every known entry once, in order, and ignores the rest', () => {
    expect(
      parseRolesClaim([
        'offline_access',
        'koop-city-editor:09763000',
        'koop-lead:3',
        'KOOP-CITY-EDITOR:09763000',
        42,
        null,
        { role: 'koop-admin' },
        'koop-viewer',
        'koop-lead:3',
      ]),
    ).toEqual([
      { role: Role.CITY_EDITOR, ags: '09763000' },
      { role: Role.WORKING_GROUP_LEAD, workingGroupId: 3 },
      { role: Role.VIEWER },
    ]);
  });

  it('keeps a CDO and a city editor of the same city apart', () => {
    expect(parseRolesClaim(['koop-cdo:09763000', 'koop-city-editor:09763000'])).toEqual([
      { role: Role.CDO, ags: '09763000' },
      { role: Role.CITY_EDITOR, ags: '09763000' },
    ]);
  });

  it.each([
    [undefined, 'a missing claim'],
    [null, 'null'],
    ['koop-admin', 'a single string instead of an array'],
    [{ 'koop-admin': true }, 'an object'],
    [[], 'an empty array'],
  ])('maps %j to no role (%s)', (value, _reason) => {
    expect(parseRolesClaim(value)).toEqual([]);
  });
});

describe('claimAt', () => {
  const claims = {
    roles: ['koop-admin'],
    'https://koop.example/roles': ['koop-viewer'],
    realm_access: { roles: ['koop-cdo:09763000'] },
    resource_access: { 'koop.dashboard': { roles: ['koop-lead:2'] } },
  };

  it('reads a top-level claim by its name, dots and all', () => {
    expect(claimAt(claims, 'roles')).toEqual(['koop-admin']);
    expect(claimAt(claims, 'https://koop.example/roles')).toEqual(['koop-viewer']);
  });

  it("follows a dotted path into Keycloak's nested role claims", () => {
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['koop-cdo:09763000']);
    expect(claimAt(claims, 'resource_access.koop.dashboard.roles')).toEqual(['koop-lead:2']);
  });

  it('gives undefined for a path that leads nowhere', () => {
    expect(claimAt(claims, 'groups')).toBeUndefined();
    expect(claimAt(claims, 'realm_access.groups')).toBeUndefined();
    expect(claimAt(claims, 'roles.length')).toBeUndefined();
  });
});
