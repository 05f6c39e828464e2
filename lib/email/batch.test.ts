import { eq, inArray } from 'drizzle-orm';
import { emailOutbox, mailboxMessages } from '@/db/schema';
import { enqueueSignInEmail } from '@/tests/helpers/outbox';
import { startDatabaseAndStandIn } from '@/tests/helpers/worker-stand-in';
import { deliverOutboxBatch } from './batch';
import { enqueueRenderedEmails, type BulkDeliveryJob } from './outbox';
import { mailboxTransport, resendTransport } from './transport';

const files = startDatabaseAndStandIn();

/** Queues `count` invitation-like messages in the bulk lane; returns their batches' jobs. */
async function enqueueBulk(prefix: string, count: number): Promise<BulkDeliveryJob[]> {
  const ids = await files.database.db.transaction((tx) =>
    enqueueRenderedEmails(
      tx,
      Array.from({ length: count }, (_, i) => ({
        to: `${prefix}-${i}@example.com`,
        subject: 'Dana Lee of Acme invited you',
        template: 'invitation',
        html: `<p>Hello ${i}, <a href="http://localhost:3000/invite/TOKEN-${i}">join</a></p>`,
        text: `Hello ${i}: http://localhost:3000/invite/TOKEN-${i}`,
        containsSecret: true,
      })),
      'bulk',
    ),
  );
  const { rows } = await files.database.executeSql(
    `select data from pgboss.job where name = 'email-deliver-bulk' and data->'outboxIds' ?| $1::text[]`,
    [ids],
  );
  return rows.map((r) => r.data as BulkDeliveryJob);
}

const rowsOf = (ids: string[]) =>
  files.database.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));

describe('the bulk lane', () => {
  it('queues one job per 100 messages, apart from the transactional lane', async () => {
    const jobs = await enqueueBulk('lane', 250);
    expect(jobs.map((j) => j.outboxIds.length).sort()).toEqual([100, 100, 50]);
    expect(new Set(jobs.map((j) => j.batchId)).size).toBe(3);
    const signIn = await enqueueSignInEmail(files.database.db, 'lane-sign-in@example.com');
    const { rows } = await files.database.executeSql(
      `select name from pgboss.job where data->>'outboxId' = $1`,
      [signIn],
    );
    expect(rows).toEqual([{ name: 'email-deliver' }]);
  });

  it('sends a batch in one request, each message tagged, under the batch key', async () => {
    const [job] = await enqueueBulk('one-request', 100);
    const transport = resendTransport('re_test_key', files.standIn.baseUrl);
    const outcome = await deliverOutboxBatch(files.database.db, job, transport);
    expect(outcome).toMatchObject({ status: 'settled', failed: [] });

    const requests = files.standIn.batches.filter(
      (b) => b.idempotencyKey === `batch-${job.batchId}`,
    );
    expect(requests).toHaveLength(1);
    expect(requests[0].authorization).toBe('Bearer re_test_key');
    expect(requests[0].body.map((m) => m.tags?.[0].value)).toEqual(job.outboxIds);
    const rows = await rowsOf(job.outboxIds);
    expect(rows.every((r) => r.status === 'sent' && r.sentAt && r.attempts === 1)).toBe(true);
    // Bodies with a token are wiped; each message records its own provider id.
    expect(rows.every((r) => r.html === null && r.text === null)).toBe(true);
    for (const row of rows) expect(row.providerMessageId).toBe(files.standIn.delivered.get(row.id));
    expect(new Set(rows.map((r) => r.providerMessageId)).size).toBe(100);
  });

  it('retries a failed request whole, with the same key, and delivers each message once', async () => {
    const [job] = await enqueueBulk('retried', 20);
    const transport = resendTransport('re_test_key', files.standIn.baseUrl);
    files.standIn.queueFor('retried-0@example.com', 'error-500', 'error-429');
    expect(await deliverOutboxBatch(files.database.db, job, transport, 5)).toMatchObject({
      status: 'retry',
      error: expect.stringMatching(/Resend is down/),
    });
    expect((await rowsOf(job.outboxIds)).every((r) => r.status === 'queued')).toBe(true);
    expect((await deliverOutboxBatch(files.database.db, job, transport, 5)).status).toBe('retry');
    expect((await deliverOutboxBatch(files.database.db, job, transport, 5)).status).toBe('settled');

    const requests = files.standIn.batches.filter(
      (b) => b.idempotencyKey === `batch-${job.batchId}`,
    );
    expect(requests).toHaveLength(3);
    // The same messages in the same order each time: the key stands for one payload.
    expect(new Set(requests.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const rows = await rowsOf(job.outboxIds);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 3)).toBe(true);
  });

  it('replays the same key when the first answer was lost, and Resend counts it once', async () => {
    const [job] = await enqueueBulk('lost-answer', 5);
    const transport = resendTransport('re_test_key', files.standIn.baseUrl);
    const rows = await rowsOf(job.outboxIds);
    const byId = new Map(rows.map((r) => [r.id, r]));
    // The first request got through; its answer never reached the worker.
    await transport.deliverBatch(
      job.outboxIds.map((id) => {
        const r = byId.get(id)!;
        return {
          id,
          from: r.fromAddress,
          to: r.toAddress,
          subject: r.subject,
          html: r.html!,
          text: r.text!,
        };
      }),
      `batch-${job.batchId}`,
    );
    const delivered = files.standIn.delivered.size;
    expect(await deliverOutboxBatch(files.database.db, job, transport)).toMatchObject({
      status: 'settled',
      failed: [],
    });
    expect(files.standIn.delivered.size).toBe(delivered);
    for (const row of await rowsOf(job.outboxIds))
      expect(row.providerMessageId).toBe(files.standIn.delivered.get(row.id));
  });

  it('an address the provider refuses fails alone; the rest of the batch is sent', async () => {
    const [job] = await enqueueBulk('refused', 4);
    files.standIn.refuseAddress('refused-2@example.com');
    const outcome = await deliverOutboxBatch(
      files.database.db,
      job,
      resendTransport('re_test_key', files.standIn.baseUrl),
    );
    if (outcome.status !== 'settled') throw new Error(JSON.stringify(outcome));
    expect(outcome.sent).toHaveLength(3);
    expect(outcome.failed).toEqual([
      { id: job.outboxIds[2], error: expect.stringContaining('refused-2@example.com') },
    ]);
    const rows = new Map((await rowsOf(job.outboxIds)).map((r) => [r.id, r]));
    expect(rows.get(job.outboxIds[2])).toMatchObject({ status: 'failed' });
    expect(rows.get(job.outboxIds[3])!.providerMessageId).toBe(
      files.standIn.delivered.get(job.outboxIds[3]),
    );
  });

  it('marks the whole batch failed after the last attempt', async () => {
    const [job] = await enqueueBulk('down', 3);
    const transport = resendTransport('re_test_key', files.standIn.baseUrl);
    files.standIn.queueFor('down-0@example.com', 'error-500', 'error-500');
    expect((await deliverOutboxBatch(files.database.db, job, transport, 2)).status).toBe('retry');
    const last = await deliverOutboxBatch(files.database.db, job, transport, 2);
    expect(last).toMatchObject({ status: 'settled', sent: [] });
    if (last.status === 'settled') expect(last.failed).toHaveLength(3);
    const rows = await rowsOf(job.outboxIds);
    expect(rows.every((r) => r.status === 'failed' && r.failedAt && r.attempts === 2)).toBe(true);
    expect(await deliverOutboxBatch(files.database.db, job, transport, 2)).toMatchObject({
      status: 'settled',
      sent: [],
      failed: [],
    });
  });

  it('delivers a batch to the local mailbox once, however often it runs', async () => {
    const [job] = await enqueueBulk('mailbox', 100);
    const transport = mailboxTransport(files.database.db);
    expect((await deliverOutboxBatch(files.database.db, job, transport)).status).toBe('settled');
    await files.database.db
      .update(emailOutbox)
      .set({ status: 'queued', html: 'again', text: 'again' })
      .where(inArray(emailOutbox.id, job.outboxIds));
    await deliverOutboxBatch(files.database.db, job, transport);
    const inbox = await files.database.db
      .select()
      .from(mailboxMessages)
      .where(inArray(mailboxMessages.outboxId, job.outboxIds));
    expect(inbox).toHaveLength(100);
    const [first] = await files.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.id, job.outboxIds[0]));
    expect(first.providerMessageId).toBe(inbox.find((m) => m.outboxId === job.outboxIds[0])!.id);
  });
});
