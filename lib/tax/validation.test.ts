import {
  EIN_PREFIXES,
  isUsStateCode,
  signatureMatches,
  US_STATES,
  validateEin,
  validateSsn,
  validateZip,
} from './validation';

describe('validateSsn', () => {
  it.each(['123-45-6789', '123 45 6789', '123456789', '665-01-0001', '899-99-9999'])(
    'accepts %j as nine digits',
    (ssn) => {
      expect(validateSsn(ssn)).toEqual({ ok: true, value: ssn.replace(/\D/g, '') });
    },
  );

  it.each([
    ['', 'empty'],
    ['12345678', 'format'],
    ['1234567890', 'format'],
    ['123-45-678O', 'format'],
    ['000-12-3456', 'area'],
    ['666-12-3456', 'area'],
    ['900-12-3456', 'area'],
    ['987-65-4321', 'area'],
    ['123-00-4567', 'group'],
    ['123-45-0000', 'serial'],
  ])('rejects %j (%s)', (ssn, reason) => {
    expect(validateSsn(ssn)).toMatchObject({ ok: false, reason });
  });

  it('says which digits are impossible', () => {
    expect(validateSsn('666-12-3456')).toMatchObject({
      message:
        'Social Security numbers never begin with 666; check the first three digits on your card.',
    });
    expect(validateSsn('912-34-5678')).toMatchObject({
      message: expect.stringContaining('never begin with 9'),
    });
    expect(validateSsn('123-00-4567')).toMatchObject({
      message: expect.stringContaining('middle two digits'),
    });
  });
});

describe('validateEin', () => {
  it('knows the 83 prefixes the IRS assigns and none of the 17 it does not', () => {
    const unassigned = [
      '00',
      '07',
      '08',
      '09',
      '17',
      '18',
      '19',
      '28',
      '29',
      '49',
      '69',
      '70',
      '78',
      '79',
      '89',
      '96',
      '97',
    ];
    expect(EIN_PREFIXES.size).toBe(83);
    for (const prefix of unassigned) {
      expect(EIN_PREFIXES.has(prefix)).toBe(false);
      expect(validateEin(`${prefix}-1234567`)).toMatchObject({ ok: false, reason: 'prefix' });
    }
    for (let n = 0; n < 100; n++) {
      const prefix = String(n).padStart(2, '0');
      expect(validateEin(`${prefix}-1234567`).ok).toBe(!unassigned.includes(prefix));
    }
  });

  it('accepts the usual ways of writing an EIN and returns nine digits', () => {
    expect(validateEin('12-3456789')).toEqual({ ok: true, value: '123456789' });
    expect(validateEin(' 12 3456789 ')).toEqual({ ok: true, value: '123456789' });
  });

  it('explains the problem', () => {
    expect(validateEin('')).toMatchObject({ reason: 'empty' });
    expect(validateEin('12-345678')).toMatchObject({
      message: 'An EIN has 9 digits, like 12-3456789.',
    });
    expect(validateEin('07-1234567')).toMatchObject({
      message:
        'The IRS does not issue EINs beginning with 07; check the first two digits on your IRS letter.',
    });
  });
});

describe('US states', () => {
  it('lists the 50 states, DC, 5 territories and 3 military codes, each once', () => {
    expect(US_STATES).toHaveLength(59);
    expect(new Set(US_STATES.map((s) => s.code)).size).toBe(59);
    for (const { code } of US_STATES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('knows codes exactly as written', () => {
    expect(isUsStateCode('NY')).toBe(true);
    expect(isUsStateCode('PR')).toBe(true);
    expect(isUsStateCode('ny')).toBe(false);
    expect(isUsStateCode('XX')).toBe(false);
  });
});

describe('validateZip', () => {
  it.each([
    ['94103', '94103'],
    ['94103-1234', '94103-1234'],
    ['941031234', '94103-1234'],
    [' 94103 ', '94103'],
  ])('accepts %j as %j', (zip, value) => {
    expect(validateZip(zip)).toEqual({ ok: true, value });
  });

  it.each(['9410', '941031', '94103-12', 'SW1A 1AA', ''])('rejects %j', (zip) => {
    expect(validateZip(zip).ok).toBe(false);
  });
});

describe('signatureMatches', () => {
  it('ignores case, outer spaces and doubled spaces', () => {
    expect(signatureMatches('  jane  q. DOE ', 'Jane Q. Doe')).toBe(true);
  });

  it('treats composed and decomposed accents alike', () => {
    expect(signatureMatches('Jose\u0301 Nun\u0303ez', 'Jos\u00e9 Nu\u00f1ez')).toBe(true);
  });

  it('refuses another name, initials, or nothing', () => {
    expect(signatureMatches('Jane Doe', 'Jane Q. Doe')).toBe(false);
    expect(signatureMatches('J. Doe', 'Jane Doe')).toBe(false);
    expect(signatureMatches('   ', '   ')).toBe(false);
  });
});
