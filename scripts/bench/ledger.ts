import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { migrateDatabase, openDatabase, type Database } from '@/db/client';
import { accounts, type AccountCode } from '@/lib/ledger/accounts';
import { findLedgerProblems } from '@/lib/ledger/check';
import { isLedgerError } from '@/lib/ledger/errors';
import { postTransaction, type Posting } from '@/lib/ledger/post';
import { balanceOf } from '@/lib/ledger/queries';

/*
 * Ledger posting, in process and without a Next build, on PGlite and on the Postgres server:
 * - postTransaction: POSTINGS balanced transactions one after another (a charge into a
 *   contract's review account, then the release of that money to a freelancer, which takes
 *   the account lock and checks the balance), per second; beside it, on the same driver in
 *   the same run, a raw transaction inserting two rows (target: ≥ 40% of the raw rate);
 * - hot accounts (server only): HOT_POSTERS concurrent posters moving money between two
 *   accounts and out of both at once; it must end without a deadlock and with the balances
 *   equal to what the committed postings say (no lost update).
 */
const POSTINGS = Number(process.env.BENCH_LEDGER_POSTINGS ?? 2_000);
const HOT_POSTERS = 20;
const HOT_ROUNDS = 25;
const CONTRACTS = 50;
export const LEDGER_TARGET_RATIO = 0.4;

export type LedgerRow = { database: string; postedPerSecond: number; rawPerSecond: number };
export type HotRow = {
  perSecond: number;
  committed: number;
  refused: number;
  deadlocks: number;
  lostCents: number;
  problems: number;
};

const seconds = (startedAt: number) => (performance.now() - startedAt) / 1000;

function moveOf(from: AccountCode, to: AccountCode, cents: number, kind: Posting['kind']) {
  return {
    key: randomUUID(),
    source: { type: 'bench', id: randomUUID() },
    kind,
    entries: [
      { account: from, cents: -cents, currency: 'USD' },
      { account: to, cents, currency: 'USD' },
    ],
  } satisfies Posting;
}

async function measurePosting(database: Database): Promise<LedgerRow['postedPerSecond']> {
  const contracts = Array.from({ length: CONTRACTS }, () => randomUUID());
  const freelancer = randomUUID();
  const startedAt = performance.now();
  for (let i = 0; i < POSTINGS; i++) {
    const inReview = accounts.inReview(contracts[Math.floor(i / 2) % CONTRACTS]);
    const posting =
      i % 2 === 0
        ? moveOf(accounts.clientFunding(), inReview, 10_000, 'charge')
        : moveOf(inReview, accounts.pending(freelancer), 10_000, 'release');
    await database.db.transaction((tx) => postTransaction(tx, posting));
  }
  return POSTINGS / seconds(startedAt);
}

async function measureRaw(database: Database): Promise<number> {
  await database.executeSql(
    'create table if not exists bench_raw_entry (id bigint generated always as identity primary key, account text not null, amount_cents bigint not null)',
    [],
  );
  const startedAt = performance.now();
  for (let i = 0; i < POSTINGS; i++) {
    const account = `raw-${i % CONTRACTS}`;
    await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`insert into bench_raw_entry (account, amount_cents) values (${account}, ${-10_000}), (${account}, ${10_000})`,
      );
    });
  }
  return POSTINGS / seconds(startedAt);
}

async function measureHotAccounts(url: string): Promise<HotRow> {
  const database = await openDatabase({ url, max: HOT_POSTERS + 2 });
  try {
    const a = accounts.available(randomUUID());
    const b = accounts.available(randomUUID());
    for (const account of [a, b]) {
      await database.db.transaction((tx) =>
        postTransaction(tx, moveOf(accounts.clientFunding(), account, 1_000_000, 'charge')),
      );
    }
    const expected = { a: 1_000_000, b: 1_000_000 };
    const counts = { committed: 0, refused: 0, deadlocks: 0 };
    const poster = async (n: number) => {
      for (let i = 0; i < HOT_ROUNDS; i++) {
        const cents = 1 + ((n * 7_919 + i * 104_729) % 20_000);
        const kind = (n + i) % 3;
        const posting =
          kind === 0
            ? moveOf(a, b, cents, 'release')
            : kind === 1
              ? moveOf(b, a, cents, 'release')
              : {
                  ...moveOf(a, b, cents, 'withdrawal'),
                  entries: [
                    { account: a, cents: -cents, currency: 'USD' },
                    { account: b, cents: -cents, currency: 'USD' },
                    { account: accounts.payouts(), cents: 2 * cents, currency: 'USD' },
                  ],
                };
        try {
          await database.db.transaction((tx) => postTransaction(tx, posting));
        } catch (error) {
          const cause = (error as { cause?: { code?: string } }).cause;
          if (isLedgerError(error, 'overdraft')) counts.refused++;
          else if (cause?.code === '40P01') counts.deadlocks++;
          else throw error;
          continue;
        }
        counts.committed++;
        expected.a += kind === 1 ? cents : -cents;
        expected.b += kind === 0 ? cents : -cents;
      }
    };
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: HOT_POSTERS }, (_, n) => poster(n)));
    const elapsed = seconds(startedAt);
    const lostCents =
      Math.abs((await balanceOf(database.db, a)) - expected.a) +
      Math.abs((await balanceOf(database.db, b)) - expected.b);
    const problems = (await findLedgerProblems(database.db)).length;
    return { perSecond: counts.committed / elapsed, ...counts, lostCents, problems };
  } finally {
    await database.close();
  }
}

async function benchDatabase(name: string, database: Database): Promise<LedgerRow> {
  try {
    await migrateDatabase(database);
    // Warm both paths (statement caches, the first accounts) before timing them.
    await measureRaw(database);
    const rawPerSecond = await measureRaw(database);
    const postedPerSecond = await measurePosting(database);
    return { database: name, postedPerSecond, rawPerSecond };
  } finally {
    await database.close();
  }
}

export async function runLedgerBench(
  serverUrl: string,
): Promise<{ rows: LedgerRow[]; hot?: HotRow }> {
  const dir = path.resolve('.data/bench/ledger-pglite');
  rmSync(dir, { recursive: true, force: true });
  const rows = [await benchDatabase('PGlite', await openDatabase({ dataDir: dir }))];
  const admin = postgres(serverUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  const name = `wb_bench_ledger_${Date.now()}`;
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch {
    console.log(`No Postgres server at ${serverUrl}: the ledger measured on PGlite only.`);
    await admin.end();
    return { rows };
  }
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    rows.push(await benchDatabase('Postgres', await openDatabase({ url: url.toString(), max: 5 })));
    return { rows, hot: await measureHotAccounts(url.toString()) };
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

const met = (ok: boolean) => (ok ? '(met)' : '(NOT met)');

export function renderLedger({ rows, hot }: { rows: LedgerRow[]; hot?: HotRow }): string[] {
  return [
    '## Ledger posting',
    '',
    `${POSTINGS} balanced transactions through postTransaction, one after another on one connection (charges into a contract's review account alternating with releases out of it, which lock the account and check its balance), beside ${POSTINGS} raw transactions inserting two rows, on the same driver in the same run. Target: posting at ≥ ${LEDGER_TARGET_RATIO * 100}% of the raw rate.`,
    '',
    '| database | postTransaction (tx/s) | raw two-row insert (tx/s) | ratio |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => {
      const ratio = r.postedPerSecond / r.rawPerSecond;
      return `| ${r.database} | ${r.postedPerSecond.toFixed(0)} | ${r.rawPerSecond.toFixed(0)} | ${(ratio * 100).toFixed(0)}% ${met(ratio >= LEDGER_TARGET_RATIO)} |`;
    }),
    '',
    hot
      ? `Two hot accounts, ${HOT_POSTERS} concurrent posters × ${HOT_ROUNDS} postings on the Postgres server (A→B, B→A, and both out at once): ${hot.committed} committed, ${hot.refused} refused as overdrafts, ${hot.perSecond.toFixed(0)} committed/s; deadlocks ${hot.deadlocks} ${met(hot.deadlocks === 0)}, cents lost or doubled ${hot.lostCents} ${met(hot.lostCents === 0)}, ledger:check problems ${hot.problems} ${met(hot.problems === 0)}.`
      : 'Two hot accounts: not measured (no Postgres server).',
  ];
}
