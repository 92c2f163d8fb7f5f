import { ProjectPhase } from './enums.js';
import { daysSince, projectFlags, STALE_AFTER_DAYS } from './project-status.js';

const now = new Date('2026-11-29T10:00:00Z');
const today = '2026-11-29';
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const project = (changes: Partial<Parameters<typeof projectFlags>[0]> = {}) => ({
  phase: ProjectPhase.IN_DEVELOPMENT,
  progress: 40,
  targetDate: '2027-06-30',
  lastStatusUpdateAt: daysAgo(3),
  ...changes,
});

describe('project flags', () => {
  it('flags nothing for a project on its way with a recent update', () => {
    expect(projectFlags(project(), today, now)).toEqual({ overdue: false, stale: false, retired: false });
  });

  it('flags a target date before today as overdue, but not today itself', () => {
    expect(projectFlags(project({ targetDate: '2026-11-28' }), today, now).overdue).toBe(true);
    expect(projectFlags(project({ targetDate: today }), today, now).overdue).toBe(false);
  });

  it('does not call a project overdue once it is live, retired or complete', () => {
    for (const changes of [
      { phase: ProjectPhase.LIVE },
      { phase: ProjectPhase.RETIRED },
      { progress: 100 },
    ] as const) {
      expect(projectFlags(project({ targetDate: '2025-01-31', ...changes }), today, now).overdue).toBe(false);
    }
  });

  it(`flags a project stale after ${STALE_AFTER_DAYS} days without a status update, or without any`, () => {
    expect(projectFlags(project({ lastStatusUpdateAt: daysAgo(29) }), today, now).stale).toBe(false);
    expect(projectFlags(project({ lastStatusUpdateAt: daysAgo(30) }), today, now).stale).toBe(true);
    expect(projectFlags(project({ lastStatusUpdateAt: null }), today, now).stale).toBe(true);
    expect(daysSince(daysAgo(45), now)).toBe(45);
  });

  it('marks a retired project as retired and never as stale', () => {
    expect(
      projectFlags(project({ phase: ProjectPhase.RETIRED, lastStatusUpdateAt: daysAgo(400) }), today, now),
    ).toEqual({ overdue: false, stale: false, retired: true });
  });
});
