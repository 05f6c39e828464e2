import countries from 'i18n-iso-countries/index';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

export type Country = { code: string; name: string };

// The package's main entry registers all of its ~80 languages; only English is shown.
countries.registerLocale(english);

/**
 * Where the package's first English name is the formal one ("Lao People's Democratic
 * Republic", "Moldova, Republic of"), drops accents ("Reunion") or reads ambiguously (two
 * "Congo"s), the name people look for in a list.
 */
const COMMON_NAMES: Readonly<Record<string, string>> = {
  BN: 'Brunei',
  CD: 'Congo (Democratic Republic of the)',
  CG: 'Congo',
  CI: "Côte d'Ivoire",
  CN: 'China',
  CV: 'Cabo Verde',
  CZ: 'Czechia',
  FK: 'Falkland Islands',
  FM: 'Micronesia',
  GM: 'Gambia',
  IR: 'Iran',
  LA: 'Laos',
  MD: 'Moldova',
  MK: 'North Macedonia',
  PS: 'Palestine',
  RE: 'Réunion',
  RU: 'Russia',
  SH: 'Saint Helena, Ascension and Tristan da Cunha',
  ST: 'São Tomé and Príncipe',
  SY: 'Syria',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  US: 'United States',
  VA: 'Holy See (Vatican City)',
  VG: 'Virgin Islands (British)',
  VI: 'Virgin Islands (U.S.)',
};

// Kosovo's XK is a user-assigned code that the package lists; ISO 3166-1 assigns no code.
const NOT_ASSIGNED = new Set(['XK']);

/**
 * ISO 3166-1 alpha-2, all 249 assigned codes (from i18n-iso-countries), sorted by name the
 * way a person scans a list. Names are the English short names ("South Korea", "Bolivia",
 * "and" not "&"), rather than the formal ISO spelling ("Korea, Republic of").
 */
export const COUNTRIES: Country[] = Object.keys(countries.getAlpha2Codes())
  .filter((code) => !NOT_ASSIGNED.has(code))
  .map((code) => ({ code, name: COMMON_NAMES[code] ?? countries.getName(code, 'en') ?? code }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

const NAMES_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c.name]));

/** Exactly an assigned two-letter code, upper case as stored ("DE", not "de"). */
export function isCountryCode(code: string): boolean {
  return NAMES_BY_CODE.has(code);
}

export function countryName(code: string): string | undefined {
  return NAMES_BY_CODE.get(code);
}
