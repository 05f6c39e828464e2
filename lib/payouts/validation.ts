import { countryName } from '@/lib/geo/countries';

/**
 * Checks on bank details that can be made without asking a bank. Each `validate*` returns
 * the normalised value or one plain-language message for the form field.
 */
export type Validated<Reason extends string> =
  { ok: true; value: string } | { ok: false; reason: Reason; message: string };

const fail = <Reason extends string>(reason: Reason, message: string) =>
  ({ ok: false, reason, message }) as const;

/** People copy numbers with spaces and dashes ("0210-0002 1"); the bank wants digits. */
export function stripSeparators(value: string): string {
  return value.replace(/[\s-]/g, '');
}

// Federal Reserve routing symbols: 01–12 banks, 21–32 thrifts, 61–72 electronic, 80 travellers' cheques.
function hasRoutingPrefix(digits: string): boolean {
  const prefix = Number(digits.slice(0, 2));
  return (
    (prefix >= 1 && prefix <= 12) ||
    (prefix >= 21 && prefix <= 32) ||
    (prefix >= 61 && prefix <= 72) ||
    prefix === 80
  );
}

/** ABA checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple of 10. */
function hasRoutingChecksum(digits: string): boolean {
  const weights = [3, 7, 1];
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * weights[i % 3], 0);
  return sum % 10 === 0;
}

export type RoutingNumberProblem = 'empty' | 'format' | 'prefix' | 'checksum';

export function validateRoutingNumber(value: string): Validated<RoutingNumberProblem> {
  if (value === '') return fail('empty', 'Enter the 9-digit routing number.');
  if (!/^\d+$/.test(value)) return fail('format', 'A routing number has digits only.');
  if (value.length !== 9) {
    return fail('format', `A routing number has exactly 9 digits; this one has ${value.length}.`);
  }
  if (!hasRoutingPrefix(value)) {
    return fail(
      'prefix',
      "That isn't a US bank routing number: they begin with 01–12, 21–32, 61–72 or 80. Check the first two digits.",
    );
  }
  if (!hasRoutingChecksum(value)) {
    return fail(
      'checksum',
      "The routing number's check digit doesn't match; compare the 9 digits with the bottom left of a check or your bank's website.",
    );
  }
  return { ok: true, value };
}

export function isValidAbaRoutingNumber(value: string): boolean {
  return validateRoutingNumber(value).ok;
}

export type AccountNumberProblem = 'empty' | 'format';

export function validateUsAccountNumber(value: string): Validated<AccountNumberProblem> {
  if (value === '') return fail('empty', 'Enter the account number.');
  if (!/^\d+$/.test(value)) return fail('format', 'An account number has digits only.');
  if (value.length < 4 || value.length > 17) {
    return fail('format', `A US account number has 4 to 17 digits; this one has ${value.length}.`);
  }
  return { ok: true, value };
}

export function isValidUsAccountNumber(value: string): boolean {
  return validateUsAccountNumber(value).ok;
}

/**
 * Length of a full IBAN per country, from the SWIFT IBAN registry. French and British
 * dependencies (Réunion, Jersey …) use FR and GB IBANs and so need no entry of their own.
 */
// prettier-ignore
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27,
  BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28,
  EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21,
  LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25,
  SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

// Kosovo has a code in banking (IBAN, BIC) but not in ISO 3166.
const BANKING_ONLY_COUNTRIES: Readonly<Record<string, string>> = { XK: 'Kosovo' };

function bankingCountryName(code: string): string | undefined {
  return countryName(code) ?? BANKING_ONLY_COUNTRIES[code];
}

export function normaliseIban(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

/** ISO 13616: move the first four characters to the end, letters to 10–35, mod 97 is 1. */
export function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = String(parseInt(char, 36));
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

export type IbanProblem = 'empty' | 'characters' | 'country' | 'length' | 'checksum';

export function validateIban(value: string): Validated<IbanProblem> {
  const iban = normaliseIban(value);
  if (iban === '') return fail('empty', 'Enter the IBAN.');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) {
    return fail(
      'characters',
      'An IBAN has only letters and digits: two letters for the country, two check digits, then the account, like DE89 3704 0044 0532 0130 00.',
    );
  }
  const country = iban.slice(0, 2);
  const expected = IBAN_LENGTHS[country];
  if (expected === undefined) {
    return fail(
      'country',
      `"${country}" is not a country that uses IBANs; check the first two letters, or choose another way to be paid.`,
    );
  }
  if (iban.length !== expected) {
    return fail(
      'length',
      `An IBAN from ${bankingCountryName(country) ?? country} has ${expected} characters; this one has ${iban.length}.`,
    );
  }
  // Check digits 00, 01 and 99 satisfy mod 97 arithmetically but are never issued.
  const checkDigits = Number(iban.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98 || ibanRemainder(iban) !== 1) {
    return fail(
      'checksum',
      "This IBAN's check digits don't match the rest; a character is probably mistyped or missing.",
    );
  }
  return { ok: true, value: iban };
}

export function normaliseBic(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

export type BicProblem = 'empty' | 'format' | 'country';

/** AAAA bank, BB country, CC location, optional DDD branch: 8 or 11 characters. */
export function validateBic(value: string): Validated<BicProblem> {
  const bic = normaliseBic(value);
  if (bic === '') return fail('empty', 'Enter the BIC (also called SWIFT code).');
  const match = /^[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.exec(bic);
  if (!match) {
    return fail(
      'format',
      'A BIC has 8 or 11 letters and digits: 4 letters for the bank, 2 for the country, then the location, like DEUTDEFF or DEUTDEFF500.',
    );
  }
  if (!bankingCountryName(match[1])) {
    return fail(
      'country',
      `Letters 5 and 6 of a BIC are the bank's country code, and "${match[1]}" isn't one; check the BIC with your bank.`,
    );
  }
  return { ok: true, value: bic };
}

export function isValidBic(value: string): boolean {
  return validateBic(value).ok;
}
