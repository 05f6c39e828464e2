import fc from 'fast-check';
import { isPayoutDay, nextPayoutDay, utcDay, type WithdrawalFrequency } from './schedule-days';

const FREQUENCIES: WithdrawalFrequency[] = ['off', 'weekly', 'twice_monthly', 'monthly'];
const anyInstant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-12-31T23:59:59Z'),
  noInvalidDate: true,
});

/** The payout days of a month, counted by walking its days (the slow, obvious way). */
function payoutDaysOf(frequency: WithdrawalFrequency, year: number, month: number): number[] {
  const days: number[] = [];
  for (let d = 1; d <= 31; d += 1) {
    const date = new Date(Date.UTC(year, month, d, 12));
    if (date.getUTCMonth() === month && isPayoutDay(frequency, date)) days.push(d);
  }
  return days;
}

function wednesdaysOf(year: number, month: number): number[] {
  return payoutDaysOf('weekly', year, month);
}

describe('isPayoutDay', () => {
  it.each([
    // December 2026: Wednesdays 2, 9, 16, 23, 30.
    ['weekly', '2026-12-02', true],
    ['weekly', '2026-12-03', false],
    ['twice_monthly', '2026-12-02', true],
    ['twice_monthly', '2026-12-09', false],
    ['twice_monthly', '2026-12-16', true],
    ['twice_monthly', '2026-12-30', false],
    ['monthly', '2026-12-23', false],
    ['monthly', '2026-12-30', true],
    // February 2027 ends on a Sunday: its last Wednesday is the 24th.
    ['monthly', '2027-02-24', true],
    ['off', '2026-12-02', false],
  ] as const)('%s on %s is %p', (frequency, day, expected) => {
    expect(isPayoutDay(frequency, new Date(`${day}T00:00:00Z`))).toBe(expected);
    expect(isPayoutDay(frequency, new Date(`${day}T23:59:59.999Z`))).toBe(expected);
  });

  it('reads the UTC day, not the local one', () => {
    // Wednesday 00:30 UTC is Tuesday evening in New York: still a payout day.
    expect(isPayoutDay('weekly', new Date('2026-12-02T00:30:00Z'))).toBe(true);
    expect(isPayoutDay('weekly', new Date('2026-12-01T23:30:00Z'))).toBe(false);
  });

  it('is only ever a Wednesday, and never when off', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FREQUENCIES), anyInstant, (frequency, at) => {
        if (isPayoutDay(frequency, at)) {
          expect(at.getUTCDay()).toBe(3);
          expect(frequency).not.toBe('off');
        }
      }),
    );
  });

  it('weekly ⊇ twice a month ⊇ nothing else, and monthly is within weekly', () => {
    fc.assert(
      fc.property(anyInstant, (at) => {
        if (isPayoutDay('twice_monthly', at)) expect(isPayoutDay('weekly', at)).toBe(true);
        if (isPayoutDay('monthly', at)) expect(isPayoutDay('weekly', at)).toBe(true);
        expect(isPayoutDay('weekly', at)).toBe(at.getUTCDay() === 3);
      }),
    );
  });

  it('gives every month exactly the 1st and 3rd Wednesday and exactly its last one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2200 }), fc.integer({ min: 0, max: 11 }), (y, m) => {
        const wednesdays = wednesdaysOf(y, m);
        expect(wednesdays.length === 4 || wednesdays.length === 5).toBe(true);
        expect(payoutDaysOf('twice_monthly', y, m)).toEqual([wednesdays[0], wednesdays[2]]);
        expect(payoutDaysOf('monthly', y, m)).toEqual([wednesdays[wednesdays.length - 1]]);
        expect(payoutDaysOf('off', y, m)).toEqual([]);
      }),
    );
  });

  it('keeps its answer all day long (one answer per UTC day)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FREQUENCIES), anyInstant, (frequency, at) => {
        const midnight = new Date(`${utcDay(at)}T00:00:00Z`);
        expect(isPayoutDay(frequency, at)).toBe(isPayoutDay(frequency, midnight));
      }),
    );
  });
});

describe('nextPayoutDay', () => {
  it('is the first payout day on or after the date, and none when off', () => {
    expect(nextPayoutDay('off', new Date('2026-12-03T00:00:00Z'))).toBeNull();
    expect(utcDay(nextPayoutDay('weekly', new Date('2026-12-02T18:00:00Z'))!)).toBe('2026-12-02');
    expect(utcDay(nextPayoutDay('twice_monthly', new Date('2026-12-03T00:00:00Z'))!)).toBe(
      '2026-12-16',
    );
    expect(utcDay(nextPayoutDay('monthly', new Date('2026-12-31T00:00:00Z'))!)).toBe('2027-01-27');
  });

  it('finds a payout day, and nothing between', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<WithdrawalFrequency>('weekly', 'twice_monthly', 'monthly'),
        anyInstant,
        (f, at) => {
          const next = nextPayoutDay(f, at)!;
          expect(isPayoutDay(f, next)).toBe(true);
          for (
            let d = new Date(`${utcDay(at)}T00:00:00Z`);
            d < next;
            d.setUTCDate(d.getUTCDate() + 1)
          ) {
            expect(isPayoutDay(f, d)).toBe(false);
          }
        },
      ),
    );
  });
});
