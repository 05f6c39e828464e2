import { useFakeClock, type FakeClock } from '@/lib/clock';
import { collectFieldErrors } from '@/lib/forms';
import { taxInfoSchema, usTaxInfoSchema } from './schemas';

function form(fields: Record<string, string>): Record<string, FormDataEntryValue> {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return Object.fromEntries(data);
}

function errorsOf(fields: Record<string, string>) {
  const result = taxInfoSchema.safeParse(form(fields));
  if (result.success) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
  return collectFieldErrors(result.error);
}

const us = {
  kind: 'us',
  legalName: ' Jane Q. Doe ',
  businessType: 'individual',
  tinType: 'ssn',
  tin: '123-45-6789',
  addressLine1: '1 Market St',
  addressLine2: '',
  city: 'San Francisco',
  state: 'ca',
  zip: '941051234',
  signature: 'jane q. doe',
  certify: 'on',
};

const nonUs = {
  kind: 'non_us',
  name: 'Ana Silva',
  countryOfCitizenship: 'pt',
  addressLine1: 'Rua Augusta 1',
  city: 'Lisboa',
  postalCode: '1100-048',
  country: 'PT',
  foreignTaxId: '123456789',
  treatyCountry: '',
  signature: 'ANA SILVA',
  certify: 'on',
};

describe('taxInfoSchema: US person (W-9)', () => {
  it('parses FormData into clean values', () => {
    expect(taxInfoSchema.parse(form(us))).toEqual({
      kind: 'us',
      legalName: 'Jane Q. Doe',
      businessType: 'individual',
      tinType: 'ssn',
      tin: '123456789',
      addressLine1: '1 Market St',
      addressLine2: undefined,
      city: 'San Francisco',
      state: 'CA',
      zip: '94105-1234',
      signature: 'jane q. doe',
      certify: true,
    });
  });

  it('checks the TIN by its type: an SSN rule for SSNs, the EIN prefixes for EINs', () => {
    expect(errorsOf({ ...us, tin: '666-12-3456' }).tin).toEqual([
      expect.stringContaining('never begin with 666'),
    ]);
    const company = { ...us, businessType: 'c_corp', tinType: 'ein' };
    expect(taxInfoSchema.parse(form({ ...company, tin: '12-3456789' }))).toMatchObject({
      tin: '123456789',
    });
    expect(errorsOf({ ...company, tin: '07-1234567' }).tin).toEqual([
      expect.stringContaining('does not issue EINs beginning with 07'),
    ]);
  });

  it('asks corporations and partnerships for an EIN and individuals for an SSN', () => {
    expect(errorsOf({ ...us, businessType: 'partnership' })).toEqual({
      tinType: ['Corporations and partnerships give their EIN, not a Social Security number.'],
    });
    expect(errorsOf({ ...us, tinType: 'ein', tin: '12-3456789' })).toEqual({
      tinType: [expect.stringContaining('As an individual, give your Social Security number')],
    });
    for (const businessType of ['sole_proprietor', 'llc', 'trust']) {
      expect(
        taxInfoSchema.safeParse(form({ ...us, businessType, tinType: 'ein', tin: '12-3456789' }))
          .success,
      ).toBe(true);
      expect(taxInfoSchema.safeParse(form({ ...us, businessType })).success).toBe(true);
    }
  });

  it('requires the signature to be the legal name', () => {
    expect(errorsOf({ ...us, signature: 'Jane Doe' })).toEqual({
      signature: ['Type your name exactly as entered above to sign: Jane Q. Doe.'],
    });
  });

  it('requires the certification box to be ticked', () => {
    const { certify: _omitted, ...unticked } = us;
    expect(errorsOf(unticked)).toEqual({
      certify: ['Tick the box to certify that the information is correct.'],
    });
    expect(errorsOf({ ...us, certify: 'false' })).toEqual({
      certify: ['Tick the box to certify that the information is correct.'],
    });
  });

  it('reports every empty field with one message each, and no signature mismatch on top', () => {
    const errors = errorsOf({ kind: 'us' });
    expect(Object.keys(errors).sort()).toEqual(
      [
        'addressLine1',
        'businessType',
        'certify',
        'city',
        'legalName',
        'signature',
        'state',
        'tin',
        'tinType',
        'zip',
      ].sort(),
    );
    for (const messages of Object.values(errors)) expect(messages).toHaveLength(1);
    expect(errors.tin).toEqual(['Enter your Social Security number or EIN.']);
    expect(errors.signature).toEqual(['Type your full legal name to sign.']);
  });

  it('rejects a state that does not exist and a malformed ZIP', () => {
    expect(errorsOf({ ...us, state: 'XX', zip: '9410' })).toEqual({
      state: ['Choose your state, or enter its two-letter code like NY or CA.'],
      zip: ['A ZIP code has 5 digits, or 9 for ZIP+4, like 94103 or 94103-1234.'],
    });
  });
});

describe('taxInfoSchema: the W-9 date of birth (optional)', () => {
  // The app clock: 4 December 2026, early morning UTC.
  let clock: FakeClock;
  beforeEach(() => {
    clock = useFakeClock(new Date('2026-12-04T06:00:00Z'));
  });
  afterEach(() => clock.restore());

  it('is optional: absent or blank means none', () => {
    expect(usTaxInfoSchema.parse(form(us)).dateOfBirth).toBeUndefined();
    expect(taxInfoSchema.parse(form({ ...us, dateOfBirth: '  ' }))).toMatchObject({
      dateOfBirth: undefined,
    });
  });

  it('keeps a real date of an adult as YYYY-MM-DD, down to an 18th birthday today', () => {
    expect(taxInfoSchema.parse(form({ ...us, dateOfBirth: '1990-07-14' }))).toMatchObject({
      dateOfBirth: '1990-07-14',
    });
    expect(taxInfoSchema.parse(form({ ...us, dateOfBirth: '2008-12-04' }))).toMatchObject({
      dateOfBirth: '2008-12-04',
    });
    expect(taxInfoSchema.parse(form({ ...us, dateOfBirth: '1900-01-01' }))).toMatchObject({
      dateOfBirth: '1900-01-01',
    });
  });

  it('refuses someone under 18 by the app clock, and follows the clock as it moves', () => {
    expect(errorsOf({ ...us, dateOfBirth: '2008-12-05' })).toEqual({
      dateOfBirth: ['You must be at least 18 to be paid through Workbridge.'],
    });
    clock.set(new Date('2026-12-05T00:00:00Z'));
    expect(taxInfoSchema.safeParse(form({ ...us, dateOfBirth: '2008-12-05' })).success).toBe(true);
  });

  it('counts a 29 February birthday as turning 18 on 1 March', () => {
    clock.set(new Date('2026-02-28T12:00:00Z'));
    expect(errorsOf({ ...us, dateOfBirth: '2008-02-29' }).dateOfBirth).toEqual([
      'You must be at least 18 to be paid through Workbridge.',
    ]);
    clock.set(new Date('2026-03-01T00:00:00Z'));
    expect(taxInfoSchema.safeParse(form({ ...us, dateOfBirth: '2008-02-29' })).success).toBe(true);
  });

  it('refuses a day that is not in the calendar, another format, before 1900, or the future', () => {
    expect(errorsOf({ ...us, dateOfBirth: '1990-02-30' })).toEqual({
      dateOfBirth: ['There is no 1990-02-30 in the calendar; check the day and the month.'],
    });
    expect(errorsOf({ ...us, dateOfBirth: '1990-13-01' }).dateOfBirth).toEqual([
      expect.stringContaining('There is no 1990-13-01'),
    ]);
    for (const typed of ['07/14/1990', '1990-7-14', 'yesterday', '19900714']) {
      expect(errorsOf({ ...us, dateOfBirth: typed })).toEqual({
        dateOfBirth: ['Enter your date of birth as year-month-day, like 1990-07-14.'],
      });
    }
    expect(errorsOf({ ...us, dateOfBirth: '1899-12-31' })).toEqual({
      dateOfBirth: ['Check the year: a date of birth is 1900 or later.'],
    });
    expect(errorsOf({ ...us, dateOfBirth: '2027-01-01' })).toEqual({
      dateOfBirth: ['A date of birth cannot be in the future; check the year.'],
    });
  });

  it('reports the date next to the other field errors, not instead of them', () => {
    expect(errorsOf({ ...us, zip: '9410', dateOfBirth: '2010-01-01' })).toEqual({
      zip: [expect.stringContaining('A ZIP code has 5 digits')],
      dateOfBirth: ['You must be at least 18 to be paid through Workbridge.'],
    });
  });
});

describe('taxInfoSchema: the W-9 payout SSN (optional, beside an EIN)', () => {
  const withEin = { ...us, businessType: 'sole_proprietor', tinType: 'ein', tin: '27-1234567' };

  it('is optional: absent or blank means none', () => {
    expect(usTaxInfoSchema.parse(form(withEin)).payoutSsn).toBeUndefined();
    expect(taxInfoSchema.parse(form({ ...withEin, payoutSsn: '   ' }))).toMatchObject({
      tinType: 'ein',
      payoutSsn: undefined,
    });
  });

  it('keeps a valid SSN beside an EIN as its nine digits', () => {
    for (const typed of ['512-34-7789', '512 34 7789', ' 512347789 ']) {
      expect(taxInfoSchema.parse(form({ ...withEin, payoutSsn: typed }))).toMatchObject({
        tin: '271234567',
        payoutSsn: '512347789',
      });
    }
  });

  it('refuses anything that is not an SSN, with the SSN rule’s message on the field', () => {
    expect(errorsOf({ ...withEin, payoutSsn: '5123477' })).toEqual({
      payoutSsn: ['A Social Security number has 9 digits, like 123-45-6789.'],
    });
    expect(errorsOf({ ...withEin, payoutSsn: '666-34-7789' })).toEqual({
      payoutSsn: [
        'Social Security numbers never begin with 666; check the first three digits on your card.',
      ],
    });
    expect(errorsOf({ ...withEin, payoutSsn: '512-00-7789' }).payoutSsn).toEqual([
      'The middle two digits of a Social Security number are never 00.',
    ]);
    // Beside the other errors, not instead of them; checked too while no TIN type is chosen.
    const { tinType: _none, ...unchosen } = withEin;
    expect(errorsOf({ ...unchosen, zip: '9410', payoutSsn: 'abc' })).toEqual({
      tinType: ['Choose whether you give a Social Security number or an EIN.'],
      zip: [expect.stringContaining('A ZIP code has 5 digits')],
      payoutSsn: ['A Social Security number has 9 digits, like 123-45-6789.'],
    });
  });

  it('is dropped, not checked, when the taxpayer id is the SSN', () => {
    for (const typed of ['512-34-7789', '123-45-6789', 'not a number']) {
      const parsed = taxInfoSchema.parse(form({ ...us, payoutSsn: typed }));
      expect(parsed).toMatchObject({ tinType: 'ssn', tin: '123456789' });
      expect(parsed.kind === 'us' && parsed.payoutSsn).toBeUndefined();
    }
  });
});

describe('taxInfoSchema: not a US person (W-8BEN)', () => {
  it('parses FormData, upper-casing country codes and dropping blank optionals', () => {
    expect(taxInfoSchema.parse(form(nonUs))).toEqual({
      kind: 'non_us',
      name: 'Ana Silva',
      countryOfCitizenship: 'PT',
      addressLine1: 'Rua Augusta 1',
      addressLine2: undefined,
      city: 'Lisboa',
      region: undefined,
      postalCode: '1100-048',
      country: 'PT',
      foreignTaxId: '123456789',
      treatyCountry: undefined,
      signature: 'ANA SILVA',
      certify: true,
    });
    expect(taxInfoSchema.parse(form({ ...nonUs, treatyCountry: 'br' }))).toMatchObject({
      treatyCountry: 'BR',
    });
  });

  it('refuses unknown country codes in each country field', () => {
    expect(
      errorsOf({ ...nonUs, countryOfCitizenship: 'XX', country: 'Portugal', treatyCountry: 'ZZ' }),
    ).toEqual({
      countryOfCitizenship: ['Choose your country of citizenship.'],
      country: ['Choose the country you live in.'],
      treatyCountry: [expect.stringContaining('Choose the treaty country from the list')],
    });
  });

  it('sends US citizens and US residents to the W-9 form', () => {
    expect(errorsOf({ ...nonUs, countryOfCitizenship: 'US', country: 'us' })).toEqual({
      countryOfCitizenship: ['US citizens fill in the US (W-9) form instead.'],
      country: [expect.stringContaining('use the US (W-9) form')],
    });
  });

  it('limits the foreign tax id to 30 characters and requires it', () => {
    expect(errorsOf({ ...nonUs, foreignTaxId: '1'.repeat(31) }).foreignTaxId).toEqual([
      expect.stringContaining('at most 30 characters'),
    ]);
    expect(taxInfoSchema.safeParse(form({ ...nonUs, foreignTaxId: '1'.repeat(30) })).success).toBe(
      true,
    );
    expect(errorsOf({ ...nonUs, foreignTaxId: '  ' }).foreignTaxId).toHaveLength(1);
  });

  it('requires the signature to be the name given', () => {
    expect(errorsOf({ ...nonUs, signature: 'Ana S.' })).toEqual({
      signature: ['Type your name exactly as entered above to sign: Ana Silva.'],
    });
  });
});

describe('taxInfoSchema: kind', () => {
  it('asks which form applies', () => {
    expect(errorsOf({ kind: 'other' })).toEqual({
      kind: [expect.stringContaining('US person (W-9)')],
    });
  });
});
