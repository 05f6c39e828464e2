import { summarizeWeek } from './this-week';

const at = new Date('2026-12-02T15:00:00Z');
let ids = 0;
const entry = (start: string, end: string | null) => ({
  id: `e${(ids += 1)}`,
  startedAt: new Date(start),
  endedAt: end ? new Date(end) : null,
});

describe("this week's hours", () => {
  it('counts the UTC week only, splits at the limit as the tick bills, and shows a running timer apart', () => {
    const week = summarizeWeek(
      [
        entry('2026-11-29T10:00:00Z', '2026-11-29T12:00:00Z'), // last week's Sunday
        entry('2026-11-30T08:00:00Z', '2026-11-30T20:00:00Z'),
        entry('2026-12-01T09:00:00Z', '2026-12-01T17:30:00Z'),
        entry('2026-12-02T14:00:00Z', null),
      ],
      20,
      at,
    );
    expect(week.isoWeek).toBe('2026-W49');
    expect(week.weekStart.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(week.days).toEqual([
      { date: '2026-11-30', minutes: 720 },
      { date: '2026-12-01', minutes: 510 },
      { date: '2026-12-02', minutes: 60 },
    ]);
    // The running hour is on its day but not billed until the timer stops.
    expect(week.totalMinutes).toBe(1230);
    expect(week.billableMinutes).toBe(1200);
    expect(week.overLimitMinutes).toBe(30);
    expect(week.runningMinutes).toBe(60);
  });

  it('bills everything without a limit', () => {
    const week = summarizeWeek([entry('2026-11-30T08:00:00Z', '2026-11-30T20:00:00Z')], null, at);
    expect(week.billableMinutes).toBe(720);
    expect(week.overLimitMinutes).toBe(0);
  });
});
