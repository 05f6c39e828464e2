import { randomBytes } from 'node:crypto';
import { eq, getTableColumns, getTableName, isTable } from 'drizzle-orm';
import * as schema from '@/db/schema';
import { payoutMethods, pendingConfirmations, taxProfiles } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { requestAddPayoutMethod } from '@/lib/payouts/service';
import { saveTaxInfo } from '@/lib/tax/service';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  actorSignedIn,
  createFreelancer,
  IBAN_ACCOUNT,
  US_BANK,
} from '@/tests/helpers/settings-fixtures';
import { decryptSecret, encryptSecret, keyIdOf } from './encryption';
import { ENCRYPTED_COLUMNS, reencryptStoredSecrets } from './reencrypt';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import { taxInfoSchema } from '@/lib/tax/schemas';
import { asSubmitted } from '@/tests/helpers/submitted';

const OLD_KEY = randomBytes(32).toString('base64');
const NEW_KEY = randomBytes(32).toString('base64');
const OLD_ID = keyIdOf(Buffer.from(OLD_KEY, 'base64'));
const NEW_ID = keyIdOf(Buffer.from(NEW_KEY, 'base64'));

const env = process.env as Record<string, string | undefined>;
const saved = { key: env.DATA_ENCRYPTION_KEY, old: env.DATA_ENCRYPTION_OLD_KEYS };

function useKeys(current: string, old: string[] = []) {
  env.DATA_ENCRYPTION_KEY = current;
  env.DATA_ENCRYPTION_OLD_KEYS = old.join(',');
  resetEnvCache();
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
  for (const [name, value] of [
    ['DATA_ENCRYPTION_KEY', saved.key],
    ['DATA_ENCRYPTION_OLD_KEYS', saved.old],
  ] as const) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  resetEnvCache();
});

const W9 = {
  kind: 'us',
  legalName: 'Alex Kim',
  businessType: 'sole_proprietor',
  tinType: 'ein',
  tin: '27-1234567',
  addressLine1: '1 Main Street',
  city: 'Springfield',
  state: 'IL',
  zip: '62701',
  dateOfBirth: '1990-07-14',
  payoutSsn: '512-34-7789',
  signature: 'Alex Kim',
  certify: 'on',
};

/**
 * One of each secret: two payout numbers, a tax id (an EIN), a date of birth and the SSN
 * given beside the EIN, and a pending (unconfirmed) payload.
 */
async function storeOneOfEach(): Promise<void> {
  const who = await createFreelancer(database.db);
  const fresh = await actorSignedIn(database.db, who, 1);
  const stale = await actorSignedIn(database.db, who, 90);
  for (const [actor, input] of [
    [fresh, US_BANK],
    [fresh, IBAN_ACCOUNT],
    [stale, US_BANK],
  ] as const) {
    expect(
      await asSubmitted(addPayoutMethodSchema, input, (input) =>
        requestAddPayoutMethod(database.db, actor, input),
      ),
    ).toMatchObject({ ok: true });
  }
  expect(
    await asSubmitted(taxInfoSchema, W9, (input) =>
      saveTaxInfo(database.db, { userId: who.userId }, input),
    ),
  ).toEqual({ ok: true });
}

type Rows = Record<string, Record<string, unknown>[]>;

/** Every row of the three tables that hold secrets, in a stable order. */
async function readTables(): Promise<Rows> {
  return {
    payout_method: await database.db.select().from(payoutMethods).orderBy(payoutMethods.id),
    tax_profile: await database.db.select().from(taxProfiles).orderBy(taxProfiles.userId),
    pending_confirmation: await database.db
      .select()
      .from(pendingConfirmations)
      .orderBy(pendingConfirmations.id),
  };
}

const FIELDS: Record<string, [table: string, field: string]> = {
  'payout_method.account_number_encrypted': ['payout_method', 'accountNumberEncrypted'],
  'payout_method.iban_encrypted': ['payout_method', 'ibanEncrypted'],
  'tax_profile.tax_id_encrypted': ['tax_profile', 'taxIdEncrypted'],
  'tax_profile.date_of_birth_encrypted': ['tax_profile', 'dateOfBirthEncrypted'],
  'tax_profile.payout_ssn_encrypted': ['tax_profile', 'payoutSsnEncrypted'],
  'pending_confirmation.payload_encrypted': ['pending_confirmation', 'payloadEncrypted'],
};

/** The stored secrets of every column, e.g. { 'payout_method.iban_encrypted': ['v1.…'] }. */
function secretsOf(rows: Rows): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(FIELDS).map(([name, [table, field]]) => [
      name,
      rows[table].map((row) => row[field]).filter((v): v is string => typeof v === 'string'),
    ]),
  );
}

const keyIdIn = (stored: string) => stored.split('.')[1];

describe('reencryptStoredSecrets', () => {
  it('covers every encrypted column of the schema', () => {
    const inSchema = Object.values(schema)
      .filter((table) => isTable(table))
      .flatMap((table) =>
        Object.values(getTableColumns(table))
          .filter((column) => column.name.endsWith('_encrypted'))
          .map((column) => `${getTableName(table)}.${column.name}`),
      );
    expect(inSchema.sort()).toEqual(Object.keys(FIELDS).sort());
    expect(ENCRYPTED_COLUMNS.map((c) => c.name).sort()).toEqual(inSchema);
  });

  it('moves every secret under an old key to the current key, and leaves the rest alone', async () => {
    useKeys(OLD_KEY);
    for (let i = 0; i < 3; i++) await storeOneOfEach();
    useKeys(NEW_KEY, [OLD_KEY]);
    await storeOneOfEach();
    const before = await readTables();
    const beforeSecrets = secretsOf(before);
    const plain = (values: string[]) => values.map((v) => decryptSecret(v));
    const plainBefore = Object.fromEntries(
      Object.entries(beforeSecrets).map(([name, values]) => [name, plain(values)]),
    );

    // Batches of 2: the three old values of each column take two batches.
    const counts = await reencryptStoredSecrets(database.db, { batchSize: 2 });
    expect(counts).toEqual({
      'payout_method.account_number_encrypted': 3,
      'payout_method.iban_encrypted': 3,
      'tax_profile.tax_id_encrypted': 3,
      'tax_profile.date_of_birth_encrypted': 3,
      'tax_profile.payout_ssn_encrypted': 3,
      'pending_confirmation.payload_encrypted': 3,
    });

    const after = await readTables();
    const afterSecrets = secretsOf(after);
    for (const name of Object.keys(FIELDS)) {
      expect(afterSecrets[name].map(keyIdIn)).toEqual(afterSecrets[name].map(() => NEW_ID));
      expect(plain(afterSecrets[name])).toEqual(plainBefore[name]);
      beforeSecrets[name].forEach((value, i) => {
        if (keyIdIn(value) === NEW_ID) expect(afterSecrets[name][i]).toBe(value);
        else expect(afterSecrets[name][i]).not.toBe(value);
      });
    }
    // Nothing but the secret columns changed.
    const withoutSecrets = (rows: Rows) =>
      Object.fromEntries(
        Object.entries(rows).map(([table, list]) => [
          table,
          list.map((row) =>
            Object.fromEntries(
              Object.entries(row).filter(
                ([field]) => !Object.values(FIELDS).some(([, f]) => f === field),
              ),
            ),
          ),
        ]),
      );
    expect(withoutSecrets(after)).toEqual(withoutSecrets(before));

    // A second run has nothing to do and changes nothing.
    expect(Object.values(await reencryptStoredSecrets(database.db))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await readTables()).toEqual(after);

    // The old key can now be retired: everything still reads without it.
    useKeys(NEW_KEY);
    for (const name of Object.keys(FIELDS))
      expect(plain(afterSecrets[name])).toEqual(plainBefore[name]);
  });

  it('stops on a value under a key it does not have, naming the row but not the value', async () => {
    useKeys(OLD_KEY);
    const who = await createFreelancer(database.db);
    const fresh = await actorSignedIn(database.db, who, 1);
    expect(
      await asSubmitted(taxInfoSchema, W9, (input) =>
        saveTaxInfo(database.db, { userId: who.userId }, input),
      ),
    ).toEqual({ ok: true });
    expect(
      await asSubmitted(addPayoutMethodSchema, US_BANK, (input) =>
        requestAddPayoutMethod(database.db, fresh, input),
      ),
    ).toMatchObject({ ok: true });
    useKeys(NEW_KEY);
    const error = await reencryptStoredSecrets(database.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('payout_method.account_number_encrypted, row ');
    expect(message).toContain(`key ${OLD_ID}, which is not configured`);
    expect(message).not.toMatch(/73915548260417|v1\./);
    const [row] = await database.db
      .select()
      .from(taxProfiles)
      .where(eq(taxProfiles.userId, who.userId));
    expect(keyIdIn(row.taxIdEncrypted)).toBe(OLD_ID);
    useKeys(NEW_KEY, [OLD_KEY]);
    expect(decryptSecret(row.taxIdEncrypted)).toBe('271234567');
  });
});

describe('the encrypted columns', () => {
  it('refuse a value that is not ciphertext, in the database itself', async () => {
    useKeys(NEW_KEY);
    const who = await createFreelancer(database.db);
    const sealed = encryptSecret('x');
    const insertMethod = (values: Partial<typeof payoutMethods.$inferInsert>) =>
      database.db.insert(payoutMethods).values({
        userId: who.userId,
        kind: 'iban',
        ibanEncrypted: sealed,
        last4: '3000',
        usableAfter: new Date(),
        ...values,
      });
    const insertTax = (
      taxIdEncrypted: string,
      dateOfBirthEncrypted: string | null = null,
      payoutSsnEncrypted: string | null = null,
    ) =>
      database.db.insert(taxProfiles).values({
        userId: who.userId,
        kind: 'us',
        legalName: 'Alex Kim',
        tinType: payoutSsnEncrypted ? 'ein' : 'ssn',
        taxIdEncrypted,
        taxIdLast4: '7789',
        dateOfBirthEncrypted,
        payoutSsnEncrypted,
        payoutSsnLast4: payoutSsnEncrypted ? '7789' : null,
        addressLine1: '1 Main Street',
        city: 'Springfield',
        country: 'US',
        signatureName: 'Alex Kim',
        signedAt: new Date(),
      });
    const insertPending = (payloadEncrypted: string) =>
      database.db.insert(pendingConfirmations).values({
        userId: who.userId,
        action: 'payout.add',
        payloadEncrypted,
        tokenHash: randomBytes(16).toString('hex'),
        expiresAt: new Date(),
      });
    const refusedBy = async (write: Promise<unknown>, constraint: string) => {
      const error = (await write.then(
        () => null,
        (e: unknown) => e,
      )) as { cause?: { code?: string; constraint_name?: string; constraint?: string } } | null;
      expect(error).not.toBeNull();
      expect(error?.cause?.code).toBe('23514');
      expect(error?.cause?.constraint_name ?? error?.cause?.constraint).toBe(constraint);
    };

    await refusedBy(
      insertMethod({ ibanEncrypted: 'DE89370400440532013000' }),
      'payout_method_no_plain_iban',
    );
    await refusedBy(
      insertMethod({
        kind: 'us_bank',
        ibanEncrypted: null,
        accountNumberEncrypted: '73915548260417',
        routingNumber: '021000021',
        accountType: 'checking',
      }),
      'payout_method_no_plain_numbers',
    );
    await refusedBy(insertTax('512347789'), 'tax_profile_encrypted');
    await refusedBy(insertTax(sealed, '1990-07-14'), 'tax_profile_no_plain_date_of_birth');
    await refusedBy(insertTax(sealed, null, '512347789'), 'tax_profile_no_plain_payout_ssn');
    await refusedBy(
      insertPending('{"iban":"DE89370400440532013000"}'),
      'pending_confirmation_encrypted',
    );
    // The same rows with ciphertext go in.
    await insertMethod({});
    await insertTax(sealed, sealed, sealed);
    await insertPending(sealed);
  });
});
