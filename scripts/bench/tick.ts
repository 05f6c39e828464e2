import { rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { migrateDatabase, openDatabase, type Database } from '@/db/client';
import { now } from '@/lib/clock';
import { weekStartOf } from '@/lib/hourly/week';
import { createBoss, prepareQueues } from '@/lib/jobs/boss';
import { findLedgerProblems } from '@/lib/ledger/check';
import { jobDefinitions } from '@/lib/server/jobs';
import { runBillingTick } from '@/lib/tick';
import { seedTickBench } from './tick-seed';

/*
 * The billing tick (issue 15): WORKSPACES × PER_WORKSPACE active hourly contracts with a week
 * of time each, invoiced and charged through the simulated provider by one runBillingTick,
 * in process (no Next build) on PGlite and on the Postgres server; then a second tick for
 * the same time, which must find nothing to do. Targets: the first under 60 s on PGlite and
 * 30 s on the server, the second under 5 s on both.
 */
const WORKSPACES = Number(process.env.BENCH_TICK_WORKSPACES ?? 100);
const PER_WORKSPACE = Number(process.env.BENCH_TICK_PER_WORKSPACE ?? 100);
const DAY_MS = 86_400_000;
/** BENCH_TICK_DATABASE=PGlite or Postgres: measure on that one only (two runs side by side). */
const ONLY = process.env.BENCH_TICK_DATABASE;
export const TICK_TARGETS = { PGlite: 60, Postgres: 30, again: 5 } as const;

export type TickRow = {
  database: 'PGlite' | 'Postgres';
  contracts: number;
  invoices: number;
  firstSeconds: number;
  secondSeconds: number;
  secondHandled: number;
  problems: number;
};

const seconds = (startedAt: number) => (performance.now() - startedAt) / 1000;

async function benchDatabase(name: TickRow['database'], database: Database): Promise<TickRow> {
  try {
    await migrateDatabase(database);
    const boss = createBoss(database, { work: false });
    await boss.start();
    await prepareQueues(boss, database, jobDefinitions());
    await boss.stop({ graceful: false, wait: true });
    // Two weeks back is always a closed, invoiceable week, whatever today is.
    const at = now();
    const weekStart = new Date(weekStartOf(at).getTime() - 14 * DAY_MS);
    const seeded = await seedTickBench(database.db, {
      workspaces: WORKSPACES,
      contractsPerWorkspace: PER_WORKSPACE,
      weekStart,
    });
    const quiet = { log: () => {} };
    let startedAt = performance.now();
    const first = await runBillingTick(database.db, at, quiet);
    const firstSeconds = seconds(startedAt);
    startedAt = performance.now();
    const second = await runBillingTick(database.db, at, quiet);
    const secondSeconds = seconds(startedAt);
    const handled = (result: typeof first, step: string) =>
      result.steps.find((s) => s.name === step)?.handled ?? 0;
    return {
      database: name,
      contracts: seeded.contracts,
      invoices: handled(first, 'issueDueInvoices'),
      firstSeconds,
      secondSeconds,
      secondHandled: second.steps.reduce((sum, s) => sum + s.handled, 0),
      problems: (await findLedgerProblems(database.db)).length,
    };
  } finally {
    await database.close();
  }
}

export async function runTickBench(serverUrl: string): Promise<TickRow[]> {
  const rows: TickRow[] = [];
  if (ONLY !== 'Postgres') {
    const dir = path.resolve('.data/bench/tick-pglite');
    rmSync(dir, { recursive: true, force: true });
    rows.push(await benchDatabase('PGlite', await openDatabase({ dataDir: dir })));
  }
  if (ONLY === 'PGlite') return rows;
  const admin = postgres(serverUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  const name = `wb_bench_tick_${Date.now()}`;
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch {
    console.log(`No Postgres server at ${serverUrl}: the tick measured on PGlite only.`);
    await admin.end();
    return rows;
  }
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    rows.push(await benchDatabase('Postgres', await openDatabase({ url: url.toString(), max: 5 })));
    return rows;
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

const met = (ok: boolean) => (ok ? '(met)' : '(NOT met)');

export function renderTick(rows: TickRow[]): string[] {
  return [
    '## Billing tick',
    '',
    `${WORKSPACES * PER_WORKSPACE} active hourly contracts (${WORKSPACES} clients with a simulated card, ${PER_WORKSPACE} contracts each, five days of tracked time in one closed week), invoiced and charged by one \`runBillingTick\` in process; then a second tick for the same time. Targets: first tick under ${TICK_TARGETS.PGlite} s on PGlite and ${TICK_TARGETS.Postgres} s on the server; the second under ${TICK_TARGETS.again} s, handling nothing; no ledger problem.`,
    '',
    '| database | contracts | invoices and charges | first tick (s) | second tick (s) | handled by the second | ledger problems |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.contracts} | ${r.invoices} | ${r.firstSeconds.toFixed(1)} ${met(r.firstSeconds < TICK_TARGETS[r.database])} | ${r.secondSeconds.toFixed(2)} ${met(r.secondSeconds < TICK_TARGETS.again)} | ${r.secondHandled} ${met(r.secondHandled === 0)} | ${r.problems} ${met(r.problems === 0)} |`,
    ),
  ];
}
