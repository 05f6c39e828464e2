import { randomUUID } from 'node:crypto';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { releaseToFreelancer } from '@/lib/earnings/release';
import { createTestDatabase } from '@/tests/helpers/db';
import { acceptedContract, uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { createClient } from '@/tests/helpers/invite-fixtures';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import { balanceOf } from '@/lib/ledger/queries';
import { earningsCsv } from './csv';
import { earningsBy } from './earnings';
import { parsePeriod } from './period';

/*
 * earningsBy against postings made the way the money moves (a charge, a release of part of
 * it with the fee stored for that part, a refund of the disputed rest), with no invoice
 * factory in between: the report must equal what reached the pending and fee accounts.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const period = parsePeriod(
  { from: '2026-01', to: '2026-12' },
  new Date('2026-12-02T00:00:00Z'),
).period;

type World = { workspaceId: string; freelancerId: string; contracts: string[] };
let acme: World;
let other: World;

async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  clock.set(new Date(iso));
  return fn();
}

const post = (p: Parameters<typeof postTransaction>[1]) =>
  database.db.transaction((tx) => postTransaction(tx, p));

/** A week charged, then `released` of it (the rest disputed) paid out with its stored fee. */
async function chargeAndRelease(
  contractId: string,
  freelancerId: string,
  gross: number,
  fee: number,
  released = gross,
) {
  const source = { type: 'hourly_invoice', id: randomUUID() };
  await post({
    key: randomUUID(),
    source,
    kind: 'charge',
    entries: [
      { account: accounts.clientFunding(), cents: -gross, currency: 'USD' },
      { account: accounts.inReview(contractId), cents: gross, currency: 'USD' },
    ],
  });
  await database.db.transaction((tx) =>
    releaseToFreelancer(tx, {
      key: randomUUID(),
      source,
      contractId,
      freelancerId,
      from: accounts.inReview(contractId),
      grossCents: released,
      feeCents: fee,
      currency: 'USD',
      availableAt: new Date('2027-06-01T00:00:00Z'),
    }),
  );
}

async function refund(contractId: string, cents: number) {
  await post({
    key: randomUUID(),
    source: { type: 'dispute', id: randomUUID() },
    kind: 'refund',
    entries: [
      { account: accounts.inReview(contractId), cents: -cents, currency: 'USD' },
      { account: accounts.clientFunding(), cents, currency: 'USD' },
    ],
  });
}

/** A client with two contracts with the same freelancer. */
async function world(workspaceName: string): Promise<World> {
  const client = await createClient(database.db, { workspaceName });
  const email = uniqueEmail('f');
  const hourly = undefined;
  const first = await acceptedContract(database.db, client, email, hourly, `${workspaceName} one`);
  const second = await acceptedContract(database.db, client, email, hourly, `${workspaceName} two`);
  return {
    workspaceId: client.workspaceId,
    freelancerId: first.freelancerId,
    contracts: [first.contractId, second.contractId],
  };
}

beforeAll(async () => {
  clock = useFakeClock(new Date('2026-11-02T12:00:00Z'));
  database = await createTestDatabase();
  acme = await world('=Acme, "Studio"');
  other = await world('Other Co');
  const [one, two] = acme.contracts;
  // 2026-W45 (Nov 2-8) and W46; November and December; in W46 1,000 disputed and refunded.
  await at('2026-11-03T10:00:00Z', () => chargeAndRelease(one, acme.freelancerId, 10_000, 500));
  await at('2026-11-04T10:00:00Z', () => chargeAndRelease(two, acme.freelancerId, 2_001, 100));
  await at('2026-11-10T10:00:00Z', () =>
    chargeAndRelease(one, acme.freelancerId, 3_000, 100, 2_000),
  );
  await at('2026-11-11T10:00:00Z', () => refund(one, 1_000));
  await at('2026-12-01T10:00:00Z', () => chargeAndRelease(two, acme.freelancerId, 4_000, 200));
  // Outside the period (2027) and another party's money.
  await at('2027-01-05T10:00:00Z', () => chargeAndRelease(one, acme.freelancerId, 9_999, 499));
  await at('2026-11-03T10:00:00Z', () =>
    chargeAndRelease(other.contracts[0], other.freelancerId, 7_777, 388),
  );
});

afterAll(async () => {
  clock.restore();
  await database.close();
});

describe('freelancer earnings from the ledger', () => {
  it('sums each ISO week, fee and net as posted', async () => {
    const rows = await earningsBy(database.db, acme.freelancerId, period, 'week');
    expect(rows.map((r) => [r.label, r.grossCents, r.feeCents, r.netCents])).toEqual([
      ['2026-W45', 12_001, 600, 11_401],
      ['2026-W46', 2_000, 100, 1_900],
      ['2026-W49', 4_000, 200, 3_800],
    ]);
  });

  it('sums each UTC month and agrees with the ledger balances', async () => {
    const rows = await earningsBy(database.db, acme.freelancerId, period, 'month');
    expect(rows.map((r) => [r.label, r.netCents])).toEqual([
      ['2026-11', 13_301],
      ['2026-12', 3_800],
    ]);
    const everything = {
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2028-01-01T00:00:00Z'),
    };
    const all = await earningsBy(database.db, acme.freelancerId, everything, 'month');
    const net = all.reduce((sum, r) => sum + r.netCents, 0);
    expect(net).toBe(await balanceOf(database.db, accounts.pending(acme.freelancerId)));
    const both = [
      ...all,
      ...(await earningsBy(database.db, other.freelancerId, everything, 'month')),
    ];
    expect(both.reduce((sum, r) => sum + r.feeCents, 0)).toBe(
      await balanceOf(database.db, accounts.serviceFees()),
    );
  });

  it('groups by client and never shows another freelancer’s money', async () => {
    const rows = await earningsBy(database.db, acme.freelancerId, period, 'client');
    expect(rows).toEqual([
      {
        key: acme.workspaceId,
        label: '=Acme, "Studio"',
        currency: 'USD',
        grossCents: 18_001,
        feeCents: 900,
        netCents: 17_101,
      },
    ]);
    const others = await earningsBy(database.db, other.freelancerId, period, 'client');
    expect(others.map((r) => r.label)).toEqual(['Other Co']);
  });

  it('writes CSV with quoted fields and defused formulas', async () => {
    const rows = await earningsBy(database.db, acme.freelancerId, period, 'client');
    expect(earningsCsv('client', rows)).toBe(
      '"Client","Gross","Fee","Net","Currency"\r\n' +
        `"'=Acme, ""Studio""","180.01","9.00","171.01","USD"\r\n`,
    );
  });
});
