import {
  getCountrySpecifications,
  type CountrySpec,
  validateBIC,
  validateIBAN,
  ValidationErrorsBIC,
  ValidationErrorsIBAN,
} from 'ibantools';
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

// The SWIFT IBAN registry lists these; ibantools 4.5 knows their format but does not yet
// flag them as registry members.
const REGISTRY_MEMBERS_NOT_FLAGGED = new Set(['BI', 'DJ', 'FK', 'HN']);

// ibantools flags these territories as registry members, but the registry says their
// accounts carry the IBAN of France (or Finland, for Åland): an "RE76…" is never issued.
const USE_ANOTHER_COUNTRYS_IBAN = new Set([
  'AX',
  'GF',
  'GP',
  'MF',
  'MQ',
  'NC',
  'PF',
  'PM',
  'RE',
  'TF',
  'WF',
  'YT',
]);

function isIbanCountry(country: string, spec: CountrySpec): boolean {
  if (USE_ANOTHER_COUNTRYS_IBAN.has(country)) return false;
  return spec.IBANRegistry || REGISTRY_MEMBERS_NOT_FLAGGED.has(country);
}

/**
 * Length of a full IBAN per country of the SWIFT IBAN registry, from ibantools. The
 * experimental formats ibantools also knows (Angola, Senegal …) are left out: no bank
 * issues them, so a payout to one would fail later instead of at the form.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(getCountrySpecifications()).flatMap(([country, spec]) =>
    spec.chars && isIbanCountry(country, spec) ? [[country, spec.chars]] : [],
  ),
);

// Kosovo has a code in banking (IBAN, BIC) but not in ISO 3166.
const BANKING_ONLY_COUNTRIES: Readonly<Record<string, string>> = { XK: 'Kosovo' };

function bankingCountryName(code: string): string | undefined {
  return countryName(code) ?? BANKING_ONLY_COUNTRIES[code];
}

export function normaliseIban(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

export type IbanProblem = 'empty' | 'characters' | 'country' | 'length' | 'layout' | 'checksum';

/**
 * ibantools checks the layout of the account part per country, the ISO 13616 check digits
 * (refusing 00, 01 and 99, which satisfy mod 97 but are never issued) and, where a country
 * has one, the national check digit of the account. The steps before it give each mistake
 * its own message.
 */
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
  const countryLabel = bankingCountryName(country) ?? country;
  if (iban.length !== expected) {
    return fail(
      'length',
      `An IBAN from ${countryLabel} has ${expected} characters; this one has ${iban.length}.`,
    );
  }
  const { errorCodes } = validateIBAN(iban);
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)) {
    return fail(
      'layout',
      `This doesn't follow the layout of an IBAN from ${countryLabel}: a letter stands where a digit belongs, or the other way round. Compare it with your bank statement.`,
    );
  }
  if (errorCodes.length > 0) {
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

const BIC_FORMAT_MESSAGE =
  'A BIC has 8 or 11 letters and digits: 4 letters for the bank, 2 for the country, then the location, like DEUTDEFF or DEUTDEFF500.';

/** AAAA bank, BB country, CC location, optional DDD branch: 8 or 11 characters. */
export function validateBic(value: string): Validated<BicProblem> {
  const bic = normaliseBic(value);
  if (bic === '') return fail('empty', 'Enter the BIC (also called SWIFT code).');
  // ibantools looks at the country before the shape; a BIC of the wrong length is a
  // format mistake first, whatever its letters 5 and 6 are.
  if (bic.length !== 8 && bic.length !== 11) return fail('format', BIC_FORMAT_MESSAGE);
  const { errorCodes } = validateBIC(bic);
  if (errorCodes.includes(ValidationErrorsBIC.NoBICCountry)) {
    return fail(
      'country',
      `Letters 5 and 6 of a BIC are the bank's country code, and "${bic.slice(4, 6)}" isn't one; check the BIC with your bank.`,
    );
  }
  if (errorCodes.length > 0) return fail('format', BIC_FORMAT_MESSAGE);
  return { ok: true, value: bic };
}

export function isValidBic(value: string): boolean {
  return validateBic(value).ok;
}
