import { hoursText, localSpanText, utcSpanText } from './display';

const at = (iso: string) => new Date(iso);

describe('diary times', () => {
  it('names the local date when it is not the UTC date', () => {
    expect(
      localSpanText(at('2026-11-02T02:00:00Z'), at('2026-11-02T03:00:00Z'), 'America/New_York'),
    ).toBe('Nov 1 21:00–22:00 New York time (America/New_York, EST)');
    expect(
      localSpanText(at('2026-12-01T23:00:00Z'), at('2026-12-02T00:00:00Z'), 'Asia/Tokyo'),
    ).toBe('Dec 2 08:00–09:00 Tokyo time (Asia/Tokyo, GMT+9)');
  });

  it('shows nothing more for UTC, and a running timer without an end', () => {
    expect(localSpanText(at('2026-12-01T09:00:00Z'), null, 'UTC')).toBeNull();
    expect(utcSpanText(at('2026-12-01T09:00:00Z'), null)).toBe('from 09:00 UTC');
    expect(utcSpanText(at('2026-12-01T09:00:00Z'), at('2026-12-01T10:30:00Z'))).toBe(
      '09:00–10:30 UTC',
    );
  });

  it('writes hours and minutes', () => {
    expect(hoursText(0)).toBe('0 h');
    expect(hoursText(90)).toBe('1 h 30 min');
    expect(hoursText(168 * 60)).toBe('168 h');
  });
});
