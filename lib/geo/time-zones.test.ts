import { canonicalTimeZone, isTimeZone, TIME_ZONES, timeZoneLabel } from './time-zones';

describe('TIME_ZONES', () => {
  it('offers UTC first, then the runtime zones, each once', () => {
    expect(TIME_ZONES[0]).toBe('UTC');
    expect(TIME_ZONES.length).toBeGreaterThan(300);
    expect(new Set(TIME_ZONES).size).toBe(TIME_ZONES.length);
    expect(TIME_ZONES).toEqual(expect.arrayContaining(['Europe/London', 'America/New_York']));
  });

  it('lists only zones that Intl can format a date in', () => {
    const broken = TIME_ZONES.filter((timeZone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone }).format(new Date(0));
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toEqual([]);
  });
});

describe('isTimeZone', () => {
  it.each(['UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'])(
    'accepts %s',
    (tz) => {
      expect(isTimeZone(tz)).toBe(true);
    },
  );

  it.each(['Asia/Kolkata', 'Asia/Calcutta', 'Etc/UTC', 'Europe/Kyiv', 'Europe/Kiev'])(
    'accepts %s, a name a browser may report',
    (tz) => {
      expect(isTimeZone(tz)).toBe(true);
    },
  );

  it.each(['', 'Mars/Olympus_Mons', 'Europe', 'London', '+05:30', 'UTC+2', '<script>', 'Z'])(
    'rejects %j',
    (tz) => {
      expect(isTimeZone(tz)).toBe(false);
    },
  );
});

describe('canonicalTimeZone', () => {
  it('keeps a listed zone as it is', () => {
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('maps an alias to the entry the list offers', () => {
    for (const alias of ['Asia/Kolkata', 'Asia/Calcutta']) {
      const listed = canonicalTimeZone(alias);
      expect(TIME_ZONES).toContain(listed);
      expect(['Asia/Kolkata', 'Asia/Calcutta']).toContain(listed);
    }
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
    expect(canonicalTimeZone('US/Eastern')).toBe('America/New_York');
  });

  it('returns undefined for an unknown zone', () => {
    expect(canonicalTimeZone('Nowhere/Special')).toBeUndefined();
  });
});

describe('timeZoneLabel', () => {
  it('reads as words', () => {
    expect(timeZoneLabel('America/Argentina/Buenos_Aires')).toBe(
      'America / Argentina / Buenos Aires',
    );
    expect(timeZoneLabel('UTC')).toBe('UTC');
  });
});
