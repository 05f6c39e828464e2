import { collectFieldErrors } from '@/lib/forms';
import { addPayoutMethodSchema } from './schemas';

function form(fields: Record<string, string>): Record<string, FormDataEntryValue> {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return Object.fromEntries(data);
}

function errorsOf(fields: Record<string, string>) {
  const result = addPayoutMethodSchema.safeParse(form(fields));
  if (result.success) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
  return collectFieldErrors(result.error);
}

describe('addPayoutMethodSchema: US bank account', () => {
  const valid = {
    kind: 'us_bank',
    holderName: '  Ada Lovelace ',
    routingNumber: '0210-0002 1',
    accountNumber: ' 0001 2345-6789 ',
    accountType: 'checking',
  };

  it('parses FormData, trimming the name and reducing the numbers to digits', () => {
    expect(addPayoutMethodSchema.parse(form(valid))).toEqual({
      kind: 'us_bank',
      holderName: 'Ada Lovelace',
      routingNumber: '021000021',
      accountNumber: '000123456789',
      accountType: 'checking',
    });
  });

  it('gives exactly one plain message for each failing field', () => {
    const errors = errorsOf({
      kind: 'us_bank',
      holderName: '   ',
      routingNumber: '021000022',
      accountNumber: '12',
      accountType: 'brokerage',
    });
    expect(errors).toEqual({
      holderName: ['Enter the name on the account, as your bank shows it.'],
      routingNumber: [expect.stringContaining("check digit doesn't match")],
      accountNumber: ['A US account number has 4 to 17 digits; this one has 2.'],
      accountType: ['Choose checking or savings.'],
    });
  });

  it('asks for each missing field by name', () => {
    expect(errorsOf({ kind: 'us_bank' })).toEqual({
      holderName: ['Enter the name on the account, as your bank shows it.'],
      routingNumber: ['Enter the 9-digit routing number.'],
      accountNumber: ['Enter the account number.'],
      accountType: ['Choose checking or savings.'],
    });
  });

  it('rejects letters in the account number and names over 100 characters', () => {
    const errors = errorsOf({ ...valid, holderName: 'A'.repeat(101), accountNumber: '1234O678' });
    expect(errors.holderName).toEqual(['Keep the account holder name to 100 characters or fewer.']);
    expect(errors.accountNumber).toEqual(['An account number has digits only.']);
  });
});

describe('addPayoutMethodSchema: international bank account', () => {
  it('normalises the IBAN and the BIC', () => {
    expect(
      addPayoutMethodSchema.parse(
        form({
          kind: 'iban',
          holderName: 'Grace Hopper',
          iban: 'de89 3704 0044 0532 0130 00',
          bic: 'deutdeff',
        }),
      ),
    ).toEqual({
      kind: 'iban',
      holderName: 'Grace Hopper',
      iban: 'DE89370400440532013000',
      bic: 'DEUTDEFF',
    });
  });

  it('passes on the specific IBAN and BIC problems', () => {
    expect(
      errorsOf({
        kind: 'iban',
        holderName: 'Grace Hopper',
        iban: 'DE89 3704 0044 0532 0130 0',
        bic: 'DEUTZZFF',
      }),
    ).toEqual({
      iban: ['An IBAN from Germany has 22 characters; this one has 21.'],
      bic: [expect.stringContaining('"ZZ" isn\'t one')],
    });
    expect(errorsOf({ kind: 'iban', holderName: 'G', iban: '', bic: '' })).toEqual({
      iban: ['Enter the IBAN.'],
      bic: ['Enter the BIC (also called SWIFT code).'],
    });
  });
});

describe('addPayoutMethodSchema: PayPal and Payoneer', () => {
  it.each(['paypal', 'payoneer'])('takes a %s email, trimmed and lower-cased', (kind) => {
    expect(addPayoutMethodSchema.parse(form({ kind, email: '  Ada@Example.COM ' }))).toEqual({
      kind,
      email: 'ada@example.com',
    });
  });

  it('refuses a malformed email with one message', () => {
    expect(errorsOf({ kind: 'paypal', email: 'ada@' })).toEqual({
      email: ['Enter one email address, like name@example.com.'],
    });
  });

  it('ignores fields that belong to another kind, so they are never stored', () => {
    const parsed = addPayoutMethodSchema.parse(
      form({ kind: 'paypal', email: 'a@example.com', iban: 'X' }),
    );
    expect(parsed).not.toHaveProperty('iban');
  });
});

describe('addPayoutMethodSchema: kind', () => {
  it.each([{}, { kind: 'crypto' }])('asks which kind of method for %j', (fields) => {
    expect(errorsOf(fields as Record<string, string>)).toEqual({
      kind: [expect.stringContaining('Choose how you want to be paid')],
    });
  });
});
