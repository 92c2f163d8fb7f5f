import { berlinInstant, berlinParts } from './meeting-time';

describe('meeting time in Berlin', () => {
  it('turns a Berlin date and time into the instant, in summer and in winter', () => {
    expect(berlinInstant('2026-07-01', '10:00')).toBe('2026-07-01T08:00:00.000Z');
    expect(berlinInstant('2026-12-03', '14:30')).toBe('2026-12-03T13:30:00.000Z');
  });

  it('reads an instant back as the Berlin date and time', () => {
    expect(berlinParts('2026-07-01T08:00:00.000Z')).toEqual({ date: '2026-07-01', time: '10:00' });
    expect(berlinParts('2026-12-31T23:30:00.000Z')).toEqual({ date: '2027-01-01', time: '00:30' });
  });

  it('refuses malformed input', () => {
    expect(berlinInstant('1.7.2026', '10:00')).toBeNull();
    expect(berlinInstant('2026-07-01', '')).toBeNull();
  });
});
