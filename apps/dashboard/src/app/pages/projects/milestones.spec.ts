import { localToday, milestoneCounts, milestoneState } from './milestones';

describe('milestones', () => {
  const today = '2026-11-21';

  it('calls a milestone overdue only when its due date has passed and it was not reached', () => {
    expect(milestoneState({ dueOn: '2026-11-20', doneOn: null }, today)).toBe('overdue');
    expect(milestoneState({ dueOn: '2026-11-21', doneOn: null }, today)).toBe('open');
    expect(milestoneState({ dueOn: '2027-01-01', doneOn: null }, today)).toBe('open');
    expect(milestoneState({ dueOn: '2026-01-13', doneOn: '2026-06-02' }, today)).toBe('done');
  });

  it('counts reached, overdue and open milestones', () => {
    expect(
      milestoneCounts(
        [
          { dueOn: '2025-07-07', doneOn: '2025-07-17' },
          { dueOn: '2026-04-24', doneOn: null },
          { dueOn: '2026-08-12', doneOn: null },
          { dueOn: '2027-02-01', doneOn: null },
        ],
        today,
      ),
    ).toEqual({ done: 1, overdue: 2, open: 1 });
  });

  it('takes today from the local calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
