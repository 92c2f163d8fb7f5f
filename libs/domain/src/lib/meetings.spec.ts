import {
  ActionItemStatus,
  agendaMinutes,
  isOverdue,
  MeetingState,
  meetingStateChangeError,
  nextMeetingStates,
} from './meetings.js';

describe('meeting states', () => {
  it('move only forward, skipping allowed', () => {
    expect(meetingStateChangeError(MeetingState.DRAFT, MeetingState.OPEN)).toBeNull();
    expect(meetingStateChangeError(MeetingState.DRAFT, MeetingState.IN_PROGRESS)).toBeNull();
    expect(meetingStateChangeError(MeetingState.IN_PROGRESS, MeetingState.CLOSED)).toBeNull();
    expect(meetingStateChangeError(MeetingState.OPEN, MeetingState.DRAFT)).toMatch(/only moves forward/);
    expect(meetingStateChangeError(MeetingState.OPEN, MeetingState.OPEN)).toMatch(/only moves forward/);
    expect(meetingStateChangeError(MeetingState.CLOSED, MeetingState.CLOSED)).toMatch(/CLOSED/);
  });

  it('name the states that may follow', () => {
    expect(nextMeetingStates(MeetingState.OPEN)).toEqual([MeetingState.IN_PROGRESS, MeetingState.CLOSED]);
    expect(nextMeetingStates(MeetingState.CLOSED)).toEqual([]);
  });
});

describe('action items and agenda', () => {
  it('are overdue when open after their due date', () => {
    expect(isOverdue(ActionItemStatus.OPEN, '2026-11-28', '2026-11-29')).toBe(true);
    expect(isOverdue(ActionItemStatus.OPEN, '2026-11-29', '2026-11-29')).toBe(false);
    expect(isOverdue(ActionItemStatus.DONE, '2026-01-01', '2026-11-29')).toBe(false);
    expect(isOverdue(ActionItemStatus.DROPPED, '2026-01-01', '2026-11-29')).toBe(false);
  });

  it('sum the planned minutes, items without minutes counting nothing', () => {
    expect(agendaMinutes([{ durationMinutes: 30 }, { durationMinutes: null }, { durationMinutes: 45 }])).toBe(
      75,
    );
  });
});
