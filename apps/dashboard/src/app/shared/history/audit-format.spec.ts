import { changeRows, describeValue, formatDateTime, parseJson, type ValueContext } from './audit-format';

const context: ValueContext = {
  date: (value) => `date(${value})`,
  dateTime: (value) => `time(${value})`,
  number: (value, digits) => new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits }).format(value),
  yes: 'Ja',
  no: 'Nein',
  empty: '–',
  none: 'keine',
  cityName: (id) => ({ '3': 'Augsburg', '4': 'Kempten (Allgäu)' })[id],
  workingGroupName: (id) => ({ '7': 'Onlinedienste' })[id],
  cooperationName: (id) => ({ '2': 'M-A-N-Kooperation' })[id],
  projectTitle: (id) => ({ '12': 'Wohnsitz anmelden' })[id],
  roleName: (role) => ({ CDO: 'CDO', CITY_EDITOR: 'Redaktion Kommune', VIEWER: 'Lesezugang' })[role] ?? role,
  enumName: (field, value) => (field === 'stage' ? { LIVE: 'Live' }[value] : undefined),
};

describe('audit values as text', () => {
  it('reads JSON, and keeps text that is none', () => {
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseJson('"LIVE"')).toBe('LIVE');
    expect(parseJson(null)).toBeNull();
    expect(parseJson('not json')).toBe('not json');
  });

  it('shows missing values, yes and no, numbers and dates per language', () => {
    expect(describeValue('notes', null, context)).toBe('–');
    expect(describeValue('notes', '', context)).toBe('–');
    expect(describeValue('isEfa', true, context)).toBe('Ja');
    expect(describeValue('disabled', false, context)).toBe('Nein');
    expect(describeValue('population', 70871, context)).toBe('70.871');
    expect(describeValue('averageRating', 4.25, context)).toBe('4,25');
    expect(describeValue('liveSince', '2024-05-02', context)).toBe('date(2024-05-02)');
    expect(describeValue('createdAt', '2026-03-01T09:00:00.000Z', context)).toBe(
      'time(2026-03-01T09:00:00.000Z)',
    );
    expect(describeValue('title', 'Wohnsitz anmelden', context)).toBe('Wohnsitz anmelden');
  });

  it('names enum values, cities and working groups, and leaves other ids as they are', () => {
    expect(describeValue('stage', 'LIVE', context)).toBe('Live');
    expect(describeValue('kind', 'kreisfreie Stadt', context)).toBe('kreisfreie Stadt');
    expect(describeValue('cityId', 4, context)).toBe('Kempten (Allgäu)');
    expect(describeValue('ownerCityId', 3, context)).toBe('Augsburg');
    expect(describeValue('leadCityId', 99, context)).toBe('99');
    expect(describeValue('workingGroupId', 7, context)).toBe('Onlinedienste');
    expect(describeValue('projectId', 12345, context)).toBe('12345');
    expect(describeValue('memberCityIds', [3, 4], context)).toBe('Augsburg, Kempten (Allgäu)');
  });

  it('shows roles with their scopes, and other lists and objects field by field', () => {
    expect(
      describeValue(
        'roles',
        [
          { role: 'CITY_EDITOR', cityId: 4, workingGroupId: null },
          { role: 'VIEWER', cityId: null, workingGroupId: null },
        ],
        context,
      ),
    ).toBe('Redaktion Kommune (Kempten (Allgäu)); Lesezugang');
    expect(describeValue('roles', [], context)).toBe('keine');
    expect(describeValue('milestones', [{ title: 'Pilot', dueOn: '2026-05-01' }], context)).toBe(
      'title: Pilot, dueOn: date(2026-05-01)',
    );
  });

  it('turns an entry’s changes into rows, field names as they are', () => {
    expect(
      changeRows(
        [
          { field: 'stage', before: '"EVALUATING"', after: '"LIVE"' },
          { field: 'liveSince', before: 'null', after: '"2026-01-15"' },
        ],
        context,
      ),
    ).toEqual([
      { field: 'stage', label: null, before: 'EVALUATING', after: 'Live' },
      { field: 'liveSince', label: null, before: '–', after: 'date(2026-01-15)' },
    ]);
  });

  it('gives each field its label as people read it, and names cooperations and the entry’s project', () => {
    const labels: Record<string, string> = { liveSince: 'Live seit', cooperationId: 'Kooperation' };
    expect(
      changeRows(
        [
          { field: 'liveSince', before: 'null', after: '"2026-01-15"' },
          { field: 'cooperationId', before: 'null', after: '2' },
          { field: 'projectId', before: 'null', after: '12' },
          { field: 'mustChangePassword', before: 'true', after: 'false' },
        ],
        context,
        (field) => labels[field] ?? null,
      ),
    ).toEqual([
      { field: 'liveSince', label: 'Live seit', before: '–', after: 'date(2026-01-15)' },
      { field: 'cooperationId', label: 'Kooperation', before: '–', after: 'M-A-N-Kooperation' },
      { field: 'projectId', label: null, before: '–', after: 'Wohnsitz anmelden' },
      { field: 'mustChangePassword', label: null, before: 'Ja', after: 'Nein' },
    ]);
  });

  it('shows an instant’s date and time in the language’s way', () => {
    expect(formatDateTime('2026-03-12T14:05:00Z', 'de-DE')).toBe('12.03.2026, 14:05');
    expect(formatDateTime('2026-03-12T14:05:00Z', 'en-GB')).toBe('12 Mar 2026, 14:05');
  });
});
