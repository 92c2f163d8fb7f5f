import { currentAgendaIndex } from './meeting-agenda';

describe('currentAgendaIndex', () => {
  const items = [
    { position: 1, durationMinutes: 10 },
    { position: 2, durationMinutes: null },
    { position: 3, durationMinutes: 30 },
    { position: 4, durationMinutes: 20 },
  ];
  const start = '2026-11-29T09:00:00.000Z';
  const at = (time: string) => Date.parse(`2026-11-29T${time}:00.000Z`);

  it('follows the planned times of the items while the meeting is in progress', () => {
    expect(currentAgendaIndex(items, start, true, at('08:55'))).toBe(0);
    expect(currentAgendaIndex(items, start, true, at('09:05'))).toBe(0);
    // The second item takes no minutes: the third starts with it, and is the one the meeting is at.
    expect(currentAgendaIndex(items, start, true, at('09:10'))).toBe(2);
    expect(currentAgendaIndex(items, start, true, at('09:40'))).toBe(3);
    expect(currentAgendaIndex(items, start, true, at('11:00'))).toBe(3);
  });

  it('shows the first item before the meeting is in progress, and none without an agenda', () => {
    expect(currentAgendaIndex(items, start, false, at('09:40'))).toBe(0);
    expect(currentAgendaIndex([], start, true, at('09:40'))).toBe(-1);
  });
});
