import { defaultCooperation, type CooperationChoice } from './cooperation.service';

const cooperation = (id: string, cities: string[], groups: string[]): CooperationChoice => ({
  id,
  memberCityIds: cities,
  workingGroups: groups.map((group) => ({ id: group })),
});

// As in the demo: the mid-sized cities first (by name), then M-A-N with Augsburg (22).
const COOPERATIONS = [
  cooperation('2', ['1', '3', '24'], ['1', '3']),
  cooperation('1', ['2', '17', '22'], ['2', '5']),
];

describe('the cooperation a user’s pages open on', () => {
  it('is the one their city belongs to, for a CDO or city editor', () => {
    expect(defaultCooperation(COOPERATIONS, '22', [])).toBe('1');
    expect(defaultCooperation(COOPERATIONS, '24', [])).toBe('2');
  });

  it('is the one of the working group a lead leads', () => {
    expect(defaultCooperation(COOPERATIONS, null, ['5'])).toBe('1');
  });

  it('is the first for everyone else, and for a city that belongs to none', () => {
    expect(defaultCooperation(COOPERATIONS, null, [])).toBe('2');
    expect(defaultCooperation(COOPERATIONS, '99', ['77'])).toBe('2');
    expect(defaultCooperation([], '22', [])).toBeUndefined();
  });
});
