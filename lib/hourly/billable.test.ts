import { billableDays, billableMinutesOfEntries, weeklyLimitMinutes } from './billable';

const entry = (id: string, start: string, end: string) => ({
  id,
  startedAt: new Date(start),
  endedAt: new Date(end),
});

describe('billable minutes within the weekly limit', () => {
  it('bills every minute under the limit, grouped by UTC work date', () => {
    const days = billableDays(
      [
        entry('b', '2026-12-01T13:00:00Z', '2026-12-01T14:30:00Z'),
        entry('a', '2026-11-30T09:00:00Z', '2026-11-30T11:00:00Z'),
        entry('c', '2026-12-01T08:00:00Z', '2026-12-01T08:10:00Z'),
      ],
      10,
    );
    expect(days).toEqual([
      { workDate: '2026-11-30', minutes: 120, entryIds: ['a'] },
      { workDate: '2026-12-01', minutes: 100, entryIds: ['c', 'b'] },
    ]);
  });

  it('fills the limit with the earliest entries; the rest is over the limit, not billed', () => {
    const entries = [
      entry('late', '2026-12-03T09:00:00Z', '2026-12-03T12:00:00Z'),
      entry('early', '2026-11-30T09:00:00Z', '2026-11-30T11:00:00Z'),
      entry('middle', '2026-12-01T09:00:00Z', '2026-12-01T11:00:00Z'),
    ];
    const perEntry = billableMinutesOfEntries(entries, 3);
    expect(perEntry.get('early')).toBe(120);
    expect(perEntry.get('middle')).toBe(60);
    expect(perEntry.get('late')).toBe(0);
    expect(billableDays(entries, 3)).toEqual([
      { workDate: '2026-11-30', minutes: 120, entryIds: ['early'] },
      { workDate: '2026-12-01', minutes: 60, entryIds: ['middle'] },
    ]);
  });

  it('applies the limit to each UTC week on its own', () => {
    const perEntry = billableMinutesOfEntries(
      [
        entry('sun', '2026-12-06T20:00:00Z', '2026-12-06T22:00:00Z'),
        entry('mon', '2026-12-07T00:00:00Z', '2026-12-07T02:00:00Z'),
      ],
      1,
    );
    expect(perEntry.get('sun')).toBe(60);
    expect(perEntry.get('mon')).toBe(60);
  });

  it('caps a contract with no weekly limit at 168 h', () => {
    expect(weeklyLimitMinutes(null)).toBe(168 * 60);
    // 7 full days of 24 h, plus one more entry on Sunday that cannot fit.
    const entries = Array.from({ length: 7 }, (_, day) => {
      const date = new Date(Date.UTC(2026, 10, 30 + day));
      return {
        id: `d${day}`,
        startedAt: date,
        endedAt: new Date(date.getTime() + 24 * 3_600_000),
      };
    });
    const total = billableDays(entries, null).reduce((sum, day) => sum + day.minutes, 0);
    expect(total).toBe(168 * 60);
  });

  it('does not depend on the order of the input', () => {
    const entries = [
      entry('x', '2026-11-30T09:00:00Z', '2026-11-30T10:00:00Z'),
      entry('y', '2026-11-30T10:00:00Z', '2026-11-30T11:00:00Z'),
    ];
    expect(billableDays(entries, 1)).toEqual(billableDays([...entries].reverse(), 1));
    expect(billableDays(entries, 1)).toEqual([
      { workDate: '2026-11-30', minutes: 60, entryIds: ['x'] },
    ]);
  });
});
