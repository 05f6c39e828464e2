import { COUNTRIES, countryName, isCountryCode } from './countries';

describe('COUNTRIES', () => {
  it('holds every assigned ISO 3166-1 alpha-2 code once', () => {
    const codes = COUNTRIES.map((c) => c.code);
    expect(codes).toHaveLength(249);
    expect(new Set(codes).size).toBe(249);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('uses only codes that the platform also knows as regions', () => {
    const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const unknown = COUNTRIES.filter((c) => regions.of(c.code) === undefined);
    expect(unknown).toEqual([]);
  });

  it('is sorted by name, the way a person scans a list', () => {
    const names = COUNTRIES.map((c) => c.name);
    const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en'));
    expect(names).toEqual(sorted);
    expect(names[0]).toBe('Afghanistan');
    expect(names.indexOf('Åland Islands')).toBeLessThan(names.indexOf('Albania'));
  });

  it('gives no two countries the same name', () => {
    const names = COUNTRIES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('names the places whose ISO names are formal by their common names', () => {
    expect(countryName('LA')).toBe('Laos');
    expect(countryName('CD')).toBe('Congo (Democratic Republic of the)');
    expect(countryName('CG')).toBe('Congo');
    expect(countryName('RE')).toBe('Réunion');
    expect(countryName('AX')).toBe('Åland Islands');
  });

  it('has a plain, non-empty name for every code', () => {
    for (const { name } of COUNTRIES) {
      expect(name.trim()).toBe(name);
      expect(name).not.toMatch(/&|St\.|SAR/);
      expect(name.length).toBeGreaterThan(2);
    }
  });
});

describe('isCountryCode', () => {
  it.each(['US', 'GB', 'DE', 'IN', 'BR', 'AX', 'CW', 'SS'])('accepts %s', (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  it.each(['', 'us', 'UK', 'EU', 'XK', 'ZZ', 'USA', 'U', ' US'])('rejects %j', (code) => {
    expect(isCountryCode(code)).toBe(false);
  });
});

describe('countryName', () => {
  it('names a country from its code', () => {
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('US')).toBe('United States');
    expect(countryName('CI')).toBe("Côte d'Ivoire");
    expect(countryName('KR')).toBe('South Korea');
    expect(countryName('TR')).toBe('Türkiye');
  });

  it('returns undefined for a code that is not assigned', () => {
    expect(countryName('UK')).toBeUndefined();
    expect(countryName('gb')).toBeUndefined();
  });
});
