import { collectFieldErrors, type FieldErrors } from '@/lib/forms';

import {
  acceptOfferSchema,
  basicInfoSchema,
  declineOfferSchema,
  normalizePhone,
  PHONE_MESSAGE,
} from './schemas';

const BASIC_FIELDS = ['firstName', 'lastName', 'country', 'timeZone', 'phone', 'acceptTerms'];

/** Reads the fields the way the action does: formData.get, so a missing field is null. */
function parseBasicInfo(fields: Record<string, string>) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.set(key, value);
  return basicInfoSchema.safeParse(
    Object.fromEntries(BASIC_FIELDS.map((key) => [key, formData.get(key)])),
  );
}

function errorsOf(fields: Record<string, string>): FieldErrors {
  const result = parseBasicInfo(fields);
  if (result.success) throw new Error('expected the form to be rejected');
  return collectFieldErrors(result.error);
}

const valid = {
  firstName: 'Ana',
  lastName: 'García',
  country: 'ES',
  timeZone: 'Europe/Madrid',
  phone: '',
  acceptTerms: 'on',
};

describe('basicInfoSchema', () => {
  it('accepts a complete form and leaves an empty phone out', () => {
    const result = parseBasicInfo(valid);
    expect(result.success && result.data).toEqual({
      firstName: 'Ana',
      lastName: 'García',
      country: 'ES',
      timeZone: 'Europe/Madrid',
      phone: undefined,
      acceptTerms: true,
    });
  });

  it('accepts a form without a phone field at all', () => {
    const { phone: _phone, ...withoutPhone } = valid;
    const result = parseBasicInfo(withoutPhone);
    expect(result.success && result.data.phone).toBeUndefined();
  });

  it('reports every missing field at once, in plain words', () => {
    expect(errorsOf({})).toEqual({
      firstName: ['Enter your first name.'],
      lastName: ['Enter your last name.'],
      country: ['Choose the country you live in.'],
      timeZone: ['Choose your time zone.'],
      acceptTerms: ['Please accept the terms of service to continue.'],
    });
  });

  it('treats blank names as missing', () => {
    const errors = errorsOf({ ...valid, firstName: '   ', lastName: '' });
    expect(errors.firstName).toEqual(['Enter your first name.']);
    expect(errors.lastName).toEqual(['Enter your last name.']);
  });

  it.each([
    ['Zoë', 'Zoë'],
    ['  Jean-Luc  ', 'Jean-Luc'],
    ["O'Brien", "O'Brien"],
    ['O’Connor', 'O’Connor'],
    ["'t Hooft", "'t Hooft"],
    ['J. R. R.', 'J. R. R.'],
    ['Mary   Ann', 'Mary Ann'],
    ['Nguyễn', 'Nguyễn'],
    ['Zoe\u0308', 'Zoë'],
    ['Łukasz', 'Łukasz'],
    ['Αλέξανδρος', 'Αλέξανδρος'],
    ['明', '明'],
  ])('accepts the name %j', (input, stored) => {
    const result = parseBasicInfo({ ...valid, firstName: input });
    expect(result.success && result.data.firstName).toBe(stored);
  });

  it.each([
    '<script>alert(1)</script>',
    'Ann3',
    'R2-D2',
    'ann@example.com',
    'Ann_Lee',
    '...',
    "-'",
  ])('rejects the name %j with a message naming what is allowed', (input) => {
    expect(errorsOf({ ...valid, lastName: input }).lastName).toEqual([
      'Use only letters, spaces, hyphens, apostrophes and periods in your last name.',
    ]);
  });

  it('allows 50 characters in a name and not 51', () => {
    expect(parseBasicInfo({ ...valid, firstName: 'a'.repeat(50) }).success).toBe(true);
    expect(errorsOf({ ...valid, firstName: 'a'.repeat(51) }).firstName).toEqual([
      'Keep your first name to 50 characters or fewer.',
    ]);
  });

  it('accepts a lower-case country code and stores it upper case', () => {
    const result = parseBasicInfo({ ...valid, country: 'de' });
    expect(result.success && result.data.country).toBe('DE');
  });

  it.each(['UK', 'XX', 'Spain', 'E'])('rejects the country %j', (country) => {
    expect(errorsOf({ ...valid, country }).country).toEqual(['Choose your country from the list.']);
  });

  it('stores the listed name for a time zone the browser reported by an alias', () => {
    const result = parseBasicInfo({ ...valid, timeZone: 'Etc/UTC' });
    expect(result.success && result.data.timeZone).toBe('UTC');
  });

  it.each(['Mars/Base', 'GMT+2', '+01:00'])('rejects the time zone %j', (timeZone) => {
    expect(errorsOf({ ...valid, timeZone }).timeZone).toEqual([
      'Choose your time zone from the list.',
    ]);
  });

  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['  +49 30 1234567 ', '+49301234567'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+44 (0)20 7946 0958', '+442079460958'],
    ['+33.1.23.45.67.89', '+33123456789'],
  ])('stores the phone %j as %j', (phone, stored) => {
    const result = parseBasicInfo({ ...valid, phone });
    expect(result.success && result.data.phone).toBe(stored);
  });

  it.each([
    '020 7946 0958',
    '44 20 7946 0958',
    '+0 20 7946 0958',
    '+1 234 567',
    '+1234567890123456',
    '+44 20 7946 0958 ext 2',
    '++44 20 7946 0958',
    '+44 20 7946 0958+',
  ])('rejects the phone %j with an example of the right form', (phone) => {
    expect(errorsOf({ ...valid, phone }).phone).toEqual([PHONE_MESSAGE]);
  });

  it('reads a number without its country code as one of the country chosen', () => {
    expect(parseBasicInfo({ ...valid, phone: '912 345 678' })).toMatchObject({
      success: true,
      data: { phone: '+34912345678' },
    });
    expect(parseBasicInfo({ ...valid, country: 'GB', phone: '020 7946 0958' })).toMatchObject({
      success: true,
      data: { phone: '+442079460958' },
    });
  });

  it('reports a wrong phone together with the other wrong fields', () => {
    expect(errorsOf({ ...valid, firstName: '', phone: '+1 234 567' })).toEqual({
      firstName: ['Enter your first name.'],
      phone: [PHONE_MESSAGE],
    });
    // With no valid country to read it by, a national number is refused too.
    expect(errorsOf({ ...valid, country: 'XX', phone: '912 345 678' })).toEqual({
      country: ['Choose your country from the list.'],
      phone: [PHONE_MESSAGE],
    });
  });

  it.each(['on', 'true'])('accepts the terms checkbox value %j', (acceptTerms) => {
    const result = parseBasicInfo({ ...valid, acceptTerms });
    expect(result.success && result.data.acceptTerms).toBe(true);
  });

  it.each(['', 'false', 'off', 'yes'])(
    'does not count %j as accepting the terms',
    (acceptTerms) => {
      expect(errorsOf({ ...valid, acceptTerms }).acceptTerms).toEqual([
        'Please accept the terms of service to continue.',
      ]);
    },
  );
});

describe('normalizePhone', () => {
  it('counts 8 to 15 digits including the country code, as the database does', () => {
    expect(normalizePhone('+1234567')).toBeUndefined();
    // Falklands numbers are among the shortest: +500 and five digits.
    expect(normalizePhone('+500 31234')).toBe('+50031234');
    expect(normalizePhone('+1234567890123456')).toBeUndefined();
    // Niue's numbers are valid with 7 digits, which the database's check refuses.
    expect(normalizePhone('+683 4002')).toBeUndefined();
  });

  it("checks the number against its country's numbering plan, not only its length", () => {
    // 8 and 15 digits, but +1 numbers have 10 after the code and +12 is no country code.
    expect(normalizePhone('+12345678')).toBeUndefined();
    expect(normalizePhone('+123456789012345')).toBeUndefined();
    // A UK number one digit short.
    expect(normalizePhone('+44 20 7946 095')).toBeUndefined();
  });

  it('reads a number without its country code as one of the given country', () => {
    expect(normalizePhone('912 345 678', 'ES')).toBe('+34912345678');
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalizePhone('(415) 555-0100', 'US')).toBe('+14155550100');
    expect(normalizePhone('0044 20 7946 0958', 'US')).toBe('+442079460958');
    expect(normalizePhone('912 345 678')).toBeUndefined();
    expect(normalizePhone('+44 20 7946 0958', 'ES')).toBe('+442079460958');
  });
});

describe('declineOfferSchema', () => {
  it('keeps the trimmed reason', () => {
    expect(declineOfferSchema.parse({ reason: '  The rate is too low.  ' })).toEqual({
      reason: 'The rate is too low.',
    });
  });

  it.each([
    [null, 'Tell the client why you are declining the offer.'],
    ['   ', 'Tell the client why you are declining the offer.'],
    ['  no ', 'Give the client a little more detail: at least 5 characters.'],
    ['x'.repeat(1001), 'Keep the reason to 1,000 characters or fewer.'],
  ])('rejects the reason %j', (reason, message) => {
    const result = declineOfferSchema.safeParse({ reason });
    expect(result.success).toBe(false);
    expect(result.error && collectFieldErrors(result.error)).toEqual({ reason: [message] });
  });

  it('accepts exactly 5 and exactly 1,000 characters', () => {
    expect(declineOfferSchema.safeParse({ reason: 'x'.repeat(5) }).success).toBe(true);
    expect(declineOfferSchema.safeParse({ reason: 'x'.repeat(1000) }).success).toBe(true);
  });
});

describe('acceptOfferSchema', () => {
  const offerId = '3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f';
  const offerHash = 'ab'.repeat(32);

  it('accepts an offer id and a SHA-256 hex hash, stored lower case', () => {
    expect(acceptOfferSchema.parse({ offerId, offerHash: offerHash.toUpperCase() })).toEqual({
      offerId,
      offerHash,
    });
  });

  it.each([
    [{ offerId: '42', offerHash }, ['offerId']],
    [{ offerId, offerHash: 'ab'.repeat(31) }, ['offerHash']],
    [{ offerId, offerHash: 'zz'.repeat(32) }, ['offerHash']],
    [{ offerId: null, offerHash: null }, ['offerId', 'offerHash']],
  ])('rejects %j', (input, fields) => {
    const result = acceptOfferSchema.safeParse(input);
    expect(result.success).toBe(false);
    const errors = result.error ? collectFieldErrors(result.error) : {};
    expect(Object.keys(errors).sort()).toEqual([...fields].sort());
    for (const field of fields) {
      expect(errors[field]).toEqual([
        'This offer could not be loaded. Reload the page and review it again.',
      ]);
    }
  });
});
