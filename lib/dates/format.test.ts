import { formatDateAndTime, formatLongDate, formatLongDateTime } from './format';

it('shows dates in UTC, whatever the server’s time zone', () => {
  // 23:30 UTC on March 11 is already March 12 east of UTC and still March 11 west of it.
  const late = new Date('2026-03-11T23:30:00Z');
  expect(formatLongDate(late)).toBe('March 11, 2026');
  expect(formatLongDateTime(late)).toBe('March 11, 2026 at 11:30 PM UTC');
  expect(formatLongDate(new Date('2026-12-01T00:00:00Z'))).toBe('December 1, 2026');
});

it("shows dates in the viewer's time zone, naming it", () => {
  const late = new Date('2026-03-11T23:30:00Z');
  expect(formatLongDate(late, 'Asia/Tokyo')).toBe('March 12, 2026');
  expect(formatLongDateTime(late, 'America/New_York')).toBe(
    'March 11, 2026 at 7:30 PM New York time (America/New_York)',
  );
  expect(formatDateAndTime(late, 'Asia/Tokyo')).toBe(
    'March 12, 2026, 08:30 Tokyo time (Asia/Tokyo)',
  );
  expect(formatDateAndTime(late)).toBe('March 11, 2026, 23:30 UTC');
});
