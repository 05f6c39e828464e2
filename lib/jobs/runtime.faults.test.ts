import { eq } from 'drizzle-orm';
import { emailOutbox, mailboxMessages } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import { enqueueSignInEmail } from '@/tests/helpers/outbox';
import { jobDefinitions } from '@/lib/server/jobs';
import { startJobs, stopJobs } from './runtime';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await stopJobs();
  await database.dispose();
});

it('the pg-boss worker delivers an outbox message to the local mailbox', async () => {
  await startJobs(database, { work: true, jobs: jobDefinitions() });
  const id = await enqueueSignInEmail(database.db, 'worker@example.com');
  // A minute: the worker fetches once a second, and a busy machine stretches every second.
  const deadline = Date.now() + 60_000;
  let status = 'queued';
  while (Date.now() < deadline && status !== 'sent') {
    await new Promise((r) => setTimeout(r, 250));
    [{ status }] = await database.db
      .select({ status: emailOutbox.status })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, id));
  }
  expect(status).toBe('sent');
  const inbox = await database.db
    .select()
    .from(mailboxMessages)
    .where(eq(mailboxMessages.outboxId, id));
  expect(inbox).toHaveLength(1);
  expect(inbox[0].toAddress).toBe('worker@example.com');
});
