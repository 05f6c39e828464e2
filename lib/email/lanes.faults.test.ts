import { and, eq, inArray, sql } from 'drizzle-orm';
import { emailOutbox } from '@/db/schema';
import { startJobs, stopJobs } from '@/lib/jobs/runtime';
import { createTestDatabase } from '@/tests/helpers/db';
import { enqueueSignInEmail, findOutboxRow } from '@/tests/helpers/outbox';
import { emailJobs } from './jobs';
import { enqueueRenderedEmails } from './outbox';

/*
 * A sign-in link must not wait behind a bulk send: with one first-in-first-out queue
 * delivering a message a second, a sign-in email queued during a 500-row bulk delivery
 * took 270 s (its link lives 15 minutes). Through the real workers and the local mailbox.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await startJobs(database, { work: true, jobs: [emailJobs({ onFailed: [] })] });
});
afterAll(async () => {
  await stopJobs();
  await database.dispose();
});

async function enqueueBulk(count: number): Promise<string[]> {
  return database.db.transaction((tx) =>
    enqueueRenderedEmails(
      tx,
      Array.from({ length: count }, (_, i) => ({
        to: `bulk-${i}@example.com`,
        subject: 'Dana Lee of Acme invited you',
        template: 'invitation',
        html: `<p>Hello ${i}</p>`,
        text: `Hello ${i}`,
      })),
      'bulk',
    ),
  );
}

async function sentCount(ids: string[]): Promise<number> {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(emailOutbox)
    .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, 'sent')));
  return Number(row.n);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

it('delivers a sign-in email within 5 s while a 500-row bulk send drains, and drains the bulk fast', async () => {
  const bulk = await enqueueBulk(500);
  const signIn = await enqueueSignInEmail(database.db, 'waiting@example.com');
  const latency = await waitFor(
    async () => (await findOutboxRow(database.db, signIn)).status === 'sent',
    5_000,
  );
  expect(latency).toBeLessThan(5_000);
  // Well under the 500 s one message a second took; generous for a shared test machine.
  await waitFor(async () => (await sentCount(bulk)) === 500, 30_000);
});
