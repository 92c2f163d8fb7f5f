import {
  accountProblems,
  emptyRow,
  grantsOf,
  localizedMessage,
  rowsOf,
  rowsWithoutRole,
  sameGrants,
  scopeOf,
  type RoleRow,
} from './role-form';

function row(values: Partial<RoleRow>): RoleRow {
  return { ...emptyRow(), ...values };
}

describe('the role form', () => {
  it('knows which scope each role needs', () => {
    expect(scopeOf('ADMIN')).toBe('none');
    expect(scopeOf('VIEWER')).toBe('none');
    expect(scopeOf('CDO')).toBe('city');
    expect(scopeOf('CITY_EDITOR')).toBe('city');
    expect(scopeOf('WORKING_GROUP_LEAD')).toBe('workingGroup');
    expect(scopeOf('')).toBe('none');
  });

  it('edits an account’s roles as rows, each with its own key', () => {
    const rows = rowsOf([
      { role: 'CDO', cityId: '3', workingGroupId: null },
      { role: 'WORKING_GROUP_LEAD', cityId: null, workingGroupId: '7' },
    ]);
    expect(rows.map(({ role, cityId, workingGroupId }) => ({ role, cityId, workingGroupId }))).toEqual([
      { role: 'CDO', cityId: '3', workingGroupId: '' },
      { role: 'WORKING_GROUP_LEAD', cityId: '', workingGroupId: '7' },
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });

  it('sends only the scope a role needs, and an empty one as null for the API to name', () => {
    expect(
      grantsOf([
        row({ role: 'CITY_EDITOR', cityId: '4', workingGroupId: '9' }),
        row({ role: 'WORKING_GROUP_LEAD', cityId: '4', workingGroupId: '9' }),
        row({ role: 'ADMIN', cityId: '4', workingGroupId: '9' }),
        row({ role: 'CDO', cityId: '' }),
      ]),
    ).toEqual([
      { role: 'CITY_EDITOR', cityId: '4', workingGroupId: null },
      { role: 'WORKING_GROUP_LEAD', cityId: null, workingGroupId: '9' },
      { role: 'ADMIN', cityId: null, workingGroupId: null },
      { role: 'CDO', cityId: null, workingGroupId: null },
    ]);
  });

  it('finds rows whose role is not chosen yet', () => {
    expect(rowsWithoutRole([row({ role: 'VIEWER' }), row({}), row({ role: 'ADMIN' }), row({})])).toEqual([
      1, 3,
    ]);
    expect(grantsOf([row({}), row({ role: 'VIEWER' })])).toEqual([
      { role: 'VIEWER', cityId: null, workingGroupId: null },
    ]);
  });

  it('compares roles regardless of order', () => {
    const a = [
      { role: 'CDO' as const, cityId: '3', workingGroupId: null },
      { role: 'VIEWER' as const, cityId: null, workingGroupId: null },
    ];
    expect(sameGrants(a, [...a].reverse())).toBe(true);
    expect(sameGrants(a, [{ role: 'CDO', cityId: '4', workingGroupId: null }, a[1]])).toBe(false);
    expect(sameGrants(a, a.slice(0, 1))).toBe(false);
  });
});

describe('the API’s messages in the account form', () => {
  it('go next to the field they name, in either of the API’s spellings', () => {
    expect(
      accountProblems({
        code: 'BAD_USER_INPUT',
        message: 'Invalid input.',
        fields: [
          {
            field: 'username',
            message: 'must be 3–60 lower-case letters, digits, dots, hyphens or underscores',
          },
          { field: 'input.displayName', message: 'must not be empty' },
          { field: 'roles[1].cityId', message: 'is required for the role CDO' },
          { field: 'roles.2.role', message: 'must be a valid enum value' },
        ],
      }),
    ).toEqual({
      username: 'must be 3–60 lower-case letters, digits, dots, hyphens or underscores',
      displayName: 'must not be empty',
      roles: { 1: { scope: 'is required for the role CDO' }, 2: { role: 'must be a valid enum value' } },
      general: null,
    });
  });

  it('keep what no field shows as the general message', () => {
    expect(
      accountProblems({ code: 'NOT_FOUND', message: 'accountId: Account "9" does not exist.', fields: [] }),
    ).toEqual({
      username: null,
      displayName: null,
      roles: {},
      general: 'accountId: Account "9" does not exist.',
    });
    expect(
      accountProblems({
        code: 'BAD_USER_INPUT',
        message: 'Invalid input. disabled: you cannot disable your own account',
        fields: [{ field: 'disabled', message: 'you cannot disable your own account' }],
      }).general,
    ).toBe('you cannot disable your own account');
  });

  it('are German in German, with the role by its name, and English otherwise', () => {
    const roleName = (role: string) => ({ CDO: 'CDO', CITY_EDITOR: 'Redaktion Kommune' })[role] ?? role;
    expect(localizedMessage('is required for the role CITY_EDITOR', 'de', roleName)).toEqual({
      text: 'wird für die Rolle „Redaktion Kommune“ benötigt',
      lang: 'de',
    });
    expect(localizedMessage('is already taken (anna)', 'de')).toEqual({
      text: 'ist bereits vergeben (anna)',
      lang: 'de',
    });
    expect(localizedMessage('is already taken (anna)', 'en')).toEqual({
      text: 'is already taken (anna)',
      lang: 'en',
    });
    expect(localizedMessage('something new', 'de')).toEqual({ text: 'something new', lang: 'en' });
  });
});
