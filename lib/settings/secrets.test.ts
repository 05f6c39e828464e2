import { jest } from '@jest/globals';
import { sql } from 'drizzle-orm';
import {
  confirmPayoutChange,
  requestAddPayoutMethod,
  listPayoutMethods,
} from '@/lib/payouts/service';
import { getTaxSummary, saveTaxInfo } from '@/lib/tax/service';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  actorSignedIn,
  createFreelancer,
  tokenFromEmail,
  installTestEncryptionKey,
} from '@/tests/helpers/settings-fixtures';

/**
 * The "Must show" check: after every way bank data and tax ids enter the system (directly,
 * through a pending confirmation, and refused as invalid), neither the raw database nor
 * anything printed to the console holds one in full; only v1.… ciphertext and last fours.
 */
const ACCOUNT_NUMBER = '73915548260417';
const IBAN = 'GB82WEST12345698765432';
const IBAN_AS_TYPED = 'gb82 west 1234 5698 7654 32';
const SSN = '512-34-7789';
const FOREIGN_TAX_ID = 'PT-ZX9-44817-QR';
const BAD_ACCOUNT_NUMBER = '8813377A9911';

const SECRETS = [
  ACCOUNT_NUMBER,
  IBAN,
  IBAN.slice(4),
  IBAN_AS_TYPED,
  SSN,
  SSN.replaceAll('-', ''),
  FOREIGN_TAX_ID,
  BAD_ACCOUNT_NUMBER,
];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const printed: string[] = [];

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(
        args
          .map((a) =>
            a instanceof Error
              ? `${a.message}\n${a.stack}`
              : typeof a === 'string'
                ? a
                : JSON.stringify(a),
          )
          .join(' '),
      );
    });
  }
});
afterAll(async () => {
  jest.restoreAllMocks();
  await database.dispose();
});

/** Every row of every table (ours and pg-boss's), as JSON text. */
async function dumpDatabase(): Promise<string> {
  const tables = await database.executeSql(
    `select table_schema, table_name from information_schema.tables where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { table_schema, table_name } of tables.rows as {
    table_schema: string;
    table_name: string;
  }[]) {
    const { rows } = await database.executeSql(
      `select row_to_json(t)::text as row from "${table_schema}"."${table_name}" t`,
    );
    parts.push(...rows.map((r) => `${table_name}: ${String(r.row)}`));
  }
  return parts.join('\n');
}

it('leaves no full account number, IBAN or tax id in the database or the console output', async () => {
  const who = await createFreelancer(database.db);
  const fresh = await actorSignedIn(database.db, who, 1);
  const stale = await actorSignedIn(database.db, who, 90);
  const bank = {
    kind: 'us_bank',
    holderName: 'Alex Kim',
    routingNumber: '021000021',
    accountNumber: ACCOUNT_NUMBER,
    accountType: 'savings',
  };
  const iban = { kind: 'iban', holderName: 'Alex Kim', iban: IBAN_AS_TYPED, bic: 'NWBKGB2L' };

  expect(await requestAddPayoutMethod(database.db, fresh, bank)).toMatchObject({
    ok: true,
    status: 'applied',
  });
  expect(await requestAddPayoutMethod(database.db, stale, iban)).toMatchObject({
    ok: true,
    status: 'confirmation-sent',
  });
  const refused = await requestAddPayoutMethod(database.db, fresh, {
    ...bank,
    accountNumber: BAD_ACCOUNT_NUMBER,
  });
  expect(refused).toMatchObject({ ok: false, reason: 'invalid' });
  // The pending payload is encrypted while it waits; check it before and after it is applied.
  const pendingDump = await dumpDatabase();
  expect(
    await confirmPayoutChange(
      database.db,
      await tokenFromEmail(database.db, who.email, 'payout-confirm'),
      who.userId,
    ),
  ).toMatchObject({ ok: true });
  expect(
    await saveTaxInfo(
      database.db,
      { userId: who.userId },
      {
        kind: 'us',
        legalName: 'Alex Kim',
        businessType: 'sole_proprietor',
        tinType: 'ssn',
        tin: SSN,
        addressLine1: '1 Main St',
        city: 'Springfield',
        state: 'IL',
        zip: '62701',
        signature: 'Alex Kim',
        certify: 'on',
      },
    ),
  ).toEqual({ ok: true });
  const other = await createFreelancer(database.db);
  expect(
    await saveTaxInfo(
      database.db,
      { userId: other.userId },
      {
        kind: 'non_us',
        name: 'Sam Ortiz',
        countryOfCitizenship: 'PT',
        addressLine1: 'Rua 1',
        city: 'Porto',
        country: 'PT',
        foreignTaxId: FOREIGN_TAX_ID,
        signature: 'Sam Ortiz',
        certify: 'on',
      },
    ),
  ).toEqual({ ok: true });
  const shown = JSON.stringify([
    refused,
    await listPayoutMethods(database.db, who.userId),
    await getTaxSummary(database.db, who.userId),
    await getTaxSummary(database.db, other.userId),
  ]);

  const dump = `${pendingDump}\n${await dumpDatabase()}`;
  const output = printed.join('\n');
  for (const secret of SECRETS) {
    expect({ secret, inDatabase: dump.includes(secret) }).toEqual({ secret, inDatabase: false });
    expect({ secret, inOutput: output.includes(secret) }).toEqual({ secret, inOutput: false });
    expect({ secret, inResults: shown.includes(secret) }).toEqual({ secret, inResults: false });
  }

  // What is there instead: ciphertext in every secret column, and the last four.
  const { rows } = await database.executeSql(`
    select account_number_encrypted as v from payout_method where account_number_encrypted is not null
    union all select iban_encrypted from payout_method where iban_encrypted is not null
    union all select tax_id_encrypted from tax_profile
    union all select payload_encrypted from pending_confirmation`);
  expect(rows).toHaveLength(5);
  for (const { v } of rows)
    expect(String(v)).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  const lastFours = await database.db.execute(
    sql`select last4 from payout_method union all select tax_id_last4 from tax_profile`,
  );
  const values = (Array.isArray(lastFours) ? lastFours : (lastFours as { rows: unknown[] }).rows)
    .map((r) => (r as { last4: string }).last4)
    .sort();
  expect(values).toEqual(['0417', '17QR', '5432', '7789']);
});
