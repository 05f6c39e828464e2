import { jest } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { logQueryLine, QUERY_LOG_MARKER } from '@/db/client';
import {
  confirmPayoutChange,
  requestAddPayoutMethod,
  listPayoutMethods,
} from '@/lib/payouts/service';
import { getTaxSummary, saveTaxInfo } from '@/lib/tax/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import {
  actorSignedIn,
  createFreelancer,
  tokenFromEmail,
  installTestEncryptionKey,
} from '@/tests/helpers/settings-fixtures';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import { taxInfoSchema } from '@/lib/tax/schemas';
import { asSubmitted } from '@/tests/helpers/submitted';

installRequestMocks();
installTestEncryptionKey();
const { addPayoutMethodAction } = await import('@/app/(app)/settings/payout/actions');
const { saveTaxInfoAction } = await import('@/app/(app)/settings/tax/actions');
const { confirmPayoutChangeAction } = await import('@/app/(app)/settings/confirm/actions');
const { RETYPE_SECRET } = await import('@/lib/actions/define-action');

/**
 * The "Must show" check: after every way bank data and tax ids enter the system (directly,
 * through a pending confirmation, and refused as invalid; through the services and through
 * the server actions), neither the raw database nor anything printed (console, stdout,
 * stderr, with every SQL statement logged as LOG_SQL_QUERIES=1 does) holds one in full;
 * only v1.… ciphertext and last fours.
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

// Other values for the same journeys through the server actions.
const ACTION_ACCOUNT_NUMBER = '60224981130052';
const ACTION_IBAN = 'FR1420041010050500013M02606';
const ACTION_IBAN_AS_TYPED = 'fr14 2004 1010 0505 0001 3m02 606';
const ACTION_SSN = '401-52-8836';
const ACTION_FOREIGN_TAX_ID = 'ES-X7731548-L';
const ACTION_BAD_ACCOUNT_NUMBER = '5519OO42817';
const ACTION_BAD_SSN = '900-52-8836';
// The SSN an EIN filer gives beside the EIN (for Stripe), and one refused.
const ACTION_PAYOUT_SSN = '623-41-9087';
const ACTION_BAD_PAYOUT_SSN = '623-00-9087';

const ACTION_SECRETS = [
  ACTION_ACCOUNT_NUMBER,
  ACTION_IBAN,
  ACTION_IBAN.slice(4),
  ACTION_IBAN_AS_TYPED,
  ACTION_SSN,
  ACTION_SSN.replaceAll('-', ''),
  ACTION_FOREIGN_TAX_ID,
  ACTION_BAD_ACCOUNT_NUMBER,
  ACTION_BAD_SSN,
  ACTION_BAD_SSN.replaceAll('-', ''),
  ACTION_PAYOUT_SSN,
  ACTION_PAYOUT_SSN.replaceAll('-', ''),
  ACTION_BAD_PAYOUT_SSN,
  ACTION_BAD_PAYOUT_SSN.replaceAll('-', ''),
];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
/** Everything printed while the tests run: console calls and raw stdout and stderr writes. */
const printed: string[] = [];

const asText = (chunk: unknown) =>
  typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');

beforeAll(async () => {
  // Every statement's text goes to stdout as with LOG_SQL_QUERIES=1 (db/index.ts).
  database = await createTestDatabase({ onQuery: logQueryLine });
  for (const stream of [process.stdout, process.stderr]) {
    jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown) => {
      printed.push(asText(chunk));
      return true;
    }) as typeof stream.write);
  }
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

/** No secret, in full, in the database dump, the printed output or what was shown. */
function expectNowhere(secrets: string[], places: { dump: string; shown: string }) {
  const output = printed.join('\n');
  for (const secret of secrets) {
    expect({ secret, inDatabase: places.dump.includes(secret) }).toEqual({
      secret,
      inDatabase: false,
    });
    expect({ secret, inOutput: output.includes(secret) }).toEqual({ secret, inOutput: false });
    expect({ secret, inResults: places.shown.includes(secret) }).toEqual({
      secret,
      inResults: false,
    });
  }
}

/** The SQL log is really on: it printed the statements that wrote the secrets' rows. */
function expectSqlLogged(table: string) {
  const logged = printed.filter((line) => line.startsWith(QUERY_LOG_MARKER));
  expect(logged.some((line) => line.includes(`insert into \\"${table}\\"`))).toBe(true);
}

it('leaves no full account number, IBAN or tax id in the database or the output, through the services', async () => {
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

  expect(
    await asSubmitted(addPayoutMethodSchema, bank, (input) =>
      requestAddPayoutMethod(database.db, fresh, input),
    ),
  ).toMatchObject({
    ok: true,
    status: 'applied',
  });
  expect(
    await asSubmitted(addPayoutMethodSchema, iban, (input) =>
      requestAddPayoutMethod(database.db, stale, input),
    ),
  ).toMatchObject({
    ok: true,
    status: 'confirmation-sent',
  });
  const refused = await asSubmitted(
    addPayoutMethodSchema,
    {
      ...bank,
      accountNumber: BAD_ACCOUNT_NUMBER,
    },
    (input) => requestAddPayoutMethod(database.db, fresh, input),
  );
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
    await asSubmitted(
      taxInfoSchema,
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
      (input) => saveTaxInfo(database.db, { userId: who.userId }, input),
    ),
  ).toEqual({ ok: true });
  const other = await createFreelancer(database.db);
  expect(
    await asSubmitted(
      taxInfoSchema,
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
      (input) => saveTaxInfo(database.db, { userId: other.userId }, input),
    ),
  ).toEqual({ ok: true });
  const shown = JSON.stringify([
    refused,
    await listPayoutMethods(database.db, who.userId),
    await getTaxSummary(database.db, who.userId),
    await getTaxSummary(database.db, other.userId),
  ]);

  expectNowhere(SECRETS, { dump: `${pendingDump}\n${await dumpDatabase()}`, shown });
  for (const table of ['payout_method', 'pending_confirmation', 'tax_profile'])
    expectSqlLogged(table);

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

type Action = (previous: null, form: FormData) => Promise<unknown>;

/** Posts a form from a browser holding this session: the returned state, or the redirect. */
async function post(action: Action, sessionToken: string, fields: Record<string, string>) {
  startRequest(sessionToken);
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  try {
    return await action(null, form);
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT;'))
      return { redirect: digest.split(';')[2] };
    throw error;
  }
}

it('leaves no full account number, IBAN or tax id anywhere, through the server actions', async () => {
  const who = await createFreelancer(database.db);
  const fresh = await actorSignedIn(database.db, who, 1);
  const stale = await actorSignedIn(database.db, who, 90);
  const bank = {
    kind: 'us_bank',
    holderName: 'Alex Kim',
    routingNumber: '021000021',
    accountNumber: ACTION_ACCOUNT_NUMBER,
    accountType: 'checking',
  };
  const w9 = {
    kind: 'us',
    legalName: 'Alex Kim',
    businessType: 'sole_proprietor',
    tinType: 'ssn',
    tin: ACTION_SSN,
    addressLine1: '1 Main St',
    city: 'Springfield',
    state: 'IL',
    zip: '62701',
    signature: 'Alex Kim',
    certify: 'on',
  };

  const results: unknown[] = [
    await post(addPayoutMethodAction, fresh.sessionToken, bank),
    await post(addPayoutMethodAction, stale.sessionToken, {
      kind: 'iban',
      holderName: 'Alex Kim',
      iban: ACTION_IBAN_AS_TYPED,
      bic: 'BNPAFRPP',
    }),
    await post(addPayoutMethodAction, fresh.sessionToken, {
      ...bank,
      accountNumber: ACTION_BAD_ACCOUNT_NUMBER,
    }),
  ];
  const pendingDump = await dumpDatabase();
  const token = await tokenFromEmail(database.db, who.email, 'payout-confirm');
  results.push(
    await post(confirmPayoutChangeAction, fresh.sessionToken, { token }),
    await post(saveTaxInfoAction, fresh.sessionToken, { ...w9, tin: ACTION_BAD_SSN }),
    await post(saveTaxInfoAction, fresh.sessionToken, w9),
  );
  const other = await createFreelancer(database.db);
  const otherSession = await actorSignedIn(database.db, other, 1);
  results.push(
    await post(saveTaxInfoAction, otherSession.sessionToken, {
      kind: 'non_us',
      name: 'Sam Ortiz',
      countryOfCitizenship: 'ES',
      addressLine1: 'Calle Mayor 1',
      city: 'Madrid',
      country: 'ES',
      foreignTaxId: ACTION_FOREIGN_TAX_ID,
      signature: 'Sam Ortiz',
      certify: 'on',
    }),
  );
  const einFiler = await createFreelancer(database.db);
  const einSession = await actorSignedIn(database.db, einFiler, 1);
  const withEin = { ...w9, tinType: 'ein', tin: '27-1234567' };
  results.push(
    await post(saveTaxInfoAction, einSession.sessionToken, {
      ...withEin,
      payoutSsn: ACTION_BAD_PAYOUT_SSN,
    }),
    await post(saveTaxInfoAction, einSession.sessionToken, {
      ...withEin,
      payoutSsn: ACTION_PAYOUT_SSN,
    }),
  );

  expect(results).toEqual([
    { redirect: '/settings/payout?notice=added' },
    { redirect: '/settings/payout?notice=confirmation-sent' },
    // The field's own error, then RETYPE_SECRET: the emptied field is to be typed again.
    expect.objectContaining({
      ok: false,
      fieldErrors: { accountNumber: [expect.any(String), RETYPE_SECRET] },
    }),
    { redirect: '/settings/payout?notice=confirmed' },
    expect.objectContaining({
      ok: false,
      fieldErrors: { tin: [expect.any(String), RETYPE_SECRET] },
    }),
    { redirect: '/settings/tax?notice=saved' },
    { redirect: '/settings/tax?notice=saved' },
    expect.objectContaining({
      ok: false,
      // The EIN was valid, but it was emptied too: it is typed again as well.
      fieldErrors: { payoutSsn: [expect.any(String), RETYPE_SECRET], tin: [RETYPE_SECRET] },
    }),
    { redirect: '/settings/tax?notice=saved' },
  ]);
  // The refused forms come back with what was typed, except the secret fields.
  expect(results[2]).toMatchObject({
    values: { holderName: 'Alex Kim', routingNumber: '021000021' },
  });
  expect(results[4]).toMatchObject({ values: { legalName: 'Alex Kim', zip: '62701' } });

  const shown = JSON.stringify([
    results,
    await listPayoutMethods(database.db, who.userId),
    await getTaxSummary(database.db, who.userId),
    await getTaxSummary(database.db, other.userId),
    await getTaxSummary(database.db, einFiler.userId),
  ]);
  expect(await getTaxSummary(database.db, einFiler.userId)).toMatchObject({
    payoutSsnLast4: '9087',
  });
  expect(results[7]).toMatchObject({ values: { legalName: 'Alex Kim', tinType: 'ein' } });
  expect(results[7]).not.toHaveProperty('values.payoutSsn');
  expectNowhere(ACTION_SECRETS, { dump: `${pendingDump}\n${await dumpDatabase()}`, shown });
  expect((await listPayoutMethods(database.db, who.userId)).map((m) => m.last4)).toEqual([
    '0052',
    '2606',
  ]);
});
