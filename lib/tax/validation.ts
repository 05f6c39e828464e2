/**
 * Format checks for US tax details. They catch typing mistakes and numbers that are never
 * issued; whether a number belongs to the person is for the IRS TIN matching, not us.
 */
export type Validated<Reason extends string> =
  { ok: true; value: string } | { ok: false; reason: Reason; message: string };

const fail = <Reason extends string>(reason: Reason, message: string) =>
  ({ ok: false, reason, message }) as const;

/** "123-45-6789", "12-3456789" and "123 45 6789" all mean nine digits. */
export function tinDigits(value: string): string {
  return value.replace(/[\s-]/g, '');
}

export type SsnProblem = 'empty' | 'format' | 'area' | 'group' | 'serial';

export function validateSsn(value: string): Validated<SsnProblem> {
  const digits = tinDigits(value);
  if (digits === '') return fail('empty', 'Enter your Social Security number.');
  if (!/^\d{9}$/.test(digits)) {
    return fail('format', 'A Social Security number has 9 digits, like 123-45-6789.');
  }
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area.startsWith('9')) {
    return fail(
      'area',
      `Social Security numbers never begin with ${area.startsWith('9') ? '9' : area}; check the first three digits on your card.`,
    );
  }
  if (digits.slice(3, 5) === '00') {
    return fail('group', 'The middle two digits of a Social Security number are never 00.');
  }
  if (digits.slice(5) === '0000') {
    return fail('serial', 'The last four digits of a Social Security number are never 0000.');
  }
  return { ok: true, value: digits };
}

/** Prefixes the IRS assigns (irs.gov, "How EINs are assigned and valid EIN prefixes"). */
export const EIN_PREFIXES: ReadonlySet<string> = new Set(
  [
    [1, 6],
    [10, 16],
    [20, 27],
    [30, 48],
    [50, 68],
    [71, 77],
    [80, 88],
    [90, 95],
    [98, 99],
  ].flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0')),
  ),
);

export type EinProblem = 'empty' | 'format' | 'prefix';

export function validateEin(value: string): Validated<EinProblem> {
  const digits = tinDigits(value);
  if (digits === '') return fail('empty', 'Enter your Employer Identification Number (EIN).');
  if (!/^\d{9}$/.test(digits)) {
    return fail('format', 'An EIN has 9 digits, like 12-3456789.');
  }
  if (!EIN_PREFIXES.has(digits.slice(0, 2))) {
    return fail(
      'prefix',
      `The IRS does not issue EINs beginning with ${digits.slice(0, 2)}; check the first two digits on your IRS letter.`,
    );
  }
  return { ok: true, value: digits };
}

/** States, DC, the inhabited territories, and the military "states" used on APO/FPO mail. */
export const US_STATES: readonly { code: string; name: string }[] = [
  { code: 'AL', name: 'Alabama' },
  { code: 'AK', name: 'Alaska' },
  { code: 'AZ', name: 'Arizona' },
  { code: 'AR', name: 'Arkansas' },
  { code: 'CA', name: 'California' },
  { code: 'CO', name: 'Colorado' },
  { code: 'CT', name: 'Connecticut' },
  { code: 'DE', name: 'Delaware' },
  { code: 'DC', name: 'District of Columbia' },
  { code: 'FL', name: 'Florida' },
  { code: 'GA', name: 'Georgia' },
  { code: 'HI', name: 'Hawaii' },
  { code: 'ID', name: 'Idaho' },
  { code: 'IL', name: 'Illinois' },
  { code: 'IN', name: 'Indiana' },
  { code: 'IA', name: 'Iowa' },
  { code: 'KS', name: 'Kansas' },
  { code: 'KY', name: 'Kentucky' },
  { code: 'LA', name: 'Louisiana' },
  { code: 'ME', name: 'Maine' },
  { code: 'MD', name: 'Maryland' },
  { code: 'MA', name: 'Massachusetts' },
  { code: 'MI', name: 'Michigan' },
  { code: 'MN', name: 'Minnesota' },
  { code: 'MS', name: 'Mississippi' },
  { code: 'MO', name: 'Missouri' },
  { code: 'MT', name: 'Montana' },
  { code: 'NE', name: 'Nebraska' },
  { code: 'NV', name: 'Nevada' },
  { code: 'NH', name: 'New Hampshire' },
  { code: 'NJ', name: 'New Jersey' },
  { code: 'NM', name: 'New Mexico' },
  { code: 'NY', name: 'New York' },
  { code: 'NC', name: 'North Carolina' },
  { code: 'ND', name: 'North Dakota' },
  { code: 'OH', name: 'Ohio' },
  { code: 'OK', name: 'Oklahoma' },
  { code: 'OR', name: 'Oregon' },
  { code: 'PA', name: 'Pennsylvania' },
  { code: 'RI', name: 'Rhode Island' },
  { code: 'SC', name: 'South Carolina' },
  { code: 'SD', name: 'South Dakota' },
  { code: 'TN', name: 'Tennessee' },
  { code: 'TX', name: 'Texas' },
  { code: 'UT', name: 'Utah' },
  { code: 'VT', name: 'Vermont' },
  { code: 'VA', name: 'Virginia' },
  { code: 'WA', name: 'Washington' },
  { code: 'WV', name: 'West Virginia' },
  { code: 'WI', name: 'Wisconsin' },
  { code: 'WY', name: 'Wyoming' },
  { code: 'AS', name: 'American Samoa' },
  { code: 'GU', name: 'Guam' },
  { code: 'MP', name: 'Northern Mariana Islands' },
  { code: 'PR', name: 'Puerto Rico' },
  { code: 'VI', name: 'U.S. Virgin Islands' },
  { code: 'AA', name: 'Armed Forces Americas' },
  { code: 'AE', name: 'Armed Forces Europe' },
  { code: 'AP', name: 'Armed Forces Pacific' },
];

const STATE_CODES = new Set(US_STATES.map((s) => s.code));

export function isUsStateCode(code: string): boolean {
  return STATE_CODES.has(code);
}

export type ZipProblem = 'empty' | 'format';

/** ZIP or ZIP+4; returned as "12345" or "12345-6789". */
export function validateZip(value: string): Validated<ZipProblem> {
  const digits = value.replace(/[\s-]/g, '');
  if (digits === '') return fail('empty', 'Enter your ZIP code.');
  if (!/^(\d{5}|\d{9})$/.test(digits)) {
    return fail('format', 'A ZIP code has 5 digits, or 9 for ZIP+4, like 94103 or 94103-1234.');
  }
  return {
    ok: true,
    value: digits.length === 5 ? digits : `${digits.slice(0, 5)}-${digits.slice(5)}`,
  };
}

/** Case, outer spaces, doubled spaces and Unicode composition do not count. */
function comparableName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A typed signature counts when it is the legal name on the form. */
export function signatureMatches(signature: string, legalName: string): boolean {
  return (
    comparableName(signature) !== '' && comparableName(signature) === comparableName(legalName)
  );
}

export type DateOfBirthProblem = 'format' | 'date' | 'too_early' | 'future' | 'under_18';

/** Stripe (and US payout rules) ask for an adult; nobody living was born before this. */
export const EARLIEST_BIRTH_YEAR = 1900;
export const MINIMUM_AGE = 18;

/**
 * A date of birth as an `<input type="date">` sends it (YYYY-MM-DD, also what a browser
 * without a date picker is told to type): a real calendar day, not before 1900, and the
 * person at least 18 on `today` (the app clock's day, in UTC). Someone born on 29 February
 * turns 18 on 1 March in a year without one.
 */
export function validateDateOfBirth(value: string, today: Date): Validated<DateOfBirthProblem> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return fail('format', 'Enter your date of birth as year-month-day, like 1990-07-14.');
  }
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return fail('date', `There is no ${value} in the calendar; check the day and the month.`);
  }
  if (year < EARLIEST_BIRTH_YEAR) {
    return fail('too_early', `Check the year: a date of birth is ${EARLIEST_BIRTH_YEAR} or later.`);
  }
  if (date.getTime() > today.getTime()) {
    return fail('future', 'A date of birth cannot be in the future; check the year.');
  }
  const adultOn = Date.UTC(year + MINIMUM_AGE, month - 1, day);
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (adultOn > todayUtc) {
    return fail('under_18', `You must be at least ${MINIMUM_AGE} to be paid through Workbridge.`);
  }
  return { ok: true, value };
}

/** A stored YYYY-MM-DD as the day, month and year Stripe's `individual.dob` takes. */
export function dateOfBirthParts(value: string): { day: number; month: number; year: number } {
  const [year, month, day] = value.split('-').map(Number);
  return { day, month, year };
}
