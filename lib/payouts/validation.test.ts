import fc from 'fast-check';
import { getCountrySpecifications, isValidBBAN } from 'ibantools';
import {
  IBAN_LENGTHS,
  isValidAbaRoutingNumber,
  isValidBic,
  isValidUsAccountNumber,
  normaliseIban,
  stripSeparators,
  validateBic,
  validateIban,
  validateRoutingNumber,
  validateUsAccountNumber,
} from './validation';

/** Independent of the code under test: BigInt arithmetic over the whole number. */
function mod97(iban: string): bigint {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const numeric = [...rearranged]
    .map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55)))
    .join('');
  return BigInt(numeric) % 97n;
}

/** Builds a valid IBAN for a country and a BBAN by computing its check digits. */
function withCheckDigits(country: string, bban: string): string {
  const check = 98n - mod97(`${country}00${bban}`);
  return `${country}${check.toString().padStart(2, '0')}${bban}`;
}

/** A BBAN in the country's layout that also passes its national check digit, if it has one. */
function sampleBban(country: string): string {
  const layout = fc.stringMatching(
    new RegExp(getCountrySpecifications()[country].bban_regexp ?? ''),
  );
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = fc.sample(layout, 20).find((bban) => isValidBBAN(bban, country));
    if (found) return found;
  }
  throw new Error(`no BBAN found for ${country}`);
}

describe('validateRoutingNumber', () => {
  it.each(['021000021', '011000015', '121000358', '026009593', '322271627', '111000025'])(
    'accepts the published routing number %s',
    (routing) => {
      expect(validateRoutingNumber(routing)).toEqual({ ok: true, value: routing });
      expect(isValidAbaRoutingNumber(routing)).toBe(true);
    },
  );

  it('rejects any single mistyped digit, because 3, 7 and 1 all change the sum mod 10', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (position, shift) => {
          const digits = [...'021000021'];
          digits[position] = String((Number(digits[position]) + shift) % 10);
          expect(isValidAbaRoutingNumber(digits.join(''))).toBe(false);
        },
      ),
    );
  });

  it('names the problem in plain words', () => {
    expect(validateRoutingNumber('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(validateRoutingNumber('02100002A')).toMatchObject({
      reason: 'format',
      message: 'A routing number has digits only.',
    });
    expect(validateRoutingNumber('02100002')).toMatchObject({
      reason: 'format',
      message: 'A routing number has exactly 9 digits; this one has 8.',
    });
    expect(validateRoutingNumber('021000022')).toMatchObject({
      reason: 'checksum',
      message: expect.stringContaining("check digit doesn't match"),
    });
  });

  it('rejects numbers that pass the checksum but cannot be a bank: all zeros, unused prefixes', () => {
    expect(validateRoutingNumber('000000000')).toMatchObject({ reason: 'prefix' });
    // 13 is not an assigned Federal Reserve prefix; 1300000x passes the sum when x makes it 10.
    const sum = 3 * 1 + 7 * 3;
    const candidate = `13000000${(10 - (sum % 10)) % 10}`;
    expect(validateRoutingNumber(candidate)).toMatchObject({ reason: 'prefix' });
  });
});

describe('validateUsAccountNumber', () => {
  it('accepts 4 to 17 digits', () => {
    expect(isValidUsAccountNumber('1234')).toBe(true);
    expect(isValidUsAccountNumber('1'.repeat(17))).toBe(true);
    expect(isValidUsAccountNumber('123')).toBe(false);
    expect(isValidUsAccountNumber('1'.repeat(18))).toBe(false);
  });

  it('explains letters and lengths', () => {
    expect(validateUsAccountNumber('12AB56')).toMatchObject({
      message: 'An account number has digits only.',
    });
    expect(validateUsAccountNumber('123')).toMatchObject({
      message: 'A US account number has 4 to 17 digits; this one has 3.',
    });
    expect(validateUsAccountNumber('')).toMatchObject({ reason: 'empty' });
  });

  it('stripSeparators keeps only what the bank needs', () => {
    expect(stripSeparators(' 0210-0002 1 ')).toBe('021000021');
  });
});

describe('validateIban', () => {
  it.each([
    'DE89 3704 0044 0532 0130 00',
    'GB29 NWBK 6016 1331 9268 19',
    'FR14 2004 1010 0505 0001 3M02 606',
    'NL91 ABNA 0417 1643 00',
    'BE68 5390 0754 7034',
    'NO93 8601 1117 947',
    'CH93 0076 2011 6238 5295 7',
    'MT84 MALT 0110 0001 2345 MTLC AST0 01S',
    'XK05 1212 0123 4567 8906',
    'de89370400440532013000',
  ])('accepts %s and returns it without spaces, upper case', (iban) => {
    const result = validateIban(iban);
    expect(result).toEqual({ ok: true, value: normaliseIban(iban) });
    expect(normaliseIban(iban)).toMatch(/^[A-Z]{2}\d{2}[A-Z0-9]+$/);
  });

  it('agrees with plain big-number arithmetic on the check digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{20}$/), (digits) => {
        const iban = `DE${digits}`;
        const checkDigits = Number(digits.slice(0, 2));
        const issued = checkDigits >= 2 && checkDigits <= 98;
        expect(validateIban(iban).ok).toBe(issued && mod97(iban) === 1n);
      }),
    );
  });

  it('accepts a well-formed IBAN of the registered length for every country in the table', () => {
    for (const [country, length] of Object.entries(IBAN_LENGTHS)) {
      const bban = sampleBban(country);
      expect(bban).toHaveLength(length - 4);
      const iban = withCheckDigits(country, bban);
      expect(validateIban(iban)).toEqual({ ok: true, value: iban });
    }
  });

  it('refuses an account part in the wrong layout for its country, naming the country', () => {
    // British IBANs carry the bank's four letters after the check digits.
    const iban = withCheckDigits('GB', '123460161331926819');
    expect(iban).toHaveLength(22);
    expect(validateIban(iban)).toEqual({
      ok: false,
      reason: 'layout',
      message:
        "This doesn't follow the layout of an IBAN from United Kingdom: a letter stands where a digit belongs, or the other way round. Compare it with your bank statement.",
    });
  });

  it("checks a country's own check digit inside the account part", () => {
    // Belgium's last two digits are the account number mod 97: 539007547034 is valid.
    expect(validateIban(withCheckDigits('BE', '539007547034'))).toMatchObject({ ok: true });
    const wrongNational = withCheckDigits('BE', '539007547035');
    expect(validateIban(wrongNational)).toMatchObject({ ok: false, reason: 'checksum' });
  });

  it('catches any single changed character', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 21 }),
        fc.integer({ min: 1, max: 9 }),
        (position, shift) => {
          const chars = [...'DE89370400440532013000'];
          chars[position] = String((Number(chars[position]) + shift) % 10);
          expect(validateIban(chars.join(''))).toMatchObject({ ok: false, reason: 'checksum' });
        },
      ),
    );
  });

  it('holds the registry lengths people most often hit', () => {
    expect(IBAN_LENGTHS).toMatchObject({
      NO: 15,
      BE: 16,
      DE: 22,
      GB: 22,
      FR: 27,
      MT: 31,
      LC: 32,
      RU: 33,
    });
    expect(IBAN_LENGTHS).not.toHaveProperty('US');
    // Réunion and Åland accounts carry French and Finnish IBANs.
    expect(IBAN_LENGTHS).not.toHaveProperty('RE');
    expect(IBAN_LENGTHS).not.toHaveProperty('AX');
    expect(IBAN_LENGTHS).toMatchObject({ BI: 27, DJ: 27, FK: 18, HN: 28 });
    expect(Object.keys(IBAN_LENGTHS).length).toBeGreaterThanOrEqual(89);
  });

  it('gives one specific reason for each kind of mistake', () => {
    expect(validateIban('   ')).toMatchObject({ reason: 'empty', message: 'Enter the IBAN.' });
    expect(validateIban('DE89-3704-0044-0532-0130-00')).toMatchObject({ reason: 'characters' });
    expect(validateIban('8937040044053201300')).toMatchObject({ reason: 'characters' });
    expect(validateIban('US64SVBKUS6S3300958879')).toMatchObject({
      reason: 'country',
      message: expect.stringContaining('"US" is not a country that uses IBANs'),
    });
    expect(validateIban('DE89 3704 0044 0532 0130 0')).toMatchObject({
      reason: 'length',
      message: 'An IBAN from Germany has 22 characters; this one has 21.',
    });
    expect(validateIban('XK05 1212 0123 4567 890')).toMatchObject({
      message: 'An IBAN from Kosovo has 20 characters; this one has 19.',
    });
    expect(validateIban('DE88370400440532013000')).toMatchObject({ reason: 'checksum' });
  });

  it.each([
    ['00', 97],
    ['01', 98],
    ['99', 2],
  ])(
    'refuses check digits %s, which satisfy mod 97 like %i does but are never issued',
    (alias, real) => {
      const bban = findBbanWithCheckDigits(real);
      const aliased = `DE${alias}${bban}`;
      expect(mod97(aliased)).toBe(1n);
      expect(validateIban(`DE${String(real).padStart(2, '0')}${bban}`)).toMatchObject({ ok: true });
      expect(validateIban(aliased)).toMatchObject({ reason: 'checksum' });
    },
  );
});

function findBbanWithCheckDigits(check: number): string {
  for (let n = 0; n < 100_000; n++) {
    const bban = String(n).padStart(18, '0');
    if (withCheckDigits('DE', bban) === `DE${String(check).padStart(2, '0')}${bban}`) return bban;
  }
  throw new Error('no BBAN found');
}

describe('isValidBic', () => {
  it.each(['DEUTDEFF', 'DEUTDEFF500', 'NWBKGB2L', 'BNPAFRPPXXX', 'RBKOXKPR', ' deut de ff '])(
    'accepts %j',
    (bic) => expect(isValidBic(bic)).toBe(true),
  );

  it.each([
    ['DEUTDE', 'too short'],
    ['DEUTDEFF5', '9 characters'],
    ['DEUTDEFF5000', '12 characters'],
    ['DEUTZZFF', 'ZZ is not a country'],
    ['DEUT1EFF', 'digit in the country code'],
    ['1EUTDEFF', 'digit in the bank code'],
    ['DEUTDE-F', 'punctuation'],
  ])('rejects %j (%s)', (bic) => expect(isValidBic(bic)).toBe(false));

  it('says which part of the BIC is wrong', () => {
    expect(validateBic('')).toMatchObject({ reason: 'empty' });
    expect(validateBic('DEUTDEFF5')).toMatchObject({
      reason: 'format',
      message: expect.stringContaining('8 or 11'),
    });
    expect(validateBic('deutzzff')).toMatchObject({
      reason: 'country',
      message: expect.stringContaining('"ZZ" isn\'t one'),
    });
    expect(validateBic(' deut de ff 500')).toEqual({ ok: true, value: 'DEUTDEFF500' });
  });
});
