import { and, eq } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/lib/accounts/recent-sign-in';
import { decryptSecret } from '@/lib/crypto/encryption';
import { createTestDatabase } from '@/tests/helpers/db';
import { SCRIPT } from '@/tests/helpers/hostile';
import {
  addPayoutMethodNow,
  IBAN_ACCOUNT,
  latestEmail,
  PAYPAL,
  payoutRows,
  signedInFreelancer,
  US_BANK,
  installTestEncryptionKey,
} from '@/tests/helpers/settings-fixtures';
import { ibanAccountSchema, payoneerSchema, paypalSchema, usBankAccountSchema } from './schemas';
import { listPayoutMethods, requestAddPayoutMethod, SECURITY_HOLD_DAYS } from './service';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import { asSubmitted } from '@/tests/helpers/submitted';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const freshFreelancer = () => signedInFreelancer(database.db);
const add = (actor: Actor, input: Record<string, unknown>) =>
  addPayoutMethodNow(database.db, actor, input);

const fieldErrorsOf = async (actor: Actor, input: Record<string, unknown>) => {
  const result = await asSubmitted(addPayoutMethodSchema, input, (input) =>
    requestAddPayoutMethod(database.db, actor, input),
  );
  if (result.ok || result.reason !== 'invalid')
    throw new Error(`expected invalid, got ${JSON.stringify(result)}`);
  return result.fieldErrors;
};

describe('adding a payout method with a recent sign-in', () => {
  it('stores a US account encrypted with its last four, default, behind a 3-day hold', async () => {
    const { who, actor } = await freshFreelancer();
    const before = Date.now();
    const id = await add(actor, US_BANK);
    const [row] = await payoutRows(database.db, who.userId);
    expect(row).toMatchObject({
      id,
      kind: 'us_bank',
      last4: '0417',
      isDefault: true,
      routingNumber: '021000021',
      accountType: 'checking',
      removedAt: null,
    });
    expect(row.accountNumberEncrypted).toMatch(/^v1\./);
    expect(decryptSecret(row.accountNumberEncrypted!)).toBe(US_BANK.accountNumber);
    const hold = SECURITY_HOLD_DAYS * 86_400_000;
    expect(row.usableAfter.getTime()).toBeGreaterThanOrEqual(before + hold);
    expect(row.usableAfter.getTime()).toBeLessThan(Date.now() + hold + 1000);

    const notice = await latestEmail(database.db, who.email, 'payout-added');
    expect(notice.subject).toBe(
      'Security notice: a payout method was added on your Workbridge account',
    );
    expect(notice.text).toContain('US bank account (checking) ending 0417');
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, who.userId), eq(auditLog.action, 'payout.added')));
    expect(audit).toMatchObject({
      targetId: id,
      ip: '203.0.113.7',
      detail: 'US bank account (checking) ending 0417',
    });
  });

  it('normalises an IBAN typed in lower case with spaces, and a routing number with spaces and dashes', async () => {
    const { who, actor } = await freshFreelancer();
    await add(actor, { ...IBAN_ACCOUNT, iban: ' de89 3704 0044 0532 0130 00 ', bic: 'deut de ff' });
    await add(actor, {
      ...US_BANK,
      routingNumber: '0210-0002 1',
      accountNumber: '7391 5548-2604 17',
    });
    const [iban, bank] = await payoutRows(database.db, who.userId);
    expect(decryptSecret(iban.ibanEncrypted!)).toBe('DE89370400440532013000');
    expect(iban).toMatchObject({ last4: '3000', bic: 'DEUTDEFF', isDefault: true });
    expect(bank).toMatchObject({ routingNumber: '021000021', last4: '0417', isDefault: false });
  });

  it('lists methods masked: last four only, never a ciphertext', async () => {
    const { who, actor } = await freshFreelancer();
    await add(actor, US_BANK);
    await add(actor, PAYPAL);
    const list = await listPayoutMethods(database.db, who.userId);
    expect(list.map((m) => m.title)).toEqual([
      'US bank account (checking) ending 0417',
      'PayPal a•••@example.com',
    ]);
    expect(list.every((m) => !m.isUsable)).toBe(true);
    const text = JSON.stringify(list);
    expect(text).not.toContain(US_BANK.accountNumber);
    expect(text).not.toContain('v1.');
  });
});

describe('bad bank details, through the same call the action makes', () => {
  let actor: Actor;
  beforeAll(async () => ({ actor } = await freshFreelancer()));

  it.each([
    ['a failing ABA checksum', '021000022', /check digit doesn't match/],
    ['a wrong length', '02100002', /exactly 9 digits; this one has 8/],
    ['letters', '02100002A', /digits only/],
    ['a prefix no bank uses', '991000021', /begin with 01–12/],
  ])('refuses a routing number with %s', async (_case, routingNumber, message) => {
    const errors = await fieldErrorsOf(actor, { ...US_BANK, routingNumber });
    expect(errors.routingNumber).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['letters', '7391554826O417', /digits only/],
    ['too few digits', '123', /4 to 17 digits; this one has 3/],
    ['too many digits', '1'.repeat(18), /4 to 17 digits; this one has 18/],
  ])('refuses an account number with %s', async (_case, accountNumber, message) => {
    const errors = await fieldErrorsOf(actor, { ...US_BANK, accountNumber });
    expect(errors.accountNumber).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['a failing mod-97 check', 'DE89370400440532013001', /check digits don't match/],
    ['lower case and a failing check', 'de88 3704 0044 0532 0130 00', /check digits don't match/],
    [
      'the wrong length for its country',
      'DE8937040044053201300',
      /from Germany has 22 characters; this one has 21/,
    ],
    ['an unknown country', 'ZZ89370400440532013000', /not a country that uses IBANs/],
    ['punctuation', 'DE89-3704-0044-0532-0130-00', /only letters and digits/],
  ])('refuses an IBAN with %s', async (_case, iban, message) => {
    const errors = await fieldErrorsOf(actor, { ...IBAN_ACCOUNT, iban });
    expect(errors.iban).toEqual([expect.stringMatching(message)]);
  });

  it('reports every bad field at once, and stores nothing', async () => {
    const { who, actor: someone } = await freshFreelancer();
    const errors = await fieldErrorsOf(someone, {
      kind: 'us_bank',
      holderName: ' ',
      routingNumber: '123',
      accountNumber: 'abc',
    });
    expect(Object.keys(errors).sort()).toEqual([
      'accountNumber',
      'accountType',
      'holderName',
      'routingNumber',
    ]);
    expect(await payoutRows(database.db, who.userId)).toEqual([]);
  });
});

const VALID_INPUT = {
  us_bank: US_BANK,
  iban: IBAN_ACCOUNT,
  paypal: PAYPAL,
  payoneer: { ...PAYPAL, kind: 'payoneer' },
} as const;

const SCHEMAS = {
  us_bank: usBankAccountSchema,
  iban: ibanAccountSchema,
  paypal: paypalSchema,
  payoneer: payoneerSchema,
} as const;

/** Each field of each kind with script in it: kept as typed (the row's column), or refused. */
const SCRIPT_CASES: [
  kind: keyof typeof VALID_INPUT,
  field: string,
  outcome: 'stored' | 'refused',
][] = [
  ['us_bank', 'holderName', 'stored'],
  ['us_bank', 'routingNumber', 'refused'],
  ['us_bank', 'accountNumber', 'refused'],
  ['us_bank', 'accountType', 'refused'],
  ['iban', 'holderName', 'stored'],
  ['iban', 'iban', 'refused'],
  ['iban', 'bic', 'refused'],
  ['paypal', 'email', 'refused'],
  ['payoneer', 'email', 'refused'],
];

describe('script typed into the payout forms', () => {
  let someone: Actor;
  beforeAll(async () => ({ actor: someone } = await freshFreelancer()));

  it('has a case for every field of every kind', () => {
    for (const [kind, schema] of Object.entries(SCHEMAS)) {
      const fields = SCRIPT_CASES.filter(([k]) => k === kind).map(([, field]) => field);
      expect({ kind, fields: fields.sort() }).toEqual({
        kind,
        fields: Object.keys(schema.shape)
          .filter((f) => f !== 'kind')
          .sort(),
      });
    }
  });

  it.each(SCRIPT_CASES)('%s, script in %s: %s', async (kind, field, outcome) => {
    const { who, actor } = await freshFreelancer();
    const result = await asSubmitted(
      addPayoutMethodSchema,
      {
        ...VALID_INPUT[kind],
        [field]: SCRIPT,
      },
      (input) => requestAddPayoutMethod(database.db, actor, input),
    );
    const rows = await payoutRows(database.db, who.userId);
    if (outcome === 'stored') {
      expect(result).toMatchObject({ ok: true, status: 'applied' });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind, [field]: SCRIPT });
      return;
    }
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (result.ok || result.reason !== 'invalid') return;
    expect(result.fieldErrors).toEqual({ [field]: [expect.any(String)] });
    expect(JSON.stringify(result)).not.toContain(SCRIPT);
    expect(rows).toEqual([]);
  });

  it.each([
    ['with a script local part', `${SCRIPT}@example.com`],
    ['with a script domain', `alex@${SCRIPT}.com`],
    ['quoted', `"${SCRIPT}"@example.com`],
  ])('refuses a PayPal or Payoneer email %s', async (_case, email) => {
    for (const kind of ['paypal', 'payoneer'] as const) {
      const errors = await fieldErrorsOf(someone, { kind, email });
      expect(errors).toEqual({ email: ['Enter one email address, like name@example.com.'] });
    }
  });
});
