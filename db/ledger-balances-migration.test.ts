import { rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_DIR } from './client';
import { pgliteExtensions } from './pglite-extensions';
import { migrationsBefore } from '@/tests/helpers/migrations';

// The migration that keeps balances (ledger_balance) and gives each entry its transaction's
// effective_at fills both in for a ledger written before it, with the append-only trigger off
// for one statement: tested on postings made by the ledger_post that came before it. Found by
// its tag: the number may change when branches merge.
const TAG_SUFFIX = '_ledger_balances';

let pglite: PGlite;
let before: string;
beforeAll(async () => {
  pglite = await PGlite.create({ extensions: pgliteExtensions });
  before = migrationsBefore(TAG_SUFFIX);
  await migrate(drizzle(pglite), { migrationsFolder: before });
});
afterAll(async () => {
  await pglite.close();
  rmSync(before, { recursive: true, force: true });
});

const rows = async <T>(text: string) => (await pglite.query<T>(text)).rows;

const CONTRACT = 'contract:00000000-0000-4000-8000-00000000000c';
const PENDING = 'freelancer:00000000-0000-4000-8000-00000000000f:pending';

/** A posting through ledger_post (whichever version the migrations so far created). */
async function post(key: string, kind: string, at: string, entries: [string, number][]) {
  const json = entries.map(([account, cents]) => ({
    account,
    currency: 'USD',
    cents,
    guarded: cents < 0 && !account.startsWith('world:'),
  }));
  const [row] = await rows<{ outcome: string }>(
    `select outcome from ledger_post(gen_random_uuid(), '${key}', 'test', '${key}', '${kind}', null,
      '${at}'::timestamptz, '${JSON.stringify(json)}'::jsonb)`,
  );
  expect(row.outcome).toBe('posted');
}

it('fills in the entries’ effective_at and the kept balances, and keeps the ledger append-only', async () => {
  await post('charge-1', 'charge', '2026-01-05T12:00:00Z', [
    ['world:client_funding', -10_000],
    [`${CONTRACT}:in_review`, 10_000],
  ]);
  await post('release-1', 'release', '2026-01-10T00:00:00Z', [
    [`${CONTRACT}:in_review`, -10_000],
    ['platform:service_fees', 500],
    [PENDING, 9_500],
  ]);
  await post('charge-2', 'charge', '2026-01-12T12:00:00Z', [
    ['world:client_funding', -4_000],
    [`${CONTRACT}:in_review`, 4_000],
  ]);

  await migrate(drizzle(pglite), { migrationsFolder: MIGRATIONS_DIR });

  expect(
    await rows(`select count(*)::int as n from ledger_entry e join ledger_transaction t
      on t.id = e.transaction_id where e.effective_at is distinct from t.effective_at`),
  ).toEqual([{ n: 0 }]);
  expect(await rows(`select code, cents::int as cents from ledger_balance order by code`)).toEqual([
    { code: `${CONTRACT}:in_review`, cents: 4_000 },
    { code: PENDING, cents: 9_500 },
  ]);
  // The new ledger_post keeps them from here on.
  await post('release-2', 'release', '2026-01-17T00:00:00Z', [
    [`${CONTRACT}:in_review`, -4_000],
    ['platform:service_fees', 200],
    [PENDING, 3_800],
  ]);
  expect(await rows(`select code, cents::int as cents from ledger_balance order by code`)).toEqual([
    { code: `${CONTRACT}:in_review`, cents: 0 },
    { code: PENDING, cents: 13_300 },
  ]);
  // The trigger the backfill turned off for its one statement is on again.
  await expect(pglite.query('update ledger_entry set amount_cents = amount_cents')).rejects.toThrow(
    /append-only/,
  );
});
