import { randomUUID } from 'node:crypto';
import { useFakeClock } from '@/lib/clock';
import { releaseToFreelancer } from '@/lib/earnings/release';
import { createTestDatabase } from '@/tests/helpers/db';
import { acceptedContract, uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { createClient } from '@/tests/helpers/invite-fixtures';
import { accounts } from './accounts';
import { postTransaction } from './post';
import { balanceOf } from './queries';
import { earningsCsv, spendingCsv } from './report-csv';
import { parsePeriod } from './report-period';
import { earningsReport, spendingReport } from './reports';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const clock = useFakeClock(new Date('2026-11-02T12:00:00Z'));
const period = parsePeriod({ from: '2026-01', to: '2026-12' }, new Date()).period;

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
  database = await createTestDatabase();
  acme = await world('=Acme, "Studio"');
  other = await world('Other Co');
  const [one, two] = acme.contracts;
  // 2026-W45 (Nov 2-8) and W46; November and December; in W46 1,000 disputed and refunded.
  await at('2026-11-03T10:00:00Z', () => chargeAndRelease(one, acme.freelancerId, 10_000, 500));
  await at('2026-11-04T10:00:00Z', () => chargeAndRelease(two, acme.freelancerId, 2_001, 100));
  await at('2026-11-10T10:00:00Z', () => chargeAndRelease(one, acme.freelancerId, 3_000, 100, 2_000));
  await at('2026-11-11T10:00:00Z', () => refund(one, 1_000));
  await at('2026-12-01T10:00:00Z', () => chargeAndRelease(two, acme.freelancerId, 4_000, 200));
  // Outside the period (2027) and another party's money.
  await at('2027-01-05T10:00:00Z', () => chargeAndRelease(one, acme.freelancerId, 9_999, 499));
  await at('2026-11-03T10:00:00Z', () =>
    chargeAndRelease(other.contracts[0], other.freelancerId, 7_777, 388),
  );
});

afterAll(() => database.close());

describe('freelancer earnings', () => {
  it('sums each ISO week, fee and net as posted', async () => {
    const rows = await earningsReport(database.db, acme.freelancerId, period, 'week');
    expect(rows.map((r) => [r.label, r.grossCents, r.feeCents, r.netCents])).toEqual([
      ['2026-W45', 12_001, 600, 11_401],
      ['2026-W46', 2_000, 100, 1_900],
      ['2026-W49', 4_000, 200, 3_800],
    ]);
  });

  it('sums each UTC month and agrees with the ledger balances', async () => {
    const rows = await earningsReport(database.db, acme.freelancerId, period, 'month');
    expect(rows.map((r) => [r.label, r.netCents])).toEqual([
      ['2026-11', 13_301],
      ['2026-12', 3_800],
    ]);
    const everything = parsePeriod({ from: '2026-01', to: '2027-12' }, new Date()).period;
    const all = await earningsReport(database.db, acme.freelancerId, everything, 'month');
    const net = all.reduce((sum, r) => sum + r.netCents, 0);
    expect(net).toBe(await balanceOf(database.db, accounts.pending(acme.freelancerId)));
    const both = [
      ...all,
      ...(await earningsReport(database.db, other.freelancerId, everything, 'month')),
    ];
    expect(both.reduce((sum, r) => sum + r.feeCents, 0)).toBe(
      await balanceOf(database.db, accounts.serviceFees()),
    );
  });

  it('groups by client and never shows another freelancer’s money', async () => {
    const rows = await earningsReport(database.db, acme.freelancerId, period, 'client');
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
    const others = await earningsReport(database.db, other.freelancerId, period, 'client');
    expect(others.map((r) => r.label)).toEqual(['Other Co']);
  });

  it('writes CSV with quoted fields and defused formulas', async () => {
    const rows = await earningsReport(database.db, acme.freelancerId, period, 'client');
    expect(earningsCsv(rows, 'client')).toBe(
      '"Client","Gross","Service fee","Net","Currency"\r\n' +
        `"'=Acme, ""Studio""","180.01","9.00","171.01","USD"\r\n`,
    );
  });
});

describe('client spending', () => {
  it('sums by contract with refunds subtracted, only the workspace’s own', async () => {
    const rows = await spendingReport(database.db, acme.workspaceId, period, 'contract');
    expect(rows.map((r) => [r.key, r.cents])).toEqual([
      [acme.contracts[0], 12_000],
      [acme.contracts[1], 6_001],
    ]);
    const others = await spendingReport(database.db, other.workspaceId, period, 'contract');
    expect(others.map((r) => [r.key, r.cents])).toEqual([[other.contracts[0], 7_777]]);
  });

  it('sums by ISO week and writes CSV', async () => {
    const rows = await spendingReport(database.db, acme.workspaceId, period, 'week');
    expect(rows.map((r) => [r.label, r.cents])).toEqual([
      ['2026-W45', 12_001],
      ['2026-W46', 2_000],
      ['2026-W49', 4_000],
    ]);
    expect(spendingCsv(rows, 'week').split('\r\n')[2]).toBe('"2026-W46","20.00","USD"');
  });
});

describe('the period', () => {
  it('defaults to the last 12 months and explains bad input', () => {
    const today = new Date('2026-12-02T00:00:00Z');
    expect(parsePeriod({}, today).period).toMatchObject({ fromMonth: '2026-01', toMonth: '2026-12' });
    const bad = parsePeriod({ from: '2026-13', to: '2025-01' }, today);
    expect(bad.fieldErrors.from).toMatch(/YYYY-MM/);
    const backwards = parsePeriod({ from: '2026-05', to: '2026-04' }, today);
    expect(backwards.fieldErrors.to).toMatch(/after/);
    expect(backwards.period.fromMonth).toBe('2026-01');
  });
});
