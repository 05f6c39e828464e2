import { defaultPeriod, describePeriod, parsePeriod, periodQuery } from './period';

const AT = new Date('2026-12-02T15:00:00Z');

describe('report periods', () => {
  it('default to the last 12 months, this one included, in UTC', () => {
    const period = defaultPeriod(AT);
    expect(period).toMatchObject({ fromMonth: '2026-01', toMonth: '2026-12' });
    expect(period.from.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(period.to.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(describePeriod(period)).toBe('January 2026 to December 2026');
    expect(periodQuery(period)).toBe('from=2026-01&to=2026-12');
    // Just after midnight UTC on the 1st is the new month, whatever the server's zone.
    expect(defaultPeriod(new Date('2027-01-01T00:00:01Z')).toMonth).toBe('2027-01');
  });

  it('read the months asked for, the last one included', () => {
    const parsed = parsePeriod({ from: '2025-11', to: '2026-02' }, AT);
    expect(parsed.ok).toBe(true);
    expect(parsed.period.from.toISOString()).toBe('2025-11-01T00:00:00.000Z');
    expect(parsed.period.to.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(describePeriod(parsePeriod({ from: '2026-03', to: '2026-03' }, AT).period)).toBe(
      'March 2026',
    );
  });

  it('say which field is wrong and fall back to the default', () => {
    expect(parsePeriod({ from: '2026-13', to: 'soon' }, AT)).toMatchObject({
      ok: false,
      period: { fromMonth: '2026-01', toMonth: '2026-12' },
      fieldErrors: {
        from: 'Enter the first month as YYYY-MM, e.g. 2026-01.',
        to: 'Enter the last month as YYYY-MM, e.g. 2026-12.',
      },
    });
    expect(parsePeriod({ from: '2026-05', to: '2026-04' }, AT)).toMatchObject({
      ok: false,
      fieldErrors: { to: 'The last month cannot come before the first.' },
    });
    expect(parsePeriod({ from: '2023-01', to: '2025-12' }, AT).ok).toBe(true);
    expect(parsePeriod({ from: '2023-01', to: '2026-01' }, AT)).toMatchObject({
      ok: false,
      fieldErrors: { to: 'Choose at most 36 months.' },
    });
  });
});
