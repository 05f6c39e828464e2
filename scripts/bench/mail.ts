import { rmSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { and, eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { migrateDatabase, openDatabase, type Database } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import InvitationEmail from '@/emails/invitation';
import SignInEmail from '@/emails/sign-in';
import { resetEnvCache } from '@/lib/env';
import { enqueueRenderedEmails, sendEmail } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';
import { startJobs, stopJobs } from '@/lib/jobs/runtime';
import { jobDefinitions } from '@/lib/server/jobs';
import { startResendStandIn } from '@/tests/helpers/resend-stand-in';

/*
 * Mail delivery, in process and without a Next build: the real pg-boss workers deliver to
 * the local Resend stand-in (every answer held back ANSWER_DELAY_MS, as a round trip to
 * Resend would be) and to the local mailbox, on PGlite and on the Postgres server.
 * - bulk: BULK_MESSAGES invitations queued in one transaction, messages per second until
 *   the last is sent (target ≥ 100/s);
 * - transactional: TRANSACTIONAL_MESSAGES single messages, messages per second;
 * - sign-in latency: a sign-in email queued right after a 500-row bulk send, seconds until
 *   it is sent (target ≤ 5 s), and how much of the bulk was still waiting then.
 */
const BULK_MESSAGES = 1_000;
const TRANSACTIONAL_MESSAGES = 200;
const LATENCY_BULK = 500;
const ANSWER_DELAY_MS = 100;
export const MAIL_TARGETS = { perSecond: 100, signInSeconds: 5 };

export type MailRow = {
  database: string;
  transport: string;
  bulkPerSecond: number;
  transactionalPerSecond: number;
  signInSeconds: number;
  bulkWaitingAtSignIn: number;
};

type Bodies = { html: string; text: string };

async function waitingCount(database: Database, template: string): Promise<number> {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.template, template), inArray(emailOutbox.status, ['queued', 'sending'])),
    );
  return Number(row.n);
}

/** Milliseconds from `startedAt` until no message of the template waits any more. */
async function drained(database: Database, template: string, startedAt: number): Promise<number> {
  const deadline = startedAt + 300_000;
  while ((await waitingCount(database, template)) > 0) {
    if (Date.now() > deadline) throw new Error(`${template}: not delivered within 300 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - startedAt;
}

function enqueueBulk(database: Database, template: string, count: number, bodies: Bodies) {
  return database.db.transaction((tx) =>
    enqueueRenderedEmails(
      tx,
      Array.from({ length: count }, (_, i) => ({
        to: `${template}-${i}@example.com`,
        subject: 'Dana Lee of Acme Studio invited you to work together on Workbridge',
        template,
        ...bodies,
        containsSecret: true,
      })),
      'bulk',
    ),
  );
}

const signIn = (to: string, template: string) => ({
  to,
  subject: 'Your Workbridge sign-in link',
  template,
  containsSecret: true,
  element: createElement(SignInEmail, {
    url: 'http://localhost:3000/sign-in/confirm?token=bench',
    expiresAt: new Date(Date.now() + 15 * 60_000),
  }),
});

async function measureTransport(
  label: string,
  transport: string,
  database: Database,
  bodies: Bodies,
): Promise<MailRow> {
  const run = `${label}-${transport}-${Date.now()}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');

  await enqueueBulk(database, `${run}-bulk`, BULK_MESSAGES, bodies);
  const bulkMs = await drained(database, `${run}-bulk`, Date.now());

  await database.db.transaction(async (tx) => {
    for (let i = 0; i < TRANSACTIONAL_MESSAGES; i++)
      await sendEmail(tx, signIn(`${run}-one-${i}@example.com`, `${run}-one`));
  });
  const transactionalMs = await drained(database, `${run}-one`, Date.now());

  await enqueueBulk(database, `${run}-drain`, LATENCY_BULK, bodies);
  await database.db.transaction((tx) => sendEmail(tx, signIn(`${run}@example.com`, `${run}-in`)));
  const signInMs = await drained(database, `${run}-in`, Date.now());
  const bulkWaitingAtSignIn = await waitingCount(database, `${run}-drain`);
  await drained(database, `${run}-drain`, Date.now());

  const row = {
    database: label,
    transport,
    bulkPerSecond: BULK_MESSAGES / (bulkMs / 1000),
    transactionalPerSecond: TRANSACTIONAL_MESSAGES / (transactionalMs / 1000),
    signInSeconds: signInMs / 1000,
    bulkWaitingAtSignIn,
  };
  console.log(
    `mail ${label.padEnd(9)} ${transport.padEnd(16)} bulk ${row.bulkPerSecond.toFixed(0)}/s  transactional ${row.transactionalPerSecond.toFixed(0)}/s  sign-in ${row.signInSeconds.toFixed(2)} s (${bulkWaitingAtSignIn} bulk still waiting)`,
  );
  return row;
}

function selectTransport(settings: Record<string, string>) {
  Object.assign(process.env, settings);
  resetEnvCache();
}

/** Both transports on one migrated database, through the real workers. */
async function benchDatabase(
  label: string,
  database: Database,
  standInUrl: string,
  bodies: Bodies,
): Promise<MailRow[]> {
  await migrateDatabase(database);
  selectTransport({ EMAIL_TRANSPORT: 'mailbox' });
  await startJobs(database, { work: true, jobs: jobDefinitions() });
  try {
    const rows = [await measureTransport(label, 'mailbox', database, bodies)];
    selectTransport({
      EMAIL_TRANSPORT: 'resend',
      RESEND_API_KEY: 're_bench_key',
      RESEND_BASE_URL: standInUrl,
    });
    rows.push(await measureTransport(label, 'Resend stand-in', database, bodies));
    return rows;
  } finally {
    await stopJobs();
    await database.close();
  }
}

/** The mail bench on PGlite (a scratch folder) and on the Postgres server (a scratch database). */
export async function runMailBench(serverUrl: string): Promise<MailRow[]> {
  const saved = { ...process.env };
  const standIn = await startResendStandIn({ answerDelayMs: ANSWER_DELAY_MS });
  const bodies = await renderEmail(createElement(InvitationEmail, {}));
  const rows: MailRow[] = [];
  try {
    const dir = path.resolve('.data/bench/mail-pglite');
    rmSync(dir, { recursive: true, force: true });
    rows.push(
      ...(await benchDatabase(
        'PGlite',
        await openDatabase({ dataDir: dir }),
        standIn.baseUrl,
        bodies,
      )),
    );
    const admin = postgres(serverUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
    const name = `wb_bench_mail_${Date.now()}`;
    try {
      await admin.unsafe(`create database "${name}"`);
    } catch {
      console.log(`No Postgres server at ${serverUrl}: mail measured on PGlite only.`);
      await admin.end();
      return rows;
    }
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ url: url.toString(), max: 5 });
      rows.push(...(await benchDatabase('Postgres', database, standIn.baseUrl, bodies)));
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
    return rows;
  } finally {
    await standIn.close();
    process.env = saved;
    resetEnvCache();
  }
}

const met = (ok: boolean) => (ok ? '(met)' : '(NOT met)');

export function renderMail(rows: MailRow[]): string[] {
  return [
    '## Mail delivery',
    '',
    `The real pg-boss workers, in process: ${BULK_MESSAGES} invitations queued at once (bulk lane, one Resend batch request per 100), ${TRANSACTIONAL_MESSAGES} single messages (transactional lane), and a sign-in email queued right after a ${LATENCY_BULK}-row bulk send. The Resend stand-in holds every answer back ${ANSWER_DELAY_MS} ms. Targets: ≥ ${MAIL_TARGETS.perSecond} messages/s, sign-in ≤ ${MAIL_TARGETS.signInSeconds} s.`,
    '',
    '| database | transport | bulk (msg/s) | transactional (msg/s) | sign-in during bulk (s) | bulk still waiting then |',
    '|---|---|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.transport} | ${r.bulkPerSecond.toFixed(0)} ${met(r.bulkPerSecond >= MAIL_TARGETS.perSecond)} | ${r.transactionalPerSecond.toFixed(0)} | ${r.signInSeconds.toFixed(2)} ${met(r.signInSeconds <= MAIL_TARGETS.signInSeconds)} | ${r.bulkWaitingAtSignIn} of ${LATENCY_BULK} |`,
    ),
  ];
}
