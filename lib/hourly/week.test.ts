import {
  addBusinessDays,
  availableAfterReviewOf,
  editDeadlineOf,
  isoWeekOf,
  reviewEndsOf,
  weekStartDate,
  weekStartFromDate,
  weekStartOf,
} from './week';

const at = (iso: string) => new Date(iso);

describe('the UTC week', () => {
  it('starts on Monday 00:00 UTC, whatever the day and hour', () => {
    expect(weekStartOf(at('2026-12-02T05:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(weekStartOf(at('2026-12-06T23:59:59Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(weekStartOf(at('2026-11-30T00:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(weekStartDate(at('2026-11-29T23:59:59Z'))).toBe('2026-11-23');
  });

  it('lays out the deadlines of the week of Monday 2026-11-30', () => {
    const week = weekStartFromDate('2026-11-30');
    expect(editDeadlineOf(week).toISOString()).toBe('2026-12-07T12:00:00.000Z');
    expect(reviewEndsOf(week).toISOString()).toBe('2026-12-12T00:00:00.000Z');
    expect(reviewEndsOf(week).getUTCDay()).toBe(6);
    expect(availableAfterReviewOf(week).toISOString()).toBe('2026-12-16T00:00:00.000Z');
    expect(availableAfterReviewOf(week).getUTCDay()).toBe(3);
  });

  it('refuses a week start that is not a Monday', () => {
    expect(() => weekStartFromDate('2026-12-01')).toThrow('not a Monday');
  });

  it('names ISO weeks, across the year boundary', () => {
    expect(isoWeekOf(weekStartFromDate('2026-11-30'))).toBe('2026-W49');
    expect(isoWeekOf(weekStartFromDate('2026-12-28'))).toBe('2026-W53');
    expect(isoWeekOf(weekStartFromDate('2027-01-04'))).toBe('2027-W01');
    expect(isoWeekOf(weekStartFromDate('2024-12-30'))).toBe('2025-W01');
  });

  it('counts business days over a weekend', () => {
    expect(addBusinessDays(at('2026-12-03T10:00:00Z'), 3).toISOString()).toBe(
      '2026-12-08T10:00:00.000Z',
    );
    expect(addBusinessDays(at('2026-12-05T10:00:00Z'), 1).toISOString()).toBe(
      '2026-12-07T10:00:00.000Z',
    );
  });
});
