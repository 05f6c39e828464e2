import fc from 'fast-check';
import { isPayoutDay, nextPayoutDay, SCHEDULE_FREQUENCIES, utcDateKey } from './schedule-days';

const DAY_MS = 24 * 60 * 60 * 1000;
// Any instant from 2000 to 2100, at any time of day.
const instants = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((ms) => new Date(ms));
const frequencies = fc.constantFrom(...SCHEDULE_FREQUENCIES);
const utc = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));

/** The payout days of one month, found by walking it day by day. */
function payoutDaysOf(frequency: (typeof SCHEDULE_FREQUENCIES)[number], y: number, m: number) {
  const days: number[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = utc(y, m, d, 12);
    if (date.getUTCMonth() === m - 1 && isPayoutDay(frequency, date)) days.push(d);
  }
  return days;
}

describe('isPayoutDay', () => {
  it('names the documented days of December 2026 (Wednesdays 2, 9, 16, 23, 30)', () => {
    expect(payoutDaysOf('off', 2026, 12)).toEqual([]);
    expect(payoutDaysOf('weekly', 2026, 12)).toEqual([2, 9, 16, 23, 30]);
    expect(payoutDaysOf('twice_monthly', 2026, 12)).toEqual([2, 16]);
    expect(payoutDaysOf('monthly', 2026, 12)).toEqual([30]);
  });

  it('takes the UTC date, not the local one: 23:59 and 00:00 of a Wednesday both count', () => {
    expect(isPayoutDay('weekly', new Date('2026-12-02T00:00:00Z'))).toBe(true);
    expect(isPayoutDay('weekly', new Date('2026-12-02T23:59:59.999Z'))).toBe(true);
    expect(isPayoutDay('weekly', new Date('2026-12-01T23:59:59.999Z'))).toBe(false);
    expect(isPayoutDay('weekly', new Date('2026-12-03T00:00:00Z'))).toBe(false);
  });

  it('a month that starts on a Wednesday: its 1st and 15th are the twice-monthly days', () => {
    // July 2026 begins on a Wednesday; the last Wednesday is the 29th.
    expect(payoutDaysOf('twice_monthly', 2026, 7)).toEqual([1, 15]);
    expect(payoutDaysOf('monthly', 2026, 7)).toEqual([29]);
  });

  it('property: every payout day is a Wednesday, and off has none', () => {
    fc.assert(
      fc.property(frequencies, instants, (frequency, at) => {
        if (isPayoutDay(frequency, at)) expect(at.getUTCDay()).toBe(3);
        expect(isPayoutDay('off', at)).toBe(false);
      }),
    );
  });

  it('property: the answer depends only on the UTC date', () => {
    fc.assert(
      fc.property(frequencies, instants, (frequency, at) => {
        const midnight = new Date(`${utcDateKey(at)}T00:00:00Z`);
        expect(isPayoutDay(frequency, at)).toBe(isPayoutDay(frequency, midnight));
      }),
    );
  });

  it('property: each month has 4–5 weekly, exactly 2 twice-monthly, exactly 1 monthly day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const weekly = payoutDaysOf('weekly', y, m);
        const twice = payoutDaysOf('twice_monthly', y, m);
        const monthly = payoutDaysOf('monthly', y, m);
        expect([4, 5]).toContain(weekly.length);
        // The 1st and 3rd Wednesday, two weeks apart; the monthly day is the last Wednesday.
        expect(twice).toEqual([weekly[0], weekly[2]]);
        expect(monthly).toEqual([weekly[weekly.length - 1]]);
      }),
    );
  });

  it('property: monthly and twice-monthly days are weekly days (schedules only narrow)', () => {
    fc.assert(
      fc.property(instants, (at) => {
        if (isPayoutDay('monthly', at) || isPayoutDay('twice_monthly', at)) {
          expect(isPayoutDay('weekly', at)).toBe(true);
        }
      }),
    );
  });
});

describe('nextPayoutDay', () => {
  it('property: is a payout day, on or after the date, with none in between', () => {
    fc.assert(
      fc.property(frequencies, instants, (frequency, from) => {
        const next = nextPayoutDay(frequency, from);
        if (frequency === 'off') return expect(next).toBeNull();
        expect(next).not.toBeNull();
        const day = next as Date;
        expect(isPayoutDay(frequency, day)).toBe(true);
        const fromMidnight = Date.parse(`${utcDateKey(from)}T00:00:00Z`);
        expect(day.getTime()).toBeGreaterThanOrEqual(fromMidnight);
        for (let t = fromMidnight; t < day.getTime(); t += DAY_MS) {
          expect(isPayoutDay(frequency, new Date(t))).toBe(false);
        }
      }),
    );
  });

  it('a payout day is its own next payout day; the day after moves on', () => {
    expect(nextPayoutDay('monthly', utc(2026, 12, 30, 15))).toEqual(utc(2026, 12, 30));
    expect(nextPayoutDay('monthly', utc(2026, 12, 31))).toEqual(utc(2027, 1, 27));
  });
});
